"""Recognise who wrote a document and when it was posted, as pages print it.

"By AN WEN", "Posted by Mary at 8:45 AM", "Updated 14 March 2021 10:15 GMT":
these name the author or the date; they are metadata, not body text. The
author's name is kept (in ordinary capitals) so the curator can compare it with
sources.toml; the date line is only removed.
"""

from __future__ import annotations

import re

from .lines import is_all_caps, word_count

# Where a byline's name ends: "By An Wen | China Daily", "Posted by Mary at 8:45 AM".
_NAME_END = re.compile(
    r"\s*(?:[|,;(\[\u2013—•·]|\s-\s|\s(?:at|on|in|for|from|of|via|and photos)\s)"
)
_PARTICLES = frozenset(
    (
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "and",
        "&",
        "st.",
    )
)
_MAX_NAME_WORDS = 6

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"\s+\d{{4}}|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?"
_DATELINE = re.compile(
    r"^(?:(?:posted|published|updated|last updated|first published|date|dated)"
    r"\s*(?:on|at)?\s*:?\s*)?"
    rf"(?:{_WEEKDAY}\s*)?{_DATE}(?:,?\s*(?:at\s*)?{_TIME})?(?:\s*\(?[a-z]{{2,4}}\)?)?"
    r"(?:\s+by\s+\S.{0,60})?$",
    re.IGNORECASE,
)

_BYLINE = re.compile(
    r"^(?:(?P<verb>written|posted|words|story|text|reported|reporting|report|interview|"
    r"compiled|edited)\s+)?by\s*:?\s+(?P<names>\S.{0,150})$"
    r"|^(?:author|words|written by)\s*:\s*(?P<author>\S.{0,150})$"
    r"|^(?:(?:posted|published|written|submitted)\s+(?:on|at)\s+[^|]{1,60}?|"
    rf"(?:{_WEEKDAY}\s*)?{_DATE})\s+by\s+(?P<dated>\S.{{0,150}})$",
    re.IGNORECASE,
)


def parse_byline(text: str) -> str | None:
    """The author named by a byline, in ordinary capitals; None if the line is not one."""
    match = _BYLINE.match(text.strip())
    if match is None:
        return None
    names = match.group("names") or match.group("author") or match.group("dated")
    names = _NAME_END.split(names, maxsplit=1)[0].strip().rstrip(".")
    words = names.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or not _are_names(words):
        return None
    return _ordinary_capitals(names) if is_all_caps(names) else names


def is_plain_byline(text: str) -> bool:
    """A bare "By …" line, as opposed to "Posted by …" or "Author: …"."""
    stripped = text.strip()
    return stripped[:3].casefold() == "by " and word_count(stripped) <= _MAX_NAME_WORDS + 1


def is_dateline(text: str) -> bool:
    return word_count(text) <= 12 and _DATELINE.match(text.strip()) is not None


def _are_names(words: list[str]) -> bool:
    capitalised = 0
    for word in words:
        if word.casefold() in _PARTICLES:
            continue
        if not word[0].isupper() or not any(character.isalpha() for character in word):
            return False
        if word.endswith((".", "!", "?")) and len(word.rstrip(".")) > 2:
            return False  # a sentence, not an initial like "A."
        capitalised += 1
    return capitalised > 0


def _ordinary_capitals(names: str) -> str:
    return " ".join(
        word.lower() if word.casefold() in _PARTICLES else word.title() for word in names.split()
    )
