"""The chart kinds a curator can name, and the checks every chart passes before it is drawn.

A chart spec becomes a Chart: its facts found and its options read, ready to be
drawn or looked up in the cache. A spec with a problem becomes Problems instead,
and the rest of the booklet's charts are still drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Fact, Facts
from booklet.tomlfile import near_miss

from .bars import read_bars
from .key_figures import read_key_figures
from .model import ChartStyle
from .paired_bars import read_paired_bars
from .routes import read_route_map
from .timeline import read_timeline

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure


class Chart(Protocol):
    """A chart whose facts and options passed their checks."""

    @property
    def facts(self) -> tuple[Fact, ...]:
        """The facts drawn, in drawing order: the caption cites them."""
        ...

    def draw(self, style: ChartStyle) -> MplFigure: ...


Reader = Callable[[ChartSpec, tuple[Fact, ...]], tuple[Chart | None, list[Problem]]]

KINDS: dict[str, Reader] = {
    "bars": read_bars,
    "paired-bars": read_paired_bars,
    "timeline": read_timeline,
    "route-map": read_route_map,
    "key-figures": read_key_figures,
}


def read_chart(spec: ChartSpec, facts: Facts) -> tuple[Chart | None, list[Problem]]:
    """The spec as a Chart ready to draw, or the problems that keep it from being drawn."""
    reader = KINDS.get(spec.kind)
    if reader is None:
        guess = near_miss(spec.kind, KINDS)
        hint = f'did you mean "{guess}"?' if guess else f"use one of: {', '.join(KINDS)}"
        return None, [
            Problem(spec.origin, f"chart '{spec.id}' has an unknown kind '{spec.kind}'", hint)
        ]
    found: list[Fact] = []
    problems: list[Problem] = []
    for fact_id in spec.facts:
        fact = facts.fact(fact_id)
        if fact is None:
            guess = near_miss(fact_id, [known.id for known in facts.facts])
            hint = f"did you mean '{guess}'?" if guess else "use the id of a fact in the facts file"
            problems.append(
                Problem(spec.origin, f"chart '{spec.id}' names an unknown fact '{fact_id}'", hint)
            )
        else:
            found.append(fact)
    if problems:
        return None, problems
    return reader(spec, tuple(found))
