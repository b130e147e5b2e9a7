"""Cleaned documents are kept and read back, and a kept one never stands in for another."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet import usercache
from booklet.sources import clean as cleaning
from booklet.sources import clean_document
from booklet.sources.kept import cleaned

TEXT = """\
The Parish Pump

By ANNE GREEN

The pump on the green was installed in 1851 after an outbreak of cholera.

It was restored by the parish council in 1977.
"""


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(tmp_path))
    return tmp_path / "cleaned"


def refuse_to_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a kept document was cleaned again")

    monkeypatch.setattr(cleaning, "clean_document", refuse)


def test_a_document_cleaned_once_is_read_back_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    first = cleaned(TEXT, "pump", Path("seeds/pump.txt"), title="The Parish Pump", author=None)
    assert first == clean_document(TEXT, "pump", Path("seeds/pump.txt"), title="The Parish Pump")
    refuse_to_clean(monkeypatch)
    again = cleaned(TEXT, "pump", Path("seeds/pump.txt"), title="The Parish Pump", author=None)
    assert again == first


@pytest.mark.parametrize(
    ("text", "source_id", "path", "title", "author"),
    [
        (
            TEXT + "\nOne more line about the pump.\n",
            "pump",
            "seeds/pump.txt",
            "The Parish Pump",
            None,
        ),
        (TEXT, "well", "seeds/pump.txt", "The Parish Pump", None),
        (TEXT, "pump", "seeds/other.txt", "The Parish Pump", None),
        (TEXT, "pump", "seeds/pump.txt", None, None),
        (TEXT, "pump", "seeds/pump.txt", "The Parish Pump", "Anne Green"),
    ],
)
def test_anything_that_shapes_the_cleaning_cleans_again(
    text: str, source_id: str, path: str, title: str | None, author: str | None, own_cache: Path
) -> None:
    cleaned(TEXT, "pump", Path("seeds/pump.txt"), title="The Parish Pump", author=None)
    expected = clean_document(text, source_id, Path(path), title=title, author=author)
    assert cleaned(text, source_id, Path(path), title=title, author=author) == expected
    assert len(list(own_cache.iterdir())) == 2


def test_a_damaged_kept_document_is_cleaned_again(own_cache: Path) -> None:
    first = cleaned(TEXT, "pump", Path("seeds/pump.txt"), title=None, author=None)
    [kept] = own_cache.iterdir()
    kept.write_bytes(b"\x80\x05not a pickle")
    assert cleaned(TEXT, "pump", Path("seeds/pump.txt"), title=None, author=None) == first
