"""Source text set on a page prints exactly as written: never read as markup, never a file read.

A paragraph of source text goes through the same escaping as in a build
(`inline_markup`, or `escape_text` for headings) and is set in the booklet's own
styles, fonts and text width. Read back from the PDF it must be the text itself,
but for line breaks, ReportLab's hyphens at the end of a line, and characters
the typeface has no glyph for.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

import pikepdf
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from booklet.document import Span
from booklet.layout import load_style
from booklet.layout.markup import escape_text, inline_markup
from booklet.layout.pages import PageGeometry
from booklet.layout.typography import Typography, typography
from booklet.project import PAPERS
from tests.conftest import ROOT

from .profiles import tried
from .strategies import MARKUP, MARKUP_LIKE, SAVED_TEXT

pytestmark = pytest.mark.fuzz


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of block: its paragraph style, how text becomes its markup, and its face."""

    style: str
    markup: Callable[[str], str]
    face: str  # "regular", "italic", "bold" or "heading"

    def __repr__(self) -> str:
        return f"Kind({self.style!r}, {self.face!r})"


def _span(**emphasis: bool) -> Callable[[str], str]:
    return lambda text: inline_markup([Span(text, **emphasis)], "#1f4e79")


KINDS = (
    Kind("body", _span(), "regular"),  # justified and hyphenated
    Kind("first", _span(emphasis=True), "italic"),
    Kind("entry", _span(strong=True), "bold"),  # ragged, with a hanging indent
    Kind("quote", _span(), "regular"),
    Kind("heading", escape_text, "heading"),
)
BODY = KINDS[0]
UNESCAPED = Kind("body", lambda text: text, "regular")  # what escaping prevents


@cache
def booklet_type() -> tuple[Typography, PageGeometry]:
    """The default style's paragraph styles on A5, and the page they are set on."""
    style, problems = load_style(ROOT / "assets" / "style.toml", ROOT / "assets")
    assert problems == []
    style = style.for_paper(PAPERS["a5"])
    return typography(style, "en-GB"), PageGeometry.of(PAPERS["a5"], style.margins)


class _FileWatch:
    """An audit hook that refuses, and records, any file opened while a page is set."""

    def __init__(self) -> None:
        self.opened: list[str] | None = None  # None: not watching

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and self.opened is not None:
            self.opened.append(str(args[0]))
            raise PermissionError(f"no file may be opened while text is set: {args[0]}")


_WATCH = _FileWatch()
sys.addaudithook(_WATCH)  # hooks stay for the process; this one acts only while watching


@contextmanager
def no_file_opened() -> Iterator[None]:
    _WATCH.opened = opened = []
    try:
        yield
    finally:
        _WATCH.opened = None
        assert opened == [], f"files opened while setting text: {opened}"


def set_on_pages(text: str, kind: Kind) -> bytes:
    """The text as one block of its kind, on as many A5 pages as it takes."""
    fonts, page = booklet_type()
    _read_once_per_process()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=(page.width, page.height),
        leftMargin=page.inner,
        rightMargin=page.outer,
        topMargin=page.top,
        bottomMargin=page.bottom,
        invariant=True,
    )
    with no_file_opened():
        template.build([Paragraph(kind.markup(text), getattr(fonts, kind.style))])
    return buffer.getvalue()


@cache
def _read_once_per_process() -> None:
    """Hyphenate a paragraph unwatched: pyphen reads its dictionary on first use."""
    fonts, _ = booklet_type()
    template = SimpleDocTemplate(io.BytesIO())
    template.build([Paragraph("Hyphenation dictionaries are read once. " * 30, fonts.body)])


_BREAKS = "\u00ad\u200b"  # soft hyphens and zero-width spaces: where a line may break


def drawable(text: str, kind: Kind) -> str:
    """The text as it should print: the characters the font has glyphs for, and spaces."""
    fonts, _ = booklet_type()
    face = {
        "regular": fonts.body_font.regular,
        "italic": fonts.body_font.italic,
        "bold": fonts.body_font.bold,
        "heading": fonts.heading.fontName,
    }[kind.face]
    glyphs = pdfmetrics.getFont(face).face.charToGlyph
    return "".join(
        character
        for character in text
        if character.isspace() or (ord(character) in glyphs and character not in _BREAKS)
    )


def printed(pdf: bytes) -> str:
    """The text read back from every page; a glyph the font lacks reads as NUL and is left out."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return text.translate(dict.fromkeys(map(ord, "\x00" + _BREAKS)))


def reads_as(printed_text: str, text: str) -> bool:
    """Whether the printed text is the text, line breaks and added hyphens aside.

    A space on a printed line must be a space in the text; a line break may be a
    space or fall inside a word; a hyphen ending a line may be ReportLab's own.
    """
    pattern = []
    for piece in re.split(r"(-?\n\s*|\s+)", printed_text.strip()):
        if "\n" in piece:
            pattern.append(r"-?\s*" if piece.startswith("-") else r"\s*")
        elif piece.isspace():
            pattern.append(r"\s+")
        else:
            pattern.append(re.escape(piece))
    return re.fullmatch("".join(pattern), text.strip()) is not None


@tried
@given(st.one_of(SAVED_TEXT, MARKUP_LIKE), st.sampled_from(KINDS))
@example("co\u00adoperation & aid", BODY)  # found by fuzzing: printed "cooperation& aid"
@example("\u00ad0 <", BODY)  # the same, shrunk
@example("\u200b", BODY)
def test_any_text_prints_as_written(text: str, kind: Kind) -> None:
    shown = printed(set_on_pages(text, kind))
    assert reads_as(shown, drawable(text, kind)), shown


@tried
@given(MARKUP_LIKE, st.sampled_from(KINDS))
def test_text_that_looks_like_markup_prints_literally_and_reads_no_file(
    text: str, kind: Kind
) -> None:
    pdf = set_on_pages(text, kind)
    assert reads_as(printed(pdf), drawable(text, kind))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            assert dict(page.get_images()) == {}
            assert "/Annots" not in page.obj  # no link, to a script or anywhere else


@pytest.mark.parametrize("markup", MARKUP)
def test_each_kind_of_markup_prints_as_written(markup: str) -> None:
    text = f"Before {markup} after"
    assert reads_as(printed(set_on_pages(text, BODY)), drawable(text, BODY))


def test_markup_left_unescaped_would_be_seen() -> None:
    text = '<b>bold</b> <font size="30">big</font>'
    assert not reads_as(printed(set_on_pages(text, UNESCAPED)), text)


def test_an_image_read_from_disk_would_be_seen() -> None:
    with pytest.raises(AssertionError, match="files opened while setting text"):
        set_on_pages('<img src="/etc/passwd"/>', UNESCAPED)
