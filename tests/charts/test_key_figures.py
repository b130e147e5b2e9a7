"""Key figures: numbers of different kinds set large, each with its own unit and hedge."""

from __future__ import annotations

from booklet.charts.key_figures import big_number, read_key_figures
from booklet.charts.model import ChartStyle
from booklet.charts.vector import house_style, to_svg

from .conftest import make_fact, make_spec

FACTS = (
    make_fact("trains", 5640, "freight trains", "Freight trains", qualifier="at least"),
    make_fact("distance", 18_500_000, "km", "Distance driven", qualifier="some"),
    make_fact("loans", 250_000_000, "USD", "All three loans"),
)


def test_each_figure_keeps_its_unit_where_it_is_short():
    assert [big_number(fact) for fact in FACTS] == ["5,640", "18.5 million km", "$250 million"]


def test_the_drawing_shows_every_figure_its_hedge_and_label(style: ChartStyle):
    chart, problems = read_key_figures(
        make_spec("key-figures", ["trains", "distance", "loans"]), FACTS
    )
    assert problems == []
    with house_style(style):
        figure = chart.draw(style)
        svg = to_svg(figure).decode()
    texts = [text.get_text() for text in figure.texts]
    for expected in (
        "at least",
        "5,640",
        "Freight trains",
        "some",
        "18.5 million km",
        "$250 million",
    ):
        assert expected in texts
    assert "<text" in svg
    assert "<image" not in svg


def test_columns_must_be_a_small_whole_number():
    chart, problems = read_key_figures(make_spec("key-figures", ["trains"], columns=9), FACTS[:1])
    assert chart is None
    assert [problem.format() for problem in problems] == [
        "seeds/facts.toml:12: error: chart 'chart': option `columns` must be a whole number "
        "from 1 to 4\n  hint: write it like this: columns = 2"
    ]
