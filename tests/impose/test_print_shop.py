import io

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5, A6

from booklet.diagnostics import BookletError
from booklet.impose import PrintOptions, print_shop
from booklet.project import PAPERS

MM = 72 / 25.4


def boxes(pdf: bytes) -> list[dict[str, list[float]]]:
    return [
        {
            name: [round(float(number), 2) for number in getattr(page, name)]
            for name in ("mediabox", "trimbox", "bleedbox")
        }
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_without_options_each_page_is_its_own_trim(make_pdf) -> None:
    found = boxes(print_shop(make_pdf(3), PAPERS["a5"]))
    a5 = [0, 0, 419.53, 595.28]
    assert found == [{"mediabox": a5, "trimbox": a5, "bleedbox": a5}] * 3


def test_each_page_grows_by_its_bleed_and_the_room_for_marks(make_pdf) -> None:
    pdf = print_shop(make_pdf(3), PAPERS["a5"], PrintOptions(bleed_mm=3, marks=True))
    margin = 9 * MM  # 3 mm bleed, 5 mm marks, 1 mm of paper
    width, height = A5[0] + 2 * margin, A5[1] + 2 * margin
    trim = [margin, margin, margin + A5[0], margin + A5[1]]
    bleed = [trim[0] - 3 * MM, trim[1] - 3 * MM, trim[2] + 3 * MM, trim[3] + 3 * MM]
    expected = {
        "mediabox": [0, 0, round(width, 2), round(height, 2)],
        "trimbox": [round(n, 2) for n in trim],
        "bleedbox": [round(n, 2) for n in bleed],
    }
    assert boxes(pdf) == [expected] * 3


def test_bleed_alone_needs_only_the_bleed(make_pdf) -> None:
    [found] = boxes(print_shop(make_pdf(1, A6), PAPERS["a6"], PrintOptions(bleed_mm=3)))
    assert found["mediabox"] == found["bleedbox"] == [0, 0, 314.65, 436.54]
    assert found["trimbox"] == [8.5, 8.5, 306.14, 428.03]


def test_pages_keep_their_order_size_and_place_within_the_trim(make_pdf) -> None:
    digital = make_pdf(5)
    pdf = print_shop(digital, PAPERS["a5"], PrintOptions(bleed_mm=3, marks=True))
    margin = 9 * MM
    with pdfplumber.open(io.BytesIO(digital)) as before, pdfplumber.open(io.BytesIO(pdf)) as after:
        assert len(after.pages) == 5
        for number, (page, shop_page) in enumerate(
            zip(before.pages, after.pages, strict=True), start=1
        ):
            [folio] = page.extract_words(extra_attrs=["size"])
            [placed] = shop_page.extract_words(extra_attrs=["size"])
            assert placed["text"] == folio["text"] == str(number)
            assert placed["size"] == folio["size"]
            assert placed["x0"] == pytest.approx(folio["x0"] + margin, abs=0.01)
            assert placed["top"] == pytest.approx(folio["top"] + margin, abs=0.01)


def test_crop_marks_sit_at_the_trim_corners_outside_the_bleed(make_pdf) -> None:
    pdf = print_shop(make_pdf(2), PAPERS["a5"], PrintOptions(bleed_mm=3, marks=True))
    margin = 9 * MM
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            lines = page.lines
            assert len(lines) == 8  # no fold marks: the shop folds its own sheets
            horizontal = sorted(
                (round(line["x0"], 2), round(line["top"], 2))
                for line in lines
                if line["top"] == line["bottom"]
            )
            right = margin + A5[0]
            assert horizontal == [
                (round(margin - 8 * MM, 2), round(margin, 2)),
                (round(margin - 8 * MM, 2), round(margin + A5[1], 2)),
                (round(right + 3 * MM, 2), round(margin, 2)),
                (round(right + 3 * MM, 2), round(margin + A5[1], 2)),
            ]


def test_the_title_says_which_edition_it_is(make_pdf) -> None:
    reader = PdfReader(io.BytesIO(print_shop(make_pdf(2, title="Operation Zet"), PAPERS["a5"])))
    assert reader.metadata is not None
    assert reader.metadata.title == "Operation Zet (print-shop edition)"


def test_pages_of_another_size_than_the_paper_are_refused(make_pdf) -> None:
    with pytest.raises(BookletError) as raised:
        print_shop(make_pdf(2, A6), PAPERS["a5"])
    assert raised.value.problem.format() == (
        "error: the digital edition's pages are 105 x 148 mm, not a5 (148 x 210 mm)\n"
        "  hint: build the digital edition again with `booklet build`"
    )


def test_options_out_of_range_are_refused(make_pdf) -> None:
    with pytest.raises(BookletError) as raised:
        print_shop(make_pdf(2), PAPERS["a5"], PrintOptions(bleed_mm=12))
    assert raised.value.problem.message == "a bleed of 12 mm is not possible"
