"""Check each curated figure against its source: the source may back it, the quote
is in the cleaned text, and the quote states the value with the same hedge."""

from __future__ import annotations

from booklet.dates import parse_date
from booklet.diagnostics import Problem
from booklet.numbers import format_value
from booklet.sources.model import Corpus, SourceInfo, Trust
from booklet.tomlfile import near_miss

from .curated import CuratedFigure
from .model import Citation, Fact
from .quotes import closest_passage, find_quote
from .values import find_value, stated_numbers


def verify_figures(
    figures: tuple[CuratedFigure, ...], corpus: Corpus
) -> tuple[list[Fact], list[Problem]]:
    facts: list[Fact] = []
    problems: list[Problem] = []
    for figure in figures:
        fact, problem = verify_figure(figure, corpus)
        if fact is not None:
            facts.append(fact)
        if problem is not None:
            problems.append(problem)
    return facts, problems


def source_name(info: SourceInfo) -> str:
    """The author, or the title before any subtitle: "An Wen", "Soviet Volunteer Group"."""
    return info.author or info.title.split(":")[0].strip()


def verify_figure(figure: CuratedFigure, corpus: Corpus) -> tuple[Fact | None, Problem | None]:
    name = f"fact '{figure.id}'"
    source = corpus.source(figure.source)
    if source is None:
        guess = near_miss(figure.source, corpus.ids)
        hint = f"did you mean '{guess}'?" if guess else f"sources are: {', '.join(corpus.ids)}"
        return None, Problem(
            figure.origin,
            f"{name} cites '{figure.source}', which is not in sources.toml",
            hint=hint,
        )
    if source.info.trust is Trust.UNRELIABLE:
        return None, Problem(
            figure.origin,
            f"{name} cites '{source.id}', a source marked unreliable",
            hint="find the figure in a reliable source, or leave it out (see its trust_note)",
        )
    match = find_quote(source, figure.quote)
    if match is None:
        closest = closest_passage(source, figure.quote)
        hint = (
            f"closest passage (paragraph {closest[0].number}): "
            f'"{closest[1]}"; copy the words exactly'
            if closest
            else f"run `booklet sources --dump OUT` and copy the words from OUT/{source.id}.txt"
        )
        return None, Problem(
            figure.origin, f"the quote of {name} is not in source '{source.id}'", hint=hint
        )
    stated = find_value(match.text, figure.value)
    if stated is None:
        numbers = ", ".join(number.text for number in stated_numbers(match.text)) or "no number"
        return None, Problem(
            figure.origin,
            f"the quote of {name} does not state its value "
            f"{format_value(figure.value, figure.unit)}",
            hint=f"the quote states: {numbers}; correct `value` or choose the words that state it",
        )
    date = figure.optional.get("date")
    if date is not None and parse_date(date) is None:
        return None, Problem(
            figure.origin,
            f'the date of {name} is not one booklet can read: "{date}"',
            hint='write "1937", "1937-10", "1937-12-01" or a period "1937-1941"',
        )
    qualifier = figure.optional.get("qualifier")
    if stated.qualifier and (qualifier or "").lower() != stated.qualifier:
        return None, Problem(
            figure.origin,
            f'the quote of {name} says "{stated.qualifier} {stated.text}"',
            hint=f'keep the source\'s hedge: qualifier = "{stated.qualifier}"',
        )
    if qualifier and not stated.qualifier:
        return None, Problem(
            figure.origin,
            f'{name} has qualifier "{qualifier}", but its quote says just "{stated.text}"',
            hint="remove the qualifier, or quote the words that carry it",
        )
    fact = Fact(
        id=figure.id,
        value=figure.value,
        unit=figure.unit,
        label=figure.label,
        citation=Citation(source.id, match.paragraph.number, match.text, source_name(source.info)),
        trust=source.info.trust,
        origin=figure.origin,
        qualifier=qualifier,
        date=figure.optional.get("date"),
        group=figure.optional.get("group"),
        quantity=figure.optional.get("quantity"),
        note=figure.optional.get("note"),
    )
    return fact, None
