"""Find the reference lists that close encyclopedia and blog articles.

"References", "External links", "Further reading" and their items are
apparatus, not prose: the booklet cites the source itself. "Notes", "Sources"
and "See also" are only taken as such when what follows them looks like a list
of references or links, since a recipe's "Notes" are part of the text.
"""

from __future__ import annotations

import re

from .lines import ends_sentence, word_count
from .paragraphs import Unit

_HEADINGS = frozenset(
    (
        "references",
        "reference",
        "external links",
        "further reading",
        "bibliography",
        "works cited",
        "cited works",
        "citations",
        "footnotes",
        "notes and references",
        "references and notes",
        "sources and references",
        "literature",
        "primary sources",
        "secondary sources",
        "reference list",
        "external link",
    )
)
_SOFT_HEADINGS = frozenset(
    ("notes", "sources", "see also", "links", "related links", "useful links")
)
_REFERENCE_ITEM = re.compile(
    r"https?://|www\.|\bdoi\b|\bisbn\b|\bretrieved\b|\barchived from\b|\baccessed\b"
    r"|\bpp?\.\s?\d|\(\d{4}\)|^[\^↑]",
    re.IGNORECASE,
)
_MAX_LINK_ITEM_WORDS = 8
_MIN_PROSE_WORDS = 12


def find_reference_lists(units: list[Unit], headings: set[int]) -> set[int]:
    """Indices of the units that make up reference lists: each heading and its items."""
    found: set[int] = set()
    index = 0
    while index < len(units):
        if not _opens_reference_list(units, index):
            index += 1
            continue
        found.add(index)
        index += 1
        while index < len(units) and not _resumes_prose(units, index, headings):
            found.add(index)
            index += 1
    return found


def _heading_name(text: str) -> str:
    return text.strip().rstrip(":").strip().casefold()


def _opens_reference_list(units: list[Unit], index: int) -> bool:
    unit = units[index]
    if not unit.single_line:
        return False
    name = _heading_name(unit.text)
    if name in _HEADINGS:
        return True
    if name in _SOFT_HEADINGS and index + 1 < len(units):
        return _is_reference_item(units[index + 1].text)
    return False


def _is_reference_item(text: str) -> bool:
    return _REFERENCE_ITEM.search(text) is not None or (
        word_count(text) <= _MAX_LINK_ITEM_WORDS and not ends_sentence(text)
    )


def _resumes_prose(units: list[Unit], index: int, headings: set[int]) -> bool:
    """A heading of another kind, followed by a paragraph: the article goes on."""
    if index not in headings or _heading_name(units[index].text) in _HEADINGS | _SOFT_HEADINGS:
        return False
    following = units[index + 1].text if index + 1 < len(units) else ""
    return word_count(following) >= _MIN_PROSE_WORDS and not _is_reference_item(following)
