import io
import logging
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image, ImageChops, ImageStat

from booklet.charts import ChartStyle, draw_figures
from booklet.charts.kinds import read_chart
from booklet.charts.vector import house_style, register_fonts, svg_size_mm, to_svg
from booklet.facts.model import Facts
from tests.charts.conftest import KIND_NAMES, font_file, ink, make_fact, make_spec, render, sample

SVG = "{http://www.w3.org/2000/svg}"


def draw_svg(kind: str, style: ChartStyle) -> bytes:
    spec, facts = sample(kind)
    figures, problems = draw_figures([spec], facts, style, None)
    assert problems == []
    return figures[0].svg


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_the_same_chart_gives_the_same_bytes(kind: str, style: ChartStyle) -> None:
    assert draw_svg(kind, style) == draw_svg(kind, style)


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_text_stays_selectable_text_in_the_regular_face_of_the_style_family(
    kind: str, style: ChartStyle
) -> None:
    texts = list(ElementTree.fromstring(draw_svg(kind, style)).iter(f"{SVG}text"))
    assert texts
    for text in texts:
        css = text.attrib["style"]
        assert "font-family: 'DejaVu Serif';" in css
        # svglib matches weights by name, and matplotlib writes numbers: only the
        # regular face is sure to be found, so charts use no other
        assert "font-weight" not in css
        assert "font-style" not in css


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_no_bitmap_and_no_clip_path_svglib_would_ignore(kind: str, style: ChartStyle) -> None:
    svg = draw_svg(kind, style)
    assert b"<image" not in svg
    assert b"clip-path" not in svg
    assert b"<clipPath" not in svg


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_each_kind_converts_with_svglib_and_prints_a_chart(
    kind: str, style: ChartStyle, svg_fonts: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="svglib"):
        page = render(draw_svg(kind, style), tmp_path / "chart.pdf").convert("L")
    assert caplog.records == []  # no font was missing, no element refused
    assert 0.02 < ink(page) < 0.5
    left, top, right, bottom = ImageChops.invert(page).getbbox() or (0, 0, 0, 0)
    assert right - left > 0.9 * page.width
    assert bottom - top > 0.9 * page.height


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_svglib_draws_what_matplotlib_drew(
    kind: str, style: ChartStyle, svg_fonts: None, tmp_path: Path
) -> None:
    spec, facts = sample(kind)
    chart, _ = read_chart(spec, facts)
    assert chart is not None
    register_fonts(style)
    with house_style(style):
        figure = chart.draw(style)
        svg = to_svg(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=100)
    expected = Image.open(buffer).convert("RGBA")
    white = Image.new("RGBA", expected.size, "white")
    expected = Image.alpha_composite(white, expected).convert("L")
    printed = render(svg, tmp_path / "chart.pdf").convert("L").resize(expected.size)
    # compared blurred, so anti-aliasing and hinting do not count, and against how
    # much the chart differs from a blank page: a lost or moved mark counts
    small = (expected.width // 6, expected.height // 6)
    expected, printed = expected.resize(small), printed.resize(small)
    difference = ImageStat.Stat(ImageChops.difference(expected, printed)).mean[0]
    drawn = ImageStat.Stat(ImageChops.invert(expected)).mean[0]
    assert difference < 0.35 * drawn


def test_size_is_read_back_from_the_svg(style: ChartStyle) -> None:
    svg = draw_svg("bars", style)
    assert svg_size_mm(svg) == pytest.approx((style.width_mm, style.height_mm))
    assert svg_size_mm(b"<svg></svg>") is None


def test_a_family_that_is_not_in_the_font_files_is_a_problem_not_a_fallback() -> None:
    style = ChartStyle(font_family="Garamond Premier", font_files=(str(font_file()),))
    problem = register_fonts(style)
    assert problem is not None
    assert problem.format() == (
        "error: charts cannot find the font family 'Garamond Premier'\n"
        '  hint: set family = "DejaVu Serif" in [fonts] of assets/style.toml'
    )


def test_a_chart_in_an_unknown_family_is_skipped_with_one_problem() -> None:
    style = ChartStyle(font_family="Garamond Premier", font_files=(str(font_file()),))
    spec, facts = sample("bars")
    figures, problems = draw_figures([spec, spec], facts, style, None)
    assert figures == ()
    assert [problem.message for problem in problems] == [
        "charts cannot find the font family 'Garamond Premier'"
    ]


def test_svg_declares_its_size_in_points(style: ChartStyle) -> None:
    head = draw_svg("timeline", style)[:400].decode()
    assert re.search(r'width="[\d.]+pt" height="[\d.]+pt"', head)


def test_another_process_draws_the_same_bytes(style: ChartStyle, tmp_path: Path) -> None:
    specs = [sample(kind)[0] for kind in KIND_NAMES]
    facts = sample("bars")[1]
    here, _ = draw_figures(specs, facts, style, None)
    inputs = tmp_path / "inputs.pickle"
    inputs.write_bytes(pickle.dumps((specs, facts, style)))
    script = (
        "import pickle, sys\n"
        "from booklet.charts import draw_figures\n"
        f"specs, facts, style = pickle.loads(open({str(inputs)!r}, 'rb').read())\n"
        "figures, _ = draw_figures(specs, facts, style, None)\n"
        "sys.stdout.buffer.write(b''.join(figure.svg for figure in figures))\n"
    )
    there = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert there.stdout == b"".join(figure.svg for figure in here)


def test_two_dollar_amounts_on_one_line_stay_text_not_mathematics(style: ChartStyle) -> None:
    fact = make_fact("loans", 200e6, "USD", "From $50 to $150 million")
    (figure,), _ = draw_figures([make_spec("bars", ["loans"])], Facts((fact,)), style, None)
    assert b">From $50 to $150 million<" in figure.svg


def test_two_processes_draw_the_charts_in_order_and_each_hands_on_its_own(
    style: ChartStyle, tmp_path: Path
) -> None:
    specs = [sample(kind)[0] for kind in KIND_NAMES]
    facts = sample("bars")[1]
    alone, _ = draw_figures(specs, facts, style, None)
    handed: list[int] = []

    def then(svg: bytes) -> None:  # in whichever process drew the chart
        handed.append(os.getpid())
        (tmp_path / f"{len(list(tmp_path.iterdir()))}-{os.getpid()}").write_bytes(svg)

    shared, problems = draw_figures(specs, facts, style, None, jobs=2, then=then)
    assert problems == []
    assert [figure.svg for figure in shared] == [figure.svg for figure in alone]
    assert handed == [os.getpid()] * ((len(specs) + 1) // 2)  # every other one, here
    handed_on = {path.read_bytes() for path in tmp_path.iterdir()}
    assert handed_on == {figure.svg for figure in alone}  # the rest in the second process
