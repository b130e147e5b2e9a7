"""Write outputs so that a failed or interrupted build leaves the previous ones untouched.

Every file is first written in full to a temporary file in the output folder,
then all are renamed into place; a rename within one folder is atomic. A full
disk, a folder that may not be written, Ctrl-C or a `kill` while the files are
written: each leaves the folder as it was, without temporary files. Nothing is
renamed after a Ctrl-C, even one whose exception was lost (booklet.interrupts),
and one that arrives during the renames waits the few microseconds until all of
them are done, so the folder never holds old and new editions side by side.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from booklet.diagnostics import BookletError, Location, Problem, reason
from booklet.interrupts import held, interrupted, raise_if_stopped

_PART_SUFFIX = ".part"  # temporary files: .<name>.<random>.part, gone when a write ends
_KEPT = "the previous booklet was left as it was"
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_FORBIDDEN = (errno.EACCES, errno.EPERM, errno.EROFS)


def write_atomically(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Put every file in `folder`, or none: on failure the folder is as it was."""
    _make_folder(folder)
    finals = [folder / name for name in files]
    parts: list[Path] = []
    try:
        _refuse_folders_in_the_way(finals)
        for final, data in zip(finals, files.values(), strict=True):
            parts.append(folder / f".{final.name}.{secrets.token_hex(4)}{_PART_SUFFIX}")
            _write_file(parts[-1], data)
        with held() as stops:
            raise_if_stopped()
            for part, final in zip(parts, finals, strict=True):
                os.replace(part, final)
    except OSError as error:
        raise BookletError(_write_problem(folder, error)) from None
    finally:
        for part in parts:  # after a rename there is nothing left to remove
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
    if stops:
        raise interrupted(stops[0], written=finals)
    return finals


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BookletError(
            Problem(
                Location(folder),
                "this is a file, and the booklet is written into a folder",
                hint="give --out the name of a folder (a new one is created)",
            )
        ) from None
    except OSError as error:
        raise BookletError(
            Problem(
                Location(folder),
                f"cannot create the output folder: {reason(error)}",
                hint="choose another folder with --out, or check the permissions of its parent",
            )
        ) from None


def _refuse_folders_in_the_way(finals: list[Path]) -> None:
    """Checked first: a rename onto a folder would fail after the others were done."""
    if taken := next((final for final in finals if final.is_dir()), None):
        raise BookletError(
            Problem(
                Location(taken),
                "a folder has the name the booklet's file should have",
                hint=f"move or rename that folder, or choose another with --out; {_KEPT}",
            )
        )


def _write_file(path: Path, data: bytes) -> None:
    # O_EXCL: never through a file or link that is already there. Mode 0o666 less the
    # umask, as any new file gets: a booklet is for sharing.
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        _write_all(handle, data)
        os.fsync(handle)
    finally:
        os.close(handle)


def _write_all(handle: int, data: bytes) -> None:
    """The lowest write; the system may take fewer bytes than it is given."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _write_problem(folder: Path, error: OSError) -> Problem:
    if error.errno in _FULL:
        message, hint = "the disk is full", "free some disk space, then build again"
    elif error.errno in _FORBIDDEN:
        message = "this folder may not be written to"
        hint = "make it writable, or choose another folder with --out"
    else:
        message, hint = (
            reason(error),
            "check the folder and the disk, or choose another with --out",
        )
    return Problem(
        Location(folder), f"cannot write the booklet: {message}", hint=f"{hint}; {_KEPT}"
    )
