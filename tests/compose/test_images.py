"""image(): pictures from assets/, and every way a picture from anywhere can be refused."""

from __future__ import annotations

import io
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from booklet import document as doc
from booklet.cli import main
from booklet.compose import compose
from booklet.compose.images import MAX_PIXELS, PRINT_SIDE
from booklet.diagnostics import BookletError, ProblemsFoundError
from booklet.facts import Facts
from booklet.project import Project
from tests.corpus_builders import make_corpus

CHAPTER = Path("templates/chapters/01-introduction.jinja")  # in a project `booklet new` makes


def picture(size: tuple[int, int] = (60, 40), colour: str = "#3366aa", kind: str = "PNG") -> bytes:
    """A small picture, written by Pillow: a filled rectangle on a white ground."""
    image = Image.new("RGB", size, "white")
    image.paste(colour, (size[0] // 4, size[1] // 4, size[0] * 3 // 4, size[1] * 3 // 4))
    buffer = io.BytesIO()
    image.save(buffer, kind)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header (IHDR, checksum included) claims width x height pixels."""
    data = bytearray(picture((8, 8)))
    data[16:24] = struct.pack(">II", width, height)  # after the signature, length and "IHDR"
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def jpeg_claiming(width: int, height: int) -> bytes:
    """A tiny JPEG whose frame header (SOF0) claims width x height pixels."""
    data = bytearray(picture((8, 8), kind="JPEG"))
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def make_project(tmp_path: Path, call: str, **files: bytes) -> Project:
    """A project whose only chapter shows `call` on line 3, with `files` in assets/."""
    (tmp_path / "templates").mkdir(parents=True)
    (tmp_path / "templates" / "booklet.jinja").write_text(
        f'<booklet>\n<chapter title="Pictures">\n{call}\n</chapter>\n</booklet>\n',
        encoding="utf-8",
    )
    for name, data in files.items():
        path = tmp_path / "assets" / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return Project(root=tmp_path, title="Pictures", slug="pictures")


def compose_pictures(project: Project) -> tuple[doc.Block, ...]:
    return compose(project, make_corpus(), Facts(()), ()).chapters[0].blocks


def refusal(project: Project) -> tuple[int, str]:
    """The exit status the one refusal leads to (2 for a file that cannot or may not be
    read, 1 for a slip in the template), and the problem as it is printed."""
    with pytest.raises((BookletError, ProblemsFoundError)) as found:
        compose_pictures(project)
    (problem,) = found.value.problems
    return found.value.exit_status, problem.format()


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The format of each picture file Pillow decodes while the test runs."""
    decoded: list[str] = []
    load = ImageFile.ImageFile.load

    def counting_load(image: ImageFile.ImageFile) -> object:
        if image.tile:  # what is left to decode
            decoded.append(str(image.format))
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    return decoded


def test_a_picture_becomes_a_numbered_block_with_caption_and_credit(tmp_path):
    project = make_project(
        tmp_path,
        '{{ image("images/map.png", caption="The routes. Drawn from chapter 3.", '
        'credit="Drawn for this booklet", width=70) }}',
        **{"images__map.png": picture((60, 40))},
    )
    (block,) = compose_pictures(project)
    assert isinstance(block, doc.PictureBlock)
    assert (block.number, block.title) == (1, "The routes")
    assert block.caption == (doc.Span("The routes. Drawn from chapter 3."),)
    assert block.credit == "Drawn for this booklet"
    assert (block.mode, block.size, block.width_mm, block.photographic) == (
        "RGB",
        (60, 40),
        70,
        False,
    )
    assert len(block.pixels) == 60 * 40 * 3
    assert str(block.origin) == "templates/booklet.jinja:3"


def test_a_photograph_is_upright_on_white_and_no_larger_than_print_needs(tmp_path):
    image = Image.new("RGBA", (PRINT_SIDE * 2, 100), (0, 0, 0, 0))  # transparent
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: show it rotated a quarter turn
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", exif=exif)
    transparent = io.BytesIO()
    image.resize((40, 20)).save(transparent, "PNG")
    project = make_project(
        tmp_path,
        '{{ image("photo.jpg") }}{{ image("clear.png") }}',
        **{"photo.jpg": buffer.getvalue(), "clear.png": transparent.getvalue()},
    )
    photo, clear = compose_pictures(project)
    assert isinstance(photo, doc.PictureBlock)
    assert isinstance(clear, doc.PictureBlock)
    assert photo.size == (50, PRINT_SIDE)  # turned, and halved to fit print
    assert (photo.photographic, photo.title) == (True, "photo")
    assert set(clear.pixels) == {255}  # transparency prints as the paper


def test_sixteen_bit_greys_keep_their_tones(tmp_path):
    image = Image.new("I;16", (4, 1))
    for x, level in enumerate((0, 16384, 32768, 65535)):
        image.putpixel((x, 0), level)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    project = make_project(tmp_path, '{{ image("scan.png") }}', **{"scan.png": buffer.getvalue()})
    (block,) = compose_pictures(project)
    assert isinstance(block, doc.PictureBlock)
    assert (block.mode, list(block.pixels)) == ("L", [0, 64, 128, 255])


def test_the_booklet_and_the_handout_decode_a_picture_once(tmp_path, decodes):
    project = make_project(
        tmp_path, '{{ image("once.png") }}', **{"once.png": picture(colour="#102030")}
    )
    compose_pictures(project)
    compose_pictures(project)
    assert decodes == ["PNG"]


def test_a_missing_picture_suggests_the_file_meant(tmp_path):
    project = make_project(
        tmp_path, '{{ image("images/harbor.jpg") }}', **{"images__harbour.jpg": picture()}
    )
    assert refusal(project) == (
        1,
        "templates/booklet.jinja:3: error: there is no picture assets/images/harbor.jpg\n"
        "  hint: did you mean 'images/harbour.jpg'?",
    )


@pytest.mark.parametrize(
    ("call", "status", "message", "hint"),
    [
        (
            '{{ image("/etc/passwd") }}',
            2,
            "the picture path '/etc/passwd' is absolute",
            "give the path from the project's assets/ folder, e.g. 'images/harbour.jpg'",
        ),
        (
            '{{ image("C:\\\\Users\\\\photo.png") }}',
            2,
            "the picture path 'C:\\Users\\photo.png' is absolute",
            "give the path from the project's assets/ folder, e.g. 'images/harbour.jpg'",
        ),
        (
            '{{ image("../../etc/passwd") }}',
            2,
            "the picture path '../../etc/passwd' leads out of assets/",
            "copy the picture into the project's assets/ folder and give its path from there",
        ),
        (
            '{{ image("images/../../booklet.toml") }}',
            2,
            "the picture path 'images/../../booklet.toml' leads out of assets/",
            "copy the picture into the project's assets/ folder and give its path from there",
        ),
        (
            '{{ image("") }}',
            1,
            "image() needs the path of a picture in assets/",
            'write it as image("images/harbour.jpg", caption="…")',
        ),
        (
            '{{ image("p.png", width="wide") }}',
            1,
            "the width of picture 'p.png' must be a number of millimetres",
            "write e.g. width=80, or leave it out for the width of the text",
        ),
        (
            '{{ image("images") }}',
            1,
            "assets/images is a folder, not a picture",
            "name a PNG or JPEG file inside it",
        ),
    ],
)
def test_paths_that_leave_assets_and_wrong_arguments_are_refused(
    tmp_path, call, status, message, hint
):
    project = make_project(tmp_path, call, **{"p.png": picture(), "images__x.png": picture()})
    assert refusal(project) == (
        status,
        f"templates/booklet.jinja:3: error: {message}\n  hint: {hint}",
    )


def test_a_link_out_of_the_project_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(picture())
    project = make_project(tmp_path / "project", '{{ image("linked.png") }}', **{"x.png": b""})
    (project.root / "assets" / "linked.png").symlink_to(outside)
    assert refusal(project) == (
        2,
        "templates/booklet.jinja:3: error: assets/linked.png is a link to a file outside the "
        "project\n  hint: copy the picture itself into assets/ instead of linking to it",
    )


def test_a_link_inside_the_project_is_followed(tmp_path):
    project = make_project(tmp_path, '{{ image("linked.png") }}', **{"x.png": b""})
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "real.png").write_bytes(picture((30, 20)))
    (tmp_path / "assets" / "linked.png").symlink_to(tmp_path / "scans" / "real.png")
    (block,) = compose_pictures(project)
    assert isinstance(block, doc.PictureBlock)
    assert block.size == (30, 20)


SAVE_AS = "open it in an image editor and save it as PNG (drawings, text) or JPEG (photographs)"
AGAIN = (
    "copy the picture again from where it came from; if it opens in an image editor, "
    "save it again as PNG or JPEG"
)


def cut(data: bytes) -> bytes:
    return data[: len(data) // 2]


def damaged_png() -> bytes:
    data = bytearray(picture((200, 200), colour="#884422"))
    start = data.index(b"IDAT") + 8
    data[start : start + 40] = bytes(40)  # the compressed pixels, overwritten
    return bytes(data)


@pytest.mark.parametrize(
    ("data", "message", "hint"),
    [
        (
            b"These are my notes, not a picture.\n",
            "is not a PNG or JPEG picture",
            f"name a picture; if this is one, {SAVE_AS}",
        ),
        (picture(kind="GIF"), "is a GIF file: booklet takes PNG and JPEG", SAVE_AS),
        (picture(kind="TIFF"), "is a TIFF file: booklet takes PNG and JPEG", SAVE_AS),
        (picture(kind="WEBP"), "is a WebP file: booklet takes PNG and JPEG", SAVE_AS),
        (cut(picture((300, 200))), "cannot be read: the PNG file is cut short or damaged", AGAIN),
        (picture()[:30], "cannot be read: the PNG file is cut short or damaged", AGAIN),
        (damaged_png(), "cannot be read: the PNG file is cut short or damaged", AGAIN),
        (
            cut(picture((300, 200), kind="JPEG")),
            "cannot be read: the JPEG file is cut short or damaged",
            AGAIN,
        ),
    ],
    ids=["text", "gif", "tiff", "webp", "png-cut", "png-header-cut", "png-damaged", "jpeg-cut"],
)
def test_files_that_are_not_whole_pngs_or_jpegs_are_refused(tmp_path, data, message, hint):
    project = make_project(tmp_path, '{{ image("picture.png") }}', **{"picture.png": data})
    assert refusal(project) == (
        2,
        f"templates/booklet.jinja:3: error: assets/picture.png {message}\n  hint: {hint}",
    )


SMALLER = "save a smaller copy: 2400 pixels on the longer side is enough for any page"


@pytest.mark.parametrize(
    ("make", "claimed"),
    [(png_claiming, "100,000 by 100,000"), (jpeg_claiming, "65,535 by 65,535")],
    ids=["png", "jpeg"],
)
def test_a_picture_claiming_billions_of_pixels_is_refused_from_its_header(
    tmp_path, decodes, make: Callable[[int, int], bytes], claimed
):
    size = 100_000 if make is png_claiming else 65_535
    project = make_project(tmp_path, '{{ image("huge.png") }}', **{"huge.png": make(size, size)})
    started = time.perf_counter()
    assert refusal(project) == (
        2,
        f"templates/booklet.jinja:3: error: assets/huge.png is {claimed} pixels, more than "
        f"booklet reads (50 megapixels)\n  hint: {SMALLER}",
    )
    assert time.perf_counter() - started < 0.5
    assert decodes == []  # not a pixel decoded, so nothing allocated for them


def test_the_limit_is_the_pixel_count_not_the_file(tmp_path, decodes):
    side = int(MAX_PIXELS**0.5) + 1
    project = make_project(
        tmp_path,
        '{{ image("just-over.png") }}{{ image("long.png") }}',
        **{"just-over.png": png_claiming(side, side), "long.png": png_claiming(5000, 10_001)},
    )
    with pytest.raises(BookletError) as found:
        compose_pictures(project)
    assert [problem.message for problem in found.value.problems] == [
        f"assets/just-over.png is {side:,} by {side:,} pixels, more than booklet reads "
        "(50 megapixels)",
        "assets/long.png is 5,000 by 10,001 pixels, more than booklet reads (50 megapixels)",
    ]
    assert decodes == []


def test_every_refused_picture_is_listed_at_once(tmp_path):
    project = make_project(tmp_path, '{{ image("a.png") }}\n{{ image("/b.png") }}', x=b"")
    with pytest.raises(BookletError) as found:  # /b.png may not be read: exit status 2
        compose_pictures(project)
    assert [str(problem.location) for problem in found.value.problems] == [
        "templates/booklet.jinja:3",
        "templates/booklet.jinja:4",
    ]


@pytest.fixture
def new_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project as `booklet new` makes it, its first chapter left for the test to write."""
    assert main(["new", str(tmp_path / "pictures")]) == 0
    capsys.readouterr()
    return tmp_path / "pictures"


def show(project: Path, call: str, **files: bytes) -> None:
    chapter = f'<chapter title="Pictures">\n<p>Words before the picture.</p>\n{call}\n</chapter>\n'
    (project / CHAPTER).write_text(chapter, encoding="utf-8")
    for name, data in files.items():
        path = project / "assets" / "images" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.mark.parametrize(
    ("name", "files", "status", "message", "hint"),
    [
        (
            "photo.jpg",
            {"photo.jpeg": picture(kind="JPEG")},
            1,
            "there is no picture assets/images/photo.jpg",
            "did you mean 'images/photo.jpeg'?",
        ),
        (
            "notes.png",
            {"notes.png": b"my notes\n"},
            2,
            "assets/images/notes.png is not a PNG or JPEG picture",
            f"name a picture; if this is one, {SAVE_AS}",
        ),
        (
            "cut.jpg",
            {"cut.jpg": cut(picture((300, 200), kind="JPEG"))},
            2,
            "assets/images/cut.jpg cannot be read: the JPEG file is cut short or damaged",
            AGAIN,
        ),
        (
            "bad.png",
            {"bad.png": damaged_png()},
            2,
            "assets/images/bad.png cannot be read: the PNG file is cut short or damaged",
            AGAIN,
        ),
        (
            "huge.png",
            {"huge.png": png_claiming(100_000, 100_000)},
            2,
            "assets/images/huge.png is 100,000 by 100,000 pixels, more than booklet reads"
            " (50 megapixels)",
            SMALLER,
        ),
        (
            "/etc/passwd",
            {},
            2,
            "the picture path '/etc/passwd' is absolute",
            "give the path from the project's assets/ folder, e.g. 'images/harbour.jpg'",
        ),
        (
            "../../etc/passwd",
            {},
            2,
            "the picture path '../../etc/passwd' leads out of assets/",
            "copy the picture into the project's assets/ folder and give its path from there",
        ),
    ],
    ids=["missing", "not-a-picture", "truncated", "corrupt", "gigapixel", "absolute", "dot-dot"],
)
def test_the_command_line_names_the_template_line_and_what_to_do(
    new_project, capsys, name, files, status, message, hint
):
    path = name if name.startswith(("/", "..")) else f"images/{name}"
    call = f'{{{{ image("{path}", caption="A picture") }}}}'
    show(new_project, call, **files)
    assert main(["build", str(new_project), "--only", "digital"]) == status
    assert capsys.readouterr().err == (
        f"{CHAPTER.as_posix()}:3: error: {message}\n     3 | {call}\n  hint: {hint}\n"
    )
    assert not (new_project / "output").exists()


def test_the_command_line_refuses_a_link_out_of_the_project(new_project, tmp_path, capsys):
    (tmp_path / "secret.png").write_bytes(picture())
    call = '{{ image("images/link.png") }}'
    show(new_project, call, **{"real.png": picture()})
    (new_project / "assets" / "images" / "link.png").symlink_to(tmp_path / "secret.png")
    assert main(["build", str(new_project), "--only", "digital"]) == 2
    assert capsys.readouterr().err == (
        f"{CHAPTER.as_posix()}:3: error: assets/images/link.png is a link to a file outside "
        f"the project\n     3 | {call}\n"
        "  hint: copy the picture itself into assets/ instead of linking to it\n"
    )
