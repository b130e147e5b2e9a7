import itertools
import math
from collections.abc import Iterator
from typing import Any

import pytest
from matplotlib.figure import Figure as MplFigure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text

from booklet.charts import ChartStyle
from booklet.charts.bars import BarChart, read_bars, sources_disagree
from booklet.charts.vector import house_style, register_fonts
from booklet.facts.model import Fact
from tests.charts.conftest import LOANS, make_fact, make_spec, within

AIRCRAFT = (
    make_fact("fighters", 155, "aircraft", "Fighters"),
    make_fact("bombers", 62, "aircraft", "Bombers"),
    make_fact("trainers", 8, "aircraft", "Trainers"),
)
KILLED = (
    make_fact("killed-a", 236, "volunteers", source="soviet-volunteer-group", quantity="killed"),
    make_fact("killed-b", 227, "volunteers", source="undeclared-war", quantity="killed"),
)


def draw(chart: BarChart, style: ChartStyle) -> MplFigure:
    register_fonts(style)
    with house_style(style):
        figure = chart.draw(style)
        figure.draw_without_rendering()  # lay out, as saving does
    return figure


def bars(figure: MplFigure) -> list[Rectangle]:
    return [patch for patch in figure.axes[0].patches if isinstance(patch, Rectangle)]


def value_labels(figure: MplFigure) -> list[str]:
    return [text.get_text() for text in figure.axes[0].texts if isinstance(text, Annotation)]


def test_bar_heights_are_the_cited_values(style: ChartStyle) -> None:
    figure = draw(BarChart(AIRCRAFT), style)
    assert [bar.get_height() for bar in bars(figure)] == [155, 62, 8]
    assert [bar.get_y() for bar in bars(figure)] == [0, 0, 0]
    assert figure.axes[0].get_ylim()[0] == 0  # the axis starts at zero


def test_bars_of_nothing_still_draw_an_axis(style: ChartStyle) -> None:
    figure = draw(BarChart((make_fact("none", 0), make_fact("zero", 0))), style)
    assert [bar.get_height() for bar in bars(figure)] == [0, 0]
    assert figure.axes[0].get_ylim() == (0, 1)


def test_horizontal_bars_read_top_to_bottom_in_the_charts_order(style: ChartStyle) -> None:
    figure = draw(BarChart(AIRCRAFT, horizontal=True), style)
    assert [bar.get_width() for bar in bars(figure)] == [155, 62, 8]
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert labels == ["Fighters", "Bombers", "Trainers"]
    assert figure.axes[0].yaxis_inverted()


LONG_LABELS = tuple(
    make_fact(f"group-{n}", 100 * n, "people", f"Aviation technicians of group {n}")
    for n in range(1, 9)
)


def test_labels_too_long_to_stand_under_bars_turn_the_chart_on_its_side(
    style: ChartStyle,
) -> None:
    figure = draw(BarChart(LONG_LABELS), style)
    assert [bar.get_width() for bar in bars(figure)] == [100 * n for n in range(1, 9)]
    label = figure.axes[0].get_yticklabels()[0].get_text()
    assert label.replace("\n", " ") == "Aviation technicians of group 1"


def test_upright_bars_on_request_slant_their_long_labels_clear_of_each_other(
    style: ChartStyle,
) -> None:
    figure = draw(BarChart(LONG_LABELS, horizontal=False), style)
    assert [bar.get_height() for bar in bars(figure)] == [100 * n for n in range(1, 9)]
    labels = figure.axes[0].get_xticklabels()
    assert all(label.get_rotation() == 40 for label in labels)
    # parallel slanted lines of text stand this far apart, across their slant
    anchors = [figure.axes[0].transData.transform((tick, 0))[0] for tick in range(8)]
    apart = [(b - a) * math.sin(math.radians(40)) for a, b in itertools.pairwise(anchors)]
    assert min(apart) > 1.5 * style.font_size_pt


def test_log_bars_end_at_their_values(style: ChartStyle) -> None:
    facts = (make_fact("killed", 83_000, "soldiers"), make_fact("surrendered", 594_000, "soldiers"))
    figure = draw(BarChart(facts, log=True), style)
    assert [bar.get_y() + bar.get_height() for bar in bars(figure)] == [83_000, 594_000]
    assert figure.axes[0].get_yscale() == "log"


def test_values_are_labelled_as_the_source_words_them(style: ChartStyle) -> None:
    figure = draw(BarChart(LOANS), style)
    assert [label.replace("\n", " ") for label in value_labels(figure)] == [
        "$50 million",
        "$50 million",
        "$150 million",
        "$250 million",
        "some $173.18 million",
    ]


def test_a_shared_unit_goes_on_the_axis_and_not_on_every_bar(style: ChartStyle) -> None:
    facts = (*AIRCRAFT, make_fact("more", 5000, "aircraft", qualifier="more than"))
    figure = draw(BarChart(facts), style)
    assert figure.axes[0].get_ylabel() == "Aircraft"
    assert value_labels(figure) == ["155", "62", "8", "more than 5,000"]


def test_mixed_units_are_written_on_each_bar(style: ChartStyle) -> None:
    facts = (make_fact("pilots", 1045, "pilots"), make_fact("planes", 885, "aircraft"))
    figure = draw(BarChart(facts, horizontal=True), style)
    assert figure.axes[0].get_xlabel() == ""
    assert value_labels(figure) == ["1,045\u00a0pilots", "885\u00a0aircraft"]


def test_ticks_are_written_for_readers(style: ChartStyle) -> None:
    figure = draw(BarChart(LOANS), style)
    ticks = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert "$100M" in ticks
    assert not any("e+" in tick or "1e" in tick for tick in ticks)


def test_every_label_fits_inside_the_figure(style: ChartStyle) -> None:
    facts = (
        make_fact("pilots", 1045, "people", "Pilots"),
        make_fact("technicians", 8000, "people", "Other technicians", qualifier="approximately"),
    )
    for chart in (BarChart(facts), BarChart(facts, horizontal=True), BarChart(LOANS)):
        figure = draw(chart, style)
        for text in texts(figure):
            assert within(text.get_window_extent(), figure.bbox), text.get_text()


def test_value_labels_sit_past_the_end_of_their_bars(style: ChartStyle) -> None:
    figure = draw(BarChart(AIRCRAFT), style)
    for bar, label in zip(bars(figure), figure.axes[0].texts, strict=True):
        assert label.get_window_extent().y0 >= bar.get_window_extent().y1


def test_disagreeing_sources_are_named_and_coloured_apart(style: ChartStyle) -> None:
    chart, problems = read_bars(make_spec("bars", ["killed-a", "killed-b"]), KILLED)
    assert problems == []
    assert chart is not None
    figure = draw(chart, style)
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert labels == ["Killed a\n(soviet-volunteer-group)", "Killed b\n(undeclared-war)"]
    first, second = bars(figure)
    assert first.get_facecolor() != second.get_facecolor()


def test_sources_disagree_only_on_one_quantity_from_two_sources() -> None:
    assert sources_disagree(KILLED)
    assert not sources_disagree(AIRCRAFT)
    same_source = (make_fact("a", 1, quantity="q"), make_fact("b", 2, quantity="q"))
    assert not sources_disagree(same_source)


def test_options_are_read() -> None:
    spec = make_spec("bars", ["fighters"], horizontal=True, log=True, source_labels=True)
    chart, problems = read_bars(spec, AIRCRAFT[:1])
    assert problems == []
    assert chart == BarChart(AIRCRAFT[:1], horizontal=True, log=True, source_labels=True)


@pytest.mark.parametrize(
    ("options", "facts", "message", "hint"),
    [
        (
            {"horizontal": "yes"},
            AIRCRAFT,
            "chart 'chart': option `horizontal` must be true or false",
            "write it like this: horizontal = true",
        ),
        (
            {"horizontl": True},
            AIRCRAFT,
            "unknown key `horizontl` in the options of chart 'chart'",
            "did you mean `horizontal`?",
        ),
        (
            {},
            (),
            "chart 'chart': there are no facts to draw",
            'list them: facts = ["…", "…"]',
        ),
        (
            {},
            (make_fact("loss", -3),),
            "chart 'chart': fact 'loss' is -3; bars need values zero or more",
            "draw it in a table or in the text instead",
        ),
        (
            {"log": True},
            (make_fact("none", 0),),
            "chart 'chart': fact 'none' is 0; bars need values above zero on a log scale",
            "draw it in a table or in the text instead",
        ),
    ],
)
def test_wrong_options_and_values_are_problems_at_the_chart(
    options: dict[str, Any], facts: tuple[Fact, ...], message: str, hint: str
) -> None:
    chart, problems = read_bars(make_spec("bars", [f.id for f in facts], **options), facts)
    assert chart is None
    assert [problem.format() for problem in problems] == [
        f"seeds/facts.toml:12: error: {message}\n  hint: {hint}"
    ]


def texts(figure: MplFigure) -> Iterator[Text]:
    """Every text drawn: value labels, and the tick labels inside the axis limits."""
    axes = figure.axes[0]
    yield from axes.texts
    for axis in (axes.xaxis, axes.yaxis):
        low, high = sorted(axis.get_view_interval())
        for tick in axis.get_major_ticks():
            if low <= tick.get_loc() <= high:
                yield tick.label1


def test_bars_from_disagreeing_sources_are_named_as_readers_know_them() -> None:
    from dataclasses import replace

    from booklet.charts.bars import read_bars
    from booklet.facts.model import Citation

    from .conftest import make_fact, make_spec

    died = make_fact("died", 236, "volunteers", "Volunteers who died", quantity="deaths")
    killed = make_fact("killed", 227, "pilots", "Pilots killed", source="svg", quantity="deaths")
    died = replace(died, citation=Citation("soviet-contribution", 16, "…", "An Wen"))
    chart, problems = read_bars(make_spec("bars", ["died", "killed"]), (died, killed))
    assert problems == []
    labels = chart._categories(ChartStyle(), 400)
    assert labels == ["Volunteers who died\n(An Wen)", "Pilots killed\n(svg)"]
