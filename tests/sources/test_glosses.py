from __future__ import annotations

from booklet.sources.glosses import remove_glosses
from booklet.sources.lines import split_lines

MIRROR = (
    "Halley's Comet is a short-period comet visible from Earth\n"
    "Earth\n"
    "Earth is the third planet from the Sun and the only astronomical object known to harbor "
    "life. About 29% of its surface is land...\n"
    "\n"
    " every 75 to 79 years. It was last seen in 1986\n"
    "1986\n"
    "The year 1986 was a common year starting on Wednesday of the Gregorian calendar, and saw "
    "many notable events....\n"
    "\n"
    ", and will return in 2061.\n"
)


def texts(text: str) -> list[str]:
    return [line.text for line in remove_glosses(split_lines(text)).lines]


def test_definitions_leave_and_the_sentence_is_mended() -> None:
    assert texts(MIRROR) == [
        "Halley's Comet is a short-period comet visible from Earth every 75 to 79 years. "
        "It was last seen in 1986, and will return in 2061.",
        "",
    ]


def test_each_gloss_becomes_a_glossary_entry_with_its_line() -> None:
    glosses = remove_glosses(split_lines(MIRROR)).glosses
    assert [(gloss.term, gloss.line) for gloss in glosses] == [("Earth", 2), ("1986", 6)]
    assert glosses[0].definition.startswith("Earth is the third planet from the Sun")
    assert glosses[0].definition.endswith("land...")


def test_each_gloss_is_reported_as_removed() -> None:
    cuts = remove_glosses(split_lines(MIRROR)).cuts
    assert [(cut.rule, cut.line, cut.text.split("\n")[0]) for cut in cuts] == [
        ("link-gloss", 2, "Earth"),
        ("link-gloss", 6, "1986"),
    ]


def test_term_glued_to_its_link_text() -> None:
    text = (
        "The comet was described by the astronomer Edmond HalleyEdmond Halley\n"
        "' was an English astronomer, mathematician and physicist who computed the orbit...\n"
        ", who predicted its return.\n"
    )
    result = remove_glosses(split_lines(text))
    assert result.lines[0].text == (
        "The comet was described by the astronomer Edmond Halley, who predicted its return."
    )
    (gloss,) = result.glosses
    assert gloss.term == "Edmond Halley"
    assert gloss.definition.startswith("was an English astronomer")


def test_link_text_glued_in_small_letters() -> None:
    text = (
        "Its tail is made of dustDust\n"
        "Dust is made of fine particles of solid matter. On Earth, it generally consists of...\n"
        " and gas.\n"
    )
    assert texts(text)[0] == "Its tail is made of dust and gas."


def test_link_text_on_its_own_line_before_the_term() -> None:
    text = (
        "Its orbit was worked out with help from the\n"
        "Royal Society\n"
        "Royal Society\n"
        "The Royal Society is a learned society and the United Kingdom's national academy...\n"
        ".\n"
    )
    assert texts(text) == ["Its orbit was worked out with help from the", "Royal Society.", ""]


def test_resumed_text_after_a_finished_sentence_starts_a_new_block() -> None:
    text = (
        "The comet was seen in 1910.\n"
        "Comet tail\n"
        "A comet tail is a projection of gas and dust that forms when a comet nears the Sun...\n"
        "and it was bright.\n"
    )
    assert texts(text) == ["The comet was seen in 1910.", "", "and it was bright.", ""]


def test_a_signature_and_a_trailing_ellipsis_are_not_a_gloss() -> None:
    text = (
        "Has anyone seen the comet from the hills this week?\n"
        "Tom\n"
        "I went up last night but the clouds were too thick to see anything at all...\n"
        "Reply\n"
    )
    assert texts(text) == text.split("\n")
