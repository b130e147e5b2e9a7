from __future__ import annotations

from pathlib import Path

from booklet.diagnostics import Location
from booklet.sources.glossary import merge_glossary
from booklet.sources.model import GlossaryEntry


def entry(term: str, source_id: str, line: int) -> GlossaryEntry:
    return GlossaryEntry(
        term, f"{term} is defined here...", source_id, Location(Path("x.txt"), line)
    )


def test_each_term_is_listed_once_per_source_at_its_first_place() -> None:
    entries = [
        entry("Canal", "a", 3),
        entry("canal", "a", 9),
        entry("Canal", "b", 4),
        entry("Lock", "a", 7),
    ]
    assert merge_glossary(entries) == (entries[0], entries[2], entries[3])
