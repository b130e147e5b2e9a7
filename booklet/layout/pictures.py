"""Pictures: a photograph or scan as wide as the text, its caption and credit under it.

A picture keeps its proportions, is never wider than the text nor taller than
three fifths of it, and is numbered, listed and floated like the charts. Its
pixels are made ready for the PDF once, when the story is made: ReportLab lays
the booklet out two or three times, and every pass draws the same prepared
image. No more than 300 pixels an inch of the printed size go into the PDF —
all a printer uses, and it keeps the file small enough to send by e-mail. A
photograph (saved as JPEG) goes in as a JPEG; a PNG, often a drawing or a scan
of print, goes in without loss.
"""

from __future__ import annotations

import functools
import io
import math

from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch, mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet.document import PictureBlock
from booklet.grayscale import grey_picture

from .figures import FigureFrame, Floating
from .markup import escape_text, inline_markup
from .navigation import figure_key
from .setting import Setting

TALLEST = 0.6  # of the text's height: the rest of the page keeps some text
DPI = 300
JPEG_QUALITY = 90  # no visible loss in print; about a tenth of the size of the pixels


class PictureImage(Flowable):  # type: ignore[misc]
    """Prepared pixels drawn at a fixed size, centred."""

    def __init__(self, image: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.image = image
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height)


def picture_flowable(block: PictureBlock, setting: Setting) -> Floating:
    """The picture, then "Figure N." and the caption, then the credit; kept on one page."""
    typography = setting.typography
    width, height = placed_size(block, setting.text_width, TALLEST * setting.text_height)
    image = _image(
        block.pixels,
        block.mode,
        block.size,
        _pixels_for(block.size, width),
        setting.pictures_in_grey,
        block.photographic,
    )
    caption = Paragraph(
        f'<font name="{typography.heading_font.bold}">{escape_text(setting.labels.figure)}'
        f" {block.number}.</font> {inline_markup(block.caption, setting.link_colour)}",
        typography.caption,
    )
    content: list[Flowable] = [
        PictureImage(image, width, height),
        Spacer(1, typography.leading * 0.4),
        caption,
    ]
    if block.credit:
        credit = ParagraphStyle("credit", typography.caption, textColor=typography.colours.muted)
        content.append(Paragraph(escape_text(block.credit), credit))
    frame = FigureFrame(
        block, figure_key(block.number), content, setting.text_height - typography.leading
    )
    frame.spaceBefore = frame.spaceAfter = typography.leading
    return Floating(frame, setting.waiting)


def placed_size(block: PictureBlock, text_width: float, tallest: float) -> tuple[float, float]:
    """Width and height in points: the width asked for (or the text's), proportions kept."""
    width = min(block.width_mm * mm, text_width) if block.width_mm else text_width
    pixel_width, pixel_height = block.size
    height = width * pixel_height / pixel_width
    if height > tallest:
        width, height = width * tallest / height, tallest
    return width, height


def _pixels_for(size: tuple[int, int], width: float) -> tuple[int, int]:
    """The picture's size in pixels, reduced to DPI at `width` points if it has more."""
    pixel_width, pixel_height = size
    wanted = math.ceil(width / inch * DPI)
    if pixel_width <= wanted:
        return size
    return wanted, max(1, round(pixel_height * wanted / pixel_width))


@functools.lru_cache(maxsize=32)
def _image(
    data: bytes,
    mode: str,
    size: tuple[int, int],
    pixels: tuple[int, int],
    grey: bool,
    photographic: bool,
) -> ImageReader:
    """Made once for the booklet and the handout, and kept for `booklet watch`."""
    picture = Image.frombytes(mode, size, data)
    if pixels != size:
        picture = picture.resize(pixels, Image.Resampling.LANCZOS)
    if grey:
        picture = grey_picture(picture)
    if not photographic:
        return ImageReader(picture)  # ReportLab compresses the pixels without loss
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return ImageReader(io.BytesIO(buffer.getvalue()))  # a JPEG goes into the PDF as it is
