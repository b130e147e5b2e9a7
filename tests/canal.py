"""A made-up saved book about a canal, as long as a test needs: for seeds far bigger than
any booklet's, generated rather than stored."""

from __future__ import annotations

import random

CANAL = (
    "the canal carried coal from the pits to the mills of the town and its barges were drawn "
    "by horses along the towpath until the railway came when the company closed the wharf "
    "warehouse lock keeper cottage bridge river trade"
)
WORDS = CANAL.split()


def canal_book(size: int, between: str) -> tuple[str, int]:
    """About `size` characters (ASCII: a byte each): a title, then paragraphs of 40 to 120
    words, each ending in its number, `between` each two; and how many paragraphs."""
    chance = random.Random(1938)
    paragraphs = [
        " ".join(chance.choice(WORDS) for _ in range(chance.randint(40, 120))).capitalize()
        + f" It reopened in {1800 + number % 150}"
        for number in range(400)
    ]
    parts, length, number = [f"The Canal Book{between}"], 0, 0
    while length < size:
        parts.append(f"{paragraphs[number % 400]} ({number}).{between}")
        length += len(parts[-1])
        number += 1
    return "".join(parts), number
