"""Write numbers as a reader expects them: "$150 million", "5,640", "18.5 million km".

Shared by the text (fact()) and the charts, so a figure reads the same in both.
"""

from __future__ import annotations

CURRENCIES = {"USD": "$", "GBP": "£", "EUR": "€"}
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"))


def format_number(value: float) -> str:
    """5640 -> "5,640"; 1_500_000 -> "1.5 million"; 2.5 -> "2.5"."""
    for size, word in _SCALES:
        if abs(value) >= size and _is_short_decimal(value / size):
            return f"{_plain(value / size)} {word}"
    return _plain(value)


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def format_value(
    value: float, unit: str, qualifier: str | None = None, *, in_words: bool = False
) -> str:
    """A number with its unit and the source's own hedge: "some $173.18 million".

    In running text (`in_words`), a whole number under ten is spelt out, as book
    style has it: "three brigades".
    """
    if unit == "year":
        return f"{qualifier} {int(value)}" if qualifier else str(int(value))
    number = format_number(value)
    if in_words and unit not in CURRENCIES and float(value).is_integer() and 0 <= value < 10:
        number = _SMALL[int(value)]
    if unit in CURRENCIES:
        text = f"{CURRENCIES[unit]}{number}"
    elif unit in ("", "percent"):
        text = f"{number} per cent" if unit == "percent" else number
    else:
        text = f"{number}\u00a0{unit}"  # no line break between a number and its unit
    return f"{qualifier} {text}" if qualifier else text


def format_axis(value: float, unit: str) -> str:
    """A short tick label: "$150M", "594,000", "8,000"."""
    prefix = CURRENCIES.get(unit, "")
    # thousands stay in full: "600,000" reads better than "600k" to most readers
    for size, letter in ((1_000_000_000, "bn"), (1_000_000, "M")):
        if abs(value) >= size:
            return f"{prefix}{_plain(value / size)}{letter}"
    return f"{prefix}{_plain(value)}"


def _is_short_decimal(value: float) -> bool:
    return abs(round(value, 2) - value) < 1e-9


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
