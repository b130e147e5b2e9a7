import pytest

from booklet.dates import Span, parse_date


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("1937", Span(1937, 1938, "1937")),
        ("1937-10", Span(1937 + 273 / 365, 1937 + 304 / 365, "October 1937")),
        ("1937-12-01", Span(1937 + 334 / 365, 1937 + 335 / 365, "1 December 1937")),
        ("1940-03", Span(1940 + 60 / 366, 1940 + 91 / 366, "March 1940")),
        ("1937\u20131941", Span(1937, 1942, "1937\u20131941", is_period=True)),
        ("1937-1941", Span(1937, 1942, "1937\u20131941", is_period=True)),
        ("1937/1941", Span(1937, 1942, "1937\u20131941", is_period=True)),
        (
            "1938-03 to 1938-06",
            Span(1938 + 59 / 365, 1938 + 181 / 365, "March 1938\u2013June 1938", is_period=True),
        ),
        (" 1945 ", Span(1945, 1946, "1945")),
    ],
)
def test_dates_become_the_span_they_stand_for(text: str, span: Span) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert (parsed.start, parsed.end) == pytest.approx((span.start, span.end))
    assert (parsed.text, parsed.is_period) == (span.text, span.is_period)


@pytest.mark.parametrize(
    "text", ["", "late 1937", "1937-13", "1937-02-30", "37", "1941-1937", "1937-10-01-02"]
)
def test_what_is_not_a_date_is_refused(text: str) -> None:
    assert parse_date(text) is None


def test_a_span_has_a_middle() -> None:
    assert Span(1937, 1939, "1937\u20131938", is_period=True).middle == 1938
