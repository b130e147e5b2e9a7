"""Read the curator's TOML files with messages that point into them.

tomllib gives no line numbers for values, so entries are located by searching
the text for their table header or key: good enough to send the reader to the
right place, and no extra dependency.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from booklet.diagnostics import BookletError, Location, Problem, relative_to


def read_toml(path: Path, root: Path) -> tuple[dict[str, Any], str]:
    """The parsed file and its text; a missing or broken file is a BookletError."""
    shown = relative_to(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BookletError(
            Problem(Location(shown), "file not found", hint="create it, or run `booklet new`")
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BookletError(
            Problem(Location(shown), f"cannot read the file: {error}", hint="save it as UTF-8")
        ) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        # Python 3.11 keeps the position only in the message: "… (at line 9, column 17)"
        position = re.search(r"\(at line (\d+), column \d+\)", str(error))
        line = int(position[1]) if position else None
        message = str(error).split(" (at line")[0]
        raise BookletError(
            Problem(
                Location(shown, line),
                f"this is not valid TOML: {message.lower()}",
                hint="check quotes, brackets and `=` on that line",
            )
        ) from None


def table_lines(text: str, header: str) -> list[int]:
    """1-based line numbers of each `[[header]]` in the text, in order."""
    pattern = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(header)}[ \t]*\]\]", re.MULTILINE)
    return [text.count("\n", 0, match.start()) + 1 for match in pattern.finditer(text)]


def key_line(text: str, key: str, start_line: int = 1) -> int | None:
    """The first line at or after start_line that sets `key = …`."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines()[start_line - 1 :], start=start_line):
        if pattern.match(line):
            return number
    return None


def near_miss(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_keys(
    table: Mapping[str, Any], allowed: Iterable[str], location: Location, what: str
) -> list[Problem]:
    allowed = list(allowed)
    problems = []
    for key in table:
        if key not in allowed:
            guess = near_miss(key, allowed)
            hint = f"did you mean `{guess}`?" if guess else f"known keys: {', '.join(allowed)}"
            problems.append(Problem(location, f"unknown key `{key}` in {what}", hint=hint))
    return problems
