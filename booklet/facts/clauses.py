"""Cut a paragraph into sentences and clauses, and find the words saying what a figure counts.

A quote that backs a figure should be short, yet say what is counted: "at least
5,640 freight trains were deployed", not the whole paragraph, and not "5,640"
alone. These rules are about how English punctuates and names things, and hold
for any source; they are not a parser, so they aim for a clause a curator can
accept or trim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .mentions import FUNCTION_WORDS, StatedFigure, is_plural, word_set
from .values import HEDGES, NUMBER_WORDS

MONEY = {"USD": "US dollars", "GBP": "pounds sterling", "EUR": "euros"}

_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9$£€])"
)
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st mt gen col lt capt sgt prof rev jr sr no nos vol fig pp p c ca vs etc "
    "approx jan feb mar apr jun jul aug sep sept oct nov dec"
)
_CLAUSE_BREAK = re.compile(r",\s+|;\s*|:\s+|\s+[\u2013\u2014]\s+|\u2014|[()\"\u201c\u201d]")
_HEDGES = "|".join(map(re.escape, HEDGES))
_LEAD_IN = re.compile(rf"\s*(?:(?:and|or|but)\s+)?(?:(?:{_HEDGES})\s+)?", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s*([A-Za-z][\w'\u2019-]*)")
_AND_OR = re.compile(r"\s+(?:and|or)\s+")
_OF_NOUN = re.compile(r"\s+of\s+([A-Za-z][\w'\u2019-]*)")
_NUMBER_OF = re.compile(r"\bnumbers?\s+of\s+", re.IGNORECASE)
_NOUN_OF = re.compile(r"\b([A-Za-z]+)\s+of\s+$")
_SUBJECT = re.compile(
    r"\s*(?:(?:and|but|so)\s+)?(?:the|its|their|his|her|our|this|these|those|[A-Z]\w*'s)\s+",
    re.IGNORECASE,
)
# "a total of 236": the noun before "of" says nothing about what is counted
_NOT_COUNTED = word_set("total sum amount number figure maximum minimum average estimate")
_OPENS_NOUNS = frozenset({"other", "more", "same", "further"})  # "8,000 other technicians"
# Common irregular verbs: regular ones end in -ed and are told apart by that.
_VERBS = word_set(
    "lost won sent made built came went took gave got held kept left met paid put ran saw said "
    "sat set sold spent stood told thought brought bought fought caught taught found flew grew "
    "knew drew threw wrote rode rose fell led fed hit became began broke chose drove ate fled "
    "hid lay shot shut slept spoke swam tore wore woke remain live work die include"
)

Span = tuple[int, int]  # start and end of a clause in its sentence


def sentences(text: str) -> Iterator[str]:
    """The sentences of a paragraph; initials, abbreviations and list numbers end none."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        word = re.search(r"([\w.]+)$", before)
        last = word[1] if word else ""
        if text[match.start()] == "." and (
            re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last)  # "A. M. Vasilevsky", "U.S."
            or last.lower() in _ABBREVIATIONS
            or re.fullmatch(r"\d{1,2}", before.strip())  # "1. Heat the oven"
        ):
            continue
        yield text[start : match.end()].strip()
        start = match.end()
    if text[start:].strip():
        yield text[start:].strip()


def clauses(sentence: str, unbroken: Sequence[Span], figure_starts: set[int]) -> list[Span]:
    """Split at punctuation that ends a clause, never inside an unbroken span (a date).

    A list of figures stays one clause: "155 fighter aircraft, 62 bombers, and 8 trainers".
    """
    cuts = [
        match
        for match in _CLAUSE_BREAK.finditer(sentence)
        if not any(start < match.start() < end for start, end in unbroken)
    ]
    bounds = [0, *(edge for match in cuts for edge in (match.start(), match.end())), len(sentence)]
    found: list[Span] = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        if not re.search(r"\w", sentence[start:end]):
            continue
        lead = _LEAD_IN.match(sentence, start)
        in_list = found and any(found[-1][0] <= at < found[-1][1] for at in figure_starts)
        if in_list and lead and lead.end() in figure_starts:
            found[-1] = (found[-1][0], end)
        else:
            found.append((start, end))
    return found or [(0, len(sentence))]


def clause_of(spans: Sequence[Span], position: int) -> int:
    """The index of the clause holding this position (the nearest one, if between two)."""
    for index, (start, end) in enumerate(spans):
        if position < end:
            return index if position >= start or index == 0 else index - 1
    return len(spans) - 1


def counted_by(
    sentence: str, figure: StatedFigure, earlier: Sequence[tuple[str, int]], spans: Sequence[Span]
) -> tuple[str, int]:
    """What the figure counts, in the sentence's words, and where those words start.

    `earlier` holds what the sentence's earlier counts counted: "700 volunteers
    fought, and 236 lost their lives" counts volunteers twice. "" when unsaid.
    """
    if figure.unit in MONEY:
        return MONEY[figure.unit], figure.start
    if figure.unit:
        of = _OF_NOUN.match(sentence, figure.end)
        noun = noun_phrase(sentence, of.start(1)) if of else None
        return (f"{figure.unit} of {noun[0]}" if noun else figure.unit), figure.start
    noun = noun_phrase(sentence, figure.nouns_from)
    if noun:
        return noun
    before = sentence[: figure.start]
    number_of = list(_NUMBER_OF.finditer(before))
    if number_of and (noun := noun_phrase(sentence, number_of[-1].end())):
        return noun  # "the number of casualties ... was only 32,000"
    noun_of = _NOUN_OF.search(before)
    if noun_of and noun_of[1].lower() not in FUNCTION_WORDS | _NOT_COUNTED:
        return noun_of[1], noun_of.start(1)  # "a crowd of 4,200", "a family of four"
    if earlier:
        return earlier[-1]
    subject = _SUBJECT.match(sentence, spans[clause_of(spans, figure.start)][0])
    if subject and subject.end() < figure.start:
        noun = noun_phrase(sentence, subject.end())
        if noun and sentence[noun[1] + len(noun[0]) : figure.start].strip():
            return noun  # "the Soviet-built aircraft sent to China would amount to 885"
    return "", figure.start


def noun_phrase(sentence: str, position: int) -> tuple[str, int] | None:
    """The nouns starting at position, and where: "freight trains", "pilots and technicians"."""
    words: list[re.Match[str]] = []
    joined = False
    while len(words) < 5:
        match = _NEXT_WORD.match(sentence, position)
        if not match or not (
            _may_name_things(match[1]) or (not words and match[1].lower() in _OPENS_NOUNS)
        ):
            break
        words.append(match)
        position = match.end()
        if not is_plural(match[1]):
            continue
        of = _OF_NOUN.match(sentence, position)
        if of and is_plural(of[1]) and _may_name_things(of[1]):
            words.append(of)  # "pairs of millstones"
            break
        conjunction = _AND_OR.match(sentence, position)
        if joined or conjunction is None:
            break
        following = _NEXT_WORD.match(sentence, conjunction.end())
        if (
            following is None
            or not _may_name_things(following[1])
            or following[1].lower().endswith(("ed", "ing"))  # "planes and sinking warships"
        ):
            break
        joined, position = True, conjunction.end()  # "pilots and technicians"
    while words and words[-1][1].lower().endswith(("ed", "ing")) and not is_plural(words[-1][1]):
        words.pop()  # "594,000 surrendered": a verb, not what is counted
    if not words:
        return None
    start = words[0].start(1)
    return sentence[start : words[-1].end(1)], start


def trim_quote(text: str) -> str:
    """The clause without the punctuation, conjunction or list number around it."""
    text = text.strip().rstrip('.,;:!?" \u201d\u2019').lstrip('" \u201c\u2018')
    return re.sub(r"^(?:(?:and|but|or)\s+|\d{1,2}[.)]\s+)", "", text)


def _may_name_things(word: str) -> bool:
    low = word.lower()
    return low not in FUNCTION_WORDS and low not in _VERBS and low not in NUMBER_WORDS
