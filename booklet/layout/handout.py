"""Set the handout: the booklet's essentials on both sides of one sheet, for a class to keep.

A teacher photocopies it, so it is set on the sheet the booklet is printed on
(A4 for an A5 booklet), in two columns, with margins a home printer can print.
The title runs across the top of the front; the sections flow through the
columns of both sides; the citations follow as endnotes, in small type, with
the QR code of the digital copy. A handout that needs a second sheet is
refused rather than printed on one: nobody hands out a third page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph, Spacer
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError

from booklet.diagnostics import BookletError, Location, Problem
from booklet.document import Booklet, Chapter
from booklet.project import SHEETS_MM, Paper

from .covers import QrWithLabel
from .figures import Floating
from .flowables import HeadingWithNext, block_flowables
from .labels import labels_for
from .markup import NOTE_TARGET, escape_text, inline_markup, safe_link
from .navigation import document_info
from .notes import FootnoteArea, note_labels, refuse_undefined_notes
from .setting import Setting
from .stacks import stack, stack_height
from .style import A5_WIDTH_MM, Style
from .typography import Typography, typography

SIDES = 2  # one sheet, printed on both sides
TEMPLATE = "templates/handout.jinja"
MARGIN: float = 13 * mm  # on an A4 sheet; home printers leave 4 to 5 mm unprinted at the edges
MIN_MARGIN: float = 10 * mm
GUTTER: float = 7 * mm  # between the two columns
FOOTER: float = 8 * mm  # under the columns: the colophon line and the side's number


@dataclass(frozen=True, slots=True)
class Sheet:
    """One side of the sheet, its margins and its two columns, in points."""

    width: float
    height: float
    margin: float
    gutter: float

    @classmethod
    def of(cls, paper: Paper) -> Sheet:
        width_mm, height_mm = SHEETS_MM[paper.sheet]
        scale = paper.width_mm / A5_WIDTH_MM  # an A3 sheet gets wider margins than an A4 one
        return cls(width_mm * mm, height_mm * mm, max(MIN_MARGIN, MARGIN * scale), GUTTER * scale)

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def column_width(self) -> float:
        return (self.text_width - self.gutter) / 2

    @property
    def columns_bottom(self) -> float:
        return self.margin + FOOTER


def layout_handout(booklet: Booklet, style: Style, paper: Paper) -> bytes:
    """The handout as PDF bytes: two pages, the sides of one sheet of the booklet's paper.

    Raises BookletError if the content needs more than the two sides.
    """
    refuse_undefined_notes(booklet, "handout", "section")
    sheet = Sheet.of(paper)
    fonts = typography(style.for_paper(paper), booklet.language)
    labels = labels_for(booklet.language)
    band = title_band(booklet, fonts)
    template = HandoutTemplate(io.BytesIO(), sheet, band, fonts, booklet)
    setting = Setting(
        typography=fonts,
        # Endnotes, not footnotes: nothing is kept at the foot of a column for notes.
        notes=FootnoteArea({}, fonts.note, fonts.colours.rule, sheet.column_width, 0.0),
        labels=labels,
        text_width=sheet.column_width,
        text_height=template.front_column_height,
        sink=0.0,
        chapters_open_right=False,
        link_colour=style.accent,
        pictures_in_grey=style.pictures_in_grey,
        note_labels=note_labels(booklet, style.note_numbering),
    )
    story = [flowable for chapter in booklet.chapters for flowable in section(chapter, setting)]
    story += endnotes(booklet, setting)
    url = safe_link(booklet.back_cover.edition_url) if booklet.back_cover.edition_url else None
    if url is not None:
        code = QrWithLabel(url, labels.read_online, setting)
        code.spaceBefore = 1.5 * fonts.leading
        story.append(code)
    try:
        template.build(story)
    except LayoutError:
        raise BookletError(_too_big_problem(template.section)) from None
    if template.page > SIDES:
        raise BookletError(_too_long_problem(template.page, template.overflow))
    return template.buffer.getvalue()


def title_band(booklet: Booklet, fonts: Typography) -> list[Flowable]:
    """The title, subtitle and "editor · date" across the top of the front."""
    cover = booklet.cover
    band: list[Flowable] = [Paragraph(escape_text(cover.title), fonts.cover_title)]
    if cover.subtitle:
        band.append(Paragraph(escape_text(cover.subtitle), fonts.cover_subtitle))
    imprint = " · ".join(text for text in (cover.editor, cover.date) if text)
    if imprint:
        style = ParagraphStyle(
            "handout_imprint",
            fonts.cover_date,
            fontName=fonts.heading_font.regular,
            fontSize=fonts.small.fontSize,
        )
        band += [Spacer(1, 0.5 * fonts.leading), Paragraph(escape_text(imprint), style)]
    return band


class SectionTitle(Flowable):  # type: ignore[misc]
    """A section's title under a rule across the column: a handout's sections are short."""

    def __init__(self, title: str, fonts: Typography, origin: Location | None = None) -> None:
        super().__init__()
        self.title = title
        self.origin = origin
        self.colour = fonts.colours.accent
        style = ParagraphStyle(
            "handout_section",
            fonts.heading,
            fontSize=fonts.heading.fontSize * 1.1,
            leading=fonts.heading.fontSize * 1.35,
            textColor=fonts.colours.accent,
        )
        self.paragraph = Paragraph(escape_text(title), style)
        self.rule_gap = 0.35 * fonts.leading
        self.spaceBefore = 1.1 * fonts.leading
        self.spaceAfter = 0.35 * fonts.leading

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, height = self.paragraph.wrap(available_width, available_height)
        self.width, self.height = available_width, height + self.rule_gap
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(0.8)
        canvas.line(0, self.height, self.width, self.height)
        canvas.restoreState()
        self.paragraph.drawOn(canvas, 0, 0)

    def on_placed(self, doc: HandoutTemplate) -> None:
        doc.section = self


def section(chapter: Chapter, setting: Setting) -> list[Flowable]:
    """A section: its title, kept with its first block, then the rest of its blocks."""
    title = SectionTitle(chapter.title, setting.typography, chapter.origin)
    blocks = [_in_place(flowable) for flowable in block_flowables(chapter.blocks, setting)]
    if not blocks:
        return [title]
    return [HeadingWithNext(title, blocks[0]), *blocks[1:]]


def _in_place(flowable: Flowable) -> Flowable:
    """Figures stay in their section: one that does not fit at the foot of a column opens
    the next, rather than floating past the text into another section, as in the booklet."""
    if isinstance(flowable, Floating):
        return flowable.figure
    if isinstance(flowable, HeadingWithNext):
        return HeadingWithNext(flowable.heading, _in_place(flowable.following))
    return flowable


def endnotes(booklet: Booklet, setting: Setting) -> list[Flowable]:
    """The citations under "Sources", small, each reached from its marker in the text."""
    if not booklet.notes:
        return []
    fonts = setting.typography
    style = ParagraphStyle("handout_note", fonts.note, spaceAfter=0.12 * fonts.leading)
    notes = [
        Paragraph(
            f'<a name="{NOTE_TARGET}{note.number}"/>'
            + inline_markup(note.content, setting.link_colour, with_notes=False),
            style,
            bulletText=setting.note_labels.get(note.number, str(note.number)),
        )
        for note in booklet.notes
    ]
    title = SectionTitle(setting.labels.sources, fonts)
    return [HeadingWithNext(title, notes[0]), *notes[1:]]


class HandoutTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Two sides, two columns each; the front's columns start under the title band."""

    def __init__(
        self,
        buffer: io.BytesIO,
        sheet: Sheet,
        band: list[Flowable],
        fonts: Typography,
        booklet: Booklet,
    ) -> None:
        self.buffer = buffer
        self.sheet = sheet
        self.band = band
        self.fonts = fonts
        self.colophon = booklet.back_cover.colophon or booklet.title
        self.section: SectionTitle | None = None  # the one being laid out
        self.overflow: SectionTitle | None = None  # the one being laid out when side 2 was full
        self.band_bottom = sheet.height - sheet.margin - self._band_height()
        super().__init__(
            buffer,
            pagesize=(sheet.width, sheet.height),
            leftMargin=sheet.margin,
            rightMargin=sheet.margin,
            topMargin=sheet.margin,
            bottomMargin=sheet.columns_bottom,
            initialFontName=fonts.body_font.regular,
            initialFontSize=fonts.body.fontSize,
            invariant=1,  # fixed dates and ids: the same input gives the same bytes
            **_info(booklet),
        )
        front_top = self.band_bottom - 1.2 * fonts.leading
        self.addPageTemplates(
            [
                PageTemplate(
                    "front",
                    self._columns(front_top),
                    onPage=self._draw_band,
                    onPageEnd=self._draw_footer,
                    autoNextPageTemplate="back",
                ),
                PageTemplate(
                    "back", self._columns(sheet.height - sheet.margin), onPageEnd=self._draw_footer
                ),
            ]
        )
        self.front_column_height = front_top - sheet.columns_bottom

    def _band_height(self) -> float:
        return self._band_top_gap() + stack_height(self.band, self.sheet.text_width)

    def _band_top_gap(self) -> float:
        return 0.9 * float(self.fonts.cover_title.fontSize)

    def _columns(self, top: float) -> list[Frame]:
        sheet = self.sheet
        return [
            Frame(
                sheet.margin + index * (sheet.column_width + sheet.gutter),
                sheet.columns_bottom,
                sheet.column_width,
                top - sheet.columns_bottom,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=f"column-{index + 1}",
            )
            for index in range(2)
        ]

    def handle_pageBegin(self) -> None:  # noqa: N802
        super().handle_pageBegin()
        if self.page == SIDES + 1 and self.overflow is None:
            self.overflow = self.section

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        hook = getattr(flowable, "on_placed", None)
        if hook is not None:
            hook(self)

    # What placed flowables may ask of the page, as in the booklet

    def raise_frame_bottom(self, height: float) -> None:
        self.frame.bottomPadding += height  # always 0 here: notes wait for the end

    def body_page_number(self) -> int:
        return int(self.page)

    # Drawing around the columns

    def _draw_band(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        # No rule under the band: the first sections' own rules close it.
        sheet = self.sheet
        top = sheet.height - sheet.margin
        _rule(canvas, sheet.margin, top, sheet.text_width, self.fonts.colours.accent, 2.4)
        stack(canvas, self.band, sheet.margin, top - self._band_top_gap(), sheet.text_width)

    def _draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        sheet, style = self.sheet, self.fonts.folio
        baseline = sheet.margin
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize * 0.92)
        canvas.setFillColor(style.textColor)
        canvas.drawString(sheet.margin, baseline, self.colophon)
        canvas.drawRightString(sheet.width - sheet.margin, baseline, f"{self.page}/{SIDES}")
        canvas.restoreState()
        _rule(
            canvas,
            sheet.margin,
            baseline + 1.6 * style.fontSize,
            sheet.text_width,
            self.fonts.colours.rule,
            0.4,
        )


def _rule(canvas: Canvas, x: float, y: float, width: float, colour: Any, weight: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(weight)
    canvas.line(x, y, x + width, y)
    canvas.restoreState()


def _info(booklet: Booklet) -> Mapping[str, Any]:
    info = dict(document_info(booklet))
    info["title"] = f"{booklet.title} — handout"
    return info


def _too_long_problem(pages: int, overflow: SectionTitle | None) -> Problem:
    where = f"from “{overflow.title}” on" if overflow is not None else "at its end"
    origin = overflow.origin if overflow is not None else None
    return Problem(
        origin or Location(Path(TEMPLATE)),
        "the handout is longer than one sheet, both sides:"
        f" it needs {pages} pages; shorten {TEMPLATE}",
        hint=f"it runs over {where}: leave out a section, a figure or some table rows",
    )


def _too_big_problem(current: SectionTitle | None) -> Problem:
    where = f"“{current.title}”" if current is not None else "the handout"
    return Problem(
        current.origin if current is not None else None,
        f"a block in {where} does not fit in a column of the handout",
        hint="shorten or split it: a table row, figure or paragraph in it is taller than a column",
    )
