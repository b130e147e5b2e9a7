from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from booklet import document as doc
from booklet.diagnostics import BookletError, Location
from booklet.layout import Style, layout_handout
from booklet.project import PAPERS

from .conftest import UNSAFE, Notes, page_texts, prose, span

TEMPLATE = Path("templates/handout.jinja")
URL = "https://example.org/booklets/soviet-aid.pdf"
SECTIONS = ("At a glance", "Key figures", "The loans", "Timeline", "About the sources")


def handout(chart: bytes, url: str | None = URL, extra_sections: int = 0) -> doc.Booklet:
    """A handout as compose makes it: short sections, a table, a chart, a timeline, notes."""
    notes = Notes()
    glance = doc.Chapter(
        SECTIONS[0],
        (
            doc.Paragraph((span(prose(1, 3)), notes.cite("An Wen, paragraph 3.")), role="lead"),
            doc.Paragraph((span(prose(2, 2)), notes.cite("Operation Zet, paragraph 1."))),
            doc.Heading("The route"),
            *(doc.Paragraph((span(prose(seed, 4)),)) for seed in range(3, 8)),
        ),
        origin=Location(TEMPLATE, 4),
    )
    figures = doc.Chapter(
        SECTIONS[1],
        (
            doc.Table(
                header=((span("What"),), (span("Figure"),)),
                rows=tuple(
                    ((span(what),), (span(figure), notes.cite(f"An Wen, on {what.lower()}.")))
                    for what, figure in (
                        ("All three loans", "$250 million"),
                        ("Aircraft sent by 1941", "885 aircraft"),
                        ("Freight trains", "5,640 trains"),
                    )
                ),
            ),
        ),
        origin=Location(TEMPLATE, 7),
    )
    loans = doc.Chapter(
        SECTIONS[2],
        (
            doc.FigureBlock(
                number=1,
                title="Three Soviet loans to China",
                caption=(span("Loans agreed in 1938 and 1939."), notes.cite("An Wen, para. 9.")),
                description="Bars for three loans.",
                svg=chart,
                width_mm=110,
                height_mm=68,
            ),
            doc.Paragraph((span(UNSAFE),)),
        ),
        origin=Location(TEMPLATE, 10),
    )
    timeline = doc.Chapter(
        SECTIONS[3],
        (
            doc.Table(
                header=((span("Date"),), (span("Event"),)),
                rows=tuple(
                    ((span(date),), (span(event), notes.cite(f"Timeline source for {date}.")))
                    for date, event in (
                        ("September 1931", "Japan invades north-east China"),
                        ("August 1937", "Sino-Soviet non-aggression pact"),
                        ("June 1941", "German invasion of the USSR halts the loans"),
                        ("14 August 1945", "Japan surrenders"),
                    )
                ),
            ),
        ),
        origin=Location(TEMPLATE, 13),
    )
    about = doc.Chapter(
        SECTIONS[4],
        tuple(doc.Paragraph((span(prose(seed, 4)),)) for seed in range(4)),
        origin=Location(TEMPLATE, 16),
    )
    more = tuple(
        doc.Chapter(
            f"More {number}",
            tuple(doc.Paragraph((span(prose(number + i, 4)),)) for i in range(4)),
            origin=Location(TEMPLATE, 20 + number),
        )
        for number in range(1, extra_sections + 1)
    )
    return doc.Booklet(
        title="Soviet Aid to China",
        subtitle="Loans, aircraft and volunteers, 1937\u20131945",
        author="Local History Society",
        language="en-GB",
        subject=None,
        keywords=(),
        cover=doc.Cover(
            "Soviet Aid to China",
            "Loans, aircraft and volunteers, 1937\u20131945",
            "Local History Society",
            "March 2024",
        ),
        chapters=(glance, figures, loans, timeline, about, *more),
        notes=tuple(notes.notes),
        back_cover=doc.BackCover(
            summary=(), edition_url=url, colophon="Local History Society · free to copy"
        ),
    )


@pytest.fixture(scope="module")
def sample(svgs: tuple[bytes, bytes]) -> doc.Booklet:
    return handout(svgs[0])


@pytest.fixture(scope="module")
def pdf(sample: doc.Booklet, style: Style) -> bytes:
    return layout_handout(sample, style, PAPERS["a5"])


@pytest.fixture(scope="module")
def texts(pdf: bytes) -> list[str]:
    return column_texts(pdf)


def column_texts(pdf: bytes) -> list[str]:
    """The text of each side in reading order: the left column, then the right."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            "\n".join(
                page.crop((x0, 0, x1, page.height)).extract_text()
                for x0, x1 in ((0, page.width / 2), (page.width / 2, page.width))
            )
            for page in document.pages
        ]


def flat(text: str) -> str:
    return " ".join(text.split())


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(round(page.mediabox.width), round(page.mediabox.height)) for page in reader.pages]


def test_an_a5_booklet_gets_both_sides_of_an_a4_sheet(pdf: bytes) -> None:
    assert page_sizes(pdf) == [(595, 842), (595, 842)]


def test_a_half_letter_booklet_gets_both_sides_of_a_letter_sheet(
    sample: doc.Booklet, style: Style
) -> None:
    assert page_sizes(layout_handout(sample, style, PAPERS["half-letter"])) == [(612, 792)] * 2


def test_the_title_band_opens_the_front(texts: list[str]) -> None:
    lines = texts[0].splitlines()
    assert lines[:3] == [
        "Soviet Aid to China",
        "Loans, aircraft and volunteers, 1937\u20131945",
        "Local History Society · March 2024",
    ]


def test_every_section_is_there_in_order(texts: list[str]) -> None:
    whole = "\n".join(texts)
    lines = whole.splitlines()
    assert all(title in lines for title in SECTIONS)
    assert [lines.index(title) for title in SECTIONS] == sorted(
        lines.index(title) for title in SECTIONS
    )


def test_the_notes_follow_under_sources_in_order(sample: doc.Booklet, texts: list[str]) -> None:
    whole = flat(" ".join(texts))
    notes_part = whole[whole.index(" Sources ") :]
    positions = [notes_part.index(f"{note.number} Note {note.number}:") for note in sample.notes]
    assert positions == sorted(positions)
    assert len(sample.notes) == 10


def test_markers_lead_to_their_notes(pdf: bytes, sample: doc.Booklet, texts: list[str]) -> None:
    reader: Any = PdfReader(io.BytesIO(pdf))
    targets = {
        (annotation["/Dest"][0].idnum, round(annotation["/Dest"][3]))
        for page in reader.pages
        for annotation in (item.get_object() for item in page.get("/Annots", []))
        if "/Dest" in annotation
    }
    notes_page = next(index for index, text in enumerate(texts) if "\nSources\n" in text)
    assert {page for page, _ in targets} == {reader.pages[notes_page].indirect_reference.idnum}
    assert len(targets) == len(sample.notes)  # one place for each note


def small_squares(pdf: bytes) -> int:
    """Filled squares under 2 mm: the modules of a QR code."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return sum(
            1
            for page in document.pages
            for rect in page.rects
            if rect["width"] < 6 and abs(rect["width"] - rect["height"]) < 0.1
        )


def test_the_qr_code_and_its_label_come_when_the_address_is_set(
    pdf: bytes, texts: list[str]
) -> None:
    whole = flat(" ".join(texts))
    assert whole.endswith(f"Read this booklet online {URL}") or f"online {URL}" in whole
    assert small_squares(pdf) > 100


def test_no_address_no_qr_code(svgs: tuple[bytes, bytes], style: Style) -> None:
    pdf = layout_handout(handout(svgs[0], url=None), style, PAPERS["a5"])
    assert small_squares(pdf) == 0
    assert "online" not in " ".join(page_texts(pdf))


def test_the_colophon_and_the_side_are_in_the_footer(pdf: bytes) -> None:
    assert [text.splitlines()[-1] for text in page_texts(pdf)] == [
        "Local History Society · free to copy 1/2",
        "Local History Society · free to copy 2/2",
    ]


def test_source_text_prints_as_written(texts: list[str]) -> None:
    assert flat(UNSAFE) in flat(" ".join(texts))


def test_every_font_is_embedded_as_a_subset(pdf: bytes) -> None:
    reader: Any = PdfReader(io.BytesIO(pdf))
    fonts = {
        font.get_object()["/BaseFont"]: font.get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts
    for name, font in fonts.items():
        descriptor = font["/FontDescriptor"]
        assert "/FontFile2" in descriptor, name
        assert name.startswith("/AAAAA"), name


def test_the_same_handout_gives_the_same_bytes(
    sample: doc.Booklet, style: Style, pdf: bytes
) -> None:
    assert layout_handout(sample, style, PAPERS["a5"]) == pdf


def test_it_says_what_it_is(pdf: bytes) -> None:
    reader: Any = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Soviet Aid to China — handout"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_a_handout_longer_than_a_sheet_is_refused(svgs: tuple[bytes, bytes], style: Style) -> None:
    with pytest.raises(BookletError) as caught:
        layout_handout(handout(svgs[0], extra_sections=2), style, PAPERS["a5"])
    problem = caught.value.problem
    assert problem.message == (
        "the handout is longer than one sheet, both sides: it needs 3 pages;"
        " shorten templates/handout.jinja"
    )
    assert problem.hint == (
        "it runs over from “More 1” on: leave out a section, a figure or some table rows"
    )
    assert problem.location == Location(TEMPLATE, 21)  # where that section is written


def test_a_note_cited_but_missing_is_reported(sample: doc.Booklet, style: Style) -> None:
    with pytest.raises(BookletError) as caught:
        layout_handout(dataclasses.replace(sample, notes=sample.notes[1:]), style, PAPERS["a5"])
    assert caught.value.problem.message == (
        "note 1 is cited in “At a glance” but the handout has no such note"
    )
    assert caught.value.problem.location == Location(TEMPLATE, 4)


def test_a_block_taller_than_a_column_is_a_problem_not_a_traceback(
    sample: doc.Booklet, style: Style
) -> None:
    tall = doc.Table(header=((span("Head"),),), rows=(((span("A very long cell. " * 700),),),))
    chapter = doc.Chapter("Too tall", (tall,), origin=Location(TEMPLATE, 9))
    with pytest.raises(BookletError) as caught:
        layout_handout(dataclasses.replace(sample, chapters=(chapter,)), style, PAPERS["a5"])
    assert (
        caught.value.problem.message
        == "a block in “Too tall” does not fit in a column of the handout"
    )
    assert caught.value.problem.location == Location(TEMPLATE, 9)
