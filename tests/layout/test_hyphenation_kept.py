"""Hyphenation patterns are parsed once and read back after, with the same breaks."""

from __future__ import annotations

import importlib
from pathlib import Path

import pyphen
import pytest

from booklet import usercache

typography = importlib.import_module("booklet.layout.typography")  # the package shadows it


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache, and no patterns parsed yet in this process."""
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    typography._dictionary.cache_clear()
    yield tmp_path / "hyphenation"
    typography._dictionary.cache_clear()


WORDS = ("hyphenation", "volunteers", "aircraft", "Lanzhou", "international")


def test_kept_patterns_give_the_same_breaks_without_parsing(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = [typography._dictionary("en_GB").positions(word) for word in WORDS]
    assert len(list(fresh.glob("*.pickle"))) == 1
    monkeypatch.setattr(pyphen, "hdcache", {})
    typography._dictionary.cache_clear()

    def refuse(self: object, path: object) -> None:
        raise AssertionError("kept patterns were parsed again")

    monkeypatch.setattr(pyphen.HyphDict, "__init__", refuse)
    assert [typography._dictionary("en_GB").positions(word) for word in WORDS] == parsed


def test_damaged_patterns_are_parsed_again(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = [typography._dictionary("en_GB").positions(word) for word in WORDS]
    [kept] = fresh.glob("*.pickle")
    kept.write_bytes(b"\x80\x05damaged")
    monkeypatch.setattr(pyphen, "hdcache", {})
    typography._dictionary.cache_clear()
    assert [typography._dictionary("en_GB").positions(word) for word in WORDS] == parsed
