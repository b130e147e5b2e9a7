"""Turn the text of one saved document into numbered paragraphs of clean prose.

Each step removes one kind of noise and says what it removed, so a curator can
audit every cut: markup inside lines, inlined link definitions, web furniture,
front matter, captions, reference lists, watermarks, repeats and fragments.
What is left is split into paragraphs, each with a stable id and the line of the
saved file where it starts.
"""

from __future__ import annotations

from pathlib import Path

from booklet.diagnostics import Location

from .bylines import is_dateline, is_plain_byline, parse_byline
from .captions import find_captions
from .decode import normalise
from .front import read_front_matter
from .furniture import caption_of, remove_furniture
from .glosses import remove_glosses
from .inline import strip_inline_markup
from .lines import Cut, Line, ends_sentence, is_all_caps, split_lines, word_count
from .model import CleanedDocument, GlossaryEntry, Paragraph, Removal
from .paragraphs import Unit, find_headings, heading_text, split_units
from .references import find_reference_lists
from .repeats import judge_repeats
from .watermarks import remove_watermarks

_MAX_TRAILING_WORDS = 5


def clean_document(
    text: str,
    source_id: str,
    origin_path: Path,
    *,
    title: str | None = None,
    author: str | None = None,
) -> CleanedDocument:
    """Clean one document; `title` and `author` (from sources.toml) help find its front matter."""
    inline = strip_inline_markup(split_lines(normalise(text)))
    glossed = remove_glosses(inline.lines)
    furnished = remove_furniture(glossed.lines)
    front = read_front_matter(furnished.lines, title, author)
    body, byline_cuts, byline = _remove_bylines(front.lines, front.byline)
    cuts = [*inline.cuts, *glossed.cuts, *furnished.cuts, *front.cuts, *byline_cuts]
    furniture_captions = [
        (cut.line, caption) for cut in furnished.cuts if (caption := caption_of(cut)) is not None
    ]
    body_units, unit_cuts, captions = _set_aside(split_units(body))
    cuts.extend(unit_cuts)
    headings = find_headings(body_units)
    paragraphs = _paragraphs(body_units, headings, source_id, origin_path, cuts)

    def where(line: int) -> Location:
        return Location(origin_path, line)

    return CleanedDocument(
        paragraphs=paragraphs,
        glossary=tuple(
            GlossaryEntry(gloss.term, gloss.definition, source_id, where(gloss.line))
            for gloss in glossed.glosses
        ),
        removals=tuple(
            Removal(cut.rule, cut.text, where(cut.line))
            for cut in sorted(cuts, key=lambda cut: cut.line)
        ),
        headings=tuple(heading_text(body_units[index]) for index in sorted(headings)),
        byline=byline,
        captions=tuple(
            caption for _, caption in sorted([*captions, *inline.captions, *furniture_captions])
        ),
    )


def _remove_bylines(
    lines: list[Line], byline: str | None
) -> tuple[list[Line], list[Cut], str | None]:
    """Bylines below the front matter: "Posted by …", or a "By …" in capitals."""
    kept: list[Line] = []
    cuts: list[Cut] = []
    for line in lines:
        text = line.text.strip()
        name = parse_byline(text) if text else None
        if name is None or (is_plain_byline(text) and not is_all_caps(text[3:])):
            kept.append(line)
            continue
        cuts.append(Cut("byline", text, line.number))
        byline = byline or name
    return kept, cuts, byline


def _set_aside(units: list[Unit]) -> tuple[list[Unit], list[Cut], list[tuple[int, str]]]:
    """Take out captions, reference lists and the furniture trailing after the last paragraph."""
    cuts: list[Cut] = []
    captions: list[tuple[int, str]] = []
    found = find_captions([unit.text if unit.single_line else "" for unit in units])
    for index in sorted(found):
        captions.append((units[index].line, units[index].text))
        cuts.append(Cut("photo-caption", units[index].text, units[index].line))
    units = [unit for index, unit in enumerate(units) if index not in found]
    references = find_reference_lists(units, find_headings(units))
    cuts.extend(
        Cut("reference-list", units[index].text, units[index].line) for index in sorted(references)
    )
    units = [unit for index, unit in enumerate(units) if index not in references]
    while units and _is_trailing_furniture(units[-1]):
        unit = units.pop()
        rule = "dateline" if is_dateline(unit.text) else "trailing-furniture"
        cuts.append(Cut(rule, unit.text, unit.line))
    return units, cuts, captions


def _is_trailing_furniture(unit: Unit) -> bool:
    if is_dateline(unit.text):
        return True
    return word_count(unit.text) <= _MAX_TRAILING_WORDS and not ends_sentence(unit.text)


def _paragraphs(
    units: list[Unit], headings: set[int], source_id: str, origin_path: Path, cuts: list[Cut]
) -> tuple[Paragraph, ...]:
    body: list[tuple[Unit, str, str | None]] = []  # unit, its text, its section
    section = None
    for index, unit in enumerate(units):
        if index in headings:
            section = heading_text(unit)
            continue
        text, watermarks = remove_watermarks(unit.text)
        cuts.extend(Cut("watermark", watermark, unit.line) for watermark in watermarks)
        if text:
            body.append((unit, text, section))
    verdicts = judge_repeats([text for _, text, _ in body])
    paragraphs: list[Paragraph] = []
    for index, (unit, text, section) in enumerate(body):
        verdict = verdicts.get(index)
        if verdict is not None:
            cuts.append(Cut(verdict.rule, verdict.removed, unit.line))
            if not verdict.kept:
                continue
            text = verdict.kept
        number = len(paragraphs) + 1
        paragraphs.append(
            Paragraph(
                f"{source_id}:{number}", number, text, Location(origin_path, unit.line), section
            )
        )
    return tuple(paragraphs)
