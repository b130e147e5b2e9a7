"""Turn chapters and their blocks into ReportLab flowables.

Text reaches ReportLab only through `markup`, which escapes it. A block that
cites notes is wrapped in `Footnoted`, so its notes go to the foot of its page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import ActionFlowable

from booklet import document as doc

from .figures import figure_flowable
from .long_paragraphs import JoinedParagraph, in_pieces, refuse_too_long
from .markup import escape_text, inline_markup
from .navigation import SectionMark, contents_line
from .notes import Footnoted, notes_in
from .pages import StartPage
from .pictures import picture_flowable
from .setting import Setting

SHORT_TABLE = 8  # rows; a table this short moves on whole rather than split
_NUMBER = re.compile(r"[\u2212+-]?[$€£¥]?\s?\d[\d,. \u202f\u00a0]*%?")


class QuoteParagraph(JoinedParagraph):
    """A quoted passage with a thin rule beside it, on every page it runs over."""

    def draw(self) -> None:
        super().draw()
        x = self.style.leftIndent - 3 * mm
        bottom = 0 if self.joins_next else 0.2 * self.style.leading  # meet the next piece's
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.style.borderColor)
        canvas.setLineWidth(0.8)
        canvas.line(x, bottom, x, self.height)
        canvas.restoreState()


def chapter_flowables(
    chapter: doc.Chapter, key: str, setting: Setting, first_back: bool
) -> list[Flowable]:
    """A chapter from its opening page on; back matter is set the same way, unnumbered."""
    typography = setting.typography
    number = chapter.number if chapter.kind == "chapter" else None
    opening: list[Flowable] = [
        StartPage("odd" if setting.chapters_open_right else "any"),
        SectionMark(key, chapter.title, chapter.origin, contents_line(chapter, first_back)),
        Spacer(1, setting.sink),
    ]
    if number is not None:
        opening.append(Paragraph(str(number), typography.chapter_number))
    opening += title_flowables(chapter.title, setting)
    return opening + block_flowables(chapter.blocks, setting)


def title_flowables(title: str, setting: Setting) -> list[Flowable]:
    """A chapter title and the short rule under it."""
    typography = setting.typography
    return [
        Paragraph(escape_text(title), typography.chapter_title),
        HRFlowable(
            width=12 * mm,
            thickness=0.9,
            color=typography.colours.accent,
            spaceBefore=0.55 * typography.leading,
            spaceAfter=1.6 * typography.leading,
            hAlign="LEFT",
            lineCap="butt",
        ),
    ]


def block_flowables(blocks: Sequence[doc.Block], setting: Setting) -> list[Flowable]:
    flowables: list[Flowable] = []
    headings: list[Flowable] = []  # waiting for the block they introduce
    previous: doc.Block | None = None
    for block in blocks:
        flowable, *more = block_flowables_of(block, previous, setting)
        if not isinstance(block, doc.FigureBlock | doc.PictureBlock):  # figures float past text
            previous = block
        if isinstance(block, doc.Heading):
            headings.append(flowable)
            continue
        while headings:
            flowable = HeadingWithNext(headings.pop(), flowable)
        flowables += [flowable, *more]
    return flowables + headings


class HeadingWithNext(Flowable):  # type: ignore[misc]
    """A heading and the block it introduces: the heading never ends a page on its own.

    Unlike ReportLab's keepWithNext, which moves the whole next block when it does
    not fit, this lets a long paragraph start under its heading and run over.
    """

    def __init__(self, heading: Flowable, following: Flowable) -> None:
        super().__init__()
        self.heading = heading
        self.following = following

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, _ALWAYS_SPLIT  # so the frame asks split() how to place the two

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # On the frame's canvas: ReportLab's KeepTogether cannot be measured without one.
        _, heading_height = self.heading.wrapOn(self.canv, available_width, available_height)
        gap = max(self.heading.getSpaceAfter(), self.following.getSpaceBefore())
        room = available_height - heading_height - gap
        if room > 0:
            _, height = self.following.wrapOn(self.canv, available_width, room)
            if height <= room:
                return [self.heading, self.following]
            parts = self.following.splitOn(self.canv, available_width, room)
            if parts and not isinstance(parts[0], ActionFlowable):
                return [self.heading, *parts]
        if getattr(getattr(self, "_frame", None), "_atTop", False):
            return [self.heading, self.following]  # too big for any page: let them part
        return []

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.heading.getSpaceBefore())


_ALWAYS_SPLIT = 0xFFFFFF


def block_flowables_of(
    block: doc.Block, previous: doc.Block | None, setting: Setting
) -> list[Flowable]:
    """One flowable for a block, or, for a very long paragraph or quotation, its pieces."""
    typography = setting.typography
    if isinstance(block, doc.Paragraph):
        return paragraph_flowables(block, previous, setting)
    if isinstance(block, doc.Heading):
        style = typography.heading if block.level <= 2 else typography.subheading
        return [Paragraph(escape_text(block.text), style)]
    if isinstance(block, doc.BlockQuote):
        quote = QuoteParagraph(_markup(block.content, setting), typography.quote)
        return _pieces_with_notes(quote, block, "quotation", setting)
    if isinstance(block, doc.FigureBlock):
        return [figure_flowable(block, setting)]
    if isinstance(block, doc.PictureBlock):
        return [picture_flowable(block, setting)]
    return [table_flowable(block, setting)]


def paragraph_flowables(
    block: doc.Paragraph, previous: doc.Block | None, setting: Setting
) -> list[Flowable]:
    typography = setting.typography
    continues_text = isinstance(previous, doc.Paragraph) and previous.role in ("body", "lead")
    style = {
        "body": typography.body if continues_text else typography.first,
        "lead": typography.lead,
        "entry": typography.entry,
        "small": typography.small,
    }[block.role]
    markup = _markup(block.content, setting)
    if (anchor := setting.entry_anchors.get(block)) is not None:
        markup = f'<a name="{anchor}"/>{markup}'  # where a note's link to this entry leads
    return _pieces_with_notes(JoinedParagraph(markup, style), block, "paragraph", setting)


def table_flowable(block: doc.Table, setting: Setting) -> Flowable:
    """A ruled table (rules above, under the header, below), its header repeated overleaf."""
    typography = setting.typography
    rows = [list(block.header), *(list(row) for row in block.rows)]
    columns = max(len(row) for row in rows)
    if not columns:
        return Spacer(1, 0)  # an empty table prints nothing
    rows = [row + [()] * (columns - len(row)) for row in rows]
    numeric = [
        all(_is_number(_plain(row[column])) for row in rows[1:] if _plain(row[column]))
        and any(_plain(row[column]) for row in rows[1:])
        for column in range(columns)
    ]
    styles = {
        (True, False): typography.table_header,
        (True, True): typography.table_header_number,
        (False, False): typography.table_cell,
        (False, True): typography.table_number,
    }
    cells = [
        [
            Paragraph(_markup(cell, setting), styles[index == 0, numeric[column]])
            for column, cell in enumerate(row)
        ]
        for index, row in enumerate(rows)
    ]
    ink = typography.colours.ink
    padding = 0.18 * typography.leading
    table = Table(
        cells,
        colWidths=_column_widths(rows, setting.text_width),
        repeatRows=1,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), typography.body_font.regular),  # else Helvetica
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, ink),
                ("LINEBELOW", (0, 0), (-1, 0), 0.4, ink),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, ink),
            ]
        ),
    )
    table.spaceBefore = table.spaceAfter = 0.8 * typography.leading
    if len(block.rows) <= SHORT_TABLE:  # not worth splitting: a row or two alone looks lost
        return _with_notes(KeepTogether([table]), setting)
    return _with_notes(table, setting)


def _column_widths(rows: Sequence[Sequence[tuple[doc.Inline, ...]]], width: float) -> list[float]:
    """Share the width by the longest text of each column, within limits."""
    weights = [
        min(max((len(_plain(row[column])) for row in rows), default=1), 40) + 4
        for column in range(len(rows[0]))
    ]
    return [width * weight / sum(weights) for weight in weights]


def _plain(content: Iterable[doc.Inline]) -> str:
    return "".join(item.text for item in content if isinstance(item, doc.Span)).strip()


def _is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def _markup(content: Iterable[doc.Inline], setting: Setting) -> str:
    return inline_markup(content, setting.link_colour, note_labels=setting.note_labels)


def _pieces_with_notes(
    paragraph: JoinedParagraph,
    block: doc.Paragraph | doc.BlockQuote,
    kind: str,
    setting: Setting,
) -> list[Flowable]:
    text = _plain(block.content)
    refuse_too_long(text, block.origin, kind)
    pieces = in_pieces(paragraph, len(text), setting.text_width)
    return [_with_notes(piece, setting) for piece in pieces]


def _with_notes(flowable: Flowable, setting: Setting) -> Flowable:
    return Footnoted(flowable, setting.notes) if notes_in(flowable) else flowable
