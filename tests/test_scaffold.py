"""`booklet new`: a project that builds at once, from nothing or from a folder of saved pages."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.build import build
from booklet.cli import main
from booklet.diagnostics import BookletError
from booklet.facts.curated import read_curated_figures
from booklet.project import load_project
from booklet.scaffold import create_project, guess_kind, readable_title, slugify
from booklet.sources import clean_document, read_registry
from booklet.sources.model import SourceInfo
from tests.conftest import ROOT, page_texts

BLOG = """\
Grinding Again at Hollow Brook Mill
Posted by Margaret Ellis at 4:12 PM

Last Saturday the volunteers of the Hollow Brook Mill Trust opened the sluice gate for the \
first time in forty years, and the great wheel turned while the whole village watched from \
the bridge.

The mill was built in 1786 by a miller called Thomas Bray, who leased the water rights from \
the manor for eleven shillings a year. It ground corn for the farms of the valley until 1952, \
when the last miller, Harold Pike, retired and the machinery was left to rust.

Restoring it took the Trust nine years. The oak shaft had split, the stones had to be dressed \
by hand, and the mill pond was so silted up that children played football on it in dry summers.

Our next open day is on the first Sunday of June, when the mill will grind wholemeal flour for \
the village bakery.

Share this:
Facebook
Twitter
Like this:
Like Loading...

3 comments:

Peter Hale said...
What a wonderful day. My grandfather worked there as a boy!
Reply

Post a Comment

Older Post
Home
"""

NEWS = """\
THE VALLEY COURIER
LOCAL NEWS

Wheel turns again at restored Hollow Brook Mill
Volunteers celebrate the end of a nine-year restoration of the village's eighteenth-century \
corn mill

By SARAH OKAFOR
Updated 14 May 2023 10:15 BST

Crowds lined the banks of Hollow Brook on Saturday as the restored waterwheel of the village's \
corn mill turned for the first time since 1952.

TURNING AGAIN: Volunteers watch as water pours over the wheel for the first time in seventy years

The Hollow Brook Mill Trust, founded in 2014, raised £240,000 for the work, most of it from a \
heritage lottery grant and the rest from cake sales, sponsored walks and a calendar of the mill \
through the seasons.

"It was a race against the weather," said the Trust's chairman, David Marsh. "One more wet \
winter and the wheel pit would have collapsed."

The mill will open to visitors on the first Sunday of each month from June, and its flour will \
be sold at the village bakery.

Advertisement
Most read
"""

MIRROR = """\
Hollow Brook Mill
Encyclopedia
Hollow Brook Mill is a watermill on the Hollow Brook in the parish of Little Ashby, England. \
It was built in 1786 to grind corn, and is a Grade II listed building
Grade II listed building
A listed building, or listed structure, is one that has been placed on one of the four \
statutory lists maintained by Historic England or its counterparts...
.
The mill has an overshot waterwheel
waterwheel
A water wheel is a machine for converting the energy of flowing or falling water into useful \
forms of power, often in a watermill...
 of cast iron, 4.6 metres across, which drives two pairs of millstones.

History
The mill stopped work in 1952. It was bought by the parish council in 2013 and restored by a \
charitable trust between 2014 and 2023.

The source of this article is wikipedia, the free encyclopedia.  The text of this article is \
licensed under the GFDL.
"""

SAVED = {"Mill blog (saved).txt": BLOG, "courier-article.txt": NEWS, "mirror.txt": MIRROR}
NAMES = {
    "Mill blog (saved).txt": "grinding-again-hollow-brook",
    "courier-article.txt": "wheel-turns-again-restored",
    "mirror.txt": "hollow-brook-mill",
}
TITLES = [
    "Grinding Again at Hollow Brook Mill",
    "Wheel turns again at restored Hollow Brook Mill",
    "Hollow Brook Mill",
]
FURNITURE = [
    "Posted by",
    "Share this",
    "Like Loading",
    "Post a Comment",
    "Older Post",
    "Peter Hale",
    "grandfather",
    "THE VALLEY COURIER",
    "LOCAL NEWS",
    "By SARAH OKAFOR",
    "Updated 14 May",
    "nine-year restoration",
    "TURNING AGAIN",
    "Advertisement",
    "Most read",
    "GFDL",
]


def save(folder: Path, documents: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save(tmp_path_factory.mktemp("saved") / "pages", dict(SAVED))


@pytest.fixture(scope="module")
def created(tmp_path_factory: pytest.TempPathFactory, saved: Path) -> tuple[Path, list[Path]]:
    """The project made from the three saved pages, and the files `create_project` wrote."""
    root = tmp_path_factory.mktemp("new") / "hollow-brook_mill"
    written, problems = create_project(root, saved)
    assert problems == []
    return root, written


@pytest.fixture(scope="module")
def mill(created: tuple[Path, list[Path]]) -> Path:
    return created[0]


@pytest.fixture(scope="module")
def mill_pages(mill: Path) -> list[str]:
    return page_texts(build(load_project(mill))[0])


@pytest.fixture(scope="module")
def mill_sources(mill: Path) -> list[dict[str, str]]:
    text = (mill / "seeds" / "sources.toml").read_text(encoding="utf-8")
    sources: list[dict[str, str]] = tomllib.loads(text)["source"]
    return sources


def test_the_project_has_every_file_a_curator_edits(created):
    mill, written = created
    assert sorted(path.relative_to(mill).as_posix() for path in written) == [
        ".gitignore",
        "assets/style.toml",
        "booklet.toml",
        "seeds/facts.toml",
        "seeds/grinding-again-hollow-brook.txt",
        "seeds/hollow-brook-mill.txt",
        "seeds/sources.toml",
        "seeds/wheel-turns-again-restored.txt",
        "templates/booklet.jinja",
        "templates/chapters/01-introduction.jinja",
        "templates/chapters/02-the-documents.jinja",
    ]
    assert (mill / ".gitignore").read_text(encoding="utf-8").splitlines()[-2:] == [
        "output/",
        ".booklet-cache/",
    ]
    assert (mill / "assets" / "style.toml").read_bytes() == (
        ROOT / "assets/style.toml"
    ).read_bytes()


def test_documents_are_copied_byte_for_byte_under_names_from_their_titles(mill, saved):
    for original, name in NAMES.items():
        assert (mill / "seeds" / f"{name}.txt").read_bytes() == (saved / original).read_bytes()


def test_sources_toml_describes_each_document_and_leaves_the_unknown_out(mill_sources):
    assert [source["id"] for source in mill_sources] == list(NAMES.values())
    assert [source["title"] for source in mill_sources] == TITLES
    assert [source.get("author") for source in mill_sources] == [
        "Margaret Ellis",
        "Sarah Okafor",
        None,
    ]
    assert [source["kind"] for source in mill_sources] == ["blog", "news", "encyclopedia"]
    for source, original in zip(mill_sources, NAMES, strict=True):
        assert source["file"] == f"seeds/{source['id']}.txt"
        assert source["sha256"] == hashlib.sha256(SAVED[original].encode()).hexdigest()
        assert source["trust"] == "caution"
        assert source["trust_note"] == (
            "not yet judged: read the document and write the evidence for its trust level here"
        )
        assert not {"publisher", "published", "url", "accessed", "license"} & source.keys()


def test_sources_toml_keeps_the_original_names_and_the_evidence_for_each_kind(mill):
    text = (mill / "seeds" / "sources.toml").read_text(encoding="utf-8")
    assert '#   "Mill blog (saved).txt"  →  seeds/grinding-again-hollow-brook.txt\n' in text
    assert '#   "mirror.txt"             →  seeds/hollow-brook-mill.txt\n' in text
    assert "# kind: a guess from a comment section;" in text
    assert "#   unreliable  it is never quoted or cited as evidence" in text


def test_the_registry_accepts_what_was_written(mill):
    infos, problems = read_registry(load_project(mill))
    assert problems == []
    assert [info.id for info in infos] == list(NAMES.values())


def test_booklet_check_finds_no_problems(mill, capsys):
    assert main(["check", str(mill)]) == 0
    assert capsys.readouterr().out.endswith("no problems found\n")


def test_the_manifest_is_titled_after_the_folder_and_explains_each_setting(mill):
    project = load_project(mill)
    assert (project.title, project.slug, project.language) == (
        "Hollow Brook Mill",
        "hollow-brook-mill",
        "en-GB",
    )
    lines = (mill / "booklet.toml").read_text(encoding="utf-8").splitlines()
    settings = [number for number, line in enumerate(lines) if "= " in line]
    assert len(settings) >= 12
    for number in settings:
        if not lines[number].startswith("#"):
            assert lines[number - 1].startswith("#"), lines[number]
    explained = [line for line in lines if "(left out: " in line]
    assert len(explained) >= 10


def test_each_document_is_a_chapter_quoting_its_cleaned_text(mill, mill_pages):
    pdf = next((mill / "output").glob("*[!t].pdf"))
    outline = [entry.title for entry in PdfReader(pdf).outline if not isinstance(entry, list)]
    chapters = outline[outline.index("About this draft") :]
    assert chapters[:4] == ["About this draft", *TITLES]
    text = " ".join(mill_pages)
    for quoted in [
        "It ground corn for the farms of the valley until 1952",
        "raised £240,000 for the work",
        "and is a Grade II listed building.",
        "The mill has an overshot waterwheel of cast iron",
    ]:
        assert quoted in text


def test_the_back_matter_lists_the_sources_and_explains_the_glossed_terms(mill_pages):
    bibliography = next(page for page in mill_pages if page.startswith("Bibliography"))
    for title in TITLES:
        assert f"“{title}.”" in bibliography
    glossary = next(page for page in mill_pages if page.startswith("Glossary"))
    assert "Grade II listed building A listed building, or listed structure" in glossary
    assert "waterwheel A water wheel is a machine" in glossary
    notes = next(page for page in mill_pages if page.startswith("Notes on the sources"))
    assert "Hollow Brook Mill (encyclopedia; used with caution). not yet judged" in notes


def test_no_web_furniture_reaches_the_pages(mill_pages):
    text = " ".join(mill_pages)
    assert [words for words in FURNITURE if words in text] == []


def test_a_project_without_seeds_builds_and_says_how_to_add_documents(tmp_path, capsys):
    root = tmp_path / "empty"
    written, problems = create_project(root)
    assert problems == []
    assert sorted(
        path.relative_to(root).as_posix() for path in written if "seeds" in path.parts
    ) == [
        "seeds/facts.toml",
        "seeds/sources.toml",
    ]
    assert tomllib.loads((root / "seeds" / "sources.toml").read_text(encoding="utf-8")) == {}
    assert main(["check", str(root)]) == 0
    pages = page_texts(build(load_project(root))[0])
    capsys.readouterr()
    text = " ".join(pages)
    assert "Adding your documents This booklet has no documents yet." in text
    assert "save it as a .txt file in the seeds folder" in text
    assert not any(page.startswith("Bibliography") for page in pages)


def test_the_commented_examples_are_valid_entries_once_uncommented(tmp_path):
    create_project(tmp_path / "p")
    seeds = tmp_path / "p" / "seeds"
    sources = tomllib.loads(_uncommented_example(seeds / "sources.toml", "[[source]]"))
    known = {field.name for field in fields(SourceInfo)} - {"origin"}
    assert set(sources["source"][0]) <= known
    facts = seeds / "facts.toml"
    facts.write_text(_uncommented_example(facts, "[[fact]]"), encoding="utf-8")
    curated = read_curated_figures(facts, tmp_path / "p")
    assert curated.problems == ()
    assert [figure.id for figure in curated.figures] == ["flour-1850"]
    assert [chart["kind"] for chart in curated.charts] == ["bars"]


def _uncommented_example(path: Path, first: str) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"# {first}")
    example = []
    for line in lines[start:]:
        if not line.startswith("#"):
            break
        example.append(line.removeprefix("#").removeprefix(" "))
    return "\n".join(example) + "\n"


def test_a_folder_that_holds_files_is_refused(tmp_path, saved):
    target = save(tmp_path / "busy", {"notes.txt": "mine"})
    with pytest.raises(BookletError) as refused:
        create_project(target, saved)
    assert refused.value.problem.format() == (
        f"{target.as_posix()}: error: this folder is not empty\n"
        "  hint: give a new or empty folder: `booklet new` never writes over files"
    )
    assert [path.name for path in target.iterdir()] == ["notes.txt"]


def test_a_missing_seeds_folder_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(BookletError) as refused:
        create_project(tmp_path / "new", tmp_path / "nowhere")
    assert refused.value.problem.message == "no such folder"
    assert refused.value.problem.hint == "give the folder that holds the saved .txt documents"
    assert not (tmp_path / "new").exists()


def test_a_seeds_folder_without_txt_files_is_refused(tmp_path):
    seeds = save(tmp_path / "pages", {"page.html": "<p>a page</p>", ".hidden.txt": "x"})
    with pytest.raises(BookletError) as refused:
        create_project(tmp_path / "new", seeds)
    assert refused.value.problem.message == "this folder holds no .txt files"
    assert not (tmp_path / "new").exists()


def test_an_undecodable_document_is_reported_not_printed(tmp_path, capsys):
    seeds = save(tmp_path / "pages", {"garbled.txt": bytes(range(128, 256)) * 8, "blog.txt": BLOG})
    root = tmp_path / "new"
    _, problems = create_project(root, seeds)
    assert [problem.is_unreadable_input for problem in problems] == [True]  # exit status 2
    assert [problem.format() for problem in problems] == [
        f"{(seeds / 'garbled.txt').as_posix()}: error: cannot tell which text encoding this "
        "document uses\n"
        "  hint: open it in a text editor, save it as UTF-8 over seeds/garbled.txt, then run "
        "`booklet check` for its new sha256"
    ]
    assert capsys.readouterr() == ("", "")
    assert (root / "seeds" / "garbled.txt").read_bytes() == (seeds / "garbled.txt").read_bytes()
    sources = tomllib.loads((root / "seeds" / "sources.toml").read_text(encoding="utf-8"))
    assert [(s["id"], s["title"], s["kind"]) for s in sources["source"]] == [
        ("grinding-again-hollow-brook", "Grinding Again at Hollow Brook Mill", "blog"),
        ("garbled", "Garbled", "unknown"),
    ]


def test_documents_with_the_same_title_get_names_of_their_own(tmp_path):
    odd = 'The "Old" Mill \\ Notes\n\nThe mill stood by the ford for three hundred years or more.\n'
    seeds = save(tmp_path / "pages", {"a.txt": odd, "b.txt": odd, "c.txt": "Glossary\n\n" + BLOG})
    root = tmp_path / "new"
    create_project(root, seeds)
    infos, problems = read_registry(load_project(root))
    assert problems == []
    assert [(info.id, info.title) for info in infos] == [
        ("old-mill-notes", 'The "Old" Mill \\ Notes'),
        ("old-mill-notes-2", 'The "Old" Mill \\ Notes'),
        ("glossary-2", "Glossary"),
    ]


FORUM = """\
Re: Who remembers the old mill?
Joined: March 2011
Posts: 412

Quote from: millerman on June 3, 2012
My grandfather ground corn there before the war.

I remember the wheel still turning in the fifties. We used to throw sticks into the race.
"""
SERIAL = """\
12 The Miller's Daughter

Previous Chapter | Next Chapter

Ella ran down to the mill before dawn, her lantern swinging in the fog above the race.

Next Chapter
"""
BOOK = """\
THE WATER MILLS OF THE SOUTHERN COUNTIES
First published in 1921
ISBN 978-0-00-000000-0

PREFACE

This book describes the water mills of the southern counties as they stood after the war.
"""


@pytest.mark.parametrize(("text", "kind"), [(FORUM, "forum"), (SERIAL, "fiction"), (BOOK, "book")])
def test_the_kind_of_a_page_is_guessed_from_generic_signs(text, kind):
    assert guess_kind(text, clean_document(text, "page", Path("page.txt")))[0] == kind


def test_a_page_without_telling_signs_is_of_unknown_kind():
    text = "A Walk by the River\n\nWe walked along the river on Sunday and saw the old mill.\n"
    assert guess_kind(text, clean_document(text, "walk", Path("walk.txt"))) == ("unknown", ())


@pytest.mark.parametrize(
    ("folder", "title"),
    [
        ("old-mill_history", "Old Mill History"),
        ("the-mill-of-little-ashby", "The Mill of Little Ashby"),
        ("Hollow Brook  Mill", "Hollow Brook Mill"),
        ("___", "My Booklet"),
    ],
)
def test_a_folder_name_becomes_a_readable_title(folder, title):
    assert readable_title(folder) == title


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Grinding Again at Hollow Brook Mill", "grinding-again-hollow-brook"),
        ("Die Ölmühle von Schäfersdorf", "die-olmuhle-von-schafersdorf"),
        ("The", "the"),
        ("磨坊", ""),
    ],
)
def test_a_title_becomes_a_short_plain_name(title, slug):
    assert slugify(title) == slug
