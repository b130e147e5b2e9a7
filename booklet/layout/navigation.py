"""Ways around the booklet: the contents and list of figures, the PDF outline, the metadata.

ReportLab's contents table collects its lines while the pages are laid out and
prints them on the next pass (multiBuild), so a booklet is laid out twice, and
again whenever a page number moves. Here the lines are known before the first
pass, from the document: only their page numbers are not. So each line ends in a
reference to a small PDF form, and the forms, holding the dot leaders and the
page number, are written once the pass has found every page. One pass is enough
unless a line turns out other than expected (a figure placed before one that
waited); multiBuild then lays the booklet out again, as it always did.
"""

from __future__ import annotations

from ast import literal_eval
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from booklet.diagnostics import Location
from booklet.document import Booklet, Chapter

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


def contents_line(chapter: Chapter, first_unnumbered: bool) -> tuple[int, str]:
    """The level and markup of a chapter's line in the contents: back matter unnumbered."""
    if chapter.kind == "chapter" and chapter.number is not None:
        return NUMBERED, f"<bullet>{chapter.number}</bullet>{escape_text(chapter.title)}"
    return (FIRST_UNNUMBERED if first_unnumbered else UNNUMBERED), escape_text(chapter.title)


def figure_line(number: int, title: str) -> tuple[int, str]:
    return 0, f"<bullet>{number}</bullet>{escape_text(title)}"


def figure_key(number: int) -> str:
    """Where the figure's contents line and its number in the text lead."""
    return f"figure-{number}"


Line = tuple[int, str, int, str]  # level, markup, page number, key: as TableOfContents has them
_LEADER = " . "


def contents_table(typography: Typography, expected: Iterable[Line]) -> ContentsTable:
    return ContentsTable(
        expected,
        levelStyles=[typography.toc_chapter, typography.toc_back, typography.toc_back_first],
        tableStyle=_lines(typography),
        dotsMinLevel=0,
    )


def figures_table(typography: Typography, expected: Iterable[Line]) -> ContentsTable:
    return ContentsTable(
        expected,
        levelStyles=[typography.toc_figure],
        tableStyle=_lines(typography),
        dotsMinLevel=0,
        notifyKind=FIGURE_ENTRY,
    )


class ContentsTable(TableOfContents):  # type: ignore[misc]
    """A contents table whose page numbers are written after the pages are laid out."""

    def __init__(self, expected: Iterable[Line], **options: Any) -> None:
        super().__init__(**options)
        self._entries = list(expected)  # what beforeBuild hands to the first pass
        self._printed: list[tuple[float, int]] = []  # each line: where its text ends, its level
        self._width = 0.0
        self._canvas: Canvas | None = None  # this pass's: ReportLab lends it only meanwhile

    def beforeBuild(self) -> None:  # noqa: N802
        super().beforeBuild()
        self._printed = []

    def isSatisfied(self) -> bool:  # noqa: N802
        """The same lines as the pass printed: their page numbers are written afterwards."""
        return _without_pages(self._entries) == _without_pages(self._lastEntries)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        size: tuple[float, float] = super().wrap(available_width, available_height)
        self._width, self._canvas = available_width, self.canv
        self.canv.setNamedCB("drawTOCEntryEnd", self._refer_to_number)  # instead of ReportLab's
        return size

    def _refer_to_number(self, canvas: Canvas, kind: str, label: str) -> None:
        """At the end of a line's text: the form that will hold its leaders and number.

        Lines are drawn in order, so the n-th form is the n-th line's: a key may
        appear twice (a figure shown in two chapters), a line's place cannot."""
        _, level, key = label.split(",")
        x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
        canvas.saveState()
        canvas.translate(0, y)
        canvas.doForm(self._form_name(len(self._printed)))  # written in afterBuild
        canvas.restoreState()
        self._printed.append((x, int(level)))
        leading = self.getLevelStyle(int(level)).leading
        # ReportLab's own quoting of the key
        canvas.linkRect("", literal_eval(key), (x, y, self._width, y + leading), relative=1)

    def afterBuild(self) -> None:  # noqa: N802
        """Write each line's leaders and page number, drawn as ReportLab draws them.

        Lines found other than printed make multiBuild lay the booklet out again, and
        only the last pass is kept; until then the numbers are those found."""
        canvas = self._canvas
        if canvas is None:
            return
        for line, ((x, level), (_, _, page, _)) in enumerate(
            zip(self._printed, self._entries, strict=False)
        ):
            style = self.getLevelStyle(level)
            name = self._form_name(line)
            canvas.beginForm(name, -1, -style.leading, self._width + 1, style.leading)
            # ReportLab's own drawing, told where the line's text ended as a paragraph tells it.
            canvas._curr_tx_info = {"cur_x": x, "cur_y": 0}
            drawPageNumbers(canvas, style, [(page, None)], self._width, 0, _LEADER)
            canvas.endForm()

    def _form_name(self, line: int) -> str:
        return f"{self._notifyKind}-page-{line + 1}"


def _without_pages(entries: Iterable[Line]) -> list[tuple[int, str, str]]:
    return [(level, markup, key) for level, markup, _, key in entries]


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
