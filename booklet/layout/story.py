"""The booklet as one list of flowables, front cover to back cover, in reading order."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet.document import Booklet, FigureBlock, PictureBlock

from .covers import BackCoverPage, ColophonPage, FrontCover
from .flowables import chapter_flowables, title_flowables
from .markup import escape_text, inline_markup
from .navigation import SectionMark, contents_table, figures_table
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
    in_back_matter = False
    for index, chapter in enumerate(booklet.chapters, start=1):
        opens_back_matter = chapter.kind == "back" and not in_back_matter
        in_back_matter = in_back_matter or opens_back_matter
        story += chapter_flowables(chapter, f"section-{index}", setting, opens_back_matter)
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
        story.append(contents_table(typography))
    if any(
        isinstance(block, FigureBlock | PictureBlock)
        for chapter in booklet.chapters
        for block in chapter.blocks
    ):
        story += [
            Paragraph(escape_text(setting.labels.figures), typography.contents_heading),
            figures_table(typography),
        ]
    return story
