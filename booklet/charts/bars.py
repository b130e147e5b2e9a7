"""Bar charts: one bar per fact, each labelled with its value in the source's own words.

An estimate stays an estimate ("more than 5,000"), and where sources disagree each
bar shows its own source's value, with the source named under its label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Fact

from .canvas import (
    BACKING,
    LABEL_GAP,
    MM,
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
    from matplotlib.figure import Figure as MplFigure

BAR_THICKNESS = 0.6  # of each bar's slot; the rest is the gap between bars


@dataclass(frozen=True, slots=True)
class BarChart:
    """One bar per fact, in the order the chart lists them."""

    facts: tuple[Fact, ...]
    horizontal: bool | None = None  # None: upright, unless the labels do not fit under the bars
    log: bool = False
    source_labels: bool = False

    def draw(self, style: ChartStyle) -> MplFigure:
        figure = new_figure(style.width_mm, style.height_mm, constrained=True)
        axes = figure.add_subplot()
        unit = shared_unit(self.facts)
        fills = self._fills(style)
        lowest = 10 ** math.floor(math.log10(min(f.value for f in self.facts))) if self.log else 0.0
        bars: dict[str, Any] = {
            "color": fills,
            "edgecolor": [edge(fill) for fill in fills],
            "linewidth": 0.6,
        }
        positions = list(range(len(self.facts)))
        lengths = [fact.value - lowest for fact in self.facts]  # counted from the bar's base
        slot = style.width_mm * MM * 0.85 / len(self.facts) - 4
        fits_under = self._fits_under(slot, style)
        horizontal = not fits_under if self.horizontal is None else self.horizontal
        if horizontal:
            axes.barh(positions, lengths, height=BAR_THICKNESS, left=lowest, **bars)
            axes.set_yticks(positions, self._categories(style, style.width_mm * MM * 0.35))
            axes.invert_yaxis()  # read top to bottom in the chart's order
            axes.set_xlabel(unit_title(unit))
        else:
            axes.bar(positions, lengths, width=BAR_THICKNESS, bottom=lowest, **bars)
            if fits_under:
                axes.set_xticks(positions, self._categories(style, slot))
            else:  # the curator wants upright bars: slant the labels that are too long
                axes.set_xticks(positions, self._categories(style, style.width_mm * MM))
                axes.tick_params(axis="x", labelrotation=40)
                for label in axes.get_xticklabels():
                    label.set(ha="right", rotation_mode="anchor")
            axes.set_ylabel(unit_title(unit))
        (axes.set_xscale if horizontal else axes.set_yscale)("log" if self.log else "linear")
        format_value_axis(axes.xaxis if horizontal else axes.yaxis, unit, log=self.log)
        quiet_value_axes(axes, "x" if horizontal else "y")
        self._label_values(figure, style, unit, lowest, horizontal=horizontal)
        return figure

    def _fits_under(self, slot: float, style: ChartStyle) -> bool:
        """Whether every label fits under its bar in three lines or fewer."""
        for label in self._categories(style, slot):
            lines = label.split("\n")
            if len(lines) > 3 or any(text_size(line, style)[0] > slot for line in lines):
                return False
        return True

    def _fills(self, style: ChartStyle) -> list[str]:
        if not self.source_labels:
            return [style.colours[0]] * len(self.facts)
        sources = list(dict.fromkeys(fact.citation.source_id for fact in self.facts))
        fills = series_fills(style.colours, len(sources))
        return [fills[sources.index(fact.citation.source_id)] for fact in self.facts]

    def _categories(self, style: ChartStyle, width: float) -> list[str]:
        labels = [wrap(fact.label, width, style) for fact in self.facts]
        if self.source_labels:
            labels = [
                f"{label}\n({fact.citation.source})"
                for label, fact in zip(labels, self.facts, strict=True)
            ]
        return labels

    def _label_values(
        self,
        figure: MplFigure,
        style: ChartStyle,
        unit: str | None,
        lowest: float,
        *,
        horizontal: bool,
    ) -> None:
        axes = figure.axes[0]
        width, height = axes_size(figure, axes)
        values = [fact.value for fact in self.facts]
        slot = width / len(values)
        texts = [value_text(fact, unit) for fact in self.facts]
        if not horizontal:
            texts = [wrap(text, slot - 2, style) for text in texts]
        sizes = [text_size(text, style) for text in texts]
        lengths = [w if horizontal else h for w, h in sizes]
        end = limit_for_labels(
            values, lengths, width if horizontal else height, lowest, log=self.log
        )
        (axes.set_xlim if horizontal else axes.set_ylim)(lowest, end)
        for position, (value, text) in enumerate(zip(values, texts, strict=True)):
            if horizontal:
                label = axes.annotate(
                    text, (value, position), xytext=(LABEL_GAP, 0), textcoords="offset points",
                    ha="left", va="center", annotation_clip=False, bbox=BACKING,
                )  # fmt: skip
            else:
                label = axes.annotate(
                    text, (position, value), xytext=(0, LABEL_GAP), textcoords="offset points",
                    ha="center", va="bottom", annotation_clip=False, bbox=BACKING,
                )  # fmt: skip
            label.set_in_layout(False)  # inside the plot once the axis leaves room for it


def read_bars(spec: ChartSpec, facts: tuple[Fact, ...]) -> tuple[BarChart | None, list[Problem]]:
    reader = OptionReader(spec, ("horizontal", "log", "source_labels"))
    chart = BarChart(
        facts,
        horizontal=reader.flag("horizontal", False) if "horizontal" in spec.options else None,
        log=reader.flag("log", False),
        source_labels=reader.flag("source_labels", sources_disagree(facts)),
    )
    if not facts:
        reader.problem("there are no facts to draw", 'list them: facts = ["…", "…"]')
    for fact in facts:
        if fact.value < 0 or (chart.log and fact.value == 0):
            least = "above zero on a log scale" if chart.log else "zero or more"
            reader.problem(
                f"fact '{fact.id}' is {fact.value:g}; bars need values {least}",
                "draw it in a table or in the text instead",
            )
    return (None if reader.problems else chart), reader.problems


def sources_disagree(facts: tuple[Fact, ...]) -> bool:
    """Whether two facts give one quantity from different sources: then bars name them."""
    sources: dict[str, set[str]] = {}
    for fact in facts:
        if fact.quantity is not None:
            sources.setdefault(fact.quantity, set()).add(fact.citation.source_id)
    return any(len(ids) > 1 for ids in sources.values())
