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
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .lines import ends_sentence, starts_lowercase, starts_with_closing, word_count

_MIN_REPEAT_WORDS = 6
_MIN_FRAGMENT_WORDS = 3
_SHINGLE = 3
_CODE = "I"  # a word's number in the vocabulary: an unsigned int, 4 bytes
_WORD = array(_CODE).itemsize
_SHINGLE_BYTES = _SHINGLE * _WORD
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
    vocabulary = _Vocabulary()
    words = [_coded_words(text, vocabulary) for text in texts]
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


def _coded_words(text: str, vocabulary: _Vocabulary) -> bytes:
    """The paragraph's words, casefolded and without punctuation, as _WORD bytes each.

    A word is its number in the vocabulary: a document of a million paragraphs
    must fit in a laptop's memory, and a string object for each word would not.
    """
    words = filter(None, [raw.strip(_PUNCTUATION) for raw in text.casefold().split()])
    return array(_CODE, map(vocabulary.__getitem__, words)).tobytes()


class _Vocabulary(dict[str, int]):
    """Words numbered in the order they are first met."""

    def __missing__(self, word: str) -> int:
        self[word] = number = len(self)
        return number


def _is_fragment(text: str) -> bool:
    if starts_with_closing(text):
        return True
    return (
        starts_lowercase(text) and word_count(text) <= _MAX_ORPHAN_WORDS and not ends_sentence(text)
    )


def _shingles(coded: bytes) -> set[bytes]:
    """The paragraph's runs of _SHINGLE words."""
    return {
        coded[start : start + _SHINGLE_BYTES]
        for start in range(0, len(coded) - _SHINGLE_BYTES + 1, _WORD)
    }


def _contained(words: list[bytes], fragments: set[int]) -> set[int]:
    """Paragraphs whose words appear, in order, inside a longer paragraph."""
    rarest = _rarest_shingles(words, fragments)
    postings = _postings(words, rarest)
    found: set[int] = set()
    for index, shingle in rarest.items():
        paragraph = words[index]
        longer = [other for other in postings[shingle] if len(words[other]) > len(paragraph)]
        if not longer:
            continue
        shingles = _shingles(paragraph)
        for other in longer:
            if not shingles <= _shingles(words[other]):
                continue
            if len(words[other]) > _MAX_SUBSTRING_RATIO * len(paragraph) or _inside(
                paragraph, words[other]
            ):
                found.add(index)
                break
    return found


def _rarest_shingles(words: list[bytes], fragments: set[int]) -> dict[int, bytes]:
    """For each paragraph long enough to be a repeat, the run of words that the fewest
    other paragraphs share, if any do and no more than _MAX_POSTINGS.

    Only the count of each run is kept for the whole document; a paragraph's runs
    are taken again when needed, so memory grows with the runs, not their copies.
    """
    shared: Counter[bytes] = Counter()
    for coded in words:
        shared.update(_shingles(coded))
    rarest: dict[int, bytes] = {}
    for index, coded in enumerate(words):
        least = _MIN_FRAGMENT_WORDS if index in fragments else _MIN_REPEAT_WORDS
        if len(coded) < least * _WORD or _has_own_end(coded, shared):
            continue
        shingle = min(_shingles(coded), key=shared.__getitem__)  # at least 3 words: 1 run
        if 1 < shared[shingle] <= _MAX_POSTINGS:  # 1: no other paragraph holds it
            rarest[index] = shingle
    return rarest


def _has_own_end(coded: bytes, shared: Counter[bytes]) -> bool:
    """The paragraph starts or ends with words no other paragraph has: as most do, so its
    runs of words need not be taken again."""
    return shared[coded[:_SHINGLE_BYTES]] == 1 or shared[coded[-_SHINGLE_BYTES:]] == 1


def _postings(words: list[bytes], rarest: dict[int, bytes]) -> dict[bytes, list[int]]:
    """The paragraphs holding each of the rarest runs, in order."""
    postings: dict[bytes, list[int]] = {shingle: [] for shingle in rarest.values()}
    if not rarest:
        return postings
    shortest = min(len(words[index]) for index in rarest)
    for index, coded in enumerate(words):
        if len(coded) > shortest:  # only a longer paragraph can contain another
            for shingle in postings.keys() & _shingles(coded):
                postings[shingle].append(index)
    return postings


def _inside(short: bytes, long: bytes) -> bool:
    """The words of `short` appear together, in order, in `long`."""
    start = long.find(short)
    while start > 0 and start % _WORD:
        start = long.find(short, start + 1)
    return start >= 0


def _duplicates(words: list[bytes], removed: set[int]) -> set[int]:
    """All but one of each group of identical paragraphs: the one among the fewest removed
    neighbours stays, else the first."""
    groups: dict[bytes, list[int]] = defaultdict(list)
    for index, paragraph in enumerate(words):
        if index not in removed and len(paragraph) >= _MIN_REPEAT_WORDS * _WORD:
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
