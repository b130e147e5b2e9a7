from __future__ import annotations

import random
import time
from pathlib import Path

from booklet.diagnostics import Location
from booklet.sources import CleanedDocument, clean_document
from booklet.sources.model import GlossaryEntry

ORIGIN = Path("seeds/market-hall.txt")

ARTICLE = """\
Home | History | Buildings
THE MARKET HALL

By SARAH OKAFOR

The market hall was built in 1846 on the site of the old butter cross.[1]

It cost &pound;2,400, raised by the sale of shares to the town&#8217;s traders.

ARCHES AND CLOCK: The east front of the hall before the clock was added

Later Years
The hall was used as a cinema from 1921 until 1958. Share
Advertisement
It is now a museum run by the Market Hall Society.

Share this:
Facebook
OK
"""


def clean(text: str, title: str | None = None) -> CleanedDocument:
    return clean_document(text, "market-hall", ORIGIN, title=title)


def test_paragraphs_are_numbered_with_ids_origins_and_sections() -> None:
    document = clean(ARTICLE, title="The Market Hall")
    assert [
        (paragraph.id, paragraph.number, paragraph.origin.line, paragraph.section, paragraph.text)
        for paragraph in document.paragraphs
    ] == [
        (
            "market-hall:1",
            1,
            6,
            None,
            "The market hall was built in 1846 on the site of the old butter cross.",
        ),
        (
            "market-hall:2",
            2,
            8,
            None,
            "It cost £2,400, raised by the sale of shares to the town\u2019s traders.",
        ),
        (
            "market-hall:3",
            3,
            13,
            "Later Years",
            "The hall was used as a cinema from 1921 until 1958.",
        ),
        (
            "market-hall:4",
            4,
            15,
            "Later Years",
            "It is now a museum run by the Market Hall Society.",
        ),
    ]
    assert all(paragraph.origin.path == ORIGIN for paragraph in document.paragraphs)


def test_metadata_found_in_the_text() -> None:
    document = clean(ARTICLE, title="The Market Hall")
    assert document.headings == ("Later Years",)
    assert document.byline == "Sarah Okafor"
    assert document.captions == (
        "ARCHES AND CLOCK: The east front of the hall before the clock was added",
    )


def test_every_removal_names_its_rule_and_line() -> None:
    document = clean(ARTICLE, title="The Market Hall")
    assert [(removal.rule, removal.origin, removal.text) for removal in document.removals] == [
        ("navigation", Location(ORIGIN, 1), "Home | History | Buildings"),
        ("title", Location(ORIGIN, 2), "THE MARKET HALL"),
        ("byline", Location(ORIGIN, 4), "By SARAH OKAFOR"),
        ("citation-mark", Location(ORIGIN, 6), "[1]"),
        (
            "photo-caption",
            Location(ORIGIN, 10),
            "ARCHES AND CLOCK: The east front of the hall before the clock was added",
        ),
        ("share-link", Location(ORIGIN, 13), "Share"),
        ("advertisement", Location(ORIGIN, 14), "Advertisement"),
        ("share-link", Location(ORIGIN, 17), "Share this:"),
        ("share-link", Location(ORIGIN, 18), "Facebook"),
        ("interface-word", Location(ORIGIN, 19), "OK"),
    ]


def test_glossary_entries_point_at_their_term() -> None:
    text = (
        "The hall stands beside the parish church\n"
        "Parish church\n"
        "A parish church in Christianity is the church which acts as the religious centre of a "
        "parish...\n"
        " of St Mary.\n"
    )
    document = clean(text)
    assert [paragraph.text for paragraph in document.paragraphs] == [
        "The hall stands beside the parish church of St Mary."
    ]
    (entry,) = document.glossary
    assert entry == GlossaryEntry(
        "Parish church",
        "A parish church in Christianity is the church which acts as the religious centre of a "
        "parish...",
        "market-hall",
        Location(ORIGIN, 2),
    )


def test_source_text_that_looks_like_markup_stays_text() -> None:
    text = "Bread & salt were sold by the <stall> keepers, 5 < 6.\n"
    (paragraph,) = clean(text).paragraphs
    assert paragraph.text == "Bread & salt were sold by the <stall> keepers, 5 < 6."


def test_empty_and_furniture_only_documents_give_no_paragraphs() -> None:
    assert clean("").paragraphs == ()
    assert clean("Menu\nShare\nOK\n").paragraphs == ()


# Cleaning must grow in proportion to the document: pages saved from the web can
# hold a whole book on one line, or a word thousands of characters long.

VOCABULARY = """
    mill river canal lock keeper boat coal grain town bridge stone arch village church
    market hall school railway station harbour quay ship crew storm light
"""
WORDS = VOCABULARY.split()


def generated_document(size: int) -> str:
    """Paragraphs, headings, glosses, furniture and watermarks, each distinct, to `size` chars."""
    chance = random.Random(size)

    def sentence() -> str:
        words = [chance.choice(WORDS) for _ in range(chance.randint(8, 20))]
        return " ".join([words[0].title(), *words[1:]]) + chance.choice(".?!")

    blocks: list[str] = []
    total = 0
    while total < size:
        kind = chance.randrange(10)
        if kind == 0:
            block = f"The {chance.choice(WORDS).title()} {chance.choice(WORDS)}"
        elif kind == 1:
            block = (
                f"The {chance.choice(WORDS)} stood near the {chance.choice(WORDS)}\n"
                f"{chance.choice(WORDS).title()}\n"
                f"A {chance.choice(WORDS)} is a place by the river where the town once worked...\n"
                f"\n, and it fell in {chance.randint(1700, 1950)}."
            )
        elif kind == 2:
            block = chance.choice(
                ["Share", "Advertisement", "Read more", "OK", "Home | News | Sport"]
            )
        elif kind == 3:
            block = f"{sentence()} {sentence()} Site Name www.example.info"
        else:
            block = " ".join(f"{sentence()}[{n}]" for n in range(chance.randint(2, 6)))
        blocks.append(block)
        total += len(block) + 2
    return "\n\n".join(blocks)


def seconds_to_clean(text: str, runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        clean(text)
        times.append(time.perf_counter() - started)
    return min(times)


def test_ten_times_the_text_takes_about_ten_times_as_long() -> None:
    small, large = generated_document(200_000), generated_document(2_000_000)
    assert len(large) >= 2_000_000
    ratio = seconds_to_clean(large) / seconds_to_clean(small, runs=3)
    assert ratio < 25


def test_a_million_character_line_is_cleaned_quickly() -> None:
    line = ("The canal carried coal to the mills of the town. " * 20_000)[:1_000_000]
    assert seconds_to_clean(line) < 2.0


def test_a_twenty_thousand_character_word_is_cleaned_quickly() -> None:
    word = "Ab" * 10_000
    document = (
        f"The Mill\n\nThe miller {word} ground corn. {word}.{word} {word}[1] www.{word}.com\n"
    )
    assert seconds_to_clean(document) < 2.0
