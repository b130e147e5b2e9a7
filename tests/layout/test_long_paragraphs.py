"""A saved document of one very long line: set in pieces that do not show, or refused."""

from __future__ import annotations

import dataclasses
import io
import re
import time
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.colors import black
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from booklet import document as doc
from booklet.cli import main
from booklet.layout import Style, layout
from booklet.layout import long_paragraphs as pieces
from booklet.layout.long_paragraphs import JoinedParagraph, in_pieces
from booklet.layout.markup import note_marker
from booklet.layout.notes import FootnoteArea, Footnoted, notes_in
from booklet.layout.typography import typography
from booklet.project import PAPERS
from tests.conftest import page_texts

from .conftest import SENTENCES, span

TEXT_WIDTH = 300.0  # points, about an A5 page's


def one_line(characters: int) -> str:
    """`characters` of prose with no line break, its sentences about 150 characters apart."""
    text = ""
    while len(text) < characters:
        text += " ".join(SENTENCES) + " "
    text = text[: characters - 1]
    return text[:-1] + "s." if text.endswith(" ") else text + "."


def new_project(tmp_path: Path, characters: int) -> Path:
    seeds = tmp_path / "saved"
    seeds.mkdir()
    (seeds / "mill.txt").write_text(one_line(characters) + "\n", encoding="utf-8")
    project = tmp_path / "mill"
    assert main(["new", str(project), "--seeds", str(seeds), "--quiet"]) == 0
    return project


def test_a_million_characters_on_one_line_are_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = new_project(tmp_path, 1_000_000)
    capsys.readouterr()
    started = time.perf_counter()
    status = main(["build", str(project)])
    assert time.perf_counter() - started < 30
    err = capsys.readouterr().err
    assert status == 1
    assert re.search(
        r"^templates/booklet\.jinja: error: a quotation of 1,000,000 characters "
        r"\(“The first Soviet aircraft reached .*”\) is too long to set: "
        r"a paragraph may hold at most 300,000$",
        err,
        re.MULTILINE,
    ), err
    assert 'hint: quote only part of it, with excerpt("source-id", "exact words")' in err
    assert "Traceback" not in err
    assert not list(project.glob("output/*.pdf"))


def test_a_paragraph_of_50000_characters_is_all_on_the_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = new_project(tmp_path, 50_000)
    assert main(["build", str(project), "--only", "digital", "--quiet"]) == 0
    words = " ".join(page_texts(project / "output" / "mill.pdf")).split()
    wanted = one_line(50_000).split()
    wanted[-1] += "1"  # the marker of the note citing the quotation
    start = next(i for i in range(len(words)) if words[i : i + 8] == wanted[:8])
    found, skipped = 0, 0
    for word in words[start:]:
        if found == len(wanted):
            break
        if word == wanted[found]:
            found += 1
        else:
            skipped += 1  # a running head or a folio, nothing else
    pages = len(page_texts(project / "output" / "mill.pdf"))
    assert found == len(wanted)
    assert skipped <= 2 * pages


def test_the_pieces_hold_the_lines_of_the_whole_paragraph(style: Style) -> None:
    body = typography(style, "en-GB").body
    whole = JoinedParagraph(one_line(20_000), body)
    cut = in_pieces(JoinedParagraph(one_line(20_000), body), 20_000, TEXT_WIDTH)
    assert len(cut) > 5
    assert _lines(whole) == [line for piece in cut for line in _lines(piece)]
    assert [piece.joins_next for piece in cut] == [True] * (len(cut) - 1) + [False]
    assert cut[0].style.firstLineIndent == body.firstLineIndent != 0
    assert {piece.style.firstLineIndent for piece in cut[1:]} == {0}
    assert {piece.style.spaceAfter for piece in cut[:-1]} == {0}


def test_a_piece_split_at_a_page_foot_still_runs_on(style: Style) -> None:
    body = typography(style, "en-GB").body
    first = in_pieces(JoinedParagraph(one_line(20_000), body), 20_000, TEXT_WIDTH)[0]
    top, rest = first.split(TEXT_WIDTH, 5 * body.leading)
    assert not top.joins_next
    assert rest.joins_next
    assert rest._JustifyLast


def test_a_short_paragraph_is_set_whole(style: Style) -> None:
    paragraph = JoinedParagraph(one_line(4_000), typography(style, "en-GB").body)
    assert in_pieces(paragraph, 4_000, TEXT_WIDTH) == [paragraph]


def test_pieces_print_exactly_as_the_whole_paragraph_would(
    sample: doc.Booklet, style: Style, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = (doc.Note(1, (span("Note 1: the mill's ledger."),)),)
    long = one_line(25_000)
    middle = len(long) // 2
    blocks = (
        doc.Paragraph((span(long[:middle]), doc.NoteRef(1), span(long[middle:]))),
        doc.BlockQuote((span(long[:12_000]), doc.NoteRef(1))),
        doc.Paragraph((span("After the long ones."),)),
    )
    booklet = dataclasses.replace(
        sample, chapters=(doc.Chapter("The mill", blocks, number=1),), notes=notes
    )
    in_pieces_pdf = layout(booklet, style, PAPERS["a5"])
    monkeypatch.setattr(pieces, "PIECE_CHARACTERS", 10**9)
    whole_pdf = layout(booklet, style, PAPERS["a5"])
    assert _glyphs(in_pieces_pdf) == _glyphs(whole_pdf)


def test_each_part_of_a_paragraph_split_page_by_page_knows_its_notes() -> None:
    # The rest's notes are told, not read again at every page: they must still be right.
    text = " ".join(f"word{i}" + (note_marker(i) if i % 15 == 1 else "") for i in range(900))
    style = ParagraphStyle("test", fontSize=9, leading=11)
    area = FootnoteArea({i: f"Note {i}." for i in range(1, 900, 15)}, style, black, 200, 100)
    block: object = Footnoted(Paragraph(text, style), area)
    told = []
    while isinstance(block, Footnoted) and block.wrap(200, 300)[1] > 300:
        first, block = block.split(200, 300)
        for part in (first, block):
            assert not isinstance(part, Footnoted) or part.numbers == tuple(
                dict.fromkeys(notes_in(part.content))
            )
        told += notes_in(first)
    assert told + notes_in(block) == list(range(1, 900, 15))


def _lines(paragraph: JoinedParagraph) -> list[str]:
    paragraph.wrap(TEXT_WIDTH, 1e9)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return ["".join(frag.text for frag in line.words).strip() for line in lines]


def _glyphs(pdf: bytes) -> list[list[tuple[str, float, float]]]:
    """Every character on every page, where it is printed."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            [(c["text"], round(c["x0"], 2), round(c["top"], 2)) for c in page.chars]
            for page in document.pages
        ]
