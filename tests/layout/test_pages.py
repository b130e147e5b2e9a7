from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import Any

import pdfplumber
import pytest
from pdfplumber.pdf import PDF
from pypdf import PdfReader

from booklet import document as doc
from booklet.layout import Style, layout
from booklet.layout.viewer import roman
from booklet.project import PAPERS

MM = 72 / 25.4


def head(page: Any) -> str:
    """What is printed above the text block: the running head."""
    return str(page.crop((0, 0, page.width, 14 * MM)).extract_text())


def foot(page: Any) -> str:
    """What is printed below the notes: the folio."""
    return str(page.crop((0, page.height - 14 * MM, page.width, page.height)).extract_text())


@pytest.mark.parametrize("paper", ["a5", "a4", "letter", "half-letter"])
def test_pages_have_the_size_of_the_paper(
    paper: str, make_booklet: Callable[..., doc.Booklet], style: Style
) -> None:
    pdf = layout(make_booklet(chapters=1), style, PAPERS[paper])
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert float(box.width) == pytest.approx(PAPERS[paper].width_mm * MM, abs=0.01)
    assert float(box.height) == pytest.approx(PAPERS[paper].height_mm * MM, abs=0.01)


def test_chapters_open_on_right_hand_pages(
    read_outline: Callable[[bytes], dict[str, int]], sample_pdf: bytes, sample: doc.Booklet
) -> None:
    pages = read_outline(sample_pdf)
    assert [pages[chapter.title] % 2 for chapter in sample.chapters] == [1] * len(sample.chapters)


def test_the_page_left_blank_before_a_chapter_is_empty(
    read_outline: Callable[[bytes], dict[str, int]], plumbed: PDF, sample_pdf: bytes
) -> None:
    opening = read_outline(sample_pdf)["Chapter title 1: the road to Lanzhou"]
    assert opening == 5  # contents on 3, so 4 is left blank
    assert plumbed.pages[3].chars == []
    assert plumbed.pages[3].lines == []


def test_without_right_hand_openings_no_page_is_left_blank(
    read_outline: Callable[[bytes], dict[str, int]],
    sample: doc.Booklet,
    style: Style,
    read_texts: Callable[[bytes], list[str]],
) -> None:
    pdf = layout(sample, dataclasses.replace(style, chapters_open_right=False), PAPERS["a5"])
    assert read_outline(pdf)["Chapter title 1: the road to Lanzhou"] == 4
    texts = read_texts(pdf)
    blanks = [number for number, text in enumerate(texts, 1) if not text.strip()]
    assert blanks in ([], [len(texts) - 1])  # at most one, to put the back cover on a verso


def test_the_page_count_is_even_and_the_back_cover_last(
    sample_pdf: bytes, texts: list[str]
) -> None:
    assert len(texts) % 2 == 0
    assert "https://example.org/booklets/soviet-aid" in texts[-1]


def test_running_heads_show_the_title_on_the_left_and_the_chapter_on_the_right(
    read_outline: Callable[[bytes], dict[str, int]],
    plumbed: PDF,
    sample_pdf: bytes,
    sample: doc.Booklet,
) -> None:
    openings = read_outline(sample_pdf)
    chapter_at = {}
    current = ""
    for number in range(1, len(plumbed.pages) + 1):
        current = next((t for t, p in openings.items() if p == number), current)
        chapter_at[number] = current
    checked = 0
    for page in plumbed.pages[4:-1]:
        number = page.page_number
        if not page.chars or number in openings.values():
            continue
        expected = sample.title if number % 2 == 0 else chapter_at[number]
        assert head(page).strip() == expected, f"page {number}"
        checked += 1
    assert checked >= 8


def test_no_running_head_on_cover_colophon_contents_openings_blanks_or_back(
    read_outline: Callable[[bytes], dict[str, int]], plumbed: PDF, sample_pdf: bytes
) -> None:
    openings = set(read_outline(sample_pdf).values())
    assert 3 in openings  # the contents
    bare = {1, 2, len(plumbed.pages)} | openings
    bare |= {page.page_number for page in plumbed.pages if not page.chars}
    for number in sorted(bare):
        assert head(plumbed.pages[number - 1]).strip() == "", f"page {number}"


def test_folios_are_roman_in_front_and_count_from_the_first_chapter(
    plumbed: PDF, sample_pdf: bytes, read_outline: Callable[[bytes], dict[str, int]]
) -> None:
    first_chapter = read_outline(sample_pdf)["Chapter title 1: the road to Lanzhou"]
    last = len(plumbed.pages)
    for page in plumbed.pages:
        number = page.page_number
        if number in (1, 2, last) or not page.chars:
            assert foot(page).strip() == "", f"page {number}"
        elif number < first_chapter:
            assert foot(page).strip() == roman(number), f"page {number}"
        else:
            assert foot(page).strip() == str(number - first_chapter + 1), f"page {number}"


def test_page_labels_agree_with_the_folios(plumbed: PDF, sample_pdf: bytes) -> None:
    labels = PdfReader(io.BytesIO(sample_pdf)).page_labels
    assert labels[:3] == ["i", "ii", "iii"]
    for page, label in zip(plumbed.pages, labels, strict=True):
        if foot(page).strip():
            assert foot(page).strip() == label


def test_no_text_outside_the_page_less_5_mm(plumbed: PDF) -> None:
    for page in plumbed.pages:
        for char in page.chars:
            assert char["x0"] >= 5 * MM, char["text"]
            assert char["x1"] <= page.width - 5 * MM, char["text"]
            assert char["top"] >= 5 * MM, char["text"]
            assert char["bottom"] <= page.height - 5 * MM, char["text"]


def test_running_text_stays_in_the_text_block_with_the_wider_margin_at_the_fold(
    plumbed: PDF, style: Style
) -> None:
    inner, outer = style.margins.inner * MM, style.margins.outer * MM
    for page in plumbed.pages[2:-1]:
        left, right = (inner, outer) if page.page_number % 2 else (outer, inner)
        for char in page.chars:
            where = f"page {page.page_number}: {char['text']!r} at {char['x0']:.1f}"
            assert char["x0"] >= left - 0.5, where
            assert char["x1"] <= page.width - right + 0.5, where


def test_a_running_head_too_long_for_the_measure_is_shortened(
    sample: doc.Booklet, style: Style
) -> None:
    title = "A chapter title so long that it could never fit in a running head " * 3
    chapter = dataclasses.replace(sample.chapters[0], title=title.strip())
    pdf = layout(dataclasses.replace(sample, chapters=(chapter,)), style, PAPERS["a5"])
    with pdfplumber.open(io.BytesIO(pdf)) as plumbed:
        heads = [head(page).strip() for page in plumbed.pages[4:-1] if page.page_number % 2]
    shortened = [text for text in heads if text.endswith("…")]
    assert shortened
    assert all(title.startswith(text.removesuffix(" …")) for text in shortened)
