"""Every PDF the project writes is valid, reads the same in two independent readers,
embeds every font, and holds the text it was meant to print."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from PIL import Image

from booklet import document as doc

from .conftest import PDFS, PREVIEWS, Built
from .pdfs import (
    fonts,
    found_across_pages,
    is_embedded,
    key,
    pdfium_pages,
    pypdf_pages,
    qpdf_problems,
    words,
)

EDITIONS = list(PDFS)


def pdf_of(builds: dict[str, Built], edition: str) -> Path:
    build, name = PDFS[edition]
    return builds[build].files[name]


@pytest.mark.parametrize("edition", EDITIONS)
def test_qpdf_finds_nothing_wrong(builds, edition):
    assert qpdf_problems(pdf_of(builds, edition)) == []


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="the qpdf command is not installed")
def test_the_qpdf_command_checks_every_edition_without_a_warning(builds):
    for edition in EDITIONS:
        result = subprocess.run(
            ["qpdf", "--check", str(pdf_of(builds, edition))],
            capture_output=True,
            text=True,
            check=False,
        )
        said = result.stdout + result.stderr
        assert result.returncode == 0, f"{edition}: {said}"
        assert "WARNING" not in said, f"{edition}: {said}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_two_readers_read_every_page_alike(builds, edition):
    pdf = pdf_of(builds, edition)
    by_pypdf, by_pdfium = pypdf_pages(pdf), pdfium_pages(pdf)
    assert len(by_pypdf) == len(by_pdfium) > 0
    assert [words(page) for page in by_pypdf] == [words(page) for page in by_pdfium]
    assert sum(len(words(page)) for page in by_pypdf) > 100


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_first_page_renders_with_ink_on_it(builds, edition):
    document = pypdfium2.PdfDocument(pdf_of(builds, edition))
    try:
        image = document[0].render(scale=30 / 72).to_pil().convert("L")
    finally:
        document.close()
    darkest, _ = image.getextrema()
    assert image.width > 50
    assert darkest < 128


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_font_is_embedded(builds, edition):
    with pikepdf.open(pdf_of(builds, edition)) as pdf:
        used = list(fonts(pdf))
        assert used
        missing = sorted({str(font.get("/BaseFont")) for font in used if not is_embedded(font)})
    assert missing == []


def test_fonts_inside_form_xobjects_are_found(builds):
    """The imposed pages are forms: their fonts are what a printer needs."""
    with pikepdf.open(pdf_of(builds, "print")) as pdf:
        on_pages = [dict(page.obj.Resources.get("/Font", {})) for page in pdf.pages]
        assert not any(on_pages)  # all text is inside the placed pages
        assert list(fonts(pdf))


@pytest.mark.parametrize(
    ("edition", "tree"),
    [
        ("digital", "booklet"),
        ("grayscale", "booklet"),
        ("print-shop", "booklet"),
        ("handout", "handout"),
        ("grayscale handout", "handout"),
        ("new project", "booklet"),
    ],
)
def test_the_text_meant_is_the_text_printed(builds, edition, tree):
    built = builds[PDFS[edition][0]]
    document = built.booklet if tree == "booklet" else built.handout
    assert document is not None
    pages = [key(page) for page in pypdf_pages(pdf_of(builds, edition))]
    whole = "".join(pages)
    missing = [title for title in titles(document) if key(title) not in whole]
    missing += [
        piece
        for piece in passages(document)
        if key(piece) and not found_across_pages(key(piece), pages)
    ]
    assert missing == []
    assert len(list(passages(document))) > 5


def test_the_print_edition_holds_the_digital_editions_words(builds):
    for digital, printed in (("digital", "print"), ("new project", "new project print")):
        assert sum(map(words, pypdf_pages(pdf_of(builds, printed))), words("")) == sum(
            map(words, pypdf_pages(pdf_of(builds, digital))), words("")
        )


def test_text_that_looks_like_markup_in_a_saved_page_prints_as_written(builds):
    text = " ".join(" ".join(pypdf_pages(pdf_of(builds, "new project"))).split())
    assert (
        "Bray & Sons of 3 < 5 sacks a week, marked &bogus; by a clerk who wrote <para> and "
        '<onDraw name="x"/> in the margin'
    ) in text


@pytest.mark.parametrize("name", PREVIEWS)
def test_the_previews_are_whole_pictures(builds, name):
    data = builds["print-shop"].files[name].read_bytes()
    Image.open(io.BytesIO(data)).verify()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        assert min(image.size) > 100


def titles(booklet: doc.Booklet) -> list[str]:
    return [chapter.title for chapter in booklet.chapters]


def passages(booklet: doc.Booklet) -> list[str]:
    """The text of every paragraph, quotation, heading and table cell, cut at note markers
    (the marker's number prints between the pieces)."""
    found: list[str] = []
    for chapter in booklet.chapters:
        for block in chapter.blocks:
            found += _pieces(block)
    return found


def _pieces(block: doc.Block) -> list[str]:
    if isinstance(block, doc.Heading):
        return [block.text]
    if isinstance(block, doc.Paragraph | doc.BlockQuote):
        return _between_notes(block.content)
    if isinstance(block, doc.Table):
        return [
            piece
            for row in (block.header, *block.rows)
            for cell in row
            for piece in _between_notes(cell)
        ]
    return _between_notes(block.caption)


def _between_notes(content: tuple[doc.Inline, ...]) -> list[str]:
    pieces = [""]
    for item in content:
        if isinstance(item, doc.NoteRef):
            pieces.append("")
        else:
            pieces[-1] += item.text
    return pieces
