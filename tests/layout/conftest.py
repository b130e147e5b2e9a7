"""A hand-made booklet, laid out once per test session, and ways to read the PDF back."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from matplotlib import font_manager, rc_context
from matplotlib.figure import Figure
from pdfplumber.pdf import PDF
from pypdf import PdfReader

from booklet import document as doc
from booklet.fonts import PACKAGE_FONTS
from booklet.layout import Style, layout, load_style
from booklet.project import PAPERS

ROOT = Path(__file__).resolve().parents[2]

SENTENCES = (
    "The first Soviet aircraft reached Lanzhou in the autumn of 1937, flown in stages "
    "across the deserts of Xinjiang by crews who had never seen the route before.",
    "Every airfield on the way needed fuel, spare parts, food and a few mechanics, and most "
    "of them had to be brought by lorry over roads that the rain turned into mud.",
    "Chinese officials kept careful accounts of what arrived, because each delivery was "
    "charged against loans that were to be repaid in tea, wool, tungsten and antimony.",
    "Volunteer pilots rotated through the squadrons for a few months at a time, so that "
    "experience of the air war in China spread quickly through the Soviet air force.",
    "Historians still disagree about the numbers, partly because the archives on both sides "
    "were opened late and partly because the figures were secret at the time.",
    "Teachers who use this booklet may want to compare the figures in the table with those "
    "quoted in the sources, and ask their students why the totals differ.",
    "The caravans that carried aviation fuel across the steppe moved at the pace of camels, "
    "and a single convoy could take several weeks to cover the distance.",
    "Local people remembered the foreign airmen long after the war, and several towns along "
    "the route kept small memorials to those who did not return.",
)

UNSAFE = '<img src="/etc/passwd"/> AT&T &bogus; <b>bold?</b>'


def prose(seed: int, sentences: int) -> str:
    return " ".join(SENTENCES[(seed * 3 + i) % len(SENTENCES)] for i in range(sentences))


def span(text: str, **kwargs: object) -> doc.Span:
    return doc.Span(text, **kwargs)  # type: ignore[arg-type]


CHART_RC: Any = {"svg.fonttype": "none", "svg.hashsalt": "tests", "font.family": "Noto Serif"}


def _know_the_booklets_fonts() -> None:
    """Let matplotlib measure chart text in the body face, as the charts stage does."""
    for path in sorted(PACKAGE_FONTS.glob("NotoSerif-*.ttf")):
        font_manager.fontManager.addfont(str(path))


def chart_svg(title: str = "Loans") -> bytes:
    """A small bar chart as the charts stage makes them: text kept as text, in the body face."""
    _know_the_booklets_fonts()
    with rc_context(CHART_RC):
        figure = Figure(figsize=(110 / 25.4, 68 / 25.4))
        axes = figure.add_subplot()
        axes.bar(["1938", "1939a", "1939b"], [50, 50, 150], color="#1f4e79")
        axes.set_ylabel("million US dollars")
        axes.set_title(title)
        return _svg(figure)


def route_svg() -> bytes:
    """A route map of sorts, for the cover."""
    with rc_context(CHART_RC):
        figure = Figure(figsize=(110 / 25.4, 80 / 25.4))
        axes = figure.add_subplot()
        towns = {"Alma-Ata": (0, 0), "Urumqi": (3, 1.2), "Hami": (5.5, 1), "Lanzhou": (9, -1)}
        xs, ys = zip(*towns.values(), strict=True)
        axes.plot(xs, ys, color="#1f4e79", linewidth=2, marker="o")
        for name, (x, y) in towns.items():
            axes.annotate(name, (x, y), textcoords="offset points", xytext=(0, 8), ha="center")
        axes.set_axis_off()
        return _svg(figure)


def _svg(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


class Notes:
    """Numbers notes in the order they are cited, as compose does."""

    def __init__(self) -> None:
        self.notes: list[doc.Note] = []

    def cite(self, text: str) -> doc.NoteRef:
        number = len(self.notes) + 1
        self.notes.append(doc.Note(number, (span(f"Note {number}: {text}"),)))
        return doc.NoteRef(number)


def sample_booklet(
    chart: bytes, route: bytes, chapters: int = 3, language: str = "en-GB"
) -> doc.Booklet:
    notes = Notes()
    body: list[doc.Chapter] = []
    for number in range(1, chapters + 1):
        blocks: list[doc.Block] = [
            doc.Paragraph((span(prose(number, 3)),), role="lead"),
        ]
        for paragraph in range(6):
            blocks.append(
                doc.Paragraph(
                    (
                        span(prose(number + paragraph, 2) + " "),
                        span("Operation Zet", emphasis=True),
                        span(" was never announced."),
                        notes.cite(f"An Wen, “Soviet Contribution”, paragraph {paragraph + 3}."),
                        span(" " + prose(number * paragraph, 3)),
                        notes.cite("Operation Zet, encyclopedia article, paragraph 2."),
                    )
                )
            )
            if number == 1 and paragraph == 1:
                blocks.append(
                    doc.FigureBlock(
                        number=1,
                        title="Three Soviet loans to China",
                        caption=(
                            span("Loans agreed in 1938 and 1939, in million US dollars."),
                            notes.cite("An Wen, “Soviet Contribution”, paragraph 9."),
                        ),
                        description="Bars for three loans: 50, 50 and 150 million dollars.",
                        svg=chart,
                        width_mm=100,
                        height_mm=62,
                    )
                )
            if paragraph == 2:
                blocks.append(doc.Heading(f"The route in {1936 + number}"))
            if paragraph == 3:
                blocks.append(
                    doc.BlockQuote(
                        (
                            span(prose(number + 5, 2)),
                            notes.cite("Soviet Volunteer Group, paragraph 7."),
                        )
                    )
                )
        if number == 2:
            blocks.append(
                doc.Table(
                    header=((span("What"),), (span("Number"),), (span("Source"),)),
                    rows=tuple(
                        (
                            (span(what),),
                            (span(count),),
                            (span(source), notes.cite(f"{source}, as counted there.")),
                        )
                        for what, count, source in (
                            ("Freight trains", "5,640", "An Wen"),
                            ("Motor vehicles", "5,260", "An Wen"),
                            ("Volunteers", "700", "An Wen"),
                            ("Aircraft", "1,235", "Operation Zet"),
                        )
                    ),
                )
            )
            blocks.append(doc.Paragraph((span(UNSAFE),)))
            blocks.append(
                doc.Paragraph(
                    (
                        span("Read the article at "),
                        span("the publisher\u2019s site", link="https://example.org/a?b=1&c=2"),
                        span(", not "),
                        span("this one", link="javascript:alert(1)"),
                        span("."),
                    )
                )
            )
        body.append(
            doc.Chapter(
                f"Chapter title {number}: the road to Lanzhou", tuple(blocks), number=number
            )
        )
    body.append(
        doc.Chapter(
            "Sources",
            tuple(
                doc.Paragraph(
                    (
                        span(f"Author {i}. "),
                        span(f"Title of work {i}", emphasis=True),
                        span(". Publisher, 2015. https://example.org/a/very/long/path/to/source-"),
                        span(f"{i}.html. Accessed 1 March 2024."),
                    ),
                    role="entry",
                )
                for i in range(1, 9)
            ),
            kind="back",
        )
    )
    body.append(
        doc.Chapter(
            "Glossary",
            tuple(
                doc.Paragraph((span(term, strong=True), span(" — " + prose(i, 1))), role="entry")
                for i, term in enumerate(("Kuomintang", "Lanzhou", "Operation Zet", "Xinjiang"))
            ),
            kind="back",
        )
    )
    cover_map = doc.FigureBlock(0, "The route", (), "A map of the route.", route, 110, 80)
    return doc.Booklet(
        title="Soviet Aid to China",
        subtitle="Aircraft, advisers and loans against Japan, 1937\u20131945",
        author="Local History Society",
        language=language,
        subject="Soviet aid to China, 1937\u20131945",
        keywords=("history", "China", "Soviet Union"),
        cover=doc.Cover(
            title="Soviet Aid to China",
            subtitle="Aircraft, advisers and loans against Japan, 1937\u20131945",
            editor="Edited by the Local History Society",
            date="March 2024",
            illustration=cover_map,
        ),
        chapters=tuple(body),
        notes=tuple(notes.notes),
        back_cover=doc.BackCover(
            summary=(
                doc.Paragraph((span(prose(1, 3)),)),
                doc.Paragraph((span(prose(2, 2)),)),
            ),
            edition_url="https://example.org/booklets/soviet-aid",
            colophon="Local History Society · 2024 · free to copy for teaching",
        ),
        colophon=(
            doc.Paragraph((span("Soviet Aid to China. Edited by the Local History Society."),)),
            doc.Paragraph((span("Text from the sources is quoted with citations."),)),
        ),
    )


@pytest.fixture(scope="session")
def make_booklet(svgs: tuple[bytes, bytes]) -> Callable[..., doc.Booklet]:
    """Make a booklet like the sample: make_booklet(chapters=1, language="de")."""

    def make(chapters: int = 3, language: str = "en-GB") -> doc.Booklet:
        return sample_booklet(*svgs, chapters=chapters, language=language)

    return make


@pytest.fixture(scope="session")
def read_texts() -> Callable[[bytes], list[str]]:
    return page_texts


@pytest.fixture(scope="session")
def style() -> Style:
    loaded, problems = load_style(ROOT / "assets" / "style.toml", ROOT / "assets")
    assert problems == []
    return loaded


@pytest.fixture(scope="session")
def svgs() -> tuple[bytes, bytes]:
    return chart_svg(), route_svg()


@pytest.fixture(scope="session")
def sample(svgs: tuple[bytes, bytes]) -> doc.Booklet:
    return sample_booklet(*svgs)


@pytest.fixture(scope="session")
def sample_pdf(sample: doc.Booklet, style: Style) -> bytes:
    return layout(sample, style, PAPERS["a5"])


@pytest.fixture(scope="session")
def texts(sample_pdf: bytes) -> list[str]:
    return page_texts(sample_pdf)


@pytest.fixture(scope="session")
def plumbed(sample_pdf: bytes) -> Iterator[PDF]:
    with pdfplumber.open(io.BytesIO(sample_pdf)) as pdf:
        yield pdf


@pytest.fixture(scope="session")
def read_outline() -> Callable[[bytes], dict[str, int]]:
    return outline_pages


def outline_pages(pdf: bytes) -> dict[str, int]:
    """Each outline entry's title and the page (counted from 1) it opens."""
    reader: Any = PdfReader(io.BytesIO(pdf))
    return {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, with words broken by hyphenation at line ends joined again."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [re.sub(r"-\n(?=[a-z])", "", page.extract_text()) for page in document.pages]
