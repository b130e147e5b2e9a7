"""Pictures of the booklet, to check it at a glance before printing or to show it on a web page.

The contact sheet lays the pages out as the booklet opens: the front cover alone
on the right, then each pair of facing pages, and the back cover alone on the
left when it has no partner. PDFium renders the pages; it comes inside the
pypdfium2 wheel, so no system library is needed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2
from PIL import Image, ImageDraw

from booklet.diagnostics import BookletError, Problem

TABLE = (214, 211, 204)  # what the open booklet lies on
FOLD = (150, 150, 150)
GAP = 12  # pixels between spreads and around the sheet
_REBUILD = "build the booklet again with `booklet build`"

Spread = tuple[int | None, int | None]  # the 0-based pages on the left and right; None: nothing


def spreads(page_count: int) -> list[Spread]:
    """The booklet opened page by page: [(None, 0), (1, 2), (3, 4), …]."""
    pairs: list[Spread] = [(None, 0)]
    for left in range(1, page_count, 2):
        pairs.append((left, left + 1 if left + 1 < page_count else None))
    return pairs


def contact_sheet(pdf: bytes, columns: int = 6, dpi: int = 40) -> bytes:
    """A PNG of every page, as spreads, `columns` pages to a row (rounded down to pairs)."""
    if columns < 2 or dpi < 1:
        raise ValueError(
            f"a contact sheet needs 2 or more columns and a positive dpi: {columns}, {dpi}"
        )
    with _opened(pdf) as document:
        pages = [_rendered(document[index], dpi) for index in range(len(document))]
    width, height = max(page.size[0] for page in pages), max(page.size[1] for page in pages)
    layout = spreads(len(pages))
    per_row = columns // 2
    rows = -(-len(layout) // per_row)
    sheet = Image.new(
        "RGB",
        (GAP + per_row * (2 * width + GAP), GAP + rows * (height + GAP)),
        TABLE,
    )
    draw = ImageDraw.Draw(sheet)
    for number, (left, right) in enumerate(layout):
        x = GAP + (number % per_row) * (2 * width + GAP)
        y = GAP + (number // per_row) * (height + GAP)
        for index, offset in ((left, 0), (right, width)):
            if index is not None:
                sheet.paste(pages[index], (x + offset, y))
        if left is not None and right is not None:
            draw.line([(x + width, y), (x + width, y + height - 1)], fill=FOLD)
    return _png(sheet)


def cover_png(pdf: bytes, dpi: int = 110) -> bytes:
    """A PNG of the front cover."""
    with _opened(pdf) as document:
        return _png(_rendered(document[0], dpi))


@contextmanager
def _opened(pdf: bytes) -> Iterator[pypdfium2.PdfDocument]:
    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as error:
        raise BookletError(
            Problem(None, "the booklet's PDF cannot be read to make a preview", hint=_REBUILD)
        ) from error
    try:
        if len(document) == 0:
            raise BookletError(Problem(None, "the booklet's PDF has no pages", hint=_REBUILD))
        yield document
    finally:
        document.close()


def _rendered(page: pypdfium2.PdfPage, dpi: int) -> Image.Image:
    image: Image.Image = page.render(scale=dpi / 72).to_pil().convert("RGB")
    return image


def _png(image: Image.Image) -> bytes:
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
