import pytest

from booklet.facts.mentions import find_dates, find_figures, word_set


def figures(sentence: str) -> list[tuple[float, str | None, str | None]]:
    return [
        (figure.value, figure.unit, figure.qualifier)
        for figure in find_figures(sentence, find_dates(sentence))
    ]


def dates(sentence: str) -> list[str | None]:
    return [date.date for date in find_dates(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("of which some $173.18 million was actually used", [(173_180_000, "USD", "some")]),
        ("deployed a 1.5-million-strong army", [(1_500_000, None, None)]),
        ("at least 5,640 freight trains", [(5640, None, "at least")]),
        ("a record crowd of 4,200", [(4200, None, None)]),
        (
            "raised £90,000 for the roof and €5m for the bells",
            [(90_000, "GBP", None), (5e6, "EUR", None)],
        ),
        ("an annual interest rate of only 3 percent", [(3, "percent", None)]),
        ("turnout was 45% and rising", [(45, "percent", None)]),
        ("some 18.5 million km along the highway", [(18_500_000, "km", "some")]),
        (
            "about six miles long, built to a gauge of four feet",
            [(6, "miles", "about"), (4, "feet", None)],
        ),
        ("heat the oven to 180 C", [(180, "°C", None)]),
        ("to the harbour in under three hours", [(3, "hours", "under")]),
        ("more than two hundred boats", [(200, None, "more than")]),
        ("twenty-five wagons and a dozen carts", [(25, None, None), (12, None, None)]),
        ("a forty-year history", [(40, "years", None)]),
        ("within just one year of the pact", [(1, "years", None)]),
        ("the roadway was widened on one side", [(1, None, None)]),
        ("1500 men marched", [(1500, None, None)]),
        ("beating Ashford 2-1 at home", [(2, None, None), (1, None, None)]),
    ],
)
def test_figures_are_read_with_unit_and_hedge(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "After the conclusion of the 19th Congress, Stalin flew to Berlin.",
        "the Soviet T-34/85 tanks and MiG-9 jet fighters",
        "the main guns of the Type 95 light tanks",
        "as shown on page 12 and in note [3]",
        "My father played on board two.",
        "The museum is open daily from 10 am to 4 pm.",
        "representing some two thirds of the total",
        "Each one raised a boat, and one of them sank.",
        "practise on a cheap one first",
        "including two-engine and four-engine bombers",
        "The line opened on 3 May 1832 and closed in 1911.",
        "On August 8, the Soviet Union declared war.",
        "The club was founded in the 1920s.",
    ],
)
def test_dates_ordinals_names_markers_and_pronouns_are_not_figures(sentence):
    assert figures(sentence) == []


def test_a_list_number_opening_a_sentence_is_a_marker():
    assert figures("1. Heat the oven to 180 C.") == [(180, "°C", None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("After Japan surrendered on August 14, 1945, troops landed.", ["1945-08-14"]),
        ("The line opened on 3 May 1832.", ["1832-05-03"]),
        ("When Japanese forces invaded in September 1931", ["1931-09"]),
        ("From October 1937 to February 1939, trains ran.", ["1937-10\u20131939-02"]),
        ("the three loans granted from 1938 to 1939", ["1938\u20131939"]),
        ("From the autumn of 1937 to 1942, when they left", ["1937\u20131942"]),
        ("the Russo-Japanese War in 1904-1905", ["1904\u20131905"]),
        ("the war between 1937 and 1941", ["1937\u20131941"]),
        ("the club was founded in the 1920s", ["1920\u20131929"]),
        ("On August 8, war was declared", [None]),
        ("the bridge was built in about 1350", ["1350"]),
    ],
)
def test_dates_are_read_as_precisely_as_written(sentence, expected):
    assert dates(sentence) == expected


def test_a_four_digit_number_counting_things_is_not_a_year():
    assert dates("1500 men and 1200 metres of rope, in 1500 or so") == ["1500"]


def test_a_word_set_is_its_words():
    assert word_set(" one two\n three ") == {"one", "two", "three"}
