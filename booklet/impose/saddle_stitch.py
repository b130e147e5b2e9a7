"""Order pages for saddle-stitched booklets.

A sheet folded once carries four pages: the outermost sheet holds the first two
and the last two. So the page count is padded with blanks to a multiple of four,
and the blanks go where a printer puts them: just before the back cover, which
stays on the outside of the booklet.

Pages are 0-based indices into the digital edition; ``None`` is a blank page.
"""

from __future__ import annotations

from typing import NamedTuple

PAGES_PER_SHEET = 4


class Side(NamedTuple):
    """One side of a sheet as it is printed: the page on its left half and on its right half."""

    left: int | None
    right: int | None


def blank_count(page_count: int) -> int:
    """How many blank pages make the count a multiple of four."""
    return -page_count % PAGES_PER_SHEET


def reading_order(page_count: int) -> list[int | None]:
    """The pages of the folded booklet from front cover to back cover, blanks included."""
    if page_count < 1:
        raise ValueError(f"a booklet needs at least one page, not {page_count}")
    blanks: list[int | None] = [None] * blank_count(page_count)
    if page_count == 1:  # the only page is the front cover; the rest of the sheet stays blank
        return [0, *blanks]
    return [*range(page_count - 1), *blanks, page_count - 1]


def sheet_sides(page_count: int) -> list[Side]:
    """Every printed side in printing order: sheet 1 front, sheet 1 back, sheet 2 front, …

    Sheet 1 is the outermost. Printed duplex, flipped on the short edge, the back
    of a sheet needs no rotation: turning the sheet over swaps its halves, which
    the order of the back side already allows for.
    """
    pages = reading_order(page_count)
    last = len(pages) - 1
    sides = []
    for sheet in range(len(pages) // PAGES_PER_SHEET):
        outer, inner = 2 * sheet, 2 * sheet + 1
        sides.append(Side(left=pages[last - outer], right=pages[outer]))
        sides.append(Side(left=pages[inner], right=pages[last - inner]))
    return sides
