"""Find a quote in a source's cleaned text, tolerating only what copying changes.

Line breaks, runs of spaces, typographic quotes and dashes may differ between
the curator's copy and the cleaned text; every word and number must be the same.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from booklet.sources.model import Paragraph, Source

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    paragraph: Paragraph
    text: str  # the words as they stand in the cleaned source


def fold(text: str) -> str:
    """The comparable form: typographic variants folded, whitespace collapsed."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def find_quote(source: Source, quote: str) -> QuoteMatch | None:
    wanted = fold(quote)
    if not wanted:
        return None
    longest_word = max(wanted.split(" "), key=len)
    for paragraph in source.paragraphs:
        if longest_word not in paragraph.text.translate(_FOLD):
            continue  # the quote's words stand unchanged in the folded text: a cheap first look
        folded, positions = _fold_with_positions(paragraph.text)
        start = folded.find(wanted)
        if start >= 0:
            end = positions[start + len(wanted) - 1] + 1
            return QuoteMatch(paragraph, paragraph.text[positions[start] : end])
    return None


def find_paragraph(source: Source, words: str) -> Paragraph | None:
    """The paragraph containing these words (a locator written as text)."""
    match = find_quote(source, words)
    return match.paragraph if match else None


def closest_passage(source: Source, quote: str) -> tuple[Paragraph, str] | None:
    """The sentence most like the quote, to show the curator what to copy."""
    wanted = fold(quote)
    best: tuple[float, Paragraph, str] | None = None
    for paragraph in source.paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph.text):
            matcher = difflib.SequenceMatcher(None, wanted, fold(sentence), autojunk=False)
            if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
                continue
            ratio = matcher.ratio()
            if best is None or ratio > best[0]:
                best = (ratio, paragraph, sentence)
    return (best[1], best[2]) if best and best[0] >= 0.4 else None


def _fold_with_positions(text: str) -> tuple[str, list[int]]:
    """Fold the text and keep, for each folded character, its index in the original."""
    out: list[str] = []
    positions: list[int] = []
    pending_space = False
    for index, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            pending_space = bool(out)
            continue
        if pending_space:
            out.append(" ")
            positions.append(index - 1)
            pending_space = False
        out.append(char)
        positions.append(index)
    return "".join(out), positions
