from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont
from reportlab.lib.fonts import tt2ps

from booklet.layout import Style
from booklet.layout.typefaces import font_file_problem, register_typeface


def test_a_typeface_is_registered_as_a_family(style: Style) -> None:
    names = register_typeface(style.body_font)
    # Named after the file; "-2" if the same file name in another folder came first.
    assert names.regular.startswith("NotoSerif-Regular")
    assert names.italic.startswith("NotoSerif-Italic")
    assert tt2ps(names.regular, 0, 1) == names.italic
    assert tt2ps(names.regular, 1, 1) == names.bold_italic
    assert register_typeface(style.body_font) == names  # once is enough; twice is harmless


def test_a_font_file_reportlab_cannot_embed_is_explained(tmp_path: Path) -> None:
    fake = tmp_path / "Fake.ttf"
    fake.write_bytes(b"not a font at all")
    problem = font_file_problem(fake)
    assert problem is not None
    assert problem.startswith("cannot be embedded (")


def test_a_truetype_file_is_fine(style: Style) -> None:
    assert font_file_problem(style.heading_font.bold) is None


GREEK = [code for code in range(0x0391, 0x03CA) if code != 0x03A2]  # capital and small letters
CYRILLIC = list(range(0x0400, 0x0460))


def test_the_default_faces_cover_latin_greek_and_cyrillic(style: Style) -> None:
    accented = [ord(letter) for letter in "éèçñøåäöüßłőřšžțăīœ"]
    for typeface in (style.body_font, style.heading_font):
        for path in (typeface.regular, typeface.bold, typeface.italic, typeface.bold_italic):
            font = TTFont(str(path))
            codes = set(font.getBestCmap())
            assert "glyf" in font, path.name  # TrueType outlines
            assert "fvar" not in font, path.name  # static: ReportLab ignores a font's axes
            missing = [code for code in (*GREEK, *CYRILLIC, *accented) if code not in codes]
            assert missing == [], (path.name, [chr(code) for code in missing])
