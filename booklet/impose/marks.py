"""Printer's marks: where the guillotine cuts and where the sheet folds.

Marks follow the usual prepress conventions: hairlines in the registration
colour (all four process inks, so they show on every printing plate), starting
outside the bleed so that no trace of them is left on the trimmed page. Crop
marks are solid, fold marks dashed. Each mark is a line of content-stream
operations for pypdf.
"""

from __future__ import annotations

from pypdf.generic import ArrayObject, FloatObject, NumberObject, PdfObject

from .options import MARK_LENGTH_MM, MARK_WEIGHT_PT, POINTS_PER_MM, PrintOptions

Operations = list[tuple[list[PdfObject], bytes]]
Box = tuple[float, float, float, float]  # left, bottom, right, top in points
_DASH = (3.0, 2.0)


def crop_marks(trim: Box, options: PrintOptions) -> Operations:
    """Two lines at each corner of the trim, pointing along its edges, away from the page."""
    left, bottom, right, top = trim
    near, far = options.mark_offset_pt, options.mark_offset_pt + MARK_LENGTH_MM * POINTS_PER_MM
    lines = []
    for x, outwards_x in ((left, -1), (right, 1)):
        for y, outwards_y in ((bottom, -1), (top, 1)):
            lines.append((x + outwards_x * near, y, x + outwards_x * far, y))
            lines.append((x, y + outwards_y * near, x, y + outwards_y * far))
    return _stroked(lines, dashed=False)


def fold_marks(fold_x: float, trim: Box, options: PrintOptions) -> Operations:
    """A dashed line above and below the trim, on the line where the sheet is folded."""
    _, bottom, _, top = trim
    near, far = options.mark_offset_pt, options.mark_offset_pt + MARK_LENGTH_MM * POINTS_PER_MM
    lines = [(fold_x, top + near, fold_x, top + far), (fold_x, bottom - near, fold_x, bottom - far)]
    return _stroked(lines, dashed=True)


def _stroked(lines: list[Box], *, dashed: bool) -> Operations:
    dash = ArrayObject([FloatObject(length) for length in _DASH] if dashed else [])
    operations: Operations = [
        ([], b"q"),
        ([FloatObject(MARK_WEIGHT_PT)], b"w"),
        ([dash, NumberObject(0)], b"d"),
        ([NumberObject(1)] * 4, b"K"),  # registration: every ink at full strength
    ]
    for x0, y0, x1, y1 in lines:
        operations += [
            ([FloatObject(x0), FloatObject(y0)], b"m"),
            ([FloatObject(x1), FloatObject(y1)], b"l"),
        ]
    operations += [([], b"S"), ([], b"Q")]
    return operations
