"""Make the static book faces the default style uses, from the Noto variable fonts.

ReportLab embeds only static TrueType fonts: a variable font gives it just its
default instance. This script cuts Regular, Bold, Italic and Bold Italic of
Noto Serif (running text) and Noto Sans (headings) out of the variable fonts,
keeps the scripts a booklet needs (Latin with diacritics, Greek, Cyrillic,
punctuation, figures and symbols) and writes them here and into the package,
so new projects find them too. It is run by hand, never by the build:

    pip download --no-deps -d /tmp/noto fontpkg-noto-serif==2.15 fontpkg-noto-sans==2.15
    (unzip both wheels into /tmp/noto)
    python assets/fonts/make_fonts.py /tmp/noto
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

PACKAGE_FONTS = Path(__file__).resolve().parent.parent.parent / "booklet" / "layout" / "fonts"

FAMILIES = {"Noto Serif": "NotoSerif", "Noto Sans": "NotoSans"}
STYLES = {  # style name: (upright or italic source, weight)
    "Regular": ("", 400),
    "Bold": ("", 700),
    "Italic": ("-Italic", 400),
    "Bold Italic": ("-Italic", 700),
}
KEPT = [
    (0x0020, 0x007E),  # basic Latin
    (0x00A0, 0x024F),  # Latin-1, Latin Extended-A and -B
    (0x02B0, 0x036F),  # modifier letters and combining accents
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and its supplement
    (0x1E00, 0x1FFF),  # Latin Extended Additional, polytonic Greek
    (0x2000, 0x22FF),  # punctuation, super- and subscripts, currency, symbols, arrows, maths
    (0x25A0, 0x25FF),  # geometric shapes
    (0xFB00, 0xFB06),  # Latin ligatures
]


def make(source_dir: Path) -> list[Path]:
    written = []
    for family, stem in FAMILIES.items():
        for style, (suffix, weight) in STYLES.items():
            source = next(source_dir.rglob(f"{stem}{suffix}[[]wdth,wght].ttf"))
            font = instancer.instantiateVariableFont(TTFont(source), {"wght": weight, "wdth": 100})
            _keep_scripts(font)
            _name(font, family, style)
            target = PACKAGE_FONTS / f"{stem}-{style.replace(' ', '')}.ttf"
            font.save(target)
            written.append(target)
    return written


def _keep_scripts(font: TTFont) -> None:
    options = subset.Options()
    options.hinting = False  # a PDF is drawn by the viewer's own rasteriser
    options.layout_features = ["kern", "liga", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for low, high in KEPT for code in range(low, high + 1)])
    subsetter.subset(font)


def _name(font: TTFont, family: str, style: str) -> None:
    names = font["name"]
    postscript = f"{family.replace(' ', '')}-{style.replace(' ', '')}"
    for name_id, value in {
        1: family,
        2: style,
        3: f"{postscript};booklet",
        4: f"{family} {style}",
        6: postscript,
    }.items():
        names.setName(value, name_id, 3, 1, 0x409)
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    bold, italic = "Bold" in style, "Italic" in style
    os2 = font["OS/2"]
    os2.usWeightClass = 700 if bold else 400
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (
        (1 if italic else 0) | (0b100000 if bold else 0) | (0 if bold or italic else 0b1000000)
    )
    font["head"].macStyle = (1 if bold else 0) | (2 if italic else 0)


def main() -> None:
    PACKAGE_FONTS.mkdir(exist_ok=True)
    make(Path(sys.argv[1]))  # the OFL.txt beside them comes from the same packages


if __name__ == "__main__":
    main()
