"""Problems as data: where, what, and what to do about it.

Stages return or raise these; only the command line prints them and picks the
exit status (1 for a booklet with problems, 2 for bad usage or unreadable input).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True, slots=True)
class Location:
    """A place in one of the user's files; the path is relative to the project."""

    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path.as_posix()}:{self.line}" if self.line else self.path.as_posix()


@dataclass(frozen=True, slots=True)
class Problem:
    location: Location | None
    message: str  # lowercase, no final period
    hint: str | None = None  # one sentence that says what to do next
    severity: Literal["error", "warning"] = "error"
    is_unreadable_input: bool = False  # a file that cannot or may not be read: exit status 2

    def format(self) -> str:
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.severity}: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.location.path.as_posix() if self.location else None,
            "line": self.location.line if self.location else None,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


class BookletError(Exception):
    """Bad usage or unreadable input (exit status 2), with any other problems found alongside."""

    exit_status = 2

    def __init__(self, problem: Problem, *more: Problem) -> None:
        self.problems = (problem, *more)
        super().__init__("\n".join(each.format() for each in self.problems))

    def __reduce__(self) -> tuple[type[BookletError], tuple[Problem, ...]]:
        return type(self), self.problems  # so it survives the pipe from a second process

    @property
    def problem(self) -> Problem:
        return self.problems[0]


class ProblemsFoundError(Exception):
    """The booklet itself has problems, all listed at once (exit status 1)."""

    exit_status = 1

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(problem.format() for problem in self.problems))

    def __reduce__(self) -> tuple[type[ProblemsFoundError], tuple[tuple[Problem, ...]]]:
        return type(self), (self.problems,)


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity == "error"]


def exit_status(problems: Iterable[Problem]) -> int:
    """0 without errors; 2 if an error is about unreadable input; else 1."""
    errors = errors_in(problems)
    if any(error.is_unreadable_input for error in errors):
        return BookletError.exit_status
    return ProblemsFoundError.exit_status if errors else 0


def stopping_error(problems: Iterable[Problem]) -> BookletError | ProblemsFoundError:
    """All the problems in one exception, whose exit status is that of the worst of them."""
    problems = tuple(problems)
    if exit_status(problems) == BookletError.exit_status:
        return BookletError(*problems)
    return ProblemsFoundError(problems)


def raise_if_errors(problems: Iterable[Problem]) -> None:
    """Stop the build if any problem is an error; warnings pass."""
    if errors := errors_in(problems):
        raise stopping_error(errors)


def relative_to(path: Path, root: Path) -> Path:
    """The path as the user knows it: relative to the project where possible."""
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def reason(error: Exception) -> str:
    """What the system said went wrong with a file, worded for the middle of a message."""
    return (getattr(error, "strerror", None) or str(error)).lower()
