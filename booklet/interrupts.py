"""How Ctrl-C and SIGTERM stop booklet: at once, and never half-way through putting files in place.

Python turns Ctrl-C into an exception wherever the program is, so temporary files
are removed on the way out; SIGTERM (`kill`, a closing session, a service being
stopped) is made to do the same. Two gaps remain, and this module closes them.
An exception raised while Python runs a destructor or a weak reference's callback
is dropped (with a traceback on stderr), and the build would go on to write the
booklet it was asked to abandon: so every stop is also noted, quietly dropped,
and raised again at the next stage and before any output is put in place. And a
process forked to lay out pages alongside (booklet.alongside) gets the terminal's
Ctrl-C too: it lets it pass, as the process that started it stops it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

STOPPING = (signal.SIGINT, signal.SIGTERM)
Handler = Callable[[int, FrameType | None], object]
_stops: list[int] = []  # the signals received while stop_on_signals() was in force


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM; `written` names the files already in place when it came, if any.

    A library may raise it again made from a longer message (ReportLab adds where it
    was); it then takes its signal from the stops noted."""

    def __init__(
        self, *args: object, signal_number: int | None = None, written: Sequence[Path] = ()
    ) -> None:
        super().__init__(*args)
        self.signal_number = signal_number or (_stops[0] if _stops else signal.SIGINT)
        self.written = tuple(written)


def interrupted(number: int, written: Sequence[Path] = ()) -> Interrupted:
    return Interrupted(signal.Signals(number).name, signal_number=number, written=written)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, Ctrl-C and SIGTERM raise Interrupted in this process, and are noted."""
    with _handled(_stopper(os.getpid())):
        _stops.clear()
        report_unraisable = sys.unraisablehook
        sys.unraisablehook = _quiet_about_stops(report_unraisable)
        try:
            yield
        finally:
            sys.unraisablehook = report_unraisable
            _stops.clear()


def raise_if_stopped() -> None:
    """Interrupted again, for a stop whose exception was dropped on the way."""
    if _stops:
        raise interrupted(_stops[0])


@contextlib.contextmanager
def held() -> Iterator[list[int]]:
    """Within the block, Ctrl-C and SIGTERM are only noted, in the list it gives."""
    noted: list[int] = []
    with _handled(lambda number, frame: noted.append(number)):
        yield noted


def _stopper(owner: int) -> Handler:
    def stop(number: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:
            return  # a process forked to work alongside: the one that started it stops it
        _stops.append(number)
        raise interrupted(number)

    return stop


def _quiet_about_stops(
    report: Callable[[sys.UnraisableHookArgs], object],
) -> Callable[[sys.UnraisableHookArgs], None]:
    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, Interrupted):  # a noted stop: raised again
            report(unraisable)

    return hook


@contextlib.contextmanager
def _handled(handler: Handler) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; the process keeps its own
        return
    previous = {number: signal.signal(number, handler) for number in STOPPING}
    try:
        yield
    finally:
        for number, before in previous.items():
            signal.signal(number, signal.SIG_DFL if before is None else before)
