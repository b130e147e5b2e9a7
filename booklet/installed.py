"""The installed version of a library, for the keys of the user's cache.

Kept charts, drawings and templates are keyed by the versions of the libraries
that made them. `importlib.metadata` answers that, but importing it costs about
15 ms (it brings the email package) and each answer a few more, on every build.
A library installed by pip has a `<name>-<version>.dist-info` folder beside its
package, so the version is read from that folder's name, and `importlib.metadata`
is asked only where there is no such folder (an egg, a zip, an odd layout).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re


@functools.cache
def version(name: str) -> str:
    """The version of the distribution that provides the top-level package `name`."""
    return _from_dist_info(name) or _from_metadata(name)


def _from_dist_info(name: str) -> str | None:
    spec = importlib.util.find_spec(name)  # finds the package without importing it
    if spec is None or spec.origin is None:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    # Folder names are normalised, but not always in the same way: jinja2-3.1.4, Jinja2-3.1.2.
    pattern = re.compile(rf"{re.escape(name)}-([^-]+)\.dist-info", re.IGNORECASE)
    found = {match[1] for entry in _entries(site) if (match := pattern.fullmatch(entry))}
    return found.pop() if len(found) == 1 else None  # two versions side by side: ask properly


@functools.cache
def _entries(folder: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(folder))
    except OSError:
        return ()


def _from_metadata(name: str) -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
