"""Pictures on the page: their size, the caption and credit under them, the list of
figures, the pixels that go into the PDF, and the grayscale edition."""

from __future__ import annotations

import io
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageFile
from pypdf import PdfReader
from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from booklet import document as doc
from booklet.cli import main
from booklet.layout import Style, layout, layout_handout
from booklet.layout.navigation import ContentsTable
from booklet.layout.pages import PageGeometry
from booklet.layout.pictures import DPI, placed_size
from booklet.project import PAPERS
from tests.compose.test_images import picture, show
from tests.layout.conftest import prose, span

A5 = PAPERS["a5"]


def picture_block(
    size: tuple[int, int] = (300, 200),
    colour: tuple[int, int, int] = (40, 90, 160),
    *,
    number: int = 1,
    photographic: bool = False,
    width_mm: float | None = None,
) -> doc.PictureBlock:
    """A picture of one colour: each test picks its own, so no test reuses another's pixels."""
    pixels = Image.new("RGB", size, colour).tobytes()
    return doc.PictureBlock(
        number,
        "A harbour crane",
        (span("A harbour crane, seen from the quay."),),
        "Photograph: the museum",
        pixels,
        "RGB",
        size,
        photographic,
        width_mm,
    )


def booklet_with(*pictures: doc.PictureBlock) -> doc.Booklet:
    """A one-chapter booklet: a paragraph, the pictures, another paragraph."""
    blocks: list[doc.Block] = [doc.Paragraph((span(prose(1, 3)),), "lead"), *pictures]
    blocks.append(doc.Paragraph((span(prose(2, 3)),)))
    return doc.Booklet(
        title="Pictures",
        subtitle=None,
        author=None,
        language="en-GB",
        subject=None,
        keywords=(),
        cover=doc.Cover("Pictures", None, None, None),
        chapters=(doc.Chapter("The harbour", tuple(blocks), number=1),),
        notes=(),
        back_cover=doc.BackCover(summary=()),
    )


def text_width(style: Style) -> float:
    return float(PageGeometry.of(A5, style.for_paper(A5).margins).text_width)


def images_in(pdf: bytes) -> list[tuple[int, dict[str, object]]]:
    """(page number, pdfplumber's description) of each picture drawn, in page order."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [(page.page_number, image) for page in document.pages for image in page.images]


@pytest.mark.parametrize(
    ("size", "width_mm", "expected"),
    [
        ((300, 200), None, (300.0, 200.0)),  # the width of the text
        ((300, 200), 50, (50 * mm, 50 * mm * 2 / 3)),  # the width asked for
        ((300, 200), 500, (300.0, 200.0)),  # never wider than the text
        ((100, 1000), None, (40.0, 400.0)),  # never taller than the tallest, proportions kept
    ],
)
def test_a_picture_keeps_its_proportions_within_the_text(size, width_mm, expected):
    block = picture_block(size, width_mm=width_mm)
    assert placed_size(block, 300.0, 400.0) == pytest.approx(expected)


def test_a_picture_is_as_wide_as_the_text_with_caption_and_credit_under_it(style):
    pdf = layout(booklet_with(picture_block(colour=(41, 90, 160))), style, A5)
    ((page_number, image),) = images_in(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[page_number - 1]
        words = {word["text"]: word for word in page.extract_words()}
    assert image["width"] == pytest.approx(text_width(style), abs=0.5)
    assert image["height"] == pytest.approx(image["width"] * 2 / 3, abs=0.5)
    caption, credit = words["crane,"], words["Photograph:"]
    assert image["bottom"] < words["Figure"]["top"] < caption["bottom"] < credit["top"]
    assert abs(words["Figure"]["top"] - caption["top"]) < 1  # "Figure 1." opens the caption


def test_pictures_are_numbered_and_listed_with_the_charts(style, make_booklet):
    sample = make_booklet(chapters=1)  # its first chapter has chart 1
    first = sample.chapters[0]
    chapter = replace(first, blocks=(*first.blocks, picture_block(number=2)))
    pdf = layout(replace(sample, chapters=(chapter,)), style, A5)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        texts = [page.extract_text() for page in document.pages]
    contents = next(text for text in texts if "Figures" in text)
    assert "1 Three Soviet loans to China" in contents
    assert "2 A harbour crane" in contents
    assert any("Figure 2. A harbour crane, seen from the quay." in text for text in texts)


def test_a_picture_is_prepared_once_however_many_passes(style, monkeypatch):
    decoded: list[str] = []
    drawn: list[object] = []
    load, draw = ImageFile.ImageFile.load, Canvas.drawImage

    def counting_load(image: ImageFile.ImageFile) -> object:
        if image.tile:
            decoded.append(str(image.format))
        return load(image)

    def counting_draw(canvas: Canvas, image: object, *args: object, **kwargs: object) -> object:
        drawn.append(image)
        return draw(canvas, image, *args, **kwargs)

    answers = [False]  # the contents ask for a second pass, then are satisfied
    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    monkeypatch.setattr(Canvas, "drawImage", counting_draw)
    monkeypatch.setattr(
        ContentsTable, "isSatisfied", lambda self: answers.pop() if answers else True
    )
    layout(booklet_with(picture_block(colour=(42, 90, 160), photographic=True)), style, A5)
    assert len(drawn) == 2  # one drawing a pass
    assert decoded == ["JPEG"]  # ReportLab read the prepared JPEG once, for every pass


def test_photographs_go_in_as_jpeg_and_other_pictures_without_loss_at_most_300_dpi(style):
    photo = picture_block((3000, 2000), (43, 90, 160), photographic=True)
    drawing = picture_block((200, 100), (44, 90, 160), number=2, width_mm=60)
    pdf = layout(booklet_with(photo, drawing), style, A5)
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for image in page.images:
            found[image.image.size] = image.indirect_reference.get_object()["/Filter"]
    wanted = math.ceil(text_width(style) / inch * DPI)
    assert wanted < 3000
    assert found == {
        (wanted, round(2000 * wanted / 3000)): ["/DCTDecode"],  # binary, not ASCII85 text
        (200, 100): ["/FlateDecode"],  # fewer pixels than 300 dpi: as it is
    }


def test_the_grayscale_edition_prints_pictures_in_grey(style):
    booklet = booklet_with(picture_block(colour=(200, 30, 30)))
    grey = replace(style, pictures_in_grey=True)
    ((_, image),) = images_in(layout(booklet, style, A5))
    assert str(image["colorspace"]) == "[/'DeviceRGB']"
    for pdf in (layout(booklet, grey, A5), layout_handout(booklet, grey, A5)):
        ((_, image),) = images_in(pdf)
        assert str(image["colorspace"]) == "[/'DeviceGray']"


@pytest.fixture
def new_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["new", str(tmp_path / "pictures")]) == 0
    capsys.readouterr()
    return tmp_path / "pictures"


def test_a_built_booklet_shows_the_picture_and_builds_the_same_twice(
    new_project, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    call = '{{ image("images/crane.jpg", caption="A crane", credit="Photograph: the museum") }}'
    show(new_project, call, **{"crane.jpg": picture((600, 400), "#2a5aa0", "JPEG")})
    assert main(["build", str(new_project), "--only", "digital"]) == 0
    pdf = (new_project / "output" / "pictures.pdf").read_bytes()
    ((page_number, image),) = images_in(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[page_number - 1]
        caption = page.search("Figure 1. A crane")[0]
        assert page.search("Photograph: the museum")[0]["top"] > caption["bottom"]
    assert caption["top"] > image["bottom"]
    assert str(image["colorspace"]) == "[/'DeviceRGB']"

    again = tmp_path / "again"
    command = [sys.executable, "-m", "booklet", "build", str(new_project), "--out", str(again)]
    subprocess.run([*command, "--only", "digital", "--quiet"], check=True)
    assert (again / "pictures.pdf").read_bytes() == pdf  # another process, the same bytes

    assert main(["build", str(new_project), "--only", "digital", "--grayscale"]) == 0
    grey = (new_project / "output" / "pictures-grayscale.pdf").read_bytes()
    assert [str(image["colorspace"]) for _, image in images_in(grey)] == ["[/'DeviceGray']"]
