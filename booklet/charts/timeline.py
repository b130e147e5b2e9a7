"""Timelines: facts placed at their dates along a band of years.

Each date gets a label (the date, then what each fact counts and its value, unless
the fact is the year itself) beside
a stem that rises or falls from the band, like a flag on its pole. Labels alternate sides and
step out to further rows where they would touch, so none overlaps another label
or crosses another's stem.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from booklet.dates import Span, parse_date
from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Fact
from booklet.numbers import format_value

from .canvas import MM, MUTED, new_figure, text_size, wrap
from .model import ChartStyle
from .options import OptionReader
from .palette import edge, mix

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as MplFigure

MARGIN = 2.0  # points around the drawing
BAND = 12.0  # points: the height of the band of years
STEM = 7.0  # points from the band to the nearest row of labels
ROW_GAP = 5.0  # points between rows of labels
LABEL_SPACE = 6.0  # points kept clear between labels side by side
FLAG = 3.0  # points between a stem and the text beside it
MAX_ROWS = 5  # per side: more rows than this and the timeline cannot be read anyway
DATE_SCALE = 0.9  # the date line is a little smaller than the label under it
BAND_GREY = "#e4e4e4"
_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)


@dataclass(frozen=True, slots=True)
class _Label:
    """One fact's label: where it points and its box, in points from the left edge."""

    span: Span
    body: str
    x: float  # the fact's place on the band, where its stem stands
    flag: int  # 1: the text is right of the stem, -1: left of it (near the right edge)
    left: float  # the box holds the stem and the text
    width: float
    height: float
    side: int = 1  # 1 above the band, -1 below
    row: int = 0

    @property
    def right(self) -> float:
        return self.left + self.width


@dataclass(frozen=True, slots=True)
class Timeline:
    """Facts at their dates; facts of one date share a stem and a label."""

    facts: tuple[Fact, ...]
    spans: tuple[Span, ...]  # each fact's date, read

    def draw(self, style: ChartStyle) -> MplFigure:
        width = style.width_mm * MM
        spans = self.spans
        first = math.floor(min(span.start for span in spans))
        last = max(math.ceil(max(span.end for span in spans)), first + 1)
        scale = (width - 2 * MARGIN) / (last - first)

        def at(year: float) -> float:
            return MARGIN + (year - first) * scale

        labels = _place(
            [_measure(group, at(group[0][1].middle), width, style) for group in self._by_date()]
        )
        # the edge of each label nearer the band, from the band's middle: up is positive
        nears = [
            label.side * distance for label, distance in zip(labels, _stack(labels), strict=True)
        ]
        tops = [
            near + (lb.height if lb.side > 0 else 0) for lb, near in zip(labels, nears, strict=True)
        ]
        bottoms = [
            near - (lb.height if lb.side < 0 else 0) for lb, near in zip(labels, nears, strict=True)
        ]
        low = min(-BAND / 2, *bottoms) - MARGIN
        high = max(BAND / 2, *tops) + MARGIN
        figure = new_figure(style.width_mm, (high - low) / MM)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, width)
        axes.set_ylim(low, high)
        axes.set_axis_off()
        _draw_band(axes, first, last, at, style)
        for label, near in zip(labels, nears, strict=True):
            _draw_label(axes, label, near, at, style)
        return figure

    def _by_date(self) -> list[list[tuple[Fact, Span]]]:
        """Facts of the same date share one stem and one label: two stems cannot share a place."""
        groups: dict[str, list[tuple[Fact, Span]]] = {}
        for fact, span in zip(self.facts, self.spans, strict=True):
            groups.setdefault(span.text, []).append((fact, span))
        return list(groups.values())


def _value_line(fact: Fact) -> list[str]:
    """The figure under the event's name; an event counted in years is its date, shown above."""
    return [] if fact.unit == "year" else [format_value(fact.value, fact.unit, fact.qualifier)]


def _measure(group: list[tuple[Fact, Span]], x: float, width: float, style: ChartStyle) -> _Label:
    span = group[0][1]
    body = "\n".join(
        line
        for fact, _ in group
        for line in (wrap(fact.label, width / 3.2, style), *_value_line(fact))
    )
    date_width, date_height = text_size(span.text, style, DATE_SCALE)
    body_width, body_height = text_size(body, style)
    box_width = FLAG + max(date_width, body_width)
    flag = 1 if x + box_width <= width - MARGIN else -1
    left = x if flag > 0 else max(x - box_width, MARGIN)
    return _Label(span, body, x, flag, left, box_width, date_height + 2 + body_height)


def _place(labels: list[_Label]) -> list[_Label]:
    """Give each label the first side and row where it touches nothing.

    Labels whose text is right of the stem are placed from the right end in, the
    others from the left end in: so each stem passes beside the labels below it,
    in a staircase, and never through one.
    """
    rightward = sorted((lb for lb in labels if lb.flag > 0), key=lambda lb: -lb.x)
    leftward = sorted((lb for lb in labels if lb.flag < 0), key=lambda lb: lb.x)
    placed: list[_Label] = []
    side = -1
    for label in rightward + leftward:
        side = -side  # alternate, so neighbours start on opposite sides
        choices = [
            replace(label, side=choice, row=row)
            for row in range(MAX_ROWS)
            for choice in (side, -side)
        ]
        chosen = min(choices, key=lambda c: sum(_clash(c, other) for other in placed))
        side = chosen.side
        placed.append(chosen)
    return placed


def _stack(labels: list[_Label]) -> list[float]:
    """How far each label sits from the band's middle: just clear of the labels under it.

    A label rests on the labels of lower rows that it spans (stems included), not
    on whole rows, so a tall label far along the band leaves no gap elsewhere.
    """
    distances: dict[int, float] = {}
    for index in sorted(range(len(labels)), key=lambda i: labels[i].row):
        label = labels[index]
        under = [
            distances[other] + labels[other].height + ROW_GAP
            for other in distances
            if labels[other].side == label.side
            and labels[other].row < label.row
            and labels[other].left < label.right + LABEL_SPACE
            and label.left < labels[other].right + LABEL_SPACE
        ]
        distances[index] = max([BAND / 2 + STEM, *under])
    return [distances[index] for index in range(len(labels))]


def _clash(new: _Label, old: _Label) -> bool:
    if new.side != old.side:
        return False
    if new.row == old.row:
        return new.left < old.right + LABEL_SPACE and old.left < new.right + LABEL_SPACE
    inner, outer = (new, old) if new.row < old.row else (old, new)
    # the outer label's stem passes the inner label's row: it must not run through it
    return inner.left - FLAG <= outer.x <= inner.right + FLAG


def _draw_band(
    axes: Axes, first: int, last: int, at: Callable[[float], float], style: ChartStyle
) -> None:
    axes.fill_between([at(first), at(last)], -BAND / 2, BAND / 2, color=BAND_GREY, linewidth=0)
    step = next(step for step in _STEPS if (last - first) / step <= 10)
    size = style.font_size_pt * DATE_SCALE
    for year in range(first, last + 1):
        if year % step and year not in (first, last):
            continue
        if first < year < last:
            axes.plot([at(year)] * 2, [-BAND / 2, BAND / 2], color="white", lw=1)
        if step == 1 and year < last:
            axes.text(at(year + 0.5), 0, str(year), ha="center", va="center_baseline", size=size)
        elif step > 1 and year % step == 0 and year < last:
            axes.text(at(year) + 2, 0, str(year), ha="left", va="center_baseline", size=size)


def _draw_label(
    axes: Axes, label: _Label, near: float, at: Callable[[float], float], style: ChartStyle
) -> None:
    fill = style.colours[0]
    band_edge = label.side * BAND / 2
    if label.span.is_period:
        axes.plot(
            [at(label.span.start), at(label.span.end)],
            [band_edge] * 2,
            color=mix(fill, "#ffffff", 0.3),
            lw=3,
            solid_capstyle="butt",
        )
    top = near + label.height if label.side > 0 else near
    far = top if label.side > 0 else near - label.height
    axes.plot([label.x] * 2, [band_edge, far], color=MUTED, lw=0.6)
    axes.plot(
        [label.x],
        [band_edge],
        marker="o",
        markersize=4.5,
        color=fill,
        markeredgecolor=edge(fill),
        markeredgewidth=0.6,
    )
    x, align = (label.x + FLAG, "left") if label.flag > 0 else (label.x - FLAG, "right")
    size = style.font_size_pt
    axes.text(x, top, label.span.text, ha=align, va="top", size=size * DATE_SCALE, color=MUTED)
    date_height = text_size(label.span.text, style, DATE_SCALE)[1]
    axes.text(x, top - date_height - 2, label.body, ha=align, va="top", multialignment=align)


def read_timeline(
    spec: ChartSpec, facts: tuple[Fact, ...]
) -> tuple[Timeline | None, list[Problem]]:
    reader = OptionReader(spec, ())
    if not facts:
        reader.problem("there are no facts to draw", 'list them: facts = ["…", "…"]')
    spans = []
    for fact in facts:
        span = parse_date(fact.date) if fact.date is not None else None
        if fact.date is None:
            reader.problem(
                f"fact '{fact.id}' has no date to place on the timeline",
                'give the fact a date, e.g. date = "1938-03"',
            )
        elif span is None:
            reader.problem(
                f"fact '{fact.id}' has a date the timeline cannot read: '{fact.date}'",
                'write dates as "1937", "1937-10", "1937-12-01" or "1937-1941"',
            )
        else:
            spans.append(span)
    if reader.problems:
        return None, reader.problems
    return Timeline(facts, tuple(spans)), []
