"""Write outputs so that a failed or interrupted build leaves the previous ones untouched.

Every file is first written in full to a temporary file in the output folder,
then all are renamed into place; a rename within one folder is atomic.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from booklet.diagnostics import BookletError, Location, Problem


def write_atomically(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BookletError(
            Problem(
                Location(folder),
                f"cannot create the output folder: {error.strerror}",
                hint="choose another folder with --out, or check its permissions",
            )
        ) from None
    temporary: dict[Path, Path] = {}
    try:
        for name, data in files.items():
            handle, part = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
            temporary[folder / name] = Path(part)
            os.fchmod(handle, 0o666 & ~_umask())  # mkstemp makes 0600; a booklet is for sharing
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        for final, written in temporary.items():
            os.replace(written, final)
    except OSError as error:
        raise BookletError(
            Problem(
                Location(folder),
                f"cannot write the booklet: {error.strerror}",
                hint="free some disk space or check the folder's permissions; "
                "the previous booklet was left as it was",
            )
        ) from None
    finally:
        for leftover in temporary.values():
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return list(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
