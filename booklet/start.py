"""Where the `booklet` command starts, so that Ctrl-C stops it quietly from the first moment.

Loading the command line takes about 50 ms, and booklet's own handling of Ctrl-C
(booklet.cli, booklet.interrupts) is in place only once it is loaded: a Ctrl-C in
those first milliseconds showed Python's traceback. Nothing has been read or
written by then, so it is reported as any other stop before a build.
"""

from __future__ import annotations

import signal
import sys


def main() -> int:
    try:
        from booklet.cli import main as run_command
    except KeyboardInterrupt:
        print("booklet: interrupted; nothing was changed", file=sys.stderr)
        return 128 + signal.SIGINT
    return run_command()
