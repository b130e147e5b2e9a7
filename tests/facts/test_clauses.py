import pytest

from booklet.facts.clauses import clauses, noun_phrase, sentences, trim_quote
from booklet.facts.mentions import find_dates, find_figures


def test_sentences_end_at_full_stops_not_at_initials_abbreviations_or_list_numbers():
    text = (
        "The forces led by Marshal A. M. Vasilevsky attacked. Dr. Reid said so! "
        "Was it 1945? “Yes,” he said. 1. Heat the oven to 180 C."
    )
    assert list(sentences(text)) == [
        "The forces led by Marshal A. M. Vasilevsky attacked.",
        "Dr. Reid said so!",
        "Was it 1945?",
        "“Yes,” he said.",
        "1. Heat the oven to 180 C.",
    ]


def clause_texts(sentence: str) -> list[str]:
    dates = find_dates(sentence)
    figures = find_figures(sentence, dates)
    spans = clauses(
        sentence, [(date.start, date.end) for date in dates], {figure.start for figure in figures}
    )
    return [sentence[start:end] for start, end in spans]


def test_clauses_break_at_commas_and_dashes_but_not_inside_a_date():
    assert clause_texts(
        "On February 23, 1938, the volunteers struck a base — destroying 40 planes; none lost."
    ) == [
        "On February 23, 1938",
        "the volunteers struck a base",
        "destroying 40 planes",
        "none lost.",
    ]


def test_a_list_of_figures_stays_one_clause():
    assert clause_texts(
        "In October 1937, some 450 pilots came to bring 155 fighter aircraft, 62 bombers, "
        "and 8 trainers into China."
    ) == [
        "In October 1937",
        "some 450 pilots came to bring 155 fighter aircraft, 62 bombers, and 8 trainers "
        "into China.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" freight trains were deployed", "freight trains"),
        (" Chinese military personnel received training", "Chinese military personnel"),
        (" gunners and radio operators, as well as", "gunners and radio operators"),
        (" navigators and 198 gunners", "navigators"),
        (" pairs of millstones and a sack hoist", "pairs of millstones"),
        (" cooking apples", "cooking apples"),
        (" other aviation technicians were trained", "other aviation technicians"),
        (" Japanese planes and sinking several warships", "Japanese planes"),
        (" army, 26,000 artillery pieces", "army"),
    ],
)
def test_a_noun_phrase_names_what_is_counted(text, expected):
    found = noun_phrase(text, 0)
    assert found == (expected, 1)


@pytest.mark.parametrize("text", [" surrendered.", " lost their lives", " were killed", " in 1945"])
def test_a_verb_or_a_preposition_names_nothing(text):
    assert noun_phrase(text, 0) is None


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("and 8 trainers into China.", "8 trainers into China"),
        ("“We proved them wrong,”", "We proved them wrong"),
        ("2. Rub the butter into the flour", "Rub the butter into the flour"),
    ],
)
def test_a_quote_loses_punctuation_conjunction_and_list_number(clause, expected):
    assert trim_quote(clause) == expected
