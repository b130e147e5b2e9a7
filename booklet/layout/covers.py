"""The pages that are designed rather than run: front cover, colophon page, back cover.

Each takes a whole page and places its parts itself, so it can use the page's
geometry (the cover is centred on the page, not on the text block).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from booklet.document import BackCover, Cover

from .figures import vector_drawing
from .markup import escape_attribute, escape_text, inline_markup, safe_link
from .pages import PageGeometry
from .stacks import stack, stack_height, stack_scaled
from .typography import Palette

if TYPE_CHECKING:
    from .pages import BookletTemplate
    from .setting import Setting

QR_SIZE = 22 * mm  # phone cameras read it easily at arm's length


class _WholePage(Flowable):  # type: ignore[misc]
    """Takes all the room left in the frame, and prints no running head or folio."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return available_width, available_height

    def on_placed(self, doc: BookletTemplate) -> None:
        doc.hide_page_decorations()


class _Cover(_WholePage):
    """A cover: laid out on the page itself, between an accent rule and a foot line."""

    def __init__(self, setting: Setting, geometry: PageGeometry) -> None:
        super().__init__()
        self.setting = setting
        self.geometry = geometry
        self.side = (geometry.inner + geometry.outer) / 2 + 2 * mm  # the same both sides
        self.measure = geometry.width - 2 * self.side
        self.top_rule = geometry.height - 1.5 * geometry.top
        self.foot = 1.25 * geometry.bottom  # where the last line ends

    def on_page(self) -> Canvas:
        """The canvas, moved so that from here on it draws in page coordinates."""
        x, y = self.canv.absolutePosition(0, 0)
        self.canv.translate(-x, -y)
        _rule(self.canv, self.side, self.top_rule, self.measure, self.colours.accent, 1.2)
        return self.canv

    @property
    def colours(self) -> Palette:
        return self.setting.typography.colours


class FrontCover(_Cover):
    def __init__(self, cover: Cover, setting: Setting, geometry: PageGeometry) -> None:
        super().__init__(setting, geometry)
        self.cover = cover

    def draw(self) -> None:
        canvas, page = self.on_page(), self.geometry
        typography = self.setting.typography
        side, width, rule_y = self.side, self.measure, self.top_rule
        heading = [Paragraph(escape_text(self.cover.title), typography.cover_title)]
        if self.cover.subtitle:
            heading.append(Paragraph(escape_text(self.cover.subtitle), typography.cover_subtitle))
        y = stack(canvas, heading, side, rule_y - 0.9 * typography.cover_title.fontSize, width)
        imprint = [
            Paragraph(escape_text(text), style)
            for text, style in (
                (self.cover.editor, typography.cover_editor),
                (self.cover.date, typography.cover_date),
            )
            if text
        ]
        imprint_top = self.foot + stack_height(imprint, width)
        stack(canvas, imprint, side, imprint_top, width)
        _rule(canvas, side, imprint_top + 4 * mm, width, self.colours.rule, 0.4)
        if self.cover.illustration is not None:
            room_top, room_bottom = y - 12 * mm, imprint_top + 14 * mm
            if room_top - room_bottom > 20 * mm:
                drawing = vector_drawing(
                    self.cover.illustration,
                    width,
                    room_top - room_bottom,
                    typography.body_font.regular,
                )
                drawing.drawOn(
                    canvas,
                    (page.width - drawing.width) / 2,
                    room_bottom + (room_top - room_bottom - drawing.height) / 2,
                )


def _rule(canvas: Canvas, x: float, y: float, width: float, colour: Color, weight: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(weight)
    canvas.line(x, y, x + width, y)
    canvas.restoreState()


class ColophonPage(_WholePage):
    """The back of the cover: the colophon set small at the foot of the page."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        super().__init__()
        self.paragraphs = list(paragraphs)

    def draw(self) -> None:
        _stack_at_foot(self.canv, self.paragraphs, self.width, self.height)


class BackCoverPage(_Cover):
    """The summary at the top; the QR code of the digital edition and the colophon line below."""

    def __init__(
        self, back: BackCover, setting: Setting, geometry: PageGeometry, read_online: str
    ) -> None:
        super().__init__(setting, geometry)
        self.back = back
        self.read_online = read_online

    def draw(self) -> None:
        canvas = self.on_page()
        typography = self.setting.typography
        foot: list[Flowable] = []
        url = safe_link(self.back.edition_url) if self.back.edition_url else None
        if url is not None:
            foot.append(QrWithLabel(url, self.read_online, self.setting))
        if self.back.colophon:
            foot.append(Paragraph(escape_text(self.back.colophon), typography.colophon))
        foot_top = self.foot + stack_height(foot, self.measure)
        stack(canvas, foot, self.side, foot_top, self.measure)
        if foot:
            _rule(canvas, self.side, foot_top + 4 * mm, self.measure, self.colours.rule, 0.4)
        summary = [
            Paragraph(
                inline_markup(paragraph.content, self.setting.link_colour, with_notes=False),
                typography.summary,
            )
            for paragraph in self.back.summary
        ]
        top = self.top_rule - 0.9 * typography.cover_title.fontSize
        room = top - foot_top - 12 * mm
        height = stack_height(summary, self.measure)
        scale = min(1.0, room / height) if height else 1.0
        stack_scaled(canvas, summary, self.side, top, self.measure, scale)


class QrWithLabel(Flowable):  # type: ignore[misc]
    """The code on the left, and beside it what it is for and the address in words."""

    def __init__(self, url: str, label: str, setting: Setting) -> None:
        super().__init__()
        self.url = url
        self.font = setting.typography.body_font.regular
        style = setting.typography.qr_label
        link = f'<a href="{escape_attribute(url)}" color="{setting.link_colour}">'
        self.label = Paragraph(f"{escape_text(label)}<br/>{link}{escape_text(url)}</a>", style)
        self.spaceAfter = 4 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.label_width = available_width - QR_SIZE - 4 * mm
        _, label_height = self.label.wrap(self.label_width, available_height)
        self.width, self.height = available_width, max(QR_SIZE, label_height)
        return self.width, self.height

    def draw(self) -> None:
        qr_code(self.url, self.font).drawOn(self.canv, 0, self.height - QR_SIZE)
        _, label_height = self.label.wrap(self.label_width, self.height)
        self.label.drawOn(self.canv, QR_SIZE + 4 * mm, (QR_SIZE - label_height) / 2)


def qr_code(url: str, font: str, size: float = QR_SIZE) -> Drawing:
    """A vector QR code `size` square; the white around it is the page's (keep 4 mm clear)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget  # 9 ms: only with an edition_url

    widget = QrCodeWidget(url, barLevel="M", barBorder=0)
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    drawing.initialFontName = font  # else the drawing names Helvetica, which is not embedded
    return drawing


def _stack_at_foot(
    canvas: Canvas, flowables: Sequence[Flowable], width: float, room: float
) -> None:
    """Draw flowables so the last one ends at y = 0, shrunk if taller than `room`."""
    height = stack_height(flowables, width)
    scale = min(1.0, room / height) if height else 1.0
    stack_scaled(canvas, flowables, 0, height * scale, width, scale)
