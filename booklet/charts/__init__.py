"""Turn chart specs and verified facts into figures: deterministic vector drawings.

Each chart is drawn with matplotlib and saved as SVG, which the layout turns into
a vector drawing. Drawings are kept in a cache by content hash, so a rebuild with
unchanged charts does not even import matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import zip_longest
from pathlib import Path

from booklet.alongside import alongside
from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Facts

from .cache import chart_key, code_fingerprint, read_cached, store
from .kinds import KINDS, Chart, read_chart
from .model import ChartStyle, Figure
from .style import load_chart_style
from .vector import house_style, register_fonts, svg_size_mm, to_svg

__all__ = ["KINDS", "ChartStyle", "Figure", "draw_figures", "load_chart_style"]


def draw_figures(
    specs: Sequence[ChartSpec],
    facts: Facts,
    style: ChartStyle,
    cache_dir: Path | None,
    *,
    jobs: int = 1,
    then: Callable[[bytes], object] = lambda svg: None,
) -> tuple[tuple[Figure, ...], list[Problem]]:
    """A figure for each chart that passed its checks, and the problems of those that did not.

    Charts not in the cache are drawn in up to `jobs` processes; each runs `then` on the
    charts it drew (the build parses them into drawings there, which are kept).
    """
    problems: list[Problem] = []
    code = code_fingerprint() if cache_dir is not None else ""
    planned: list[tuple[ChartSpec, Chart, str, bytes | None]] = []
    for spec in specs:
        chart, found = read_chart(spec, facts)
        problems += found
        if chart is None:
            continue
        key = chart_key(spec.kind, chart, style, code) if cache_dir is not None else ""
        svg = read_cached(cache_dir, key) if cache_dir is not None else None
        planned.append((spec, chart, key, svg))
    missing = [chart for _, chart, _, svg in planned if svg is None]
    drawn = iter(_draw_all(missing, style, jobs, then))
    figures = []
    for spec, chart, key, kept in planned:
        svg = kept
        if svg is None:
            svg, problem = next(drawn)
            if problem is not None:
                if problem not in problems:
                    problems.append(problem)
                continue
            if cache_dir is not None:
                problems += _keep(cache_dir, key, svg)
        width, height = svg_size_mm(svg) or (style.width_mm, style.height_mm)
        figures.append(Figure(spec, chart.facts, svg, width, height))
    return tuple(figures), problems


Drawn = tuple[bytes, Problem | None]


def _draw_all(
    charts: list[Chart], style: ChartStyle, jobs: int, then: Callable[[bytes], object]
) -> list[Drawn]:
    """Each chart's SVG, in order; with `jobs` above 1, every other one drawn in a second
    process. Importing matplotlib (about 0.4 s) is done first, here, so both share it:
    drawing the default booklet's five charts from nothing takes 0.45 s in one process."""
    if not charts:
        return []
    if (problem := register_fonts(style)) is not None:
        return [(b"", problem)] * len(charts)

    def draw(some: list[Chart]) -> list[Drawn]:
        return [_draw(chart, style, then) for chart in some]

    if jobs < 2 or len(charts) < 2:
        return draw(charts)
    with alongside(lambda: draw(charts[1::2])) as theirs:
        mine = draw(charts[::2])
        others = theirs.result()
    return [drawn for pair in zip_longest(mine, others) for drawn in pair if drawn is not None]


def _draw(chart: Chart, style: ChartStyle, then: Callable[[bytes], object]) -> Drawn:
    with house_style(style):
        svg = to_svg(chart.draw(style))
    then(svg)
    return svg, None


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
