"""Turn inline content into ReportLab paragraph markup, treating all source text as data.

Every character of a Span is escaped, so "<img …>", "AT&T" or "&bogus;" in a
source print as written; the only tags in the result are the ones made here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from booklet.document import Inline, NoteRef, Span

NOTE_TARGET = "note-"  # where a marker leads: the note, "#note-12"
REF_TARGET = "ref-"  # where a note's number leads back to: its marker
_UNSAFE_IN_URL = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
_IN_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_INITIAL = re.compile(r"(?<![\w.])([^\W\d_])\. (?=[^\W\d_])")  # "A. M. Vasilevsky"
_SOFT_HYPHEN = "\u00ad"
NO_BREAK_SPACE = "\u00a0"


def escape_text(text: str) -> str:
    """Source text as the content of paragraph markup (see `escape_attribute` for attributes).

    A line may break after the hyphen of "Sino-Japanese". When ReportLab breaks
    the paragraph's lines again (on a later pass, or the rest of a split
    paragraph), it rejoins the two pieces and, if they are one fragment, strips
    the hyphen as if it had added it: "SinoJapanese" (ReportLab 5.1,
    `_rejoinSplitFragWords`). Pieces of two fragments are rejoined as they are,
    so an empty tag after the hyphen starts a new fragment.

    Soft hyphens are left out, as the sources stage leaves them out of source
    text: ReportLab 5.1 loses the space after a word holding one when a new
    fragment follows ("co\u00adoperation & aid" printed "cooperation& aid"),
    and hyphenation finds the places to break words by itself.
    """
    text = text.replace(_SOFT_HYPHEN, "")
    return _IN_WORD_HYPHEN.sub("-<span/>", escape(keep_initials_with_names(text)))


def keep_initials_with_names(text: str) -> str:
    """ "A. M. Vasilevsky" with no-break spaces, so no line ends after an initial."""
    return _INITIAL.sub(_no_break_after_initial, text)


def _no_break_after_initial(found: re.Match[str]) -> str:
    initial = found.group(1)
    following = found.string[found.end()]
    if initial.isupper() and following.isupper():
        return f"{initial}.{NO_BREAK_SPACE}"
    return found.group(0)


def escape_attribute(value: str) -> str:
    return escape(value).replace('"', "&quot;")


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities (xml.sax.saxutils would do it, but importing it pulls in
    urllib and ssl: 16 ms of every build)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_link(url: str) -> str | None:
    """The address if a reader may be sent there (http, https, mailto), else None."""
    url = url.strip()
    if not url or _UNSAFE_IN_URL.search(url):
        return None
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return url
    if parts.scheme == "mailto" and parts.path:
        return url
    return None


def inline_markup(
    content: Iterable[Inline],
    link_colour: str,
    with_notes: bool = True,
    note_labels: Mapping[int, str] | None = None,
) -> str:
    """Markup for inline content; `with_notes=False` leaves out note markers (covers, notes).

    A marker shows its note's label if `note_labels` has one (notes numbered per
    chapter), else the note's number.
    """
    labels = note_labels or {}
    return "".join(
        (note_marker(item.number, labels.get(item.number)) if with_notes else "")
        if isinstance(item, NoteRef)
        else _span(item, link_colour)
        for item in content
    )


def note_marker(number: int, label: str | None = None) -> str:
    """A raised note number (or label) that links to the note at the foot of the page."""
    raised = f'<super size="64%" rise="36%">{escape(label or str(number))}</super>'
    return f'<a name="{REF_TARGET}{number}"/><a href="#{NOTE_TARGET}{number}">{raised}</a>'


def _span(span: Span, link_colour: str) -> str:
    text = escape_text(span.text)
    if span.emphasis:
        text = f"<i>{text}</i>"
    if span.strong:
        text = f"<b>{text}</b>"
    href = safe_link(span.link) if span.link else None
    if href is not None:
        text = f'<a href="{escape_attribute(href)}" color="{link_colour}">{text}</a>'
    return text
