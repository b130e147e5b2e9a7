import pytest

from booklet.impose.options import PrintOptions, fit_problems, option_problems
from booklet.impose.sheets import sheet_size
from booklet.project import PAPERS, Paper

MM = 72 / 25.4
A5_PAGE = (148 * MM, 210 * MM)
A6_ON_A4 = Paper("a6", 105.0, 148.0, sheet="a4")


def test_home_printing_asks_for_nothing_and_needs_no_room() -> None:
    options = PrintOptions()
    assert (options.bleed_mm, options.marks, options.creep_mm) == (0, False, 0.0)
    assert options.margin_pt == 0
    assert option_problems(options) == []


def test_marks_start_outside_the_bleed_and_leave_a_millimetre_of_paper() -> None:
    assert PrintOptions(marks=True).mark_offset_pt == pytest.approx(3 * MM)
    assert PrintOptions(bleed_mm=5, marks=True).mark_offset_pt == pytest.approx(5 * MM)
    assert PrintOptions(bleed_mm=3, marks=True).margin_pt == pytest.approx((3 + 5 + 1) * MM)
    assert PrintOptions(bleed_mm=3).margin_pt == pytest.approx(3 * MM)


@pytest.mark.parametrize(
    ("options", "message", "hint"),
    [
        (
            PrintOptions(bleed_mm=-3),
            "a bleed of -3 mm is not possible",
            "use the bleed your print shop asks for, from 0 to 10 mm: usually 3 mm",
        ),
        (
            PrintOptions(bleed_mm=30),
            "a bleed of 30 mm is not possible",
            "use the bleed your print shop asks for, from 0 to 10 mm: usually 3 mm",
        ),
        (
            PrintOptions(creep_mm=7.5),
            "a creep of 7.5 mm is not possible",
            "use from 0 to 5 mm: about the paper's thickness times the number of sheets, "
            "1 mm for 10 sheets of office paper",
        ),
    ],
)
def test_values_no_print_shop_asks_for_are_errors(
    options: PrintOptions, message: str, hint: str
) -> None:
    [problem] = option_problems(options)
    assert (problem.severity, problem.message, problem.hint) == ("error", message, hint)


@pytest.mark.parametrize("options", [PrintOptions(bleed_mm=3), PrintOptions(marks=True)])
def test_a_sheet_the_pages_fill_warns_that_bleed_and_marks_are_left_out(
    options: PrintOptions,
) -> None:
    [problem] = fit_problems(options, PAPERS["a5"], A5_PAGE, sheet_size(PAPERS["a5"]))
    assert problem.severity == "warning"
    assert problem.message.startswith("a4 sheets leave no room around a5 pages for the ")
    assert problem.message.endswith(", so the print edition has none")


def test_both_left_out_are_named_in_one_warning() -> None:
    options = PrintOptions(bleed_mm=3, marks=True)
    [problem] = fit_problems(options, PAPERS["a5"], A5_PAGE, sheet_size(PAPERS["a5"]))
    assert "for the bleed and printer's marks," in problem.message


def test_a_sheet_with_room_has_no_warning() -> None:
    options = PrintOptions(bleed_mm=3, marks=True)
    page = (105 * MM, 148 * MM)
    assert fit_problems(options, A6_ON_A4, page, sheet_size(A6_ON_A4)) == []
    assert fit_problems(PrintOptions(), PAPERS["a5"], A5_PAGE, sheet_size(PAPERS["a5"])) == []
