"""The whole pipeline on one screen: sources, facts, charts, compose, layout, impose, write."""

from __future__ import annotations

import importlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from booklet import impose as imposing
from booklet.alongside import alongside
from booklet.charts import draw_figures, load_chart_style
from booklet.compose import HANDOUT, compose
from booklet.diagnostics import Problem, raise_if_errors
from booklet.facts import Facts, load_facts
from booklet.grayscale import grey
from booklet.impose.options import PrintOptions, option_problems
from booklet.layout import layout, layout_handout, load_style, parse_drawings
from booklet.layout.coverage import missing_glyphs
from booklet.output import write_atomically
from booklet.project import Edition, Project
from booklet.sources import load_corpus
from booklet.sources.model import Corpus


class Reporter(Protocol):
    """Who hears how a build goes: the command line shows stages and counts warnings."""

    def stage(self, name: str) -> None: ...

    def warn(self, problems: Iterable[Problem]) -> None: ...


class Silent:
    def stage(self, name: str) -> None:
        pass

    def warn(self, problems: Iterable[Problem]) -> None:
        pass


SILENT = Silent()


@dataclass(frozen=True, slots=True)
class Checked:
    """What `booklet check` reports: the corpus, the verified facts and every problem."""

    corpus: Corpus
    facts: Facts
    problems: tuple[Problem, ...]


def check(project: Project) -> Checked:
    """Verify sources, quotes and facts without building anything."""
    corpus = load_corpus(project)
    facts = load_facts(project.facts_file, project.root, corpus)
    return Checked(corpus, facts, (*corpus.problems, *facts.problems))


def build(
    project: Project,
    editions: Collection[Edition] | None = None,
    reporter: Reporter = SILENT,
    *,
    grayscale: bool = False,
    jobs: int = 2,
    checked: Checked | None = None,
) -> list[Path]:
    """Run every stage; write nothing unless all of them succeed.

    With `jobs` above 1, the digital edition is laid out in a second process while
    this one sets the handout and gets the print edition ready (booklet.alongside).
    `checked` is what `check` found, given by a caller that knows no source has
    changed since (booklet watch).
    """
    editions = project.editions if editions is None else editions
    options = PrintOptions(project.bleed_mm, project.marks, project.creep_mm)
    reporter.stage("reading and cleaning the sources")
    checked = check(project) if checked is None else checked
    _stop_on_errors([*checked.problems, *option_problems(options)], reporter)
    chart_style, chart_style_problems = load_chart_style(project.style_file, project.assets_dir)
    style, style_problems = load_style(project.style_file, project.assets_dir)
    _stop_on_errors([*chart_style_problems, *style_problems], reporter)
    if grayscale:  # the photocopier's view: every colour as the grey of its luminance
        chart_style = replace(
            chart_style, colours=tuple(map(grey, chart_style.colours)), ink=grey(chart_style.ink)
        )
        style = replace(
            style, ink=grey(style.ink), accent=grey(style.accent), pictures_in_grey=True
        )
    reporter.stage("drawing the charts")
    figures, chart_problems = draw_figures(
        checked.facts.charts,
        checked.facts,
        chart_style,
        project.cache_dir / "charts",
        jobs=jobs,
        then=lambda svg: parse_drawings([svg], style),  # where it was drawn; the parse is kept
    )
    _stop_on_errors(chart_problems, reporter)
    reporter.stage("composing the chapters")
    document = compose(project, checked.corpus, checked.facts, figures)
    reporter.warn(missing_glyphs(document, style, checked.corpus))
    reporter.stage("setting the pages")
    parse_drawings((figure.svg for figure in figures), style)  # once, for both processes
    name = f"{project.slug}-grayscale" if grayscale else project.slug
    handout: bytes | None = None
    with alongside(
        lambda: layout(document, style, project.paper),
        fork=jobs > 1 and bool(set(editions) - {Edition.DIGITAL, Edition.PREVIEW}),
    ) as digital_edition:
        if Edition.HANDOUT in editions:
            reporter.stage("setting the handout")
            handout_document = compose(project, checked.corpus, checked.facts, figures, HANDOUT)
            reporter.warn(missing_glyphs(handout_document, style, checked.corpus, document))
            handout = layout_handout(handout_document, style, project.paper)
        if {Edition.PRINT, Edition.PRINT_SHOP} & set(editions):
            importlib.import_module("booklet.impose.print_edition")  # pypdf: 60 ms, meanwhile
        digital = digital_edition.result()
    files = {f"{name}.pdf": digital}
    if Edition.PRINT in editions:
        reporter.stage("imposing the print edition")
        _stop_on_errors(imposing.print_problems(digital, project.paper, options), reporter)
        files[f"{name}-print.pdf"] = imposing.impose(digital, project.paper, options)
    if Edition.PRINT_SHOP in editions:
        files[f"{name}-print-shop.pdf"] = imposing.print_shop(digital, project.paper, options)
    if handout is not None:
        files[f"{name}-handout.pdf"] = handout
    if Edition.PREVIEW in editions:
        from booklet.preview import contact_sheet, cover_png  # renders pages: only when asked

        reporter.stage("drawing the previews")
        files[f"{name}-cover.png"] = cover_png(digital)
        files[f"{name}-pages.png"] = contact_sheet(digital)
    reporter.stage("writing")
    return write_atomically(project.out_dir, files)


def _stop_on_errors(problems: Iterable[Problem], reporter: Reporter) -> None:
    problems = list(problems)
    reporter.warn(problem for problem in problems if problem.severity == "warning")
    raise_if_errors(problems)
