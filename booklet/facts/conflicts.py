"""Find figures that state the same quantity differently, so the booklet shows every value."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Conflict, Fact


def find_conflicts(facts: Sequence[Fact]) -> tuple[Conflict, ...]:
    by_quantity: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.quantity:
            by_quantity.setdefault(fact.quantity, []).append(fact)
    return tuple(
        Conflict(quantity, tuple(group))
        for quantity, group in by_quantity.items()
        if len({fact.value for fact in group}) > 1
    )
