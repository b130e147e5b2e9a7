"""The print edition: the digital edition's pages placed on sheets for a folded booklet."""

from __future__ import annotations

from booklet.diagnostics import BookletError, Problem
from booklet.project import Paper

from .digital import first_page_size, read_digital_edition
from .options import HOME_PRINTER, PrintOptions, fit_problems, option_problems
from .saddle_stitch import sheet_sides
from .sheets import place_on_sheets, placed_size, sheet_size
from .writing import written

PRINT_EDITION = " (print edition)"


def impose(pdf: bytes, paper: Paper, options: PrintOptions = HOME_PRINTER) -> bytes:
    """The print edition of a digital edition whose pages are of this paper size.

    Raises BookletError if the digital edition is not a PDF, is damaged, has no
    pages, or has pages of different sizes, or if an option is out of range.
    """
    if problems := option_problems(options):
        raise BookletError(*problems)
    edition = read_digital_edition(pdf)
    sides = sheet_sides(len(edition.pages))
    writer = place_on_sheets(edition.pages, edition.page_size, sides, sheet_size(paper), options)
    return written(writer, edition, PRINT_EDITION)


def print_problems(pdf: bytes, paper: Paper, options: PrintOptions) -> list[Problem]:
    """Errors for options out of range; warnings for bleed or marks the sheet has no room for."""
    if problems := option_problems(options):
        return problems
    sheet = sheet_size(paper)
    page_size = placed_size(first_page_size(pdf), sheet)
    return fit_problems(options, paper, page_size, sheet)
