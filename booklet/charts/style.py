"""Read the charts' part of assets/style.toml, so charts match the page around them.

Charts take their font from the `[fonts]` entry the text uses, and their size and
colours from `[charts]`; everything missing keeps the ChartStyle default.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from booklet.diagnostics import Location, Problem, relative_to
from booklet.fonts import find_font
from booklet.tomlfile import key_line, read_toml, unknown_keys

from .model import ChartStyle
from .options import is_number
from .palette import is_colour

_KEYS = ("font", "font_size", "width", "height", "colours", "ink")
_FACES = ("regular", "bold", "italic", "bold_italic")
_DEFAULT = ChartStyle()


def load_chart_style(style_file: Path, assets_dir: Path) -> tuple[ChartStyle, list[Problem]]:
    """The style charts are drawn in, and what was wrong with the `[charts]` table."""
    if not style_file.is_file():
        return ChartStyle(), []
    root = assets_dir.parent
    data, text = read_toml(style_file, root)
    reader = _StyleReader(relative_to(style_file, root), text, assets_dir)
    charts = reader.table(data, "charts")
    fonts = reader.table(data, "fonts")
    reader.problems += unknown_keys(charts, _KEYS, reader.at("charts"), "[charts]")
    family, files = reader.font(charts, fonts)
    style = ChartStyle(
        font_family=family,
        font_files=files,
        font_size_pt=reader.size(charts, "font_size", _DEFAULT.font_size_pt),
        width_mm=reader.size(charts, "width", _DEFAULT.width_mm),
        height_mm=reader.size(charts, "height", _DEFAULT.height_mm),
        colours=reader.colours(charts),
        ink=reader.colour(charts, "ink", _DEFAULT.ink),
    )
    return style, reader.problems


class _StyleReader:
    def __init__(self, shown: Path, text: str, assets_dir: Path) -> None:
        self.shown = shown
        self.text = text
        self.assets_dir = assets_dir
        self.problems: list[Problem] = []
        self.charts_line = _table_line(text, "charts")

    def at(self, key: str) -> Location:
        if key == "charts":
            return Location(self.shown, self.charts_line)
        return Location(self.shown, key_line(self.text, key, self.charts_line or 1))

    def wrong(self, key: str, message: str, hint: str) -> None:
        self.problems.append(Problem(self.at(key), message, hint))

    def table(self, data: dict[str, Any], name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if isinstance(value, dict):
            return value
        line = key_line(self.text, name)
        self.problems.append(
            Problem(
                Location(self.shown, line), f"`{name}` must be a table", f"start it with [{name}]"
            )
        )
        return {}

    def size(self, charts: dict[str, Any], key: str, default: float) -> float:
        value = charts.get(key, default)
        if not is_number(value) or value <= 0:
            self.wrong(
                key, f"`{key}` in [charts] must be a positive number", f"{key} = {default:g}"
            )
            return default
        return float(value)

    def colour(self, charts: dict[str, Any], key: str, default: str) -> str:
        value = charts.get(key, default)
        if not isinstance(value, str) or not is_colour(value):
            self.wrong(key, f'`{key}` in [charts] must be a colour like "#222222"', _HEX_HINT)
            return default
        return value

    def colours(self, charts: dict[str, Any]) -> tuple[str, ...]:
        value = charts.get("colours", list(_DEFAULT.colours))
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(item, str) and is_colour(item) for item in value)
        ):
            self.wrong(
                "colours",
                '`colours` in [charts] must be a list of colours like "#1f4e79"',
                _HEX_HINT,
            )
            return _DEFAULT.colours
        return tuple(value)

    def font(self, charts: dict[str, Any], fonts: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
        """The family charts use and its files: the text's own font, so the layout has it too."""
        default: tuple[str, tuple[str, ...]] = (_DEFAULT.font_family, ())
        name = charts.get("font", "body")
        if not isinstance(name, str):
            self.wrong("font", "`font` in [charts] must be text", 'font = "body"')
            return default
        entry = fonts.get(name)
        if entry is None and "font" not in charts:
            return default
        if not isinstance(entry, dict) or not isinstance(entry.get("family"), str):
            known = ", ".join(key for key, value in fonts.items() if isinstance(value, dict))
            hint = f"use one of: {known}" if known else "add it to [fonts] with a family and files"
            self.wrong("font", f"`font` in [charts] names no [fonts] entry '{name}'", hint)
            return default
        files = []
        for face in _FACES:
            if not isinstance(file_name := entry.get(face), str):
                continue
            path = find_font(file_name, self.assets_dir)
            if path is None:
                self.problems.append(
                    Problem(
                        Location(self.shown, key_line(self.text, name)),
                        f"font file '{file_name}' of [fonts] {name} not found",
                        "put it in assets/fonts/, or name a font matplotlib ships: DejaVuSerif.ttf",
                    )
                )
            else:
                files.append(str(path))
        return entry["family"], tuple(files)


_HEX_HINT = 'write it as "#" and six hex digits, e.g. "#1f4e79"'


def _table_line(text: str, name: str) -> int | None:
    match = re.search(rf"^[ \t]*\[[ \t]*{re.escape(name)}[ \t]*\]", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
