"""Ways around the booklet: the contents and list of figures, the PDF outline, the metadata.

Contents lines are collected while the pages are laid out and printed on the
next pass (ReportLab's multiBuild), each a link to its page. Keys are fixed
when the story is made, so they are the same on every pass.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from booklet.diagnostics import Location
from booklet.document import Booklet

from .markup import escape_text
from .pages import Section

if TYPE_CHECKING:
    from .pages import BookletTemplate
    from .typography import Typography

CHAPTER_ENTRY = "TOCEntry"
FIGURE_ENTRY = "FigureEntry"
NUMBERED, UNNUMBERED, FIRST_UNNUMBERED = 0, 1, 2  # levels of the contents, one style each


class SectionMark(Flowable):  # type: ignore[misc]
    """Where a chapter, a back-matter section or the contents begins."""

    def __init__(
        self,
        key: str,
        title: str,
        origin: Location | None = None,
        contents_line: tuple[int, str] | None = None,  # level and markup
        in_body: bool = True,  # False for the contents: front matter, numbered in roman
    ) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.origin = origin
        self.contents_line = contents_line
        self.in_body = in_body

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        # An outline entry is a PDF string, not paragraph markup: the title goes in as written.
        self.canv.addOutlineEntry(self.title, self.key, level=0, closed=False)

    def on_placed(self, doc: BookletTemplate) -> None:
        doc.hide_running_head()
        if self.in_body:
            doc.begin_body()
        doc.section = Section(self.title, self.origin, running_head=self.title)
        if self.contents_line is not None:
            level, markup = self.contents_line
            doc.notify(CHAPTER_ENTRY, (level, markup, doc.body_page_number(), self.key))


def contents_line(title: str, number: int | None, first_unnumbered: bool) -> tuple[int, str]:
    if number is not None:
        return NUMBERED, f"<bullet>{number}</bullet>{escape_text(title)}"
    return (FIRST_UNNUMBERED if first_unnumbered else UNNUMBERED), escape_text(title)


def figure_line(number: int, title: str) -> tuple[int, str]:
    return 0, f"<bullet>{number}</bullet>{escape_text(title)}"


def contents_table(typography: Typography) -> TableOfContents:
    return TableOfContents(
        levelStyles=[typography.toc_chapter, typography.toc_back, typography.toc_back_first],
        tableStyle=_lines(typography),
        dotsMinLevel=0,
    )


def figures_table(typography: Typography) -> TableOfContents:
    return TableOfContents(
        levelStyles=[typography.toc_figure],
        tableStyle=_lines(typography),
        dotsMinLevel=0,
        notifyKind=FIGURE_ENTRY,
    )


def seed_tables(tables: Sequence[TableOfContents], kept: bytes | None) -> None:
    """Start each table from the lines the last build of this booklet found.

    ReportLab lays the booklet out again until the contents it prints are the
    contents it finds. Started empty, that takes two passes; started from the last
    build's lines it takes one whenever the page numbers have not moved, and the
    booklet comes out the same either way, as the last pass always checks.
    """
    try:
        lines = json.loads(kept) if kept is not None else None
    except ValueError:
        return
    if not isinstance(lines, list) or len(lines) != len(tables):
        return
    entries = [[tuple(entry) for entry in table] for table in lines if isinstance(table, list)]
    if len(entries) == len(tables) and all(map(_is_entry, itertools.chain(*entries))):
        for table, table_entries in zip(tables, entries, strict=True):
            table._entries = table_entries  # what beforeBuild hands to the first pass


def table_lines(tables: Sequence[TableOfContents]) -> bytes:
    """The tables' lines as found by the last pass, to be kept for the next build."""
    return json.dumps([table._entries for table in tables], ensure_ascii=False).encode()


def _is_entry(entry: tuple[object, ...]) -> bool:
    kinds = (int, str, int, str)
    return len(entry) == len(kinds) and all(map(isinstance, entry, kinds))


def _lines(typography: Typography) -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("FONT", (0, 0), (-1, -1), typography.body_font.regular),  # else Helvetica is named
        ]
    )


def document_info(booklet: Booklet) -> dict[str, Any]:
    """What the PDF says about itself, shown by readers' document properties."""
    return {
        "title": booklet.title,
        "author": booklet.author or "",
        "subject": booklet.subject or booklet.subtitle or "",
        "keywords": list(booklet.keywords),
        "creator": "booklet",
        "lang": booklet.language,
        "displayDocTitle": 1,
    }
