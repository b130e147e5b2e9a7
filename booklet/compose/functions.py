"""What templates may call: cite(), fact(), excerpt(), quote(), figure(), image() and friends.

Each function checks its arguments against the corpus and the facts, records a
problem at the template line that called it (so all problems are listed at
once), and returns a small, escaped piece of the booklet's XML vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from booklet.charts.model import Figure
from booklet.dates import parse_date
from booklet.diagnostics import Location, Problem
from booklet.facts import Facts, find_quote
from booklet.facts.model import Fact
from booklet.numbers import format_value
from booklet.sources.model import Corpus, Source, Trust
from booklet.tomlfile import near_miss

from .environment import template_location

if TYPE_CHECKING:
    from .images import Picture


@dataclass(frozen=True, slots=True)
class CitationUse:
    source_id: str
    paragraph: int | None


@dataclass(frozen=True, slots=True)
class PictureUse:
    picture: Picture
    caption: str
    credit: str
    width_mm: float | None
    origin: Location | None  # the template line that asked for it


@dataclass
class Registry:
    """What one render cited and showed, by key; made anew for every render."""

    citations: list[CitationUse] = field(default_factory=list)
    pictures: list[PictureUse] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def cite(self, source_id: str, paragraph: int | None) -> Markup:
        self.citations.append(CitationUse(source_id, paragraph))
        return Markup('<cite key="{}"/>').format(len(self.citations) - 1)


NAMES = (  # what templates may call, in the order the reference documents them
    "cite",
    "fact",
    "value",
    "quote",
    "excerpt",
    "figure",
    "image",
    "disagreement",
    "fact_table",
    "chronology",
)


class TemplateFunctions:
    """The functions one render of the templates may call."""

    def __init__(
        self,
        root: Path,
        templates_dir: Path,
        corpus: Corpus,
        facts: Facts,
        figures: Sequence[Figure],
    ) -> None:
        self.root, self.templates_dir = root, templates_dir
        self.corpus, self.facts = corpus, facts
        self.figures = {figure.id: figure for figure in figures}
        self.registry = Registry()

    def as_globals(self) -> dict[str, Callable[..., Markup]]:
        return {name: getattr(self, name) for name in NAMES}

    def cite(self, source_id: str, locator: int | str | None = None) -> Markup:
        """A note citing a source, located by words from it or a paragraph number.

        Example: {{ cite("operation-zet", "carried out in secret") }}, or by paragraph
        number: {{ cite("operation-zet", 3) }}
        """
        source = self._source(source_id, backing=True)
        if source is None:
            return Markup("")
        paragraph = self._paragraph(source, locator)
        return self.registry.cite(source.id, paragraph)

    def fact(self, fact_id: str, *, note: bool = True) -> Markup:
        """A figure as readers write it ("more than 5,000 Soviet soldiers"), with its note.

        Example: the three loans came to {{ fact("loans-total") }}; without the note:
        {{ fact("loans-total", note=False) }}
        """
        found = self._fact(fact_id)
        if found is None:
            return Markup("")
        text = escape(format_value(found.value, found.unit, found.qualifier, in_words=True))
        return text + self._cite_fact(found) if note else Markup(text)

    def value(self, fact_id: str) -> Markup:
        """Only the number, without its unit or note: for sentences cited otherwise.

        Example: {{ value("fighters-1937") }} fighter aircraft
        """
        found = self._fact(fact_id)
        return escape(format_value(found.value, "", found.qualifier)) if found else Markup("")

    def excerpt(self, source_id: str, words: str | int) -> Markup:
        """Source words set apart as a block quote, with the note citing them.

        Example: {{ excerpt("soviet-contribution", "All these loans were to be paid back") }},
        or a whole paragraph: {{ excerpt("soviet-contribution", 7) }}
        """
        text, note = self._quoted(source_id, words)
        return Markup("<blockquote>{}{}</blockquote>").format(text, note) if note else Markup("")

    def quote(self, source_id: str, words: str) -> Markup:
        """Source words inside the running text, in quotation marks, with their note.

        Example: the loans were {{ quote("soviet-contribution", "paid back in kind") }}.
        """
        text, note = self._quoted(source_id, words)
        return Markup("“{}”{}").format(text, note) if note else Markup("")

    def figure(self, chart_id: str) -> Markup:
        """A numbered figure drawn from the facts its chart names.

        Example: {{ figure("loans") }} (a [[chart]] of seeds/facts.toml)
        """
        if chart_id not in self.figures:
            spec_ids = [chart.id for chart in self.facts.charts]
            guess = near_miss(chart_id, spec_ids)
            self._problem(
                f"there is no chart '{chart_id}'",
                f"did you mean '{guess}'?" if guess else "add a [[chart]] to seeds/facts.toml",
            )
            return Markup("")
        figure = self.figures[chart_id]
        notes = Markup("").join(self._cite_fact(fact) for fact in _distinct_citations(figure.facts))
        return Markup('<figure ref="{}">{}</figure>').format(chart_id, notes)

    def image(
        self, path: str, caption: str = "", credit: str = "", width: float | None = None
    ) -> Markup:
        """A picture from the project's assets/ folder (PNG or JPEG), numbered with the
        charts, its caption under it, then the credit. It is as wide as the text, or
        `width` millimetres, and never taller than three fifths of the page's text.

        Example: {{ image("images/map.png", caption="The routes described in chapter 3",
        credit="Drawn for this booklet", width=80) }}
        """
        if not isinstance(path, str):
            path = ""  # reported as a missing path just below
        if width is not None and (
            not isinstance(width, int | float) or isinstance(width, bool) or width <= 0
        ):
            self._problem(
                f"the width of picture '{path}' must be a number of millimetres",
                "write e.g. width=80, or leave it out for the width of the text",
            )
            return Markup("")
        from .images import PictureRefusedError, read_picture  # Pillow: 15 ms, when called

        try:
            picture = read_picture(path, self.root / "assets", self.root)
        except PictureRefusedError as refused:
            self._problem(
                refused.message, refused.hint, is_unreadable_input=refused.is_unreadable_input
            )
            return Markup("")
        where = template_location(self.root, self.templates_dir)
        size = None if width is None else float(width)
        use = PictureUse(picture, str(caption), str(credit), size, where)
        self.registry.pictures.append(use)
        return Markup('<picture key="{}"/>').format(len(self.registry.pictures) - 1)

    def disagreement(self, quantity: str) -> Markup:
        """Every value the sources give for one quantity, each cited: "236 … against 227 …".

        Example: the sources disagree: {{ disagreement("volunteer-deaths") }}.
        """
        conflict = next((c for c in self.facts.conflicts if c.quantity == quantity), None)
        if conflict is None:
            known = [c.quantity for c in self.facts.conflicts]
            guess = near_miss(quantity, known)
            self._problem(
                f"the sources do not disagree on '{quantity}'",
                f"did you mean '{guess}'?" if guess else "check the `quantity` of the facts",
            )
            return Markup("")
        parts = [self.fact(fact.id) for fact in conflict.facts]
        return Markup(" against ").join(parts)

    def fact_table(self, fact_ids: Sequence[str], heading: str = "Figure") -> Markup:
        """A table of figures, one row each: what is counted, the number, its note.

        Example: {{ fact_table(["supply-trains", "supply-vehicles"], "1937-1939") }}
        """
        rows = []
        for fact_id in fact_ids:
            found = self._fact(fact_id)
            if found is not None:
                rows.append(
                    Markup("<row><cell>{}</cell><cell>{}{}</cell></row>").format(
                        found.label,
                        format_value(found.value, found.unit, found.qualifier),
                        self._cite_fact(found),
                    )
                )
        header = Markup("<row><cell>What</cell><cell>{}</cell></row>").format(heading)
        return Markup("<table>{}{}</table>").format(header, Markup("").join(rows))

    def chronology(self, fact_ids: Sequence[str]) -> Markup:
        """A table of dated events, in date order, each with its note.

        Example: {{ chronology(["invasion-1931", "pact-1937", "japan-surrenders"]) }}
        """
        found = [fact for fact in (self._fact(fact_id) for fact_id in fact_ids) if fact]
        rows = [
            Markup("<row><cell>{}</cell><cell>{}{}</cell></row>").format(
                _readable_date(fact.date), fact.label, self._cite_fact(fact)
            )
            for fact in sorted(found, key=lambda fact: fact.date or "")
        ]
        header = Markup("<row><cell>Date</cell><cell>Event</cell></row>")
        return Markup("<table>{}{}</table>").format(header, Markup("").join(rows))

    def _quoted(self, source_id: str, words: str | int) -> tuple[str, Markup | None]:
        source = self._source(source_id, backing=True)
        if source is None:
            return "", None
        if isinstance(words, int):
            paragraph = source.paragraph(words)
            if paragraph is None:
                self._problem(
                    f"source '{source.id}' has no paragraph {words}",
                    f"it has {len(source.paragraphs)}; run `booklet sources` to see them",
                )
                return "", None
            return paragraph.text, self.registry.cite(source.id, paragraph.number)
        match = find_quote(source, words)
        if match is None:
            self._problem(
                f"these words are not in source '{source.id}': \"{words}\"",
                f"copy them exactly from `booklet sources --dump OUT` (OUT/{source.id}.txt)",
            )
            return "", None
        return match.text, self.registry.cite(source.id, match.paragraph.number)

    def _cite_fact(self, fact: Fact) -> Markup:
        return self.registry.cite(fact.citation.source_id, fact.citation.paragraph)

    def _fact(self, fact_id: str) -> Fact | None:
        found = self.facts.fact(fact_id)
        if found is None:
            guess = near_miss(fact_id, [fact.id for fact in self.facts.facts])
            self._problem(
                f"there is no fact '{fact_id}'",
                f"did you mean '{guess}'?" if guess else "add it to seeds/facts.toml",
            )
        return found

    def _source(self, source_id: str, *, backing: bool) -> Source | None:
        source = self.corpus.source(source_id)
        if source is None:
            guess = near_miss(source_id, self.corpus.ids)
            self._problem(
                f"there is no source '{source_id}'",
                f"did you mean '{guess}'?" if guess else "sources are listed in seeds/sources.toml",
            )
        elif backing and source.info.trust is Trust.UNRELIABLE:
            self._problem(
                f"source '{source_id}' is marked unreliable and cannot be cited as evidence",
                "describe it in the notes on the sources instead; see its trust_note",
            )
            return None
        return source

    def _paragraph(self, source: Source, locator: int | str | None) -> int | None:
        if locator is None:
            return None
        if isinstance(locator, int):
            if source.paragraph(locator) is None:
                self._problem(
                    f"source '{source.id}' has no paragraph {locator}",
                    f"it has {len(source.paragraphs)}; run `booklet sources` to see them",
                )
                return None
            return locator
        match = find_quote(source, locator)
        if match is None:
            self._problem(
                f"these words are not in source '{source.id}': \"{locator}\"",
                "a locator must be words copied exactly from the source",
            )
            return None
        return match.paragraph.number

    def _problem(self, message: str, hint: str, *, is_unreadable_input: bool = False) -> None:
        where = template_location(self.root, self.templates_dir)
        self.registry.problems.append(
            Problem(
                where or Location(Path("templates")),
                message,
                hint=hint,
                is_unreadable_input=is_unreadable_input,
            )
        )


def _readable_date(date: str | None) -> str:
    """ "1941-06" as a reader writes it, "June 1941"; a date in no known form as written."""
    if date is None:
        return "n.d."
    span = parse_date(date)
    return span.text if span else date


def _distinct_citations(facts: Sequence[Fact]) -> list[Fact]:
    seen: dict[tuple[str, int], Fact] = {}
    for fact in facts:
        seen.setdefault((fact.citation.source_id, fact.citation.paragraph), fact)
    return list(seen.values())
