from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from booklet.layout.viewer import folio, roman


def test_readers_open_the_cover_in_two_page_view(sample_pdf: bytes) -> None:
    reader: Any = PdfReader(io.BytesIO(sample_pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/PageLayout"] == "/TwoPageRight"  # the cover alone, then spreads
    target, view = catalog["/OpenAction"][0], catalog["/OpenAction"][1]
    assert target.idnum == reader.pages[0].indirect_reference.idnum
    assert view == "/Fit"


@pytest.mark.parametrize(("number", "numeral"), [(1, "i"), (4, "iv"), (9, "ix"), (14, "xiv")])
def test_roman_numerals(number: int, numeral: str) -> None:
    assert roman(number) == numeral


def test_folios_are_roman_before_the_first_chapter_and_count_from_it() -> None:
    assert [folio(page, 5) for page in (1, 4, 5, 6, 20)] == ["i", "iv", "1", "2", "16"]
    assert folio(3, None) == "iii"  # no chapter yet
