"""Find the font files a style sheet names.

A name is looked up in the project's assets/fonts/ first, then among the faces
booklet ships (Noto Serif and Noto Sans, static weights made from the OFL
variable fonts), then among those matplotlib ships (DejaVu, STIX): a new project
needs nothing beyond pip.
The matplotlib folder is found without importing matplotlib, which is slow.
"""

from __future__ import annotations

import importlib.util
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
