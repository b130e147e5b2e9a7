from __future__ import annotations

from booklet.sources.lines import split_lines
from booklet.sources.paragraphs import find_headings, split_units


def units(text: str) -> list[tuple[str, int]]:
    return [(unit.text, unit.line) for unit in split_units(split_lines(text))]


def test_blank_lines_separate_paragraphs_and_lines_are_joined() -> None:
    text = (
        "The lifeboat station opened in 1866, paid for by\n"
        "a collection among the fishermen of the town and\n"
        "the gift of a local shipowner.\n"
        "\n\n"
        "Its first boat was rowed by twelve men.\n"
    )
    assert units(text) == [
        (
            "The lifeboat station opened in 1866, paid for by a collection among the fishermen "
            "of the town and the gift of a local shipowner.",
            1,
        ),
        ("Its first boat was rowed by twelve men.", 6),
    ]


def test_without_blank_lines_a_finished_sentence_ends_the_paragraph() -> None:
    text = (
        "The lifeboat station opened in 1866, paid for by a collection among the fishermen of "
        "the town.\n"
        "Its first boat was rowed by twelve men, who were paid a shilling for each launch\n"
        ", and a crown for each life saved.\n"
        "Launches\n"
        "In 1881 the boat was launched eleven times in a single winter.\n"
    )
    result = split_units(split_lines(text))
    assert [(unit.text, unit.line) for unit in result] == [
        (
            "The lifeboat station opened in 1866, paid for by a collection among the fishermen "
            "of the town.",
            1,
        ),
        (
            "Its first boat was rowed by twelve men, who were paid a shilling for each launch, "
            "and a crown for each life saved.",
            2,
        ),
        ("Launches", 4),
        ("In 1881 the boat was launched eleven times in a single winter.", 5),
    ]
    assert find_headings(result) == {2}


def test_short_lines_are_list_items_under_their_heading() -> None:
    text = "Crew in 1866\nJohn Pender\nWilliam Hocking\nRichard Pascoe\n\nThey served for years.\n"
    result = split_units(split_lines(text))
    assert [(unit.text, unit.list_item) for unit in result] == [
        ("Crew in 1866", False),
        ("John Pender", True),
        ("William Hocking", True),
        ("Richard Pascoe", True),
        ("They served for years.", False),
    ]
    assert find_headings(result) == {0}


def test_bulleted_and_numbered_items_are_separate() -> None:
    text = (
        "What to bring:\n- a warm coat\n- sturdy boots\n\n"
        "1. Meet at the quay.\n2. Walk to the station.\n"
    )
    assert units(text) == [
        ("What to bring:", 1),
        ("a warm coat", 2),
        ("sturdy boots", 3),
        ("1. Meet at the quay.", 5),
        ("2. Walk to the station.", 6),
    ]


def test_a_heading_over_a_hard_wrapped_paragraph() -> None:
    text = (
        "The New Boathouse\n"
        "A new boathouse was built on the slipway in 1899, with a\n"
        "room above it for the crew to dry their clothes.\n"
    )
    assert units(text) == [
        ("The New Boathouse", 1),
        (
            "A new boathouse was built on the slipway in 1899, with a room above it for the crew "
            "to dry their clothes.",
            2,
        ),
    ]


def test_a_heading_needs_text_below_it() -> None:
    result = split_units(split_lines("The boat was sold in 1920.\n\nLater Years\n"))
    assert find_headings(result) == set()
