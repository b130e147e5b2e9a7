import pytest

from booklet.facts.values import find_value, stated_numbers


@pytest.mark.parametrize(
    ("sentence", "value", "text", "qualifier"),
    [
        ("a loan of $50 million to China", 50_000_000, "$50 million", None),
        ("some $173.18 million was actually used", 173_180_000, "$173.18 million", "some"),
        ("deployed a 1.5-million-strong army", 1_500_000, "1.5-million", None),
        ("more than 5,260 motor vehicles", 5260, "5,260", "more than"),
        ("approximately 8,000 other technicians", 8000, "8,000", "approximately"),
        ("established three flying brigades", 3, "three", None),
        ("at least 5,640 freight trains", 5640, "5,640", "at least"),
        ("more than a hundred men", 100, "a hundred", "more than"),
        ("twenty-five carts", 25, "twenty-five", None),
        ("two hundred and six sheep", 206, "two hundred and six", None),
        ("some seventeen mills", 17, "seventeen", "some"),
        ("a thousand soldiers", 1000, "a thousand", None),
        ("a dozen eggs", 12, "a dozen", None),
    ],
)
def test_a_stated_value_is_read_with_its_hedge(sentence, value, text, qualifier):
    stated = find_value(sentence, value)
    assert stated is not None
    assert (stated.text, stated.qualifier) == (text, qualifier)


def test_a_value_the_sentence_does_not_state_is_not_found():
    assert find_value("a loan of $50 million to China", 50) is None
    assert find_value("a loan of $50 million to China", 5_000_000) is None


def test_every_number_in_a_sentence_is_listed_in_order():
    numbers = stated_numbers("In 1921, 400 of the 1,200 homes had no coal.")
    assert [number.value for number in numbers] == [1921, 400, 1200]
