"""Very long paragraphs, set in pieces so that laying them out stays linear in their length.

When ReportLab splits a paragraph at the foot of a page, it makes a new paragraph
of the rest and wraps all of it again, so a paragraph that runs over many pages
costs time in the square of its length: a saved document of one 100,000-character
line took seconds to set, one of 200,000 close to a minute. So a paragraph longer
than `PIECE_CHARACTERS` is wrapped once, at the width of the text, and cut between
its lines into pieces of `LINES_PER_PIECE` lines, which ReportLab sets one after
another. Each piece wraps to the same lines again (the same words in the same
width), and the joints do not show: a later piece starts at the margin with no
space above, an earlier one has no space below and its last line is justified like
any line inside a paragraph, and widows and orphans are judged only at the
paragraph's own ends.

Set that way, a paragraph takes about a second per 100,000 characters, so past
`LONGEST_PARAGRAPH` one is refused: it is a saved document that lost its line
breaks, not a paragraph anyone will read, and the curator can quote part of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from booklet.diagnostics import Location, Problem, ProblemsFoundError

if TYPE_CHECKING:
    from collections.abc import Callable

# Up to this a paragraph is set whole, as ReportLab would: the default booklet's longest
# has about 800 characters, and one of 10,000 (four A5 pages) sets in a tenth of a second
# either way. Pieces begin to pay from about 20,000.
PIECE_CHARACTERS = 5_000
# About a third of an A5 page: short enough that splitting a piece at a page's foot
# is cheap, long enough that the tail of a paragraph is not left in a tiny piece.
LINES_PER_PIECE = 15
# A whole build with a paragraph of 300,000 characters took 2 to 3 s on a two-core
# machine (1,000,000: 7 to 10 s); a computer twice as slow still sets it in about 5 s,
# which is as long as one paragraph may hold up a build. It runs over some 110 A5 pages.
LONGEST_PARAGRAPH = 300_000
_OPENING_WORDS = 8  # of a refused paragraph, to find it by
_TALL = 1e9  # points: room enough to wrap a whole paragraph in one go


class JoinedParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph that may be one piece of a longer one, run on into the next piece."""

    joins_next = False  # its last line is not the paragraph's last

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(available_width, available_height)
        if self.joins_next and parts:  # the part with the piece's last line still runs on
            parts[-1].joins_next = True
            parts[-1]._JustifyLast = True  # ReportLab's flag: justify the last line too
        return parts


def in_pieces(paragraph: JoinedParagraph, text_length: int, width: float) -> list[Paragraph]:
    """The paragraph itself if it is short, else its pieces, each of the paragraph's class."""
    if text_length <= PIECE_CHARACTERS:
        return [paragraph]
    paragraph.wrap(width, _TALL)
    lines = paragraph.blPara.lines
    starts = list(range(0, len(lines), LINES_PER_PIECE))
    if len(starts) > 1 and len(lines) - starts[-1] < LINES_PER_PIECE:
        starts.pop()  # the last few lines go with the piece before
    if len(starts) == 1:
        return [paragraph]
    # ReportLab's own way to take the words of some of a wrapped paragraph's lines.
    words_of: Callable[[object, int, int], list[object]] = paragraph._get_split_blParaFunc()
    ends = [*starts[1:], len(lines)]
    styles = _piece_styles(paragraph.style)
    pieces: list[Paragraph] = []
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        place = "first" if index == 0 else "last" if end == len(lines) else "middle"
        piece = type(paragraph)(None, styles[place], frags=words_of(paragraph.blPara, start, end))
        if place != "last":
            piece.joins_next = True
            piece._JustifyLast = True
        pieces.append(piece)
    return pieces


def refuse_too_long(text: str, origin: Location | None, kind: str) -> None:
    """Stop the build at a paragraph (or quotation: `kind`) too long to set in good time."""
    if len(text) <= LONGEST_PARAGRAPH:
        return
    opening = " ".join(text.split(maxsplit=_OPENING_WORDS)[:_OPENING_WORDS])
    raise ProblemsFoundError(
        [
            Problem(
                origin,
                f"a {kind} of {len(text):,} characters (“{opening} …”) is too long to set: "
                f"a paragraph may hold at most {LONGEST_PARAGRAPH:,}",
                hint='quote only part of it, with excerpt("source-id", "exact words"), or save '
                "the document again with a line break between its paragraphs",
            )
        ]
    )


def _piece_styles(style: ParagraphStyle) -> dict[str, ParagraphStyle]:
    """The paragraph's style for its first, middle and last pieces: no seam between them."""
    return {
        "first": ParagraphStyle(f"{style.name}-first", style, spaceAfter=0, allowWidows=1),
        "middle": ParagraphStyle(
            f"{style.name}-middle",
            style,
            firstLineIndent=0,
            spaceBefore=0,
            spaceAfter=0,
            allowWidows=1,
            allowOrphans=1,
        ),
        "last": ParagraphStyle(
            f"{style.name}-last", style, firstLineIndent=0, spaceBefore=0, allowOrphans=1
        ),
    }
