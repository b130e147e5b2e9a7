"""The user's cache: kept atomically, bounded, and silent when it cannot be used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from booklet import usercache


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(tmp_path))
    return tmp_path


def test_what_is_written_is_read_back(own_cache: Path) -> None:
    usercache.write("drawings", "a.pickle", b"kept")
    assert usercache.read("drawings", "a.pickle") == b"kept"
    assert usercache.read("drawings", "b.pickle") is None
    assert [path.name for path in (own_cache / "drawings").iterdir()] == ["a.pickle"]


def test_a_full_folder_drops_the_oldest_files(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usercache, "_KEEP", 4)
    folder = own_cache / "drawings"
    folder.mkdir()
    for age, name in enumerate("abcd"):
        (folder / name).write_bytes(b"x")
        os.utime(folder / name, ns=(age * 10**9, age * 10**9))
    usercache.write("drawings", "e", b"newest")
    assert sorted(path.name for path in folder.iterdir()) == ["c", "d", "e"]


def test_an_unusable_folder_keeps_nothing_without_complaint(own_cache: Path) -> None:
    (own_cache / "drawings").write_text("a file where the folder should be")
    usercache.write("drawings", "a.pickle", b"kept")
    assert usercache.read("drawings", "a.pickle") is None
