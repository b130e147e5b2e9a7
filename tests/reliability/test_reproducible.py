"""The same inputs give the same bytes: in another folder, time zone and hour, with cold caches."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet import usercache
from booklet.cli import main
from tests.conftest import page_texts

from .conftest import EDITIONS, SLUG

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC
EPOCH_PDF_DATE = "D:20231114221320+00'00'"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Lets a test change the time zone (TZ) and put back the process's own afterwards."""
    zone = os.environ.get("TZ")
    yield
    if zone is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = zone
    time.tzset()


def build(
    project: Path, out: Path, monkeypatch: pytest.MonkeyPatch, **env: str
) -> dict[str, bytes]:
    """All editions of the project, built with these environment variables (others removed)."""
    for name in ("TZ", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    time.tzset()
    assert main(["build", str(project), "--out", str(out), "--quiet"]) == 0
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def elsewhere(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project copied to a folder whose path has spaces and non-ASCII letters, with no
    chart cache of its own and an empty user cache, at another time of day."""
    copy = tmp_path / "another place" / "Überblick \u2013 Projekt 1938"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("output", ".booklet-cache"))
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(tmp_path / "empty cache"))
    now = time.time
    monkeypatch.setattr(time, "time", lambda: now() + 9.5 * 3600)
    return copy


def test_builds_are_byte_identical_without_source_date_epoch(built, tmp_path, monkeypatch, clock):
    here = build(built, tmp_path / "here", monkeypatch, TZ="UTC0")
    there = build(
        elsewhere(built, tmp_path, monkeypatch), tmp_path / "there", monkeypatch, TZ="NZT-13"
    )
    assert list(here) == sorted(EDITIONS)
    for name in EDITIONS:
        assert here[name] == there[name], name
    info = PdfReader(tmp_path / "here" / f"{SLUG}.pdf").metadata
    assert info is not None
    assert info["/CreationDate"] == info["/ModDate"] == "D:20000101000000+00'00'"  # fixed


def test_source_date_epoch_sets_the_dates_and_builds_stay_identical(
    built, tmp_path, monkeypatch, clock
):
    epoch = str(EPOCH)
    here = build(built, tmp_path / "here", monkeypatch, TZ="UTC0", SOURCE_DATE_EPOCH=epoch)
    copy = elsewhere(built, tmp_path, monkeypatch)
    there = build(copy, tmp_path / "there", monkeypatch, TZ="PST8", SOURCE_DATE_EPOCH=epoch)
    for name in EDITIONS:
        assert here[name] == there[name], name
        info = PdfReader(tmp_path / "here" / name).metadata
        assert info is not None
        assert (info["/CreationDate"], info["/ModDate"]) == (EPOCH_PDF_DATE, EPOCH_PDF_DATE), name
    colophon = page_texts(tmp_path / "here" / f"{SLUG}.pdf")[1]
    assert f"Built {time.strftime('%Y-%m-%d', time.gmtime(EPOCH))} with booklet" in colophon
