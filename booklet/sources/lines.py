"""Lines of a saved document, and the small judgements every cleaning rule shares.

Cleaning works on lines that remember where they were in the saved file, so that
a paragraph, a removal or a glossary entry can point the curator to its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends with . ! ? or an ellipsis, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"”\u2019'»)\]]*$")
_CLOSING = frozenset(",.;:!?)]}\u2019”»…")
_BULLET = re.compile(r"^(?:[-*•·◦▪‣\u2013]|\d{1,3}[.)])\s")


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line in the saved file
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Cut:
    """Text a rule took out, before it is turned into a Removal with the file's path."""

    rule: str
    text: str
    line: int


def split_lines(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]


def ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text.rstrip()[-12:]) is not None


def word_count(text: str) -> int:
    """len(text.split()), without making a string of each word: rules ask it of every line."""
    stripped = text.strip()
    # Every whitespace character but the plain space is unprintable.
    if stripped.isprintable() and "  " not in stripped:
        return stripped.count(" ") + 1 if stripped else 0
    return len(stripped.split())


def starts_lowercase(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0].islower()


def starts_with_closing(text: str) -> bool:
    """Text that cannot begin a sentence: it continues one (", Wuhan", ". The")."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in _CLOSING


def is_bullet(text: str) -> bool:
    return _BULLET.match(text.lstrip()) is not None


def join_lines(texts: list[str]) -> str:
    """Lines of one sentence or paragraph as one line: single spaces, none before punctuation."""
    pieces: list[str] = []
    for text in texts:
        stripped = text.strip()
        if not stripped:
            continue
        if pieces and stripped[0] not in _CLOSING:
            pieces.append(" ")
        pieces.append(stripped)
    return "".join(pieces)


def squeeze(text: str) -> str:
    """One line, single spaces."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # already so, as most lines are: no need to split it into words
    return " ".join(text.split())


def is_all_caps(text: str) -> bool:
    letters = [character for character in text if character.isalpha()]
    return len(letters) >= 2 and all(character.isupper() for character in letters)


def letters_only(text: str) -> str:
    """Lowercase letters and digits only: for comparing titles and names loosely."""
    return "".join(character for character in text.casefold() if character.isalnum())
