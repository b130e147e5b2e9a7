"""A big saved page must clean within a laptop's memory: a few times its size, not forty."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from booklet.sources import clean_document
from tests.canal import canal_book

SEED_CHARACTERS = 10_000_000
# What cleaning allocates (the seed's text exists before it starts): the seed's lines and
# the paragraphs kept, a copy each at most, and its working state (each paragraph's words
# as numbers, a count of each run of three words), about as much again: 3 times the seed
# here, so 6 leaves room for another Python's object sizes. Holding every word as a string
# and every run of words as a tuple, for the whole document at once, takes about 39 times.
MAX_PEAK = 6 * SEED_CHARACTERS


def test_a_ten_megabyte_page_cleans_in_a_few_times_its_size():
    text, paragraphs = canal_book(SEED_CHARACTERS, between="\n")  # a paragraph a line
    tracemalloc.start()
    try:
        cleaned = clean_document(text, "canal", Path("seeds/canal.txt"), title="The Canal Book")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(cleaned.paragraphs) == paragraphs
    assert cleaned.paragraphs[-1].text.endswith(f"({paragraphs - 1}).")
    assert peak < MAX_PEAK, f"cleaning took {peak / SEED_CHARACTERS:.1f} times the seed's size"
