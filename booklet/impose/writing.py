"""Write an edition made from the digital one: described as it is, the same bytes every time."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from .digital import DigitalEdition


def written(writer: PdfWriter, edition: DigitalEdition, title_suffix: str) -> bytes:
    """The writer's PDF, described as the digital edition with `title_suffix` after its title."""
    _describe(writer, edition, title_suffix)
    writer.compress_identical_objects()
    output = io.BytesIO()
    writer.write(output)  # with no /ID and no dates of its own: the same input, the same bytes
    return output.getvalue()


def _describe(writer: PdfWriter, edition: DigitalEdition, title_suffix: str) -> None:
    """The digital edition's title, author, dates and language; pypdf stays the producer."""
    info = {key: text for key, text in edition.info.items() if key != "/Producer"}
    if "/Title" in info:
        info["/Title"] += title_suffix
    writer.add_metadata(info)
    if edition.language:
        writer.root_object[NameObject("/Lang")] = TextStringObject(edition.language)
    writer.pdf_header = edition.pdf_header
