"""Helpers for chart tests: facts and specs in one line, and a chart seen as a reader sees it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from matplotlib.transforms import BboxBase
from PIL import Image

from booklet.charts import ChartStyle
from booklet.diagnostics import Location
from booklet.facts.model import ChartSpec, Citation, Fact, Facts
from booklet.fonts import matplotlib_font_dir
from booklet.sources.model import Trust

FACTS_FILE = Path("seeds/facts.toml")
SPEC_LINE = 12
FAMILY = "DejaVu Serif"
KIND_NAMES = ("bars", "paired-bars", "timeline", "route-map")


def make_fact(
    fact_id: str,
    value: float,
    unit: str = "",
    label: str | None = None,
    *,
    source: str = "soviet-contribution",
    qualifier: str | None = None,
    date: str | None = None,
    quantity: str | None = None,
) -> Fact:
    return Fact(
        id=fact_id,
        value=value,
        unit=unit,
        label=label or fact_id.replace("-", " ").capitalize(),
        citation=Citation(source, 3, "quoted words"),
        trust=Trust.RELIABLE,
        origin=Location(FACTS_FILE, 2),
        qualifier=qualifier,
        date=date,
        quantity=quantity,
    )


def make_spec(kind: str, facts: list[str], chart_id: str = "chart", **options: Any) -> ChartSpec:
    return ChartSpec(
        id=chart_id,
        kind=kind,
        title="A title",
        caption="A caption",
        description="A description",
        facts=tuple(facts),
        origin=Location(FACTS_FILE, SPEC_LINE),
        options=options,
    )


def font_file() -> Path:
    folder = matplotlib_font_dir()
    assert folder is not None
    return folder / "DejaVuSerif.ttf"


@pytest.fixture
def style() -> ChartStyle:
    return ChartStyle(font_family=FAMILY, font_files=(str(font_file()),))


@pytest.fixture(scope="session")
def svg_fonts() -> None:
    """The chart family known to svglib, as the layout registers it."""
    from svglib.fonts import register_font

    register_font(FAMILY, str(font_file()))


def render(svg: bytes, pdf: Path, dpi: int = 100) -> Image.Image:
    """The chart through svglib and ReportLab onto a page of its own size, rendered by PDFium."""
    import pypdfium2
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(svg))
    assert drawing is not None
    canvas = Canvas(str(pdf), pagesize=(drawing.width, drawing.height), invariant=True)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        assert len(document) == 1
        bitmap = document[0].render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
        image: Image.Image = bitmap.to_pil().convert("RGB")
        return image
    finally:
        document.close()


def within(inner: BboxBase, outer: BboxBase) -> bool:
    """Whether a box lies wholly inside another (both in display points)."""
    return bool(
        outer.x0 <= inner.x0
        and inner.x1 <= outer.x1
        and outer.y0 <= inner.y0
        and inner.y1 <= outer.y1
    )


def ink(page: Image.Image, darker_than: int = 200) -> float:
    """The share of a grey page's pixels that are darker than the given level."""
    histogram = page.convert("L").histogram()
    return sum(histogram[:darker_than]) / (page.width * page.height)


LOANS = (
    make_fact("loan-1937", 50e6, "USD", "First loan", date="1937"),
    make_fact("loan-1938", 50e6, "USD", "Second loan", date="1938"),
    make_fact("loan-1939", 150e6, "USD", "Third loan", date="1939-06"),
    make_fact("total-pledged", 250e6, "USD", "Total pledged"),
    make_fact("total-used", 173.18e6, "USD", "Used", qualifier="some"),
)
PLACES = {
    "Alma-Ata": [76.95, 43.25],
    "Urumqi": [87.6, 43.8],
    "Hami": [93.5, 42.8],
    "Lanzhou": [103.8, 36.06],
    "Sevastopol": [33.5, 44.6],
    "Haiphong": [106.7, 20.9],
    "Kunming": [102.7, 25.0],
}


def sample(kind: str) -> tuple[ChartSpec, Facts]:
    """A chart of each kind, drawn from the default booklet's figures."""
    ids = [fact.id for fact in LOANS]
    specs = {
        "bars": make_spec("bars", ids),
        "paired-bars": make_spec(
            "paired-bars",
            ids,
            series=["Pledged", "Used"],
            pairs=[["loan-1937", ""], ["loan-1938", ""], ["loan-1939", ""], ids[3:]],
        ),
        "timeline": make_spec("timeline", ids[:3]),
        "route-map": make_spec(
            "route-map",
            [],
            places=PLACES,
            extent=[70, 112, 18, 48],
            routes=[
                {"path": ["Alma-Ata", "Urumqi", "Hami", "Lanzhou"], "label": "Road"},
                {"path": ["Sevastopol", [90, 8], "Haiphong"], "label": "Sea", "style": "sea"},
                {"path": ["Haiphong", "Kunming"], "label": "Railway", "style": "rail"},
            ],
        ),
    }
    return specs[kind], Facts(LOANS)
