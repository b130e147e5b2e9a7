import pytest

from booklet.charts.canvas import (
    LABEL_GAP,
    limit_for_labels,
    shared_unit,
    text_size,
    tick_text,
    unit_title,
    value_text,
    wrap,
)
from booklet.charts.model import ChartStyle
from booklet.charts.vector import register_fonts
from tests.charts.conftest import make_fact


@pytest.fixture(autouse=True)
def fonts(style: ChartStyle) -> None:
    register_fonts(style)


def test_text_is_measured_line_by_line(style: ChartStyle) -> None:
    one_width, one_height = text_size("Third loan", style)
    two_width, two_height = text_size("Third loan\nThird loan", style)
    assert one_width == pytest.approx(two_width)
    assert 1.8 * one_height < two_height < 2.6 * one_height
    assert text_size("Third loan", style, scale=2)[0] == pytest.approx(2 * one_width, rel=0.02)


def test_wrapping_keeps_within_the_width_and_evens_the_lines(style: ChartStyle) -> None:
    width = text_size("Aircraft delivered by", style)[0] + 1
    wrapped = wrap("Aircraft delivered by 1941", width, style)
    assert wrapped == "Aircraft delivered\nby 1941"
    assert all(text_size(line, style)[0] <= width for line in wrapped.split("\n"))


def test_a_word_longer_than_the_width_keeps_its_own_line(style: ChartStyle) -> None:
    assert wrap("Alma-Ata to Lanzhou", 5, style) == "Alma-Ata\nto\nLanzhou"
    assert wrap("Fighters", 500, style) == "Fighters"


def test_value_labels_leave_the_shared_unit_to_the_axis() -> None:
    fact = make_fact("trained", 8000, "technicians", qualifier="approximately")
    assert value_text(fact, "technicians") == "approximately 8,000"
    assert value_text(fact, None) == "approximately 8,000\u00a0technicians"
    money = make_fact("used", 173.18e6, "USD", qualifier="some")
    assert value_text(money, "USD") == "some $173.18 million"  # money keeps its sign


def test_one_unit_for_all_facts_or_none() -> None:
    assert shared_unit([make_fact("a", 1, "USD"), make_fact("b", 2, "USD")]) == "USD"
    assert shared_unit([make_fact("a", 1, "USD"), make_fact("b", 2, "pilots")]) is None


@pytest.mark.parametrize(
    ("unit", "title"),
    [("USD", "US dollars"), ("pilots", "Pilots"), ("percent", "Per cent"), (None, ""), ("", "")],
)
def test_the_axis_names_the_unit_in_words(unit: str | None, title: str) -> None:
    assert unit_title(unit) == title


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (0, "USD", "$0"),
        (150e6, "USD", "$150M"),
        (5000, "pilots", "5,000"),
        (20_000, "soldiers", "20,000"),
        (250_000, "USD", "$250,000"),
        (1_000_000, None, "1M"),
        (2.5, None, "2.5"),
    ],
)
def test_ticks_are_short_and_never_scientific(value: float, unit: str | None, text: str) -> None:
    assert tick_text(value, unit) == text


def test_the_axis_end_leaves_room_for_the_longest_label() -> None:
    # a bar of 100 and a 20-point label on a 200-point axis: the bar may take
    # 200 - 3 - 20 points, so 100 units are 177 points and the axis ends at 200/177*100
    end = limit_for_labels([100], [20], 200, 0.0, log=False)
    assert end == pytest.approx(100 * 200 / (200 - LABEL_GAP - 20))
    assert limit_for_labels([100, 10], [0, 0], 200, 0.0, log=False) >= 100


def test_on_a_log_axis_the_room_is_counted_in_powers_of_ten() -> None:
    end = limit_for_labels([1000], [50], 100, 10.0, log=True)
    # 1000 sits 2 decades above 10 and must fall at 47 of 100 points
    assert end == pytest.approx(10 ** (1 + 2 * 100 / 47))
