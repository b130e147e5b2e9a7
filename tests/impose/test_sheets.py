import io

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject
from reportlab.lib.pagesizes import A4, A5, A6

from booklet.impose.digital import read_digital_edition
from booklet.impose.saddle_stitch import sheet_sides
from booklet.impose.sheets import place_on_sheets, sheet_size
from booklet.project import PAPERS

A4_LANDSCAPE = (A4[1], A4[0])


def imposed(pdf: bytes, sheet: tuple[float, float]) -> bytes:
    edition = read_digital_edition(pdf)
    writer = place_on_sheets(
        edition.pages, edition.page_size, sheet_sides(len(edition.pages)), sheet
    )
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def folios(pdf: bytes, side: int = 0) -> dict[str, dict]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[side].extract_words(extra_attrs=["size"])
    return {word["text"]: word for word in words}


@pytest.mark.parametrize(
    ("paper", "points"),
    [
        ("a5", (841.89, 595.28)),
        ("a6", (595.28, 419.53)),
        ("a4", (1190.55, 841.89)),
        ("half-letter", (792.0, 612.0)),
        ("letter", (1224.0, 792.0)),
    ],
)
def test_the_sheet_is_the_papers_sheet_turned_landscape(paper: str, points) -> None:
    width, height = sheet_size(PAPERS[paper])
    assert (round(width, 2), round(height, 2)) == points


def test_a_page_too_large_for_half_a_sheet_is_scaled_down_to_fit(make_pdf) -> None:
    page = folios(make_pdf(1, A4))["1"]
    placed = folios(imposed(make_pdf(1, A4), A4_LANDSCAPE))["1"]
    scale = A4[0] / A4[1]  # A4 on half an A4 sheet: both sides shrink by 1/sqrt(2)
    assert placed["size"] == pytest.approx(page["size"] * scale, abs=1e-3)
    assert placed["x0"] == pytest.approx(A4_LANDSCAPE[0] / 2 + page["x0"] * scale, abs=0.01)
    assert placed["top"] == pytest.approx(page["top"] * scale, abs=0.01)


def test_a_small_page_keeps_its_size_and_meets_its_partner_at_the_fold(make_pdf) -> None:
    first, last = folios(make_pdf(4, A6))["1"], folios(make_pdf(4, A6), side=3)["4"]
    placed = folios(imposed(make_pdf(4, A6), A4_LANDSCAPE))  # front of the sheet: [4|1]
    fold, margin = A4_LANDSCAPE[0] / 2, (A4_LANDSCAPE[1] - A6[1]) / 2
    assert placed["1"]["size"] == first["size"]
    assert placed["1"]["x0"] == pytest.approx(fold + first["x0"], abs=0.01)
    assert placed["4"]["x0"] == pytest.approx(fold - A6[0] + last["x0"], abs=0.01)
    assert placed["1"]["top"] == pytest.approx(margin + first["top"], abs=0.01)


def test_only_the_trim_box_is_placed(make_pdf) -> None:
    bleed = 9  # points cut off each edge: the digital page is A5 plus this bleed
    with_bleed = make_pdf(4, (A5[0] + 2 * bleed, A5[1] + 2 * bleed))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(with_bleed)))
    for page in writer.pages:
        page.trimbox = RectangleObject([bleed, bleed, bleed + A5[0], bleed + A5[1]])
    digital = io.BytesIO()
    writer.write(digital)
    page = folios(digital.getvalue())["1"]
    print_pdf = imposed(digital.getvalue(), A4_LANDSCAPE)
    placed = folios(print_pdf)["1"]
    assert placed["size"] == page["size"]  # A5 trimmed: no scaling
    assert placed["x0"] == pytest.approx(A4_LANDSCAPE[0] / 2 + page["x0"] - bleed, abs=0.01)
    form = PdfReader(io.BytesIO(print_pdf)).pages[0]["/Resources"]["/XObject"]["/P1"]
    assert [float(number) for number in form["/BBox"]] == pytest.approx(
        [bleed, bleed, bleed + A5[0], bleed + A5[1]]
    )


def test_each_page_is_drawn_from_its_own_content_copied_byte_for_byte(make_pdf) -> None:
    digital = PdfReader(io.BytesIO(make_pdf(4)))
    sheet = PdfReader(io.BytesIO(imposed(make_pdf(4), A4_LANDSCAPE)))
    front, back = (side["/Resources"]["/XObject"] for side in sheet.pages)
    assert sorted(front) == ["/P1", "/P4"]
    assert sorted(back) == ["/P2", "/P3"]
    for name, forms in (("/P1", front), ("/P4", front), ("/P2", back), ("/P3", back)):
        source = digital.pages[int(name[2:]) - 1]["/Contents"]
        assert forms[name]["/Subtype"] == "/Form"
        assert forms[name]._data == source._data
