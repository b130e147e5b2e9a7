"""Place the pages of the digital edition two-up on the sheets a printer takes.

Each page becomes a form XObject: its content stream is copied once, byte for
byte, and the sheet draws it with a translation. Nothing is re-parsed, and no
resource is renamed. A page keeps its exact size whenever two of them fit side
by side on the sheet (A5 on A4, A6 on A5, half-letter on letter); only a page
too large for half a sheet is scaled down. The pair always meets at the middle
of the sheet, where it will be folded.
"""

from __future__ import annotations

from collections.abc import Sequence

from pypdf import PageObject, PdfWriter
from pypdf.generic import (
    ContentStream,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    RectangleObject,
    StreamObject,
)

from booklet.project import SHEETS_MM, Paper

from .digital import POINTS_PER_MM, SAME_SIZE_PT
from .saddle_stitch import Side

# A page may carry these beyond its content; a form XObject honours them too.
_FORM_KEYS = ("/Resources", "/Group")


def sheet_size(paper: Paper) -> tuple[float, float]:
    """The sheet that two pages of this paper are printed on, in landscape, in points."""
    short, long = sorted(SHEETS_MM[paper.sheet])
    return long * POINTS_PER_MM, short * POINTS_PER_MM


def place_on_sheets(
    pages: Sequence[PageObject],
    page_size: tuple[float, float],
    sides: Sequence[Side],
    sheet: tuple[float, float],
) -> PdfWriter:
    """One output page per printed side; a blank (None) leaves its half of the sheet empty."""
    writer = PdfWriter()
    forms = [_as_form(page, writer) for page in pages]
    scale = _scale(page_size, sheet)
    width, height = (side * scale for side in page_size)
    fold, bottom = sheet[0] / 2, (sheet[1] - height) / 2
    for side in sides:
        placed = [(side.left, fold - width), (side.right, fold)]
        output = writer.add_blank_page(*sheet)
        names = DictionaryObject()
        operations: list[tuple[list[PdfObject], bytes]] = []
        for index, left in placed:
            form = None if index is None else forms[index]
            if index is None or form is None:
                continue
            name = NameObject(f"/P{index + 1}")
            names[name] = form
            x0, y0 = pages[index].trimbox.lower_left
            matrix = [scale, 0, 0, scale, left - float(x0) * scale, bottom - float(y0) * scale]
            operations += [
                ([], b"q"),
                ([FloatObject(number) for number in matrix], b"cm"),
                ([name], b"Do"),
                ([], b"Q"),
            ]
        output[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): names})
        content = ContentStream(None, writer)
        content.operations = operations
        output.replace_contents(content)
    return writer


def _as_form(page: PageObject, writer: PdfWriter) -> IndirectObject | None:
    """The page as a form XObject in the writer; None if it draws nothing."""
    contents = page.get("/Contents", NullObject()).get_object()
    if not isinstance(contents, StreamObject):
        return None
    # A fresh copy of the content stream keeps its encoded bytes as they are.
    form = contents.clone(writer, force_duplicate=True)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = RectangleObject(page.trimbox)  # trims any bleed
    for key in _FORM_KEYS:
        if key in page:
            form[NameObject(key)] = page.raw_get(key).clone(writer)
    reference = form.indirect_reference
    assert reference is not None, "a cloned stream is an indirect object"
    return reference


def _scale(page_size: tuple[float, float], sheet: tuple[float, float]) -> float:
    room = (sheet[0] / 2, sheet[1])
    if all(side <= space + SAME_SIZE_PT for side, space in zip(page_size, room, strict=True)):
        return 1.0
    return min(space / side for side, space in zip(page_size, room, strict=True))
