import io
import logging
import re

import pdfplumber
import pypdfium2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, A5, A6, landscape, letter

from booklet.diagnostics import BookletError
from booklet.impose import PrintOptions, impose, print_problems
from booklet.project import PAPERS

HALF_LETTER = (letter[1] / 2, letter[0])


def halves(print_pdf: bytes) -> list[tuple[int | None, int | None]]:
    """For each printed side: the page (0-based, from its folio) on its left and right half."""
    sides = []
    with pdfplumber.open(io.BytesIO(print_pdf)) as pdf:
        for page in pdf.pages:
            found: dict[str, int | None] = {"left": None, "right": None}
            for word in page.extract_words():
                half = "left" if (word["x0"] + word["x1"]) / 2 < page.width / 2 else "right"
                assert found[half] is None, f"two pages on one half of side {page.page_number}"
                found[half] = int(word["text"]) - 1
            sides.append((found["left"], found["right"]))
    return sides


@pytest.mark.parametrize(("paper", "page"), [("a5", A5), ("a6", A6), ("half-letter", HALF_LETTER)])
@pytest.mark.parametrize("count", [4, 11, 12, 17])
def test_the_folded_print_edition_reads_in_order(
    paper: str, page: tuple[float, float], count: int, make_pdf, fold
) -> None:
    sides = halves(impose(make_pdf(count, page), PAPERS[paper]))
    sheets = list(zip(sides[::2], sides[1::2], strict=True))
    blanks = [None] * (-count % 4)  # just before the back cover, which stays outside
    assert fold(sheets) == [*range(count - 1), *blanks, count - 1]


@pytest.mark.parametrize("paper", ["a6", "half-letter"])
def test_with_creep_the_folded_print_edition_still_reads_in_order(
    paper: str, make_pdf, fold
) -> None:
    page = A6 if paper == "a6" else HALF_LETTER
    print_pdf = impose(make_pdf(15, page), PAPERS[paper], PrintOptions(creep_mm=2))
    sides = halves(print_pdf)
    sheets = list(zip(sides[::2], sides[1::2], strict=True))
    assert fold(sheets) == [*range(14), None, 14]


def test_blank_pages_are_truly_blank(make_pdf) -> None:
    print_pdf = impose(make_pdf(5), PAPERS["a5"])  # sides: [5|1] [2|-] [-|3] [4|-]
    document = pypdfium2.PdfDocument(print_pdf)
    inked = []
    for side in document:
        image = side.render(scale=0.25).to_pil().convert("L")
        width, height = image.size
        for box in ((0, 0, width // 2, height), (width // 2, 0, width, height)):
            inked.append(image.crop(box).getextrema() != (255, 255))
    document.close()
    assert inked == [True, True, True, False, False, True, True, False]


@pytest.mark.parametrize(
    ("paper", "page", "sheet"),
    [
        ("a5", A5, (841.89, 595.28)),
        ("half-letter", HALF_LETTER, (792.0, 612.0)),
        ("a6", A6, (595.28, 419.53)),
        ("a4", A4, (1190.55, 841.89)),
        ("letter", letter, (1224.0, 792.0)),
    ],
)
def test_sheets_are_the_landscape_paper_and_pages_keep_their_size(
    paper: str, page: tuple[float, float], sheet: tuple[float, float], make_pdf
) -> None:
    digital = make_pdf(4, page)
    with pdfplumber.open(io.BytesIO(digital)) as pdf:
        folio = pdf.pages[0].extract_words(extra_attrs=["size"])[0]
    with pdfplumber.open(io.BytesIO(impose(digital, PAPERS[paper]))) as pdf:
        side = pdf.pages[0]
        assert (side.width, side.height) == (
            pytest.approx(sheet[0], abs=0.01),
            pytest.approx(sheet[1], abs=0.01),
        )
        printed = next(w for w in side.extract_words(extra_attrs=["size"]) if w["text"] == "1")
    assert printed["size"] == pytest.approx(folio["size"], abs=1e-6)
    # the right half starts at the fold; the pair is centred on the sheet's height
    assert printed["x0"] == pytest.approx(sheet[0] / 2 + folio["x0"], abs=0.01)
    assert printed["top"] == pytest.approx((sheet[1] - page[1]) / 2 + folio["top"], abs=0.01)


def test_the_same_digital_edition_gives_the_same_bytes(make_pdf) -> None:
    digital = make_pdf(11)
    first = impose(digital, PAPERS["a5"])
    assert impose(digital, PAPERS["a5"]) == first
    assert b"/ID" not in first


def test_a_sound_digital_edition_is_imposed_without_a_word_from_pypdf(make_pdf, caplog) -> None:
    with caplog.at_level(logging.INFO):
        impose(make_pdf(11, language="en-GB"), PAPERS["a5"])
    assert caplog.records == []


def test_pages_share_their_fonts_instead_of_copying_them(make_pdf) -> None:
    print_pdf = impose(make_pdf(17), PAPERS["a5"])
    assert print_pdf.count(b"/BaseFont /Helvetica-Bold") == 1
    assert len(print_pdf) < 1.3 * len(make_pdf(17))


def test_the_print_edition_keeps_the_metadata_and_says_what_it_is(make_pdf) -> None:
    digital = make_pdf(4, title="Soviet Aid to China, 1937\u20131945", language="en-GB")
    reader = PdfReader(io.BytesIO(impose(digital, PAPERS["a5"])))
    original = PdfReader(io.BytesIO(digital)).metadata
    assert reader.metadata is not None
    assert original is not None
    assert reader.metadata.title == "Soviet Aid to China, 1937\u20131945 (print edition)"
    assert reader.metadata.author == original.author
    assert reader.metadata["/CreationDate"] == original["/CreationDate"]
    assert reader.root_object["/Lang"] == "en-GB"


def test_a_digital_edition_without_a_title_gives_a_print_edition_without_one(make_pdf) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(4))))
    writer.metadata = None
    digital = io.BytesIO()
    writer.write(digital)
    reader = PdfReader(io.BytesIO(impose(digital.getvalue(), PAPERS["a5"])))
    assert reader.metadata is not None
    assert reader.metadata.title is None


def test_links_stay_in_the_digital_edition(make_pdf) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(4))))
    writer.add_uri(0, "https://example.org/booklet", [0, 0, 100, 100])
    digital = io.BytesIO()
    writer.write(digital)
    reader = PdfReader(io.BytesIO(impose(digital.getvalue(), PAPERS["a5"])))
    assert all("/Annots" not in side for side in reader.pages)


@pytest.mark.parametrize(
    ("pdf", "message"),
    [
        (b"", "the digital edition is not a PDF file"),
        (b"<html><body>not found</body></html>", "the digital edition is not a PDF file"),
        (b"%PDF-1.4\n%%EOF\n", "the digital edition is a damaged PDF"),
    ],
)
def test_unusable_input_is_a_problem_not_a_traceback(pdf: bytes, message: str) -> None:
    with pytest.raises(BookletError) as raised:
        impose(pdf, PAPERS["a5"])
    assert raised.value.problem.message.startswith(message)
    assert raised.value.problem.hint == "build the digital edition again with `booklet build`"


def test_pages_of_mixed_sizes_are_refused(make_pdf) -> None:
    with pytest.raises(BookletError) as raised:
        impose(make_pdf(4, sizes=[A5, A5, landscape(A5)]), PAPERS["a5"])
    assert raised.value.problem.message == (
        "the pages of the digital edition are not all the same size: "
        "page 1 is 148 x 210 mm but page 3 is 210 x 148 mm"
    )


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_damaged_file_is_either_imposed_or_refused_with_a_problem(data, make_pdf) -> None:
    digital = bytearray(make_pdf(3))
    if data.draw(st.booleans(), label="truncate"):
        digital = digital[: data.draw(st.integers(0, len(digital) - 1), label="length")]
    else:
        for _ in range(data.draw(st.integers(1, 8), label="flips")):
            position = data.draw(st.integers(0, len(digital) - 1), label="position")
            digital[position] = data.draw(st.integers(0, 255), label="byte")
    try:
        print_pdf = impose(bytes(digital), PAPERS["a5"])
        outcome = f"{len(PdfReader(io.BytesIO(print_pdf)).pages)} sides"
    except BookletError as error:
        outcome = error.problem.message
    assert outcome == "2 sides" or re.fullmatch(r"[a-z][^\n]*[^.]", outcome)


def test_the_default_booklet_is_small_enough_to_send_by_email(default_build) -> None:
    digital = next(path for name, path in default_build.items() if not name.endswith("-print.pdf"))
    printed = next(path for name, path in default_build.items() if name.endswith("-print.pdf"))
    assert digital.stat().st_size < 400_000
    assert printed.stat().st_size < 1.2 * digital.stat().st_size


def test_print_problems_warn_of_marks_a_full_sheet_has_no_room_for(make_pdf) -> None:
    [warning] = print_problems(make_pdf(4), PAPERS["a5"], PrintOptions(marks=True))
    assert warning.severity == "warning"
    assert "printer's marks" in warning.message
    assert print_problems(make_pdf(4), PAPERS["a5"], PrintOptions(creep_mm=0.5)) == []
    [error] = print_problems(make_pdf(4), PAPERS["a5"], PrintOptions(bleed_mm=-1))
    assert error.severity == "error"
