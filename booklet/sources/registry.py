"""Read seeds/sources.toml: which saved documents the booklet draws on, and how far to trust them.

Every entry names a file inside the project and the SHA-256 of its bytes, so a
document that changed after it was curated is noticed before its quotes are
trusted. A file outside the project is never read, whether the path leads
there or a link does.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from booklet.diagnostics import BookletError, Location, Problem, reason, relative_to
from booklet.project import Project
from booklet.tomlfile import key_line, near_miss, read_toml, table_lines, unknown_keys

from .dump import GLOSSARY_FILE
from .model import SourceInfo, Trust

_REQUIRED = ("id", "file", "sha256", "title", "kind", "trust", "trust_note")
_OPTIONAL = ("author", "publisher", "published", "url", "accessed", "license")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_UNKNOWN = "unknown"
_RESERVED_ID = Path(GLOSSARY_FILE).stem


@dataclass(frozen=True, slots=True)
class Entry:
    """A source that passed its checks on metadata and path, with the bytes of its file."""

    info: SourceInfo
    data: bytes


def read_registry(project: Project) -> tuple[list[SourceInfo], list[Problem]]:
    entries, problems = read_entries(project)
    return [entry.info for entry in entries], problems


def read_entries(project: Project) -> tuple[list[Entry], list[Problem]]:
    """Every usable source with its bytes, and every problem found on the way."""
    path = project.sources_file
    shown = relative_to(path, project.root)
    data, text = read_toml(path, project.root)
    problems = unknown_keys(data, ["source"], Location(shown), shown.as_posix())
    tables = data.get("source", [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        problems.append(
            Problem(
                Location(shown, key_line(text, "source")),
                "`source` must be a list of [[source]] tables",
                hint="start each source with a line [[source]]",
            )
        )
        return [], problems
    reader = _EntryReader(project.root, shown, text, problems)
    starts = table_lines(text, "source")
    entries = []
    for number, table in enumerate(tables):
        entry = reader.read(table, starts[number] if number < len(starts) else None)
        if entry is not None:
            entries.append(entry)
    return entries, problems


class _EntryReader:
    """Checks one [[source]] table after another, remembering the ids already used."""

    def __init__(self, root: Path, shown: Path, text: str, problems: list[Problem]) -> None:
        self.root = root.resolve()
        self.shown = shown
        self.text = text
        self.problems = problems
        self.ids: dict[str, int | None] = {}

    def read(self, table: dict[str, Any], start: int | None) -> Entry | None:
        name = table.get("id") if isinstance(table.get("id"), str) else None
        what = f"source '{name}'" if name else "this source"
        self.problems.extend(
            unknown_keys(table, (*_REQUIRED, *_OPTIONAL), Location(self.shown, start), "[[source]]")
        )
        before = len(self.problems)
        values = {key: self._text(table, key, start, what) for key in (*_REQUIRED, *_OPTIONAL)}
        trust = self._trust(values["trust"], start)
        self._check_id(values["id"], start)
        data = self._read_file(values["file"], start, what)
        for key in _REQUIRED:
            if key not in table:
                value = hashlib.sha256(data).hexdigest() if key == "sha256" and data else "…"
                self._problem(start, f"{what} has no `{key}`", f'add a line: {key} = "{value}"')
        if len(self.problems) > before or data is None or trust is None:
            return None
        if values["sha256"] is not None:
            self._check_sha256(data, values["sha256"], str(values["file"]), start)
        if not data.strip():  # kept, so that templates citing it still find it
            self.problems.append(
                Problem(
                    self._where("file", start),
                    f"{values['file']} is empty",
                    hint="save the document again: the booklet has nothing to quote from it",
                    severity="warning",
                )
            )
        info = SourceInfo(
            id=str(values["id"]),
            file=str(values["file"]),
            sha256=str(values["sha256"]),
            title=str(values["title"]),
            kind=str(values["kind"]),
            trust=trust,
            trust_note=str(values["trust_note"]),
            author=_known(values["author"]),
            publisher=_known(values["publisher"]),
            published=_known(values["published"]),
            url=_known(values["url"]),
            accessed=_known(values["accessed"]),
            license=_known(values["license"]),
            origin=Location(self.shown, start),
        )
        return Entry(info, data)

    def _where(self, key: str, start: int | None) -> Location:
        return Location(self.shown, key_line(self.text, key, start or 1) or start)

    def _problem(self, line: int | None, message: str, hint: str) -> None:
        self.problems.append(Problem(Location(self.shown, line), message, hint=hint))

    def _text(self, table: dict[str, Any], key: str, start: int | None, what: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.date | datetime.datetime):
            return value.isoformat()
        if isinstance(value, str) and value.strip():
            return value.strip()
        problem = "is empty" if isinstance(value, str) else "must be text"
        hint = f'write it in quotes: {key} = "…"'
        self.problems.append(
            Problem(self._where(key, start), f"`{key}` of {what} {problem}", hint=hint)
        )
        return None

    def _trust(self, value: str | None, start: int | None) -> Trust | None:
        if value is None:
            return None
        try:
            return Trust(value)
        except ValueError:
            choices = [trust.value for trust in Trust]
            guess = near_miss(value, choices)
            hint = f'did you mean "{guess}"?' if guess else f"use one of: {', '.join(choices)}"
            self.problems.append(
                Problem(self._where("trust", start), f"`trust` cannot be {value!r}", hint=hint)
            )
            return None

    def _check_id(self, value: str | None, start: int | None) -> None:
        if value is None:
            return
        if not _ID.fullmatch(value):
            suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-source"
            self.problems.append(
                Problem(
                    self._where("id", start),
                    f"the source id {value!r} may only use a-z, 0-9 and -",
                    hint=f'write it as id = "{suggestion}"',
                )
            )
        elif value == _RESERVED_ID:
            self.problems.append(
                Problem(
                    self._where("id", start),
                    f"the source id '{value}' is taken by the glossary of `booklet sources --dump`",
                    hint=f'choose another id, such as "{value}-source"',
                )
            )
        elif value in self.ids:
            first = self.ids[value]
            also = f" (it is also on line {first})" if first else ""
            self.problems.append(
                Problem(
                    self._where("id", start),
                    f"two sources have the id '{value}'{also}",
                    hint="give each source its own id",
                )
            )
        else:
            self.ids[value] = key_line(self.text, "id", start or 1)

    def _read_file(self, file: str | None, start: int | None, what: str) -> bytes | None:
        """The file's bytes; None when it may not or cannot be read (a problem says why)."""
        if file is None:
            return None
        where = self._where("file", start)
        path = self.root / file
        try:
            if Path(file).is_absolute() or not Path(os.path.normpath(path)).is_relative_to(
                self.root
            ):
                hint = "copy the document into seeds/ and name it from there"
                message = f"{file} is outside the project"
                self.problems.append(_unreadable(where, message, hint))
                return None
            if not path.resolve().is_relative_to(self.root):
                hint = "copy the document itself into seeds/"
                message = f"{file} is a link to a file outside the project"
                self.problems.append(_unreadable(where, message, hint))
                return None
            if not path.exists():
                hint = f"check the `file` of {what}, or save the document there"
                raise BookletError(Problem(where, f"{file} does not exist", hint=hint))
            return path.read_bytes()
        except (OSError, ValueError, RuntimeError) as error:  # unreadable, bad name, link loop
            hint = "check that it is a readable file"
            self.problems.append(_unreadable(where, f"cannot read {file}: {reason(error)}", hint))
            return None

    def _check_sha256(self, data: bytes, recorded: str, file: str, start: int | None) -> None:
        actual = hashlib.sha256(data).hexdigest()
        if recorded.lower() != actual:
            self.problems.append(
                Problem(
                    self._where("sha256", start),
                    f"{file} has changed since its sha256 was recorded",
                    hint=f'check the file, then update sha256 to "{actual}"',
                )
            )


def _unreadable(where: Location, message: str, hint: str) -> Problem:
    """A saved document that may not or cannot be read: bad input, not a curation slip."""
    return Problem(where, message, hint=hint, is_unreadable_input=True)


def _known(value: str | None) -> str | None:
    """None for a missing value and for the word "unknown": unknown is never guessed."""
    if value is None or value.casefold() == _UNKNOWN:
        return None
    return value
