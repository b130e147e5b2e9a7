from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from booklet import document as doc
from booklet.diagnostics import BookletError, Location
from booklet.layout import Style, layout
from booklet.project import PAPERS


def test_the_public_api() -> None:
    import booklet.layout

    assert booklet.layout.__all__ == [
        "Style",
        "layout",
        "layout_handout",
        "load_style",
        "parse_drawings",
    ]


def test_the_same_booklet_gives_the_same_bytes(
    sample: doc.Booklet, style: Style, sample_pdf: bytes
) -> None:
    assert layout(sample, style, PAPERS["a5"]) == sample_pdf


def test_every_font_is_embedded(sample_pdf: bytes) -> None:
    fonts = {}
    reader: Any = PdfReader(io.BytesIO(sample_pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font["/FontDescriptor"]
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
        assert name.startswith("/AAAAA"), name  # a subset


def test_another_language_gets_its_words_and_hyphenation(
    make_booklet: Callable[..., doc.Booklet],
    style: Style,
    read_texts: Callable[[bytes], list[str]],
) -> None:
    pdf = layout(make_booklet(chapters=1, language="de-DE"), style, PAPERS["a5"])
    assert read_texts(pdf)[2].startswith("Inhalt")
    reader: Any = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "de-DE"


def test_a_note_cited_but_missing_is_reported(sample: doc.Booklet, style: Style) -> None:
    origin = Location(Path("templates/chapters/two.jinja"), 3)
    chapters = (dataclasses.replace(sample.chapters[0], origin=origin), *sample.chapters[1:])
    with pytest.raises(BookletError) as caught:
        layout(dataclasses.replace(sample, chapters=chapters, notes=()), style, PAPERS["a5"])
    assert caught.value.problem.location == origin
    assert caught.value.problem.message == (
        "note 1 is cited in “Chapter title 1: the road to Lanzhou” but the booklet has no such note"
    )


def test_a_block_taller_than_any_page_is_a_problem_not_a_traceback(
    sample: doc.Booklet, style: Style
) -> None:
    tall_cell = (doc.Span("A very long cell. " * 900),)
    table = doc.Table(header=((doc.Span("Head"),),), rows=((tall_cell,),))
    origin = Location(Path("templates/chapters/three.jinja"), 9)
    chapter = doc.Chapter("A table too tall", (table,), number=1, origin=origin)
    with pytest.raises(BookletError) as caught:
        layout(dataclasses.replace(sample, chapters=(chapter,)), style, PAPERS["a5"])
    problem = caught.value.problem
    assert problem.location == origin
    assert problem.message == "a block in “A table too tall” does not fit on a page"
    assert problem.hint is not None


def test_a_bare_booklet_is_still_a_booklet(
    style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    bare = doc.Booklet(
        title="Bare",
        subtitle=None,
        author=None,
        language="en",
        subject=None,
        keywords=(),
        cover=doc.Cover("Bare", None, None, None),
        chapters=(),
        notes=(),
        back_cover=doc.BackCover(summary=()),
    )
    texts = read_texts(layout(bare, style, PAPERS["a5"]))
    assert len(texts) == 4  # cover, its back, contents, back cover
    assert texts[0].strip() == "Bare"
    assert texts[2].split() == ["Contents", "iii"]  # and its folio: front matter, in roman


def test_margins_that_leave_no_room_for_text_are_a_problem(
    sample: doc.Booklet, style: Style
) -> None:
    wide = dataclasses.replace(
        style, margins=dataclasses.replace(style.margins, inner=55, outer=55)
    )
    with pytest.raises(BookletError) as caught:
        layout(sample, wide, PAPERS["a5"])
    assert caught.value.problem.message == (
        "the margins of the style sheet leave too little room for text on a5 paper"
    )
