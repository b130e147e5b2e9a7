from __future__ import annotations

import pytest

from booklet.sources.bylines import is_dateline, is_plain_byline, parse_byline


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By AN WEN", "An Wen"),
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and Tom Reid", "Jane Doe and Tom Reid"),
        ("By JEAN-PAUL O'NEIL, Staff Reporter", "Jean-Paul O'Neil"),
        ("By Maria de la Cruz | The Valley Times", "Maria de la Cruz"),
        ("Posted by Mary at 8:45 AM", "Mary"),
        ("Posted on 3 October 2019 by Mary Hollis", "Mary Hollis"),
        ("Written by Dr. A. Smith", "Dr. A. Smith"),
        ("Author: Li Hua", "Li Hua"),
    ],
)
def test_bylines_name_the_author(line: str, name: str) -> None:
    assert parse_byline(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "By 1941, the group had lost 227 pilots.",
        "By the time the railway came, the canal was in decline.",
        "By far the largest mill in the valley.",
        "Posted on 2 May 2022 by the museum",
        "Standby generators were installed in 1962.",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_plain_bylines_are_told_apart() -> None:
    assert is_plain_byline("By Jane Doe")
    assert not is_plain_byline("Posted by Jane Doe")


@pytest.mark.parametrize(
    ("line", "is_date"),
    [
        ("14 March 2021", True),
        ("Updated 14 March 2021 10:15 GMT", True),
        ("Published: Tuesday, 3 May 2016", True),
        ("March 3, 2015 at 9:40 pm", True),
        ("2019-10-03", True),
        ("The fair was held on 14 March 2021.", False),
        ("March of the Volunteers", False),
    ],
)
def test_datelines(line: str, is_date: bool) -> None:
    assert is_dateline(line) is is_date
