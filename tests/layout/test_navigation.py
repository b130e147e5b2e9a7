from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from booklet import document as doc
from booklet.layout import Style, layout
from booklet.project import PAPERS

LEADERS = re.compile(r"^(?:(\d+) )?(.+?) [. ]*\.\s*(\d+)$")


def contents_lines(text: str, labels: list[str]) -> dict[str, tuple[str | None, int]]:
    """Contents lines as title -> (number shown, page counted from the cover, from 1).

    The contents give the folio printed on the page, which counts from the first
    chapter; the PDF's page labels say which page has that folio.
    """
    lines = {}
    for line in text.splitlines():
        if (found := LEADERS.match(line.strip())) is not None:
            lines[found[2]] = (found[1], labels.index(found[3]) + 1)
    return lines


@pytest.fixture(scope="module")
def labels(sample_pdf: bytes) -> list[str]:
    return list(PdfReader(io.BytesIO(sample_pdf)).page_labels)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_contents_list_every_chapter_with_its_page(
    texts: list[str], sample: doc.Booklet, labels: list[str]
) -> None:
    lines = contents_lines(texts[2], labels)
    for chapter in sample.chapters:
        number, page = lines[chapter.title]
        assert number == (str(chapter.number) if chapter.kind == "chapter" else None)
        assert chapter.title in flat(texts[page - 1])
        assert chapter.title not in flat(texts[page - 2])  # it opens there


def test_the_list_of_figures_gives_the_page_of_each_figure(
    texts: list[str], labels: list[str]
) -> None:
    number, page = contents_lines(texts[2], labels)["Three Soviet loans to China"]
    assert number == "1"
    assert "Figure 1. Three Soviet loans to China" in flat(texts[page - 1])


def test_contents_lines_link_to_their_pages(
    sample_pdf: bytes, texts: list[str], sample: doc.Booklet, labels: list[str]
) -> None:
    reader: Any = PdfReader(io.BytesIO(sample_pdf))
    page_ids = {
        page.indirect_reference.idnum: number for number, page in enumerate(reader.pages, 1)
    }
    targets = [
        page_ids[annot.get_object()["/Dest"][0].idnum]
        for annot in reader.pages[2]["/Annots"]
        if "/Dest" in annot.get_object()
    ]
    pages = {title: page for title, (_, page) in contents_lines(texts[2], labels).items()}
    for chapter in sample.chapters:
        assert targets.count(pages[chapter.title]) >= 2  # the title and the page number
    assert pages["Three Soviet loans to China"] in targets


def test_the_outline_has_the_contents_and_every_chapter_in_order(
    sample_pdf: bytes, sample: doc.Booklet, read_outline: Callable[[bytes], dict[str, int]]
) -> None:
    outline = read_outline(sample_pdf)
    assert list(outline) == ["Contents", *(chapter.title for chapter in sample.chapters)]
    assert outline["Contents"] == 3


def test_the_pdf_describes_itself(sample_pdf: bytes, sample: doc.Booklet) -> None:
    reader: Any = PdfReader(io.BytesIO(sample_pdf))
    info = reader.metadata
    assert info is not None
    assert info.title == sample.title
    assert info.author == sample.author
    assert info.subject == sample.subject
    assert info["/Keywords"] == "history, China, Soviet Union"
    assert info["/Creator"] == "booklet"
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True


def test_titles_are_text_in_the_contents_and_the_outline(
    sample: doc.Booklet,
    style: Style,
    read_texts: Callable[[bytes], list[str]],
    read_outline: Callable[[bytes], dict[str, int]],
) -> None:
    title = "AT&T <b>bold?</b> &bogus; <img src='x.png'/>"
    chapters = (dataclasses.replace(sample.chapters[0], title=title), *sample.chapters[1:])
    pdf = layout(dataclasses.replace(sample, chapters=chapters), style, PAPERS["a5"])
    assert title in contents_lines(read_texts(pdf)[2], list(PdfReader(io.BytesIO(pdf)).page_labels))
    assert title in read_outline(pdf)


def test_a_figure_shown_in_two_chapters_is_listed_twice_each_with_its_page(
    make_booklet: Callable[..., doc.Booklet],
    style: Style,
    read_texts: Callable[[bytes], list[str]],
) -> None:
    booklet = make_booklet(chapters=1)  # its chapter shows figure 1
    first = booklet.chapters[0]
    again = dataclasses.replace(first, title="The Same Again", number=2)
    pdf = layout(dataclasses.replace(booklet, chapters=(first, again)), style, PAPERS["a5"])
    labels = list(PdfReader(io.BytesIO(pdf)).page_labels)
    texts = read_texts(pdf)
    listed = [
        labels.index(found[3]) + 1
        for line in texts[2].splitlines()
        if (found := LEADERS.match(line.strip())) and found[2] == "Three Soviet loans to China"
    ]
    chapters = contents_lines(texts[2], labels)
    assert len(listed) == 2
    assert chapters[first.title][1] <= listed[0] < chapters[again.title][1] <= listed[1]
    for page in listed:
        assert "Figure 1. Three Soviet loans to China" in flat(texts[page - 1])
