from __future__ import annotations

import pytest

from booklet.sources.lines import ends_sentence, join_lines, split_lines


def test_lines_keep_their_numbers() -> None:
    assert [(line.number, line.text) for line in split_lines("a\n\nb")] == [
        (1, "a"),
        (2, ""),
        (3, "b"),
    ]


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("of the Soviet Union", " to provide aid", "of the Soviet Union to provide aid"),
        ("the defense of Nanjing", ", Wuhan", "the defense of Nanjing, Wuhan"),
        ("in the East ", ". Under the name", "in the East. Under the name"),
        ("", "start", "start"),
    ],
)
def test_join_lines(left: str, right: str, joined: str) -> None:
    assert join_lines([left, right]) == joined


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Done.", True),
        ('He said "stop."', True),
        ("Why?)", True),
        ("Wait...", True),
        ("Not yet", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends
