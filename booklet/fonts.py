"""Find the font files a style sheet names.

A name is looked up in the project's assets/fonts/ first, then among the faces
booklet ships (Noto Serif and Noto Sans, static weights made from the OFL
variable fonts), then among those matplotlib ships (DejaVu, STIX): a new project
needs nothing beyond pip.
The matplotlib folder is found without importing matplotlib, which is slow.
"""

from __future__ import annotations

import importlib.util
import os
import struct
from pathlib import Path

PACKAGE_FONTS = Path(__file__).resolve().parent / "layout" / "fonts"


def matplotlib_font_dir() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    return folder if folder.is_dir() else None


def find_font(name: str, assets_dir: Path) -> Path | None:
    """The file for a font name such as "DejaVuSerif.ttf", or None."""
    candidates = [assets_dir / "fonts" / name, PACKAGE_FONTS / name]
    if (bundled := matplotlib_font_dir()) is not None:
        candidates.append(bundled / name)
    return next((path for path in candidates if path.is_file()), None)


def damage(path: Path) -> str | None:
    """What makes a font file unusable, told from its table directory; None if it looks whole.

    A font cut short makes ReportLab fail with a bare "unpack requires a buffer"
    error, or pass unnoticed when the tables it reads come first; a table that
    ends past the end of the file gives it away either way.
    """
    try:
        with path.open("rb") as file:
            header = file.read(_HEADER)
            size = os.fstat(file.fileno()).st_size
            kind = header[:4]
            if not header:
                return "is empty"
            if kind in _NOT_TRUETYPE:
                return _NOT_TRUETYPE[kind]
            if kind not in _TRUETYPE:
                return "is not a TrueType font"
            if len(header) < _HEADER:
                return "is cut short"
            (tables,) = struct.unpack(">H", header[4:6])
            directory = file.read(_RECORD * tables)
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if len(directory) < _RECORD * tables:
        return "is cut short"
    for start in range(0, len(directory), _RECORD):
        _tag, _checksum, offset, length = struct.unpack(">4sIII", directory[start : start + 16])
        if offset + length > size:
            return "is cut short"
    return None


_HEADER, _RECORD = 12, 16  # bytes: the offset table, then one record a table
_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_NOT_TRUETYPE = {
    b"OTTO": "has PostScript (CFF) outlines, which booklet cannot embed",
    b"wOFF": "is a web font (WOFF)",
    b"wOF2": "is a web font (WOFF2)",
    b"ttcf": "is a collection of fonts (.ttc)",
}
