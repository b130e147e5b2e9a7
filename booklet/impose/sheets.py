"""Place the pages of the digital edition two-up on the sheets a printer takes.

Each page becomes a form XObject: its content stream is copied once, byte for
byte, and the sheet draws it with a translation. Nothing is re-parsed, and no
resource is renamed. A page keeps its exact size whenever two of them fit side
by side on the sheet (A5 on A4, A6 on A5, half-letter on letter); only a page
too large for half a sheet is scaled down. The pair always meets at the middle
of the sheet, where it will be folded.

Every sheet names the folded booklet's trim in its TrimBox and the bleed around
it in its BleedBox, so prepress software finds both. Each page is clipped to its
own half: bleed on the outer edges, none across the fold, and creep may move a
page towards the spine without it spilling onto its partner.
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
    RectangleObject,
    StreamObject,
)

from booklet.project import SHEETS_MM, Paper

from .digital import SAME_SIZE_PT
from .marks import Box, Operations, crop_marks, fold_marks
from .options import HOME_PRINTER, POINTS_PER_MM, PrintOptions
from .saddle_stitch import Side

# A page may carry these beyond its content; a form XObject honours them too.
_FORM_KEYS = ("/Resources", "/Group")


def sheet_size(paper: Paper) -> tuple[float, float]:
    """The sheet that two pages of this paper are printed on, in landscape, in points."""
    short, long = sorted(SHEETS_MM[paper.sheet])
    return long * POINTS_PER_MM, short * POINTS_PER_MM


def placed_size(page_size: tuple[float, float], sheet: tuple[float, float]) -> tuple[float, float]:
    """A page's size on the sheet: its own, unless two of them are too wide for it."""
    scale = _scale(page_size, sheet)
    return page_size[0] * scale, page_size[1] * scale


def place_on_sheets(
    pages: Sequence[PageObject],
    page_size: tuple[float, float],
    sides: Sequence[Side],
    sheet: tuple[float, float],
    options: PrintOptions = HOME_PRINTER,
) -> PdfWriter:
    """One output page per printed side; a blank (None) leaves its half of the sheet empty.

    Sides come in pairs, front and back of one sheet, the outermost sheet first.
    """
    writer = PdfWriter()
    scale = _scale(page_size, sheet)
    forms = [page_form(page, writer, options.bleed_pt / scale) for page in pages]
    width, height = (side * scale for side in page_size)
    fold, bottom = sheet[0] / 2, (sheet[1] - height) / 2
    trim = (fold - width, bottom, fold + width, bottom + height)
    bleed = _within(_grown(trim, options.bleed_pt), (0, 0, *sheet))
    left_half, right_half = (bleed[0], bleed[1], fold, bleed[3]), (fold, *bleed[1:])
    marks = _marks(trim, fold, sheet, options)
    # without bleed or creep, the form's bounding box alone keeps each page to its half
    clipped = options.bleed_pt > 0 or options.creep_pt > 0
    sheet_count = len(sides) // 2
    for number, side in enumerate(sides):
        creep = options.creep_pt * _inwardness(number // 2, sheet_count)
        output = writer.add_blank_page(*sheet)
        output.trimbox = rectangle(trim)
        output.bleedbox = rectangle(bleed)
        names = DictionaryObject()
        operations: Operations = []
        for index, left, clip in (
            (side.left, fold - width + creep, left_half),
            (side.right, fold - creep, right_half),
        ):
            form = None if index is None else forms[index]
            if index is None or form is None:
                continue
            name = NameObject(f"/P{index + 1}")
            names[name] = form
            x0, y0 = pages[index].trimbox.lower_left
            matrix = [scale, 0, 0, scale, left - float(x0) * scale, bottom - float(y0) * scale]
            operations += draw_form(name, matrix, clip if clipped else None)
        finish_side(output, writer, names, operations + marks)
    return writer


def draw_form(name: NameObject, matrix: Sequence[float], clip: Box | None = None) -> Operations:
    """Draw a page's form where the matrix puts it, clipped to a box if one is given."""
    return [
        ([], b"q"),
        *(_clipped_to(clip) if clip is not None else []),
        ([FloatObject(number) for number in matrix], b"cm"),
        ([name], b"Do"),
        ([], b"Q"),
    ]


def finish_side(
    output: PageObject, writer: PdfWriter, forms: DictionaryObject, operations: Operations
) -> None:
    """Give a printed side its forms and its drawing, compressed."""
    output[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): forms})
    content = ContentStream(None, writer)
    content.operations = operations
    output.replace_contents(content)
    output.compress_content_streams()


def page_form(page: PageObject, writer: PdfWriter, bleed: float = 0) -> IndirectObject | None:
    """The page as a form XObject in the writer, trimmed; None if it draws nothing.

    With a bleed (in the page's own points), the form keeps that much of whatever
    the page draws beyond its trim, as far as the page has anything there.
    """
    contents = page.get("/Contents", NullObject()).get_object()
    if not isinstance(contents, StreamObject):
        return None
    # A fresh copy of the content stream keeps its encoded bytes as they are.
    form = contents.clone(writer, force_duplicate=True)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    trim = _box(page.trimbox)
    form[NameObject("/BBox")] = RectangleObject(_within(_grown(trim, bleed), _box(page.bleedbox)))
    for key in _FORM_KEYS:
        if key in page:
            form[NameObject(key)] = page.raw_get(key).clone(writer)
    reference = form.indirect_reference
    assert reference is not None, "a cloned stream is an indirect object"
    return reference


def _marks(trim: Box, fold: float, sheet: tuple[float, float], options: PrintOptions) -> Operations:
    """Crop and fold marks, if asked for and the sheet has room for them all round."""
    room = min(trim[0], trim[1], sheet[0] - trim[2], sheet[1] - trim[3])
    if not options.marks or room + SAME_SIZE_PT < options.margin_pt:
        return []
    return crop_marks(trim, options) + fold_marks(fold, trim, options)


def _clipped_to(box: Box) -> Operations:
    left, bottom, right, top = box
    corner_and_size = [left, bottom, right - left, top - bottom]
    return [([FloatObject(number) for number in corner_and_size], b"re"), ([], b"W"), ([], b"n")]


def rectangle(box: Box) -> RectangleObject:
    """Rounded to a thousandth of a point: the boxes stay short and exact enough to cut by."""
    return RectangleObject([round(number, 3) for number in box])


def _inwardness(sheet: int, sheet_count: int) -> float:
    """0 for the outermost sheet, 1 for the innermost, evenly between."""
    return sheet / (sheet_count - 1) if sheet_count > 1 else 0.0


def _box(rectangle: RectangleObject) -> Box:
    left, bottom, right, top = (float(number) for number in rectangle)
    return min(left, right), min(bottom, top), max(left, right), max(bottom, top)


def _grown(box: Box, by: float) -> Box:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def _within(box: Box, bounds: Box) -> Box:
    return (
        max(box[0], bounds[0]),
        max(box[1], bounds[1]),
        min(box[2], bounds[2]),
        min(box[3], bounds[3]),
    )


def _scale(page_size: tuple[float, float], sheet: tuple[float, float]) -> float:
    room = (sheet[0] / 2, sheet[1])
    if all(side <= space + SAME_SIZE_PT for side, space in zip(page_size, room, strict=True)):
        return 1.0
    return min(space / side for side, space in zip(page_size, room, strict=True))
