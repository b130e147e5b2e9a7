import io

import pytest
from PIL import Image

from booklet.diagnostics import BookletError
from booklet.preview import FOLD, GAP, TABLE, contact_sheet, cover_png, spreads
from tests.impose.conftest import numbered_pdf

A5_AT_40_DPI = (234, 331)  # 148 x 210 mm, rounded up
WHITE = (255, 255, 255)


def picture(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("RGB")


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, [(None, 0)]),
        (2, [(None, 0), (1, None)]),
        (3, [(None, 0), (1, 2)]),
        (8, [(None, 0), (1, 2), (3, 4), (5, 6), (7, None)]),
    ],
)
def test_the_booklet_opens_cover_first_then_facing_pages(count: int, expected) -> None:
    assert spreads(count) == expected


def test_the_contact_sheet_lays_out_spreads_in_rows() -> None:
    sheet = picture(contact_sheet(numbered_pdf(8), columns=6, dpi=40))
    width, height = A5_AT_40_DPI
    assert sheet.size == (GAP + 3 * (2 * width + GAP), GAP + 2 * (height + GAP))
    assert sheet.getpixel((1, 1)) == TABLE
    middle = GAP + height // 4  # above the folio, below the frame's top edge
    first, second = GAP, GAP + 2 * width + GAP
    assert sheet.getpixel((first + width // 2, middle)) == TABLE  # nothing left of the cover
    assert sheet.getpixel((first + width + width // 2, middle)) == WHITE  # the cover
    assert sheet.getpixel((second + width, middle)) == FOLD  # pages 2 and 3 meet
    last_row = GAP + height + GAP + height // 4
    last = GAP + 2 * width + GAP  # the fifth spread: second in the second row
    assert sheet.getpixel((last + width // 2, last_row)) == WHITE  # the back cover, on the left
    assert sheet.getpixel((last + width + width // 2, last_row)) == TABLE


def test_each_page_is_shown_in_its_place() -> None:
    sheet = picture(contact_sheet(numbered_pdf(4), columns=2, dpi=40)).convert("L")
    width, height = A5_AT_40_DPI
    inked = []
    for row in range(3):
        y = GAP + row * (height + GAP)
        for x in (GAP, GAP + width):
            # the folio, inside the frame drawn 10 points in from the page's edge
            box = (x + 10, y + 10, x + width - 10, y + height - 10)
            inked.append(sheet.crop(box).getextrema()[0] < 128)
    assert inked == [False, True, True, True, True, False]


def test_the_same_pdf_gives_the_same_picture() -> None:
    pdf = numbered_pdf(5)
    assert contact_sheet(pdf) == contact_sheet(pdf)


def test_the_cover_is_the_first_page_at_full_size() -> None:
    cover = picture(cover_png(numbered_pdf(3)))
    assert cover.size == (641, 910)  # A5 at 110 dpi


@pytest.mark.parametrize("pdf", [b"", b"<html>not found</html>", b"%PDF-1.4\n%%EOF\n"])
def test_a_pdf_that_cannot_be_read_is_a_problem(pdf: bytes) -> None:
    with pytest.raises(BookletError) as raised:
        contact_sheet(pdf)
    assert raised.value.problem.hint == "build the booklet again with `booklet build`"


def test_too_few_columns_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="2 or more columns"):
        contact_sheet(numbered_pdf(2), columns=1)


def test_the_default_booklet_previews_small(default_build) -> None:
    digital = next(path for name, path in default_build.items() if not name.endswith("print.pdf"))
    sheet = contact_sheet(digital.read_bytes())
    assert len(sheet) < 1_000_000
    assert picture(cover_png(digital.read_bytes())).size == (641, 910)
