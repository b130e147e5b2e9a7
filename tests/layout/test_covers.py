from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable

import pdfplumber
from pdfplumber.pdf import PDF

from booklet import document as doc
from booklet.layout import Style, layout
from booklet.project import PAPERS

MM = 72 / 25.4


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_cover_shows_title_subtitle_editor_date_and_illustration(
    texts: list[str], sample: doc.Booklet
) -> None:
    cover = flat(texts[0])
    assert sample.cover.title in cover
    assert sample.cover.subtitle is not None
    assert sample.cover.subtitle in cover
    assert "Edited by the Local History Society" in cover
    assert "March 2024" in cover
    assert "Lanzhou" in cover  # a town on the route map


def test_the_cover_is_centred_on_the_page(plumbed: PDF) -> None:
    page = plumbed.pages[0]
    left = min(char["x0"] for char in page.chars)
    right = max(char["x1"] for char in page.chars)
    assert left > 15 * MM
    assert page.width - right > 15 * MM


def test_the_colophon_is_set_small_at_the_foot_of_page_two(
    plumbed: PDF, sample: doc.Booklet
) -> None:
    page = plumbed.pages[1]
    assert "Text from the sources is quoted with citations." in page.extract_text()
    assert min(char["top"] for char in page.chars) > page.height * 0.75
    assert max(char["size"] for char in page.chars) < 8


def test_the_back_cover_has_summary_code_address_and_colophon(
    plumbed: PDF,
) -> None:
    page = plumbed.pages[-1]
    text = flat(page.extract_text())
    assert text.startswith("Volunteer pilots rotated through the squadrons")
    assert "Read this booklet online https://example.org/booklets/soviet-aid" in text
    assert text.endswith("Local History Society · 2024 · free to copy for teaching")
    code = page.rects
    assert len(code) > 50  # drawn as squares, not as an image
    width = max(r["x1"] for r in code) - min(r["x0"] for r in code)
    height = max(r["bottom"] for r in code) - min(r["top"] for r in code)
    assert width >= 20 * MM
    assert abs(width - height) < 0.5


def test_without_an_address_there_is_no_code(
    sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    back = dataclasses.replace(sample.back_cover, edition_url=None)
    pdf = layout(dataclasses.replace(sample, back_cover=back), style, PAPERS["a5"])
    assert "Read this booklet online" not in read_texts(pdf)[-1]
    with pdfplumber.open(io.BytesIO(pdf)) as plumbed:
        assert plumbed.pages[-1].rects == []


def test_a_long_summary_is_shrunk_to_leave_room_for_the_code(
    sample: doc.Booklet, style: Style
) -> None:
    summary = tuple(
        doc.Paragraph((doc.Span(f"Sentence {i} of a long summary. " * 12),)) for i in range(20)
    )
    back = dataclasses.replace(sample.back_cover, summary=summary)
    pdf = layout(dataclasses.replace(sample, back_cover=back), style, PAPERS["a5"])
    with pdfplumber.open(io.BytesIO(pdf)) as plumbed:
        page = plumbed.pages[-1]
        summary_chars = [c for c in page.chars if c["size"] > 0 and c["top"] < page.height / 2]
        code_top = min(r["top"] for r in page.rects)
        lowest_summary = max(c["bottom"] for c in page.chars if c["bottom"] < code_top)
        assert summary_chars
        assert lowest_summary < code_top
        assert "Sentence 19" in page.extract_text()
