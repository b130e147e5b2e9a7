from __future__ import annotations

from booklet.sources.lines import split_lines
from booklet.sources.paragraphs import find_headings, split_units
from booklet.sources.references import find_reference_lists


def kept(text: str) -> list[str]:
    units = split_units(split_lines(text))
    found = find_reference_lists(units, find_headings(units))
    return [unit.text for index, unit in enumerate(units) if index not in found]


SAILS = "The sails were replaced in 1987 by volunteers of the windmill trust, using estate oak."
PROSE = "The windmill was built in 1802 and ground corn for the village until 1914."


def test_reference_sections_are_removed_to_the_next_section() -> None:
    text = (
        f"{PROSE}\n\n"
        "References\n"
        "1. Smith, J. (1999). Mills of Kent. London: Hale. p. 12.\n"
        '2. "Windmill". Kent Archive. Retrieved 3 May 2015.\n\n'
        "Further reading\n\n"
        "Jones, A. Windmills. 1975.\n\n"
        "External links\n\n"
        "Friends of the Windmill\n"
    )
    assert kept(text) == [PROSE]


def test_prose_after_a_reference_list_is_kept() -> None:
    text = f"{PROSE}\n\nSee also\n\nList of windmills in Kent\n\nRestoration\n\n{SAILS}\n"
    assert kept(text) == [PROSE, "Restoration", SAILS]


def test_notes_that_are_prose_are_kept() -> None:
    text = (
        f"{PROSE}\n\n"
        "Notes\n\n"
        "The mill is open on the second Sunday of each month, weather permitting.\n"
    )
    assert kept(text) == [
        PROSE,
        "Notes",
        "The mill is open on the second Sunday of each month, weather permitting.",
    ]
