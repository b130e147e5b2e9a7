"""Seeds are text saved from the open web: odd bytes, odd sizes, odd scripts, odd names.

Each project here starts from `booklet new`, whose chapters quote every source in full,
so whatever a seed holds reaches the pages.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pytest

from booklet.cli import main
from tests.canal import WORDS, canal_book
from tests.conftest import page_texts

GARBLED = bytes(range(128, 256)) * 8  # no text encoding fits these bytes
UNDECODABLE = (
    "seeds/garbled.txt: error: cannot tell which text encoding seeds/garbled.txt uses\n"
    "  hint: open it in a text editor and save it again as UTF-8\n"
)


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    """A new, empty project whose folder's path has spaces and non-ASCII letters."""
    project = tmp_path / "Mühlen und Kanäle 1938"
    assert main(["new", str(project), "--quiet"]) == 0
    return project


def add_seed(project: Path, file: str, data: bytes, source_id: str = "saved") -> Path:
    """Save a document under seeds/ and list it, with its sha256, in sources.toml."""
    path = project / "seeds" / file
    path.write_bytes(data)
    with (project / "seeds" / "sources.toml").open("a", encoding="utf-8") as sources:
        sources.write(
            f'\n[[source]]\nid = "{source_id}"\nfile = "seeds/{file}"\n'
            f'sha256 = "{hashlib.sha256(data).hexdigest()}"\ntitle = "A saved page"\n'
            'kind = "blog"\ntrust = "reliable"\ntrust_note = "a test document"\n'
        )
    return path


def sources_line(project: Path, key: str, source_id: str = "saved") -> int:
    """The line of `key` in the [[source]] table of `source_id`."""
    lines = (project / "seeds" / "sources.toml").read_text(encoding="utf-8").splitlines()
    start = lines.index(f'id = "{source_id}"')
    return next(n for n, line in enumerate(lines[start:], start + 1) if line.startswith(key))


def built_text(project: Path) -> str:
    return " ".join(page_texts(project / "output" / f"{project_slug(project)}.pdf"))


def project_slug(project: Path) -> str:
    manifest = (project / "booklet.toml").read_text(encoding="utf-8")
    return next(line for line in manifest.splitlines() if line.startswith("slug"))[8:-1]


def test_an_empty_seed_is_built_with_a_warning(starter, capsys):
    add_seed(starter, "empty.txt", b"")
    assert main(["build", str(starter), "--only", "digital"]) == 0
    line = sources_line(starter, "file")
    assert capsys.readouterr().err == (
        f"seeds/sources.toml:{line}: warning: seeds/empty.txt is empty\n"
        f'{line:>6} | file = "seeds/empty.txt"\n'
        "  hint: save the document again: the booklet has nothing to quote from it\n"
        "1 warning\n"
    )
    assert "Nothing of this document was kept after cleaning." in built_text(starter)


def test_nul_bytes_are_removed_with_a_warning(starter, capsys):
    add_seed(starter, "nul.txt", b"The Pump\n\nThe pump was painted \x00green in 1902.\n")
    assert main(["build", str(starter), "--only", "digital"]) == 0
    assert capsys.readouterr().err == (
        "seeds/nul.txt: warning: seeds/nul.txt contains 1 NUL character; it was removed\n"
        "  hint: save the document again as plain text\n"
        "1 warning\n"
    )
    assert "The pump was painted green in 1902." in built_text(starter)


def test_undecodable_bytes_stop_the_build_with_what_to_do(starter, capsys):
    add_seed(starter, "garbled.txt", GARBLED)
    assert main(["build", str(starter), "--verbose"]) == 2  # unreadable input
    assert capsys.readouterr().err == UNDECODABLE
    assert not (starter / "output").exists()


def test_a_seed_that_links_outside_the_project_is_refused_unread(starter, tmp_path, capsys):
    outside = tmp_path / "private.txt"
    outside.write_text("The diary of someone else, never to be printed.\n", encoding="utf-8")
    add_seed(starter, "linked.txt", outside.read_bytes())
    (starter / "seeds" / "linked.txt").unlink()
    os.symlink(outside, starter / "seeds" / "linked.txt")
    assert main(["build", str(starter)]) == 2  # input booklet may not read
    line = sources_line(starter, "file")
    assert capsys.readouterr().err == (
        f"seeds/sources.toml:{line}: error: seeds/linked.txt is a link to a file outside the "
        "project\n"
        f'{line:>6} | file = "seeds/linked.txt"\n'
        "  hint: copy the document itself into seeds/\n"
    )
    assert not (starter / "output").exists()


@pytest.mark.parametrize("command", [["check"], ["check", "--json"], ["sources"]])
def test_every_command_that_reads_the_seeds_exits_2_for_an_undecodable_one(
    starter, capsys, command
):
    add_seed(starter, "garbled.txt", GARBLED)
    assert main([*command, str(starter)]) == 2
    out, err = capsys.readouterr()
    if "--json" in command:
        (problem,) = json.loads(out)["problems"]
        assert problem["message"] == "cannot tell which text encoding seeds/garbled.txt uses"
    else:
        assert err == UNDECODABLE


def test_a_missing_seed_file_is_unreadable_input(starter, capsys):
    add_seed(starter, "gone.txt", b"Saved, then deleted.\n").unlink()
    assert main(["build", str(starter)]) == 2
    line = sources_line(starter, "file")
    assert capsys.readouterr().err == (
        f"seeds/sources.toml:{line}: error: seeds/gone.txt does not exist\n"
        f'{line:>6} | file = "seeds/gone.txt"\n'
        "  hint: check the `file` of source 'saved', or save the document there\n"
    )


def test_a_wrong_quote_exits_1_and_with_an_unreadable_seed_2_both_listed(starter, capsys):
    add_seed(starter, "pump.txt", b"The Pump\n\nThe pump was painted by 12 men in 1902.\n")
    with (starter / "seeds" / "facts.toml").open("a", encoding="utf-8") as facts:
        facts.write(
            '\n[[fact]]\nid = "painters"\nvalue = 12\nunit = "men"\nlabel = "Painters"\n'
            'source = "saved"\nquote = "by twelve men"\n'
        )
    lines = (starter / "seeds" / "facts.toml").read_text(encoding="utf-8").splitlines()
    line = len(lines) - 6  # the [[fact]] line
    wrong_quote = (
        f"seeds/facts.toml:{line}: error: the quote of fact 'painters' is not in source 'saved'\n"
        f"{line:>6} | [[fact]]\n"
        "  hint: run `booklet sources --dump OUT` and copy the words from OUT/saved.txt\n"
    )
    assert main(["build", str(starter)]) == 1  # the booklet's own problem
    assert capsys.readouterr().err == wrong_quote
    add_seed(starter, "garbled.txt", GARBLED, source_id="garbled")
    assert main(["build", str(starter)]) == 2  # and input booklet cannot read
    assert capsys.readouterr().err == UNDECODABLE + wrong_quote
    assert not (starter / "output").exists()


def test_odd_seed_names_in_an_odd_folder_build_and_are_named_in_messages(starter, capsys):
    name = "Überblick \u2013 1938 (2).txt"
    seed = add_seed(starter, name, b"Der Hafen\n\nDer Hafen wurde 1938 erweitert.\n")
    assert main(["build", str(starter), "--only", "digital"]) == 0
    text = built_text(starter)
    assert "Der Hafen wurde 1938 erweitert." in text
    assert f"seeds/{name}" in text  # the colophon lists the saved documents
    seed.write_bytes(seed.read_bytes() + b"Ein Nachtrag.\n")
    capsys.readouterr()
    assert main(["check", str(starter)]) == 1
    assert f"error: seeds/{name} has changed since its sha256 was recorded" in (
        capsys.readouterr().err
    )


def test_right_to_left_text_emoji_and_zero_width_characters(starter, capsys):
    body = (
        "The Museum\n\nThe sign over the door of the museum read \u201c\u05e9\u05dc\u05d5\u05dd"
        "\u201d and \u0645\u0631\u062d\u0628\u0627 \U0001f600 in 1938.\n\n"
        "Its zero\u200bwidth and joined\u200d words and a soft\u00adhyphen were saved too.\n"
    )
    add_seed(starter, "museum.txt", body.encode())
    assert main(["build", str(starter), "--only", "digital"]) == 0
    err = capsys.readouterr().err
    assert err.count("warning:") == 1  # one font, one warning
    assert "cannot draw 10 characters of the booklet: \u05e9 (U+05E9), " in err
    assert "and 5 more; they come from source 'saved'" in err
    text = built_text(starter)
    assert "Its zerowidth and joined words and a softhyphen were saved too." in text


def test_a_font_that_covers_the_script_leaves_only_what_it_lacks(starter, capsys):
    style = starter / "assets" / "style.toml"
    style.write_text(
        '[fonts]\nbody = { family = "DejaVu Sans", regular = "DejaVuSans.ttf", '
        'bold = "DejaVuSans-Bold.ttf", italic = "DejaVuSans-Oblique.ttf", '
        'bold_italic = "DejaVuSans-BoldOblique.ttf" }\n',
        encoding="utf-8",
    )
    add_seed(
        starter,
        "museum.txt",
        "The Museum\n\nIt read \u05e9\u05dc\u05d5\u05dd \u4e2d then.\n".encode(),
    )
    assert main(["build", str(starter), "--only", "digital"]) == 0
    err = capsys.readouterr().err
    assert "the font DejaVu Sans (DejaVuSans.ttf) cannot draw 1 character of the booklet: " in err
    assert "\u4e2d (U+4E2D); they come from source 'saved'" in err
    text = built_text(starter)
    assert all(letter in text for letter in "\u05e9\u05dc\u05d5\u05dd")  # drawn, not boxes
    assert text.count("\x00") == 1  # the one character the font lacks


def test_a_long_line_and_a_long_word_are_read_quickly(starter, capsys):
    line = " ".join(random.Random(1).choice(WORDS) for _ in range(200_000))[:1_000_000]
    word = "Ab" * 10_000
    add_seed(
        starter, "long.txt", f"The Canal\n\n{line}.\n\nThe miller {word} ground corn.\n".encode()
    )
    started = time.perf_counter()
    assert main(["sources", str(starter)]) == 0
    assert time.perf_counter() - started < 5
    assert (
        capsys.readouterr().out
        == "saved: 2 paragraphs kept, 0 glossary entries; removed: title 1\n"
    )


def test_a_twenty_thousand_character_word_stays_inside_the_page(starter):
    word = "Ab" * 10_000
    add_seed(starter, "word.txt", f"The Mill\n\nThe miller {word} ground corn.\n".encode())
    assert main(["build", str(starter), "--only", "digital"]) == 0
    with pdfplumber.open(starter / "output" / f"{project_slug(starter)}.pdf") as pdf:
        for page in pdf.pages:
            for char in page.chars:
                assert char["x0"] >= 0, page.page_number
                assert char["x1"] <= page.width, page.page_number


# 50 MB: a saved e-book or a whole forum dump, far beyond any booklet's need, to show
# that size alone never breaks reading and cleaning, and that the work grows with the
# size rather than faster. It is the slowest test here (about 10 s), and runs as its
# own process, as a user's `booklet sources` would: in this one the memory of every
# other test would slow Python's garbage collector down by a further quarter.
def test_a_fifty_megabyte_seed_is_read(starter):
    text, number = canal_book(50_000_000, between="\n\n")
    add_seed(starter, "canal-book.txt", text.encode())
    run = subprocess.run(
        [sys.executable, "-m", "booklet", "sources", str(starter)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == f"saved: {number} paragraphs kept, 0 glossary entries; removed: title 1\n"
