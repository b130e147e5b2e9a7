"""Read the style sheet (assets/style.toml) into a Style: typefaces, sizes, margins, colours.

Every value has a default, so a project without a style sheet still gets a
well-set booklet; a wrong value is reported with its line and replaced by the
default, so one typo does not hide the others. A font file that is missing or
cannot be embedded is unreadable input: the sheet's problems stop the build then.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyphen

from booklet.diagnostics import BookletError, Location, Problem, relative_to
from booklet.fonts import damage, find_font
from booklet.project import Paper
from booklet.tomlfile import key_line, near_miss, read_toml, unknown_keys

from .typefaces import font_file_problem

FACES = ("regular", "bold", "italic", "bold_italic")
A5_WIDTH_MM = 148.0


@dataclass(frozen=True, slots=True)
class Typeface:
    """A family as four TrueType files; `family` is the name charts give it in their SVG."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True, slots=True)
class Margins:
    """Page margins in millimetres; inner is the side of the fold."""

    inner: float = 18.0
    outer: float = 14.0
    top: float = 16.0
    bottom: float = 20.0


@dataclass(frozen=True, slots=True)
class Sizes:
    """Type sizes in points."""

    body: float = 9.5
    leading: float = 13.2
    notes: float = 7.5
    heading: float = 10.5
    chapter: float = 17.0
    cover: float = 25.0


@dataclass(frozen=True, slots=True)
class Style:
    body_font: Typeface
    heading_font: Typeface
    sizes: Sizes = field(default_factory=Sizes)
    margins: Margins = field(default_factory=Margins)
    ink: str = "#222222"
    accent: str = "#1f4e79"
    hyphenation: str = "auto"  # "auto": the booklet's language; "off"; or a code such as "de_DE"
    chapters_open_right: bool = True
    notes: str = "footnotes"
    note_numbering: str = "booklet"  # "booklet": 1, 2, 3 … throughout; "chapter": from 1 in each
    pictures_in_grey: bool = False  # the grayscale edition's, never the sheet's

    def for_paper(self, paper: Paper) -> Style:
        """The style as set for this paper: the sheet's values are meant for A5.

        Margins grow with the page; type grows more slowly, so a larger page gets
        a longer line, not just a magnified A5 page.
        """
        ratio = paper.width_mm / A5_WIDTH_MM
        type_ratio = ratio**0.5
        sizes = Sizes(**{name: value * type_ratio for name, value in _fields(self.sizes).items()})
        margins = Margins(**{name: value * ratio for name, value in _fields(self.margins).items()})
        return replace(self, sizes=sizes, margins=margins)


DEFAULT_FONTS = {
    "body": {
        "family": "Noto Serif",
        "regular": "NotoSerif-Regular.ttf",
        "bold": "NotoSerif-Bold.ttf",
        "italic": "NotoSerif-Italic.ttf",
        "bold_italic": "NotoSerif-BoldItalic.ttf",
    },
    "heading": {
        "family": "Noto Sans",
        "regular": "NotoSans-Regular.ttf",
        "bold": "NotoSans-Bold.ttf",
        "italic": "NotoSans-Italic.ttf",
        "bold_italic": "NotoSans-BoldItalic.ttf",
    },
}
TABLES = ("fonts", "sizes", "margins", "colours", "book", "charts")  # [charts] is read by charts
NOTES = ("footnotes",)
NOTE_NUMBERING = ("booklet", "chapter")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def load_style(style_file: Path, assets_dir: Path) -> tuple[Style, list[Problem]]:
    """The style sheet's Style and its problems; a missing sheet means the defaults.

    BookletError, with every problem of the sheet, if a font file cannot be used.
    """
    root = assets_dir.parent
    data, text = read_toml(style_file, root) if style_file.is_file() else ({}, "")
    sheet = _Sheet(relative_to(style_file, root), text)
    for key in data:
        if key not in TABLES:
            sheet.problems += unknown_keys(
                {key: None}, TABLES, sheet.at(None, key), "the style sheet"
            )
    fonts = sheet.table(data, "fonts", ("body", "heading"))
    body = _typeface(sheet, fonts, "body", assets_dir)
    heading = _typeface(sheet, fonts, "heading", assets_dir)
    sizes = sheet.table(data, "sizes", _fields(Sizes()))
    margins = sheet.table(data, "margins", _fields(Margins()))
    colours = sheet.table(data, "colours", ("ink", "accent"))
    book = sheet.table(
        data, "book", ("hyphenation", "chapters_open_right", "notes", "note_numbering")
    )
    default = Style(body, heading)
    style = Style(
        body_font=body,
        heading_font=heading,
        sizes=Sizes(**_numbers(sheet, "sizes", sizes, _fields(Sizes()), (4.0, 72.0), "points")),
        margins=Margins(
            **_numbers(sheet, "margins", margins, _fields(Margins()), (0.0, 60.0), "mm")
        ),
        ink=sheet.value("colours", colours, "ink", default.ink, _is_colour, _COLOUR_HINT),
        accent=sheet.value("colours", colours, "accent", default.accent, _is_colour, _COLOUR_HINT),
        hyphenation=_hyphenation(sheet, book),
        chapters_open_right=sheet.value(
            "book", book, "chapters_open_right", True, _is_bool, "write true or false"
        ),
        notes=_notes(sheet, book),
        note_numbering=sheet.value(
            "book",
            book,
            "note_numbering",
            "booklet",
            lambda value: value in NOTE_NUMBERING,
            'write note_numbering = "booklet" or "chapter"',
        ),
    )
    if sheet.has_unusable_fonts:
        raise BookletError(*sheet.problems)
    return style, sheet.problems


_COLOUR_HINT = 'write a colour as "#rrggbb", e.g. "#1f4e79"'


class _Sheet:
    """The style sheet's text and the problems found in it so far."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []
        self.has_unusable_fonts = False

    def at(self, table: str | None, key: str | None = None) -> Location:
        """Where `key` of `[table]` is set, or where `[table]` or a top-level `key` is."""
        if table is None:
            return Location(self.path, self._header(key or "") or key_line(self.text, key or ""))
        start = self._header(table)
        if start is None or key is None:
            return Location(self.path, start)
        return Location(self.path, key_line(self.text, key, start) or start)

    def _header(self, table: str) -> int | None:
        found = re.search(rf"^\s*\[\s*{re.escape(table)}\s*[\].]", self.text, re.MULTILINE)
        return None if found is None else self.text.count("\n", 0, found.start()) + 1

    def report(self, table: str | None, key: str, message: str, hint: str) -> None:
        self.problems.append(Problem(self.at(table, key), message, hint=hint))

    def table(self, data: Mapping[str, Any], name: str, known: Any) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            self.report(None, name, f"`{name}` must be a table", f"write it as a [{name}] section")
            return {}
        for key in value:
            if key not in known:
                self.problems += unknown_keys({key: None}, known, self.at(name, key), f"[{name}]")
        return value

    def value(
        self,
        table: str,
        values: Mapping[str, Any],
        key: str,
        default: Any,
        is_valid: Callable[[Any], bool],
        hint: str,
    ) -> Any:
        if key not in values:
            return default
        if is_valid(values[key]):
            return values[key]
        self.report(table, key, f"`{table}.{key}` cannot be {values[key]!r}", hint)
        return default


def _fields(instance: Any) -> dict[str, float]:
    return {name: getattr(instance, name) for name in instance.__dataclass_fields__}


def _is_colour(value: Any) -> bool:
    return isinstance(value, str) and _COLOUR.fullmatch(value) is not None


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _numbers(
    sheet: _Sheet,
    table: str,
    values: Mapping[str, Any],
    defaults: Mapping[str, float],
    bounds: tuple[float, float],
    unit: str,
) -> dict[str, float]:
    low, high = bounds

    def is_valid(value: Any) -> bool:
        return (
            isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high
        )

    hint = f"give a number of {unit} from {low:g} to {high:g}"
    return {
        key: float(sheet.value(table, values, key, default, is_valid, hint))
        for key, default in defaults.items()
    }


def _typeface(sheet: _Sheet, fonts: Mapping[str, Any], role: str, assets_dir: Path) -> Typeface:
    default = DEFAULT_FONTS[role]
    given = fonts.get(role, {})
    if not isinstance(given, dict):
        sheet.report(
            "fonts",
            role,
            f"`fonts.{role}` must be a table of font files",
            f'write {role} = {{ family = "…", regular = "….ttf", bold = "….ttf", '
            'italic = "….ttf", bold_italic = "….ttf" }',
        )
        given = {}
    for key in given:
        if key not in default:
            guess = near_miss(key, default)
            hint = f"did you mean `{guess}`?" if guess else f"known keys: {', '.join(default)}"
            sheet.report("fonts", role, f"unknown key `{key}` in the `{role}` font", hint)
    names = {key: given.get(key, value) for key, value in default.items()}
    for key, value in names.items():
        if not isinstance(value, str) or not value.strip():
            sheet.report(
                "fonts", role, f"`{key}` of the `{role}` font must be text", f'write {key} = "…"'
            )
            names[key] = default[key]
    return Typeface(
        family=names["family"],
        **{face: _font_file(sheet, role, names[face], default[face], assets_dir) for face in FACES},
    )


def _font_file(sheet: _Sheet, role: str, name: str, default: str, assets_dir: Path) -> Path:
    path = find_font(name, assets_dir)
    if path is None:
        message = f"font file `{name}` of the `{role}` font not found"
        hint = f"put it in assets/fonts/, or name a bundled font such as `{default}`"
    elif (problem := damage(path) or font_file_problem(path)) is not None:
        shown = relative_to(path, assets_dir.parent).as_posix()
        message = f"font file `{name}` of the `{role}` font ({shown}) {problem}"
        hint = f"put a whole TrueType (.ttf) file there, or name a bundled font such as `{default}`"
        if name == default:  # the project's file hides the one booklet brings
            hint = "put a whole TrueType (.ttf) file there, or delete it to use booklet's own"
    else:
        return path
    if Problem(sheet.at("fonts", role), message, hint) not in sheet.problems:  # named twice
        sheet.report("fonts", role, message, hint)
    sheet.has_unusable_fonts = True
    fallback = find_font(default, assets_dir)
    if fallback is None:
        raise BookletError(
            Problem(
                None,
                f"the bundled font `{default}` is missing",
                hint="reinstall booklet: it brings the Noto fonts of the default style",
            )
        )
    return fallback


def _hyphenation(sheet: _Sheet, book: Mapping[str, Any]) -> str:
    value = book.get("hyphenation", "auto")
    if value in ("auto", "off"):
        return str(value)
    if isinstance(value, str) and value in pyphen.LANGUAGES:
        return value
    guess = near_miss(str(value), pyphen.LANGUAGES) if isinstance(value, str) else None
    hint = f'did you mean "{guess}"?' if guess else 'write "auto", "off" or a code such as "en_GB"'
    sheet.report("book", "hyphenation", f"no hyphenation patterns for {value!r}", hint)
    return "auto"


def _notes(sheet: _Sheet, book: Mapping[str, Any]) -> str:
    value = book.get("notes", NOTES[0])
    if value in NOTES:
        return str(value)
    sheet.report("book", "notes", f"`book.notes` cannot be {value!r}", 'write notes = "footnotes"')
    return NOTES[0]
