from __future__ import annotations

import pytest

from booklet.sources.captions import caption_label, find_captions

PARAGRAPH = "The regatta was first held in 1889 and has run every summer since."


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("FINISH LINE: Rowers cross the line at the 1951 regatta", "FINISH LINE"),
        ("PHOTO: Crowds on the towpath in 1923", "PHOTO"),
        ("Pictured: The winning crew with their cup", "Pictured"),
        ("NOTE: The boathouse is closed on Mondays.", None),
        ("EDITOR'S NOTE: This story was corrected on 3 May.", None),
        ("Warning: the towpath floods in winter", None),
        ("ROWING: a sport for all ages", None),  # the text after the colon is no caption
        (PARAGRAPH, None),
    ],
)
def test_caption_labels(text: str, label: str | None) -> None:
    assert caption_label(text) == label


def test_a_caption_alone_among_paragraphs() -> None:
    texts = [PARAGRAPH, "FINISH LINE: Rowers cross the line at the 1951 regatta", PARAGRAPH]
    assert find_captions(texts) == {1}


def test_speaker_turns_are_not_captions() -> None:
    texts = [
        "INTERVIEWER: When did you first row?",
        "ALICE MAY: In 1948, when I was twelve.",
        "INTERVIEWER: Who taught you?",
        "ALICE MAY: My uncle, who rowed for the town.",
        "BOAT HOUSE: The club's boathouse in the 1950s",  # a caption between turns
    ]
    assert find_captions(texts) == {4}


def test_two_labelled_sentences_side_by_side_are_a_dialogue() -> None:
    texts = ["JOHN SMITH: We won by a length.", "MARY JONES: It was a great day."]
    assert find_captions(texts) == set()
