"""What every part of the booklet needs to become flowables: styles, notes, words, measures."""

from __future__ import annotations

from dataclasses import dataclass

from .labels import Labels
from .notes import FootnoteArea
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
