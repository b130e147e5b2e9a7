from __future__ import annotations

import codecs
import time

import pytest

from booklet.sources.decode import decode_bytes, normalise

TEXT = "The village\u2019s café opened in 1923 \u2013 “a fine place”, said the naïve visitors.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with its byte order mark
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_known_encodings_give_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded is not None
    assert (decoded.text, decoded.encoding) == (TEXT, encoding)


def test_latin_1_is_read_as_windows_1252() -> None:
    text = "Crème brûlée at the fête in Münster, façade restored.\n"
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded is not None
    assert decoded.text == text


def test_other_single_byte_scripts_are_detected() -> None:
    text = "Советский Союз оказал помощь Китаю в войне против Японии.\n" * 3
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded is not None
    assert decoded.text == text


def test_bytes_that_are_no_text_are_refused() -> None:
    assert decode_bytes(bytes(range(128, 256)) * 8) is None


def test_line_ends_spaces_and_invisible_characters() -> None:
    raw = "One\r\ntwo\rthree\u2028four\u00a0five\u202fsix\u200bseven\ufeff\u00adeight\tnine"
    assert normalise(raw) == "One\ntwo\nthree\nfour five sixseveneight nine"


def test_nfc_composition() -> None:
    assert normalise("Cafe\u0301") == "Café"


def test_nul_bytes_are_removed_and_counted() -> None:
    decoded = decode_bytes(b"Parish\x00 pump\x00\n")
    assert decoded is not None
    assert (decoded.text, decoded.nul_bytes) == ("Parish pump\n", 2)


def test_typographic_quotes_and_dashes_are_kept() -> None:
    text = "\u2018Single\u2019 “double” \u2013 en — em … ellipsis"
    assert normalise(text) == text


def test_a_million_character_line_decodes_quickly() -> None:
    data = ("word " * 200_000).encode("utf-8") + "café".encode("cp1252")
    started = time.perf_counter()
    decoded = decode_bytes(data)
    assert time.perf_counter() - started < 2.0
    assert decoded is not None
    assert decoded.text.endswith("café")
