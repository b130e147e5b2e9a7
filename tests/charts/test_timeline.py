import pytest
from matplotlib.figure import Figure as MplFigure
from matplotlib.transforms import Bbox

from booklet.charts import ChartStyle
from booklet.charts.timeline import DATE_SCALE, Timeline, read_timeline
from booklet.charts.vector import house_style, register_fonts
from booklet.facts.model import Fact
from tests.charts.conftest import make_fact, make_spec, within

CROWDED = (
    make_fact("fighters", 155, "aircraft", "Fighters delivered", date="1937-10"),
    make_fact("first-loan", 50e6, "USD", "First loan agreed", date="1938-03"),
    make_fact("second-loan", 50e6, "USD", "Second loan signed", date="1938-07-01"),
    make_fact("third-loan", 150e6, "USD", "Third loan", date="1939"),
    make_fact("aircraft", 885, "aircraft", "Aircraft delivered by 1941", date="1937-1941"),
    make_fact("killed", 83_000, "soldiers", "Japanese killed", date="1945-08"),
    make_fact("surrendered", 594_000, "soldiers", "Japanese surrendered", date="1945-08"),
    make_fact("casualties", 32_000, "soldiers", "Soviet casualties", date="1945-08"),
)


def read(facts: tuple[Fact, ...]) -> Timeline:
    chart, problems = read_timeline(make_spec("timeline", [f.id for f in facts]), facts)
    assert problems == []
    assert chart is not None
    return chart


def draw(chart: Timeline, style: ChartStyle) -> MplFigure:
    register_fonts(style)
    with house_style(style):
        figure = chart.draw(style)
        figure.draw_without_rendering()
    return figure


def band_years(figure: MplFigure) -> list[str]:
    """The years written on the band, which runs along the middle (y = 0) of the drawing."""
    return [text.get_text() for text in figure.axes[0].texts if text.get_position()[1] == 0]


def label_boxes(figure: MplFigure) -> dict[str, Bbox]:
    """Each fact's label (date line and text together), by the text's first line."""
    labels = [text for text in figure.axes[0].texts if text.get_position()[1] != 0]
    texts = [text for text in labels if text.get_fontsize() == 7.5]
    dates = [text for text in labels if text.get_fontsize() == 7.5 * DATE_SCALE]
    return {
        text.get_text().split("\n")[0]: Bbox.union(
            [text.get_window_extent(), date.get_window_extent()]
        )
        for text, date in zip(texts, dates, strict=True)
    }


def test_each_fact_is_labelled_with_its_date_what_it_counts_and_its_value(
    style: ChartStyle,
) -> None:
    figure = draw(read(CROWDED[:2]), style)
    texts = {text.get_text() for text in figure.axes[0].texts}
    assert {"October 1937", "Fighters delivered\n155\u00a0aircraft"} <= texts
    assert {"March 1938", "First loan agreed\n$50 million"} <= texts


def test_the_band_names_each_year(style: ChartStyle) -> None:
    figure = draw(read(CROWDED[:4]), style)
    assert band_years(figure) == ["1937", "1938", "1939"]


def test_a_long_timeline_names_every_tenth_year(style: ChartStyle) -> None:
    facts = (make_fact("a", 1, date="1905"), make_fact("b", 2, date="1975"))
    figure = draw(read(facts), style)
    assert band_years(figure) == ["1910", "1920", "1930", "1940", "1950", "1960", "1970"]


def test_facts_stand_in_date_order_along_the_band(style: ChartStyle) -> None:
    figure = draw(read(CROWDED[:4]), style)
    boxes = label_boxes(figure)
    stems = [boxes[name].x0 for name in ("Fighters delivered", "First loan agreed")]
    assert stems == sorted(stems)
    assert boxes["Third loan"].x0 > boxes["Second loan signed"].x0


def test_crowded_labels_neither_overlap_nor_cross_a_stem_nor_leave_the_figure(
    style: ChartStyle,
) -> None:
    figure = draw(read(CROWDED), style)
    boxes = list(label_boxes(figure).values())
    assert len(boxes) == 6  # the three facts of August 1945 share a label
    for index, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[index + 1 :])
        assert within(box, figure.bbox)
    axes = figure.axes[0]
    for line in axes.lines:  # the stems, and the year marks in the band
        (x0, y0), (x1, y1) = axes.transData.transform(line.get_xydata())[[0, -1]]
        if len(line.get_xydata()) != 2 or x0 != x1:  # type: ignore[arg-type]
            continue
        for box in boxes:
            assert not (
                box.x0 + 1 < x0 < box.x1 - 1 and min(y0, y1) < box.y1 and box.y0 < max(y0, y1)
            )


def test_facts_of_one_date_share_one_stem_and_label(style: ChartStyle) -> None:
    figure = draw(read(CROWDED[5:]), style)
    texts = [text.get_text() for text in figure.axes[0].texts if text.get_position()[1] != 0]
    assert texts == [
        "August 1945",
        "Japanese killed\n83,000\u00a0soldiers\n"
        "Japanese surrendered\n594,000\u00a0soldiers\n"
        "Soviet casualties\n32,000\u00a0soldiers",
    ]


def test_the_chart_is_as_tall_as_its_rows_of_labels_need(style: ChartStyle) -> None:
    sparse = draw(read(CROWDED[:1]), style)
    crowded = draw(read(CROWDED), style)
    assert sparse.get_figheight() < crowded.get_figheight()
    assert sparse.get_figwidth() == crowded.get_figwidth() == pytest.approx(110 / 25.4)


@pytest.mark.parametrize(
    ("facts", "message", "hint"),
    [
        (
            (make_fact("loan", 1),),
            "chart 'chart': fact 'loan' has no date to place on the timeline",
            'give the fact a date, e.g. date = "1938-03"',
        ),
        (
            (make_fact("loan", 1, date="spring 1938"),),
            "chart 'chart': fact 'loan' has a date the timeline cannot read: 'spring 1938'",
            'write dates as "1937", "1937-10", "1937-12-01" or "1937-1941"',
        ),
        (
            (),
            "chart 'chart': there are no facts to draw",
            'list them: facts = ["…", "…"]',
        ),
    ],
)
def test_facts_a_timeline_cannot_place_are_problems(
    facts: tuple[Fact, ...], message: str, hint: str
) -> None:
    chart, problems = read_timeline(make_spec("timeline", [f.id for f in facts]), facts)
    assert chart is None
    assert [problem.format() for problem in problems] == [
        f"seeds/facts.toml:12: error: {message}\n  hint: {hint}"
    ]


def test_a_timeline_has_no_options() -> None:
    facts = CROWDED[:1]
    _, problems = read_timeline(make_spec("timeline", ["fighters"], years=True), facts)
    assert [problem.message for problem in problems] == [
        "unknown key `years` in the options of chart 'chart'"
    ]
