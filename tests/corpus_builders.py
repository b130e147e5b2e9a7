"""Small hand-made corpora for tests of the stages after sources."""

from __future__ import annotations

from pathlib import Path

from booklet.diagnostics import Location
from booklet.sources.model import Corpus, Paragraph, Source, SourceInfo, Trust


def make_source(
    source_id: str, paragraphs: list[str], trust: Trust = Trust.RELIABLE, **info: str
) -> Source:
    fields = {
        "title": source_id.replace("-", " ").title(),
        "kind": "news",
        "trust_note": "test source",
        **info,
    }
    source_info = SourceInfo(
        id=source_id, file=f"seeds/{source_id}.txt", sha256="0" * 64, trust=trust, **fields
    )  # type: ignore[arg-type]
    return Source(
        source_info,
        tuple(
            Paragraph(
                f"{source_id}:{number}",
                number,
                text,
                Location(Path(f"seeds/{source_id}.txt"), number),
            )
            for number, text in enumerate(paragraphs, start=1)
        ),
    )


def make_corpus(*sources: Source) -> Corpus:
    return Corpus(tuple(sources))


RELIEF = make_source(
    "relief-report",
    [
        "The committee met in the winter of 1921 in the town hall.",
        "It distributed some 12,500 loaves of bread and more than 3,000 blankets.",
        "A grant of $1.5 million arrived in March 1922; “we were saved,” wrote the clerk — "
        "at last.",
    ],
    author="Mary Dale",
    title="Winter Relief: A Report",
    publisher="Parish Gazette",
)
ROUMOUR = make_source(
    "rumour-mill",
    ["Everyone knows that 50,000 loaves were baked in a single night."],
    trust=Trust.UNRELIABLE,
)
DIARY = make_source(
    "diary",
    ["The clerk wrote that 12,000 loaves were handed out."],
    trust=Trust.CAUTION,
    title="A Clerk's Diary",
)
