"""Digital editions made to measure, and a virtual printer that folds the sheets."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

FOLIO_SIZE = 72  # points: one big number in the middle of each page
Size = tuple[float, float]
MakePdf = Callable[..., bytes]
Half = int | None  # the 0-based page printed on half a side, None if it is blank
Sheet = tuple[tuple[Half, Half], tuple[Half, Half]]  # (front, back), each (left, right)


def numbered_pdf(
    count: int,
    size: Size = A5,
    *,
    sizes: Sequence[Size] = (),
    title: str = "Soviet Aid to China",
    language: str | None = None,
) -> bytes:
    """A digital edition whose page n shows the folio "n" in the middle, inside a frame.

    `sizes` gives some pages their own size (page 1 first); the rest are `size`.
    """
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=True, lang=language)
    canvas.setTitle(title)
    for number in range(1, count + 1):
        width, height = sizes[number - 1] if number <= len(sizes) else size
        canvas.setPageSize((width, height))
        canvas.rect(10, 10, width - 20, height - 20)
        canvas.setFont("Helvetica-Bold", FOLIO_SIZE)
        canvas.drawCentredString(width / 2, height / 2, str(number))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture
def make_pdf() -> MakePdf:
    return numbered_pdf


def fold_sheets(sheets: Sequence[Sheet]) -> list[Half]:
    """Print the sheets on both sides, stack them, fold the stack and read it page by page.

    Flipped on the short edge, a sheet turns over like the page of a book: seen
    through the sheet from the front, the back's left half lies behind the front's
    right half, and its right half behind the front's left half. Folded with the
    first sheet outside, the right half of every sheet is a leaf before the fold
    (its front, then what is behind it) and the left half a leaf after it (what is
    behind it, then its front); inner sheets sit between the leaves of outer ones.
    """
    before_fold: list[Half] = []
    after_fold: list[Half] = []
    for (front_left, front_right), (back_left, back_right) in sheets:
        behind_left, behind_right = back_right, back_left
        before_fold += [front_right, behind_right]
        after_fold = [behind_left, front_left, *after_fold]
    return before_fold + after_fold


@pytest.fixture
def fold() -> Callable[[Sequence[Sheet]], list[Half]]:
    return fold_sheets
