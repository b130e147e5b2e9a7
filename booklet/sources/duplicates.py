"""Keep a document once when it was saved twice, and say so.

The same article syndicated on two sites, or saved twice under two names, would
otherwise appear twice in the booklet and double its weight as evidence. Each
document is reduced to a sample of its runs of five words (those whose hash falls
in one quarter of the range, so the sample is the same whichever document a
run is in); documents are compared only through the runs they share, so the work
grows with the size of the corpus, not with the square of the number of documents.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

_RUN = 5
_SAMPLE = 4  # keep runs whose hash is divisible by this
_THRESHOLD = 0.8  # share of the smaller document's sampled runs found in the other
_MIN_RUNS = 8  # documents with fewer sampled runs are too short to judge
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Duplicate:
    kept: int  # index of the document kept (the first listed)
    dropped: int  # index of the later document that repeats it
    share: float  # how much of the smaller document the other contains


def find_duplicates(texts: Sequence[str]) -> list[Duplicate]:
    """Pairs of documents that are mostly the same text; the later one is dropped."""
    if len(texts) < 2:
        return []
    samples = [_sample(text) for text in texts]
    holders: defaultdict[int, list[int]] = defaultdict(list)
    for index, sample in enumerate(samples):
        for run in sample:
            holders[run].append(index)
    shared: defaultdict[tuple[int, int], int] = defaultdict(int)
    for documents in holders.values():
        for position, first in enumerate(documents):
            for second in documents[position + 1 :]:
                shared[(first, second)] += 1
    duplicates: list[Duplicate] = []
    dropped: set[int] = set()
    for (first, second), count in sorted(shared.items()):
        smaller = min(len(samples[first]), len(samples[second]))
        if first in dropped or second in dropped or smaller < _MIN_RUNS:
            continue
        if count / smaller >= _THRESHOLD:
            duplicates.append(Duplicate(first, second, count / smaller))
            dropped.add(second)
    return duplicates


def _sample(text: str) -> set[int]:
    words = [word.casefold() for word in _WORD.findall(text)]
    runs = map(" ".join, zip(*(words[start:] for start in range(_RUN)), strict=False))
    return {value for value in map(zlib.crc32, map(str.encode, runs)) if value % _SAMPLE == 0}
