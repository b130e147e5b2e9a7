"""Take the inlined definitions of linked terms out of running text and mend the sentences.

Encyclopedia mirrors are often saved with each link's pop-up definition inlined:
the sentence breaks at the linked term, the term follows on a line of its own
(sometimes glued to the link text: "NanjingNanjing"), then a one-line definition
cut short with "...", and the sentence resumes on a new line (" to provide…",
", Wuhan", ". The"). The definition becomes a glossary entry; the two halves of
the sentence become one line again.

A term and a truncated definition alone could be two lines of a forum post, so a
gloss needs two signs of a broken sentence, unless the term is glued to its link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import (
    Cut,
    Line,
    ends_sentence,
    join_lines,
    letters_only,
    starts_lowercase,
    starts_with_closing,
    word_count,
)

_MIN_DEFINITION_WORDS = 10
_MIN_DEFINITION_CHARS = 60
_MAX_TERM_WORDS = 10
_MAX_TERM_CHARS = 80
_MAX_GLUED_CHARS = 80
_GLUE_BOUNDARY = " \t([\"'“\u2018-/"
_RUN_ON = re.compile(r"([a-z][.:])([A-Z][a-z])")  # "Foundation:During", "War .The"


@dataclass(frozen=True, slots=True)
class Gloss:
    term: str
    definition: str
    line: int  # the line of the term in the saved file


@dataclass(frozen=True, slots=True)
class GlossesRemoved:
    lines: list[Line]
    glosses: list[Gloss]
    cuts: list[Cut]


def remove_glosses(lines: list[Line]) -> GlossesRemoved:
    out: list[Line] = []
    glosses: list[Gloss] = []
    cuts: list[Cut] = []
    pending_join = False  # the next text line resumes the sentence broken by a gloss
    # The pieces of each mended line, joined once at the end; meanwhile the line in
    # `out` holds its last piece, which is all the rules look at.
    pieces: dict[int, list[str]] = {}

    def emit(line: Line) -> None:
        nonlocal pending_join
        if pending_join:
            pending_join = False
            last = out[-1] if out else None
            if last is not None and not last.is_blank and _resumes(last.text, line.text):
                pieces.setdefault(len(out) - 1, [last.text]).append(line.text)
                out[-1] = Line(last.number, line.text)
                return
            out.append(Line(line.number, ""))  # the resumed text starts a block of its own
        out.append(line)

    index = 0
    while index < len(lines):
        line = lines[index]
        if line.is_blank:
            if not pending_join:
                out.append(line)
            index += 1
            continue
        definition = lines[index + 1] if index + 1 < len(lines) else None
        if definition is not None and _is_definition(definition.text):
            glued = _glued_term(line.text)
            if glued is not None:
                emit(Line(line.number, line.text.rstrip()[: -len(glued)]))
                term = glued
            elif _is_term(line.text) and _looks_broken(lines, index, out, pending_join):
                term = line.text.strip()
            else:
                emit(line)
                index += 1
                continue
            glosses.append(Gloss(term, _tidy_definition(definition.text), line.number))
            cuts.append(Cut("link-gloss", f"{term}\n{definition.text.strip()}", line.number))
            pending_join = True
            index += 2
            continue
        emit(line)
        index += 1
    mended = [
        Line(line.number, join_lines(pieces[place])) if place in pieces else line
        for place, line in enumerate(out)
    ]
    return GlossesRemoved(mended, glosses, cuts)


def _is_definition(text: str) -> bool:
    stripped = text.strip()
    return (
        stripped.endswith(("...", "…"))
        and len(stripped) >= _MIN_DEFINITION_CHARS
        and word_count(stripped) >= _MIN_DEFINITION_WORDS
    )


def _is_term(text: str) -> bool:
    stripped = text.strip()
    return (
        0 < word_count(stripped) <= _MAX_TERM_WORDS
        and len(stripped) <= _MAX_TERM_CHARS
        and stripped[-1] not in ",;:"
        and not ends_sentence(stripped)
        and not starts_with_closing(stripped)
    )


def _glued_term(text: str) -> str | None:
    """The term in "…the cities of NanjingNanjing": link text glued to its repetition."""
    stripped = text.rstrip()
    for size in range(min(_MAX_GLUED_CHARS, len(stripped) // 2), 2, -1):
        term = stripped[-size:]
        if not term[0].isupper() or stripped[-2 * size : -size].casefold() != term.casefold():
            continue
        start = len(stripped) - 2 * size
        if start == 0 or stripped[start - 1] in _GLUE_BOUNDARY:
            return term
    return None


def _looks_broken(lines: list[Line], index: int, out: list[Line], pending_join: bool) -> bool:
    """At least two signs that the term line interrupts a sentence."""
    term = lines[index].text.strip()
    definition = lines[index + 1].text
    previous = out[-1] if out else None
    signs = 0
    if previous is not None and not previous.is_blank and not ends_sentence(previous.text):
        signs += 1
    elif pending_join:
        signs += 1  # the term follows another gloss directly
    after = index + 2
    while after < len(lines) and lines[after].is_blank:
        after += 1
    if after < len(lines) and _continues(lines[after].text):
        signs += 1
    first_word = letters_only(term.split()[0])
    if len(first_word) >= 3 and first_word in letters_only(definition[:200]):
        signs += 1
    return signs >= 2


def _continues(text: str) -> bool:
    """A line that resumes a sentence: it starts with a space, punctuation or a small letter."""
    return text[:1].isspace() or starts_with_closing(text) or starts_lowercase(text)


def _resumes(before: str, after: str) -> bool:
    return not ends_sentence(before) or (
        starts_with_closing(after) and after.lstrip()[0] not in ".!?"
    )


def _tidy_definition(text: str) -> str:
    """The definition as one line, without the stray marks left where its markup was."""
    tidy = " ".join(text.split()).lstrip("'\"-\u2013—:;,. ").replace(" ,", ",").replace(" .", ".")
    return _RUN_ON.sub(r"\1 \2", tidy)
