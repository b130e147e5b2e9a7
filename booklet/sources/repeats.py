"""Keep each passage once, and no fragment of a broken sentence.

Pages are sometimes saved twice over: a stripped copy of the article followed by
the article proper, or pieces of sentences left behind where links were
(", Hankou", ", which was built in 1956."). A paragraph whose words all appear,
in order, in a longer paragraph is a repeat; of two identical paragraphs the one
among intact neighbours is kept. A paragraph that starts in the middle of a
sentence is a fragment: dropped if its words appear elsewhere, otherwise cut
back to its first whole sentence.

Finding repeats compares each paragraph only with the few that share its rarest
run of three words, so the work grows with the length of the document, not its square.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .lines import ends_sentence, starts_lowercase, starts_with_closing, word_count

_MIN_REPEAT_WORDS = 6
_MIN_FRAGMENT_WORDS = 3
_SHINGLE = 3
_MAX_POSTINGS = 50  # runs of words shared by more paragraphs than this tell nothing
_MAX_SUBSTRING_RATIO = 50
_MAX_ORPHAN_WORDS = 6
_PUNCTUATION = "\"'“”\u2018\u2019.,;:!?()[]{}«»…-\u2013—"
_FIRST_SENTENCE_END = re.compile(r"[.!?…][\"”\u2019')\]]*\s+(?=[\"“\u2018(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Verdict:
    rule: str  # "repeated-passage" or "orphan-fragment"
    removed: str  # the text taken out
    kept: str | None = None  # what is left of the paragraph, if anything


def judge_repeats(texts: Sequence[str]) -> dict[int, Verdict]:
    """For each paragraph to change, what to remove and what to keep."""
    words = [_words(text) for text in texts]
    fragments = {index for index, text in enumerate(texts) if _is_fragment(text)}
    contained = _contained(words, fragments)
    verdicts: dict[int, Verdict] = {}
    for index in contained:
        rule = "orphan-fragment" if index in fragments else "repeated-passage"
        verdicts[index] = Verdict(rule, texts[index])
    for index in _duplicates(words, fragments | contained):
        verdicts[index] = Verdict("repeated-passage", texts[index])
    for index in fragments - contained:
        verdicts[index] = _cut_fragment(texts[index])
    return verdicts


def _words(text: str) -> tuple[str, ...]:
    return tuple(
        word for word in (raw.strip(_PUNCTUATION) for raw in text.casefold().split()) if word
    )


def _is_fragment(text: str) -> bool:
    if starts_with_closing(text):
        return True
    return (
        starts_lowercase(text) and word_count(text) <= _MAX_ORPHAN_WORDS and not ends_sentence(text)
    )


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return set(zip(*(words[start:] for start in range(_SHINGLE)), strict=False))


def _contained(words: list[tuple[str, ...]], fragments: set[int]) -> set[int]:
    """Paragraphs whose words appear, in order, inside a longer paragraph."""
    shingles = [_shingles(paragraph) for paragraph in words]
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, paragraph_shingles in enumerate(shingles):
        for shingle in paragraph_shingles:
            posting = postings[shingle]
            if len(posting) <= _MAX_POSTINGS:
                posting.append(index)
    joined: dict[int, str] = {}

    def spaced(index: int) -> str:
        if index not in joined:
            joined[index] = f" {' '.join(words[index])} "
        return joined[index]

    found: set[int] = set()
    for index, paragraph in enumerate(words):
        least = _MIN_FRAGMENT_WORDS if index in fragments else _MIN_REPEAT_WORDS
        if len(paragraph) < least or not shingles[index]:
            continue
        rarest = min(shingles[index], key=lambda shingle: len(postings[shingle]))
        if len(postings[rarest]) > _MAX_POSTINGS:
            continue
        for other in postings[rarest]:
            if len(words[other]) <= len(paragraph) or not shingles[index] <= shingles[other]:
                continue
            if len(words[other]) > _MAX_SUBSTRING_RATIO * len(paragraph) or spaced(index) in spaced(
                other
            ):
                found.add(index)
                break
    return found


def _duplicates(words: list[tuple[str, ...]], removed: set[int]) -> set[int]:
    """All but one of each group of identical paragraphs: the one among the fewest removed
    neighbours stays, else the first."""
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, paragraph in enumerate(words):
        if index not in removed and len(paragraph) >= _MIN_REPEAT_WORDS:
            groups[paragraph].append(index)

    def removed_neighbours(index: int) -> int:
        return sum(1 for other in (index - 1, index + 1) if other in removed)

    duplicates: set[int] = set()
    for members in groups.values():
        if len(members) > 1:
            keep = min(members, key=lambda index: (removed_neighbours(index), index))
            duplicates.update(member for member in members if member != keep)
    return duplicates


def _cut_fragment(text: str) -> Verdict:
    """Drop the broken start of a paragraph; keep the whole sentences after it."""
    end = _FIRST_SENTENCE_END.search(text)
    if end is None:
        return Verdict("orphan-fragment", text)
    return Verdict("orphan-fragment", text[: end.end()].strip(), text[end.end() :].strip())
