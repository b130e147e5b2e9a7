"""Every file the project writes, built once per session, and the documents they were set from.

The default booklet comes from the shared `default_build`; the editions it does
not make (print-shop with bleed and marks, a print edition with creep, the
previews, the grayscale variant) and a project started by `booklet new` from
two saved pages are built here, once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from booklet import document as doc
from booklet.build import build, check
from booklet.charts import draw_figures, load_chart_style
from booklet.compose import HANDOUT, compose
from booklet.project import Edition, Project, load_project
from booklet.scaffold import create_project

SLUG = "soviet-aid-to-china"

# Two saved pages for `booklet new`; the second holds text that looks like markup.
SAVED_PAGES = {
    "mill.txt": """\
Grinding Again at Hollow Brook Mill
Posted by Margaret Ellis at 4:12 PM

Last Saturday the volunteers of the Hollow Brook Mill Trust opened the sluice gate for the \
first time in forty years, and the great wheel turned while the whole village watched.

The mill was built in 1786 by a miller called Thomas Bray, who leased the water rights from \
the manor for eleven shillings a year. It ground corn until 1952.

Share this:
Facebook
""",
    "ledger.txt": """\
The Miller's Ledger

The ledger records sales to Bray & Sons of 3 < 5 sacks a week, marked &bogus; by a clerk \
who wrote <para> and <onDraw name="x"/> in the margin, as if the page were a web form.

Each entry names the farm, the grain and the price, and the clerk's totals agree with the \
receipts kept by the parish for every year between 1790 and 1810.
""",
}


@dataclass(frozen=True, slots=True)
class Built:
    """The files of one build, and the document trees their text was set from."""

    files: dict[str, Path]
    booklet: doc.Booklet
    handout: doc.Booklet | None = None


def documents(project: Project, *, handout: bool) -> tuple[doc.Booklet, doc.Booklet | None]:
    """The booklet's (and the handout's) document tree, as a build composes it."""
    checked = check(project)
    chart_style, _ = load_chart_style(project.style_file, project.assets_dir)
    figures, _ = draw_figures(
        checked.facts.charts, checked.facts, chart_style, project.cache_dir / "charts"
    )
    booklet = compose(project, checked.corpus, checked.facts, figures)
    sheet = compose(project, checked.corpus, checked.facts, figures, HANDOUT) if handout else None
    return booklet, sheet


@pytest.fixture(scope="session")
def default_booklet(default_project: Path, default_build: dict[str, Path]) -> Built:
    booklet, handout = documents(load_project(default_project), handout=True)
    return Built(default_build, booklet, handout)


@pytest.fixture(scope="session")
def print_shop_build(default_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The print-shop edition with bleed and marks, a print edition with creep, the previews."""
    project = replace(
        load_project(default_project), bleed_mm=3.0, marks=True, creep_mm=0.2
    ).with_output(tmp_path_factory.mktemp("print-shop"))
    paths = build(project, [Edition.PRINT, Edition.PRINT_SHOP, Edition.PREVIEW])
    booklet, _ = documents(project, handout=False)
    return Built({path.name: path for path in paths}, booklet)


@pytest.fixture(scope="session")
def grayscale_build(default_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = load_project(default_project).with_output(tmp_path_factory.mktemp("grayscale"))
    paths = build(project, [Edition.PRINT, Edition.HANDOUT], grayscale=True)
    booklet, handout = documents(project, handout=True)
    return Built({path.name: path for path in paths}, booklet, handout)


@pytest.fixture(scope="session")
def new_project_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A project made by `booklet new` from two saved pages, built as it comes."""
    saved = tmp_path_factory.mktemp("saved")
    for name, text in SAVED_PAGES.items():
        (saved / name).write_text(text, encoding="utf-8")
    root = tmp_path_factory.mktemp("new") / "hollow-brook"
    _, problems = create_project(root, saved)
    assert problems == []
    project = load_project(root)
    paths = build(project)
    booklet, _ = documents(project, handout=False)
    return Built({path.name: path for path in paths}, booklet)


# Each PDF the project writes: (the build it comes from, its file name).
PDFS = {
    "digital": ("default", f"{SLUG}.pdf"),
    "print": ("default", f"{SLUG}-print.pdf"),
    "handout": ("default", f"{SLUG}-handout.pdf"),
    "print with creep": ("print-shop", f"{SLUG}-print.pdf"),
    "print-shop": ("print-shop", f"{SLUG}-print-shop.pdf"),
    "grayscale": ("grayscale", f"{SLUG}-grayscale.pdf"),
    "grayscale print": ("grayscale", f"{SLUG}-grayscale-print.pdf"),
    "grayscale handout": ("grayscale", f"{SLUG}-grayscale-handout.pdf"),
    "new project": ("new", "hollow-brook.pdf"),
    "new project print": ("new", "hollow-brook-print.pdf"),
}
PREVIEWS = (f"{SLUG}-cover.png", f"{SLUG}-pages.png")


@pytest.fixture(scope="session")
def builds(
    default_booklet: Built,
    print_shop_build: Built,
    grayscale_build: Built,
    new_project_build: Built,
) -> dict[str, Built]:
    return {
        "default": default_booklet,
        "print-shop": print_shop_build,
        "grayscale": grayscale_build,
        "new": new_project_build,
    }
