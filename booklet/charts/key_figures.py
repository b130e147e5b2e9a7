"""Key figures: a few numbers of different kinds, each set large with what it counts.

Trains, lorries, kilometres and people cannot share an axis; drawn as bars they
would invite a comparison the numbers do not support. Set side by side as large
figures, each keeps its own unit and its source's hedge ("at least", "some").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Fact
from booklet.numbers import CURRENCIES, format_number

from .canvas import MM, new_figure, text_size, wrap
from .model import ChartStyle
from .options import OptionReader

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

CELL_HEIGHT_MM = 24.0
NUMBER_SCALE = 2.6  # the figure's size, as a multiple of the chart's text size
SHORT_UNIT = 3  # units this short ("km") stand beside the number; longer ones in the label


@dataclass(frozen=True, slots=True)
class KeyFigures:
    facts: tuple[Fact, ...]
    columns: int

    def draw(self, style: ChartStyle) -> MplFigure:
        rows = math.ceil(len(self.facts) / self.columns)
        figure = new_figure(style.width_mm, rows * CELL_HEIGHT_MM)
        cell_width = 1 / self.columns
        label_width = style.width_mm * MM * cell_width * 0.9
        accent = style.colours[0] if style.colours else style.ink
        # one size for every figure: the largest at which the widest still fits its cell
        widest = max(text_size(big_number(fact), style, NUMBER_SCALE)[0] for fact in self.facts)
        scale = NUMBER_SCALE * min(1.0, label_width / widest)
        for index, fact in enumerate(self.facts):
            row, column = divmod(index, self.columns)
            left = column * cell_width + 0.02
            top = 1 - row / rows
            step = 1 / rows / CELL_HEIGHT_MM  # one millimetre, in figure coordinates
            if fact.qualifier:
                figure.text(
                    left,
                    top - 2 * step,
                    fact.qualifier,
                    va="top",
                    ha="left",
                    color=style.ink,
                    fontsize=style.font_size_pt * 0.95,
                    alpha=0.75,
                )
            figure.text(
                left,
                top - 5 * step,
                big_number(fact),
                va="top",
                ha="left",
                color=accent,
                fontsize=style.font_size_pt * scale,
            )
            figure.text(
                left,
                top - 14 * step,
                wrap(fact.label, label_width, style),
                va="top",
                ha="left",
                color=style.ink,
                fontsize=style.font_size_pt,
                linespacing=1.2,
            )
        return figure


def big_number(fact: Fact) -> str:
    """The figure as set large: "$250 million", "18.5 million km", "5,640"."""
    number = format_number(fact.value)
    if fact.unit in CURRENCIES:
        return f"{CURRENCIES[fact.unit]}{number}"
    if fact.unit == "percent":
        return f"{number}%"
    return f"{number} {fact.unit}" if len(fact.unit) <= SHORT_UNIT else number


def read_key_figures(
    spec: ChartSpec, facts: tuple[Fact, ...]
) -> tuple[KeyFigures | None, list[Problem]]:
    reader = OptionReader(spec, ("columns",))
    columns = spec.options.get("columns", min(len(facts), 2) or 1)
    if isinstance(columns, bool) or not isinstance(columns, int) or not 1 <= columns <= 4:
        reader.wrong("columns", "a whole number from 1 to 4", "columns = 2")
        columns = 2
    if not facts:
        reader.problem("there are no facts to show", 'list them: facts = ["…", "…"]')
    return (None if reader.problems else KeyFigures(facts, columns)), reader.problems
