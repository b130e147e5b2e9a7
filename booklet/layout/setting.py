"""What every part of the booklet needs to become flowables: styles, notes, words, measures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from booklet.document import Paragraph

from .labels import Labels
from .notes import FootnoteArea
from .pages import WaitingFigures
from .typography import Typography


@dataclass(frozen=True, slots=True)
class Setting:
    typography: Typography
    notes: FootnoteArea
    labels: Labels
    text_width: float  # points
    text_height: float
    sink: float  # the space above a chapter's title
    chapters_open_right: bool
    link_colour: str  # "#rrggbb", for links in the text
    pictures_in_grey: bool = False
    note_labels: Mapping[int, str] = field(default_factory=dict)  # when not the note's number
    entry_anchors: Mapping[Paragraph, str] = field(default_factory=dict)  # bibliography entries
    waiting: WaitingFigures = field(default_factory=WaitingFigures)  # shared with the pages
