"""Read the pictures templates ask for: files in the project's assets/, from anywhere.

A template may be someone else's and a picture may come from the web, so the path
must stay inside assets/ (a link, inside the project), the file must really be a
PNG or a JPEG, and its size is read from its header before a pixel is decoded: a
few hundred bytes can claim ten billion pixels. Only Pillow's PNG and JPEG readers
ever see the file. Each picture is decoded once, made upright on white paper and
no larger than print needs, and kept for the handout and the next `booklet watch`.
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO, Literal

from PIL import Image, ImageFile, ImageOps
from PIL.JpegImagePlugin import JpegImageFile
from PIL.PngImagePlugin import PngImageFile

from booklet.tomlfile import near_miss

# A 48-megapixel phone photo or an A4 page scanned at 600 dpi (35 MP) is read; an
# A3 scan at 600 dpi (70 MP) is not. Decoding 50 MP takes up to 200 MB (RGBA), well
# below Pillow's own alarm (89 MP), which therefore never goes off first.
MAX_PIXELS = 50_000_000
MAX_FILE_BYTES = 256 * 2**20  # more than any PNG or JPEG within MAX_PIXELS needs
PRINT_SIDE = 2400  # pixels: 300 dpi over 203 mm, wider than the text of any paper booklet sets
_KEPT = 16  # decoded pictures kept for the next compose, by content

SAVE_AS = "open it in an image editor and save it as PNG (drawings, text) or JPEG (photographs)"
_OTHER_FORMATS = {
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"BM": "BMP",
    b"%PDF": "PDF",
}


class PictureRefusedError(Exception):
    """Why a picture cannot be used, and what to do; image() reports it at the template line.

    A file that may not or cannot be read is unreadable input (exit status 2); a path
    that names no picture file is a slip in the template, like a misspelt source id.
    """

    def __init__(self, message: str, hint: str, *, is_unreadable_input: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.is_unreadable_input = is_unreadable_input


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture decoded for print: 8-bit, upright, on white, at most PRINT_SIDE a side."""

    shown: PurePosixPath  # as the curator knows it: "assets/images/harbour.jpg"
    pixels: bytes
    mode: Literal["RGB", "L"]
    size: tuple[int, int]
    photographic: bool  # saved as JPEG


def read_picture(name: str, assets_dir: Path, root: Path) -> Picture:
    """The picture at `name` inside assets/, or PictureRefusedError saying what is wrong."""
    relative = _inside_assets(name)
    shown = PurePosixPath("assets", relative)
    path = _real_path(assets_dir, relative, shown, root)
    try:
        with path.open("rb") as file:
            kind = _refuse_what_cannot_be_read(file, shown)
            file.seek(0)
            data = file.read()
    except OSError as error:
        raise PictureRefusedError(
            f"cannot read {shown}: {error.strerror or error}",
            "check that the file is not open in another program and that you may read it",
        ) from None
    return _decoded_once(data, kind, shown)


def _inside_assets(name: str) -> PurePosixPath:
    cleaned = name.strip().replace("\\", "/")
    if not cleaned:
        raise PictureRefusedError(
            "image() needs the path of a picture in assets/",
            'write it as image("images/harbour.jpg", caption="…")',
            is_unreadable_input=False,
        )
    path = PurePosixPath(cleaned)
    if path.is_absolute() or PureWindowsPath(name).drive:
        raise PictureRefusedError(
            f"the picture path '{name}' is absolute",
            "give the path from the project's assets/ folder, e.g. 'images/harbour.jpg'",
        )
    if ".." in path.parts:
        raise PictureRefusedError(
            f"the picture path '{name}' leads out of assets/",
            "copy the picture into the project's assets/ folder and give its path from there",
        )
    return path


def _real_path(assets_dir: Path, relative: PurePosixPath, shown: PurePosixPath, root: Path) -> Path:
    """The file itself, links followed; a link may not lead out of the project."""
    path = (assets_dir / relative).resolve()
    if not path.is_relative_to(root.resolve()):
        raise PictureRefusedError(
            f"{shown} is a link to a file outside the project",
            "copy the picture itself into assets/ instead of linking to it",
        )
    if path.is_dir():
        raise PictureRefusedError(
            f"{shown} is a folder, not a picture",
            "name a PNG or JPEG file inside it",
            is_unreadable_input=False,
        )
    if not path.is_file():
        guess = near_miss(relative.as_posix(), _files_in(assets_dir))
        raise PictureRefusedError(
            f"there is no picture {shown}",
            f"did you mean '{guess}'?"
            if guess
            else "put the file in the project's assets/ folder and give its path from there",
            is_unreadable_input=False,
        )
    return path


def _files_in(assets_dir: Path) -> Iterator[str]:
    for folder, subfolders, files in os.walk(assets_dir):  # links are not followed
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for file in sorted(files):
            yield (Path(folder) / file).relative_to(assets_dir).as_posix()


def _refuse_what_cannot_be_read(file: BinaryIO, shown: PurePosixPath) -> Literal["PNG", "JPEG"]:
    """PNG or JPEG, within the limits; read from the header alone, without decoding."""
    size = os.fstat(file.fileno()).st_size
    if size > MAX_FILE_BYTES:
        raise PictureRefusedError(
            f"{shown} is {size / 2**20:,.0f} MB, more than booklet reads"
            f" ({MAX_FILE_BYTES / 2**20:,.0f} MB)",
            _SMALLER,
        )
    kind = _kind(file.read(16), shown)
    file.seek(0)
    header = _header(file, kind, shown)
    width, height = header.size
    if width * height > MAX_PIXELS:
        raise PictureRefusedError(
            f"{shown} is {width:,} by {height:,} pixels, more than booklet reads"
            f" ({MAX_PIXELS // 1_000_000} megapixels)",
            _SMALLER,
        )
    return kind


_SMALLER = f"save a smaller copy: {PRINT_SIDE} pixels on the longer side is enough for any page"


def _kind(start: bytes, shown: PurePosixPath) -> Literal["PNG", "JPEG"]:
    if start.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if start.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    other = next((kind for magic, kind in _OTHER_FORMATS.items() if start.startswith(magic)), None)
    if start[:4] == b"RIFF" and start[8:12] == b"WEBP":
        other = "WebP"
    elif start[4:8] == b"ftyp":
        other = "HEIC or AVIF"
    if other:
        raise PictureRefusedError(f"{shown} is a {other} file: booklet takes PNG and JPEG", SAVE_AS)
    raise PictureRefusedError(
        f"{shown} is not a PNG or JPEG picture", f"name a picture; if this is one, {SAVE_AS}"
    )


def _header(file: BinaryIO, kind: str, shown: PurePosixPath) -> ImageFile.ImageFile:
    # The format's own reader, not Image.open: it reads the header and nothing else,
    # and no other of Pillow's readers is tried on a file that comes from anywhere.
    reader = PngImageFile if kind == "PNG" else JpegImageFile
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged file is reported below, not warned of
            return reader(file)
    except Exception:  # whatever a damaged header makes the reader raise
        raise _damaged(shown, kind) from None


def _damaged(shown: PurePosixPath, kind: str) -> PictureRefusedError:
    return PictureRefusedError(
        f"{shown} cannot be read: the {kind} file is cut short or damaged",
        "copy the picture again from where it came from; if it opens in an image editor,"
        " save it again as PNG or JPEG",
    )


_kept: dict[str, Picture] = {}


def _decoded_once(data: bytes, kind: Literal["PNG", "JPEG"], shown: PurePosixPath) -> Picture:
    """The handout's compose and `booklet watch` reuse what the booklet's compose decoded."""
    key = f"{hashlib.sha256(data).hexdigest()} {shown}"
    if key not in _kept:
        if len(_kept) >= _KEPT:
            del _kept[next(iter(_kept))]  # the oldest
        _kept[key] = _decode(data, kind, shown)
    return _kept[key]


def _decode(data: bytes, kind: Literal["PNG", "JPEG"], shown: PurePosixPath) -> Picture:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged EXIF block: the picture still serves
            image: Image.Image = _header(io.BytesIO(data), kind, shown)
            if kind == "JPEG":  # decode at 1/2, 1/4 or 1/8 of the size when that is enough
                image.draft(None, _fitted(image.size, PRINT_SIDE))
            image.load()
            image = _eight_bit(image)
            image.thumbnail((PRINT_SIDE, PRINT_SIDE), Image.Resampling.LANCZOS)
            image = _on_white(ImageOps.exif_transpose(image))
    except PictureRefusedError:
        raise
    except Exception:  # a damaged file can fail anywhere in the decoder, with any error
        raise _damaged(shown, kind) from None
    mode: Literal["RGB", "L"] = "L" if image.mode == "L" else "RGB"
    return Picture(shown, image.tobytes(), mode, image.size, kind == "JPEG")


def _fitted(size: tuple[int, int], side: int) -> tuple[int, int]:
    width, height = size
    scale = min(1.0, side / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _eight_bit(image: Image.Image) -> Image.Image:
    """The picture as L, LA, RGB or RGBA: the modes that can be scaled smoothly."""
    if image.mode.startswith("I"):  # 16-bit grey: a plain conversion would clip it to white
        return image.convert("I").point(lambda value: value / 256).convert("L")
    grey = image.mode in ("1", "L", "LA")
    wanted = ("L" if grey else "RGB") + ("A" if image.has_transparency_data else "")
    return image if image.mode == wanted else image.convert(wanted)


def _on_white(image: Image.Image) -> Image.Image:
    """What is transparent shows the paper, as it would in print."""
    if not image.mode.endswith("A"):
        return image
    opaque = image.mode[:-1]
    paper = Image.new(opaque, image.size, "white")
    paper.paste(image.convert(opaque), mask=image.getchannel("A"))
    return paper
