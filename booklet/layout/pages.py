"""Pages: facing-page margins, running heads, folios, blank versos, and room for footnotes.

Right-hand (odd) pages have the fold on the left, left-hand (even) pages on the
right; page 1 is the cover, a right-hand page. What a page shows besides its
text depends on what landed on it: flowables that open a chapter or make a
cover say so through `on_placed`, which the template calls after placing them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO, Literal

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable, BaseDocTemplate

from booklet.diagnostics import Location
from booklet.project import Paper

from .notes import FootnoteArea
from .style import Margins
from .typography import Typography
from .viewer import folio, label_pages_from_here, open_on_this_page_as_spreads

Parity = Literal["any", "odd", "even"]


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """The page and its text block, in points."""

    width: float
    height: float
    inner: float
    outer: float
    top: float
    bottom: float

    @classmethod
    def of(cls, paper: Paper, margins: Margins) -> PageGeometry:
        return cls(
            paper.width_mm * mm,
            paper.height_mm * mm,
            margins.inner * mm,
            margins.outer * mm,
            margins.top * mm,
            margins.bottom * mm,
        )

    @property
    def text_width(self) -> float:
        return self.width - self.inner - self.outer

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom

    def text_left(self, page: int) -> float:
        return self.inner if page % 2 else self.outer


@dataclass(slots=True)
class PageState:
    """What the page being laid out has received so far."""

    flowables: int = 0  # none: a blank page, printed without running head or folio
    shows_running_head: bool = True
    shows_folio: bool = True


@dataclass(slots=True)
class Section:
    """The chapter (or other section) being laid out, for running heads and messages."""

    title: str = ""
    origin: Location | None = None
    running_head: str = ""


class WaitingFigures:
    """Figures held for a later page, in the order they came.

    The pages hold and place them; every figure asks whether one is waiting, and if
    so waits behind it. A figure never goes before an earlier one, as in books: the
    figures keep the order of their numbers, and the list of figures its order.
    """

    def __init__(self) -> None:
        self.figures: list[Flowable] = []
        self.page = 0  # where the first of them was held


class BookletTemplate(BaseDocTemplate):  # type: ignore[misc]
    def __init__(
        self,
        buffer: BinaryIO,
        geometry: PageGeometry,
        typography: Typography,
        notes: FootnoteArea,
        waiting: WaitingFigures,
        info: Mapping[str, Any],
    ) -> None:
        self.geometry = geometry
        self.typography = typography
        self.notes = notes
        self.booklet_title = str(info["title"])
        self.page_state = PageState()
        self.section = Section()
        self.waiting = waiting
        self.body_start: int | None = None  # the first chapter's page, folio 1
        super().__init__(
            buffer,
            pagesize=(geometry.width, geometry.height),
            leftMargin=geometry.inner,
            rightMargin=geometry.outer,
            topMargin=geometry.top,
            bottomMargin=geometry.bottom,
            initialFontName=typography.body_font.regular,
            initialFontSize=typography.body.fontSize,
            invariant=1,  # fixed dates and ids: the same input gives the same bytes
            **info,
        )
        self.addPageTemplates([self._side("recto"), self._side("verso")])

    def _side(self, name: str) -> PageTemplate:
        geometry = self.geometry
        frame = Frame(
            geometry.inner if name == "recto" else geometry.outer,
            geometry.bottom,
            geometry.text_width,
            geometry.text_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        return PageTemplate(name, [frame], onPageEnd=self._finish_page)

    # ReportLab's hooks, called once per build pass, page and flowable

    def beforeDocument(self) -> None:  # noqa: N802
        self.notes.reset()
        self.section = Section()
        self.waiting.figures = []
        self.body_start = None

    def handle_pageBegin(self) -> None:  # noqa: N802
        self.page_state = PageState()
        # The side follows from the page number, whatever happened before (blank pages).
        self.pageTemplate = self.pageTemplates[0 if (self.page + 1) % 2 else 1]
        super().handle_pageBegin()

    def handle_frameBegin(self, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        super().handle_frameBegin(*args, **kwargs)
        self.frame.bottomPadding = self.notes.begin_page()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, ActionFlowable):
            return
        self.page_state.flowables += 1
        hook = getattr(flowable, "on_placed", None)
        if hook is not None:
            hook(self)
        if self.waiting.figures and self.page > self.waiting.page:
            # Figures that waited go in after the first block placed on a later page
            # (not above it: that block may already have been moved on from a full page).
            floats, self.waiting.figures = self.waiting.figures, []
            self.frame.add_generated_content(*floats)

    # What placed flowables tell the page

    def raise_frame_bottom(self, height: float) -> None:
        """Keep `height` free at the foot of the page for the notes just cited."""
        self.frame.bottomPadding += height

    def begin_body(self) -> None:
        """The first chapter starts on this page: folios count from 1 here."""
        if self.body_start is None:
            self.body_start = self.page

    def folio(self) -> str:
        """The number printed on this page: roman in the front matter, arabic from chapter 1."""
        return folio(self.page, self.body_start)

    def body_page_number(self) -> int:
        """This page's number counted from the first chapter, as the contents give it."""
        return int(self.page) - (self.body_start or 1) + 1

    def hide_running_head(self) -> None:
        self.page_state.shows_running_head = False

    def hide_page_decorations(self) -> None:
        self.page_state.shows_running_head = False
        self.page_state.shows_folio = False

    def defer(self, figure: Flowable) -> None:
        """Hold a figure that does not fit in what is left of this page (or that came
        while another waited), for the next one."""
        if not self.waiting.figures:
            self.waiting.page = self.page
        self.waiting.figures.append(figure)

    def start_page(self, parity: Parity) -> None:
        """Go on to an empty page of the given parity, once the figures still waiting are in."""
        while self.waiting.figures:
            pending, self.waiting.figures = self.waiting.figures, []
            while pending:
                self.clean_hanging()
                self.handle_flowable(pending)
            if self.waiting.figures:  # too big for what is left: they get a page of their own
                self.handle_pageBreak()
        while self.page_state.flowables or not _has_parity(self.page, parity):
            self.handle_pageBreak()  # a page left with nothing on it stays blank
            self.clean_hanging()  # begin the next page now, to know its number

    # Drawing what surrounds the text

    def _finish_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.page == 1:
            open_on_this_page_as_spreads(canvas)
            label_pages_from_here(canvas, 1, front_matter=True)
        if self.page == self.body_start:
            label_pages_from_here(canvas, self.page, front_matter=False)
        left = self.geometry.text_left(self.page)
        self.notes.draw(canvas, left, self.geometry.bottom)
        state = self.page_state
        if not state.flowables:
            return
        if state.shows_running_head:
            self._running_head(canvas, left)
        if state.shows_folio:
            self._folio(canvas, left)

    def _running_head(self, canvas: Canvas, left: float) -> None:
        style = self.typography.running_head
        text = self.section.running_head if self.page % 2 else self.booklet_title
        text = _fit(text, style.fontName, style.fontSize, self.geometry.text_width)
        baseline = self.geometry.height - self.geometry.top * 0.6
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawCentredString(left + self.geometry.text_width / 2, baseline, text)
        canvas.restoreState()

    def _folio(self, canvas: Canvas, left: float) -> None:
        style = self.typography.folio
        baseline = self.geometry.bottom * 0.45
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawCentredString(left + self.geometry.text_width / 2, baseline, self.folio())
        canvas.restoreState()


class StartPage(ActionFlowable):  # type: ignore[misc]
    """Go on to a new page; to a right-hand (odd) or left-hand (even) one if asked."""

    def __init__(self, parity: Parity = "any") -> None:
        super().__init__()
        self.parity = parity

    def apply(self, doc: BookletTemplate) -> None:
        doc.start_page(self.parity)


def _has_parity(page: int, parity: Parity) -> bool:
    return parity == "any" or (page % 2 == 1) == (parity == "odd")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text, shortened at a word with an ellipsis if it is wider than `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + " …", font, size) > width:
        words.pop()
    return " ".join(words).rstrip(",;:") + " …"
