import shutil
from pathlib import Path

import pytest

from booklet.charts import ChartStyle, load_chart_style
from booklet.diagnostics import BookletError
from tests.charts.conftest import font_file

FONTS = """\
[fonts]
body = { family = "DejaVu Serif", regular = "DejaVuSerif.ttf", bold = "DejaVuSerif-Bold.ttf", \
italic = "DejaVuSerif-Italic.ttf", bold_italic = "DejaVuSerif-BoldItalic.ttf" }
heading = { family = "DejaVu Sans", regular = "DejaVuSans.ttf" }
"""


def load(tmp_path: Path, text: str) -> tuple[ChartStyle, list[str]]:
    assets = tmp_path / "assets"
    assets.mkdir(exist_ok=True)
    (assets / "style.toml").write_text(text, encoding="utf-8")
    style, problems = load_chart_style(assets / "style.toml", assets)
    return style, [problem.format() for problem in problems]


def test_charts_take_their_size_colours_and_the_texts_font(tmp_path: Path) -> None:
    style, problems = load(
        tmp_path,
        FONTS + "[charts]\n"
        'font = "heading"\nfont_size = 8\nwidth = 100\nheight = 60\n'
        'colours = ["#000000", "#777"]\nink = "#111111"\n',
    )
    assert problems == []
    assert style.font_family == "DejaVu Sans"
    assert [Path(path).name for path in style.font_files] == ["DejaVuSans.ttf"]
    assert (style.font_size_pt, style.width_mm, style.height_mm) == (8, 100, 60)
    assert style.colours == ("#000000", "#777")
    assert style.ink == "#111111"


def test_the_body_font_is_the_default_with_all_its_faces(tmp_path: Path) -> None:
    style, problems = load(tmp_path, FONTS + "[charts]\n")
    assert problems == []
    assert style.font_family == "DejaVu Serif"
    assert [Path(path).name for path in style.font_files] == [
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
    ]
    assert style == ChartStyle(font_files=style.font_files)


def test_a_project_font_comes_before_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "assets" / "fonts").mkdir(parents=True)
    shutil.copy(font_file(), tmp_path / "assets" / "fonts" / "DejaVuSerif.ttf")
    style, _ = load(tmp_path, FONTS)
    assert Path(style.font_files[0]) == tmp_path / "assets" / "fonts" / "DejaVuSerif.ttf"


def test_without_a_style_sheet_charts_keep_the_defaults(tmp_path: Path) -> None:
    style, problems = load_chart_style(tmp_path / "assets" / "style.toml", tmp_path / "assets")
    assert (style, problems) == (ChartStyle(), [])


def test_a_style_sheet_without_fonts_or_charts_keeps_the_defaults(tmp_path: Path) -> None:
    style, problems = load(tmp_path, '[colours]\nink = "#000000"\n')
    assert (style, problems) == (ChartStyle(), [])


@pytest.mark.parametrize(
    ("charts", "problem"),
    [
        (
            'font_size = "big"',
            "assets/style.toml:7: error: `font_size` in [charts] must be a positive number\n"
            "  hint: font_size = 7.5",
        ),
        (
            "width = -110",
            "assets/style.toml:7: error: `width` in [charts] must be a positive number\n"
            "  hint: width = 110",
        ),
        (
            'colours = ["blue"]',
            "assets/style.toml:7: error: "
            """`colours` in [charts] must be a list of colours like "#1f4e79"\n"""
            '''  hint: write it as "#" and six hex digits, e.g. "#1f4e79"''',
        ),
        (
            "ink = 222222",
            """assets/style.toml:7: error: `ink` in [charts] must be a colour like "#222222"\n"""
            '''  hint: write it as "#" and six hex digits, e.g. "#1f4e79"''',
        ),
        (
            "font_sise = 8",
            "assets/style.toml:6: error: unknown key `font_sise` in [charts]\n"
            "  hint: did you mean `font_size`?",
        ),
        (
            'font = "captions"',
            "assets/style.toml:7: error: `font` in [charts] names no [fonts] entry 'captions'\n"
            "  hint: use one of: body, heading",
        ),
    ],
)
def test_wrong_values_are_problems_at_their_line(tmp_path: Path, charts: str, problem: str) -> None:
    style, problems = load(tmp_path, FONTS + "\n\n[charts]\n" + charts + "\n")
    assert problems == [problem]
    assert style.width_mm > 0
    assert style.font_size_pt > 0


def test_a_missing_font_file_is_a_problem_at_its_entry(tmp_path: Path) -> None:
    fonts = '[fonts]\nbody = { family = "Gentium", regular = "Gentium-Regular.ttf" }\n'
    style, problems = load(tmp_path, fonts + "[charts]\n")
    assert problems == [
        "assets/style.toml:2: error: font file 'Gentium-Regular.ttf' of [fonts] body not found\n"
        "  hint: put it in assets/fonts/, or name a font matplotlib ships: DejaVuSerif.ttf"
    ]
    assert style.font_files == ()


def test_a_style_sheet_that_is_not_toml_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(BookletError) as raised:
        load(tmp_path, "[charts\nwidth = 1\n")
    assert raised.value.problem.format().startswith(
        "assets/style.toml:1: error: this is not valid TOML"
    )
