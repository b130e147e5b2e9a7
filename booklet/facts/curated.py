"""Read the curated figures file (seeds/facts.toml), keeping each entry's line for messages."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from booklet.diagnostics import Location, Problem, relative_to
from booklet.tomlfile import read_toml, table_lines, unknown_keys

_REQUIRED = ("id", "value", "unit", "label", "source", "quote")
_OPTIONAL = ("qualifier", "date", "group", "quantity", "note")
_CHART_REQUIRED = ("id", "kind", "title", "caption", "description", "facts")


@dataclass(frozen=True, slots=True)
class CuratedFigure:
    """A [[fact]] as the curator wrote it, before its quote is checked."""

    id: str
    value: float
    unit: str
    label: str
    source: str
    quote: str
    origin: Location
    optional: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CuratedFile:
    figures: tuple[CuratedFigure, ...]
    charts: tuple[dict[str, Any], ...]  # raw [[chart]] tables, each with "origin"
    problems: tuple[Problem, ...]


def read_curated_figures(path: Path, root: Path) -> CuratedFile:
    if not path.exists():  # a new project may have no figures yet
        return CuratedFile((), (), ())
    data, text = read_toml(path, root)
    shown = relative_to(path, root)
    problems = unknown_keys(data, ("fact", "chart"), Location(shown, 1), shown.name)
    figures: list[CuratedFigure] = []
    seen: dict[str, Location] = {}
    for entry, line in zip(_tables(data, "fact"), table_lines(text, "fact"), strict=False):
        origin = Location(shown, line)
        figure = _read_figure(entry, origin, problems)
        if figure is None:
            continue
        if figure.id in seen:
            problems.append(
                Problem(
                    origin,
                    f"two facts have the id '{figure.id}'",
                    hint=f"the first is at line {seen[figure.id].line}; give this one another id",
                )
            )
            continue
        seen[figure.id] = origin
        figures.append(figure)
    charts = []
    for entry, line in zip(_tables(data, "chart"), table_lines(text, "chart"), strict=False):
        origin = Location(shown, line)
        missing = [key for key in _CHART_REQUIRED if key not in entry]
        if missing:
            problems.append(
                Problem(
                    origin, f"the chart has no {', '.join(missing)}", hint="add the missing keys"
                )
            )
            continue
        problems += unknown_keys(entry, (*_CHART_REQUIRED, "options"), origin, "a [[chart]]")
        charts.append({**entry, "origin": origin})
    return CuratedFile(tuple(figures), tuple(charts), tuple(problems))


def _tables(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    tables = data.get(name, [])
    return (
        [table for table in tables if isinstance(table, dict)] if isinstance(tables, list) else []
    )


def _read_figure(
    entry: dict[str, Any], origin: Location, problems: list[Problem]
) -> CuratedFigure | None:
    name = f"fact '{entry['id']}'" if isinstance(entry.get("id"), str) else "a [[fact]]"
    before = len(problems)
    problems += unknown_keys(entry, (*_REQUIRED, *_OPTIONAL), origin, name)
    missing = [key for key in _REQUIRED if key not in entry]
    if missing:
        problems.append(
            Problem(
                origin,
                f"{name} has no {', '.join(missing)}",
                hint="every fact needs " + ", ".join(_REQUIRED),
            )
        )
        return None
    value = entry["value"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(
            Problem(
                origin,
                f"the value of {name} is not a number",
                hint="write it without quotes or units: value = 50000000",
            )
        )
    elif math.isnan(value) or math.isinf(value):
        problems.append(
            Problem(
                origin,
                f"the value of {name} is not a finite number",
                hint="write the number the quote states",
            )
        )
    elif value < 0:
        problems.append(
            Problem(
                origin,
                f"the value of {name} is negative",
                hint="figures count things: write the number the quote states",
            )
        )
    for key in (*_REQUIRED[2:], *_OPTIONAL, "id"):
        if key in entry and not isinstance(entry[key], str):
            problems.append(
                Problem(
                    origin,
                    f"`{key}` of {name} must be text",
                    hint=f'write it in quotes: {key} = "…"',
                )
            )
    if len(problems) > before:
        return None
    return CuratedFigure(
        id=entry["id"],
        value=float(value),
        unit=entry["unit"],
        label=entry["label"],
        source=entry["source"],
        quote=entry["quote"],
        origin=origin,
        optional={key: entry[key] for key in _OPTIONAL if key in entry},
    )
