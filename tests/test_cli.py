"""The command line: exit status and whole messages for each command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from booklet.cli import main
from tests.conftest import page_texts


@pytest.fixture
def project(default_project: Path, tmp_path: Path) -> Path:
    """A private copy of the default project that a test may break."""
    copy = tmp_path / "project"
    shutil.copytree(
        default_project, copy, ignore=shutil.ignore_patterns("output", ".booklet-cache")
    )
    return copy


def test_check_passes_on_the_default_booklet(default_project, capsys):
    assert main(["check", str(default_project)]) == 0
    out = capsys.readouterr().out
    assert "web-serial-349               unreliable" in out
    assert "facts: 47 verified, 8 charts" in out
    assert "sources disagree on volunteer-deaths: 236 volunteers (soviet-contribution); " in out
    assert out.endswith("no problems found\n")


def test_check_json_lists_sources_and_conflicts(default_project, capsys):
    assert main(["check", str(default_project), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [source["id"] for source in report["sources"]][-1] == "web-serial-349"
    assert report["conflicts"][0]["quantity"] == "volunteer-deaths"
    assert report["problems"] == []


def test_a_wrong_quote_fails_with_file_line_and_hint(project, capsys):
    facts = project / "seeds" / "facts.toml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace("amounting to $150 million", "amounting to $150 millions"), "utf-8"
    )
    line = text[: text.index("amounting to $150 million")].count("\n") + 1
    entry_line = text[: text.index('id = "loan-third"')].count("\n")  # the [[fact]] line before it
    assert main(["check", str(project)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"seeds/facts.toml:{entry_line}: error: the quote of fact 'loan-third' is not in source "
        "'soviet-contribution'\n"
        f"{entry_line:>6} | [[fact]]\n"
        '  hint: closest passage (paragraph 7): "They agreed to provide China with another loan of '
        "$50 million in early 1938, and later, an agreement was reached on a third loan amounting "
        'to $150 million."; copy the words exactly\n'
    )
    assert line > entry_line


def test_a_fact_from_the_unreliable_source_is_refused(project, capsys):
    facts = project / "seeds" / "facts.toml"
    facts.write_text(
        facts.read_text(encoding="utf-8")
        + '\n[[fact]]\nid = "tanks-1944"\nvalue = 5000\nunit = "tanks"\nlabel = "Tanks"\n'
        'qualifier = "more than"\nsource = "web-serial-349"\n'
        'quote = "more than 5,000 tanks"\n',
        encoding="utf-8",
    )
    assert main(["build", str(project)]) == 1
    assert "fact 'tanks-1944' cites 'web-serial-349', a source marked unreliable" in (
        capsys.readouterr().err
    )


def test_a_changed_seed_is_noticed(project, capsys):
    seed = project / "seeds" / "undeclared-war.txt"
    seed.write_bytes(seed.read_bytes() + b"\nAn added line.\n")
    assert main(["check", str(project)]) == 1
    assert "seeds/undeclared-war.txt has changed since its sha256 was recorded" in (
        capsys.readouterr().err
    )


def test_not_a_project_is_bad_usage(tmp_path, capsys):
    assert main(["build", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"booklet.toml: error: {tmp_path.resolve()} is not a booklet project "
        "(it has no booklet.toml)\n"
        "  hint: run `booklet new DIR` to start one\n"
    )


def test_bad_manifest_value_suggests_the_near_miss(project, capsys):
    manifest = project / "booklet.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('paper = "a5"', 'paper = "a55"'), "utf-8"
    )
    assert main(["build", str(project)]) == 2
    assert capsys.readouterr().err == (
        "booklet.toml:11: error: `paper` cannot be 'a55'\n"
        '    11 | paper = "a55"\n'
        '  hint: did you mean "a5"?\n'
    )


def test_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["build", "--colour"])
    assert exited.value.code == 2
    assert "unrecognized arguments: --colour" in capsys.readouterr().err


def test_sources_dump_writes_cleaned_text(default_project, tmp_path, capsys):
    assert main(["sources", str(default_project), "--dump", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "operation-zet: 3 paragraphs kept, 11 glossary entries" in out
    text = (tmp_path / "out" / "operation-zet.txt").read_text(encoding="utf-8")
    assert text.startswith("Operation Zet was a secret operation of the Soviet Union to provide")
    assert (tmp_path / "out" / "glossary.txt").is_file()


def test_new_from_saved_documents_then_build(tmp_path, capsys):
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "ferry.txt").write_text(
        "The Ferry at Wendmouth\n\nBy TOM HALE\n\nA ferry crossed the Wend at Wendmouth from 1620 "
        "until the bridge opened in 1907. It carried carts, sheep and the post.\n\n"
        "The last ferryman, Walter Cobb, rowed it for forty years.\n\n"
        "0 comments:\n\nPost a Comment\n",
        encoding="utf-8",
    )
    target = tmp_path / "ferry-booklet"
    assert main(["new", str(target), "--seeds", str(saved)]) == 0
    assert capsys.readouterr().out.startswith(f"created {target} (")
    assert main(["build", str(target)]) == 0
    text = " ".join(page_texts(target / "output" / "ferry-booklet.pdf"))
    assert "The Ferry at Wendmouth" in text
    assert "The last ferryman, Walter Cobb, rowed it for forty years." in text
    assert "Post a Comment" not in text


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 2
    assert "error:" in capsys.readouterr().err


def test_facts_suggest_prints_entries_that_pass_the_checks(default_project, capsys):
    assert main(["facts", str(default_project), "--suggest"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("# Candidate figures for seeds/facts.toml")
    assert "# set aside: 19 numbers in web-serial-349 (unreliable)" in report
    assert 'source = "web-serial-349"' not in report


def test_the_grayscale_edition_has_no_colour(project, capsys):
    import pypdfium2

    assert main(["build", str(project), "--grayscale", "--only", "digital"]) == 0
    pdf = pypdfium2.PdfDocument(project / "output" / "soviet-aid-to-china-grayscale.pdf")
    for index in range(len(pdf)):
        red, green, blue = pdf[index].render(scale=0.5).to_pil().convert("RGB").split()
        assert red.tobytes() == green.tobytes() == blue.tobytes(), f"colour on page {index + 1}"


def test_a_print_shop_edition_with_bleed_from_the_manifest(project):
    from pypdf import PdfReader

    manifest = project / "booklet.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + "\n[print]\nbleed_mm = 3\nmarks = true\n", "utf-8"
    )
    assert main(["build", str(project), "--only", "print-shop"]) == 0
    page = PdfReader(project / "output" / "soviet-aid-to-china-print-shop.pdf").pages[0]
    trim, bleed = page.trimbox, page.bleedbox
    assert round(float(trim.width) / 72 * 25.4) == 148
    assert round((float(bleed.width) - float(trim.width)) / 72 * 25.4) == 6


def test_a_print_setting_of_the_wrong_kind_is_bad_input(project, capsys):
    manifest = project / "booklet.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + '\n[print]\nbleed_mm = "3mm"\n', encoding="utf-8"
    )
    assert main(["build", str(project)]) == 2
    assert "error: `bleed_mm` must be a number of millimetres" in capsys.readouterr().err


def test_print_before_build_says_what_to_do(project, capsys):
    assert main(["print", str(project)]) == 2
    assert "the booklet has not been built\n  hint: run `booklet build` first" in (
        capsys.readouterr().err
    )


def test_check_lists_facts_and_terms_the_templates_never_use(default_project, capsys):
    assert main(["check", str(default_project)]) == 0
    out = capsys.readouterr().out
    assert "facts no template uses: japanese-losses-1945\n" in out
    assert "glossary terms no template mentions: World War II, " in out


def test_new_with_a_document_it_cannot_read_exits_2_and_makes_the_rest(tmp_path, capsys):
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "garbled.txt").write_bytes(bytes(range(128, 256)) * 8)
    (saved / "ferry.txt").write_text(
        "The Ferry\n\nA ferry crossed the river until the bridge opened in 1907.\n", "utf-8"
    )
    target = tmp_path / "booklet"
    assert main(["new", str(target), "--seeds", str(saved)]) == 2
    assert "cannot tell which text encoding this document uses" in capsys.readouterr().err
    assert (target / "seeds" / "sources.toml").is_file()
