from __future__ import annotations

from booklet.sources.front import read_front_matter
from booklet.sources.lines import split_lines

BODY = "The harbour was dredged in 1887 so that larger steamers could tie up at the quay."

NEWSPAPER = f"""\
LOCAL HISTORY
Our Town Then

HARBOUR DAYS

The Steamers Come In

Ships from three countries called at the quay in a single summer

By TOM REID

Updated 14 March 2021 10:15 GMT

{BODY}
"""


def rules(text: str, title: str | None) -> list[tuple[str, str]]:
    return [(cut.rule, cut.text) for cut in read_front_matter(split_lines(text), title).cuts]


def test_newspaper_front_matter_with_the_recorded_title() -> None:
    assert rules(NEWSPAPER, "The Steamers Come In") == [
        ("masthead", "LOCAL HISTORY"),
        ("masthead", "Our Town Then"),
        ("masthead", "HARBOUR DAYS"),
        ("title", "The Steamers Come In"),
        ("standfirst", "Ships from three countries called at the quay in a single summer"),
        ("byline", "By TOM REID"),
        ("dateline", "Updated 14 March 2021 10:15 GMT"),
    ]


def test_byline_is_kept_in_ordinary_capitals() -> None:
    assert read_front_matter(split_lines(NEWSPAPER), None).byline == "Tom Reid"


def test_the_body_is_left_untouched() -> None:
    front = read_front_matter(split_lines(NEWSPAPER), "The Steamers Come In")
    assert [line.text for line in front.lines if line.text] == [BODY]
    assert front.lines[-2].number == 14


def test_without_a_recorded_title_the_first_ordinary_line_is_the_title() -> None:
    text = f"Harbour Days\nLocal History Wiki\n{BODY}\n"
    assert rules(text, None) == [("title", "Harbour Days"), ("site-name", "Local History Wiki")]


def test_a_title_that_differs_slightly_is_found() -> None:
    text = f"Chapter 7: The Steamers Come In\n\n{BODY}\n"
    assert rules(text, "The Steamers Come In") == [("title", "Chapter 7: The Steamers Come In")]


def test_a_short_line_right_above_the_body_is_a_heading() -> None:
    text = f"Harbour Days\n\nIntroduction\n\n{BODY}\n"
    assert rules(text, "Harbour Days") == [("title", "Harbour Days")]


def test_a_document_that_starts_with_its_body_loses_nothing() -> None:
    assert rules(f"{BODY}\n\n{BODY}\n", "Harbour Days") == []


def test_a_sentence_broken_over_lines_starts_the_body() -> None:
    text = "Harbour Days\nThe harbour was dredged\nin 1887 for the steamers.\n"
    assert rules(text, None) == [("title", "Harbour Days")]


def test_a_title_recorded_as_headline_and_deck_covers_both_lines() -> None:
    text = f"HARBOUR DAYS\n\nThe Steamers Come In\n\nShips of three nations at the quay\n\n{BODY}\n"
    assert rules(text, "The Steamers Come In: Ships of Three Nations at the Quay") == [
        ("masthead", "HARBOUR DAYS"),
        ("title", "The Steamers Come In"),
        ("title", "Ships of three nations at the quay"),
    ]


def test_a_title_repeated_above_the_body_is_not_a_heading() -> None:
    text = f"Harbour Days\n\nHarbour Days\n\n{BODY}\n"
    assert rules(text, None) == [("title", "Harbour Days"), ("title", "Harbour Days")]


def test_the_recorded_author_alone_on_a_line_is_the_byline() -> None:
    text = f"The Steamers Come In\nTom Reid\n{BODY}\n"
    front = read_front_matter(split_lines(text), "The Steamers Come In", "Tom Reid")
    assert [(cut.rule, cut.text) for cut in front.cuts] == [
        ("title", "The Steamers Come In"),
        ("byline", "Tom Reid"),
    ]
    assert front.byline == "Tom Reid"
