import io

import pdfplumber
import pypdfium2
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject
from reportlab.lib.pagesizes import A4, A5, A6
from reportlab.pdfgen.canvas import Canvas

from booklet.diagnostics import BookletError
from booklet.impose import PrintOptions, impose
from booklet.impose.digital import read_digital_edition
from booklet.impose.saddle_stitch import sheet_sides
from booklet.impose.sheets import page_form, place_on_sheets, sheet_size
from booklet.project import PAPERS, Paper

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


A6_ON_A4 = Paper("a6", 105.0, 148.0, sheet="a4")  # room all round for bleed and marks
MM = 72 / 25.4
GREY = 128
ROOMY_TRIM = (
    A4_LANDSCAPE[0] / 2 - A6[0],
    (A4_LANDSCAPE[1] - A6[1]) / 2,
    A4_LANDSCAPE[0] / 2 + A6[0],
    (A4_LANDSCAPE[1] + A6[1]) / 2,
)


def grey_pages(count: int, bleed: float = 9) -> bytes:
    """A6 pages painted grey to `bleed` points beyond their trim, which their TrimBox names."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(A6[0] + 2 * bleed, A6[1] + 2 * bleed), invariant=True)
    for _ in range(count):
        canvas.setFillGray(GREY / 255)
        canvas.rect(0, 0, A6[0] + 2 * bleed, A6[1] + 2 * bleed, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    for page in writer.pages:
        page.trimbox = RectangleObject([bleed, bleed, bleed + A6[0], bleed + A6[1]])
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def grey_at(pdf: bytes, side: int, points: list[tuple[float, float]]) -> list[bool]:
    """Whether the sheet is grey at each (x, y), in points from its lower left corner."""
    document = pypdfium2.PdfDocument(pdf)
    image = document[side].render(scale=1).to_pil().convert("L")
    document.close()
    height = image.size[1]
    return [abs(image.getpixel((round(x), round(height - y))) - GREY) < 20 for x, y in points]


def boxes(pdf: bytes, side: int = 0) -> dict[str, list[float]]:
    page = PdfReader(io.BytesIO(pdf)).pages[side]
    return {
        name: [round(float(number), 2) for number in getattr(page, name)]
        for name in ("mediabox", "trimbox", "bleedbox")
    }


def test_the_sheet_names_the_folded_booklets_trim_and_bleed(make_pdf) -> None:
    print_pdf = impose(make_pdf(4, A6), A6_ON_A4, PrintOptions(bleed_mm=3))
    trim = [round(number, 2) for number in ROOMY_TRIM]
    bleed = [
        round(number + grow, 2)
        for number, grow in zip(ROOMY_TRIM, [-3 * MM] * 2 + [3 * MM] * 2, strict=True)
    ]
    for side in (0, 1):
        assert boxes(print_pdf, side) == {
            "mediabox": [0, 0, 841.89, 595.28],
            "trimbox": trim,
            "bleedbox": bleed,
        }


def test_without_bleed_the_bleed_box_is_the_trim(make_pdf) -> None:
    found = boxes(impose(make_pdf(4), PAPERS["a5"]))
    assert found == {
        "mediabox": [0, 0, 841.89, 595.28],
        "trimbox": [1.42, 0, 840.47, 595.28],  # two A5 pages are 1 mm narrower than A4
        "bleedbox": [1.42, 0, 840.47, 595.28],
    }


def test_bleed_on_a_sheet_the_pages_fill_stops_at_the_edge_of_the_paper(make_pdf) -> None:
    found = boxes(impose(make_pdf(4), PAPERS["a5"], PrintOptions(bleed_mm=3)))
    assert found["bleedbox"] == found["mediabox"] == [0, 0, 841.89, 595.28]


def test_the_bleed_shows_what_the_page_draws_beyond_its_trim_and_no_more() -> None:
    left, bottom, right, top = ROOMY_TRIM
    middle = (bottom + top) / 2
    inside_bleed = [(left - 6, middle), (right + 6, middle), (left + 50, bottom - 6)]
    outside_bleed = [(left - 12, middle), (right + 12, middle), (left + 50, top + 12)]
    with_bleed = impose(grey_pages(4), A6_ON_A4, PrintOptions(bleed_mm=3))
    assert grey_at(with_bleed, 0, inside_bleed + outside_bleed) == [True] * 3 + [False] * 3
    without = impose(grey_pages(4), A6_ON_A4)
    assert grey_at(without, 0, inside_bleed) == [False] * 3


def test_a_page_without_bleed_of_its_own_leaves_the_bleed_white(make_pdf) -> None:
    edition = read_digital_edition(make_pdf(1, A6))
    writer = PdfWriter()
    form = page_form(edition.pages[0], writer, bleed=3 * MM)
    assert form is not None
    assert [round(float(n), 2) for n in form.get_object()["/BBox"]] == [0, 0, 297.64, 419.53]


def test_creep_moves_the_inner_sheets_pages_towards_the_spine(make_pdf) -> None:
    creep = 2 * MM  # 12 pages, 3 sheets: the middle sheet moves half of it, the inner all
    digital = make_pdf(12, A6)
    plain, crept = impose(digital, A6_ON_A4), impose(digital, A6_ON_A4, PrintOptions(creep_mm=2))
    for side, shift in ((0, 0), (1, 0), (2, creep / 2), (3, creep / 2), (4, creep), (5, creep)):
        before, after = folios(plain, side), folios(crept, side)
        left, right = sorted(before, key=lambda text: before[text]["x0"])
        assert after[left]["x0"] == pytest.approx(before[left]["x0"] + shift, abs=0.01)
        assert after[right]["x0"] == pytest.approx(before[right]["x0"] - shift, abs=0.01)
        assert after[left]["top"] == pytest.approx(before[left]["top"], abs=0.01)


def test_a_page_moved_by_creep_does_not_cross_the_fold() -> None:
    # 9 pages: the middle sheet's back is [page 4 | blank]; page 4 moves 2 mm to the right
    print_pdf = impose(grey_pages(9), A6_ON_A4, PrintOptions(creep_mm=4))
    fold, middle = A4_LANDSCAPE[0] / 2, A4_LANDSCAPE[1] / 2
    assert folios(print_pdf, 3) == {}  # grey pages have no folios; the blank half stays white
    assert grey_at(print_pdf, 3, [(fold - 3, middle), (fold + 3, middle)]) == [True, False]


def test_marks_are_drawn_outside_the_trim_when_the_sheet_has_room(make_pdf) -> None:
    print_pdf = impose(make_pdf(8, A6), A6_ON_A4, PrintOptions(bleed_mm=3, marks=True))
    left, bottom, right, top = ROOMY_TRIM
    with pdfplumber.open(io.BytesIO(print_pdf)) as document:
        for side in document.pages:
            lines = side.lines
            assert len(lines) == 10  # two at each corner, a fold mark above and below
            assert all(line["linewidth"] == 0.25 for line in lines)
            assert all(line["stroking_color"] == (1, 1, 1, 1) for line in lines)
            for line in lines:
                x0, x1 = line["x0"], line["x1"]
                y0, y1 = A4_LANDSCAPE[1] - line["bottom"], A4_LANDSCAPE[1] - line["top"]
                outside = x1 <= left - 3 * MM + 0.01 or x0 >= right + 3 * MM - 0.01
                above_or_below = y1 <= bottom - 3 * MM + 0.01 or y0 >= top + 3 * MM - 0.01
                assert outside or above_or_below
            fold_marks = [
                line for line in lines if line["x0"] == pytest.approx(A4_LANDSCAPE[0] / 2)
            ]
            assert len(fold_marks) == 2
            assert all(line["dash"][0] == [3, 2] for line in fold_marks)


def test_marks_are_left_out_when_the_pages_fill_the_sheet(make_pdf) -> None:
    print_pdf = impose(make_pdf(8), PAPERS["a5"], PrintOptions(marks=True))
    with pdfplumber.open(io.BytesIO(print_pdf)) as document:
        assert all(side.lines == [] for side in document.pages)


def test_options_out_of_range_stop_the_print_edition(make_pdf) -> None:
    with pytest.raises(BookletError) as raised:
        impose(make_pdf(4), PAPERS["a5"], PrintOptions(bleed_mm=-1, creep_mm=9))
    assert [problem.message for problem in raised.value.problems] == [
        "a bleed of -1 mm is not possible",
        "a creep of 9 mm is not possible",
    ]
