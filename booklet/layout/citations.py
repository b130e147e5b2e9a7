"""Links from the notes to the bibliography: a reader taps a source's title to see its entry.

The document tree says nothing about which entry a note cites, so it is read
off the text. A bibliography entry names its title in quotes ("Operation Zet.")
or in italics (a book's); a note names the same title, often shortened to the
words before the colon ("Soviet Contribution"). Each entry gets an anchor, and
the first mention of its title in a note becomes a link to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from booklet.document import Booklet, Inline, Span
from booklet.document import Paragraph as DocParagraph

from .markup import escape_attribute, escape_text, inline_markup

ENTRY_TARGET = "entry-"
_QUOTED = re.compile(r"“([^”]+?)[,.;:]?”")
_SHORTEST_TITLE = 3  # characters; shorter is too likely to be an ordinary word


@dataclass(frozen=True, slots=True)
class Bibliography:
    """The entries that can be linked to: each entry's anchor, and each title's entry."""

    anchors: Mapping[DocParagraph, str]
    titles: Mapping[str, str]  # a title as written in the entry -> the entry's anchor


def bibliography(booklet: Booklet) -> Bibliography:
    """Anchors for the entries of the bibliography: the back-matter section of titled entries.

    When several sections list titled entries (notes on the sources, say), the one
    that gives most titles in quotes, as bibliographies do, is taken.
    """
    sections = [
        [
            block
            for block in chapter.blocks
            if isinstance(block, DocParagraph) and block.role == "entry"
        ]
        for chapter in booklet.chapters
        if chapter.kind == "back"
    ]
    titled = [[(entry, entry_title(entry.content)) for entry in section] for section in sections]
    if not titled:
        return Bibliography({}, {})
    chosen = max(titled, key=lambda section: sum(kind == "quoted" for _, (_, kind) in section))
    anchors: dict[DocParagraph, str] = {}
    titles: dict[str, str] = {}
    for entry, (title, _) in chosen:
        if title is None or title in titles or entry in anchors:
            continue
        anchors[entry] = titles[title] = f"{ENTRY_TARGET}{len(anchors) + 1}"
    return Bibliography(anchors, titles)


def entry_title(content: Iterable[Inline]) -> tuple[str | None, str]:
    """The title an entry names, and how: just inside an opening quote, or its first italics."""
    spans = [item for item in content if isinstance(item, Span)]
    for before, span in pairwise(spans):
        if before.text.endswith("“") and len(span.text.strip()) >= _SHORTEST_TITLE:
            return span.text.strip(), "quoted"
    for span in spans[:3]:
        text = span.text.strip()
        if span.emphasis and len(text) >= _SHORTEST_TITLE and not text.startswith("("):
            return text, "italic"
    return None, ""


def note_markup(content: Iterable[Inline], link_colour: str, bibliography: Bibliography) -> str:
    """A note's markup, its first mention of a title in the bibliography linked to the entry."""
    linked = False
    parts = []
    for item in content:
        if linked or not isinstance(item, Span) or item.link is not None:
            parts.append(inline_markup([item], link_colour, with_notes=False))
            continue
        found = _cited_title(item, bibliography)
        if found is None:
            parts.append(inline_markup([item], link_colour, with_notes=False))
            continue
        start, end, anchor = found
        before, title, after = item.text[:start], item.text[start:end], item.text[end:]
        link = f'<a href="#{escape_attribute(anchor)}" color="{link_colour}">'
        parts.append(
            _styled(escape_text(before), item)
            + link
            + _styled(escape_text(title), item)
            + "</a>"
            + _styled(escape_text(after), item)
        )
        linked = True
    return "".join(parts)


def _cited_title(span: Span, bibliography: Bibliography) -> tuple[int, int, str] | None:
    """Where the span names a title of the bibliography, and that entry's anchor."""
    candidates = [(found.start(1), found.end(1)) for found in _QUOTED.finditer(span.text)]
    if span.emphasis:
        candidates.append((0, len(span.text.rstrip(" ,.;:"))))
    for start, end in candidates:
        named = span.text[start:end].strip()
        if len(named) < _SHORTEST_TITLE:
            continue
        for title, anchor in bibliography.titles.items():
            if title == named or title.startswith((f"{named}:", f"{named} ")):
                return start, end, anchor
    return None


def _styled(markup: str, span: Span) -> str:
    if not markup:
        return ""
    if span.emphasis:
        markup = f"<i>{markup}</i>"
    if span.strong:
        markup = f"<b>{markup}</b>"
    return markup
