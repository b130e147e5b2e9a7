"""The print-shop file: every page on its own, with room for bleed and crop marks.

Print shops impose booklets themselves, on their own sheets, so they ask for
single pages at their final size, with the bleed and printer's marks they name.
Each page of this file is the trim plus the bleed, plus room for the marks if
they are asked for; TrimBox and BleedBox say where to cut.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from booklet.diagnostics import BookletError, Problem
from booklet.project import Paper

from .digital import SAME_SIZE_PT, DigitalEdition, read_digital_edition
from .marks import Operations, crop_marks
from .options import HOME_PRINTER, POINTS_PER_MM, PrintOptions, option_problems
from .sheets import draw_form, finish_side, page_form, rectangle
from .writing import written

PRINT_SHOP_EDITION = " (print-shop edition)"


def print_shop(pdf: bytes, paper: Paper, options: PrintOptions = HOME_PRINTER) -> bytes:
    """Single pages of the paper's size, each with its bleed and, if asked, crop marks.

    Raises BookletError for an unusable digital edition, one whose pages are not of
    this paper size, or an option out of range.
    """
    if problems := option_problems(options):
        raise BookletError(*problems)
    edition = read_digital_edition(pdf)
    width, height = _checked_size(edition, paper)
    margin = options.margin_pt
    trim = (margin, margin, margin + width, margin + height)
    bleed = (
        margin - options.bleed_pt,
        margin - options.bleed_pt,
        trim[2] + options.bleed_pt,
        trim[3] + options.bleed_pt,
    )
    marks = crop_marks(trim, options) if options.marks else []
    writer = PdfWriter()
    for number, page in enumerate(edition.pages, start=1):
        output = writer.add_blank_page(width + 2 * margin, height + 2 * margin)
        output.trimbox = rectangle(trim)
        output.bleedbox = rectangle(bleed)
        operations: Operations = []
        names = DictionaryObject()
        form = page_form(page, writer, options.bleed_pt)
        if form is not None:
            name = NameObject(f"/P{number}")
            names[name] = form
            x0, y0 = (float(corner) for corner in page.trimbox.lower_left)
            matrix = [1, 0, 0, 1, margin - x0, margin - y0]
            operations += draw_form(name, matrix)
        finish_side(output, writer, names, operations + marks)
    return written(writer, edition, PRINT_SHOP_EDITION)


def _checked_size(edition: DigitalEdition, paper: Paper) -> tuple[float, float]:
    expected = (paper.width_mm * POINTS_PER_MM, paper.height_mm * POINTS_PER_MM)
    if max(abs(a - b) for a, b in zip(edition.page_size, expected, strict=True)) > SAME_SIZE_PT:
        width, height = (round(side / POINTS_PER_MM, 1) for side in edition.page_size)
        raise BookletError(
            Problem(
                None,
                f"the digital edition's pages are {width:g} x {height:g} mm, not {paper.name} "
                f"({paper.width_mm:g} x {paper.height_mm:g} mm)",
                hint="build the digital edition again with `booklet build`",
            )
        )
    return edition.page_size
