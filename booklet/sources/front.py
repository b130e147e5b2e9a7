"""Take apart the lines above a document's first paragraph: its front matter.

Before the body starts, a saved page shows its rubric or masthead ("EDITOR'S
DESK"), the title (already recorded in sources.toml), the site's name, a
standfirst under the headline, a byline and a date. None of it is body text.
A short line directly above the first paragraph is kept: it is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bylines import is_dateline, parse_byline
from .captions import caption_label
from .lines import Cut, Line, ends_sentence, is_all_caps, letters_only, word_count

_MAX_FRONT_LINES = 12
_SITE_WORDS = re.compile(
    r"\b(?:encyclopa?edia|wiki\w*|blog\w*|forums?|news|magazine|online|portal|homepage|website)\b"
    r"|\b[\w-]+\.(?:com|org|net|info|co|io)\b",
    re.IGNORECASE,
)
_MAX_SITE_WORDS = 6
_MIN_STANDFIRST_WORDS = 6
_MIN_TITLE_OVERLAP = 0.5
_MAX_TITLE_WORDS = 20
_MIN_SENTENCE_WORDS = 8
_MIN_UNFINISHED_PROSE_WORDS = 30  # longer than titles and standfirsts: the body
_MIN_INTRODUCTION_WORDS = 4
_MIN_TITLE_PART = 6  # letters: shorter lines could be in any title by chance


@dataclass(frozen=True, slots=True)
class FrontMatter:
    lines: list[Line]  # what is left: the body
    byline: str | None
    cuts: list[Cut]


def read_front_matter(
    lines: list[Line], title: str | None, author: str | None = None
) -> FrontMatter:
    """Remove the front matter; `title` and `author` (from sources.toml) help recognise it."""
    removed: dict[int, str] = {}
    byline = None
    candidates: list[int] = []
    body_start = None
    seen = 0
    for index, line in enumerate(lines):
        if line.is_blank:
            continue
        if seen == _MAX_FRONT_LINES:
            break
        seen += 1
        text = line.text.strip()
        if (name := parse_byline(text) or _named_author(text, author)) is not None:
            removed[index] = "byline"
            byline = byline or name
        elif caption_label(text) is not None:
            continue  # set aside later, with the other captions
        elif is_dateline(text):
            removed[index] = "dateline"
        elif _is_prose(text) or _continued(lines, index):
            body_start = index
            break
        else:
            candidates.append(index)
    if body_start is None:
        candidates = candidates[:1]  # no clear start of the body: only a title is certain
    removed.update(_classify(lines, candidates, body_start, title))
    cuts = [
        Cut(rule, lines[index].text.strip(), lines[index].number)
        for index, rule in sorted(removed.items())
    ]
    kept = [line for index, line in enumerate(lines) if index not in removed]
    return FrontMatter(kept, byline, cuts)


def _named_author(text: str, author: str | None) -> str | None:
    """The recorded author's name standing alone, as some sites print bylines."""
    if author and letters_only(text) == letters_only(author):
        return text
    return None


def _classify(
    lines: list[Line], candidates: list[int], body_start: int | None, title: str | None
) -> dict[int, str]:
    if not candidates:
        return {}
    texts = [lines[index].text.strip() for index in candidates]
    first, last = _title_span(texts, title)
    rules: dict[int, str] = {}
    for place, (index, text) in enumerate(zip(candidates, texts, strict=True)):
        if place < first:
            rules[index] = "masthead"
        elif place <= last or letters_only(text) == letters_only(texts[first]):
            rules[index] = "title"  # a page may repeat its title above the body
        elif word_count(text) <= _MAX_SITE_WORDS and _SITE_WORDS.search(text):
            rules[index] = "site-name"
        elif word_count(text) >= _MIN_STANDFIRST_WORDS:
            rules[index] = "standfirst"
        elif not _directly_above(lines, index, body_start):
            rules[index] = "front-matter"
    return rules


def _title_span(texts: list[str], title: str | None) -> tuple[int, int]:
    """The first and last of the lines that make the title: a headline and its second deck
    are both part of a recorded title like "Soviet Contribution: The USSR Helps …"."""
    if title:
        wanted = letters_only(title)
        for place, text in enumerate(texts):
            if _same_title(letters_only(text), wanted):
                first = last = place
                while first > 0 and _part_of(texts[first - 1], wanted):
                    first -= 1
                while last + 1 < len(texts) and _part_of(texts[last + 1], wanted):
                    last += 1
                return first, last
    for place, text in enumerate(texts):
        if not is_all_caps(text) and not _SITE_WORDS.search(text) and _looks_like_title(text):
            return place, place
    return 0, 0


def _looks_like_title(text: str) -> bool:
    return word_count(text) <= _MAX_TITLE_WORDS and text[-1] not in ",;:" and not text[0].islower()


def _part_of(text: str, wanted: str) -> bool:
    found = letters_only(text)
    return len(found) >= _MIN_TITLE_PART and found in wanted


def _same_title(found: str, wanted: str) -> bool:
    if not found or not wanted:
        return False
    if found == wanted:
        return True
    shorter, longer = sorted((found, wanted), key=len)
    return shorter in longer and len(shorter) >= _MIN_TITLE_OVERLAP * len(longer)


def _directly_above(lines: list[Line], index: int, body_start: int | None) -> bool:
    if body_start is None:
        return False
    return all(line.is_blank for line in lines[index + 1 : body_start])


def _continued(lines: list[Line], index: int) -> bool:
    """The line's sentence goes on in the next line: the body has begun."""
    if ends_sentence(lines[index].text) or index + 1 >= len(lines):
        return False
    following = lines[index + 1].text.lstrip()
    return bool(following) and (following[0].islower() or following[0] in ",;:")


def _is_prose(text: str) -> bool:
    """A line of the body: a sentence, a line introducing what follows, or too long for a title."""
    words = word_count(text)
    if words >= _MIN_SENTENCE_WORDS and ends_sentence(text):
        return True
    if words >= _MIN_INTRODUCTION_WORDS and text.endswith(":"):
        return True  # "The mayor spoke at the opening:"
    return words >= _MIN_UNFINISHED_PROSE_WORDS
