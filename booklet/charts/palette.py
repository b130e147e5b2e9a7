"""Colours that still tell series apart on a black-and-white photocopy.

A photocopier keeps only lightness, so two fills of different hue but equal
lightness print as the same grey. Fills are chosen from the style's colours and
lightened until every pair differs enough in grey; each fill gets a darker edge
so a pale bar still has a visible outline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
MIN_GREY_GAP = 0.15  # about 38 of 255 grey levels: still apart after a copier's toner noise
_LIGHTEN_STEP = 0.2
_MAX_LIGHTEN = 0.8

Rgb = tuple[float, float, float]


def is_colour(text: str) -> bool:
    return HEX_COLOUR.fullmatch(text) is not None


def to_rgb(colour: str) -> Rgb:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def to_hex(rgb: Rgb) -> str:
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def grey(colour: str) -> float:
    """Lightness as a copier sees it (ITU-R 601 luma, as Pillow's "L" mode): 0 black, 1 white."""
    red, green, blue = to_rgb(colour)
    return 0.299 * red + 0.587 * green + 0.114 * blue


def mix(colour: str, towards: str, amount: float) -> str:
    start, end = to_rgb(colour), to_rgb(towards)
    red, green, blue = (a + (b - a) * amount for a, b in zip(start, end, strict=True))
    return to_hex((red, green, blue))


def edge(colour: str) -> str:
    """The outline drawn around a fill of this colour."""
    return mix(colour, "#000000", 0.4)


def series_fills(colours: Sequence[str], count: int) -> list[str]:
    """`count` fills, in palette order, each far enough in grey from the ones before it."""
    fills: list[str] = []
    for index in range(count):
        base = colours[index % len(colours)]
        fill, amount = base, 0.0
        while amount < _MAX_LIGHTEN and any(
            abs(grey(fill) - grey(other)) < MIN_GREY_GAP for other in fills
        ):
            amount += _LIGHTEN_STEP
            fill = mix(base, "#ffffff", amount)
        fills.append(fill)
    return fills
