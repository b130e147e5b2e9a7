from collections import Counter

import pytest

from booklet.impose.saddle_stitch import Side, blank_count, reading_order, sheet_sides

COUNTS = range(1, 41)


@pytest.mark.parametrize("count", COUNTS)
def test_every_page_appears_once_and_blanks_fill_up_to_a_multiple_of_four(count: int) -> None:
    order = reading_order(count)
    assert len(order) % 4 == 0
    assert len(order) - count == blank_count(count) < 4
    assert sorted(page for page in order if page is not None) == list(range(count))
    assert order.count(None) == blank_count(count)


@pytest.mark.parametrize("count", range(2, 41))
def test_blanks_sit_just_before_the_back_cover(count: int) -> None:
    order = reading_order(count)
    assert order[0] == 0
    assert order[-1] == count - 1
    assert order[count - 1 : -1] == [None] * blank_count(count)


def test_a_single_page_is_the_front_cover_of_an_otherwise_blank_sheet() -> None:
    assert reading_order(1) == [0, None, None, None]


@pytest.mark.parametrize(("count", "blanks"), [(4, 0), (8, 0), (5, 3), (6, 2), (7, 1), (40, 0)])
def test_nothing_is_added_to_a_multiple_of_four(count: int, blanks: int) -> None:
    assert blank_count(count) == blanks


def test_eight_pages_make_two_sheets_in_the_printers_order() -> None:
    assert sheet_sides(8) == [
        Side(left=7, right=0),
        Side(left=1, right=6),
        Side(left=5, right=2),
        Side(left=3, right=4),
    ]


def test_eleven_pages_leave_the_inside_back_cover_blank() -> None:
    assert sheet_sides(11) == [
        Side(left=10, right=0),
        Side(left=1, right=None),
        Side(left=9, right=2),
        Side(left=3, right=8),
        Side(left=7, right=4),
        Side(left=5, right=6),
    ]


@pytest.mark.parametrize("count", COUNTS)
def test_each_page_is_printed_exactly_once(count: int) -> None:
    printed = Counter(page for side in sheet_sides(count) for page in side)
    assert len(sheet_sides(count)) == 2 * len(reading_order(count)) // 4
    assert {page: printed[page] for page in range(count)} == dict.fromkeys(range(count), 1)
    assert printed[None] == blank_count(count)


@pytest.mark.parametrize("count", COUNTS)
def test_printed_stacked_and_folded_the_sheets_read_in_order(count: int, fold) -> None:
    sides = sheet_sides(count)
    sheets = list(zip(sides[::2], sides[1::2], strict=True))
    assert fold(sheets) == reading_order(count)


@pytest.mark.parametrize("count", [0, -1])
def test_a_booklet_needs_a_page(count: int) -> None:
    with pytest.raises(ValueError, match="at least one page"):
        reading_order(count)
