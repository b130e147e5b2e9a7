from __future__ import annotations

from pathlib import Path

import pytest

from booklet.diagnostics import BookletError, Location
from booklet.fonts import PACKAGE_FONTS
from booklet.layout import load_style
from booklet.layout.style import Margins, Sizes
from booklet.project import PAPERS

ROOT = Path(__file__).resolve().parents[2]


def write_sheet(tmp_path: Path, text: str) -> tuple[Path, Path]:
    assets = tmp_path / "assets"
    assets.mkdir()
    sheet = assets / "style.toml"
    sheet.write_text(text, encoding="utf-8")
    return sheet, assets


def test_the_shipped_sheet_reads_without_problems() -> None:
    style, problems = load_style(ROOT / "assets" / "style.toml", ROOT / "assets")
    assert problems == []
    assert style.body_font.family == "Noto Serif"
    assert style.body_font.italic.name == "NotoSerif-Italic.ttf"
    assert style.heading_font.family == "Noto Sans"
    assert style.note_numbering == "booklet"
    assert style.margins.inner > style.margins.outer  # room for the fold
    assert style.chapters_open_right is True
    assert style.notes == "footnotes"
    assert style.accent == "#1f4e79"


def test_a_missing_sheet_means_the_defaults(tmp_path: Path) -> None:
    style, problems = load_style(tmp_path / "assets" / "style.toml", tmp_path / "assets")
    assert problems == []
    assert style.sizes == Sizes()
    assert style.margins == Margins()


def test_values_from_the_sheet_are_used(tmp_path: Path) -> None:
    sheet, assets = write_sheet(
        tmp_path,
        '[sizes]\nbody = 10\n[margins]\ninner = 20\n[colours]\naccent = "#aa0000"\n'
        '[book]\nchapters_open_right = false\nhyphenation = "off"\n',
    )
    style, problems = load_style(sheet, assets)
    assert problems == []
    assert style.sizes.body == 10.0
    assert style.margins.inner == 20.0
    assert style.accent == "#aa0000"
    assert style.chapters_open_right is False
    assert style.hyphenation == "off"


def test_the_charts_table_belongs_to_the_charts_stage(tmp_path: Path) -> None:
    sheet, assets = write_sheet(tmp_path, '[charts]\nfont = "body"\nanything = 1\n')
    assert load_style(sheet, assets)[1] == []


def test_an_unknown_key_names_its_line_and_the_near_miss(tmp_path: Path) -> None:
    sheet, assets = write_sheet(tmp_path, "[sizes]\nbody = 9\nleadin = 12\n")
    _, problems = load_style(sheet, assets)
    assert [problem.format() for problem in problems] == [
        "assets/style.toml:3: error: unknown key `leadin` in [sizes]\n"
        "  hint: did you mean `leading`?"
    ]


def test_an_unknown_table_is_reported(tmp_path: Path) -> None:
    sheet, assets = write_sheet(tmp_path, "[colors]\nink = '#000000'\n")
    _, problems = load_style(sheet, assets)
    assert [(p.location, p.message, p.hint) for p in problems] == [
        (
            Location(Path("assets/style.toml"), 1),
            "unknown key `colors` in the style sheet",
            "did you mean `colours`?",
        )
    ]


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "[sizes]\nbody = 'big'\n",
            "`sizes.body` cannot be 'big'",
            "give a number of points from 4 to 72",
        ),
        ("[margins]\ntop = -3\n", "`margins.top` cannot be -3", "give a number of mm from 0 to 60"),
        (
            "[colours]\nink = 'black'\n",
            "`colours.ink` cannot be 'black'",
            'write a colour as "#rrggbb", e.g. "#1f4e79"',
        ),
        (
            "[book]\nchapters_open_right = 'yes'\n",
            "`book.chapters_open_right` cannot be 'yes'",
            "write true or false",
        ),
        (
            "[book]\nnotes = 'endnotes'\n",
            "`book.notes` cannot be 'endnotes'",
            'write notes = "footnotes"',
        ),
        (
            "[book]\nhyphenation = 'en_GBB'\n",
            "no hyphenation patterns for 'en_GBB'",
            'did you mean "en_GB"?',
        ),
    ],
)
def test_a_wrong_value_is_a_problem_on_its_line_and_the_default_stays(
    tmp_path: Path, text: str, message: str, hint: str
) -> None:
    sheet, assets = write_sheet(tmp_path, text)
    style, problems = load_style(sheet, assets)
    assert [(p.location, p.message, p.hint) for p in problems] == [
        (Location(Path("assets/style.toml"), 2), message, hint)
    ]
    assert style.sizes == Sizes()
    assert style.margins == Margins()
    assert style.ink == "#222222"


def test_a_font_file_not_found_stops_the_build_at_its_line(tmp_path: Path) -> None:
    sheet, assets = write_sheet(
        tmp_path, '[fonts]\n\nbody = { family = "Garamond", regular = "Garamond.ttf" }\n'
    )
    with pytest.raises(BookletError) as raised:
        load_style(sheet, assets)
    assert [problem.format() for problem in raised.value.problems] == [
        "assets/style.toml:3: error: font file `Garamond.ttf` of the `body` font not found\n"
        "  hint: put it in assets/fonts/, or name a bundled font such as `NotoSerif-Regular.ttf`"
    ]


def test_a_font_in_the_project_is_found_first(tmp_path: Path) -> None:
    sheet, assets = write_sheet(
        tmp_path, '[fonts]\nheading = { family = "Mine", regular = "Mine.ttf" }\n'
    )
    (assets / "fonts").mkdir()
    bundled = style_font("DejaVuSans-Bold.ttf")
    (assets / "fonts" / "Mine.ttf").write_bytes(bundled.read_bytes())
    style, problems = load_style(sheet, assets)
    assert problems == []
    assert style.heading_font.family == "Mine"
    assert style.heading_font.regular == assets / "fonts" / "Mine.ttf"


def test_a_file_that_is_not_truetype_is_refused(tmp_path: Path) -> None:
    sheet, assets = write_sheet(tmp_path, '[fonts]\nbody = { regular = "Fake.ttf" }\n')
    (assets / "fonts").mkdir()
    (assets / "fonts" / "Fake.ttf").write_bytes(b"OTTO" + bytes(200))
    with pytest.raises(BookletError) as raised:
        load_style(sheet, assets)
    (problem,) = raised.value.problems
    assert problem.message == (
        "font file `Fake.ttf` of the `body` font (assets/fonts/Fake.ttf) has PostScript (CFF)"
        " outlines, which booklet cannot embed"
    )
    assert problem.location == Location(Path("assets/style.toml"), 2)


def test_an_unknown_font_key_is_reported(tmp_path: Path) -> None:
    sheet, assets = write_sheet(
        tmp_path, '[fonts]\nbody = { family = "DejaVu Serif", bolt = "x" }\n'
    )
    _, problems = load_style(sheet, assets)
    assert [(p.message, p.hint) for p in problems] == [
        ("unknown key `bolt` in the `body` font", "did you mean `bold`?")
    ]


def test_larger_paper_gets_wider_margins_and_a_little_larger_type() -> None:
    style, _ = load_style(ROOT / "assets" / "style.toml", ROOT / "assets")
    a4 = style.for_paper(PAPERS["a4"])
    assert a4.margins.inner == pytest.approx(style.margins.inner * 210 / 148)
    assert style.sizes.body < a4.sizes.body < style.sizes.body * 210 / 148
    assert style.for_paper(PAPERS["a5"]) == style


def style_font(name: str) -> Path:
    from booklet.fonts import find_font

    path = find_font(name, ROOT / "assets")
    assert path is not None
    return path


def test_a_project_without_fonts_of_its_own_gets_the_faces_booklet_ships(tmp_path: Path) -> None:
    sheet, assets = write_sheet(tmp_path, (ROOT / "assets" / "style.toml").read_text("utf-8"))
    style, problems = load_style(sheet, assets)
    assert problems == []
    assert style.body_font.regular == PACKAGE_FONTS / "NotoSerif-Regular.ttf"
    assert style.heading_font.bold_italic == PACKAGE_FONTS / "NotoSans-BoldItalic.ttf"


def test_matplotlibs_dejavu_stays_available(tmp_path: Path) -> None:
    sheet, assets = write_sheet(
        tmp_path, '[fonts]\nbody = { family = "DejaVu Serif", regular = "DejaVuSerif.ttf" }\n'
    )
    style, problems = load_style(sheet, assets)
    assert problems == []
    assert style.body_font.regular.name == "DejaVuSerif.ttf"


def test_the_fonts_shipped_with_booklet_are_static_truetype_with_their_licence() -> None:
    shipped = sorted(path.name for path in PACKAGE_FONTS.glob("*.ttf"))
    assert len(shipped) == 8
    for name in shipped:
        assert (PACKAGE_FONTS / name).read_bytes()[:4] == b"\x00\x01\x00\x00"  # glyf outlines
    assert (PACKAGE_FONTS / "OFL.txt").is_file()


@pytest.mark.parametrize("numbering", ["booklet", "chapter"])
def test_notes_are_numbered_through_the_booklet_or_per_chapter(
    tmp_path: Path, numbering: str
) -> None:
    sheet, assets = write_sheet(tmp_path, f'[book]\nnote_numbering = "{numbering}"\n')
    style, problems = load_style(sheet, assets)
    assert problems == []
    assert style.note_numbering == numbering


def test_an_unknown_note_numbering_is_reported(tmp_path: Path) -> None:
    sheet, assets = write_sheet(tmp_path, '[book]\nnote_numbering = "page"\n')
    style, problems = load_style(sheet, assets)
    assert [(problem.message, problem.hint) for problem in problems] == [
        ("`book.note_numbering` cannot be 'page'", 'write note_numbering = "booklet" or "chapter"')
    ]
    assert style.note_numbering == "booklet"
