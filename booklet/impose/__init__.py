"""Turn the digital edition into the print edition: pages on sheets for a folded booklet.

Printed on both sides, flipped on the short edge, then stacked, folded in the
middle and stapled, the sheets read in order, from the front cover to the back.
"""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from booklet.project import Paper

from .digital import DigitalEdition, read_digital_edition
from .saddle_stitch import sheet_sides
from .sheets import place_on_sheets, sheet_size

__all__ = ["impose"]

PRINT_EDITION = " (print edition)"


def impose(pdf: bytes, paper: Paper) -> bytes:
    """The print edition of a digital edition whose pages are of this paper size.

    Raises BookletError if the digital edition is not a PDF, is damaged, has no
    pages, or has pages of different sizes.
    """
    edition = read_digital_edition(pdf)
    sides = sheet_sides(len(edition.pages))
    writer = place_on_sheets(edition.pages, edition.page_size, sides, sheet_size(paper))
    _describe(writer, edition)
    writer.compress_identical_objects()
    output = io.BytesIO()
    writer.write(output)  # with no /ID and no dates of its own: the same input, the same bytes
    return output.getvalue()


def _describe(writer: PdfWriter, edition: DigitalEdition) -> None:
    """The digital edition's title, author, dates and language; pypdf stays the producer."""
    info = {key: text for key, text in edition.info.items() if key != "/Producer"}
    if "/Title" in info:
        info["/Title"] += PRINT_EDITION
    writer.add_metadata(info)
    if edition.language:
        writer.root_object[NameObject("/Lang")] = TextStringObject(edition.language)
    writer.pdf_header = edition.pdf_header
