"""What a print shop may ask of the print edition: bleed, printer's marks and creep.

A home printer needs none of them; a shop names them in its file requirements.
The checks here turn a value no shop would ask for into a Problem before any
sheet is made, and warn when the sheet leaves no room for what was asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from booklet.diagnostics import Problem
from booklet.numbers import format_number
from booklet.project import Paper

POINTS_PER_MM = 72 / 25.4


MAX_BLEED_MM = 10.0  # shops ask for 2 to 5 mm; more only wastes paper
MAX_CREEP_MM = 5.0  # about the thickness of 50 sheets of office paper
MARK_OFFSET_MM = 3.0  # marks start this far from the trim, or at the bleed's edge if further
MARK_LENGTH_MM = 5.0
MARK_WEIGHT_PT = 0.25  # a hairline, as prepress software draws them
PAPER_EDGE_MM = 1.0  # marks stop short of the edge of the paper


@dataclass(frozen=True, slots=True)
class PrintOptions:
    bleed_mm: float = 0  # printed beyond the trim on every outer edge, cut off after printing
    marks: bool = False  # crop marks at the trim's corners; fold marks where the sheet folds
    creep_mm: float = 0.0  # how far the innermost sheet's pages move towards the spine

    @property
    def bleed_pt(self) -> float:
        return self.bleed_mm * POINTS_PER_MM

    @property
    def creep_pt(self) -> float:
        return self.creep_mm * POINTS_PER_MM

    @property
    def mark_offset_pt(self) -> float:
        """From the trim to where a mark starts: never inside the bleed."""
        return max(self.bleed_mm, MARK_OFFSET_MM) * POINTS_PER_MM

    @property
    def margin_pt(self) -> float:
        """The paper needed outside the trim on each side for the bleed and, if asked, the marks."""
        if not self.marks:
            return self.bleed_pt
        return self.mark_offset_pt + (MARK_LENGTH_MM + PAPER_EDGE_MM) * POINTS_PER_MM


HOME_PRINTER = PrintOptions()  # no bleed, no marks, no creep: what an office printer needs


def option_problems(options: PrintOptions) -> list[Problem]:
    """Errors for values no print shop would ask for."""
    problems = []
    if not 0 <= options.bleed_mm <= MAX_BLEED_MM:
        problems.append(
            Problem(
                None,
                f"a bleed of {_mm(options.bleed_mm)} is not possible",
                hint=f"use the bleed your print shop asks for, from 0 to "
                f"{_mm(MAX_BLEED_MM)}: usually 3 mm",
            )
        )
    if not 0 <= options.creep_mm <= MAX_CREEP_MM:
        problems.append(
            Problem(
                None,
                f"a creep of {_mm(options.creep_mm)} is not possible",
                hint=f"use from 0 to {_mm(MAX_CREEP_MM)}: about the paper's thickness times the "
                "number of sheets, 1 mm for 10 sheets of office paper",
            )
        )
    return problems


def fit_problems(
    options: PrintOptions, paper: Paper, page_size: tuple[float, float], sheet: tuple[float, float]
) -> list[Problem]:
    """Warnings when the sheet has no room around the pages for the bleed or the marks asked for.

    `page_size` is one page as placed and `sheet` the landscape sheet, in points.
    """
    room = min((sheet[0] - 2 * page_size[0]) / 2, (sheet[1] - page_size[1]) / 2)
    left_out = [
        name
        for name, wanted, needed in (
            ("bleed", options.bleed_mm > 0, options.bleed_pt),
            ("printer's marks", options.marks, options.margin_pt),
        )
        if wanted and room + 0.5 < needed
    ]
    if not left_out:
        return []
    return [
        Problem(
            None,
            f"{paper.sheet} sheets leave no room around {paper.name} pages for the "
            f"{' and '.join(left_out)}, so the print edition has none",
            hint="ask your print shop whether it wants the print-shop file (single pages with "
            "bleed and marks) or a larger sheet",
            severity="warning",
        )
    ]


def _mm(value: float) -> str:
    return f"{format_number(round(value, 2))} mm"
