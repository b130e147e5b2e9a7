"""Font files the style sheet names: a missing or broken one stops `booklet build` with one
message at the line of assets/style.toml that names it (exit status 2), never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from booklet.cli import main
from booklet.fonts import PACKAGE_FONTS

WHOLE = (PACKAGE_FONTS / "NotoSerif-Regular.ttf").read_bytes()
BODY = 'regular = "NotoSerif-Regular.ttf"'


@pytest.fixture
def project(default_project: Path, tmp_path: Path) -> Path:
    """A private copy of the default project that a test may break."""
    copy = tmp_path / "project"
    shutil.copytree(
        default_project, copy, ignore=shutil.ignore_patterns("output", ".booklet-cache")
    )
    return copy


def name_body_font(project: Path, name: str, data: bytes | None) -> tuple[int, str]:
    """Make the body font's regular face `name` (written to assets/fonts/ unless None);
    the line of style.toml that names it, and that line's text."""
    sheet = project / "assets" / "style.toml"
    text = sheet.read_text(encoding="utf-8").replace(BODY, f'regular = "{name}"')
    sheet.write_text(text, encoding="utf-8")
    if data is not None:
        (project / "assets" / "fonts" / name).write_bytes(data)
    number, line = next(
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.startswith("body =")
    )
    return number, line


HINT = (
    "put a whole TrueType (.ttf) file there, or name a bundled font such as `NotoSerif-Regular.ttf`"
)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (WHOLE[: len(WHOLE) // 2], "is cut short"),
        (WHOLE[:-100], "is cut short"),  # ReportLab alone would not notice
        (b"Regular weight, downloaded from the web\n", "is not a TrueType font"),
        (b"", "is empty"),
        (b"wOF2" + bytes(60), "is a web font (WOFF2)"),
    ],
    ids=["half", "last-table-cut", "text", "empty", "woff2"],
)
def test_a_broken_font_file_stops_the_build_at_its_line(project, capsys, data, what):
    number, line = name_body_font(project, "Garamond-Regular.ttf", data)
    assert main(["build", str(project), "--only", "digital"]) == 2
    assert capsys.readouterr().err == (
        f"assets/style.toml:{number}: error: font file `Garamond-Regular.ttf` of the `body` font "
        f"(assets/fonts/Garamond-Regular.ttf) {what}\n"
        f"{number:>6} | {line[:160]}\n"
        f"  hint: {HINT}\n"
    )
    assert not (project / "output").exists()


def test_a_missing_font_file_is_one_message_not_one_per_reader(project, capsys):
    number, line = name_body_font(project, "Garamond-Regular.ttf", None)
    assert main(["build", str(project)]) == 2
    assert capsys.readouterr().err == (
        f"assets/style.toml:{number}: error: font file `Garamond-Regular.ttf` of the `body` font "
        "not found\n"
        f"{number:>6} | {line[:160]}\n"
        "  hint: put it in assets/fonts/, or name a bundled font such as "
        "`NotoSerif-Regular.ttf`\n"
    )


def test_a_broken_copy_of_a_bundled_font_in_assets_is_named(project, capsys):
    (project / "assets" / "fonts" / "NotoSans-Bold.ttf").write_bytes(WHOLE[:5000])
    text = (project / "assets" / "style.toml").read_text(encoding="utf-8")
    number, line = next(
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.startswith("heading =")
    )
    assert main(["build", str(project), "--only", "digital"]) == 2
    assert capsys.readouterr().err == (
        f"assets/style.toml:{number}: error: font file `NotoSans-Bold.ttf` of the `heading` "
        "font (assets/fonts/NotoSans-Bold.ttf) is cut short\n"
        f"{number:>6} | {line[:160]}\n"
        "  hint: put a whole TrueType (.ttf) file there, or delete it to use booklet's own\n"
    )
