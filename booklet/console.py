"""How the command line talks: problems with the line they are about, colour only on a
terminal, progress only when a build is slow enough to need it.

Part of the command line: the stages never print; they return problems.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from booklet.diagnostics import Problem
from booklet.interrupts import raise_if_stopped

PROGRESS_AFTER_S = 1.0  # a build faster than this shows no progress at all
_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "hint": "\033[36m"}
_RESET = "\033[0m"


class Console:
    def __init__(
        self,
        root: Path | None = None,
        *,
        quiet: bool = False,
        verbose: bool = False,
        err: TextIO | None = None,
        out: TextIO | None = None,
    ) -> None:
        self.root = root
        self.quiet, self.verbose = quiet, verbose
        self.err = err or sys.stderr
        self.out = out or sys.stdout
        self.warnings: list[Problem] = []
        self._stage = ""
        self._started = time.monotonic()
        self._shown = False
        self._timer: threading.Timer | None = None

    @property
    def colour(self) -> bool:
        """Colour only for a person at a terminal that wants it (https://no-color.org)."""
        return (
            self.err.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        )

    def say(self, text: str) -> None:
        """A result (what was built, where): on standard output, unless --quiet."""
        if not self.quiet:
            print(text, file=self.out)

    def report(self, problems: Sequence[Problem]) -> None:
        """Every problem, with the line it is about; warnings are also counted for the summary."""
        self.end_progress()
        for problem in problems:
            if problem.severity == "warning" and self.quiet:
                continue
            print(self.format(problem), file=self.err)

    def warn(self, problems: Iterable[Problem]) -> None:
        self.warnings += list(problems)

    def summary(self) -> None:
        """Warnings grouped after the results, and counted."""
        if self.warnings:
            self.report(self.warnings)
            if not self.quiet:
                count = len(self.warnings)
                print(f"{count} warning{'s' if count > 1 else ''}", file=self.err)
            self.warnings = []

    def format(self, problem: Problem) -> str:
        where = f"{problem.location}: " if problem.location else ""
        lines = [f"{where}{self._paint(problem.severity)}: {problem.message}"]
        if (shown := self._source_line(problem)) is not None:
            number, text = shown
            lines.append(f"{number:>6} | {text}")
        if problem.hint:
            lines.append(f"  {self._paint('hint')}: {problem.hint}")
        return "\n".join(lines)

    def stage(self, name: str) -> None:
        """Progress on a terminal: shown only once a build has taken more than a second.

        Between stages, a Ctrl-C whose exception was lost stops the build after all."""
        raise_if_stopped()
        self._stage = name
        if self._shown:
            self._draw()
        elif self._timer is None and self.err.isatty() and not self.quiet:
            self._timer = threading.Timer(PROGRESS_AFTER_S, self._draw)
            self._timer.daemon = True
            self._timer.start()

    def end_progress(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._shown:
            self.err.write("\r\033[K")
            self.err.flush()
            self._shown = False

    def _draw(self) -> None:
        elapsed = time.monotonic() - self._started
        self.err.write(f"\r\033[K{self._stage}… ({elapsed:.1f} s)")
        self.err.flush()
        self._shown = True

    def _paint(self, word: str) -> str:
        return f"{_COLOURS[word]}{word}{_RESET}" if self.colour and word in _COLOURS else word

    def _source_line(self, problem: Problem) -> tuple[int, str] | None:
        """The line of the user's file the problem is about, to show under the message."""
        location = problem.location
        if self.root is None or location is None or not location.line:
            return None
        path = location.path if location.path.is_absolute() else self.root / location.path
        try:
            with path.open(encoding="utf-8", errors="replace") as file:
                for number, text in enumerate(file, start=1):
                    if number == location.line:
                        return number, text.rstrip("\n")[:160]
        except OSError:
            return None
        return None


def built_summary(path: Path) -> str:
    """ "wrote output/x.pdf (32 pages, 186 KB)": what a build made, for the person who ran it."""
    data = path.read_bytes()
    try:
        shown = path.relative_to(Path.cwd())
    except ValueError:
        shown = path
    if path.suffix != ".pdf":
        return f"wrote {shown} ({len(data) // 1024} KB)"
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    return f"wrote {shown} ({pages} pages, {len(data) // 1024} KB)"
