"""Read a chart's options, turning each one of the wrong shape into a Problem.

Options come straight from the curator's TOML, so every value is checked before
a chart is drawn: a typo gives a message at the chart's line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec
from booklet.tomlfile import unknown_keys


class OptionReader:
    """The options of one chart; `problems` collects what was wrong with them."""

    def __init__(self, spec: ChartSpec, known: Iterable[str]) -> None:
        self.spec = spec
        self.problems: list[Problem] = unknown_keys(
            spec.options, known, spec.origin, f"the options of chart '{spec.id}'"
        )

    def problem(self, message: str, hint: str) -> None:
        self.problems.append(Problem(self.spec.origin, f"chart '{self.spec.id}': {message}", hint))

    def wrong(self, name: str, shape: str, example: str) -> None:
        self.problem(f"option `{name}` must be {shape}", f"write it like this: {example}")

    def flag(self, name: str, default: bool) -> bool:
        value = self.spec.options.get(name, default)
        if not isinstance(value, bool):
            self.wrong(name, "true or false", f"{name} = true")
            return default
        return value

    def texts(self, name: str, example: str) -> tuple[str, ...] | None:
        """A list of text, or None when the option is absent or of the wrong shape."""
        if name not in self.spec.options:
            return None
        value = self.spec.options[name]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.wrong(name, "a list of text", example)
            return None
        return tuple(value)

    def table(self, name: str, example: str) -> dict[str, Any]:
        """A TOML table; empty when absent or of the wrong shape."""
        value = self.spec.options.get(name, {})
        if not isinstance(value, dict):
            self.wrong(name, "a table", example)
            return {}
        return value


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
