"""Keep drawn charts by a hash of everything that shapes them, so rebuilds skip matplotlib.

The key covers the kind, the facts as drawn (values, labels, units, qualifiers,
dates, sources), the options, the style with its font files, the matplotlib
version and this package's own code. Titles and captions are not in it: the
layout prints them beside the drawing, so editing one redraws nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path

from booklet import installed
from booklet.facts.model import Fact

from .kinds import Chart
from .model import ChartStyle

_CODE_DIR = Path(__file__).parent


def code_fingerprint() -> str:
    """A hash of the charts code: a change to how charts are drawn empties the cache."""
    digest = hashlib.sha256()
    for path in sorted(_CODE_DIR.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def chart_key(kind: str, chart: Chart, style: ChartStyle, code: str) -> str:
    payload = {
        "kind": kind,
        "chart": _plain(chart),
        # the font files by name and size, not by where they are: a moved project keeps its cache
        "style": _plain(dataclasses.replace(style, font_files=())),
        "fonts": [(Path(path).name, _size(path)) for path in style.font_files],
        "matplotlib": installed.version("matplotlib"),
        "code": code,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_cached(cache_dir: Path, key: str) -> bytes | None:
    """The kept drawing, or None if there is none (or only a damaged one: it is redrawn)."""
    try:
        svg = (cache_dir / f"{key}.svg").read_bytes()
    except OSError:
        return None
    return svg if svg.rstrip().endswith(b"</svg>") else None


def store(cache_dir: Path, key: str, svg: bytes) -> None:
    """Write atomically: a build stopped half-way never leaves half a chart behind."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=f".{key}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(svg)
        os.replace(temporary, cache_dir / f"{key}.svg")
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _plain(value: object) -> object:
    """Values as JSON, facts reduced to what a drawing shows (not where the entry sits)."""
    if isinstance(value, Fact):
        return {
            "id": value.id,
            "value": value.value,
            "unit": value.unit,
            "label": value.label,
            "qualifier": value.qualifier,
            "date": value.date,
            "quantity": value.quantity,
            "source": value.citation.source_id,
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _size(path: str) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None
