from __future__ import annotations

import dataclasses
import io
from typing import Any

from pypdf import PdfReader

from booklet import document as doc
from booklet.layout import Style, layout
from booklet.layout.citations import bibliography, entry_title, note_markup
from booklet.project import PAPERS

S = doc.Span


def article(author: str, title: str) -> doc.Paragraph:
    return doc.Paragraph((S(author), S(". “"), S(title), S(".” "), S("n.d.")), role="entry")


ENTRIES = (
    article("An Wen", "Soviet Contribution: The USSR Helps in Defeat of Japan"),
    doc.Paragraph((S("“"), S("Operation Zet"), S(".” "), S("n.d.")), role="entry"),
)
ABOUT_THE_SOURCES = doc.Paragraph(
    (S("Operation Zet", emphasis=True), S(" (encyclopedia; used as evidence). A copy.")),
    role="entry",
)


def booklet_with(sample: doc.Booklet, *notes: str) -> doc.Booklet:
    chapter = doc.Chapter(
        "A chapter",
        tuple(
            doc.Paragraph((S(f"Claim {number}."), doc.NoteRef(number)))
            for number in range(1, len(notes) + 1)
        ),
        number=1,
    )
    back = (
        doc.Chapter("Notes on the sources", (ABOUT_THE_SOURCES,), kind="back"),
        doc.Chapter("Bibliography", ENTRIES, kind="back"),
    )
    return dataclasses.replace(
        sample,
        chapters=(chapter, *back),
        notes=tuple(doc.Note(n, (S(text),)) for n, text in enumerate(notes, start=1)),
    )


def test_an_entry_names_its_title_in_quotes_or_italics() -> None:
    assert entry_title(ENTRIES[1].content) == ("Operation Zet", "quoted")
    book = (S("Smith, J. "), S("A History of Aid", emphasis=True), S(". London, 1990."))
    assert entry_title(book) == ("A History of Aid", "italic")
    assert entry_title((S("Nothing to see here."),)) == (None, "")


def test_the_bibliography_is_the_section_that_quotes_titles(sample: doc.Booklet) -> None:
    found = bibliography(booklet_with(sample, "x"))
    assert set(found.titles) == {
        "Soviet Contribution: The USSR Helps in Defeat of Japan",
        "Operation Zet",
    }
    assert ABOUT_THE_SOURCES not in found.anchors
    assert set(found.anchors) == set(ENTRIES)


def test_a_note_links_its_short_title_to_the_entry(sample: doc.Booklet) -> None:
    found = bibliography(booklet_with(sample, "x"))
    anchor = found.anchors[ENTRIES[0]]
    markup = note_markup((S("An Wen, “Soviet Contribution,” para. 2."),), "#1f4e79", found)
    assert markup == (
        f'An Wen, “<a href="#{anchor}" color="#1f4e79">Soviet Contribution</a>,” para. 2.'
    )
    unrelated = note_markup((S("“Soviet Union,” para. 2."),), "#1f4e79", found)
    assert "<a " not in unrelated


def test_in_the_pdf_the_title_in_a_note_leads_to_the_entrys_page(
    sample: doc.Booklet, style: Style
) -> None:
    booklet = booklet_with(
        sample, "An Wen, “Soviet Contribution,” para. 2.", "“Operation Zet,” para. 1."
    )
    reader: Any = PdfReader(io.BytesIO(layout(booklet, style, PAPERS["a5"])))
    page_of = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    entries_page = next(
        number
        for number, page in enumerate(reader.pages)
        if "Defeat of Japan" in page.extract_text()
    )
    chapter_page = next(
        number for number, page in enumerate(reader.pages) if "Claim 1." in page.extract_text()
    )
    targets = [
        page_of[annot.get_object()["/Dest"][0].idnum]
        for annot in reader.pages[chapter_page]["/Annots"]
        if "/Dest" in annot.get_object()
    ]
    assert targets.count(entries_page) == 2  # one link from each note
