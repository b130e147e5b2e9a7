import itertools

import pytest

from booklet.charts.model import ChartStyle
from booklet.charts.palette import MIN_GREY_GAP, edge, grey, is_colour, mix, series_fills, to_rgb


def test_colours_are_written_as_hex() -> None:
    assert is_colour("#1f4e79")
    assert is_colour("#777")
    assert not is_colour("blue")
    assert not is_colour("#12345")
    assert to_rgb("#ffffff") == (1.0, 1.0, 1.0)
    assert to_rgb("#f00") == (1.0, 0.0, 0.0)


def test_grey_is_the_lightness_a_copier_keeps() -> None:
    assert grey("#000000") == 0
    assert grey("#ffffff") == pytest.approx(1)
    assert grey("#00ff00") > grey("#ff0000") > grey("#0000ff")


def test_an_edge_is_darker_than_its_fill_in_the_same_hue() -> None:
    for colour in ChartStyle().colours:
        assert grey(edge(colour)) < grey(colour)
    assert edge("#ff0000") == "#990000"


def test_mixing_goes_part_of_the_way() -> None:
    assert mix("#000000", "#ffffff", 0.5) == "#808080"
    assert mix("#1f4e79", "#ffffff", 0) == "#1f4e79"


def test_the_default_fills_stay_apart_in_grey() -> None:
    fills = series_fills(ChartStyle().colours, 2)
    assert fills == ["#1f4e79", "#c55a11"]
    assert abs(grey(fills[0]) - grey(fills[1])) >= MIN_GREY_GAP


def test_fills_of_equal_lightness_are_lightened_until_a_copier_tells_them_apart() -> None:
    red, green = "#c00000", "#006e00"  # different hues, nearly the same grey
    assert abs(grey(red) - grey(green)) < 0.05
    fills = series_fills([red, green], 2)
    assert fills[0] == red
    assert abs(grey(fills[0]) - grey(fills[1])) >= MIN_GREY_GAP


def test_fills_come_round_again_when_there_are_more_series_than_colours() -> None:
    fills = series_fills(["#000000", "#ffffff"], 3)
    assert fills[:2] == ["#000000", "#ffffff"]
    assert len(fills) == 3


def test_three_default_series_all_differ_in_grey() -> None:
    fills = series_fills(ChartStyle().colours, 3)
    for first, second in itertools.combinations(fills, 2):
        assert abs(grey(first) - grey(second)) >= MIN_GREY_GAP
