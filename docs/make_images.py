"""Render the README's pictures from the built digital edition.

`make images` runs this once the booklet is built: docs/cover.png shows the front
cover, and docs/spread.png two facing inside pages, as on a table with the
booklet lying open. The same PDF always gives the same PNG files.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw

from booklet.diagnostics import BookletError
from booklet.project import load_project

DPI = 110
MAX_BYTES = 300_000  # above this a picture is saved with a palette of 256 colours
TABLE = (233, 229, 221)  # the light background the open booklet lies on
SHADOW = (208, 203, 193)
EDGE = (160, 160, 160)  # outline of the cover, and the fold between the two pages
MARGIN = 28  # pixels of table around the booklet
SHADOW_OFFSET = 4


def main(argv: Sequence[str] | None = None) -> int:
    """Write cover.png and spread.png; return the exit status (2 when something is missing)."""
    args = parse_arguments(argv)
    try:
        pdf = args.pdf or default_pdf()
    except BookletError as error:
        return fail(error.problem.format())
    if not pdf.is_file():
        return fail(f"error: {pdf} does not exist\n  hint: build the booklet first: make booklet")
    document = pypdfium2.PdfDocument(pdf)
    try:
        page_count = len(document)
        missing = [number for number in args.pages if not 1 <= number <= page_count]
        if missing:
            return fail(
                f"error: the booklet has {page_count} pages, so it has no page {missing[0]}\n"
                "  hint: choose two facing pages with --pages, e.g. --pages 2 3"
            )
        cover = outlined(render(document[0]))
        left, right = (render(document[number - 1]) for number in args.pages)
    finally:
        document.close()
    args.out.mkdir(parents=True, exist_ok=True)
    written = [
        save_png(cover, args.out / "cover.png"),
        save_png(open_booklet(left, right), args.out / "spread.png"),
    ]
    print(f"wrote {' and '.join(written)}")
    return 0


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--pdf",
        type=Path,
        help="the digital edition (default: output/<slug>.pdf of the booklet in this folder)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).parent,
        help="the folder for cover.png and spread.png (default: docs)",
    )
    parser.add_argument(
        "--pages",
        type=int,
        nargs=2,
        default=[6, 7],
        metavar=("LEFT", "RIGHT"),
        help="the two facing pages to show open, an even one then the next (default: 6 7)",
    )
    return parser.parse_args(argv)


def default_pdf() -> Path:
    project = load_project(Path.cwd())
    return project.out_dir / f"{project.slug}.pdf"


def render(page: pypdfium2.PdfPage) -> Image.Image:
    bitmap = page.render(scale=DPI / 72, draw_annots=False)
    image: Image.Image = bitmap.to_pil().convert("RGB")
    return image


def outlined(page: Image.Image) -> Image.Image:
    """The page with a hairline round it, so a white cover does not melt into a white README."""
    framed = page.copy()
    ImageDraw.Draw(framed).rectangle((0, 0, framed.width - 1, framed.height - 1), outline=EDGE)
    return framed


def open_booklet(left: Image.Image, right: Image.Image) -> Image.Image:
    """Two facing pages side by side on a table, with a shadow and a line at the fold."""
    width, height = left.width + right.width, max(left.height, right.height)
    table = Image.new("RGB", (width + 2 * MARGIN, height + 2 * MARGIN), TABLE)
    draw = ImageDraw.Draw(table)
    shadow = (MARGIN + SHADOW_OFFSET, MARGIN + SHADOW_OFFSET)
    draw.rectangle((*shadow, shadow[0] + width - 1, shadow[1] + height - 1), fill=SHADOW)
    table.paste(left, (MARGIN, MARGIN))
    table.paste(right, (MARGIN + left.width, MARGIN))
    fold = MARGIN + left.width
    draw.line((fold, MARGIN, fold, MARGIN + height - 1), fill=EDGE)
    return table


def save_png(image: Image.Image, path: Path) -> str:
    """Save without metadata; fall back to a palette if the picture is too heavy for a README."""
    data = png_bytes(image)
    if len(data) > MAX_BYTES:
        data = png_bytes(image.quantize(256, dither=Image.Dither.NONE))
    path.write_bytes(data)
    return f"{path} ({len(data) // 1000} KB)"


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
