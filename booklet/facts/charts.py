"""Read the [[chart]] entries of the figures file and check that their facts exist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from booklet.diagnostics import Problem
from booklet.tomlfile import near_miss

from .model import ChartSpec, Fact


def read_chart_specs(
    tables: Sequence[dict[str, Any]], facts: Sequence[Fact], refused: set[str]
) -> tuple[list[ChartSpec], list[Problem]]:
    """Charts whose facts all passed; a chart naming an unknown fact is a problem.

    A fact that failed its own check (in `refused`) was reported already; the chart is
    skipped without a second message.
    """
    known = {fact.id for fact in facts}
    specs, problems = [], []
    for table in tables:
        origin = table["origin"]
        names = table["facts"]
        texts = [table[key] for key in ("id", "kind", "title", "caption", "description")]
        if not all(isinstance(text, str) for text in texts) or not isinstance(names, list):
            problems.append(
                Problem(
                    origin,
                    "a chart's id, kind, title, caption and description must be text",
                    hint='write them in quotes, and facts as a list: facts = ["fact-id", …]',
                )
            )
            continue
        names = [name for name in names if name]  # "" marks a gap some kinds draw
        unknown = [name for name in names if name not in known and name not in refused]
        for name in unknown:
            guess = near_miss(name, known)
            problems.append(
                Problem(
                    origin,
                    f"chart '{table['id']}' names fact '{name}', which is not in the figures file",
                    hint=f"did you mean '{guess}'?"
                    if guess
                    else "add the fact, or remove it from the chart",
                )
            )
        if unknown or any(name in refused for name in names):
            continue
        options = table.get("options", {})
        specs.append(
            ChartSpec(
                table["id"],
                table["kind"],
                table["title"],
                table["caption"],
                table["description"],
                tuple(names),
                origin,
                options if isinstance(options, dict) else {},
            )
        )
    return specs, problems
