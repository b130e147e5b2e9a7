import re
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure as MplFigure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from booklet.charts import ChartStyle, draw_figures
from booklet.charts.route_map import DASHES, Place, Route, RouteMap
from booklet.charts.routes import read_route_map
from booklet.charts.vector import house_style, register_fonts
from booklet.facts.model import Facts
from tests.charts.conftest import PLACES, make_fact, make_spec, within

ROAD = {"path": ["Alma-Ata", "Urumqi", "Hami", "Lanzhou"], "label": "Road", "style": "road"}
SEA = {"path": ["Sevastopol", [90, 8], "Haiphong"], "label": "Sea", "style": "sea"}
RAIL = {"path": ["Haiphong", "Kunming"], "label": "Railway", "style": "rail"}
AIR = {"path": ["Alma-Ata", "Lanzhou"], "label": "Air", "style": "air"}


def read(**options: Any) -> RouteMap:
    chart, problems = read_route_map(make_spec("route-map", [], **options), ())
    assert problems == []
    assert chart is not None
    return chart


def draw(chart: RouteMap, style: ChartStyle) -> MplFigure:
    register_fonts(style)
    with house_style(style):
        figure = chart.draw(style)
        figure.draw_without_rendering()
    return figure


def names(figure: MplFigure) -> dict[str, Text]:
    return {text.get_text(): text for text in figure.axes[0].texts}


def test_options_become_places_and_routes() -> None:
    chart = read(
        places={"Hami": [93.5, 42.8], "Lanzhou": [103.8, 36.06]},
        routes=[{"path": ["Hami", "Lanzhou"]}],
        label_offsets={"Hami": [0, 6]},
    )
    assert chart.places == (
        Place("Hami", (93.5, 42.8), offset=(0.0, 6.0)),
        Place("Lanzhou", (103.8, 36.06)),
    )
    assert chart.routes == (Route(("Hami", "Lanzhou"), "Hami to Lanzhou", "road"),)


def test_every_place_on_the_map_is_named_once_and_nothing_overlaps(style: ChartStyle) -> None:
    places = {name: PLACES[name] for name in PLACES if name != "Sevastopol"}
    figure = draw(read(places=places, routes=[ROAD, RAIL]), style)
    texts = names(figure)
    assert set(places) <= set(texts)
    boxes = [text.get_window_extent() for text in texts.values()]
    for index, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[index + 1 :])


def test_each_name_is_clearly_nearer_its_own_dot_than_any_other(style: ChartStyle) -> None:
    close = {name: PLACES[name] for name in ("Alma-Ata", "Urumqi")} | {"Saryozek": [78.0, 44.35]}
    figure = draw(read(places=close, routes=[{"path": ["Saryozek", "Alma-Ata", "Urumqi"]}]), style)
    axes = figure.axes[0]
    dots = next(line for line in axes.lines if line.get_marker() == "o")
    spots = dict(zip(close, axes.transData.transform(dots.get_xydata()), strict=True))
    for name in close:
        box = names(figure)[name].get_window_extent()
        gaps = {
            place: float(np.hypot(max(box.x0 - x, 0, x - box.x1), max(box.y0 - y, 0, y - box.y1)))
            for place, (x, y) in spots.items()
        }
        assert min(gaps, key=lambda place: gaps[place]) == name


def test_names_and_notes_stay_inside_the_map_frame(style: ChartStyle) -> None:
    figure = draw(read(places=PLACES, routes=[ROAD, SEA, RAIL], extent=[70, 112, 18, 48]), style)
    axes = figure.axes[0]
    outline = next(line for line in axes.lines if len(line.get_xydata()) == 5)  # type: ignore[arg-type]
    frame = Bbox(axes.transData.transform(outline.get_xydata())[[0, 2]])
    for name in ("Alma-Ata", "Urumqi", "Lanzhou", "Haiphong", "Kunming", "to Sevastopol"):
        assert within(names(figure)[name].get_window_extent(), frame), name


def test_a_place_off_the_map_is_not_drawn_but_its_route_says_where_it_goes(
    style: ChartStyle,
) -> None:
    figure = draw(read(places=PLACES, routes=[SEA], extent=[70, 112, 18, 48]), style)
    texts = names(figure)
    assert "Sevastopol" not in texts
    assert "to Sevastopol" in texts
    dots = [line for line in figure.axes[0].lines if line.get_marker() == "o"]
    assert len(dots[0].get_xdata()) == len(PLACES) - 1  # type: ignore[arg-type]


def test_without_an_extent_the_map_fits_every_place(style: ChartStyle) -> None:
    figure = draw(read(places=PLACES, routes=[SEA]), style)
    assert "Sevastopol" in names(figure)
    assert "to Sevastopol" not in names(figure)


def test_route_styles_differ_in_dash_pattern_not_only_in_colour(style: ChartStyle) -> None:
    spec = make_spec("route-map", [], places=PLACES, routes=[ROAD, SEA, RAIL, AIR])
    figures, problems = draw_figures([spec], Facts(()), style, None)
    assert problems == []
    strokes = re.findall(rb"stroke-dasharray: ([\d.,]+)", figures[0].svg)
    # each dashed style on the map and in the legend; the road is solid
    assert len(set(strokes)) == len(DASHES) - 1
    assert all(strokes.count(stroke) == 2 for stroke in strokes)


def test_a_flat_or_tall_spread_of_places_still_gives_a_readable_map(style: ChartStyle) -> None:
    flat = draw(read(places={"West": [30, 40], "East": [130, 41]}), style)
    tall = draw(read(places={"North": [100, 60], "South": [101, 0]}), style)
    for figure in (flat, tall):
        ratio = figure.get_figheight() / figure.get_figwidth()
        assert 0.4 < ratio < 1.2


def test_a_curators_offset_puts_the_name_there(style: ChartStyle) -> None:
    chart = read(places={"Hami": [93.5, 42.8], "Lanzhou": [103.8, 36.06]},
                 label_offsets={"Hami": [0, -10]})  # fmt: skip
    figure = draw(chart, style)
    axes = figure.axes[0]
    dots = next(line for line in axes.lines if line.get_marker() == "o")
    x, y = axes.transData.transform(dots.get_xydata())[0]
    hami = names(figure)["Hami"].get_window_extent()
    assert hami.y1 < y  # below the dot
    assert hami.x0 < x < hami.x1  # centred under it


def test_the_facts_are_kept_for_the_caption() -> None:
    fact = make_fact("trucks", 5200, "trucks")
    spec = make_spec("route-map", ["trucks"], places={"Hami": [93.5, 42.8]})
    chart, _ = read_route_map(spec, (fact,))
    assert chart is not None
    assert chart.facts == (fact,)


@pytest.mark.parametrize(
    ("options", "message", "hint"),
    [
        (
            {},
            "chart 'chart': option `places` is missing",
            'name each place with its position: places = { "Lanzhou" = [103.8, 36.06] }',
        ),
        (
            {"places": {"Lanzhou": [36.06]}},
            "chart 'chart': place 'Lanzhou' must be [longitude, latitude]",
            'write it like this: "Lanzhou" = [103.8, 36.06]',
        ),
        (
            {"places": {"Lanzhou": [36.06, 103.8]}},
            "chart 'chart': place 'Lanzhou' is at [36.06, 103.8], which is not on the globe",
            "give longitude first (-180 to 180), then latitude (-90 to 90)",
        ),
        (
            {"places": PLACES, "routes": [{"path": ["Alma-Ata", "Lanzhuo"]}]},
            "chart 'chart': route 1 goes through 'Lanzhuo', which is not in `places`",
            "did you mean 'Lanzhou'?",
        ),
        (
            {"places": PLACES, "routes": [{"path": ["Alma-Ata", "Lanzhou"], "style": "rial"}]},
            "chart 'chart': route 1 has an unknown style 'rial'",
            'did you mean "rail"?',
        ),
        (
            {"places": PLACES, "routes": [{"path": ["Alma-Ata"]}]},
            "chart 'chart': route 1 needs a `path` of two places or more",
            'write it like this: path = ["Alma-Ata", "Urumqi", "Lanzhou"]',
        ),
        (
            {"places": PLACES, "routes": [{"path": ["Hami", "Urumqi"], "colour": "red"}]},
            "unknown key `colour` in route 1 of chart 'chart'",
            "known keys: path, label, style",
        ),
        (
            {"places": PLACES, "label_offsets": {"Lanzou": [0, 4]}},
            "chart 'chart': `label_offsets` names 'Lanzou', which is not in `places`",
            "did you mean 'Lanzhou'?",
        ),
        (
            {"places": PLACES, "extent": [130, 70, 15, 48]},
            "chart 'chart': `extent` must go from west to east and from south to north",
            "write it as [west, east, south, north], e.g. extent = [70, 135, 15, 48]",
        ),
        (
            {"places": PLACES, "extent": [0, 10, 0, 10]},
            "chart 'chart': no place lies inside `extent`",
            "widen `extent`: [west, east, south, north]",
        ),
    ],
)
def test_wrong_options_are_problems_at_the_chart(
    options: dict[str, Any], message: str, hint: str
) -> None:
    chart, problems = read_route_map(make_spec("route-map", [], **options), ())
    assert chart is None
    assert [problem.format() for problem in problems] == [
        f"seeds/facts.toml:12: error: {message}\n  hint: {hint}"
    ]


def test_routes_of_one_kind_share_a_colour_and_a_legend_entry(style) -> None:
    from booklet.charts.routes import read_route_map
    from booklet.charts.vector import house_style

    from .conftest import make_fact, make_spec

    spec = make_spec(
        "route-map",
        ["trains"],
        places={"A": [100.0, 30.0], "B": [110.0, 35.0], "C": [105.0, 25.0]},
        routes=[
            {"path": ["A", "B"], "label": "Sea route", "style": "sea"},
            {"path": ["C", "B"], "label": "Sea route", "style": "sea"},
            {"path": ["A", "C"], "label": "Road", "style": "road"},
        ],
    )
    chart, problems = read_route_map(spec, (make_fact("trains", 5640),))
    assert problems == []
    with house_style(style):
        figure = chart.draw(style)
    legend = [
        text.get_text() for text in figure.axes[0].texts if text.get_text() in ("Sea route", "Road")
    ]
    assert sorted(legend) == ["Road", "Sea route"]
