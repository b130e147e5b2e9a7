"""Write notes and bibliography entries in a recognised style.

Chicago notes and bibliography by default: the first note for a source gives
the full reference, later notes a short form; every note ends with its locator,
the paragraph of the cleaned source ("para. 4"). Unknown author or date is shown
as unknown ("n.d."), never filled in. The author-date style is the alternative.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from booklet.document import Inline, Span
from booklet.sources.model import SourceInfo, Trust


@dataclass(frozen=True, slots=True)
class CitationStyle:
    name: str

    def reference(
        self, source: SourceInfo, paragraphs: Sequence[int], *, first: bool
    ) -> list[Inline]:
        """One source's part of a note, without the final full stop (a note may cite several)."""
        locator = [Span(f", {_paragraphs(paragraphs)}")] if paragraphs else []
        if self.name == "author-date":
            who = source.author or f"“{short_title(source.title)}”"
            return [Span(f"{who} {year(source)}"), *locator]
        if not first:  # the short form: punctuation inside the quotation marks, as Chicago sets it
            title = short_title(source.title)
            head = f"“{title},” {_paragraphs(paragraphs)}" if paragraphs else f"“{title}”"
            return [*_author(source, ", "), Span(head)]
        parts: list[Inline] = [*_author(source, ", "), Span(f"“{source.title},”")]
        details = [text for text in (source.publisher, source.published or "n.d.") if text]
        parts.append(Span(" " + ", ".join(details)))
        parts += locator
        if source.url:
            parts += [Span(", "), Span(source.url, link=source.url)]
        return parts

    def bibliography_entry(self, source: SourceInfo) -> list[Inline]:
        author = [Span(f"{source.author}. ")] if source.author else []
        if self.name == "author-date":
            head = (
                [*author, Span(f"{year(source)}. ")]
                if author
                else [Span(f"“{source.title}.” {year(source)}. ")]
            )
            title = [Span(f"“{source.title}.” ")] if author else []
        else:
            head, title = author, [Span(f"“{source.title}.” ")]
        date = None if self.name == "author-date" else source.published or "n.d."
        details = [text for text in (source.publisher, date) if text]
        parts: list[Inline] = [*head, *title]
        if details:
            text = ", ".join(details)
            parts.append(Span(text if text.endswith(".") else text + "."))
        if source.accessed:
            parts.append(Span(f" Accessed {source.accessed}."))
        if source.url:
            parts += [Span(" "), Span(source.url, link=source.url), Span(".")]
        return parts

    def sort_key(self, source: SourceInfo) -> str:
        """Chicago and author-date both sort by the first word of the entry."""
        key = source.author or re.sub(r"^(the|a|an)\s+", "", source.title, flags=re.IGNORECASE)
        return re.sub(r"\W+", " ", key).strip().casefold()


def short_title(title: str) -> str:
    """Chicago's short title: the main title before any subtitle, at most four words."""
    main = title.split(":")[0].strip()
    words = main.split()
    return main if len(words) <= 4 else " ".join(words[:4])


def year(source: SourceInfo) -> str:
    match = re.match(r"\d{4}", source.published or "")
    return match.group(0) if match else "n.d."


def caution(source: SourceInfo) -> list[Inline]:
    """What a note adds for a source marked caution, so the reader sees it at every use."""
    if source.trust is Trust.CAUTION:
        return [
            Span(f" “{short_title(source.title)}” is to be read with caution; see "),
            Span("Notes on the sources", emphasis=True),
            Span("."),
        ]
    return []


def _paragraphs(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"para. {numbers[0]}"
    return "paras. " + ", ".join(str(number) for number in numbers)


def _author(source: SourceInfo, separator: str) -> list[Inline]:
    return [Span(f"{source.author}{separator}")] if source.author else []
