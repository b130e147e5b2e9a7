"""Gather the glossary of the whole corpus from the link definitions of each source.

A term linked several times in one source was defined each time; it is listed
once per source, with the first definition, where it was first found.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import GlossaryEntry


def merge_glossary(entries: Iterable[GlossaryEntry]) -> tuple[GlossaryEntry, ...]:
    first: dict[tuple[str, str], GlossaryEntry] = {}
    for entry in entries:
        first.setdefault((entry.source_id, entry.term.casefold()), entry)
    return tuple(first.values())
