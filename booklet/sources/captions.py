"""Recognise photo captions left behind when a page was saved without its photos.

Newspapers label a caption with a few capital words and a colon
("VICTORY PARADE: Soviet tanks roll through …"). Without the photo, such a
caption standing alone reads as a stray sentence in the article, so it is set
aside. Speaker labels in a transcript look the same but repeat or follow each
other, which captions do not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .lines import ends_sentence, is_all_caps, word_count

_LABELLED = re.compile(
    r"^(?P<label>[^\W\d_][\w'\u2019&.,/-]*(?:\s+[\w'\u2019&.,/-]+){0,6})\s*:\s+(?P<text>\S.*)$"
)
# Single-word labels that announce a picture; other captions carry two or more words.
_PICTURE_WORDS = frozenset(
    (
        "photo",
        "photos",
        "picture",
        "pictured",
        "image",
        "above",
        "below",
        "left",
        "right",
        "top",
        "inset",
        "caption",
        "photograph",
        "illustration",
        "main picture",
        "file photo",
        "main image",
    )
)
# Labels of notes to the reader, which are text, not captions.
_NOT_CAPTIONS = frozenset(
    (
        "note",
        "nb",
        "n.b.",
        "editor's note",
        "editor\u2019s note",
        "editors note",
        "update",
        "updated",
        "correction",
        "clarification",
        "warning",
        "tip",
        "tips",
        "advice",
        "spoiler",
        "disclaimer",
        "faq",
        "ps",
        "p.s.",
        "edit",
        "tl;dr",
        "tldr",
        "breaking",
        "breaking news",
        "exclusive",
        "source",
        "sources",
        "q",
        "a",
        "question",
        "answer",
        "summary",
        "abstract",
        "key points",
        "read more",
        "related",
        "see also",
        "watch",
        "listen",
        "opinion",
        "analysis",
    )
)
_MAX_CAPTION_WORDS = 80


def caption_label(text: str) -> str | None:
    """The label of a text shaped like a labelled caption, or None."""
    stripped = text.strip()
    match = _LABELLED.match(stripped) if word_count(stripped) <= _MAX_CAPTION_WORDS else None
    if match is None:
        return None
    label = match.group("label")
    folded = label.casefold()
    if folded in _NOT_CAPTIONS or not match.group("text")[0].isupper():
        return None
    if folded in _PICTURE_WORDS or (is_all_caps(label) and word_count(label) >= 2):
        return label
    return None


def find_captions(texts: Sequence[str]) -> set[int]:
    """Indices of the texts that are captions: labelled, alone, and not a speaker's turn."""
    labels = [caption_label(text) for text in texts]
    counts = Counter(label.casefold() for label in labels if label is not None)
    captions = set()
    for index, label in enumerate(labels):
        if label is None or counts[label.casefold()] > 1:
            continue
        beside = [labels[i] for i in (index - 1, index + 1) if 0 <= i < len(labels)]
        if any(other is not None for other in beside) and ends_sentence(texts[index]):
            continue  # a turn of a dialogue, among other labelled turns
        captions.add(index)
    return captions
