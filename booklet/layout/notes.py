"""Footnotes: each note at the foot of the page that holds its marker.

ReportLab has no footnotes, so the body frame is shrunk instead: a block that
cites notes (a `Footnoted`) reports its height plus its notes' when asked if it
fits, keeps its notes with the part that holds their markers when it splits,
and once placed raises the bottom of the frame by their height. The notes are
drawn in that space when the page ends. A note taller than `max_height` is
split, and the rest carried to the next page under a full-width rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable

from booklet.diagnostics import BookletError, Problem
from booklet.document import (
    Block,
    BlockQuote,
    Booklet,
    FigureBlock,
    Inline,
    NoteRef,
    Table,
)
from booklet.document import Paragraph as DocParagraph

from .markup import NOTE_TARGET, REF_TARGET

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from .pages import BookletTemplate

SHORT_RULE = 0.28  # of the text width: the rule over the notes


class FootnoteArea:
    """The notes of the page being laid out, and any note carried over from the page before."""

    def __init__(
        self,
        notes: Mapping[int, str],
        style: ParagraphStyle,
        rule_colour: Color,
        width: float,
        max_height: float,
        labels: Mapping[int, str] | None = None,
    ) -> None:
        self.notes = notes  # number -> markup
        self.labels = labels or {}  # number -> what the note is called, if not its number
        self.style = style
        self.rule_colour = rule_colour
        self.width = width
        self.max_height = max_height
        self.gap = float(style.leading) * 0.2  # between two notes
        self.separator = float(style.leading) * 1.5  # space for the rule above the first note
        # Each note set at the width of the text, and its height: made once for all passes.
        self._set: dict[int, tuple[Paragraph, float]] = {}
        self.reset()

    def reset(self) -> None:
        """Forget everything: a new build pass starts."""
        self.on_page: list[int] = []
        self.carried: list[Flowable] = []  # continued from the page before
        self._carry: list[Flowable] = []  # to continue on the next page

    def begin_page(self) -> float:
        """Start a page; the height kept at its foot for notes carried from the last one."""
        self.on_page = []
        self.carried, self._carry = self._carry, []
        if not self.carried:
            return 0.0
        heights = [min(self._height(part), self.max_height) for part in self.carried]
        return self.separator + sum(heights) + self.gap * len(heights)

    def height_for(self, numbers: Iterable[int]) -> float:
        """How much the notes area grows if a block citing these notes lands on this page."""
        new = [n for n in dict.fromkeys(numbers) if n in self.notes and n not in self.on_page]
        if not new:
            return 0.0
        height = sum(min(self._note_height(n), self.max_height) + self.gap for n in new)
        if not self.on_page and not self.carried:
            height += self.separator
        return height

    def height_alone(self, flowable: Flowable) -> float:
        """The room the notes a block cites take on a page of their own."""
        numbers = [n for n in dict.fromkeys(notes_in(flowable)) if n in self.notes]
        if not numbers:
            return 0.0
        heights = (min(self._note_height(n), self.max_height) + self.gap for n in numbers)
        return self.separator + sum(heights)

    def place(self, numbers: Iterable[int]) -> None:
        for number in dict.fromkeys(numbers):
            if number in self.notes and number not in self.on_page:
                self.on_page.append(number)

    def _paragraph(self, number: int) -> Paragraph:
        markup = f'<a name="{NOTE_TARGET}{number}"/>{self.notes[number]}'
        return Paragraph(markup, self.style, bulletText=self.labels.get(number, str(number)))

    def draw(self, canvas: Canvas, x: float, bottom: float) -> None:
        """Draw this page's notes upwards from `bottom`; a note too tall goes on overleaf."""
        pending: list[tuple[int | None, Flowable, float]]
        pending = [(None, part, self._height(part)) for part in self.carried]
        # In number order, even when a figure that waited brings an earlier note.
        pending += [(number, *self._note(number)) for number in sorted(self.on_page)]
        blocks: list[tuple[int | None, Flowable, float]] = []
        for number, note, height in pending:
            if height <= self.max_height:
                blocks.append((number, note, height))
                continue
            parts = note.split(self.width, self.max_height)
            if len(parts) == 2:
                blocks.append((number, parts[0], self._height(parts[0])))
            self._carry.append(parts[-1] if len(parts) == 2 else note)
        if blocks:
            self._draw_blocks(canvas, x, bottom, blocks)

    def _draw_blocks(
        self,
        canvas: Canvas,
        x: float,
        bottom: float,
        blocks: list[tuple[int | None, Flowable, float]],
    ) -> None:
        heights = [height for _, _, height in blocks]
        top = bottom + sum(heights) + self.gap * (len(blocks) - 1)
        rule_y = top + self.separator * 0.5
        canvas.saveState()
        canvas.setStrokeColor(self.rule_colour)
        canvas.setLineWidth(0.4)
        # A note continued from the page before sits under a rule across the whole measure.
        rule = self.width if self.carried else self.width * SHORT_RULE
        canvas.line(x, rule_y, x + rule, rule_y)
        canvas.restoreState()
        y = top
        for number, block, height in blocks:
            if number is not None:  # the note's number leads back to its marker
                label = (x, y - self.style.leading, x + self.style.leftIndent, y)
                canvas.linkRect("", f"{REF_TARGET}{number}", label)
            y -= height
            block.drawOn(canvas, x, y)
            y -= self.gap

    def _note_height(self, number: int) -> float:
        return self._note(number)[1]

    def _note(self, number: int) -> tuple[Paragraph, float]:
        """The note, wrapped at the width of the text (as drawn), and its height."""
        if (found := self._set.get(number)) is None:
            paragraph = self._paragraph(number)
            found = self._set[number] = (paragraph, self._height(paragraph))
        return found

    def _height(self, note: Flowable) -> float:
        return float(note.wrap(self.width, 1e6)[1])


class Footnoted(Flowable):  # type: ignore[misc]
    """A block that takes the notes it cites to the page where it lands."""

    def __init__(
        self, content: Flowable, area: FootnoteArea, markers: Sequence[int] | None = None
    ) -> None:
        super().__init__()
        self.content = content
        self.area = area
        # Every marker in reading order, repeats kept: how its parts are told theirs.
        self.markers = tuple(notes_in(content) if markers is None else markers)
        self.numbers = tuple(dict.fromkeys(self.markers))
        self.reserved = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        canvas = getattr(self, "canv", None)
        if canvas is not None:
            width, height = self.content.wrapOn(canvas, available_width, available_height)
        else:
            width, height = self.content.wrap(available_width, available_height)
        self.width, self.height = width, height
        self.reserved = self.area.height_for(self.numbers)
        # Too tall with its notes: say so, and the frame splits the block or moves it on.
        if height + self.reserved > available_height:
            return width, height + self.reserved
        return width, height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """The most text that fits with its notes, then the rest.

        The notes that need room depend on the markers in the first part, which depend
        on the room left for text. Heights are tried a line (`step`) apart, from all the
        room down. Text and notes both grow with the room for text, so whether a height
        fits changes once along the way, and it is found by halving: the first part at
        the height that would leave room for all the notes of the first try fits, since
        it holds no more of them. (A frame splits a long table or paragraph at most
        pages, so trying each line in turn cost a tenth of a build.)
        """
        step = float(getattr(getattr(self.content, "style", None), "leading", 0) or 6)

        def attempt(lines: int) -> tuple[list[Flowable], list[int], bool]:
            height = available_height - lines * step
            parts = self._split(available_width, height) if height > 0 else []
            first = notes_in(parts[0]) if parts else []
            # No parts: with less room it cannot split either, so no need to go lower.
            settled = not parts or height + self.area.height_for(first) <= available_height
            return parts, first, settled

        parts, first, settled = attempt(0)
        if not settled:
            fits = math.ceil(self.area.height_for(first) / step)  # settled there, at the latest
            too_tall = 0
            while fits - too_tall > 1:
                middle = (too_tall + fits) // 2
                if attempt(middle)[2]:
                    fits = middle
                else:
                    too_tall = middle
            parts, first, _ = attempt(fits)
        return self._footnoted(parts, first) if parts else []

    def _footnoted(self, parts: list[Flowable], first: list[int]) -> list[Flowable]:
        """The parts, those that hold markers wrapped so that their notes go with them.

        A paragraph splits in two in reading order, so the rest holds the markers the first
        part does not: reading the rest again at every page would make a long paragraph's
        layout quadratic in its length.
        """
        if isinstance(self.content, Paragraph) and len(parts) == 2:
            markers = [first, list(self.markers[len(first) :])]
        else:
            markers = [first, *map(notes_in, parts[1:])]
        return [
            part
            if isinstance(part, ActionFlowable) or not held
            else Footnoted(part, self.area, held)
            for part, held in zip(parts, markers, strict=True)
        ]

    def _split(self, available_width: float, available_height: float) -> list[Flowable]:
        if available_height <= 0:
            return []
        canvas = getattr(self, "canv", None)
        if canvas is not None:
            return list(self.content.splitOn(canvas, available_width, available_height))
        return list(self.content.split(available_width, available_height))

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        self.content.drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.content.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.content.getSpaceAfter())

    def on_placed(self, doc: BookletTemplate) -> None:
        self.area.place(self.numbers)
        doc.raise_frame_bottom(self.reserved)
        hook = getattr(self.content, "on_placed", None)
        if hook is not None:
            hook(doc)


def notes_in(flowable: Any) -> list[int]:
    """The note numbers whose markers a flowable holds, in reading order."""
    return list(_notes_in(flowable))


def _notes_in(flowable: Any) -> Iterator[int]:
    if isinstance(flowable, Footnoted):
        yield from flowable.numbers
    elif isinstance(flowable, Paragraph):
        yield from _markers(flowable.frags)
    elif isinstance(flowable, Sequence) and not isinstance(flowable, str):
        for item in flowable:
            yield from _notes_in(item)
    elif hasattr(flowable, "_cellvalues"):  # a Table, or a part of one
        yield from _notes_in(flowable._cellvalues)
    elif hasattr(flowable, "_content"):  # a figure, or ReportLab's KeepTogether
        yield from _notes_in(flowable._content)


def _markers(frags: Any) -> Iterator[int]:
    """Markers among a paragraph's fragments, whichever of ReportLab's shapes they take."""
    if isinstance(frags, list | tuple):
        for item in frags:
            yield from _markers(item)
        return
    if not getattr(frags, "text", ""):
        return
    for _, target in getattr(frags, "link", None) or ():
        if target.startswith(f"#{NOTE_TARGET}"):
            yield int(target.removeprefix(f"#{NOTE_TARGET}"))


def note_labels(booklet: Booklet, numbering: str) -> dict[int, str]:
    """What each note is called: its number, or with "chapter" numbering, from 1 in each chapter.

    A note cited in two chapters keeps the label of the first.
    """
    if numbering != "chapter":
        return {}
    labels: dict[int, str] = {}
    for chapter in booklet.chapters:
        count = 0
        for block in chapter.blocks:
            for ref in _note_refs(block):
                if ref.number not in labels:
                    count += 1
                    labels[ref.number] = str(count)
    return labels


def refuse_undefined_notes(booklet: Booklet, whole: str, part: str) -> None:
    """Stop at the first note a chapter cites that the booklet (or handout) does not hold.

    `whole` and `part` name what the reader knows: "booklet" and "chapter", or
    "handout" and "section".
    """
    defined = {note.number for note in booklet.notes}
    for chapter in booklet.chapters:
        for block in chapter.blocks:
            for ref in _note_refs(block):
                if ref.number not in defined:
                    raise BookletError(
                        Problem(
                            chapter.origin,
                            f"note {ref.number} is cited in “{chapter.title}” "
                            f"but the {whole} has no such note",
                            hint=f"every cited note needs its text; check the cite() calls "
                            f"of this {part}",
                        )
                    )


def _note_refs(block: Block) -> list[NoteRef]:
    if isinstance(block, DocParagraph | BlockQuote):
        inlines: tuple[Inline, ...] = block.content
    elif isinstance(block, FigureBlock):
        inlines = block.caption
    elif isinstance(block, Table):
        inlines = tuple(
            item for row in (block.header, *block.rows) for cell in row for item in cell
        )
    else:
        inlines = ()
    return [item for item in inlines if isinstance(item, NoteRef)]
