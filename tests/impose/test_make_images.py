"""docs/make_images.py, run on digital editions made in the test."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

SCRIPT = Path(__file__).parents[2] / "docs" / "make_images.py"
A5_AT_110_DPI = (641, 910)  # 148 x 210 mm, rounded up


@pytest.fixture(scope="module")
def make_images() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_images", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def digital(tmp_path: Path, make_pdf) -> Path:
    path = tmp_path / "booklet.pdf"
    path.write_bytes(make_pdf(8))
    return path


def test_cover_and_spread_are_written_small_and_the_same_every_time(
    make_images, digital: Path, tmp_path: Path
) -> None:
    pictures = []
    for run in ("first", "second"):
        out = tmp_path / run
        assert make_images.main(["--pdf", str(digital), "--out", str(out)]) == 0
        pictures.append([(out / name).read_bytes() for name in ("cover.png", "spread.png")])
        assert all(len(data) < 300_000 for data in pictures[-1])
    assert pictures[0] == pictures[1]
    with Image.open(tmp_path / "first" / "cover.png") as cover:
        assert cover.size == A5_AT_110_DPI


def test_the_spread_shows_the_chosen_pages_open_on_a_table(
    make_images, digital: Path, tmp_path: Path
) -> None:
    assert (
        make_images.main(["--pdf", str(digital), "--out", str(tmp_path), "--pages", "2", "3"]) == 0
    )
    margin = make_images.MARGIN
    with Image.open(tmp_path / "spread.png") as image:
        spread = image.convert("RGB")
    width, height = A5_AT_110_DPI
    assert spread.size == (2 * width + 2 * margin, height + 2 * margin)
    assert spread.getpixel((1, 1)) == make_images.TABLE
    assert spread.getpixel((margin + width, height // 4)) == make_images.EDGE  # the fold
    assert spread.getpixel((margin + width + 5, height // 4)) == (255, 255, 255)  # paper


def test_a_page_the_booklet_does_not_have_is_refused(
    make_images, digital: Path, tmp_path: Path, capsys
) -> None:
    assert (
        make_images.main(["--pdf", str(digital), "--out", str(tmp_path), "--pages", "8", "9"]) == 2
    )
    assert capsys.readouterr().err == (
        "error: the booklet has 8 pages, so it has no page 9\n"
        "  hint: choose two facing pages with --pages, e.g. --pages 2 3\n"
    )
    assert not (tmp_path / "cover.png").exists()


def test_the_pdf_is_found_from_the_booklets_slug(
    make_images, tmp_path: Path, make_pdf, monkeypatch
) -> None:
    (tmp_path / "booklet.toml").write_text('title = "Operation Zet"\nslug = "zet"\n')
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "zet.pdf").write_bytes(make_pdf(7))
    monkeypatch.chdir(tmp_path)
    assert make_images.main(["--out", str(tmp_path / "docs")]) == 0
    assert (tmp_path / "docs" / "spread.png").is_file()


def test_a_booklet_not_yet_built_says_how_to_build_it(
    make_images, tmp_path: Path, monkeypatch, capsys
) -> None:
    (tmp_path / "booklet.toml").write_text('title = "Operation Zet"\nslug = "zet"\n')
    monkeypatch.chdir(tmp_path)
    assert make_images.main([]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'output' / 'zet.pdf'} does not exist\n"
        "  hint: build the booklet first: make booklet\n"
    )


def test_a_picture_too_heavy_for_the_readme_gets_a_palette(
    make_images, digital: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(make_images, "MAX_BYTES", 1_000)
    assert make_images.main(["--pdf", str(digital), "--out", str(tmp_path)]) == 0
    with Image.open(tmp_path / "spread.png") as spread:
        assert spread.mode == "P"
        assert spread.convert("RGB").getpixel((1, 1)) == make_images.TABLE
