"""End to end on the default booklet: what a reader finds on the pages."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import page_texts

CHAPTERS = [
    "A Secret Operation",
    "Loans Paid in Kind",
    "The Road from Alma-Ata",
    "Volunteers in the Air",
    "Training an Air Force",
    "Border Wars and the Pact of 1941",
    "August 1945",
    "A Chronology",
]
FURNITURE = [
    "Post a Comment",
    "0 comments",
    "EDITOR'S DESK",
    "biquge",
    "Pen & Fun",
    "GFDL.",
    "VICTORY PARADE",
    "BADGES OF HONOR",
    "By AN WEN",
    "Promoting Friendship",
]


def digital(default_build: dict[str, Path]) -> Path:
    return default_build["soviet-aid-to-china.pdf"]


def test_digital_edition_has_at_least_16_a5_pages(default_build):
    reader = PdfReader(digital(default_build))
    assert len(reader.pages) >= 16
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (420, 595)  # A5 in points


def test_every_chapter_title_is_in_the_contents_and_opens_a_page(default_build):
    pages = page_texts(digital(default_build))
    contents = next(text for text in pages if "Contents" in text)
    for title in CHAPTERS:
        assert title in contents
        assert any(text.startswith(title) or f" {title} " in f" {text} " for text in pages[3:])


def chapter_pages(pdf: Path) -> list[str]:
    """The pages from the first chapter to the back matter (which may quote furniture)."""
    pages = page_texts(pdf)
    start = next(
        i
        for i, text in enumerate(pages)
        if i > 2 and text.startswith(("1 ", "Chapter 1", CHAPTERS[0]))
    )
    end = max(i for i, text in enumerate(pages) if text.startswith("Notes on the sources"))
    return pages[start:end]


def test_no_site_furniture_reaches_the_chapters(default_build):
    text = " ".join(chapter_pages(digital(default_build)))
    assert "Operation Zet was a secret operation" in text
    for furniture in FURNITURE:
        assert furniture not in text, furniture


def test_back_matter_is_present(default_build):
    text = " ".join(page_texts(digital(default_build)))
    for title in ("Notes on the sources", "Bibliography", "Glossary"):
        assert title in text
    assert "An Wen. “Soviet Contribution: The USSR Helps in Defeat of Japan.”" in text


def test_both_casualty_figures_appear_with_the_disagreement_said(default_build):
    text = " ".join(page_texts(digital(default_build)))
    assert "236 volunteers" in text
    assert "227 pilots" in text
    assert "the sources disagree" in text.lower()


def test_the_unreliable_source_is_described_never_quoted(default_build):
    text = " ".join(page_texts(digital(default_build)))
    assert "349 Soviet-Japanese War" in text  # named in the notes on the sources
    assert "T-34/85" not in text
    assert "Normenheim" not in text


def test_metadata_and_fonts(default_build):
    reader = PdfReader(digital(default_build))
    info = reader.metadata
    assert info.title == "Soviet Aid to China"
    assert info.author
    assert info.subject
    assert reader.trailer["/Root"].get("/Lang") == "en-GB"
    raw = digital(default_build).read_bytes()
    assert b"/FontFile2" in raw  # TrueType fonts embedded
    assert not re.search(
        rb"/BaseFont\s*/(Helvetica|Times-Roman)\b(?!-)", raw.replace(b"/Helvetica /", b"")
    )


def test_charts_are_vector_drawings_not_images(default_build):
    reader = PdfReader(digital(default_build))
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for name in xobjects:
            assert xobjects[name].get_object().get("/Subtype") != "/Image"


def test_cyrillic_and_accented_text_render(default_build):
    text = " ".join(page_texts(digital(default_build)))
    assert "Военно-воздушные силы" in text or "Chōshū" in text


def test_the_print_edition_folds_into_the_digital_page_order(default_build):
    """Read each half of every printed side, fold the stack virtually, compare page by page."""
    import pdfplumber

    from tests.impose.conftest import fold_sheets

    with pdfplumber.open(digital(default_build)) as pdf:
        digital_pages = [page.extract_text() or "" for page in pdf.pages]
    blanks = [""] * (-len(digital_pages) % 4)  # a printer puts them before the back cover
    padded = [*digital_pages[:-1], *blanks, digital_pages[-1]]
    halves = []
    with pdfplumber.open(default_build["soviet-aid-to-china-print.pdf"]) as pdf:
        for side in pdf.pages:
            middle = side.width / 2
            texts = [
                " ".join((side.crop(box).extract_text() or "").split())
                for box in ((0, 0, middle, side.height), (middle, 0, side.width, side.height))
            ]
            halves.append(tuple(texts))
    sheets = list(zip(halves[::2], halves[1::2], strict=True))
    folded = fold_sheets(sheets)  # type: ignore[arg-type]

    def words(text: str) -> list[str]:
        return sorted(re.sub(r"[^\w]+", " ", text).split())

    assert [words(text) for text in folded] == [words(text) for text in padded]


def test_the_handout_is_one_a4_sheet_both_sides(default_build):
    reader = PdfReader(default_build["soviet-aid-to-china-handout.pdf"])
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    first, second = page_texts(default_build["soviet-aid-to-china-handout.pdf"])
    assert first.startswith("Soviet Aid to China")
    assert "Key figures" in first
    assert "Timeline" in first
    assert "Sources" in second
