"""A big saved page must clean within a laptop's memory: a few times its size, not forty."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

from booklet.sources import clean_document

CANAL = (
    "the canal carried coal from the pits to the mills of the town and its barges were drawn "
    "by horses along the towpath until the railway came when the company closed the wharf "
    "warehouse lock keeper cottage bridge river trade"
)
WORDS = CANAL.split()
SEED_CHARACTERS = 10_000_000
# What cleaning allocates (the seed's text exists before it starts): the seed's lines and
# the paragraphs kept, a copy each at most, and its working state (each paragraph's words
# as numbers, a count of each run of three words), about as much again: 3 times the seed
# here, so 6 leaves room for another Python's object sizes. Holding every word as a string
# and every run of words as a tuple, for the whole document at once, takes about 39 times.
MAX_PEAK = 6 * SEED_CHARACTERS


def one_line_paragraphs(size: int) -> tuple[str, int]:
    """A saved page of about `size` characters (ASCII: one byte each), a paragraph a line,
    and how many paragraphs it has."""
    chance = random.Random(1938)
    paragraphs = [
        " ".join(chance.choice(WORDS) for _ in range(chance.randint(40, 120))).capitalize()
        + f" It reopened in {1800 + number % 150}"
        for number in range(400)
    ]
    parts, length, number = ["The Canal Book\n"], 0, 0
    while length < size:
        parts.append(f"{paragraphs[number % 400]} ({number}).\n")
        length += len(parts[-1])
        number += 1
    return "".join(parts), number


def test_a_ten_megabyte_page_cleans_in_a_few_times_its_size():
    text, paragraphs = one_line_paragraphs(SEED_CHARACTERS)
    tracemalloc.start()
    try:
        cleaned = clean_document(text, "canal", Path("seeds/canal.txt"), title="The Canal Book")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(cleaned.paragraphs) == paragraphs
    assert cleaned.paragraphs[-1].text.endswith(f"({paragraphs - 1}).")
    assert peak < MAX_PEAK, f"cleaning took {peak / SEED_CHARACTERS:.1f} times the seed's size"
