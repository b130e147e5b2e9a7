from __future__ import annotations

import dataclasses
import io
import re
from typing import Literal

import pdfplumber
import pytest

from booklet import document as doc
from booklet.document import NoteRef, Span
from booklet.layout import Style, layout
from booklet.layout.markup import inline_markup, note_marker, safe_link
from booklet.project import PAPERS


def test_source_text_is_escaped_so_tags_and_entities_print_as_written() -> None:
    markup = inline_markup([Span('<img src="/etc/passwd"/> AT&T &bogus; <b>')], "#000000")
    assert markup == '&lt;img src="/etc/passwd"/&gt; AT&amp;T &amp;bogus; &lt;b&gt;'


def test_emphasis_and_strong_become_italic_and_bold() -> None:
    markup = inline_markup(
        [Span("Zet", emphasis=True), Span(" & "), Span("Ili", strong=True)], "#000"
    )
    assert markup == "<i>Zet</i> &amp; <b>Ili</b>"


def test_a_safe_link_becomes_a_link_with_its_address_escaped() -> None:
    markup = inline_markup([Span("the site", link="https://example.org/?a=1&b=2")], "#1f4e79")
    assert markup == '<a href="https://example.org/?a=1&amp;b=2" color="#1f4e79">the site</a>'


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "launch:calc.exe",
        "#section-2",
        "https://",
        'https://example.org/" onclick="x',
        "http://exa mple.org",
        "",
    ],
)
def test_links_other_than_web_and_mail_addresses_are_plain_text(url: str) -> None:
    assert safe_link(url) is None
    assert inline_markup([Span("here", link=url)], "#000") == "here"


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "http://example.org", "mailto:editor@example.org"]
)
def test_web_and_mail_addresses_are_allowed(url: str) -> None:
    assert safe_link(url) == url


def test_a_note_reference_is_a_raised_number_linking_to_its_note() -> None:
    markup = inline_markup([Span("said."), NoteRef(12)], "#000")
    assert markup == "said." + note_marker(12)
    assert 'href="#note-12"' in markup
    assert ">12</super></a>" in markup


def test_markers_can_be_left_out_where_no_note_can_follow() -> None:
    assert inline_markup([Span("On the cover"), NoteRef(3)], "#000", with_notes=False) == (
        "On the cover"
    )


# Compounds whose hyphen ReportLab may break a line after; no other word in these
# paragraphs has a hyphen, and no first part is ever a word of its own.
COMPOUNDS = (
    "Sino-Japanese",
    "modern-day",
    "well-known",
    "north-west",
    "face-to-face",
    "non-aggression",
    "Russo-Japanese",
    "anti-aircraft",
    "twin-engined",
)
FILLER = ("the", "aid", "sent", "by", "road", "and", "rail", "reached", "Lanzhou", "in", "time")
ROLES: tuple[Literal["lead", "body", "small"], ...] = ("lead", "body", "body", "small")


def hyphenated(seed: int, compounds: int) -> str:
    """Compounds a varying number of words apart, so that they fall all along the line."""
    words: list[str] = []
    for index in range(compounds):
        words += FILLER[: (seed + 5 * index) % 9]
        words.append(COMPOUNDS[(seed + index) % len(COMPOUNDS)])
    return " ".join(words)


def hyphenated_booklet(sample: doc.Booklet) -> doc.Booklet:
    """Compounds in running text, quotes, notes and entries, with paragraphs run over pages."""
    notes: list[doc.Note] = []
    blocks: list[doc.Block] = []
    for seed in range(18):
        notes.append(doc.Note(seed + 1, (Span(hyphenated(seed, 3 + seed % 4)),)))
        content = (
            Span(hyphenated(seed, 6) + " "),
            Span(hyphenated(seed + 1, 2), emphasis=True),  # a paragraph of several fragments
            doc.NoteRef(seed + 1),
            Span(" " + hyphenated(seed + 2, 4 + seed % 9)),
        )
        quoted = seed % 5 == 4
        blocks.append(
            doc.BlockQuote(content) if quoted else doc.Paragraph(content, ROLES[seed % 4])
        )
    entries = tuple(
        doc.Paragraph(
            (Span(COMPOUNDS[seed % len(COMPOUNDS)], strong=True), Span(" " + hyphenated(seed, 5))),
            "entry",
        )
        for seed in range(24)
    )
    chapters = (
        doc.Chapter("Aid by road", tuple(blocks), number=1),
        doc.Chapter("Glossary", entries, kind="back"),
    )
    return dataclasses.replace(sample, chapters=chapters, notes=tuple(notes))


def printed_compounds(pages: list[str]) -> tuple[list[str], list[str]]:
    """Compounds read back whole, and words that are a compound, or its first part, unhyphenated.

    A line that ends in a hyphen is joined to the next with the hyphen kept:
    "Sino-" over "Japanese" reads "Sino-Japanese". A hyphen ReportLab adds to
    break a part ("Sino-Japa-nese") is allowed.
    """
    letters = {compound.replace("-", ""): compound for compound in COMPOUNDS}
    first_parts = {compound.split("-")[0] for compound in COMPOUNDS}
    printed: list[str] = []
    wrong: list[str] = []
    for page in pages:
        for word in re.sub(r"-\n", "-", page).split():
            word = word.strip(".,;:()“”0123456789")  # a note marker may touch a word
            compound = letters.get(word.replace("-", ""))
            if compound is not None and re.fullmatch(_spelt(compound), word):
                printed.append(compound)
            elif compound is not None or word in first_parts:
                wrong.append(word)
    return printed, wrong


def _spelt(compound: str) -> str:
    """The compound with its hyphens, and any ReportLab may add to break a line."""
    return "-".join("-?".join(part) for part in compound.split("-"))


@pytest.mark.parametrize("paper", ["a6", "half-letter", "a5", "letter", "a4"])
def test_compounds_keep_their_hyphens_wherever_the_lines_break(
    sample: doc.Booklet, style: Style, paper: str
) -> None:
    booklet = hyphenated_booklet(sample)
    with pdfplumber.open(io.BytesIO(layout(booklet, style, PAPERS[paper]))) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    printed, wrong = printed_compounds(pages)
    assert wrong == []
    # Every compound is read back but one broken over a page, with page furniture between.
    assert len(printed) >= _count_compounds(booklet) - len(pages)
    text = "\n".join(pages)
    parts = {part for compound in COMPOUNDS for part in compound.split("-")[:-1]}
    assert any(f"{part}-\n" in text for part in parts)  # lines end at a compound's hyphen
    assert any(f"\n{compound}" in text for compound in COMPOUNDS)  # and begin with a compound


def _count_compounds(booklet: doc.Booklet) -> int:
    contents = [
        block.content
        for chapter in booklet.chapters
        for block in chapter.blocks
        if isinstance(block, doc.Paragraph | doc.BlockQuote)
    ]
    contents += [note.content for note in booklet.notes]
    return sum(
        item.text.count(compound)
        for content in contents
        for item in content
        if isinstance(item, Span)
        for compound in COMPOUNDS
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A. M. Vasilevsky", "A.\u00a0M.\u00a0Vasilevsky"),
        (
            "\u0424. \u0418. \u0416\u0443\u043a\u043e\u0432",
            "\u0424.\u00a0\u0418.\u00a0\u0416\u0443\u043a\u043e\u0432",
        ),
        ("in the U.S. Army", "in the U.S. Army"),  # an abbreviation, not initials
        ("para. 2 of p. Smith", "para. 2 of p. Smith"),  # small letters are no initials
    ],
)
def test_initials_stay_with_the_name(text: str, expected: str) -> None:
    assert inline_markup([Span(text)], "#000") == expected
