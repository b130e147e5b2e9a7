from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from booklet import document as doc
from booklet.diagnostics import BookletError, Location
from booklet.layout import Style, layout
from booklet.project import PAPERS

MM = 72 / 25.4


def figure_page(texts: list[str]) -> int:
    return next(i for i, text in enumerate(texts) if "Figure 1." in text)


def test_label_drawing_and_caption_share_a_page(texts: list[str]) -> None:
    page = " ".join(texts[figure_page(texts)].split())
    assert "Figure 1. Three Soviet loans to China" in page
    assert "million US dollars" in page  # the chart's own text, selectable
    assert "Loans agreed in 1938 and 1939, in million US dollars." in page


def test_the_figure_is_vector_and_in_the_booklets_font(sample_pdf: bytes, texts: list[str]) -> None:
    reader: Any = PdfReader(io.BytesIO(sample_pdf))
    page = reader.pages[figure_page(texts)]
    resources = page["/Resources"]
    images = [
        name
        for name, xobject in resources.get("/XObject", {}).items()
        if xobject.get_object()["/Subtype"] == "/Image"
    ]
    assert images == []
    fonts = {font.get_object()["/BaseFont"] for font in resources["/Font"].values()}
    assert all("Noto" in font for font in fonts), fonts  # the chart's text is in the body face


def with_figure(sample: doc.Booklet, **changes: Any) -> doc.Booklet:
    chapter = sample.chapters[0]
    blocks = tuple(
        dataclasses.replace(block, **changes) if isinstance(block, doc.FigureBlock) else block
        for block in chapter.blocks
    )
    return dataclasses.replace(
        sample, chapters=(dataclasses.replace(chapter, blocks=blocks), *sample.chapters[1:])
    )


@pytest.mark.parametrize("width_mm", [40, 400])
def test_the_drawing_takes_its_width_but_never_more_than_the_text(
    width_mm: float, sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    pdf = layout(with_figure(sample, width_mm=width_mm), style, PAPERS["a5"])
    number = figure_page(read_texts(pdf))
    with pdfplumber.open(io.BytesIO(pdf)) as plumbed:
        page = plumbed.pages[number]
        words = page.extract_words()
        first = next(word for word in words if word["text"] == "1938")  # the chart's first tick
        last = next(word for word in words if word["text"] == "1939b")
        drawn = last["x1"] - first["x0"]
        left = style.margins.outer * MM if (number + 1) % 2 == 0 else style.margins.inner * MM
        text_width = page.width - (style.margins.inner + style.margins.outer) * MM
        assert first["x0"] >= left
        assert last["x1"] <= left + text_width
    if width_mm == 40:
        assert drawn < 40 * MM
    else:
        assert drawn > 0.5 * text_width


def test_a_figure_taller_than_the_page_is_shrunk_onto_one_page(
    sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    long_caption = (doc.Span("A caption that goes on. " * 150),)
    booklet = with_figure(sample, caption=long_caption)
    texts = read_texts(layout(booklet, style, PAPERS["a5"]))
    page = " ".join(texts[figure_page(texts)].split())
    assert "Three Soviet loans to China" in page
    assert page.count("A caption that goes on.") == 150


def test_a_damaged_drawing_is_reported_with_its_figure(sample: doc.Booklet, style: Style) -> None:
    origin = Location(Path("templates/chapters/one.jinja"), 12)
    booklet = with_figure(sample, svg=b"<svg", origin=origin)
    with pytest.raises(BookletError) as caught:
        layout(booklet, style, PAPERS["a5"])
    problem = caught.value.problem
    assert problem.location == origin
    assert problem.message.startswith("figure 1 (Three Soviet loans to China) cannot be drawn")


def test_a_figure_that_does_not_fit_waits_while_the_text_goes_on(
    sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    figure = next(
        block for block in sample.chapters[0].blocks if isinstance(block, doc.FigureBlock)
    )
    tall = dataclasses.replace(figure, svg=tall_svg(), caption=(doc.Span("Tall."),))
    blocks = (
        doc.Paragraph((doc.Span("Text before the figure. " * 12),), role="lead"),
        tall,
        doc.Paragraph((doc.Span("Text after the figure."),)),
    )
    texts = read_texts(one_chapter(sample, blocks, style))
    before = next(i for i, text in enumerate(texts) if "Text before the figure." in text)
    after = next(i for i, text in enumerate(texts) if "Text after the figure." in text)
    placed = next(i for i, text in enumerate(texts) if "Figure 1." in text)
    assert after == before  # the text goes on under what came before
    assert placed == before + 1  # the figure waits for the next page


def one_chapter(sample: doc.Booklet, blocks: tuple[doc.Block, ...], style: Style) -> bytes:
    """The sample booklet with these blocks as its only chapter, and no notes."""
    chapter = doc.Chapter("Floats", blocks, number=1)
    return layout(dataclasses.replace(sample, chapters=(chapter,), notes=()), style, PAPERS["a5"])


def tall_svg() -> bytes:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(3, 6))
    figure.add_subplot().plot([0, 1], [0, 1])
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def test_a_waiting_figure_comes_before_the_next_chapter(
    sample: doc.Booklet,
    style: Style,
    read_texts: Callable[[bytes], list[str]],
    read_outline: Callable[[bytes], dict[str, int]],
) -> None:
    figure = next(b for b in sample.chapters[0].blocks if isinstance(b, doc.FigureBlock))
    tall = dataclasses.replace(figure, svg=tall_svg(), caption=(doc.Span("Tall."),))
    first = doc.Chapter(
        "First", (doc.Paragraph((doc.Span("Words. " * 100),), role="lead"), tall), number=1
    )
    second = doc.Chapter("Second", (doc.Paragraph((doc.Span("More words."),)),), number=2)
    pdf = layout(
        dataclasses.replace(sample, chapters=(first, second), notes=()), style, PAPERS["a5"]
    )
    placed = next(i for i, text in enumerate(read_texts(pdf), 1) if "Figure 1." in text)
    opening = read_outline(pdf)["Second"]
    assert read_outline(pdf)["First"] < placed < opening
    assert opening % 2 == 1


def test_a_figure_never_goes_before_an_earlier_one_that_waits(
    sample: doc.Booklet, style: Style, read_texts: Callable[[bytes], list[str]]
) -> None:
    figure = next(
        block for block in sample.chapters[0].blocks if isinstance(block, doc.FigureBlock)
    )
    tall = dataclasses.replace(figure, svg=tall_svg(), caption=(doc.Span("Tall."),))
    small = dataclasses.replace(figure, number=2, title="Small", caption=(doc.Span("Small."),))
    blocks = (
        doc.Paragraph((doc.Span("Text before the figures. " * 12),), role="lead"),
        tall,  # too tall for the rest of the page: it waits
        small,  # would fit under the text, but comes after the one waiting
        doc.Paragraph((doc.Span("Text after the figures. " * 30),)),
    )
    texts = read_texts(one_chapter(sample, blocks, style))
    before = next(i for i, text in enumerate(texts) if "Text before the figures." in text)
    first = next(i for i, text in enumerate(texts) if "Figure 1." in text)
    second = next(i for i, text in enumerate(texts) if "Figure 2." in text)
    assert before < first <= second
    if first == second:
        assert texts[first].index("Figure 1.") < texts[first].index("Figure 2.")
    listed = next(text for text in texts if "Figures" in text)
    assert listed.index(figure.title) < listed.index("Small")
