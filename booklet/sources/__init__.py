"""Turn the saved documents listed in seeds/sources.toml into clean, numbered paragraphs.

Each document is read from its exact bytes (checked against the SHA-256 the
curator recorded), decoded, stripped of web furniture and inlined definitions,
and split into paragraphs whose ids citations can rely on. Problems are
collected, not raised, so that `booklet check` can list them all at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from booklet.diagnostics import Location, Problem
from booklet.project import Project

from .decode import decode_bytes
from .dump import dump_corpus
from .duplicates import find_duplicates
from .glossary import merge_glossary
from .kept import cleaned
from .model import (
    CleanedDocument,
    Corpus,
    GlossaryEntry,
    Paragraph,
    Removal,
    Source,
    SourceInfo,
    Trust,
)
from .registry import Entry, read_entries, read_registry

if TYPE_CHECKING:
    from .clean import clean_document

__all__ = [
    "CleanedDocument",
    "Corpus",
    "GlossaryEntry",
    "Paragraph",
    "Removal",
    "Source",
    "SourceInfo",
    "Trust",
    "clean_document",
    "dump_corpus",
    "load_corpus",
    "read_registry",
]


def load_corpus(project: Project) -> Corpus:
    """Every source of the project, cleaned; unusable ones are left out and named in problems."""
    entries, problems = read_entries(project)
    sources: list[Source] = []
    glossary: list[GlossaryEntry] = []
    for entry in entries:
        cleaned = _clean_entry(entry, problems)
        if cleaned is None:
            continue
        sources.append(
            Source(
                entry.info,
                cleaned.paragraphs,
                removals=cleaned.removals,
                headings=cleaned.headings,
                byline=cleaned.byline,
                captions=cleaned.captions,
            )
        )
        glossary.extend(cleaned.glossary)
    return Corpus(
        _without_duplicates(sources, problems),
        glossary=merge_glossary(glossary),
        problems=tuple(problems),
    )


def _without_duplicates(sources: list[Source], problems: list[Problem]) -> tuple[Source, ...]:
    """A document saved twice keeps its first copy; the second stays listed, empty, and reported."""
    texts = [" ".join(paragraph.text for paragraph in source.paragraphs) for source in sources]
    result = list(sources)
    for duplicate in find_duplicates(texts):
        kept, dropped = sources[duplicate.kept], sources[duplicate.dropped]
        removals = tuple(
            Removal("duplicate-document", paragraph.text, paragraph.origin)
            for paragraph in dropped.paragraphs
        )
        result[duplicate.dropped] = Source(dropped.info, (), (*dropped.removals, *removals))
        problems.append(
            Problem(
                dropped.info.origin or Location(Path(dropped.info.file)),
                f"source '{dropped.id}' repeats source '{kept.id}' "
                f"({duplicate.share:.0%} of its text); only '{kept.id}' is used",
                hint=f"remove one of them from sources.toml, or cite '{kept.id}'",
                severity="warning",
            )
        )
    return tuple(result)


def _clean_entry(entry: Entry, problems: list[Problem]) -> CleanedDocument | None:
    info = entry.info
    where = Location(Path(info.file))
    decoded = decode_bytes(entry.data)
    if decoded is None:
        problems.append(
            Problem(
                where,
                f"cannot tell which text encoding {info.file} uses",
                hint="open it in a text editor and save it again as UTF-8",
                is_unreadable_input=True,
            )
        )
        return None
    if decoded.nul_bytes:
        count = (
            "1 NUL character; it was"
            if decoded.nul_bytes == 1
            else f"{decoded.nul_bytes} NUL characters; they were"
        )
        problems.append(
            Problem(
                where,
                f"{info.file} contains {count} removed",
                hint="save the document again as plain text",
                severity="warning",
            )
        )
    return cleaned(decoded.text, info.id, Path(info.file), title=info.title, author=info.author)


def __getattr__(name: str) -> object:
    """`clean_document` on first use: the cleaning rules take 40 ms to import, and a build
    whose documents were all cleaned before never needs them."""
    if name == "clean_document":
        from .clean import clean_document

        return clean_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
