"""Typeset the document tree into the digital edition: the PDF readers open and print.

Stage 5 of the pipeline, and with impose the only one that knows ReportLab.
The booklet is laid out as a small book: cover, colophon, contents, chapters
opening on right-hand pages, footnotes on the page of their marker, back cover.
The handout (`layout_handout`) is set from the same blocks on one sheet.
"""

from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus.doctemplate import LayoutError

from booklet.diagnostics import BookletError, Problem
from booklet.document import Booklet
from booklet.project import Paper

from .citations import bibliography, note_markup
from .figures import parse_drawings
from .handout import layout_handout
from .labels import labels_for
from .navigation import document_info
from .notes import FootnoteArea, note_labels, refuse_undefined_notes
from .pages import BookletTemplate, PageGeometry, Section
from .setting import Setting
from .story import booklet_story
from .style import Style, load_style
from .typography import typography

__all__ = ["Style", "layout", "layout_handout", "load_style", "parse_drawings"]

# Streams as binary, not ASCII85 text: a quarter smaller for pictures and fonts, and
# read by every PDF reader since PDF 1.0. (ReportLab reads this when it writes a stream.)
rl_config.useA85 = 0

MIN_TEXT_WIDTH = 40 * mm  # narrower, and a line holds too few words to justify


def layout(booklet: Booklet, style: Style, paper: Paper) -> bytes:
    """The booklet as PDF bytes; the same booklet, style and paper give the same bytes."""
    style = style.for_paper(paper)
    geometry = PageGeometry.of(paper, style.margins)
    _refuse_what_cannot_be_set(booklet, geometry, paper)
    fonts = typography(style, booklet.language)
    entries = bibliography(booklet)
    labels = note_labels(booklet, style.note_numbering)
    notes = FootnoteArea(
        {note.number: note_markup(note.content, style.accent, entries) for note in booklet.notes},
        fonts.note,
        fonts.colours.rule,
        geometry.text_width,
        max_height=0.4 * geometry.text_height,
        labels=labels,
    )
    setting = Setting(
        typography=fonts,
        notes=notes,
        labels=labels_for(booklet.language),
        text_width=geometry.text_width,
        text_height=geometry.text_height,
        sink=0.13 * geometry.text_height,
        chapters_open_right=style.chapters_open_right,
        link_colour=style.accent,
        pictures_in_grey=style.pictures_in_grey,
        note_labels=labels,
        entry_anchors=entries.anchors,
    )
    buffer = io.BytesIO()
    template = BookletTemplate(
        buffer, geometry, fonts, notes, setting.waiting, document_info(booklet)
    )
    story = booklet_story(booklet, setting, geometry)
    try:
        template.multiBuild(story)
    except LayoutError:
        raise BookletError(_layout_problem(template.section)) from None
    return buffer.getvalue()


def _refuse_what_cannot_be_set(booklet: Booklet, geometry: PageGeometry, paper: Paper) -> None:
    refuse_undefined_notes(booklet, "booklet", "chapter")
    if geometry.text_width < MIN_TEXT_WIDTH or geometry.text_height < 2 * MIN_TEXT_WIDTH:
        raise BookletError(
            Problem(
                None,
                "the margins of the style sheet leave too little room for text"
                f" on {paper.name} paper",
                hint="make the [margins] in assets/style.toml smaller",
            )
        )


def _layout_problem(section: Section) -> Problem:
    where = f"“{section.title}”" if section.title else "the front matter"
    return Problem(
        section.origin,
        f"a block in {where} does not fit on a page",
        hint="shorten or split it: a table row, figure or note in it is taller than the page",
    )
