from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable
from typing import Any, Literal

import pdfplumber
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pypdf import PdfReader

from booklet import document as doc
from booklet.layout import Style, layout
from booklet.project import PAPERS

UNSAFE = '<img src="/etc/passwd"/> AT&T &bogus; <b>bold?</b>'


def test_source_text_prints_as_written_and_embeds_nothing(
    sample_pdf: bytes, texts: list[str]
) -> None:
    assert any(UNSAFE in text for text in texts)
    reader: Any = PdfReader(io.BytesIO(sample_pdf))
    for page in reader.pages:  # the only ones: the contents' page numbers, text drawn later
        for name, xobject in page["/Resources"].get("/XObject", {}).items():
            assert re.fullmatch(r"/FormXob\.(TOC|Figure)Entry-page-\d+", name)
            assert xobject.get_object()["/Subtype"] == "/Form"
            assert "/XObject" not in xobject.get_object()["/Resources"]


def test_web_links_are_links_and_other_schemes_are_not(sample_pdf: bytes) -> None:
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in PdfReader(io.BytesIO(sample_pdf)).pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert "https://example.org/a?b=1&c=2" in uris
    assert not any("javascript" in uri for uri in uris)


def test_emphasis_is_set_in_italic(plumbed: PDF) -> None:
    words = plumbed.pages[4].extract_words(extra_attrs=["fontname"])
    zet = [word for word in words if word["text"] == "Zet"]
    assert zet
    assert all("Italic" in word["fontname"] for word in zet)


def test_body_text_is_hyphenated(sample_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(sample_pdf)) as plumbed:
        raw = "\n".join(page.extract_text() for page in plumbed.pages[4:10])
    assert len(re.findall(r"[a-z]-\n[a-z]", raw)) >= 10


def line_starts(page: Page) -> dict[str, float]:
    return {line["text"]: line["x0"] for line in page.extract_text_lines()}


def test_paragraphs_are_indented_except_after_headings(plumbed: PDF) -> None:
    page = next(p for p in plumbed.pages[4:] if "The route in 1937" in p.extract_text())
    lines = page.extract_text_lines()
    left = min(line["x0"] for line in lines)
    after_heading = lines[[line["text"] for line in lines].index("The route in 1937") + 1]
    assert after_heading["x0"] == left
    indented = [line for line in lines if line["x0"] - left > 5]
    assert indented  # a new paragraph after another one


def test_a_heading_never_ends_a_page(plumbed: PDF) -> None:
    checked = 0
    for page in plumbed.pages:
        lines = [line for line in page.extract_text_lines() if line["chars"][0]["size"] > 8]
        for index, line in enumerate(lines):
            if line["text"].startswith("The route in"):
                assert len(lines) - index > 2, f"page {page.page_number}"
                checked += 1
    assert checked == 3


def test_a_quote_has_a_rule_beside_it(plumbed: PDF, style: Style) -> None:
    page = next(p for p in plumbed.pages if "Soviet Volunteer Group" in p.extract_text())
    rules = [line for line in page.lines if line["x0"] == line["x1"]]
    assert len(rules) == 1
    assert rules[0]["stroking_color"] == (0.121569, 0.305882, 0.47451)  # the accent, #1f4e79


def test_a_long_table_repeats_its_header_and_aligns_numbers(
    sample: doc.Booklet, style: Style
) -> None:
    rows = tuple(((doc.Span(f"Item {i}"),), (doc.Span(f"{i * 1000:,}"),)) for i in range(1, 90))
    table = doc.Table(header=((doc.Span("Thing"),), (doc.Span("Count"),)), rows=rows)
    chapter = doc.Chapter("Tables", (table,), number=1)
    pdf = layout(dataclasses.replace(sample, chapters=(chapter,), notes=()), style, PAPERS["a5"])
    with pdfplumber.open(io.BytesIO(pdf)) as plumbed:
        pages = [page for page in plumbed.pages if "Item " in page.extract_text()]
        assert len(pages) >= 2
        for page in pages:
            words = page.extract_words()
            assert [w["text"] for w in words if w["text"] in ("Thing", "Count")] == [
                "Thing",
                "Count",
            ]
            ends = {round(w["x1"], 1) for w in words if re.fullmatch(r"[\d,]+", w["text"])}
            ends.discard(round(max(w["x1"] for w in words if w["text"].isdigit()), 1))
            assert len({e for e in ends if e > page.width / 2}) == 1  # right-aligned


def test_every_kind_of_paragraph_is_set(
    sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    roles: tuple[Literal["lead", "body", "entry", "small"], ...] = (
        "lead",
        "body",
        "entry",
        "small",
    )
    blocks: tuple[doc.Block, ...] = (
        *(doc.Paragraph((doc.Span(f"A {role} paragraph."),), role=role) for role in roles),
        doc.Heading("A third-level heading", level=3),
    )
    chapter = doc.Chapter("Roles", blocks, number=1)
    pdf = layout(dataclasses.replace(sample, chapters=(chapter,), notes=()), style, PAPERS["a5"])
    text = read_texts(pdf)[4]
    for role in roles:
        assert f"A {role} paragraph." in text
    assert "A third-level heading" in text
