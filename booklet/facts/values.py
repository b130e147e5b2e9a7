"""Read the numbers a sentence states, with the hedge the writer put before them.

"$50 million" is 50,000,000; "1.5-million-strong" is 1,500,000; "some 450" is
450 with the qualifier "some"; "three" is 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUMBER = re.compile(
    r"(?<![\w.])(?P<currency>[$£€])?\s?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?P<word>"
    + "|".join(_WORDS)
    + r"))(?:[\s-](?P<scale>thousand|million|billion)\b)?",
    re.IGNORECASE,
)
HEDGES = (
    "more than",
    "fewer than",
    "less than",
    "at least",
    "at most",
    "up to",
    "over",
    "under",
    "approximately",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "circa",
    "c.",
)
_HEDGE_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(hedge) for hedge in HEDGES) + r")\s+[$£€]?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class StatedNumber:
    value: float
    text: str  # as written: "$173.18 million"
    qualifier: str | None  # "some", "more than", … as written, lowercased


def stated_numbers(sentence: str) -> list[StatedNumber]:
    numbers = []
    for match in _NUMBER.finditer(sentence):
        if match["word"]:
            value = float(_WORDS[match["word"].lower()])
        else:
            value = float(match["digits"].replace(",", ""))
        if match["scale"]:
            value *= _SCALES[match["scale"].lower()]
        hedge = _HEDGE_BEFORE.search(
            sentence[max(0, match.start() - 20) : match.start() + (1 if match["currency"] else 0)]
        )
        numbers.append(
            StatedNumber(value, match.group(0).strip(), hedge[1].lower() if hedge else None)
        )
    return numbers


def find_value(sentence: str, value: float) -> StatedNumber | None:
    """The statement of this value in the sentence, if the sentence states it."""
    for number in stated_numbers(sentence):
        if abs(number.value - value) <= 1e-9 * max(1.0, abs(value)):
            return number
    return None
