"""Turn chart specs and verified facts into figures: deterministic vector drawings.

Each chart is drawn with matplotlib and saved as SVG, which the layout turns into
a vector drawing. Drawings are kept in a cache by content hash, so a rebuild with
unchanged charts does not even import matplotlib.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Facts

from .cache import chart_key, code_fingerprint, read_cached, store
from .kinds import KINDS, Chart, read_chart
from .model import ChartStyle, Figure
from .style import load_chart_style
from .vector import house_style, register_fonts, svg_size_mm, to_svg

__all__ = ["KINDS", "ChartStyle", "Figure", "draw_figures", "load_chart_style"]


def draw_figures(
    specs: Sequence[ChartSpec], facts: Facts, style: ChartStyle, cache_dir: Path | None
) -> tuple[tuple[Figure, ...], list[Problem]]:
    """A figure for each chart that passed its checks, and the problems of those that did not."""
    problems: list[Problem] = []
    code = code_fingerprint() if cache_dir is not None else ""
    figures = []
    for spec in specs:
        chart, found = read_chart(spec, facts)
        problems += found
        if chart is None:
            continue
        key = chart_key(spec.kind, chart, style, code) if cache_dir is not None else ""
        svg = read_cached(cache_dir, key) if cache_dir is not None else None
        if svg is None:
            svg, problem = _draw(chart, style)
            if problem is not None:
                if problem not in problems:
                    problems.append(problem)
                continue
            if cache_dir is not None:
                problems += _keep(cache_dir, key, svg)
        width, height = svg_size_mm(svg) or (style.width_mm, style.height_mm)
        figures.append(Figure(spec, chart.facts, svg, width, height))
    return tuple(figures), problems


def _draw(chart: Chart, style: ChartStyle) -> tuple[bytes, Problem | None]:
    if (problem := register_fonts(style)) is not None:
        return b"", problem
    with house_style(style):
        return to_svg(chart.draw(style)), None


def _keep(cache_dir: Path, key: str, svg: bytes) -> list[Problem]:
    try:
        store(cache_dir, key, svg)
    except OSError as error:
        return [
            Problem(
                None,
                f"cannot keep a chart in the cache folder {cache_dir.name}: {error.strerror}",
                "check that the folder can be written; the booklet is still built",
                severity="warning",
            )
        ]
    return []
