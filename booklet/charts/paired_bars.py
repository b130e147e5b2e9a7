"""Paired bars: groups of bars side by side, one bar per series, e.g. pledged against used.

A figure the sources do not give is drawn as an outlined "n/a" marker, never as
a zero: a missing number and a number that is zero are different things.

    series = ["Pledged", "Used"]
    pairs = [["loan-1938", ""], ["total-pledged", "total-used"]]  # "" = not known
    groups = ["1938 loan", "All loans"]  # optional: else the first fact's label
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Fact

from .canvas import (
    BACKING,
    LABEL_GAP,
    MM,
    MUTED,
    axes_size,
    format_value_axis,
    limit_for_labels,
    new_figure,
    quiet_value_axes,
    shared_unit,
    text_size,
    unit_title,
    value_text,
    wrap,
)
from .model import ChartStyle
from .options import OptionReader
from .palette import edge, series_fills

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as MplFigure

GROUP_WIDTH = 0.88  # of each group's slot; the rest separates the groups
BAR_FILL = 0.8  # of each bar's slot: the gap lets a label a little wider than its bar fit
MISSING_HEIGHT = 8.0  # points: the outlined marker of a figure no source gives
MISSING = "n/a"


@dataclass(frozen=True, slots=True)
class PairedBarChart:
    """Groups of bars, one per series; a cell without a fact is a figure no source gives."""

    series: tuple[str, ...]
    groups: tuple[str, ...]
    cells: tuple[tuple[Fact | None, ...], ...]  # one row per group, one cell per series

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(fact for row in self.cells for fact in row if fact is not None)

    def draw(self, style: ChartStyle) -> MplFigure:
        from matplotlib.patches import Patch

        figure = new_figure(style.width_mm, style.height_mm, constrained=True)
        axes = figure.add_subplot()
        fills = series_fills(style.colours, len(self.series))
        for index, fill in enumerate(fills):
            present = [(x, fact) for x, fact in self._column(index) if fact is not None]
            axes.bar(
                [x for x, _ in present],
                [fact.value for _, fact in present],
                width=self._bar_width * BAR_FILL,
                color=fill,
                edgecolor=edge(fill),
                linewidth=0.6,
            )
        slot = style.width_mm * MM * 0.85 / len(self.groups) - 4
        axes.set_xticks(
            range(len(self.groups)), [wrap(group, slot, style) for group in self.groups]
        )
        axes.set_xlim(-0.5, len(self.groups) - 0.5)
        unit = shared_unit(self.facts)
        axes.set_ylabel(unit_title(unit))
        format_value_axis(axes.yaxis, unit, log=False)
        quiet_value_axes(axes, "y")
        handles = [Patch(facecolor=fill, edgecolor=edge(fill), linewidth=0.6) for fill in fills]
        axes.legend(
            handles,
            self.series,
            loc="lower left",
            bbox_to_anchor=(0, 1.01),
            ncols=len(fills),
            handlelength=1.4,
            handleheight=0.9,
            borderaxespad=0,
            borderpad=0,
            columnspacing=1.6,
        )
        self._label_values(figure, axes, style, unit)
        return figure

    @property
    def _bar_width(self) -> float:
        return GROUP_WIDTH / len(self.series)

    def _column(self, index: int) -> list[tuple[float, Fact | None]]:
        """Where each group's bar of one series stands, and its fact."""
        shift = (index - (len(self.series) - 1) / 2) * self._bar_width
        return [(group + shift, row[index]) for group, row in enumerate(self.cells)]

    def _label_values(
        self, figure: MplFigure, axes: Axes, style: ChartStyle, unit: str | None
    ) -> None:
        width, height = axes_size(figure, axes)
        cells = [cell for index in range(len(self.series)) for cell in self._column(index)]
        values = [fact.value if fact else 0.0 for _, fact in cells]
        texts = [value_text(fact, unit) if fact else MISSING for _, fact in cells]
        centres = [(x + 0.5) * width / len(self.groups) for x, _ in cells]
        room = self._bar_width * width / len(self.groups)
        end = max(values) or 1.0  # all zero: still an axis
        for _ in range(5):  # a higher axis end moves the labels: repeat until they fit
            tops = [value * height / end for value in values]
            bases = [
                top if fact else MISSING_HEIGHT for top, (_, fact) in zip(tops, cells, strict=True)
            ]
            # 2 points narrower than drawn: clashes() keeps labels 2 points apart, not from bars
            bars = [
                _Label("", c, 0, room * BAR_FILL - 2, b)
                for c, b in zip(centres, bases, strict=True)
            ]
            labels = _place(bars, texts, room, width, style)
            lengths = [
                label.bottom + label.height - top - LABEL_GAP
                for label, top in zip(labels, tops, strict=True)
            ]
            needed = limit_for_labels(values, lengths, height, 0.0, log=False)
            if needed <= end * 1.001:
                break
            end = needed
        axes.set_ylim(0, end)
        missing = MISSING_HEIGHT * end / height
        for (x, fact), label, base, centre in zip(cells, labels, bases, centres, strict=True):
            if fact is None:
                axes.bar(
                    x,
                    missing,
                    width=self._bar_width * BAR_FILL,
                    fill=False,
                    edgecolor=MUTED,
                    linewidth=0.6,
                    linestyle=(0, (2, 1.5)),
                )
            text = axes.annotate(
                label.text,
                (x, fact.value if fact else missing),
                xytext=(label.centre - centre, label.bottom - base),
                textcoords="offset points",
                ha="center",
                va="bottom",
                color=style.ink if fact else MUTED,
                annotation_clip=False,
                bbox=BACKING,
            )
            text.set_in_layout(False)


@dataclass(frozen=True, slots=True)
class _Label:
    """A value label's text and box, in points from the plot's left edge and baseline."""

    text: str
    centre: float
    bottom: float
    width: float
    height: float

    def clashes(self, other: _Label) -> bool:
        apart = abs(self.centre - other.centre) * 2 >= self.width + other.width + 2
        return not apart and (
            self.bottom < other.bottom + other.height + 1
            and other.bottom < self.bottom + self.height + 1
        )


def _label(text: str, centre: float, bottom: float, style: ChartStyle, plot_width: float) -> _Label:
    width, height = text_size(text, style)
    inside = min(max(centre, width / 2), plot_width - width / 2)
    return _Label(text, inside, bottom, width, height)


def _place(
    bars: Sequence[_Label], texts: Sequence[str], room: float, plot_width: float, style: ChartStyle
) -> list[_Label]:
    """A label over each bar, clear of the bars, of the other labels and of the plot's sides.

    Labels are placed from the tallest bar down, so a long label may spread over a
    lower neighbour. A label is moved in from a side it would cross; one that touches
    something is wrapped to its bar's width, and if it still touches, raised above it.
    """
    placed: list[_Label] = list(bars)
    labels: dict[int, _Label] = {}
    for index in sorted(range(len(bars)), key=lambda i: -bars[i].height):
        bar, text = bars[index], texts[index]
        label = _label(text, bar.centre, bar.height + LABEL_GAP, style, plot_width)
        if any(label.clashes(other) for other in placed):
            label = _label(wrap(text, room, style), bar.centre, label.bottom, style, plot_width)
        while clashing := [other for other in placed if label.clashes(other)]:
            raised = max(other.bottom + other.height for other in clashing) + 1
            label = replace(label, bottom=raised)
        placed.append(label)
        labels[index] = label
    return [labels[index] for index in range(len(bars))]


def read_paired_bars(
    spec: ChartSpec, facts: tuple[Fact, ...]
) -> tuple[PairedBarChart | None, list[Problem]]:
    reader = OptionReader(spec, ("series", "pairs", "groups"))
    series = reader.texts("series", 'series = ["Pledged", "Used"]')
    if series is None and "series" in spec.options:
        return None, reader.problems  # of the wrong shape: already a problem
    if not series:
        reader.problem(
            "option `series` is missing",
            'name the bars of each group: series = ["Pledged", "Used"]',
        )
        return None, reader.problems
    rows = _rows(reader, facts, len(series))
    groups = reader.texts("groups", 'groups = ["1938 loan", "All loans"]')
    if groups is None:
        groups = tuple(next(fact.label for fact in row if fact) for row in rows if any(row))
    elif len(groups) != len(rows):
        reader.problem(
            f"`groups` names {len(groups)} groups but there are {len(rows)}",
            "give one label per group, in the order of `pairs`",
        )
    if not rows and not reader.problems:
        reader.problem("there are no facts to draw", 'list them: facts = ["…", "…"]')
    for fact in (fact for row in rows for fact in row if fact is not None and fact.value < 0):
        reader.problem(
            f"fact '{fact.id}' is {fact.value:g}; bars need values zero or more",
            "draw it in a table or in the text instead",
        )
    if reader.problems:
        return None, reader.problems
    return PairedBarChart(series, groups, tuple(rows)), []


def _rows(
    reader: OptionReader, facts: tuple[Fact, ...], width: int
) -> list[tuple[Fact | None, ...]]:
    """The facts of each group, one per series; None where no source gives the figure."""
    example = 'pairs = [["fact-a", "fact-b"], ["fact-c", ""]]'
    if "pairs" not in reader.spec.options:
        if len(facts) % width:
            reader.problem(
                f"{len(facts)} facts cannot be split into groups of {width}",
                f'list the groups with {example}; "" marks a figure no source gives',
            )
        return [facts[start : start + width] for start in range(0, len(facts), width)]
    pairs = reader.spec.options["pairs"]
    if not isinstance(pairs, list) or not all(
        isinstance(row, list) and len(row) == width and all(isinstance(i, str) for i in row)
        for row in pairs
    ):
        reader.wrong("pairs", f"a list of groups of {width} fact ids", example)
        return []
    by_id = {fact.id: fact for fact in facts}
    rows = []
    for row in pairs:
        for fact_id in row:
            if fact_id and fact_id not in by_id:
                reader.problem(
                    f"`pairs` names fact '{fact_id}', which is not in the chart's `facts`",
                    "add it to `facts`, so the caption cites it",
                )
        if not any(row):
            reader.problem("a group in `pairs` has no fact", "remove the group, or name a fact")
        rows.append(tuple(by_id.get(fact_id) for fact_id in row))
    return rows
