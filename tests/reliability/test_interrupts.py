"""Ctrl-C and `kill`: sent to a real `booklet build` process at several moments of the build,
and raised in this one where timing cannot aim: while the files are written and renamed,
and inside a callback whose exception Python drops."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

import pytest

import booklet.build
import booklet.output
from booklet.alongside import alongside
from booklet.cli import main
from booklet.interrupts import Interrupted, stop_on_signals
from booklet.usercache import ENVIRONMENT_VARIABLE

from .conftest import EDITIONS, outputs

# Compiled libraries only the pipeline loads: once one is mapped into the process,
# booklet's own handling of interrupts is in place and the build has begun.
PIPELINE_LIBRARIES = ("markupsafe", "_imaging", "_rl_accel", "lxml", "charset_normalizer")
MESSAGE = "nothing was changed: the previous output is as it was\n"

STARTED = pytest.mark.skipif(
    not Path("/proc/self/maps").is_file(),
    reason="needs /proc (Linux) to see when the build process has begun its work",
)


def wait_until_working(process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 20
    maps = Path(f"/proc/{process.pid}/maps")
    while time.monotonic() < deadline and process.poll() is None:
        if any(name in maps.read_text() for name in PIPELINE_LIBRARIES):
            return
        time.sleep(0.01)
    pytest.fail("the build never began, or ended before it could be interrupted")


# After the build has begun: reading the sources, drawing the charts, composing and
# laying out (in a second process, see booklet.alongside); a cold build takes about 2 s.
@STARTED
@pytest.mark.parametrize(
    ("stop", "delay", "status", "by"),
    [
        pytest.param(signal.SIGINT, delay, 130, "", id=f"Ctrl-C after {delay} s")
        for delay in (0.0, 0.3, 0.7, 1.2)
    ]
    + [
        pytest.param(signal.SIGTERM, delay, 143, " by SIGTERM", id=f"SIGTERM after {delay} s")
        for delay in (0.1, 0.8)
    ],
)
def test_a_stopped_build_changes_nothing(built, tmp_path, stop, delay, status, by):
    shutil.rmtree(built / ".booklet-cache")  # every stage does its full work
    before = outputs(built)
    process = subprocess.Popen(
        [sys.executable, "-m", "booklet", "build", str(built)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, ENVIRONMENT_VARIABLE: str(tmp_path / "cold-cache")},
        start_new_session=True,  # a process group of its own, as a shell gives a command
    )
    wait_until_working(process)
    time.sleep(delay)
    if stop == signal.SIGINT:
        os.killpg(process.pid, stop)  # Ctrl-C reaches every process of the command
    else:
        process.send_signal(stop)  # `kill PID` reaches the one process
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (status, f"booklet: interrupted{by}; {MESSAGE}")
    assert out == ""
    assert outputs(built) == before  # byte for byte, and no temporary file left
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no process of the build is left running


def test_an_interrupt_while_the_files_are_written_leaves_the_previous_ones(
    built, monkeypatch, capsys
):
    before = outputs(built)
    real = booklet.output._write_all
    calls = []

    def interrupted_on_the_second_file(handle: int, data: bytes) -> None:
        calls.append(handle)
        real(handle, data[: len(data) // 2])
        if len(calls) == 2:
            signal.raise_signal(signal.SIGTERM)  # as `kill` would: handled, not fatal

    monkeypatch.setattr(booklet.output, "_write_all", interrupted_on_the_second_file)
    handler = signal.getsignal(signal.SIGTERM)
    assert main(["build", str(built)]) == 143
    assert capsys.readouterr().err == (
        "booklet: interrupted by SIGTERM; nothing was changed: the previous output is as it was\n"
    )
    assert outputs(built) == before
    assert signal.getsignal(signal.SIGTERM) == handler  # main() put the process's own back


def test_an_interrupt_while_the_files_are_renamed_waits_until_all_are_in_place(
    built, monkeypatch, capsys
):
    real = os.replace
    renamed = []

    def interrupted_after_the_first_rename(source: Path, target: Path) -> None:
        real(source, target)
        if Path(target).parent == built / "output":  # not the user cache's own renames
            renamed.append(Path(target).name)
            if len(renamed) == 1:
                signal.raise_signal(signal.SIGINT)  # Ctrl-C

    monkeypatch.setattr(booklet.output.os, "replace", interrupted_after_the_first_rename)
    before = outputs(built)
    assert main(["build", str(built)]) == 130
    assert capsys.readouterr().err == (
        f"booklet: interrupted once the booklet was written: {', '.join(EDITIONS)}\n"
    )
    assert renamed == list(EDITIONS)
    assert list(outputs(built)) == list(before)  # no temporary file left


def test_an_interrupt_lost_in_a_callback_still_stops_the_build(built, monkeypatch, capsys):
    """Python drops an exception raised in a weak reference's callback or a destructor."""
    real = booklet.build.compose

    def compose_then_lose_an_interrupt(*args: object, **kwargs: object) -> object:
        class Collected:
            pass

        thing = Collected()
        reference = weakref.ref(thing, lambda _: signal.raise_signal(signal.SIGINT))
        del thing  # the callback runs now: its Ctrl-C is raised there, and dropped
        assert reference() is None
        return real(*args, **kwargs)

    monkeypatch.setattr(booklet.build, "compose", compose_then_lose_an_interrupt)
    before = outputs(built)
    assert main(["build", str(built)]) == 130
    assert capsys.readouterr().err == f"booklet: interrupted; {MESSAGE}"
    assert outputs(built) == before


def test_an_interrupt_while_waiting_for_the_second_process_stops_that_process(tmp_path):
    """The digital edition is laid out in a forked process (booklet.alongside)."""
    started = tmp_path / "child"

    def work() -> bytes:
        (tmp_path / "pid").write_text(str(os.getpid()), encoding="utf-8")
        (tmp_path / "pid").rename(started)
        time.sleep(10)
        return b"never"

    with stop_on_signals(), alongside(work) as pending:
        while not started.exists():
            time.sleep(0.01)
        threading.Timer(0.2, os.kill, (os.getpid(), signal.SIGINT)).start()
        with pytest.raises(Interrupted):
            pending.result()
    child = int(started.read_text(encoding="utf-8"))
    assert child != os.getpid()
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # stopped and reaped, not left to finish and write to no one


def test_an_interrupt_while_the_command_line_loads_is_one_line_too():
    # Ctrl-C lands wherever Python is; here, while it imports booklet's command line.
    script = (
        "import sys, importlib.abc\n"
        "class Stop(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'booklet.cli':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Stop())\n"
        "from booklet.start import main\n"
        "sys.exit(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 130
    assert done.stderr == "booklet: interrupted; nothing was changed\n"
