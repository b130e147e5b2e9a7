"""Figures: a chart's SVG as a vector drawing, with its label and caption, kept on one page.

The drawing is scaled to the figure's width (never wider than the text) and the
whole figure shrinks if it is taller than the page, so it always fits. A figure
that does not fit in what is left of a page waits for the next one while the
text goes on, rather than leaving a hole.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import pickle
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet import installed, usercache
from booklet.diagnostics import BookletError, Problem
from booklet.document import FigureBlock, PictureBlock

from .markup import escape_text, inline_markup
from .navigation import FIGURE_ENTRY, figure_key, figure_line
from .notes import Footnoted
from .stacks import stack_height, stack_scaled
from .typefaces import chart_faces, register_typeface, tell_svglib_chart_faces

if TYPE_CHECKING:
    from .pages import BookletTemplate, WaitingFigures
    from .setting import Setting
    from .style import Style


class FigureFrame(Flowable):  # type: ignore[misc]
    """A figure kept in one piece, shrunk if taller than `max_height`, listed among the figures.

    (ReportLab's KeepInFrame would shrink a figure into whatever room is left at
    the foot of a page; this one moves on to the next page instead.)
    """

    def __init__(
        self,
        block: FigureBlock | PictureBlock,
        key: str,
        content: list[Flowable],
        max_height: float,
    ) -> None:
        super().__init__()
        self._content = content
        self.key = key
        self.number = block.number
        self.title = block.title
        self.max_height = max_height
        self.scale = 1.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        natural = stack_height(self._content, available_width)
        self.scale = min(1.0, self.max_height / natural) if natural else 1.0
        inner = stack_height(self._content, available_width / self.scale)
        self.width, self.height = available_width, inner * self.scale
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, self.height)
        stack_scaled(self.canv, self._content, 0, self.height, self.width, self.scale)

    def on_placed(self, doc: BookletTemplate) -> None:
        doc.notify(
            FIGURE_ENTRY, (*figure_line(self.number, self.title), doc.body_page_number(), self.key)
        )


class Floating(Flowable):  # type: ignore[misc]
    """A figure that, when the rest of the page is too short for it, lets the text after
    it go first and waits for the top of the next page, as figures do in books; and
    that waits too while an earlier figure waits, so that it does not go first."""

    def __init__(self, figure: Flowable, waiting: WaitingFigures) -> None:
        super().__init__()
        self.figure = figure
        self.waiting = waiting
        self.waits = False
        self.gap = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.waits = bool(self.waiting.figures)  # behind an earlier one, whatever its size
        if self.waits:
            return 0.0, 0.0
        # The space above the figure is part of it, so a figure that waits leaves no gap.
        at_top = getattr(getattr(self, "_frame", None), "_atTop", False)
        self.gap = 0.0 if at_top else float(self.figure.getSpaceBefore())
        room = available_height - self.gap
        canvas = getattr(self, "canv", None)
        if canvas is not None:
            width, height = self.figure.wrapOn(canvas, available_width, room)
        else:
            width, height = self.figure.wrap(available_width, room)
        self.waits = height > room and not at_top
        return (0.0, 0.0) if self.waits else (width, height + self.gap)

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        if not self.waits:
            self.figure.drawOn(canvas, x, y, _sW)

    def getSpaceAfter(self) -> float:  # noqa: N802
        return 0.0 if self.waits else float(self.figure.getSpaceAfter())

    def on_placed(self, doc: BookletTemplate) -> None:
        if self.waits:
            doc.defer(self)  # tried again after the next block: it may wait once more
        elif (hook := getattr(self.figure, "on_placed", None)) is not None:
            hook(doc)


def figure_flowable(block: FigureBlock, setting: Setting) -> Floating:
    """ "Figure N. Title", the drawing and the caption, with the notes the caption cites."""
    typography = setting.typography
    label = Paragraph(
        f'<font name="{typography.heading_font.bold}">{escape_text(setting.labels.figure)}'
        f" {block.number}.</font> {escape_text(block.title)}",
        typography.figure_label,
    )
    caption = Paragraph(
        inline_markup(block.caption, setting.link_colour, note_labels=setting.note_labels),
        typography.caption,
    )
    width = min(block.width_mm * mm, setting.text_width)
    drawing = vector_drawing(block, width, setting.text_height * 0.8, typography.body_font.regular)
    gap = typography.leading * 0.4
    notes_height = setting.notes.height_alone(caption)
    frame = FigureFrame(
        block,
        figure_key(block.number),
        [label, Spacer(1, gap), drawing, Spacer(1, gap), caption],
        setting.text_height - notes_height - typography.leading,
    )
    frame.spaceBefore = frame.spaceAfter = typography.leading
    return Floating(Footnoted(frame, setting.notes) if notes_height else frame, setting.waiting)


def vector_drawing(block: FigureBlock, width: float, max_height: float, font: str) -> Drawing:
    """The figure's SVG as a ReportLab drawing `width` wide (or less, if too tall).

    `font` is where the drawing's graphics state starts; without it ReportLab
    starts from Helvetica, a font the PDF would name but not embed.
    """
    try:
        parsed = _parsed(block.svg)
    except Exception as error:  # svglib lets its XML parser's errors through
        raise _unreadable(block, str(error)) from None
    if parsed is None:  # svglib's answer to what it cannot parse
        raise _unreadable(block, "it is not a readable SVG drawing")
    if not parsed.width or not parsed.height:
        raise _unreadable(block, "it has no size")
    scale = min(width / parsed.width, max_height / parsed.height)
    # A new drawing around the parsed one's shapes, which drawing never changes: sharing them
    # costs nothing, where a deep copy took 8 ms a chart.
    drawing = Drawing(parsed.width * scale, parsed.height * scale, *parsed.contents)
    drawing.transform = parsed.transform
    drawing.scale(scale, scale)
    drawing.hAlign = "CENTER"
    drawing.initialFontName = font
    return drawing


def parse_drawings(svgs: Iterable[bytes], style: Style) -> None:
    """Parse each chart now, so that the processes a build is shared out to start with them.

    Chart text names the style's families, so those are registered first: parsed
    before, a drawing would name a font ReportLab does not know."""
    register_typeface(style.body_font)
    register_typeface(style.heading_font)
    for svg in svgs:
        with contextlib.suppress(Exception):  # a damaged one is reported where it is laid out
            _parsed(svg)


@functools.lru_cache(maxsize=64)
def _parsed(svg: bytes) -> Drawing | None:
    """Each chart parsed once per process: the cover, a chapter and the handout may share
    one, and `booklet watch` rebuilds with the same charts.

    Parsing is slow (about 18 ms a chart, and importing svglib 30 ms more), so the
    parsed drawing is also kept, pickled, in the user's cache: loading it takes
    under half a millisecond. A kept drawing that cannot be loaded is parsed again.
    """
    name = f"{_drawing_key(svg)}.pickle"
    if (kept := usercache.read("drawings", name)) is not None:
        try:
            drawing = pickle.loads(kept)
        except Exception:  # written by another version of a library: parse again
            drawing = None
        if isinstance(drawing, Drawing):
            return drawing
    from svglib.svglib import svg2rlg  # only on a miss

    tell_svglib_chart_faces()
    parsed: Drawing | None = svg2rlg(io.BytesIO(svg))
    if parsed is not None:
        usercache.write("drawings", name, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    return parsed


def _drawing_key(svg: bytes) -> str:
    digest = hashlib.sha256(svg)
    digest.update(_parser_versions().encode())
    digest.update(chart_faces().encode())
    return digest.hexdigest()


@functools.cache
def _parser_versions() -> str:
    versions = [installed.version(name) for name in ("reportlab", "svglib", "lxml")]
    return " ".join([sys.version, *versions])


def _unreadable(block: FigureBlock, reason: str) -> BookletError:
    return BookletError(
        Problem(
            block.origin,
            f"figure {block.number} ({block.title}) cannot be drawn: {reason}",
            hint="rebuild the charts (delete .booklet-cache); if it persists, report the chart",
        )
    )
