"""Read booklet.toml into a Project: the booklet's metadata and where its files are."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from booklet.diagnostics import BookletError, Location, Problem, errors_in
from booklet.tomlfile import key_line, near_miss, read_toml, unknown_keys

MANIFEST = "booklet.toml"


class Edition(StrEnum):
    DIGITAL = "digital"  # <slug>.pdf: the reading copy, with links and outline
    PRINT = "print"  # <slug>-print.pdf: pages imposed for saddle-stitch printing
    PRINT_SHOP = "print-shop"  # <slug>-print-shop.pdf: single pages with bleed, boxes and marks
    PREVIEW = "preview"  # <slug>-cover.png and <slug>-pages.png, for sharing and web pages
    HANDOUT = "handout"  # <slug>-handout.pdf: one sheet, both sides, from templates/handout.jinja


@dataclass(frozen=True, slots=True)
class Paper:
    name: str
    width_mm: float
    height_mm: float
    sheet: str  # the paper it is printed on, two pages a side


PAPERS = {
    "a5": Paper("a5", 148.0, 210.0, sheet="a4"),
    "a4": Paper("a4", 210.0, 297.0, sheet="a3"),
    "letter": Paper("letter", 215.9, 279.4, sheet="tabloid"),
    "half-letter": Paper("half-letter", 139.7, 215.9, sheet="letter"),
    "a6": Paper("a6", 105.0, 148.0, sheet="a5"),
}
SHEETS_MM = {
    "a3": (297.0, 420.0),
    "a4": (210.0, 297.0),
    "a5": (148.0, 210.0),
    "letter": (215.9, 279.4),
    "tabloid": (279.4, 431.8),
}


@dataclass(frozen=True, slots=True)
class Project:
    root: Path
    title: str
    slug: str
    language: str = "en-GB"
    subtitle: str | None = None
    editor: str | None = None
    date: str | None = None
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    summary: str | None = None  # the back cover's text
    paper: Paper = PAPERS["a5"]
    editions: tuple[Edition, ...] = (Edition.DIGITAL, Edition.PRINT)
    edition_url: str | None = None  # where the digital copy lives: a QR code on print
    citation_style: str = "chicago-notes"
    output_dir: Path = Path("output")
    bleed_mm: float = 0.0  # [print]: what a print shop asks for; a home printer needs none
    marks: bool = False
    creep_mm: float = 0.0

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def sources_file(self) -> Path:
        return self.seeds_dir / "sources.toml"

    @property
    def facts_file(self) -> Path:
        return self.seeds_dir / "facts.toml"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def assets_dir(self) -> Path:
        return self.root / "assets"

    @property
    def style_file(self) -> Path:
        return self.assets_dir / "style.toml"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".booklet-cache"

    @property
    def out_dir(self) -> Path:
        return self.output_dir if self.output_dir.is_absolute() else self.root / self.output_dir

    def with_output(self, folder: Path) -> Project:
        return replace(self, output_dir=folder)


_TEXT_KEYS = (
    "title",
    "subtitle",
    "editor",
    "date",
    "subject",
    "summary",
    "slug",
    "language",
    "citation_style",
)
_KEYS = (*_TEXT_KEYS, "keywords", "paper", "editions", "edition_url", "print")
_PRINT_KEYS = ("bleed_mm", "marks", "creep_mm")


def load_project(root: Path) -> Project:
    """Read and validate booklet.toml; every problem is reported at once."""
    root = root.resolve()
    if not root.is_dir():
        raise BookletError(
            Problem(Location(root), "no such folder", hint="give the folder of a booklet project")
        )
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise BookletError(
            Problem(
                Location(Path(MANIFEST)),
                f"{root} is not a booklet project (it has no {MANIFEST})",
                hint="run `booklet new DIR` to start one",
            )
        )
    data, text = read_toml(manifest, root)
    problems = unknown_keys(data, _KEYS, Location(Path(MANIFEST)), MANIFEST)

    def where(key: str) -> Location:
        return Location(Path(MANIFEST), key_line(text, key))

    def problem(key: str, message: str, hint: str) -> None:
        problems.append(Problem(where(key), message, hint=hint))

    for key in _TEXT_KEYS:
        if key in data and not isinstance(data[key], str):
            problem(key, f"`{key}` must be text", f'write it in quotes: {key} = "…"')
    if not isinstance(data.get("title"), str) or not data.get("title", "").strip():
        problem("title", "the booklet has no title", 'add a line: title = "…"')
    slug = data.get("slug") or _slugify(str(data.get("title", "booklet")))
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(slug)):
        problem("slug", f"the slug `{slug}` is not usable in a file name", "use a-z, 0-9 and -")
    paper = _choice(data, "paper", PAPERS, "a5", problem)
    style = data.get("citation_style", "chicago-notes")  # the file is found and read by compose
    editions = _editions(data.get("editions", ["digital", "print"]), problem)
    keywords = data.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        problem("keywords", "`keywords` must be a list of text", 'keywords = ["…", "…"]')
        keywords = []
    url = data.get("edition_url")
    if url is not None and not (isinstance(url, str) and re.match(r"https?://\S+$", url)):
        problem("edition_url", "`edition_url` must be a web address", 'edition_url = "https://…"')
        url = None
    printing = _print_table(data.get("print", {}), text, problems)
    if errors := errors_in(problems):  # a manifest that cannot be read is bad input: exit 2
        raise BookletError(*errors)
    return Project(
        root=root,
        title=data["title"].strip(),
        slug=str(slug),
        language=data.get("language", "en-GB"),
        subtitle=data.get("subtitle"),
        editor=data.get("editor"),
        date=data.get("date"),
        subject=data.get("subject"),
        keywords=tuple(keywords),
        summary=data.get("summary"),
        paper=paper,
        editions=editions,
        edition_url=url or None,
        citation_style=style,
        **printing,
    )


def _print_table(table: Any, text: str, problems: list[Problem]) -> dict[str, Any]:
    """The [print] table: bleed and creep in millimetres, marks true or false."""
    where = Location(Path(MANIFEST), key_line(text, "bleed_mm") or key_line(text, "marks"))
    if not isinstance(table, dict):
        problems.append(
            Problem(where, "`print` must be a table", hint="write [print] on its own line")
        )
        return {}
    problems += unknown_keys(table, _PRINT_KEYS, where, "[print]")
    values: dict[str, Any] = {}
    for key in ("bleed_mm", "creep_mm"):
        value = table.get(key, 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(
                Problem(
                    Location(Path(MANIFEST), key_line(text, key)),
                    f"`{key}` must be a number of millimetres",
                    hint=f"{key} = 3",
                )
            )
        else:
            values[key] = float(value)
    if not isinstance(table.get("marks", False), bool):
        problems.append(
            Problem(
                Location(Path(MANIFEST), key_line(text, "marks")),
                "`marks` must be true or false",
                hint="marks = true",
            )
        )
    else:
        values["marks"] = table.get("marks", False)
    return values


def _slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "booklet"


def _choice(
    data: dict[str, Any], key: str, choices: dict[str, Any], default: str, problem: Any
) -> Any:
    value = data.get(key, default)
    if value in choices:
        return choices[value]
    guess = near_miss(str(value), choices)
    hint = f'did you mean "{guess}"?' if guess else f"choose one of: {', '.join(choices)}"
    problem(key, f"`{key}` cannot be {value!r}", hint)
    return choices[default]


def _editions(value: Any, problem: Any) -> tuple[Edition, ...]:
    names = [edition.value for edition in Edition]
    if not isinstance(value, list) or not all(item in names for item in value):
        problem(
            "editions",
            f"`editions` must list some of: {', '.join(names)}",
            'editions = ["digital", "print"]',
        )
        return (Edition.DIGITAL, Edition.PRINT)
    return tuple(Edition(item) for item in dict.fromkeys([Edition.DIGITAL.value, *value]))
