"""What booklet keeps between builds in the user's own cache folder, outside any project.

Some kept things are only safe to read back if this user's own builds wrote them:
parsed chart drawings are pickles, and a pickle can run code. A booklet project
may come from someone else, so its .booklet-cache folder could hold anything;
the user's cache folder cannot be planted by a project. Everything here is a
speed-up only: a file that cannot be read or written is treated as missing, and
the build's output is the same with or without it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import platformdirs

ENVIRONMENT_VARIABLE = "BOOKLET_CACHE_HOME"  # tests and shared machines may point it elsewhere
_KEEP = 400  # files a folder keeps: about 6 MB of chart drawings


def folder(kind: str) -> Path:
    """Where things of one kind are kept, e.g. "drawings"; the folder may not exist yet."""
    home = os.environ.get(ENVIRONMENT_VARIABLE)
    root = Path(home) if home else platformdirs.user_cache_path("booklet", appauthor=False)
    return root / kind


def read(kind: str, name: str) -> bytes | None:
    try:
        return (folder(kind) / name).read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, data: bytes) -> None:
    """Keep `data` atomically; a folder that cannot be written just keeps nothing."""
    with contextlib.suppress(OSError):
        target = folder(kind)
        target.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, target / name)
        finally:
            Path(temporary).unlink(missing_ok=True)
        _prune(target)


def _prune(target: Path) -> None:
    """Drop the least recently written files once a folder holds more than it should."""
    entries = list(os.scandir(target))
    if len(entries) <= _KEEP:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[: len(entries) - _KEEP * 3 // 4]:
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
