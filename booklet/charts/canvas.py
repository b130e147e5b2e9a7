"""Pieces every chart kind draws with: the figure, text sizes, the value axis.

matplotlib is imported inside the functions, never at module level: a build whose
charts all come from the cache must not pay for importing it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from booklet.facts.model import Fact
from booklet.numbers import CURRENCIES, format_axis, format_value

from .model import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure as MplFigure

MM = 72 / 25.4  # points per millimetre
LABEL_GAP = 3.0  # points between a bar's end and its value label
GRID = "#d0d0d0"  # light enough to stay behind the data on a photocopy
MUTED = "#6b6b6b"  # secondary text: sources, graticule, "n/a"; dark enough to print
# A white patch behind a label, so a grid line or route under it does not cut the letters.
BACKING = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"}
_UNIT_NAMES = {"USD": "US dollars", "GBP": "Pounds sterling", "EUR": "Euros", "percent": "Per cent"}


def new_figure(width_mm: float, height_mm: float, *, constrained: bool = False) -> MplFigure:
    """A figure of its own, with no pyplot state shared between charts."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=72)
    if constrained:  # margins that fit the tick labels, whatever their length
        figure.set_layout_engine(ConstrainedLayoutEngine(w_pad=2 / 72, h_pad=2 / 72))
    return figure


@lru_cache(maxsize=4096)
def text_size(text: str, style: ChartStyle, scale: float = 1.0) -> tuple[float, float]:
    """Width and height in points of (possibly multi-line) text, as the saved SVG sets it.

    Measured by matplotlib's own text layout with its SVG renderer, so line
    spacing and letter widths are exactly those of the drawing.
    """
    from matplotlib.text import Text

    figure = new_figure(10, 10)
    label = Text(
        text=text,
        fontfamily=style.font_family,
        fontsize=style.font_size_pt * scale,
        parse_math=False,
        figure=figure,
    )
    box = label.get_window_extent(_svg_renderer())
    return float(box.width), float(box.height)


@cache
def _svg_renderer() -> RendererBase:
    import io

    from matplotlib.backends.backend_svg import RendererSVG

    return RendererSVG(100, 100, io.StringIO())  # type: ignore[no-untyped-call]


def wrap(text: str, max_width: float, style: ChartStyle, scale: float = 1.0) -> str:
    """Break text between words so each line fits max_width points, where words allow.

    Lines come out of even length ("Aircraft delivered / by 1941", not "Aircraft
    delivered by / 1941"): the narrowest width that needs no more lines is used.
    """
    lines = _fill(text, max_width, style, scale)
    low, high = max_width / len(lines), max_width
    for _ in range(8):
        middle = (low + high) / 2
        if len(_fill(text, middle, style, scale)) > len(lines):
            low = middle
        else:
            high = middle
    return "\n".join(_fill(text, high, style, scale))


def _fill(text: str, max_width: float, style: ChartStyle, scale: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_size(candidate, style, scale)[0] <= max_width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines or [""]


def shared_unit(facts: Sequence[Fact]) -> str | None:
    units = {fact.unit for fact in facts}
    return units.pop() if len(units) == 1 else None


def value_text(fact: Fact, unit: str | None) -> str:
    """The label on a bar: "more than 5,000"; the unit only where the axis does not give it."""
    if unit is not None and unit not in CURRENCIES:
        return format_value(fact.value, "", fact.qualifier)
    return format_value(fact.value, fact.unit, fact.qualifier)


def unit_title(unit: str | None) -> str:
    """The value axis's label: the unit in words, or nothing for a mix of units."""
    if not unit:
        return ""
    name = _UNIT_NAMES.get(unit, unit)
    return name[:1].upper() + name[1:]


def format_value_axis(axis: Axis, unit: str | None, *, log: bool) -> None:
    """Ticks a reader can read: "$150M", "5,000", never "1.5e8"."""
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

    if log:
        axis.set_major_locator(LogLocator(base=10))
        axis.set_minor_locator(NullLocator())
    else:
        axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3))
    axis.set_major_formatter(FuncFormatter(lambda value, _: tick_text(value, unit)))


def tick_text(value: float, unit: str | None) -> str:
    """A tick label: "$150M", "5,000", "600k"."""
    return format_axis(value, unit or "")


def quiet_value_axes(axes: Axes, value_axis: Literal["x", "y"]) -> None:
    """Grid lines across the bars instead of an axis line; the baseline stays."""
    axes.grid(axis=value_axis, color=GRID, linewidth=0.5, clip_on=False)  # see vector.to_svg
    axes.tick_params(axis=value_axis, length=0, pad=3)
    axes.tick_params(axis="y" if value_axis == "x" else "x", length=0, pad=4)
    hidden = "bottom" if value_axis == "x" else "left"
    axes.spines[hidden].set_visible(False)


def axes_size(figure: MplFigure, axes: Axes) -> tuple[float, float]:
    """The plot area in points once the layout has settled."""
    figure.draw_without_rendering()
    box = axes.get_window_extent()
    return box.width, box.height


def limit_for_labels(
    values: Sequence[float],
    label_lengths: Sequence[float],
    span: float,
    lowest: float,
    *,
    log: bool,
) -> float:
    """The axis end that leaves room for each value's label after its bar.

    span is the plot's length along the value axis in points; lowest is where that
    axis starts. A bar of value v with a label L points long needs the axis end E
    with position(v) + gap + L <= span.
    """
    base: float = lowest if not log else math.log10(lowest)
    end = max(values) if max(values) > lowest else lowest + 1  # all zero: still an axis
    for value, length in zip(values, label_lengths, strict=True):
        room = span - LABEL_GAP - length
        if room <= span * 0.2:  # a label longer than the plot: give the bar at least a fifth
            room = span * 0.2
        point = math.log10(value) if log else value
        needed = base + (point - base) * span / room
        end = max(end, 10**needed if log else needed)
    return end
