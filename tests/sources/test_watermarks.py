from __future__ import annotations

import pytest

from booklet.sources.watermarks import remove_watermarks


@pytest.mark.parametrize(
    ("text", "cleaned", "removed"),
    [
        (
            "The rain stopped at dawn. Moon Reader Hub moonreaderhub.com",
            "The rain stopped at dawn.",
            ["Moon Reader Hub moonreaderhub.com"],
        ),
        (
            "The rain stopped at dawn. Book & Tea & House www.booktea.cc The sun rose.",
            "The rain stopped at dawn. The sun rose.",
            ["Book & Tea & House www.booktea.cc"],
        ),
        (
            "Through the glass www.fastnovels.net she could see a light.",
            "Through the glass she could see a light.",
            ["www.fastnovels.net"],
        ),
        (
            "She walked on. Read the latest chapters at www.fastnovels.net for free. It was late.",
            "She walked on. It was late.",
            ["Read the latest chapters at www.fastnovels.net for free."],
        ),
        ("He shouted www.example.org.", "He shouted.", ["www.example.org."]),
    ],
)
def test_watermarks_are_removed(text: str, cleaned: str, removed: list[str]) -> None:
    assert remove_watermarks(text) == (cleaned, removed)


@pytest.mark.parametrize(
    "text",
    [
        "Tickets are available at www.harbourmuseum.org.uk or from the desk.",
        "Visit harbourmuseum.org for opening times.",
        "More details (www.harbourmuseum.org) are online.",
        "Website: www.harbourmuseum.org",
        "The shop Amazon.com opened in 1995.",
        "Write to info@harbourmuseum.org for a copy.",
        "The report, i.e. the 1887 survey, was filed in report.pdf and the U.S. archive.",
        "It cost 3.50 a week.",
    ],
)
def test_addresses_that_belong_to_the_sentence_are_kept(text: str) -> None:
    assert remove_watermarks(text) == (text, [])
