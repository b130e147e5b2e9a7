"""Read the digital edition that the print edition is made from.

Everything that can go wrong with the input is found here, before any sheet is
made: a file that is not a PDF, a damaged or locked one, one without pages, or
pages of different sizes. Each page comes out ready to be placed on a sheet:
upright, with its content in a single stream, and without its links.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import FileNotDecryptedError
from pypdf.generic import ArrayObject, NullObject, TextStringObject

from booklet.diagnostics import BookletError, Problem
from booklet.numbers import format_number

from .options import POINTS_PER_MM

SAME_SIZE_PT = 0.5  # pages closer than this (under 0.2 mm) are the same size on paper
_REBUILD = "build the digital edition again with `booklet build`"
_REASON_LENGTH = 60
# Links and article beads point into the digital edition: on paper they mean nothing,
# and copying them would drag the rest of the document along.
_NOT_PRINTED = ("/Annots", "/B")


@dataclass(frozen=True, slots=True)
class DigitalEdition:
    pages: list[PageObject]  # upright, one content stream each, no links
    page_size: tuple[float, float]  # points: the trim box, the same for every page
    info: dict[str, str]  # document information: /Title, /Author, …
    language: str | None
    pdf_header: str


def read_digital_edition(pdf: bytes) -> DigitalEdition:
    """Check the digital edition and get its pages ready; raise BookletError if it is unusable."""
    if b"%PDF-" not in pdf[:1024]:  # the header may follow a little junk, as readers allow
        raise BookletError(Problem(None, "the digital edition is not a PDF file", hint=_REBUILD))
    with _damage_reported():
        reader = PdfReader(io.BytesIO(pdf))
        pages = _normalised_pages(reader)
        sizes = [(float(page.trimbox.width), float(page.trimbox.height)) for page in pages]
        info = _text_info(reader)
        language = _text_or_none(reader.root_object.get("/Lang"))
    if not pages:
        raise BookletError(
            Problem(
                None,
                "the digital edition has no pages",
                hint="give the booklet some content, then " + _REBUILD,
            )
        )
    return DigitalEdition(pages, _common_size(sizes), info, language, reader.pdf_header)


def first_page_size(pdf: bytes) -> tuple[float, float]:
    """The first page's trim box in points: enough to plan the sheets without reading every
    page, which imposing them does anyway."""
    if b"%PDF-" not in pdf[:1024]:
        raise BookletError(Problem(None, "the digital edition is not a PDF file", hint=_REBUILD))
    with _damage_reported():
        pages = PdfReader(io.BytesIO(pdf)).pages
        if len(pages):
            box = pages[0].trimbox
            return float(box.width), float(box.height)
    raise BookletError(
        Problem(None, "the digital edition has no pages", hint="give the booklet some content")
    )


@contextmanager
def _damage_reported() -> Iterator[None]:
    try:
        yield
    except FileNotDecryptedError as error:
        raise BookletError(
            Problem(
                None,
                "the digital edition is protected by a password",
                hint="save a copy without a password and make the print edition from that",
            )
        ) from error
    except Exception as error:  # pypdf reports a damaged file with many kinds of error
        raise BookletError(
            Problem(None, f"the digital edition is a damaged PDF ({_reason(error)})", hint=_REBUILD)
        ) from error


def _reason(error: Exception) -> str:
    """pypdf's own words on one short line: some of its messages quote raw bytes."""
    reason = " ".join(str(error).split()).rstrip(".") or type(error).__name__
    if len(reason) > _REASON_LENGTH:
        reason = reason[: _REASON_LENGTH - 1] + "…"
    return reason[:1].lower() + reason[1:]


def _normalised_pages(reader: PdfReader) -> list[PageObject]:
    # Copying every page into a scratch document reads all of it now, so a damaged
    # file fails here rather than halfway through writing the sheets.
    scratch = PdfWriter()
    for page in reader.pages:
        copy = scratch.add_page(page, excluded_keys=_NOT_PRINTED)
        if copy.rotation:
            copy.transfer_rotation_to_content()
        if isinstance(copy.get("/Contents", NullObject()).get_object(), ArrayObject):
            # a form XObject holds one stream
            copy.replace_contents(copy.get_contents())
            copy.compress_content_streams()
    return list(scratch.pages)


def _common_size(sizes: list[tuple[float, float]]) -> tuple[float, float]:
    first = sizes[0]
    for number, size in enumerate(sizes, start=1):
        if max(abs(size[0] - first[0]), abs(size[1] - first[1])) > SAME_SIZE_PT:
            raise BookletError(
                Problem(
                    None,
                    f"the pages of the digital edition are not all the same size: page 1 is "
                    f"{_in_mm(first)} but page {number} is {_in_mm(size)}",
                    hint="a folded booklet needs pages of one size; " + _REBUILD,
                )
            )
    return first


def _in_mm(size: tuple[float, float]) -> str:
    width, height = (format_number(round(side / POINTS_PER_MM, 1)) for side in size)
    return f"{width} x {height} mm"


def _text_info(reader: PdfReader) -> dict[str, str]:
    info = reader.metadata
    if info is None:
        return {}
    texts = {str(key): _text_or_none(info.get(key)) for key in info}
    return {key: text for key, text in texts.items() if text is not None}


def _text_or_none(value: object) -> str | None:
    # Names such as /Trapped /False are str too, but they are not text.
    return str(value) if isinstance(value, TextStringObject) else None
