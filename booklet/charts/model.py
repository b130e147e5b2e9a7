"""The value of the charts stage: each chart as a deterministic vector drawing."""

from __future__ import annotations

from dataclasses import dataclass

from booklet.facts.model import ChartSpec, Fact


@dataclass(frozen=True, slots=True)
class Figure:
    spec: ChartSpec
    facts: tuple[Fact, ...]  # the facts drawn, in drawing order: the caption cites them
    svg: bytes  # matplotlib SVG, text kept as <text> in the body's font family
    width_mm: float
    height_mm: float

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """What charts take from the style sheet, so they match the page."""

    font_family: str = "DejaVu Serif"  # must be registered for the layout too
    font_files: tuple[str, ...] = ()  # TrueType files of that family, given to matplotlib
    font_size_pt: float = 7.5
    width_mm: float = 110.0
    height_mm: float = 68.0
    colours: tuple[str, ...] = ("#1f4e79", "#c55a11", "#7f7f7f", "#548235", "#7030a0")
    ink: str = "#222222"
