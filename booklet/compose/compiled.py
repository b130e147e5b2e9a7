"""Templates compiled once: Jinja's compiled code kept in the user's cache between builds.

Compiling the default booklet's ten templates takes about 25 ms a build. The
compiled code is marshalled Python, which can run anything, so it is kept in
the user's cache rather than the project (see booklet.usercache), in a folder
named by what shapes the compiling: Jinja's version and how booklet sets up its
environment. Jinja itself checks each template's source and the Python version.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from jinja2.bccache import Bucket, FileSystemBytecodeCache

from booklet import installed, usercache

_ENVIRONMENT_CODE = Path(__file__).with_name("environment.py")


class KeptTemplates(FileSystemBytecodeCache):
    """A cache that never fails a build: what cannot be read or kept is compiled again."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a file cut short or damaged
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def kept_templates() -> KeptTemplates | None:
    """The cache for this version of Jinja and booklet's environment, or None if the user's
    cache folder cannot be made."""
    fingerprint = hashlib.sha256(installed.version("jinja2").encode())
    fingerprint.update(_ENVIRONMENT_CODE.read_bytes())
    folder = usercache.folder("templates") / fingerprint.hexdigest()[:32]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return KeptTemplates(str(folder))
