"""Find candidate figures in the sources for the curator (`booklet facts --suggest`).

A curator starting a booklet has saved documents full of numbers and no figures
file yet. Every sentence of every source that may back a figure is read; each
figure it states becomes a candidate with what it counts, its hedge, its date and
a quote (the shortest clause stating it, in the source's exact words), written
out as a [[fact]] entry that `booklet check` accepts. A sentence that states no
figure but dates something becomes a dated event, what a timeline draws. Where
two sources seem to count the same thing differently, the figures are shown
together: whether they really disagree is for the curator to judge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from booklet.dates import MONTHS, parse_date
from booklet.numbers import format_value
from booklet.sources.model import Corpus, Source, Trust

from .clauses import Span, clause_of, clauses, counted_by, sentences, trim_quote
from .mentions import (
    FUNCTION_WORDS,
    DateMention,
    StatedFigure,
    find_dates,
    find_figures,
    hedge_before,
    is_plural,
)
from .model import Fact
from .quotes import fold
from .values import find_value, stated_numbers

EVENT_UNIT = "year"  # a dated event's unit, as facts.toml writes it
_DURATIONS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})
_RELATIVE = re.compile(r"\s+(?:later|earlier|ago|before|after|afterwards)\b")
_MONTH_WORDS = frozenset(month.lower() for month in MONTHS)
_IRREGULAR = {"men": "man", "women": "woman", "people": "person", "children": "child"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A figure found in a source, with everything its [[fact]] entry needs."""

    value: float
    unit: str  # "USD", "km", "percent", "year" for a dated event, or what is counted
    counted: str  # what the number counts, in the sentence's words: "freight trains"; "" if unsaid
    qualifier: str | None  # the writer's hedge: "some", "more than"
    date: str | None  # "1937", "1937-10", "1937-12-01", a period; from the same sentence
    sentence: str  # the whole sentence, as in the cleaned text
    source_id: str
    paragraph: int
    suggested_id: str
    quote: str  # the shortest clause stating the number and what it counts, word for word
    trust: Trust = Trust.RELIABLE
    is_checkable: bool = True  # whether `booklet check` reads this value and hedge in the quote

    @property
    def is_event(self) -> bool:
        return self.unit == EVENT_UNIT

    @property
    def label(self) -> str:
        """A first label for the entry, for the curator to improve."""
        text = self.quote if self.is_event else self.counted
        if len(text) > 60:
            text = text[:60].rsplit(" ", 1)[0] + "…"
        return text[:1].upper() + text[1:]


def suggest_figures(corpus: Corpus) -> list[Candidate]:
    """Every figure stated in the sources that may back one, in reading order."""
    found = [
        candidate
        for source in corpus.sources
        if source.info.trust is not Trust.UNRELIABLE
        for candidate in _candidates_in(source)
    ]
    return _with_unique_ids(found)


def numbers_set_aside(corpus: Corpus) -> dict[str, int]:
    """How many figures each unreliable source states: found, and not offered."""
    return {
        source.id: sum(1 for candidate in _candidates_in(source) if not candidate.is_event)
        for source in corpus.sources
        if source.info.trust is Trust.UNRELIABLE
    }


def find_disagreements(candidates: Iterable[Candidate]) -> list[tuple[Candidate, ...]]:
    """Figures from different sources that count the same thing, differently.

    Only what is counted is compared (its head noun, singular, in any case), and
    figures whose dates do not overlap are left apart. Sources that say the same
    thing in other words ("236 lost their lives", "227 pilots killed") are not
    found, and figures found may count different things: each group needs a
    curator's judgement.
    """
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        subject = _compared_as(candidate)
        if subject:
            groups.setdefault(subject, []).append(candidate)
    found: list[tuple[Candidate, ...]] = []
    for group in groups.values():
        if len({candidate.source_id for candidate in group}) > 1:
            found.extend(_disagreeing(group))
    return found


def suggestion_report(corpus: Corpus, curated: Iterable[Fact] = ()) -> str:
    """The whole `booklet facts --suggest` report for a corpus and the facts already curated."""
    candidates = suggest_figures(corpus)
    return format_suggestions(
        candidates,
        find_disagreements(candidates),
        set_aside=numbers_set_aside(corpus),
        curated=curated,
    )


def format_suggestions(
    candidates: Sequence[Candidate],
    disagreements: Sequence[tuple[Candidate, ...]],
    *,
    set_aside: Mapping[str, int] | None = None,
    curated: Iterable[Fact] = (),
) -> str:
    """A report a person reads and a file TOML reads: prose in comments, one entry per figure.

    Figures already curated (same source, paragraph, value and words) are named, not repeated.
    """
    by_paragraph: dict[tuple[str, int], list[Fact]] = {}
    for fact in curated:
        by_paragraph.setdefault((fact.citation.source_id, fact.citation.paragraph), []).append(fact)
    taken = {fact.id for facts in by_paragraph.values() for fact in facts}
    events = sum(1 for candidate in candidates if candidate.is_event)
    lines = [
        "# Candidate figures for seeds/facts.toml, found in the sources by booklet.",
        "# Each [[fact]] below is a number with the source's own words as its quote, and",
        "# `booklet check` accepts it as written. Copy the ones the booklet needs into",
        "# seeds/facts.toml, then give each a label a reader understands, and a group.",
        "#",
        f"# {len(candidates) - events} figures and {events} dated events"
        f" in {len({candidate.source_id for candidate in candidates})} sources.",
    ]
    lines += [
        f"# set aside: {count} numbers in {source_id} (unreliable)"
        for source_id, count in (set_aside or {}).items()
    ]
    by_source: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_source.setdefault(candidate.source_id, []).append(candidate)
    for source_id, found in by_source.items():
        lines += ["", f"# ── {source_id} ({found[0].trust.value}) ".ljust(78, "─")]
        if found[0].trust is Trust.CAUTION:
            lines.append("# to be read with caution: the booklet marks every figure it backs")
        matches = {
            candidate: _curated_as(
                candidate, by_paragraph.get((candidate.source_id, candidate.paragraph), [])
            )
            for candidate in found
        }
        already = [fact_id for fact_id in matches.values() if fact_id]
        if already:
            lines.append(f"# already in facts.toml: {', '.join(already)}")
        sentence = None
        for candidate in found:
            if matches[candidate]:
                continue
            if candidate.sentence != sentence:
                sentence = candidate.sentence
                lines += ["#", f"# paragraph {candidate.paragraph}: {sentence}"]
            lines += _entry(candidate, _free_id(candidate.suggested_id, taken))
    if disagreements:
        lines += ["", *_disagreement_lines(disagreements)]
    return "\n".join(lines) + "\n"


def _curated_as(candidate: Candidate, in_paragraph: list[Fact]) -> str | None:
    """The id of the curated fact of its paragraph that states this figure in these words."""
    for fact in in_paragraph:
        citation = fact.citation
        if (
            abs(fact.value - candidate.value) <= 1e-9 * max(1.0, abs(fact.value))
            and citation.quote
            and (
                fold(citation.quote) in fold(candidate.sentence)
                or fold(candidate.quote) in fold(citation.quote)
            )
        ):
            return fact.id
    return None


def _candidates_in(source: Source) -> Iterator[Candidate]:
    for paragraph in source.paragraphs:
        for sentence in sentences(paragraph.text):
            yield from _read_sentence(sentence, (source, paragraph.number))


def _read_sentence(sentence: str, place: tuple[Source, int]) -> list[Candidate]:
    dates = find_dates(sentence)
    figures = find_figures(sentence, dates)
    spans = clauses(
        sentence, [(date.start, date.end) for date in dates], {f.start for f in figures}
    )
    if not figures:
        return [_event(sentence, place, date, spans) for date in dates if date.year and date.date]
    found: list[Candidate] = []
    earlier: list[tuple[str, int]] = []  # what the sentence's counts so far counted, and where
    for figure in figures:
        counted, at = counted_by(sentence, figure, earlier, spans)
        if figure.is_count and counted:
            earlier.append((counted, at))
        first, last = sorted((clause_of(spans, figure.start), clause_of(spans, at)))
        start, end = spans[first][0], spans[last][1]
        found.append(
            _candidate(
                sentence,
                place,
                value=figure.value,
                unit=figure.unit or counted,
                counted=counted,
                qualifier=figure.qualifier,
                date=_date_of(sentence, figure, dates, figures, spans[:first], (start, end)),
                quote=trim_quote(sentence[start:end]),
            )
        )
    return found


def _candidate(
    sentence: str,
    place: tuple[Source, int],
    *,
    value: float,
    unit: str,
    counted: str,
    qualifier: str | None,
    date: str | None,
    quote: str,
) -> Candidate:
    stated = find_value(quote, value)  # what `booklet check` will read in the quote
    source, paragraph = place
    return Candidate(
        value=value,
        unit=unit,
        counted=counted,
        qualifier=qualifier,
        date=date,
        sentence=sentence,
        source_id=source.id,
        paragraph=paragraph,
        suggested_id="",  # given once every candidate is known, so that ids are unique
        quote=quote,
        trust=source.info.trust,
        is_checkable=stated is not None and stated.qualifier == qualifier,
    )


def _event(
    sentence: str, place: tuple[Source, int], date: DateMention, spans: list[Span]
) -> Candidate:
    """A sentence that dates something and states no figure: an event for a timeline."""
    index = clause_of(spans, date.start)
    start, end = spans[index]
    rest = sentence[start : date.start] + sentence[date.end : end]
    if len(re.findall(r"[A-Za-z]+", rest)) < 3:  # "In 1871, ..." needs what happened
        start, end = (start, spans[1][1]) if index == 0 < len(spans) - 1 else (0, len(sentence))
    year = sentence.index(str(date.year), date.start)
    return _candidate(
        sentence,
        place,
        value=float(date.year or 0),
        unit=EVENT_UNIT,
        counted="",
        qualifier=hedge_before(sentence[:year]),
        date=date.date,
        quote=trim_quote(sentence[start:end]),
    )


def _date_of(
    sentence: str,
    figure: StatedFigure,
    dates: list[DateMention],
    figures: list[StatedFigure],
    opening: list[Span],
    quoted: Span,
) -> str | None:
    """The date in the quoted clauses nearest the figure, else one in an opening phrase."""
    if figure.unit in _DURATIONS and _RELATIVE.match(sentence, figure.end):
        return None  # "two years later": the sentence does not give the date
    dated = [date for date in dates if date.date]
    inside = [date for date in dated if quoted[0] <= date.start < quoted[1]]
    if inside:
        return min(inside, key=lambda date: abs(date.start - figure.start)).date
    opening_end = 0
    for start, end in opening:
        if any(start <= other.start < end for other in figures) or not _only_dates(
            sentence, (start, end), dated
        ):
            break
        opening_end = end
    before = [date for date in dated if date.end <= opening_end]
    return before[-1].date if before else None


def _only_dates(sentence: str, span: Span, dates: list[DateMention]) -> bool:
    """Whether the clause just says when: "In October 1937", "From the autumn of 1937 to 1942"."""
    pieces, at = [], span[0]
    for date in dates:
        if span[0] <= date.start < span[1]:
            pieces.append(sentence[at : date.start])
            at = date.end
    text = " ".join([*pieces, sentence[at : span[1]]])
    words = [word for word in re.findall(r"[A-Za-z]+", text) if word.lower() not in FUNCTION_WORDS]
    return len(words) <= 2


def _with_unique_ids(candidates: list[Candidate]) -> list[Candidate]:
    seen: dict[str, int] = {}
    unique = []
    for candidate in candidates:
        base = _slug(candidate)
        seen[base] = seen.get(base, 0) + 1
        unique.append(
            replace(candidate, suggested_id=f"{base}-{seen[base]}" if seen[base] > 1 else base)
        )
    return unique


def _slug(candidate: Candidate) -> str:
    """An id from what is counted (or what happened) and when: "freight-trains-1937"."""
    words = candidate.quote if candidate.is_event else candidate.counted or candidate.unit
    plain = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode().lower()
    parts = [
        word
        for word in re.findall(r"[a-z]+", plain)
        if word not in FUNCTION_WORDS and word not in _MONTH_WORDS
    ][:3]
    when = parse_date(candidate.date) if candidate.date else None
    tail = str(int(when.start)) if when else f"{candidate.value:f}".rstrip("0").rstrip(".")
    return "-".join([*(parts or ["figure"]), tail.replace(".", "-")])


def _free_id(wanted: str, taken: set[str]) -> str:
    fact_id, number = wanted, 1
    while fact_id in taken:
        number += 1
        fact_id = f"{wanted}-{number}"
    taken.add(fact_id)
    return fact_id


def _entry(candidate: Candidate, fact_id: str) -> list[str]:
    entry = [
        "[[fact]]",
        f"id = {_toml_string(fact_id)}",
        f"value = {_toml_number(candidate.value)}",
        f"unit = {_toml_string(candidate.unit)}",
        f"label = {_toml_string(candidate.label)}",
        f"source = {_toml_string(candidate.source_id)}",
        f"quote = {_toml_string(candidate.quote)}",
    ]
    if candidate.qualifier:
        entry.append(f"qualifier = {_toml_string(candidate.qualifier)}")
    if candidate.date:
        entry.append(f"date = {_toml_string(candidate.date)}")
    notes = []
    if candidate.is_event:
        notes.append("# a dated event: label it with what happened")
    elif not candidate.counted:
        notes.append("# the sentence does not say what is counted: set unit and label")
    if candidate.is_checkable:
        return [*notes, *entry]
    read = ", ".join(number.text for number in stated_numbers(candidate.quote)) or "no number"
    return [
        *notes,
        f"# left as a comment: `booklet check` reads {read} in this quote,",
        f"# not {_shown(candidate)}; quote other words, or leave the figure out",
        *(f"# {line}" for line in entry),
    ]


def _disagreement_lines(disagreements: Sequence[tuple[Candidate, ...]]) -> list[str]:
    lines = [
        "# ── Figures that may disagree ".ljust(78, "─"),
        "# Each group counts the same thing, by its name, in different sources and with",
        "# different values. Judge each: the figures may count different things or",
        "# different times. Where they do disagree, give their facts the same `quantity`,",
        "# and the booklet shows every value. Sources that name the same thing in other",
        "# words are not found here.",
    ]
    for group in disagreements:
        lines += ["#", f"# {group[0].counted}:"]
        lines += [
            f'#   {_shown(each)} ({each.source_id}, paragraph {each.paragraph}): "{each.quote}"'
            for each in group
        ]
    return lines


def _shown(candidate: Candidate) -> str:
    text = format_value(candidate.value, candidate.unit, candidate.qualifier)
    return text.replace("\u00a0", " ")


def _toml_number(value: float) -> str:
    if abs(value - round(value)) <= 1e-9 * max(1.0, abs(value)):
        return str(round(value))  # 173.18 * 1e6 is 173180000.00000003 in floating point
    return repr(value)


def _toml_string(text: str) -> str:
    escaped = "".join(
        "\\" + char
        if char in '"\\'
        else f"\\u{ord(char):04X}"
        if ord(char) < 0x20 or ord(char) == 0x7F
        else char
        for char in text
    )
    return f'"{escaped}"'


def _compared_as(candidate: Candidate) -> str | None:
    """What two candidates must share to count the same thing: "pilot" for "Soviet pilots"."""
    if candidate.is_event or not candidate.counted:
        return None
    counted, measure = candidate.counted, ""
    if candidate.unit != candidate.counted:  # an amount of money or a measure
        if " of " not in counted:
            return None  # "$50 million" alone does not say what it measures
        measure, counted = candidate.unit, counted.split(" of ", 1)[1]
    first = re.split(r"\s+(?:and|or|of)\s+", counted)[0]
    return f"{measure}:{_singular(first.split()[-1].lower())}"


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if is_plural(word) and word.endswith("s") else word


def _disagreeing(group: list[Candidate]) -> list[tuple[Candidate, ...]]:
    """Join candidates that disagree pair by pair; each joined set is one finding."""
    leader = list(range(len(group)))
    spans = [parse_date(candidate.date) if candidate.date else None for candidate in group]

    def root(index: int) -> int:
        while leader[index] != index:
            index = leader[index]
        return index

    for i, first in enumerate(group):
        for j in range(i + 1, len(group)):
            second, one, other = group[j], spans[i], spans[j]
            if (
                first.source_id != second.source_id
                and abs(first.value - second.value) > 1e-9 * max(1.0, abs(first.value))
                and (
                    one is None
                    or other is None
                    or (one.start < other.end and other.start < one.end)
                )
            ):
                leader[root(j)] = root(i)
    joined: dict[int, list[Candidate]] = {}
    for index, candidate in enumerate(group):
        joined.setdefault(root(index), []).append(candidate)
    return [tuple(members) for members in joined.values() if len(members) > 1]
