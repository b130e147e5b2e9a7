"""The document tree: the contract between compose and any back end.

It knows nothing of ReportLab. Text in it is plain text (never markup); a back
end escapes it as its own format requires.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from booklet.diagnostics import Location


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    emphasis: bool = False  # italic: titles of works, foreign words
    strong: bool = False
    link: str | None = None  # an address the reader can open


@dataclass(frozen=True, slots=True)
class NoteRef:
    number: int  # refers to Booklet.notes


Inline = Span | NoteRef


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: tuple[Inline, ...]
    # body: running text; lead: a chapter's opening paragraph; entry: hanging indent
    # (bibliography, glossary, sources); small: caveats and colophon lines
    role: Literal["body", "lead", "entry", "small"] = "body"
    origin: Location | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2  # 1 is the chapter title; 2 a section inside a chapter
    origin: Location | None = None


@dataclass(frozen=True, slots=True)
class BlockQuote:
    """Words quoted from a source, set apart, with the note that cites them."""

    content: tuple[Inline, ...]
    origin: Location | None = None


@dataclass(frozen=True, slots=True)
class FigureBlock:
    number: int
    title: str
    caption: tuple[Inline, ...]  # ends with the note(s) citing the figures drawn
    description: str  # text alternative
    svg: bytes
    width_mm: float
    height_mm: float
    origin: Location | None = None


@dataclass(frozen=True, slots=True)
class PictureBlock:
    """A photograph or scan from the project's assets/, numbered with the figures.

    Its pixels are decoded once, upright, on white paper, and no larger than print needs.
    """

    number: int
    title: str  # its line in the list of figures
    caption: tuple[Inline, ...]
    credit: str  # whom the picture is owed to; "" for none
    pixels: bytes = field(repr=False)  # 8 bits a channel, row by row
    mode: Literal["RGB", "L"]
    size: tuple[int, int]  # width and height in pixels
    photographic: bool  # saved as JPEG: set as a photograph, where lossy compression suits it
    width_mm: float | None = None  # what the template asked for; None: the width of the text
    origin: Location | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A small table: a header row, then body rows; cells are inline content."""

    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    origin: Location | None = None


Block = Paragraph | Heading | BlockQuote | FigureBlock | PictureBlock | Table


@dataclass(frozen=True, slots=True)
class Chapter:
    title: str
    blocks: tuple[Block, ...]
    kind: Literal["chapter", "back"] = "chapter"  # back matter: sources, bibliography, glossary
    number: int | None = None  # chapters are numbered; back matter is not
    origin: Location | None = None


@dataclass(frozen=True, slots=True)
class Note:
    number: int
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Cover:
    title: str
    subtitle: str | None
    editor: str | None
    date: str | None
    illustration: FigureBlock | None = None  # drawn from the booklet's own material


@dataclass(frozen=True, slots=True)
class BackCover:
    summary: tuple[Paragraph, ...]
    edition_url: str | None = None  # printed as a QR code when set
    colophon: str | None = None


@dataclass(frozen=True, slots=True)
class Booklet:
    title: str
    subtitle: str | None
    author: str | None
    language: str  # BCP 47, e.g. "en-GB"
    subject: str | None
    keywords: tuple[str, ...]
    cover: Cover
    chapters: tuple[Chapter, ...]
    notes: tuple[Note, ...]
    back_cover: BackCover
    colophon: tuple[Paragraph, ...] = field(default=())  # printed on the back of the title page
