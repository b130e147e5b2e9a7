"""Work done in a second process comes back whole: its value, its error, or a clear failure."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from booklet.alongside import alongside
from booklet.diagnostics import BookletError, Location, Problem, ProblemsFoundError

PROBLEM = Problem(Location(Path("templates/one.jinja"), 3), "there is no fact 'loafs'", hint="h")


def in_child(record: list[int]) -> tuple[int, bytes]:
    record.append(os.getpid())
    return os.getpid(), b"%PDF-" + bytes(range(256)) * 1000  # more than a pipe holds at once


def test_the_value_comes_back_from_another_process() -> None:
    record: list[int] = []
    with alongside(lambda: in_child(record)) as pending:
        pid, data = pending.result()
    assert pid != os.getpid()
    assert record == []  # the work ran elsewhere
    assert data.startswith(b"%PDF-")
    assert len(data) == 256_005


def test_without_fork_the_work_runs_here_when_asked() -> None:
    record: list[int] = []
    with alongside(lambda: in_child(record), fork=False) as pending:
        assert record == []
        pid, _ = pending.result()
    assert pid == os.getpid()
    assert record == [os.getpid()]


@pytest.mark.parametrize(
    "error",
    [BookletError(PROBLEM, PROBLEM), ProblemsFoundError([PROBLEM]), ValueError("a bug")],
)
def test_an_error_comes_back_as_itself(error: Exception) -> None:
    def fail() -> None:
        raise error

    with alongside(fail) as pending, pytest.raises(type(error)) as raised:
        pending.result()
    assert str(raised.value) == str(error)
    assert getattr(raised.value, "problems", None) == getattr(error, "problems", None)


def test_a_child_whose_result_is_not_wanted_is_stopped() -> None:
    with alongside(lambda: time.sleep(60)) as pending:
        assert pending._child is not None
        pid = pending._child[0]
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # gone, and reaped


def test_a_killed_child_is_a_clear_error() -> None:
    with alongside(lambda: time.sleep(60)) as pending:
        assert pending._child is not None
        os.kill(pending._child[0], signal.SIGKILL)
        with pytest.raises(RuntimeError, match="stopped without a result"):
            pending.result()
