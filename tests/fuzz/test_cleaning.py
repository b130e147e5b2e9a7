"""Cleaning takes any text a saved page may hold: it never fails, and never makes words up."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given

from booklet.sources import clean_document
from booklet.sources.decode import decode_bytes, normalise

from .profiles import tried
from .strategies import SAVED_TEXT

pytestmark = pytest.mark.fuzz

ORIGIN = Path("seeds/fuzzed.txt")
_WORD = re.compile(r"\w+")
_MARKUP = re.compile(r"<[^<>]*>|\[[^\[\]]*\]")


def clean(text: str):
    return clean_document(text, "fuzzed", ORIGIN, title="A saved page", author="An Wen")


def readings(text: str) -> str:
    """The saved text as the cleaner may read it: normalised, entities decoded,
    with or without the tags and bracketed marks it removes."""
    plain = normalise(text)
    without_markup = _MARKUP.sub("", plain)
    return "\n".join(
        (plain, normalise(html.unescape(plain)), normalise(html.unescape(without_markup)))
    )


@tried
@given(SAVED_TEXT)
def test_cleaning_never_fails_and_keeps_only_words_of_the_saved_text(text: str) -> None:
    cleaned = clean(text)
    source = readings(text)
    for paragraph in cleaned.paragraphs:
        assert paragraph.text == paragraph.text.strip()
        invented = [word for word in _WORD.findall(paragraph.text) if word not in source]
        assert invented == [], paragraph.text
    assert [paragraph.number for paragraph in cleaned.paragraphs] == list(
        range(1, len(cleaned.paragraphs) + 1)
    )


@tried
@given(SAVED_TEXT)
def test_cleaning_is_deterministic(text: str) -> None:
    assert clean(text) == clean(text)


@tried
@given(SAVED_TEXT)
def test_decoding_any_saved_bytes_gives_normalised_text_or_none(text: str) -> None:
    for data in (
        text.encode("utf-8"),
        text.encode("utf-16"),
        text.encode("utf-8", "replace")[::-1],
    ):
        decoded = decode_bytes(data)
        if decoded is not None:
            assert decoded.text == normalise(decoded.text)
