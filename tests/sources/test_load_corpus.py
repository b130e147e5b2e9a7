from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

from booklet.diagnostics import Location, Problem
from booklet.project import Project
from booklet.sources import load_corpus

from .conftest import Seed

Register = Callable[..., None]

POST = """\
The Parish Pump

By ANNE GREEN

The pump on the green was installed in 1851 after an outbreak of cholera.

It was restored by the parish council in 1977.

Post a Comment
"""

MIRROR = """\
Cholera
Encyclopedia
Cholera is an infection of the small intestine caused by the bacterium Vibrio cholerae
Vibrio cholerae
Vibrio cholerae is a Gram-negative, comma-shaped bacterium. Some strains of it cause cholera...
, which spreads through dirty water.
"""


def test_sources_are_cleaned_with_their_metadata(
    project: Project, seed: Seed, register: Register
) -> None:
    register(seed("parish-pump", POST, title="The Parish Pump"), seed("cholera", MIRROR))
    corpus = load_corpus(project)
    assert corpus.problems == ()
    assert corpus.ids == ("parish-pump", "cholera")
    pump = corpus.source("parish-pump")
    assert pump is not None
    assert [paragraph.text for paragraph in pump.paragraphs] == [
        "The pump on the green was installed in 1851 after an outbreak of cholera.",
        "It was restored by the parish council in 1977.",
    ]
    assert pump.paragraph(2) is not None
    assert pump.paragraphs[1].origin == Location(Path("seeds/parish-pump.txt"), 7)
    assert pump.byline == "Anne Green"
    assert [removal.rule for removal in pump.removals] == ["title", "byline", "comment-widget"]
    assert [(entry.term, entry.source_id) for entry in corpus.glossary] == [
        ("Vibrio cholerae", "cholera")
    ]


def test_other_encodings_are_read(project: Project, seed: Seed, register: Register) -> None:
    body = "The caf\u00e9\u2019s owner \u2013 a baker \u2013 opened it in 1902."
    text = f"Caf\u00e9 Royal\r\n\r\n{body}\r\n"
    register(
        seed("utf16", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        seed("cp1252", text.encode("cp1252")),
    )
    corpus = load_corpus(project)
    texts = [[paragraph.text for paragraph in source.paragraphs] for source in corpus.sources]
    assert texts == [[body], [body]]


def test_problems_are_collected_not_raised(
    project: Project, seed: Seed, register: Register
) -> None:
    register(
        seed("garbled", bytes(range(128, 256)) * 8),
        seed("nul", "The pump was painted green in 1902.\x00\n"),
        seed("good", POST, trust="doubtful"),
    )
    corpus = load_corpus(project)
    assert corpus.ids == ("nul",)
    assert [
        (problem.location, problem.message, problem.severity) for problem in corpus.problems
    ] == [
        (Location(Path("seeds/sources.toml"), 25), "`trust` cannot be 'doubtful'", "error"),
        (
            Location(Path("seeds/garbled.txt")),
            "cannot tell which text encoding seeds/garbled.txt uses",
            "error",
        ),
        (
            Location(Path("seeds/nul.txt")),
            "seeds/nul.txt contains 1 NUL character; it was removed",
            "warning",
        ),
    ]
    assert corpus.problems[1] == Problem(
        Location(Path("seeds/garbled.txt")),
        "cannot tell which text encoding seeds/garbled.txt uses",
        hint="open it in a text editor and save it again as UTF-8",
        is_unreadable_input=True,
    )


def test_a_document_saved_twice_is_used_once_and_reported(
    project: Project, seed: Seed, register: Register
) -> None:
    article = "\n\n".join(
        f"In {1900 + n} the society recorded {n * 7} new members at the meeting in the old "
        f"chapel on Mill Lane, and the treasurer reported a balance of {n * 13} pounds."
        for n in range(1, 9)
    )
    register(
        seed("society-minutes", "Society Minutes\n\n" + article, title="Society Minutes"),
        seed("minutes-copy", "Minutes (copy)\n\n" + article, title="Minutes (copy)"),
    )
    corpus = load_corpus(project)
    first, second = corpus.sources
    assert len(first.paragraphs) == 8
    assert second.paragraphs == ()
    assert {removal.rule for removal in second.removals} >= {"duplicate-document"}
    (problem,) = corpus.problems
    assert problem.severity == "warning"
    assert problem.message == (
        "source 'minutes-copy' repeats source 'society-minutes' (100% of its text); "
        "only 'society-minutes' is used"
    )
