import pytest

from booklet.numbers import format_axis, format_value


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "text"),
    [
        (50_000_000, "USD", None, "$50 million"),
        (173_180_000, "USD", "some", "some $173.18 million"),
        (18_500_000, "km", "some", "some 18.5 million\u00a0km"),
        (5640, "freight trains", "at least", "at least 5,640\u00a0freight trains"),
        (3, "percent", None, "3 per cent"),
        (1937, "year", None, "1937"),
    ],
)
def test_values_read_as_a_reader_writes_them(value, unit, qualifier, text):
    assert format_value(value, unit, qualifier) == text


def test_small_numbers_are_spelt_out_in_running_text_only():
    assert format_value(3, "brigades", in_words=True) == "three\u00a0brigades"
    assert format_value(3, "brigades") == "3\u00a0brigades"
    assert format_value(3, "USD", in_words=True) == "$3"
    assert format_value(12, "brigades", in_words=True) == "12\u00a0brigades"


def test_axis_ticks_shorten_millions_only():
    assert [format_axis(v, "USD") for v in (0, 150e6, 250_000)] == ["$0", "$150M", "$250,000"]
