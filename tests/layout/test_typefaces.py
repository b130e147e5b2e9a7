from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import tt2ps

from booklet.layout import Style
from booklet.layout.typefaces import font_file_problem, register_typeface


def test_a_typeface_is_registered_as_a_family(style: Style) -> None:
    names = register_typeface(style.body_font)
    assert names.regular == "DejaVuSerif"
    assert tt2ps(names.regular, 0, 1) == names.italic == "DejaVuSerif-Italic"
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
