"""Read a PDF as its readers do: QPDF's checks, pypdf and PDFium, fonts, words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pypdfium2
from pypdf import PdfReader

_WORD = re.compile(r"\w+")
_NOT_COMPARED = re.compile(r"[\s\-\u00ad]")  # spaces, line breaks and hyphens at line ends


def qpdf_problems(pdf: Path) -> list[str]:
    """What `qpdf --check` would say: every stream decoded, every page's content parsed."""
    with pikepdf.open(pdf) as document:
        return document.check_pdf_syntax()


def pypdf_pages(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def pdfium_pages(pdf: Path) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def words(text: str) -> Counter[str]:
    """The words of a page, in any order: readers order lines and superscripts differently."""
    return Counter(_WORD.findall(text))


def key(text: str) -> str:
    """Text to search in: without spaces, line breaks and hyphens, which lines move."""
    return _NOT_COMPARED.sub("", text)


def found_across_pages(text: str, pages: list[str]) -> bool:
    """Whether the text is on one page, or runs from one page over the next ones.

    `pages` are keys. A passage that runs over is split where the longest start
    of what is left is found on a page; the running head, notes and folio that
    come between the pieces are skipped.
    """
    for first in range(len(pages)):
        rest = text
        for page in pages[first:]:
            if rest in page:
                return True
            taken = _longest_start_in(rest, page)
            if taken == 0:
                break
            rest = rest[taken:]
    return False


def _longest_start_in(text: str, page: str) -> int:
    low, high = 0, len(text)  # text[:low] is in the page; text[:high + 1] is not
    while low < high:
        middle = (low + high + 1) // 2
        if text[:middle] in page:
            low = middle
        else:
            high = middle - 1
    return low


def fonts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every font a page uses, also inside form XObjects (imposed pages are forms) and
    inside the glyph procedures of Type 3 fonts."""
    seen: set[tuple[int, int]] = set()

    def within(resources: pikepdf.Object | None) -> Iterator[pikepdf.Dictionary]:
        if not isinstance(resources, pikepdf.Dictionary):
            return
        for font in dict(resources.get("/Font", {})).values():
            yield font
            if font.get("/Subtype") == "/Type3":
                yield from within(font.get("/Resources"))
        for xobject in dict(resources.get("/XObject", {})).values():
            if xobject.objgen in seen or xobject.get("/Subtype") != "/Form":
                continue
            seen.add(xobject.objgen)
            yield from within(xobject.get("/Resources"))

    for page in pdf.pages:
        yield from within(page.obj.get("/Resources"))


def is_embedded(font: pikepdf.Dictionary) -> bool:
    """A Type 3 font is its own glyphs; any other needs its font program in the file."""
    if font.get("/Subtype") == "/Type3":
        return True
    described = font["/DescendantFonts"][0] if font.get("/Subtype") == "/Type0" else font
    descriptor = described.get("/FontDescriptor")
    return descriptor is not None and any(
        name in descriptor for name in ("/FontFile", "/FontFile2", "/FontFile3")
    )
