"""The booklet as one list of flowables, front cover to back cover, in reading order."""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet.document import Booklet, Chapter, FigureBlock, PictureBlock

from .covers import BackCoverPage, ColophonPage, FrontCover
from .flowables import chapter_flowables, title_flowables
from .markup import escape_text, inline_markup
from .navigation import (
    Line,
    SectionMark,
    contents_line,
    contents_table,
    figure_key,
    figure_line,
    figures_table,
)
from .pages import PageGeometry, StartPage
from .setting import Setting


def booklet_story(booklet: Booklet, setting: Setting, geometry: PageGeometry) -> list[Flowable]:
    """Cover, colophon, contents, the chapters and back matter, then the back cover."""
    typography = setting.typography
    colophon = [
        Paragraph(
            inline_markup(paragraph.content, setting.link_colour, with_notes=False),
            typography.colophon,
        )
        for paragraph in booklet.colophon
    ]
    story: list[Flowable] = [
        FrontCover(booklet.cover, setting, geometry),
        StartPage("even"),
        ColophonPage(colophon),
        *contents(booklet, setting),
    ]
    for chapter, key, opens_back_matter in _sections(booklet):
        story += chapter_flowables(chapter, key, setting, opens_back_matter)
    story += [
        StartPage("even"),  # the back cover is the last page, a left-hand one
        BackCoverPage(booklet.back_cover, setting, geometry, setting.labels.read_online),
    ]
    return story


def contents(booklet: Booklet, setting: Setting) -> list[Flowable]:
    """The contents page: chapters and back matter, then the list of figures if any."""
    typography = setting.typography
    title = setting.labels.contents
    story: list[Flowable] = [
        StartPage("odd"),
        SectionMark("contents", title, in_body=False),
        Spacer(1, setting.sink),
        *title_flowables(title, setting),
    ]
    if booklet.chapters:
        story.append(contents_table(typography, _contents_lines(booklet)))
    if figures := _figure_lines(booklet):
        story += [
            Paragraph(escape_text(setting.labels.figures), typography.contents_heading),
            figures_table(typography, figures),
        ]
    return story


def _sections(booklet: Booklet) -> Iterator[tuple[Chapter, str, bool]]:
    """Each chapter and back-matter section, its key, and whether it opens the back matter."""
    in_back_matter = False
    for index, chapter in enumerate(booklet.chapters, start=1):
        opens_back_matter = chapter.kind == "back" and not in_back_matter
        in_back_matter = in_back_matter or opens_back_matter
        yield chapter, f"section-{index}", opens_back_matter


def _contents_lines(booklet: Booklet) -> list[Line]:
    """The contents as the pages will give it, less the page numbers."""
    lines: list[Line] = []
    for chapter, key, first_back in _sections(booklet):
        lines.append((*contents_line(chapter, first_back), 0, key))
    return lines


def _figure_lines(booklet: Booklet) -> list[Line]:
    """The list of figures in reading order, less the page numbers."""
    return [
        (*figure_line(block.number, block.title), 0, figure_key(block.number))
        for chapter in booklet.chapters
        for block in chapter.blocks
        if isinstance(block, FigureBlock | PictureBlock)
    ]
