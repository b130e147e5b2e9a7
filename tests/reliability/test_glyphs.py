"""Characters the booklet's fonts cannot draw: one warning per font, saying where they are from."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet import document as doc
from booklet.diagnostics import Location
from booklet.layout import Style, load_style
from booklet.layout.coverage import missing_glyphs
from booklet.sources import Corpus
from tests.corpus_builders import make_corpus, make_source

HEBREW, ARABIC, CHINESE, EMOJI = (
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    "\u4e2d\u6587",
    "\U0001f600",
)
CHAPTER = Location(Path("templates/chapters/01-the-museum.jinja"), 4)
SEED = Location(Path("seeds/museum.txt"), 2)  # the second paragraph, as corpus_of makes it


@pytest.fixture(scope="module")
def noto(tmp_path_factory: pytest.TempPathFactory) -> Style:
    """The default style: Noto Serif for the body, Noto Sans for headings."""
    assets = tmp_path_factory.mktemp("project") / "assets"
    style, problems = load_style(assets / "style.toml", assets)
    assert problems == []
    return style


def booklet_of(*chapters: doc.Chapter, title: str = "The Museum") -> doc.Booklet:
    return doc.Booklet(
        title=title,
        subtitle=None,
        author=None,
        language="en-GB",
        subject=None,
        keywords=(),
        cover=doc.Cover(title, None, None, None),
        chapters=chapters,
        notes=(),
        back_cover=doc.BackCover(()),
    )


def chapter(*texts: str, title: str = "The Door") -> doc.Chapter:
    blocks = tuple(doc.Paragraph((doc.Span(text),), origin=CHAPTER) for text in texts)
    return doc.Chapter(title, blocks, origin=CHAPTER)


def corpus_of(*texts: str) -> Corpus:
    return make_corpus(make_source("museum", list(texts), kind="blog", title="The Museum"))


def test_a_booklet_its_fonts_can_draw_gives_no_warning(noto):
    text = (
        "Caf\u00e9 \u2013 \u201cquoted\u201d \u2018words\u2019, "
        "\u041c\u043e\u0441\u043a\u0432\u0430, \u03b1\u03b2\u03b3 \u2026"
    )
    assert missing_glyphs(booklet_of(chapter(text)), noto, corpus_of(text)) == []


def test_characters_from_a_source_are_named_with_their_codes_and_the_source(noto):
    text = f"The sign read {HEBREW}, {ARABIC}, {CHINESE} and {EMOJI}."
    (warning,) = missing_glyphs(booklet_of(chapter(text)), noto, corpus_of("Before.", text))
    assert warning.severity == "warning"
    assert warning.location == SEED
    assert warning.message == (
        "the font Noto Serif (NotoSerif-Regular.ttf) cannot draw 12 characters of the booklet: "
        "\u05e9 (U+05E9), \u05dc (U+05DC), \u05d5 (U+05D5), \u05dd (U+05DD), \u0645 (U+0645) "
        "and 7 more; they come from source 'museum'"
    )
    assert warning.hint == (
        "they would print as empty boxes: choose a font that has them in assets/style.toml "
        "[fonts], or put one in assets/fonts/"
    )


def test_characters_a_template_wrote_are_traced_to_its_file_and_line(noto):
    (warning,) = missing_glyphs(
        booklet_of(chapter(f"Welcome: {CHINESE}")), noto, corpus_of("Nothing odd.")
    )
    assert warning.location == CHAPTER
    assert warning.message.endswith(
        f"2 characters of the booklet: \u4e2d (U+4E2D), \u6587 (U+6587); they come from "
        f"{CHAPTER.path.as_posix()}"
    )


def test_a_title_is_checked_against_the_heading_font_too(noto):
    booklet = booklet_of(chapter("Plain text.", title=f"The {CHINESE} hall"))
    warnings = missing_glyphs(booklet, noto, corpus_of("Plain text."))
    assert [warning.message.split(" cannot")[0] for warning in warnings] == [
        "the font Noto Serif (NotoSerif-Regular.ttf)",
        "the font Noto Sans (NotoSans-Regular.ttf)",
    ]


def test_body_text_is_not_checked_against_the_heading_font(noto):
    warnings = missing_glyphs(booklet_of(chapter(EMOJI)), noto, corpus_of(EMOJI))
    assert [warning.message.split(" cannot")[0] for warning in warnings] == [
        "the font Noto Serif (NotoSerif-Regular.ttf)"
    ]


def test_spaces_and_line_breaks_are_never_missing(noto):
    text = "one\u2028two\u3000three\u00a0four\nfive"
    assert missing_glyphs(booklet_of(chapter(text)), noto, corpus_of(text)) == []


def test_the_cover_title_is_traced_to_the_manifest(noto):
    warnings = missing_glyphs(booklet_of(chapter("Plain."), title=CHINESE), noto, corpus_of())
    assert [
        (str(warning.location), warning.message.endswith("from booklet.toml"))
        for warning in warnings
    ] == [
        ("booklet.toml", True),
        ("booklet.toml", True),
    ]


def test_the_handout_is_warned_of_only_what_the_booklet_was_not(noto):
    booklet = booklet_of(chapter(f"The sign read {HEBREW}."))
    handout = booklet_of(chapter(f"The sign read {HEBREW}; the label {CHINESE}."))
    (warning,) = missing_glyphs(handout, noto, corpus_of("Nothing here."), besides=booklet)
    assert warning.message.startswith(
        "the font Noto Serif (NotoSerif-Regular.ttf) cannot draw 2 characters of the "
        "handout: \u4e2d (U+4E2D), \u6587 (U+6587)"
    )
    assert warning.location == CHAPTER
    assert missing_glyphs(booklet, noto, corpus_of("Nothing."), besides=booklet) == []
