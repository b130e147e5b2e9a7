"""Save a matplotlib figure as SVG the layout can trust: same input, same bytes.

The layout converts this SVG with svglib into a vector drawing. So text stays
text (selectable, and set in the booklet's own font, which must be registered
here and there), nothing depends on the clock, and no font is ever swapped for
one the layout would not have.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from booklet.diagnostics import Problem

from .model import ChartStyle

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

_MM_PER_PT = 25.4 / 72
_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)pt"\s+height="([\d.]+)pt"')


def register_fonts(style: ChartStyle) -> Problem | None:
    """Give matplotlib the style's font files; a problem if the family is not among them."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in style.font_files:
        if path not in known:
            font_manager.fontManager.addfont(path)
    try:
        font_manager.findfont(
            font_manager.FontProperties(family=style.font_family), fallback_to_default=False
        )
    except ValueError:
        inside = sorted({FT2Font(path).family_name for path in style.font_files})
        hint = (
            f'set family = "{inside[0]}" in [fonts] of assets/style.toml'
            if inside
            else "give the font's files in [fonts] of assets/style.toml"
        )
        return Problem(None, f"charts cannot find the font family '{style.font_family}'", hint)
    return None


def house_rc(style: ChartStyle) -> dict[Any, Any]:
    """matplotlib settings every chart shares: the page's font and ink, no background."""
    size = style.font_size_pt
    return {
        "svg.fonttype": "none",  # keep <text>: selectable, and set in the layout's font
        "svg.hashsalt": "booklet",  # fixed ids, so the same chart gives the same bytes
        "font.family": [style.font_family],
        "font.size": size,
        "text.parse_math": False,  # "$50 million and $150 million" is money, not mathematics
        # measure text as the PDF will set it, from the font's own widths: matplotlib's
        # hinting rounds each letter to whole pixels and makes labels seem wider
        "text.hinting": "no_hinting",
        "text.color": style.ink,
        "axes.labelcolor": style.ink,
        "axes.edgecolor": style.ink,
        "axes.labelsize": size,
        "axes.titlesize": size,
        "axes.linewidth": 0.6,
        "axes.facecolor": "none",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.axisbelow": True,
        "figure.facecolor": "none",
        "figure.dpi": 72,  # one pixel is one point, so measurements need no conversion
        "savefig.dpi": 72,
        "xtick.color": style.ink,
        "ytick.color": style.ink,
        "xtick.labelsize": size,
        "ytick.labelsize": size,
        "xtick.major.width": 0.6,
        "ytick.major.width": 0.6,
        "xtick.major.size": 3,
        "ytick.major.size": 3,
        "legend.fontsize": size,
        "legend.frameon": False,
        "lines.solid_capstyle": "butt",
        "axes.formatter.use_locale": False,
    }


@contextmanager
def house_style(style: ChartStyle) -> Iterator[None]:
    """Draw and save inside this, so every artist takes the house settings."""
    import matplotlib

    with matplotlib.rc_context(house_rc(style)):
        yield


def to_svg(figure: MplFigure) -> bytes:
    # svglib ignores clip paths, so a chart must not rely on them: every kind keeps
    # its marks inside the plot, and nothing is clipped, so what svglib draws is
    # what matplotlib drew.
    for axes in figure.axes:
        for artist in axes.get_children():
            artist.set_clip_on(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def svg_size_mm(svg: bytes) -> tuple[float, float] | None:
    """The width and height a saved chart declares, for charts read back from the cache."""
    match = _SIZE.search(svg)
    if match is None:
        return None
    return float(match[1]) * _MM_PER_PT, float(match[2]) * _MM_PER_PT
