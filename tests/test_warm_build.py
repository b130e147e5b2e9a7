"""A rebuild with nothing changed skips the slow work, and no shortcut changes a byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from booklet.build import build
from booklet.project import load_project
from booklet.usercache import ENVIRONMENT_VARIABLE

ROOT = Path(__file__).resolve().parent.parent

# Each costs a warm build 10-600 ms; each is needed only when something changed.
SLOW = (
    "matplotlib",  # drawing charts: they are in the chart cache
    "svglib",  # parsing charts: the parsed drawings are in the user's cache
    "booklet.sources.clean",  # cleaning: the cleaned documents are in the user's cache
    "charset_normalizer",  # guessing encodings: the seeds are UTF-8
    "xml.sax",  # it pulls in urllib and ssl
)

SCRIPT = """
import sys
from booklet.cli import main
status = main(["build", "-q", "--out", sys.argv[2], sys.argv[1]])
print(status, *[name for name in sys.argv[3:] if name in sys.modules])
"""


def build_in_new_process(project: Path, out: Path, cache: Path) -> str:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project), str(out), *SLOW],
        cwd=ROOT,
        env={**os.environ, ENVIRONMENT_VARIABLE: str(cache)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return run.stdout.strip()


def test_a_rebuild_imports_none_of_the_slow_libraries(
    default_project: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = build_in_new_process(default_project, tmp_path / "first", cache)
    assert first.startswith("0 ")  # the first build needs some of them
    assert build_in_new_process(default_project, tmp_path / "again", cache) == "0"
    for pdf in (tmp_path / "first").iterdir():
        assert (tmp_path / "again" / pdf.name).read_bytes() == pdf.read_bytes()


def test_the_same_bytes_in_one_process_or_two_with_caches_or_without(
    default_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = load_project(default_project)
    built = {}
    for run, (cache, jobs) in enumerate([("one", 1), ("one", 2), ("two", 2), ("two", 1)]):
        monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / cache))
        paths = build(project.with_output(tmp_path / f"out{run}"), jobs=jobs)
        built[run] = {path.name: path.read_bytes() for path in paths}
    assert len(built[0]) == 3  # digital, print, handout
    assert built[0] == built[1] == built[2] == built[3]
