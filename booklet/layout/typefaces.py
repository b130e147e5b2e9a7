"""Make the style's typefaces known to ReportLab, and to svglib for the text in charts.

ReportLab keeps fonts in one table per process, so each file is parsed and
registered once, under a name derived from its file name. Charts name their
family ("DejaVu Serif") in the SVG; mapping that name to the same files keeps
chart text in the booklet's own embedded subset, and stops svglib from asking
the machine's font configuration, which would make the output depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

if TYPE_CHECKING:
    from .style import Typeface


@dataclass(frozen=True, slots=True)
class FontNames:
    """ReportLab's names for the four faces of a family; `regular` names the family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def font_file_problem(path: Path) -> str | None:
    """Why ReportLab cannot embed this file, or None if it can."""
    try:
        parsed_font(path)
    except Exception as error:  # TTFError, or whatever a damaged table makes its reader raise
        reason = str(error).split(":")[-1].strip() or "unreadable"
        return f"cannot be embedded ({reason.lower()})"
    return None


def register_typeface(typeface: Typeface) -> FontNames:
    faces = (typeface.regular, typeface.bold, typeface.italic, typeface.bold_italic)
    names = FontNames(*(_register(path.resolve()) for path in faces))
    for path, weight, slant in zip(faces, _SVG_FACES, _SVG_SLANTS, strict=True):
        _map_for_charts(typeface.family, path.resolve(), weight, slant)
    _families.add(names)
    _register_family(names)
    return names


def _register_family(names: FontNames) -> None:
    # Last: registering a single font resets its family to that one face.
    pdfmetrics.registerFontFamily(
        names.regular,
        normal=names.regular,
        bold=names.bold,
        italic=names.italic,
        boldItalic=names.bold_italic,
    )


_families: set[FontNames] = set()


_SVG_FACES = ("normal", "bold", "normal", "bold")
_SVG_SLANTS = ("normal", "normal", "italic", "italic")


def parsed_font(path: Path) -> TTFont:
    """The font as ReportLab reads it, parsed once per process for every use."""
    return _font(path.resolve())


@cache
def _font(path: Path) -> TTFont:
    return TTFont(_name_for(path), str(path))


@cache
def _name_for(path: Path) -> str:
    taken = {*pdfmetrics.getRegisteredFontNames(), *_given}
    name, number = path.stem, 1
    while name in taken:  # the same file name in another folder: another font
        number += 1
        name = f"{path.stem}-{number}"
    _given.add(name)
    return name


_given: set[str] = set()


@cache
def _register(path: Path) -> str:
    font = _font(path)
    pdfmetrics.registerFont(font)
    return str(font.fontName)


def _map_for_charts(family: str, path: Path, weight: str, slant: str) -> None:
    _chart_faces[family, weight, slant] = (str(path), _register(path))


# (family, weight, slant): the file and the name ReportLab knows it by
_chart_faces: dict[tuple[str, str, str], tuple[str, str]] = {}


def chart_faces() -> str:
    """The font each face a chart may name is drawn in; parsed drawings are kept by it."""
    return repr(sorted(_chart_faces.items()))


def tell_svglib_chart_faces() -> None:
    """Give svglib the faces just before it parses a chart: importing it costs 30 ms,
    which a build whose parsed charts are all kept does not pay."""
    from svglib import fonts as svg_fonts

    untold = {face: font for face, font in _chart_faces.items() if _told.get(face) != font}
    for (family, weight, slant), (path, name) in untold.items():
        svg_fonts.register_font(family, path, weight, slant, rlgFontName=name)
    # svglib registers each file again under the same name: put ours and the families back.
    for path, _ in untold.values():
        pdfmetrics.registerFont(_font(Path(path)))
    if untold:
        for names in sorted(_families, key=lambda family: family.regular):
            _register_family(names)
    _told.update(untold)


_told: dict[tuple[str, str, str], tuple[str, str]] = {}  # what svglib knows already
