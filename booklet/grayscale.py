"""Turn a booklet's colours into the greys a photocopier would make of them.

Each colour becomes the grey of its luminance (ITU-R BT.709), so what was
lighter stays lighter: the chart palette's colours were chosen to stay apart
in grey, and this edition lets the curator see that they do before copying.
"""

from __future__ import annotations

import re

_HEX = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")


def grey(colour: str) -> str:
    """ "#1f4e79" → "#474747"; anything that is not #rrggbb is left as it is."""
    match = _HEX.fullmatch(colour)
    if match is None:
        return colour
    red, green, blue = (int(part, 16) / 255 for part in match.groups())
    level = round(255 * (0.2126 * red + 0.7152 * green + 0.0722 * blue))
    return f"#{level:02x}{level:02x}{level:02x}"
