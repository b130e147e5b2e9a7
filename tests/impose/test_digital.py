import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import StreamObject
from reportlab.lib.pagesizes import A5

from booklet.diagnostics import BookletError
from booklet.impose.digital import read_digital_edition


def rewritten(pdf: bytes, change) -> bytes:
    """The PDF after `change(writer)`: pypdf makes what ReportLab does not."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    change(writer)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def problem_text(pdf: bytes) -> str:
    with pytest.raises(BookletError) as raised:
        read_digital_edition(pdf)
    return raised.value.problem.format()


def test_pages_come_with_their_size_and_the_documents_description(make_pdf) -> None:
    edition = read_digital_edition(make_pdf(3, title="Operation Zet", language="en-GB"))
    assert len(edition.pages) == 3
    assert edition.page_size == (pytest.approx(A5[0], abs=1e-3), pytest.approx(A5[1], abs=1e-3))
    assert edition.info["/Title"] == "Operation Zet"
    assert "/Trapped" not in edition.info  # a name, not text
    assert edition.language == "en-GB"


def test_a_file_that_is_not_a_pdf_says_so() -> None:
    assert problem_text(b"Operation Zet\n") == (
        "error: the digital edition is not a PDF file\n"
        "  hint: build the digital edition again with `booklet build`"
    )


def test_a_truncated_pdf_is_damaged(make_pdf) -> None:
    assert problem_text(make_pdf(2)[:300]).startswith(
        "error: the digital edition is a damaged PDF ("
    )


def test_a_pdf_without_pages_cannot_be_imposed() -> None:
    empty = io.BytesIO()
    PdfWriter().write(empty)
    assert problem_text(empty.getvalue()) == (
        "error: the digital edition has no pages\n"
        "  hint: give the booklet some content, then build the digital edition again"
        " with `booklet build`"
    )


def test_a_locked_pdf_asks_for_a_copy_without_password(make_pdf) -> None:
    locked = rewritten(make_pdf(2), lambda writer: writer.encrypt("secret", algorithm="AES-128"))
    assert problem_text(locked) == (
        "error: the digital edition is protected by a password\n"
        "  hint: save a copy without a password and make the print edition from that"
    )


def test_pages_of_different_sizes_are_named_in_millimetres(make_pdf) -> None:
    pdf = make_pdf(5, sizes=[A5, A5, A5, (A5[0], A5[1] + 30)])
    assert problem_text(pdf) == (
        "error: the pages of the digital edition are not all the same size: "
        "page 1 is 148 x 210 mm but page 4 is 148 x 220.6 mm\n"
        "  hint: a folded booklet needs pages of one size;"
        " build the digital edition again with `booklet build`"
    )


def test_a_rotated_page_is_turned_upright(make_pdf) -> None:
    pdf = rewritten(make_pdf(1), lambda writer: writer.pages[0].rotate(90))
    edition = read_digital_edition(pdf)
    assert edition.pages[0].rotation == 0
    assert edition.page_size == (pytest.approx(A5[1], abs=1e-3), pytest.approx(A5[0], abs=1e-3))
    assert edition.pages[0].extract_text().strip() == "1"


def test_a_page_drawn_in_several_streams_gets_one(make_pdf) -> None:
    def stack_second_page_on_first(writer: PdfWriter) -> None:
        writer.pages[0].merge_page(writer.pages[1])

    edition = read_digital_edition(rewritten(make_pdf(2), stack_second_page_on_first))
    contents = edition.pages[0]["/Contents"]
    assert isinstance(contents, StreamObject)
    assert b"(1) Tj" in contents.get_data()
    assert b"(2) Tj" in contents.get_data()
    assert sorted(edition.pages[0].extract_text().split()) == ["1", "2"]
