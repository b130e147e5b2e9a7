"""Warn of characters the booklet's fonts cannot draw, before they print as empty boxes.

A saved web page may hold Hebrew, Arabic, Chinese or emoji, and a template from
another project may too. A TrueType font draws only the characters its cmap
lists; for any other, ReportLab silently draws the font's "missing" glyph, an
empty box or nothing. The build goes on (the rest of the booklet is fine), but
the curator is told which characters, where they come from, and what to do.

Titles are set in the heading font and repeated in the body font (contents,
running heads), so they are checked against both; all other text against the
body font. The regular face stands for its family: the other faces of a family
cover the same characters, give or take a rare sign.
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from booklet.diagnostics import Location, Problem
from booklet.document import Booklet, Heading
from booklet.project import MANIFEST
from booklet.sources import Corpus

from .style import Style, Typeface
from .typefaces import parsed_font

SHOWN = 5  # characters named in a warning; the rest are counted
PLACES = 3  # sources or templates named in a warning
_NOT_DRAWN = frozenset({"description", "link", "origin", "role", "kind", "mode"})
_TITLES = frozenset({"title", "header"})
_MANIFEST = Location(Path(MANIFEST))

Text = tuple[str, Location | None, bool]  # the text, where it was written, whether a title


def missing_glyphs(
    booklet: Booklet, style: Style, corpus: Corpus, besides: Booklet | None = None
) -> list[Problem]:
    """One warning for each font that lacks characters the booklet prints. With `besides`
    (the booklet, when this is its handout), only for the characters not already named
    in its warnings."""
    named = _missing(besides, style) if besides is not None else {}
    what = "booklet" if besides is None else "handout"
    problems = []
    for typeface, missing in _missing(booklet, style).items():
        new = {c: where for c, where in missing.items() if c not in named.get(typeface, {})}
        if new:
            problems.append(_warning(typeface, new, corpus, what))
    return problems


def _missing(booklet: Booklet, style: Style) -> dict[Typeface, dict[str, Location | None]]:
    """For each font, the characters it lacks, in the order they are met, and where first."""
    families = [style.body_font]
    if style.heading_font.regular != style.body_font.regular:
        families.append(style.heading_font)
    texts = [
        *_drawn((booklet.cover, booklet.back_cover), _MANIFEST, is_title=False),
        *_drawn((booklet.chapters, booklet.notes, booklet.colophon), None, is_title=False),
    ]
    lacking: dict[Typeface, dict[str, Location | None]] = {}
    for typeface in families:
        has = _characters(typeface.regular)
        missing = lacking.setdefault(typeface, {})
        for text, origin, is_title in texts:
            if (typeface is style.body_font or is_title) and not has.issuperset(text):
                for character in text:  # in order, so the warning reads the same every time
                    if character not in has and _is_drawn(character):
                        missing.setdefault(character, origin)
    return lacking


@functools.cache
def _characters(font: Path) -> frozenset[str]:
    """Every character the font's cmap maps to a glyph, from the font the layout uses."""
    return frozenset(map(chr, parsed_font(font).face.charToGlyph))


def _is_drawn(character: str) -> bool:
    return not character.isspace() and unicodedata.category(character) != "Cc"


def _drawn(node: object, origin: Location | None, *, is_title: bool) -> Iterator[Text]:
    """Every piece of text the node puts on a page, with the template line it comes from."""
    if isinstance(node, str):
        yield node, origin, is_title
    elif isinstance(node, tuple):
        for item in node:
            yield from _drawn(item, origin, is_title=is_title)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        origin = getattr(node, "origin", None) or origin
        for field in dataclasses.fields(node):
            if field.name not in _NOT_DRAWN:
                title = is_title or field.name in _TITLES or isinstance(node, Heading)
                yield from _drawn(getattr(node, field.name), origin, is_title=title)


def _warning(
    typeface: Typeface, missing: dict[str, Location | None], corpus: Corpus, what: str
) -> Problem:
    found_in = _in_sources(corpus, set(missing))
    places: dict[str, Location | None] = {}
    for character, origin in missing.items():
        if character in found_in:
            source_id, location = found_in[character]
            places.setdefault(f"source '{source_id}'", location)
        elif origin is not None:
            places.setdefault(origin.path.as_posix(), origin)
    shown = ", ".join(
        f"{character} (U+{ord(character):04X})" for character in list(missing)[:SHOWN]
    )
    more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    named = list(places)[:PLACES] + (["…"] if len(places) > PLACES else [])
    where = f"; they come from {', '.join(named)}" if named else ""
    return Problem(
        next(iter(places.values()), None),
        f"the font {typeface.family} ({typeface.regular.name}) cannot draw {len(missing)} "
        f"character{'s' if len(missing) > 1 else ''} of the {what}: {shown}{more}{where}",
        hint="they would print as empty boxes: choose a font that has them in "
        "assets/style.toml [fonts], or put one in assets/fonts/",
        severity="warning",
    )


def _in_sources(corpus: Corpus, characters: set[str]) -> dict[str, tuple[str, Location | None]]:
    """For each character found in a source, that source and the first place holding it."""
    found: dict[str, tuple[str, Location | None]] = {}
    for source_id, text, location in _source_texts(corpus):
        for character in characters.intersection(text):
            found.setdefault(character, (source_id, location))
        if len(found) == len(characters):
            break
    return found


def _source_texts(corpus: Corpus) -> Iterator[tuple[str, str, Location | None]]:
    for source in corpus.sources:
        info = source.info
        for paragraph in source.paragraphs:
            yield info.id, paragraph.text, paragraph.origin
        for text in (info.file, info.title, info.author, info.publisher, *source.headings):
            if text:
                yield info.id, text, info.origin
    for entry in corpus.glossary:
        yield entry.source_id, f"{entry.term} {entry.definition}", entry.origin
