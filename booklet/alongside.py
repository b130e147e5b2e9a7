"""Run one part of a build in a second process while this one goes on with the rest.

A build is mostly single-threaded Python, and the machines booklet runs on have
two cores or more. Laying out the digital edition takes longest; the handout
and getting the print edition ready do not depend on it. So the digital edition
is laid out in a forked copy of this process (which has already read, cleaned
and composed everything) while this one does the rest, and its bytes come back
through a pipe. Where fork is missing (Windows) or unsafe (other threads are
running), the work is simply done here, later: the result is the same bytes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Pending(Generic[T]):
    """Work started alongside; `result()` waits for it and returns it or raises its error.

    Use it in a `with` block, so that a child whose result is not wanted is stopped."""

    def __init__(self, work: Callable[[], T], *, fork: bool) -> None:
        self._work: Callable[[], T] | None = work
        self._child: tuple[int, int] | None = None  # process id and the pipe's reading end
        if fork and hasattr(os, "fork") and threading.active_count() == 1:
            self._child = _start(work)
            self._work = None

    def __enter__(self) -> Pending[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop the child if its result was never asked for (the build failed meanwhile)."""
        if self._child is not None:
            pid, reading = self._child
            self._child = None
            os.close(reading)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

    def result(self) -> T:
        if self._work is not None:
            return self._work()
        assert self._child is not None
        pid, reading = self._child
        with os.fdopen(reading, "rb", closefd=False) as pipe:
            data = pipe.read()  # if Ctrl-C comes meanwhile, __exit__ still stops the child
        self._child = None
        os.close(reading)
        os.waitpid(pid, 0)
        if not data:  # the child was killed before it could answer
            raise RuntimeError("the second build process stopped without a result")
        succeeded, value = pickle.loads(data)
        if succeeded:
            return value  # type: ignore[no-any-return]
        raise value


def alongside(work: Callable[[], T], *, fork: bool = True) -> Pending[T]:
    return Pending(work, fork=fork)


def _start(work: Callable[[], object]) -> tuple[int, int]:
    reading, writing = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writing)
        return pid, reading
    os.close(reading)  # the child from here on: it never returns
    try:
        outcome: tuple[bool, object] = (True, work())
    except BaseException as error:  # every error, even Ctrl-C, is the parent's to report
        outcome = (False, error)
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # an error that cannot be pickled is reported by its words
        data = pickle.dumps((False, RuntimeError(f"{type(outcome[1]).__name__}: {error}")))
    try:
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)  # fails if the parent stopped listening: the child ends all the same
    finally:
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffered output
