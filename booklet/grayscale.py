"""Turn a booklet's colours, and its pictures, into the greys a photocopier would make of them.

Each colour becomes the grey of its luminance (ITU-R BT.709), so what was
lighter stays lighter: the chart palette's colours were chosen to stay apart
in grey, and this edition lets the curator see that they do before copying.
Pictures are turned pixel by pixel with the same weights.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

_HEX = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")
LUMINANCE = (0.2126, 0.7152, 0.0722)  # of red, green and blue


def grey(colour: str) -> str:
    """ "#1f4e79" → "#474747"; anything that is not #rrggbb is left as it is."""
    match = _HEX.fullmatch(colour)
    if match is None:
        return colour
    red, green, blue = (int(part, 16) / 255 for part in match.groups())
    level = round(255 * (LUMINANCE[0] * red + LUMINANCE[1] * green + LUMINANCE[2] * blue))
    return f"#{level:02x}{level:02x}{level:02x}"


def grey_picture(picture: Image) -> Image:
    """An RGB or grey picture in the grey of each pixel's luminance."""
    if picture.mode == "L":
        return picture
    return picture.convert("L", matrix=(*LUMINANCE, 0.0))
