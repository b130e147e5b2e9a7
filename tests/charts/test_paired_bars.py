from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure as MplFigure
from matplotlib.patches import Rectangle

from booklet.charts import ChartStyle, draw_figures
from booklet.charts.paired_bars import MISSING, PairedBarChart, read_paired_bars
from booklet.charts.vector import house_style, register_fonts
from booklet.facts.model import Facts
from tests.charts.conftest import LOANS, make_fact, make_spec, render, sample, within

PAIRS = [["loan-1937", ""], ["loan-1938", ""], ["loan-1939", ""], ["total-pledged", "total-used"]]
IDS = [fact.id for fact in LOANS]


def read(**options: Any) -> PairedBarChart:
    chart, problems = read_paired_bars(make_spec("paired-bars", IDS, **options), LOANS)
    assert problems == []
    assert chart is not None
    return chart


def draw(chart: PairedBarChart, style: ChartStyle) -> MplFigure:
    register_fonts(style)
    with house_style(style):
        figure = chart.draw(style)
        figure.draw_without_rendering()
    return figure


def drawn_bars(figure: MplFigure) -> list[Rectangle]:
    return [patch for patch in figure.axes[0].patches if isinstance(patch, Rectangle)]


def test_bars_are_the_cited_values_and_a_missing_figure_is_an_outline_not_a_zero(
    style: ChartStyle,
) -> None:
    figure = draw(read(series=["Pledged", "Used"], pairs=PAIRS), style)
    filled = [bar for bar in drawn_bars(figure) if bar.get_fill()]
    outlined = [bar for bar in drawn_bars(figure) if not bar.get_fill()]
    assert [bar.get_height() for bar in filled] == [50e6, 50e6, 150e6, 250e6, 173.18e6]
    assert len(outlined) == 3
    assert all(bar.get_linestyle() != "solid" for bar in outlined)  # dashed
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert labels.count(MISSING) == 3
    assert "0" not in labels


def test_groups_take_the_first_facts_label_unless_named(style: ChartStyle) -> None:
    chart = read(series=["Pledged", "Used"], pairs=PAIRS)
    assert chart.groups == ("First loan", "Second loan", "Third loan", "Total pledged")
    named = read(series=["Pledged", "Used"], pairs=PAIRS, groups=["1937", "1938", "1939", "All"])
    assert named.groups == ("1937", "1938", "1939", "All")


def test_without_pairs_the_facts_are_grouped_in_order() -> None:
    spec = make_spec("paired-bars", IDS[:4], series=["A", "B"])
    chart, problems = read_paired_bars(spec, LOANS[:4])
    assert problems == []
    assert chart is not None
    assert chart.cells == ((LOANS[0], LOANS[1]), (LOANS[2], LOANS[3]))


def test_the_drawn_facts_are_the_ones_the_caption_cites_in_drawing_order() -> None:
    chart = read(
        series=["Pledged", "Used"], pairs=[["total-pledged", "total-used"], ["", "loan-1937"]]
    )
    assert [fact.id for fact in chart.facts] == ["total-pledged", "total-used", "loan-1937"]


def test_each_series_has_a_legend_entry(style: ChartStyle) -> None:
    figure = draw(read(series=["Pledged", "Used"], pairs=PAIRS), style)
    legend = figure.axes[0].get_legend()
    assert legend is not None
    assert [text.get_text() for text in legend.get_texts()] == ["Pledged", "Used"]


def test_value_labels_do_not_overlap_each_other_or_the_bars(style: ChartStyle) -> None:
    figure = draw(read(series=["Pledged", "Used"], pairs=PAIRS), style)
    labels = [text.get_window_extent() for text in figure.axes[0].texts]
    bars = [bar.get_window_extent() for bar in drawn_bars(figure)]
    for index, label in enumerate(labels):
        assert not any(label.overlaps(other) for other in labels[index + 1 :])
        assert not any(label.overlaps(bar) for bar in bars)
        assert within(label, figure.bbox)


def test_series_stay_apart_on_a_black_and_white_copy(
    style: ChartStyle, svg_fonts: None, tmp_path: Path
) -> None:
    spec, facts = sample("paired-bars")
    chart = read(series=["Pledged", "Used"], pairs=PAIRS)
    figure = draw(chart, style)
    pledged, used = (bar for bar in drawn_bars(figure) if bar.get_height() in (250e6, 173.18e6))
    (svg,) = (figure.svg for figure in draw_figures([spec], facts, style, None)[0])
    page = render(svg, tmp_path / "chart.pdf", dpi=100).convert("L")

    def grey_at(bar: Rectangle) -> int:
        centre = bar.get_window_extent()
        x = (centre.x0 + centre.x1) / 2 * 100 / 72
        y = page.height - (centre.y0 + centre.y1) / 2 * 100 / 72
        level = page.getpixel((round(x), round(y)))
        assert isinstance(level, int)
        return level

    assert abs(grey_at(pledged) - grey_at(used)) >= 35
    assert max(grey_at(pledged), grey_at(used)) <= 215  # both still print as grey, not white


@pytest.mark.parametrize(
    ("options", "message", "hint"),
    [
        (
            {},
            "chart 'chart': option `series` is missing",
            'name the bars of each group: series = ["Pledged", "Used"]',
        ),
        (
            {"series": "Pledged"},
            "chart 'chart': option `series` must be a list of text",
            'write it like this: series = ["Pledged", "Used"]',
        ),
        (
            {"series": ["A", "B"], "pairs": [["loan-1937"]]},
            "chart 'chart': option `pairs` must be a list of groups of 2 fact ids",
            'write it like this: pairs = [["fact-a", "fact-b"], ["fact-c", ""]]',
        ),
        (
            {"series": ["A", "B"], "pairs": [["loan-1937", "loan-1940"]]},
            "chart 'chart': `pairs` names fact 'loan-1940', which is not in the chart's `facts`",
            "add it to `facts`, so the caption cites it",
        ),
        (
            {"series": ["A", "B"], "pairs": [["", ""]]},
            "chart 'chart': a group in `pairs` has no fact",
            "remove the group, or name a fact",
        ),
        (
            {"series": ["A", "B"], "pairs": [["loan-1937", ""]], "groups": ["1937", "1938"]},
            "chart 'chart': `groups` names 2 groups but there are 1",
            "give one label per group, in the order of `pairs`",
        ),
        (
            {"series": ["A", "B", "C"]},
            "chart 'chart': 5 facts cannot be split into groups of 3",
            'list the groups with pairs = [["fact-a", "fact-b"], ["fact-c", ""]]; '
            '"" marks a figure no source gives',
        ),
    ],
)
def test_wrong_options_are_problems_at_the_chart(
    options: dict[str, Any], message: str, hint: str
) -> None:
    chart, problems = read_paired_bars(make_spec("paired-bars", IDS, **options), LOANS)
    assert chart is None
    assert [problem.format() for problem in problems] == [
        f"seeds/facts.toml:12: error: {message}\n  hint: {hint}"
    ]


def test_no_facts_or_a_negative_one_is_a_problem() -> None:
    _, problems = read_paired_bars(make_spec("paired-bars", [], series=["A", "B"]), ())
    assert [problem.message for problem in problems] == [
        "chart 'chart': there are no facts to draw"
    ]
    loss = (make_fact("loss", -5), make_fact("gain", 5))
    _, problems = read_paired_bars(make_spec("paired-bars", ["loss", "gain"], series=["A"]), loss)
    assert [problem.message for problem in problems] == [
        "chart 'chart': fact 'loss' is -5; bars need values zero or more"
    ]


def test_a_paired_chart_draws_through_the_stage(style: ChartStyle) -> None:
    spec = make_spec("paired-bars", IDS, series=["Pledged", "Used"], pairs=PAIRS)
    figures, problems = draw_figures([spec], Facts(LOANS), style, None)
    assert problems == []
    assert [fact.id for fact in figures[0].facts] == IDS
