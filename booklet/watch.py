"""`booklet watch`: rebuild whenever the curator saves a file, and never stop on a mistake.

The project's inputs (booklet.toml, seeds/, templates/, assets/) are polled a few
times a second, which needs no extra package and works on every file system. The
rebuild runs in this process, so imported libraries, registered fonts and the chart
cache stay warm: only what changed costs time.

While editing, the page on screen is what matters: so the watch rebuilds the
digital edition alone unless told an edition more. Setting the print edition and
the handout too would make every save wait about a third longer for a file nobody
looks at until the text is done; `booklet build` makes them all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from pathlib import Path

from booklet.build import Checked, build, check
from booklet.console import Console, built_summary
from booklet.diagnostics import BookletError, Problem, ProblemsFoundError
from booklet.project import MANIFEST, Edition, Project, load_project

POLL_S = 0.05  # a save is seen within 50 ms; a poll of a usual project costs under 1 ms
_WATCHED = (MANIFEST, "seeds", "templates", "assets")

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(root: Path) -> Fingerprint:
    """Name, size and modification time of every input file: any save changes it."""
    entries = []
    for name in _WATCHED:
        top = root / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for path in paths:
            try:
                stat = path.stat()
            except OSError:
                continue  # removed while we looked: the next poll sees it gone
            entries.append((str(path.relative_to(root)), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


class CheckedSources:
    """What `check` found, kept while no file it reads has changed (booklet.toml and
    seeds/): after a template edit the sources are not read and verified again, which
    took 45 ms of a 0.3 s rebuild."""

    def __init__(self) -> None:
        self._read: Fingerprint | None = None
        self._checked: Checked | None = None

    def of(self, project: Project, seen: Fingerprint) -> Checked:
        read = tuple(entry for entry in seen if Path(entry[0]).parts[0] in (MANIFEST, "seeds"))
        if self._checked is None or read != self._read:
            self._checked, self._read = check(project), read
        return self._checked


def rebuild(
    root: Path,
    console: Console,
    editions: Collection[Edition],
    sources: CheckedSources,
    seen: Fingerprint,
) -> bool:
    """One build; problems are reported, not raised, so the watch goes on.

    `seen`: the project's files as they were when this save was noticed.
    """
    started = time.perf_counter()
    try:
        project = load_project(root)
        checked = sources.of(project, seen)
        paths = build(project, editions, reporter=console, checked=checked)
    except (ProblemsFoundError, BookletError) as failed:
        console.report(failed.problems)
        console.say("not rebuilt: fix the problems above and save again")
        return False
    except Exception as error:  # a fault of booklet's own: say so, and keep watching
        console.report(
            [
                Problem(
                    None,
                    f"internal error: {type(error).__name__}: {error}",
                    hint="this is a bug in booklet; `booklet build --verbose` shows where",
                )
            ]
        )
        console.say("not rebuilt: fix the problems above and save again")
        return False
    for path in paths:
        console.say(built_summary(path))
    console.summary()
    console.say(f"rebuilt in {time.perf_counter() - started:.2f} s; watching for changes")
    return True


def watch(
    root: Path,
    console: Console,
    editions: Collection[Edition] = (Edition.DIGITAL,),
    *,
    keep_going: Callable[[], bool] = lambda: True,
) -> None:
    """Build now, then again after every change, until Ctrl-C (or keep_going says stop).

    The digital edition is always built; `editions` may name more.
    """
    root = root.resolve()
    load_project(root)  # a folder that is not a project is an error at once, not in the loop
    seen = fingerprint(root)
    sources = CheckedSources()
    rebuild(root, console, editions, sources, seen)
    while keep_going():
        time.sleep(POLL_S)
        current = fingerprint(root)
        if current != seen:
            seen = current
            rebuild(root, console, editions, sources, seen)
