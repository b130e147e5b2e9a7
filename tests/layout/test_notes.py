from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable
from typing import Any

import pdfplumber
from pdfplumber.pdf import PDF
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from booklet import document as doc
from booklet.layout import Style, layout
from booklet.layout.markup import note_marker
from booklet.layout.notes import note_labels, notes_in
from booklet.project import PAPERS

MARKER_SIZE = 6.5  # markers are set smaller than any text or note


def markers(page: Any) -> list[tuple[int, int]]:
    """(note number, page id the marker's link goes to) for each marker on a pdfplumber page."""
    found = []
    for annot in page.annots:
        destination = annot["data"].get("Dest")
        if not destination:
            continue
        digits = [
            char
            for char in page.chars
            if char["size"] < MARKER_SIZE
            and char["text"].isdigit()
            and annot["x0"] <= (char["x0"] + char["x1"]) / 2 <= annot["x1"]
            and annot["top"] <= (char["top"] + char["bottom"]) / 2 <= annot["bottom"]
        ]
        if digits:
            number = int("".join(char["text"] for char in sorted(digits, key=lambda c: c["x0"])))
            found.append((number, destination[0].objid))
    return found


def test_every_note_is_on_the_page_of_its_marker(plumbed: PDF, sample: doc.Booklet) -> None:
    seen = set()
    for page in plumbed.pages:
        text = page.extract_text()
        for number, target in markers(page):
            assert target == page.page_obj.pageid, f"note {number} links to another page"
            assert f"Note {number}:" in text, f"note {number} is not on page {page.page_number}"
            seen.add(number)
    assert seen == {note.number for note in sample.notes}


def test_notes_cited_in_captions_quotes_and_tables_are_among_them(sample: doc.Booklet) -> None:
    # The test above covers every note; this one checks the sample cites notes everywhere.
    blocks = [block for chapter in sample.chapters for block in chapter.blocks]
    kinds = {type(block) for block in blocks if any(notes_in_block(block))}
    assert {doc.Paragraph, doc.BlockQuote, doc.FigureBlock, doc.Table} <= kinds


def notes_in_block(block: doc.Block) -> list[int]:
    inlines: list[Any] = []
    if isinstance(block, doc.Paragraph | doc.BlockQuote):
        inlines = list(block.content)
    elif isinstance(block, doc.FigureBlock):
        inlines = list(block.caption)
    elif isinstance(block, doc.Table):
        inlines = [item for row in block.rows for cell in row for item in cell]
    return [item.number for item in inlines if isinstance(item, doc.NoteRef)]


def body_and_notes(page: Any) -> tuple[float, float] | None:
    """The lowest point of the running text and the top of the notes, or None without notes."""
    notes = [word for word in page.extract_words(extra_attrs=["size"]) if word["text"] == "Note"]
    if not notes:
        return None
    notes_top = min(word["top"] for word in notes)
    foot = page.height - 15 * 72 / 25.4  # the folio lives below this
    body = [c for c in page.chars if c["size"] >= 8.1 and c["top"] < foot]
    return max(c["bottom"] for c in body), notes_top


def test_the_notes_never_overlap_the_text(plumbed: PDF) -> None:
    pages_with_notes = 0
    for page in plumbed.pages:
        if (found := body_and_notes(page)) is not None:
            pages_with_notes += 1
            body_bottom, notes_top = found
            assert body_bottom < notes_top - 4, f"page {page.page_number}"
    assert pages_with_notes >= 8


def test_a_note_longer_than_the_page_allows_goes_on_overleaf(
    make_booklet: Callable[..., doc.Booklet], style: Style
) -> None:
    sample = make_booklet(chapters=1)
    long_text = " ".join(f"word{i}" for i in range(1200)) + " THE-END."
    notes = (doc.Note(1, (doc.Span("Note 1: START " + long_text),)), *sample.notes[1:])
    pdf = layout(doc.Booklet(**{**_fields(sample), "notes": notes}), style, PAPERS["a5"])
    with pdfplumber.open(io.BytesIO(pdf)) as plumbed:
        texts = [page.extract_text() for page in plumbed.pages]
        start = next(i for i, text in enumerate(texts) if "START" in text)
        end = next(i for i, text in enumerate(texts) if "THE-END." in text)
        assert end > start
        assert (1, plumbed.pages[start].page_obj.pageid) in markers(plumbed.pages[start])
        for page in plumbed.pages[start : end + 1]:
            words = [w for w in page.extract_words() if re.fullmatch(r"word\d+", w["text"])]
            body = [c for c in page.chars if c["size"] >= 8.1 and c["top"] < page.height - 43]
            if body:
                assert max(c["bottom"] for c in body) < min(w["top"] for w in words) - 4
            assert max(w["bottom"] for w in words) < page.height - 15 * 72 / 25.4


def _fields(booklet: doc.Booklet) -> dict[str, Any]:
    return {name: getattr(booklet, name) for name in booklet.__dataclass_fields__}


def test_a_split_paragraph_keeps_each_note_with_the_part_holding_its_marker() -> None:
    text = " ".join(f"word{i}" + (note_marker(i) if i % 15 == 0 else "") for i in range(200))
    paragraph = Paragraph(text, ParagraphStyle("test", fontSize=9, leading=11))
    paragraph.wrap(200, 1000)
    first, rest = paragraph.split(200, 110)
    assert notes_in(paragraph) == list(range(0, 200, 15))
    assert notes_in(first) + notes_in(rest) == notes_in(paragraph)
    assert notes_in(first)
    assert notes_in(rest)
    assert f"word{notes_in(rest)[0]}" not in first.getPlainText()


def test_a_note_number_links_back_to_its_marker(plumbed: PDF) -> None:
    page = plumbed.pages[4]
    found = body_and_notes(page)
    assert found is not None
    back_links = [annot for annot in page.annots if annot["top"] >= found[1] - 4]
    assert len(back_links) == len(markers(page)) == 2
    for annot in back_links:
        assert annot["data"]["Dest"][0].objid == page.page_obj.pageid


def test_a_note_cited_on_two_pages_is_printed_on_both(
    sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    def citing(title: str, number: int) -> doc.Chapter:
        paragraph = doc.Paragraph((doc.Span(f"{title} says so."), doc.NoteRef(1)))
        return doc.Chapter(title, (paragraph,), number=number)

    notes = (doc.Note(1, (doc.Span("Note 1: the one source."),)),)
    booklet = dataclasses.replace(
        sample, chapters=(citing("First", 1), citing("Second", 2)), notes=notes
    )
    texts = read_texts(layout(booklet, style, PAPERS["a5"]))
    pages = [text for text in texts if "says so." in text]
    assert len(pages) == 2
    assert all("Note 1: the one source." in text for text in pages)


def test_notes_numbered_per_chapter_start_again_at_1_in_each_chapter(
    sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    labels = note_labels(sample, "chapter")
    first_of_each = [
        labels[next(iter(_refs(chapter)))] for chapter in sample.chapters if _refs(chapter)
    ]
    assert first_of_each == ["1"] * len(first_of_each)
    assert len(first_of_each) >= 2
    assert note_labels(sample, "booklet") == {}

    per_chapter = dataclasses.replace(style, note_numbering="chapter")
    text = " ".join(
        " ".join(page.split()) for page in read_texts(layout(sample, per_chapter, PAPERS["a5"]))
    )
    first = _refs(sample.chapters[1])[0]  # numbered through the booklet, more than 1
    assert first > 1
    assert f"1 Note {first}:" in text  # shown as the chapter's note 1
    assert f"{first} Note {first}:" not in text


def _refs(chapter: doc.Chapter) -> list[int]:
    return [
        item.number
        for block in chapter.blocks
        if isinstance(block, doc.Paragraph)
        for item in block.content
        if isinstance(item, doc.NoteRef)
    ]
