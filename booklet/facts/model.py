"""The values of the facts stage: figures that passed their checks, and charts that name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from booklet.diagnostics import Location, Problem
from booklet.sources.model import Trust


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a statement comes from: a source, the paragraph, the words."""

    source_id: str
    paragraph: int  # 1-based paragraph number in the cleaned source
    quote: str | None = None
    source_name: str | None = None  # how a reader knows the source: its author or short title

    @property
    def source(self) -> str:
        return self.source_name or self.source_id


@dataclass(frozen=True, slots=True)
class Fact:
    """One curated figure whose quote was found in its source and whose value the quote states."""

    id: str
    value: float
    unit: str  # "USD", "km", or the thing counted: "pilots", "freight trains"
    label: str  # what it counts, for charts and tables: "Third loan"
    citation: Citation
    trust: Trust
    origin: Location  # the entry in the figures file
    qualifier: str | None = None  # "some", "more than", "approximately": kept from the quote
    date: str | None = None  # "1938", "1937-10", "1937-1941"
    group: str | None = None  # facts drawn together, e.g. "loans"
    quantity: str | None = None  # facts with the same quantity must agree, or it is a conflict
    note: str | None = None

    @property
    def is_caution(self) -> bool:
        return self.trust is Trust.CAUTION


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A `[[chart]]` of the figures file: which facts to draw, and how."""

    id: str
    kind: str  # "bars", "paired-bars", "timeline", "route-map", ...
    title: str
    caption: str
    description: str  # a text alternative, kept for readers who cannot see the chart
    facts: tuple[str, ...]
    origin: Location
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources that state the same quantity differently: the booklet shows every value."""

    quantity: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Facts:
    facts: tuple[Fact, ...]
    charts: tuple[ChartSpec, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    problems: tuple[Problem, ...] = ()

    def fact(self, fact_id: str) -> Fact | None:
        return next((fact for fact in self.facts if fact.id == fact_id), None)

    def chart(self, chart_id: str) -> ChartSpec | None:
        return next((chart for chart in self.charts if chart.id == chart_id), None)
