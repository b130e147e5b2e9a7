"""Build several booklet projects in one call, each in a process of its own.

A museum may keep one project per exhibition, or a teacher one per class, and
rebuild them all after changing a shared template. Each build is single-
threaded Python, so `booklet build A B C --jobs N` runs up to N at once, one
process each. Results come back in the order the projects were named, so the
output reads the same however the work was shared out.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from booklet.diagnostics import BookletError, Location, Problem, ProblemsFoundError
from booklet.interrupts import interrupted
from booklet.project import Edition, load_project


@dataclass(frozen=True, slots=True)
class Request:
    """One project to build, as the command line asked for it."""

    root: Path
    out: Path | None = None
    editions: tuple[Edition, ...] | None = None
    grayscale: bool = False


@dataclass(frozen=True, slots=True)
class Built:
    """What became of one project: the files written, or why not."""

    root: Path
    paths: tuple[Path, ...] = ()
    warnings: tuple[Problem, ...] = ()
    failure: BookletError | ProblemsFoundError | None = None
    fault: str | None = None  # a fault of booklet's own: the traceback, for --verbose

    @property
    def exit_status(self) -> int:
        if self.fault is not None:
            return 70
        return 0 if self.failure is None else self.failure.exit_status


@dataclass
class _Collected:
    """The build's reporter in a worker: warnings are kept for the parent to print."""

    warnings: list[Problem] = field(default_factory=list)

    def stage(self, name: str) -> None:
        pass

    def warn(self, problems: Iterable[Problem]) -> None:
        self.warnings += problems


def available_cores() -> int:
    """The cores this process may use (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def build_many(requests: Sequence[Request], jobs: int) -> list[Built]:
    """Each project built, in the order given; up to `jobs` at once.

    If this process is stopped (Ctrl-C), the builds still running are killed: each
    leaves its previous booklet as it was. Those already finished are named in the
    Interrupted raised, as they have been written.
    """
    _refuse_shared_outputs(requests)
    workers = min(jobs, len(requests))
    done: dict[int, Built] = {}
    try:
        if workers <= 1:
            for index, request in enumerate(requests):
                done[index] = build_one(request)
        else:
            with multiprocessing.get_context().Pool(workers, _leave_stops_to_parent) as pool:
                for index, built in pool.imap_unordered(_numbered, enumerate(requests)):
                    done[index] = built
    except KeyboardInterrupt as stop:  # the pool's workers were terminated on the way out
        written = [path for built in done.values() for path in built.paths]
        raise interrupted(getattr(stop, "signal_number", signal.SIGINT), written) from None
    return [done[index] for index in range(len(requests))]


def _numbered(item: tuple[int, Request]) -> tuple[int, Built]:
    return item[0], build_one(item[1])


def _leave_stops_to_parent() -> None:
    """In a worker: Ctrl-C is the parent's to act on; SIGTERM (the parent ending the pool)
    ends the worker at once, before it can put a half-finished build in place."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def build_one(request: Request) -> Built:
    """One project, with every outcome returned rather than raised: it may run in a worker."""
    from booklet.build import build

    reporter = _Collected()
    try:
        project = load_project(request.root)
        if request.out is not None:
            project = project.with_output(request.out)
        paths = build(project, request.editions, reporter, grayscale=request.grayscale, jobs=1)
    except (BookletError, ProblemsFoundError) as failure:
        return Built(request.root, warnings=tuple(reporter.warnings), failure=failure)
    except Exception:
        return Built(request.root, warnings=tuple(reporter.warnings), fault=traceback.format_exc())
    return Built(request.root, tuple(paths), tuple(reporter.warnings))


def _refuse_shared_outputs(requests: Sequence[Request]) -> None:
    """Two projects writing one file would each overwrite the other's booklet."""
    seen: dict[tuple[Path, str], Path] = {}
    for request in requests:
        if request.out is None:
            continue
        try:
            slug = load_project(request.root).slug
        except BookletError:
            continue  # its build reports it
        if (first := seen.setdefault((request.out, slug), request.root)) != request.root:
            raise BookletError(
                Problem(
                    Location(request.root / "booklet.toml"),
                    f"this booklet and the one in {first} are both called '{slug}' and would "
                    f"be written to the same files in {request.out}",
                    hint="give one of them another `slug` in booklet.toml, or build them into "
                    "different folders",
                )
            )
