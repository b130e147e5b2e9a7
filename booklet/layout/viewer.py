"""How a PDF reader opens the digital edition and names its pages.

Readers show a book as spreads only if told to: two pages side by side with
the cover alone on the right, opened at the cover. Page labels make the
reader's page box agree with the folios printed on the pages: roman numerals
for the front matter, arabic from the first chapter on, which is page 1.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFArray, PDFName
from reportlab.pdfgen.canvas import Canvas

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(number: int) -> str:
    """A positive number in lower-case roman numerals: 4 → "iv"."""
    digits = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def folio(page: int, body_start: int | None) -> str:
    """The number printed on a page: roman before the first chapter, arabic from it."""
    if body_start is None or page < body_start:
        return roman(page)
    return str(page - body_start + 1)


def open_on_this_page_as_spreads(canvas: Canvas) -> None:
    """Open the document at the page being drawn, whole, in spreads with page 1 alone."""
    catalog = canvas._doc.Catalog
    catalog.OpenAction = PDFArray([canvas._doc.thisPageRef(), PDFName("Fit")])
    catalog.setPageLayout("TwoPageRight")


def label_pages_from_here(canvas: Canvas, page: int, *, front_matter: bool) -> None:
    """Number the pages from this one on: roman for the front matter, else arabic from 1."""
    # By name: ReportLab 5.1 takes "r" for "R" (upper-case roman) and fails on it.
    style = "ROMAN_LOWER" if front_matter else "ARABIC"
    start = page if front_matter else 1
    canvas.addPageLabel(page - 1, style, start)
