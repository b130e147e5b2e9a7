"""Turn a Style into ReportLab paragraph styles: every typographic decision in one place.

Sizes derive from the style sheet's few numbers (body size, leading, note size,
heading sizes) so that changing one keeps the page in proportion.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyphen
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from booklet import usercache

from .style import Sizes, Style
from .typefaces import FontNames, register_typeface


@dataclass(frozen=True, slots=True)
class Palette:
    ink: Color
    accent: Color
    muted: Color  # running heads, folios, secondary lines
    rule: Color  # hairlines


@dataclass(frozen=True, slots=True)
class Typography:
    body_font: FontNames
    heading_font: FontNames
    colours: Palette
    body: ParagraphStyle
    first: ParagraphStyle  # a body paragraph after a heading, figure or quote: no indent
    lead: ParagraphStyle
    small: ParagraphStyle
    entry: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    quote: ParagraphStyle
    chapter_number: ParagraphStyle
    chapter_title: ParagraphStyle
    figure_label: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    table_header: ParagraphStyle
    table_cell: ParagraphStyle
    table_number: ParagraphStyle
    table_header_number: ParagraphStyle
    toc_chapter: ParagraphStyle
    toc_back: ParagraphStyle
    toc_back_first: ParagraphStyle  # opens the back matter with a little space
    toc_figure: ParagraphStyle
    contents_heading: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_editor: ParagraphStyle
    cover_date: ParagraphStyle
    colophon: ParagraphStyle
    summary: ParagraphStyle
    qr_label: ParagraphStyle
    running_head: ParagraphStyle
    folio: ParagraphStyle
    leading: float  # the body's, the unit of vertical space


def hyphenation_language(style: Style, language: str) -> str:
    """The pyphen dictionary for the body text, or "" for none."""
    if style.hyphenation == "off":
        return ""
    wanted = language if style.hyphenation == "auto" else style.hyphenation
    return pyphen.language_fallback(wanted.replace("-", "_")) or ""


def word_breaks(language: str) -> Callable[[str], list[tuple[str, str]]]:
    """Where a word may be hyphenated at a line's end, as ReportLab's `hyphenationLang` takes it.

    A compound breaks only at its own hyphens (`embeddedHyphenation`): pyphen
    would also break it beside one, printing "anti-" over "-aircraft", or inside
    a part, as in "north-w-" over "est".
    """
    return functools.partial(_breaks, language)


def _breaks(language: str, word: str) -> list[tuple[str, str]]:
    return list(_kept_breaks(language, word))


@functools.lru_cache(maxsize=1 << 16)
def _kept_breaks(language: str, word: str) -> tuple[tuple[str, str], ...]:
    """A word's breaks, worked out once: line breaking asks for the same words again and
    again, on every pass and for every paragraph style."""
    return () if "-" in word else tuple(_dictionary(language).iterate(word))


@functools.cache
def _dictionary(language: str) -> pyphen.Pyphen:
    """The language's patterns: parsing the file takes 50 ms, reading them back pickled 4 ms.

    pyphen shares parsed patterns between instances through its `hdcache`, so the
    kept ones are put there before the instance is made (see booklet.usercache for
    why pickles live in the user's cache).
    """
    path = pyphen.LANGUAGES[language]
    name = _patterns_key(path)
    if path not in pyphen.hdcache and (kept := usercache.read("hyphenation", name)):
        with contextlib.suppress(Exception):  # damaged, or from another pyphen: parse again
            if isinstance(patterns := pickle.loads(kept), pyphen.HyphDict):
                pyphen.hdcache[path] = patterns
    missed = path not in pyphen.hdcache
    dictionary = pyphen.Pyphen(lang=language)
    if missed:
        usercache.write("hyphenation", name, pickle.dumps(dictionary.hd, pickle.HIGHEST_PROTOCOL))
    return dictionary


def _patterns_key(path: Path) -> str:
    stat = path.stat()
    facts = f"{pyphen.__version__} {sys.version} {path} {stat.st_size} {stat.st_mtime_ns}"
    return hashlib.sha256(facts.encode()).hexdigest() + ".pickle"


def typography(style: Style, language: str) -> Typography:
    basis = _Basis(
        style.sizes,
        register_typeface(style.body_font),
        register_typeface(style.heading_font),
        _palette(style),
        hyphenation_language(style, language),
    )
    return Typography(
        body_font=basis.body_font,
        heading_font=basis.heading_font,
        colours=basis.colours,
        leading=basis.sizes.leading,
        **_running_text(basis),
        **_titles(basis),
        **_apparatus(basis),
        **_covers(basis),
    )


@dataclass(frozen=True, slots=True)
class _Basis:
    """What every style derives from, and the two styles all others start from."""

    sizes: Sizes
    body_font: FontNames
    heading_font: FontNames
    colours: Palette
    hyphenation: str

    @property
    def text(self) -> ParagraphStyle:
        """Running text: justified, hyphenated, no widows or orphans."""
        return ParagraphStyle(
            "text",
            fontName=self.body_font.regular,
            fontSize=self.sizes.body,
            leading=self.sizes.leading,
            textColor=self.colours.ink,
            alignment=TA_JUSTIFY,
            hyphenationLang=word_breaks(self.hyphenation) if self.hyphenation else "",
            embeddedHyphenation=1,
            uriWasteReduce=0.3,
            allowWidows=0,
            allowOrphans=0,
            linkUnderline=0,
        )

    @property
    def ragged(self) -> ParagraphStyle:
        """Lines set left, unhyphenated: titles, lists, notes, labels."""
        return ParagraphStyle("ragged", self.text, hyphenationLang="", alignment=TA_LEFT)


def _running_text(basis: _Basis) -> dict[str, ParagraphStyle]:
    size, leading, text = basis.sizes.body, basis.sizes.leading, basis.text
    first = ParagraphStyle("first", text)
    small_size = basis.sizes.notes + 0.2 * (size - basis.sizes.notes)
    entry_size = size * 0.88
    quote_size = size * 0.92
    return {
        "body": ParagraphStyle("body", text, firstLineIndent=1.4 * size),
        "first": first,
        "lead": ParagraphStyle("lead", first),
        "small": ParagraphStyle(
            "small",
            text,
            fontSize=small_size,
            leading=small_size * 1.36,
            spaceBefore=0.3 * leading,
        ),
        "entry": ParagraphStyle(
            "entry",
            basis.ragged,
            fontSize=entry_size,
            leading=entry_size * 1.32,
            leftIndent=5 * mm,
            firstLineIndent=-5 * mm,
            spaceAfter=0.3 * leading,
        ),
        "quote": ParagraphStyle(
            "quote",
            first,
            fontSize=quote_size,
            leading=leading * 0.92,
            leftIndent=6 * mm,
            rightIndent=2 * mm,
            spaceBefore=0.6 * leading,
            spaceAfter=0.6 * leading,
            borderColor=basis.colours.accent,  # the rule beside it (no box: borderWidth is 0)
        ),
    }


def _titles(basis: _Basis) -> dict[str, ParagraphStyle]:
    leading, chapter = basis.sizes.leading, basis.sizes.chapter
    heading = ParagraphStyle(
        "heading",
        basis.ragged,
        fontName=basis.heading_font.bold,
        fontSize=basis.sizes.heading,
        leading=basis.sizes.heading * 1.3,
        spaceBefore=1.1 * leading,
        spaceAfter=0.45 * leading,
    )
    return {
        "heading": heading,
        "subheading": ParagraphStyle(
            "subheading",
            heading,
            fontName=basis.body_font.italic,
            fontSize=basis.sizes.body,
            leading=leading,
            spaceBefore=0.7 * leading,
            spaceAfter=0.2 * leading,
        ),
        "chapter_number": ParagraphStyle(
            "chapter_number",
            basis.ragged,
            fontName=basis.heading_font.regular,
            fontSize=chapter * 1.5,
            leading=chapter * 1.8,
            textColor=basis.colours.accent,
        ),
        "chapter_title": ParagraphStyle(
            "chapter_title",
            basis.ragged,
            fontName=basis.heading_font.regular,
            fontSize=chapter,
            leading=chapter * 1.22,
        ),
        "contents_heading": ParagraphStyle(
            "contents_heading", heading, spaceBefore=1.6 * leading, spaceAfter=0.4 * leading
        ),
        "running_head": ParagraphStyle(
            "running_head",
            basis.ragged,
            fontName=basis.body_font.italic,
            fontSize=basis.sizes.notes,
            textColor=basis.colours.muted,
            alignment=TA_CENTER,
        ),
        "folio": ParagraphStyle(
            "folio",
            basis.ragged,
            fontSize=basis.sizes.notes + 0.5,
            textColor=basis.colours.muted,
            alignment=TA_CENTER,
        ),
    }


def _apparatus(basis: _Basis) -> dict[str, ParagraphStyle]:
    """Notes, captions, tables and the contents: the small type around the text."""
    size, leading, notes = basis.sizes.body, basis.sizes.leading, basis.sizes.notes
    caption_size, cell_size, entry_size = notes + 0.3, size * 0.86, size * 0.88
    caption = ParagraphStyle(
        "caption", basis.ragged, fontSize=caption_size, leading=caption_size * 1.35
    )
    cell = ParagraphStyle("table_cell", basis.ragged, fontSize=cell_size, leading=cell_size * 1.3)
    header = ParagraphStyle("table_header", cell, fontName=basis.heading_font.bold)
    toc = ParagraphStyle(
        "toc_chapter",
        basis.ragged,
        leading=leading * 1.05,
        leftIndent=6 * mm,
        rightIndent=8 * mm,  # the page number's room, even on a long title's last line
        bulletIndent=0,
        bulletFontName=basis.heading_font.regular,
        bulletFontSize=size,
        spaceBefore=0.3 * leading,
    )
    return {
        "caption": caption,
        "figure_label": ParagraphStyle(
            "figure_label",
            caption,
            fontName=basis.heading_font.regular,
            fontSize=caption_size + 0.3,
            leading=(caption_size + 0.3) * 1.3,
        ),
        "note": ParagraphStyle(
            "note",
            basis.ragged,
            fontSize=notes,
            leading=notes * 1.3,
            leftIndent=notes * 2.0,
            bulletIndent=notes * 1.45,  # numbers end here, aligned on their last digit
            bulletAnchor="end",
            bulletFontName=basis.body_font.regular,
            bulletFontSize=notes,
            allowWidows=1,  # a note may split anywhere: it is carried overleaf
            allowOrphans=1,
        ),
        "table_cell": cell,
        "table_header": header,
        "table_number": ParagraphStyle("table_number", cell, alignment=TA_RIGHT),
        "table_header_number": ParagraphStyle("table_header_number", header, alignment=TA_RIGHT),
        "toc_chapter": toc,
        "toc_back": ParagraphStyle("toc_back", toc, spaceBefore=0.1 * leading),
        "toc_back_first": ParagraphStyle("toc_back_first", toc, spaceBefore=1.0 * leading),
        "toc_figure": ParagraphStyle(
            "toc_figure",
            toc,
            fontSize=entry_size,
            leading=entry_size * 1.35,
            bulletFontSize=entry_size,
            spaceBefore=0.15 * leading,
        ),
    }


def _covers(basis: _Basis) -> dict[str, ParagraphStyle]:
    size, leading, notes, cover = (
        basis.sizes.body,
        basis.sizes.leading,
        basis.sizes.notes,
        basis.sizes.cover,
    )
    editor = ParagraphStyle("cover_editor", basis.ragged, fontSize=size * 1.15, leading=size * 1.5)
    return {
        "cover_title": ParagraphStyle(
            "cover_title",
            basis.ragged,
            fontName=basis.heading_font.regular,
            fontSize=cover,
            leading=cover * 1.15,
            spaceAfter=cover * 0.45,
        ),
        "cover_subtitle": ParagraphStyle(
            "cover_subtitle",
            basis.ragged,
            fontName=basis.body_font.italic,
            fontSize=cover * 0.5,
            leading=cover * 0.66,
        ),
        "cover_editor": editor,
        "cover_date": ParagraphStyle("cover_date", editor, textColor=basis.colours.muted),
        "colophon": ParagraphStyle(
            "colophon",
            basis.ragged,
            fontSize=notes,
            leading=notes * 1.4,
            spaceAfter=0.35 * leading,
        ),
        "summary": ParagraphStyle(
            "summary",
            basis.ragged,
            fontSize=size * 1.05,
            leading=leading * 1.1,
            spaceAfter=0.5 * leading,
        ),
        "qr_label": ParagraphStyle("qr_label", basis.ragged, fontSize=notes, leading=notes * 1.35),
    }


def _palette(style: Style) -> Palette:
    ink = HexColor(style.ink)
    paper = Color(1, 1, 1)

    def towards_paper(colour: Color, amount: float) -> Color:
        return Color(
            *(c + (p - c) * amount for c, p in zip(colour.rgb(), paper.rgb(), strict=True))
        )

    return Palette(
        ink=ink,
        accent=HexColor(style.accent),
        muted=towards_paper(ink, 0.4),
        rule=towards_paper(ink, 0.55),
    )
