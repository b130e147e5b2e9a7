"""Split cleaned lines into paragraphs, headings and list items, in reading order.

Blank lines separate blocks. Inside a block, lines are joined into one paragraph
when they are a hard-wrapped paragraph; when each line is a paragraph of its own
(pages saved without blank lines), a line ending a sentence ends a paragraph.
A short line with no final punctuation above a paragraph is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .captions import caption_label
from .lines import Line, ends_sentence, is_bullet, join_lines, squeeze, word_count

_MAX_HEADING_WORDS = 10
_MAX_HEADING_CHARS = 80
_MAX_COLON_HEADING_WORDS = 4  # "Ingredients:", "What to bring:"
_HEADING_START = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[^\W\d_]")
_MAX_LIST_LINE_CHARS = 50
_MAX_WRAPPED_LINE_CHARS = 100
_MIN_WRAPPED_SHARE = 0.5  # a wrapped line is at least half as long as the longest
_OPENING = "\"“\u2018'([^↑*•"  # what may start a sentence or a list item, besides a capital
_SYMBOL_BULLET = re.compile(r"^[-*•·◦▪‣\u2013]\s+")


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph, heading or list item before it is numbered."""

    text: str  # one line, single spaces
    line: int  # where it starts in the saved file
    single_line: bool  # made of one saved line: only those can be headings or captions
    list_item: bool = False


def split_units(lines: list[Line]) -> list[Unit]:
    """The paragraphs, headings and list items of the lines, in reading order."""
    # A paragraph broken by a page break or a removed line ("…could be" + "flooded…")
    # is put back together: its pieces are grouped first, then joined once.
    groups: list[list[Unit]] = []
    for block in _blocks(lines):
        for unit in _block_units(block):
            if groups and _resumes(groups[-1], unit):
                groups[-1].append(unit)
            elif unit.text:
                groups.append([unit])
    return [group[0] if len(group) == 1 else _merge(group) for group in groups]


def is_heading_like(text: str) -> bool:
    """Short, capitalised, and without the punctuation that ends or continues a sentence."""
    start = _HEADING_START.match(text)
    return (
        start is not None
        and text[start.end() - 1].isupper()
        and word_count(text) <= _MAX_HEADING_WORDS
        and len(text) <= _MAX_HEADING_CHARS
        and text[-1] not in ",;-\u2013—/&"
        and (text[-1] != ":" or word_count(text) <= _MAX_COLON_HEADING_WORDS)
        and not ends_sentence(text)
    )


def heading_text(unit: Unit) -> str:
    """A heading as it is shown: without the colon some pages end headings with."""
    return unit.text.rstrip(":").rstrip()


def find_headings(units: list[Unit]) -> set[int]:
    """Heading-like lines that stand above a paragraph or a list."""
    return {
        index
        for index, unit in enumerate(units[:-1])
        if _is_heading_candidate(unit) and not _is_heading_candidate(units[index + 1])
    }


def _resumes(group: list[Unit], unit: Unit) -> bool:
    previous = group[-1]
    return (
        unit.text[:1].islower()
        and not unit.list_item
        and not ends_sentence(previous.text)
        and (len(group) > 1 or not (previous.list_item or is_heading_like(previous.text)))
    )


def _merge(group: list[Unit]) -> Unit:
    return Unit(join_lines([unit.text for unit in group]), group[0].line, single_line=False)


def _is_heading_candidate(unit: Unit) -> bool:
    return unit.single_line and not unit.list_item and is_heading_like(unit.text)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.is_blank:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return [block for block in blocks if block]


def _block_units(block: list[Line]) -> list[Unit]:
    if len(block) == 1:
        return [_unit(block)]
    if any(caption_label(line.text) is not None for line in block):
        return _line_units(block)
    if any(is_bullet(line.text) for line in block[1:]):
        return _list_units(block)
    texts = [line.text.strip() for line in block]
    if _is_short_list(texts):
        if len(block) > 2 and is_heading_like(texts[0]):
            return [_unit(block[:1]), *(_unit([line], list_item=True) for line in block[1:])]
        return [_unit([line], list_item=True) for line in block]
    if _is_hard_wrapped(texts):
        if is_heading_like(texts[0]) and _starts_sentence(texts[1]):
            return [_unit(block[:1]), _unit(block[1:])]
        return [_unit(block)]
    return _line_units(block)


def _line_units(block: list[Line]) -> list[Unit]:
    """One paragraph per run of lines ending a sentence; headings and captions alone."""
    units: list[Unit] = []
    current: list[Line] = []
    for index, line in enumerate(block):
        text = line.text.strip()
        following = block[index + 1].text if index + 1 < len(block) else ""
        alone = caption_label(text) is not None or (
            is_heading_like(text) and _starts_sentence(following)
        )
        if alone and not current:
            units.append(_unit([line]))
            continue
        current.append(line)
        if ends_sentence(text):
            units.append(_unit(current))
            current = []
    if current:
        units.append(_unit(current))
    return units


def _list_units(block: list[Line]) -> list[Unit]:
    """The list's items, after the line that introduces it, if any."""
    items: list[list[Line]] = []
    for line in block:
        if is_bullet(line.text) or not items:
            items.append([Line(line.number, _SYMBOL_BULLET.sub("", line.text.strip()))])
        else:
            items[-1].append(line)
    introduced = not is_bullet(block[0].text)
    return [
        _unit(item, list_item=not (introduced and number == 0)) for number, item in enumerate(items)
    ]


def _unit(lines: list[Line], *, list_item: bool = False) -> Unit:
    text = squeeze(join_lines([line.text for line in lines]))
    return Unit(text, lines[0].number, single_line=len(lines) == 1, list_item=list_item)


def _is_short_list(texts: list[str]) -> bool:
    """Short lines, none a sentence or the rest of one: ingredients, names, places."""
    return all(
        len(text) <= _MAX_LIST_LINE_CHARS and not ends_sentence(text) for text in texts
    ) and not any(_continues(text) for text in texts[1:])


def _is_hard_wrapped(texts: list[str]) -> bool:
    """Lines of one paragraph broken at a fixed width, not one paragraph per line.

    Wrapped lines are short, of about the same length, and mostly end inside a sentence.
    """
    inner = texts[:-1]
    body = inner[1:] if len(inner) > 1 and is_heading_like(inner[0]) else inner
    lengths = [len(text) for text in body]
    unfinished = sum(not ends_sentence(text) for text in body)
    return (
        max(len(text) for text in inner) <= _MAX_WRAPPED_LINE_CHARS
        and min(lengths) >= _MIN_WRAPPED_SHARE * max(lengths)
        and 2 * unfinished >= len(body)
    )


def _starts_sentence(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (
        stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in _OPENING
    )


def _continues(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped[0] in ",.;:)")
