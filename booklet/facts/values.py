"""Read the numbers a sentence states, with the hedge the writer put before them.

"$50 million" is 50,000,000; "1.5-million-strong" is 1,500,000; "some 450" is
450 with the qualifier "some"; "three" is 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUES = {
    **{word: number for number, word in enumerate(_UNITS, start=1)},
    **{word: number for number, word in enumerate(_TEENS, start=10)},
    **{word: number for number, word in enumerate(_TENS, start=2) for number in [number * 10]},
    "a": 1,
    "an": 1,
}
NUMBER_WORDS = frozenset(
    [*_UNITS, *_TEENS, *_TENS, "hundred", "dozen", "thousand", "million", "billion"]
)
_SMALL = rf"(?:{'|'.join(_TEENS + _UNITS)})"
_UNDER_100 = rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS)}))?|{_SMALL})"
WORD_NUMBER = (  # "twenty-five", "two hundred and six", "a dozen", "a" before "thousand"
    rf"(?:(?:an?|{'|'.join(_UNITS)})\s+hundred(?:\s+(?:and\s+)?{_UNDER_100})?"
    rf"|an?\s+dozen|{_UNDER_100}|an?(?=\s+(?:thousand|million|billion)\b))"
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_NUMBER = re.compile(
    r"(?<![\w.])(?P<currency>[$£€])?\s?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?P<word>"
    + WORD_NUMBER
    + r"))(?:[\s-](?P<scale>thousand|million|billion)\b)?",
    re.IGNORECASE,
)


def word_value(words: str) -> float:
    """ "twenty-five" is 25, "two hundred and six" is 206, "a dozen" is 12."""
    total = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "hundred":
            total = (total or 1) * 100
        elif word == "dozen":
            total = (total or 1) * 12
        else:
            total += _WORD_VALUES.get(word, 0)
    return total


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
            value = word_value(match["word"])
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
