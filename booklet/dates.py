"""Read the dates curators write on facts, as spans of time a timeline can place.

A date is as precise as its source: "1937" is the whole year, "1937-10" the month,
"1937-12-01" the day, and "1937-1941" (also with an en dash, or "1937/1941") a period.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_SINGLE = r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?"
_ONE = re.compile(_SINGLE)
EN_DASH = "\u2013"
_PERIOD = re.compile(rf"{_SINGLE}\s*(?:{EN_DASH}|\u2014|/|-|\bto\b)\s*{_SINGLE}")
MONTHS = (  # spelled out, not calendar.month_name, which follows the machine's locale
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time in fractional years (1937.0 is the first moment of 1937)."""

    start: float
    end: float
    text: str  # as a reader says it: "October 1937", "1 December 1937", "1937" EN_DASH "1941"
    is_period: bool = False

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


def parse_date(text: str) -> Span | None:
    """The span a date stands for, or None if it is not a date in one of the forms above."""
    text = text.strip()
    if match := _ONE.fullmatch(text):
        return _single(*match.groups())
    if match := _PERIOD.fullmatch(text):
        first, last = _single(*match.groups()[:3]), _single(*match.groups()[3:])
        if first is None or last is None or last.end <= first.start:
            return None
        return Span(first.start, last.end, f"{first.text}{EN_DASH}{last.text}", is_period=True)
    return None


def _single(year: str, month: str | None, day: str | None) -> Span | None:
    number = int(year)
    if month is None:
        return Span(number, number + 1, year)
    month_number = int(month)
    if not 1 <= month_number <= 12:
        return None
    name = f"{MONTHS[month_number - 1]} {number}"
    if day is None:
        return Span(_at(number, month_number, 1), _month_end(number, month_number), name)
    day_number = int(day)
    if not 1 <= day_number <= calendar.monthrange(number, month_number)[1]:
        return None
    start = _at(number, month_number, day_number)
    return Span(start, start + 1 / _days(number), f"{day_number} {name}")


def _days(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def _at(year: int, month: int, day: int) -> float:
    day_of_year = sum(calendar.monthrange(year, m)[1] for m in range(1, month)) + day - 1
    return year + day_of_year / _days(year)


def _month_end(year: int, month: int) -> float:
    return year + 1 if month == 12 else _at(year, month + 1, 1)
