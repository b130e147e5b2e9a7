"""The values of the sources stage: what a saved document became after cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from booklet.diagnostics import Location, Problem


class Trust(StrEnum):
    RELIABLE = "reliable"
    CAUTION = "caution"  # usable, but every use is marked as such
    UNRELIABLE = "unreliable"  # may not back a fact or an excerpt


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One `[[source]]` of seeds/sources.toml. None means unknown, never guessed."""

    id: str
    file: str  # relative to the project root, e.g. "seeds/operation-zet.txt"
    sha256: str
    title: str
    kind: str  # encyclopedia, news, blog, book, fiction, ...
    trust: Trust
    trust_note: str
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # "2015-08-14", "2015", or None
    url: str | None = None
    accessed: str | None = None
    license: str | None = None
    origin: Location | None = None  # the `[[source]]` line in sources.toml


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of cleaned source text: the unit a citation points to."""

    id: str  # "operation-zet:4"; stable while the saved file is unchanged
    number: int  # 1-based, in reading order
    text: str  # cleaned: NFC, single spaces, no markup, rejoined across glosses
    origin: Location  # where it starts in the saved file, for messages
    section: str | None = None  # the heading inside the document it falls under


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    term: str
    definition: str
    source_id: str
    origin: Location


@dataclass(frozen=True, slots=True)
class Removal:
    """Text the cleaner took out of the body, and the rule that did it, for audit."""

    rule: str  # e.g. "licence-footer", "link-gloss", "photo-caption", "byline"
    text: str
    origin: Location


@dataclass(frozen=True, slots=True)
class Source:
    info: SourceInfo
    paragraphs: tuple[Paragraph, ...]
    removals: tuple[Removal, ...] = ()
    headings: tuple[str, ...] = ()  # section headings found inside the document
    byline: str | None = None  # author named in the text ("By AN WEN" -> "An Wen")
    captions: tuple[str, ...] = ()  # photo captions whose photos are missing

    @property
    def id(self) -> str:
        return self.info.id

    def paragraph(self, number: int) -> Paragraph | None:
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None


@dataclass(frozen=True, slots=True)
class Corpus:
    sources: tuple[Source, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def source(self, source_id: str) -> Source | None:
        return next((source for source in self.sources if source.id == source_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(source.id for source in self.sources)


@dataclass(frozen=True, slots=True)
class CleanedDocument:
    """One document as cleaning leaves it, before it joins the corpus."""

    paragraphs: tuple[Paragraph, ...]
    glossary: tuple[GlossaryEntry, ...]
    removals: tuple[Removal, ...]
    headings: tuple[str, ...]  # section headings inside the document, in order
    byline: str | None  # the author the text names, in ordinary capitals
    captions: tuple[str, ...]  # captions of photos the saved page no longer has
