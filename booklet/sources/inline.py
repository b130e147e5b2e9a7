"""Remove the markup a saved web page carries inside its lines of text.

Pages saved as text keep traces of what they were made of: HTML tags, undecoded
entities (&amp; &#8217;), blog shortcodes ([caption …]) and encyclopedia
citation marks ([1], [citation needed], [edit]). None of it is the author's prose.
A [caption] shortcode holds a photo's caption, which is set aside, not dropped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from .decode import normalise
from .lines import Cut, Line, squeeze

_BLOCK_TAGS = (
    "address|article|aside|blockquote|br|center|dd|div|dl|dt|figcaption|figure|footer|form|"
    "h[1-6]|header|hr|iframe|img|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|"
    "tr|ul|video|audio|source|picture|meta|link|input|button|label|noscript|script|style"
)
_INLINE_TAGS = (
    "a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|mark|q|s|small|span|strike|strong|sub|sup|time|u"
)
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})(?:\s[^<>\n]{{0,500}})?/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(rf"</?(?:{_INLINE_TAGS})(?:\s[^<>\n]{{0,500}})?/?>", re.IGNORECASE)

_HTML_COMMENT = re.compile(r"<!--[^<>]{0,500}-->")
_CAPTION_SHORTCODE = re.compile(
    r"\[caption\b[^\]\n]{0,500}\](.{0,2000}?)\[/caption\]", re.IGNORECASE
)
_SHORTCODE_WITH_ATTRIBUTES = re.compile(
    r"\[[a-z][\w-]{1,30}\s[^\[\]\n]{0,500}=[^\[\]\n]{0,500}\]", re.IGNORECASE
)
_CLOSING_SHORTCODE = re.compile(r"\[/[a-z][\w-]{1,30}\]", re.IGNORECASE)
_KNOWN_SHORTCODE = re.compile(
    r"\[(?:caption|gallery|embed|video|audio|playlist|wpvideo|youtube|tweet|instagram|"
    r"contact-form(?:-7)?)\b[^\[\]\n]{0,500}\]",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_BRACKETED = re.compile(r"\[([^\[\]\n]{1,40})\]")
_CITATION_MARK = re.compile(
    r"\d{1,3}(?:\s?[,\u2013-]\s?\d{1,3}){0,5}"  # [1], [2, 3], [4-6]
    r"|[a-z]"  # [a]: a lettered footnote
    r"|(?:note|nb|n|fn)\s?\d{1,3}"
    r"|edit|edit source|update|needs update|hide|show"
    r"|(?:who|when|where|which|why|how|what|by whom|according to whom)\?"
    r"|.{0,30}\b(?:needed|citation|discuss|verification|verify|dubious|clarification|clarify"
    r"|vague|specify|unreliable|disputed|original research)\b.{0,30}",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class InlineCleaned:
    lines: list[Line]
    captions: list[tuple[int, str]]  # line, caption
    cuts: list[Cut]


def strip_inline_markup(lines: list[Line]) -> InlineCleaned:
    cleaned: list[Line] = []
    captions: list[tuple[int, str]] = []
    cuts: list[Cut] = []
    for line in lines:
        text = line.text
        if "<" in text or "[" in text or "&" in text:
            text = _clean_line(text, line.number, captions, cuts)
        cleaned.append(Line(line.number, text))
    return InlineCleaned(cleaned, captions, cuts)


def _clean_line(text: str, number: int, captions: list[tuple[int, str]], cuts: list[Cut]) -> str:
    starts_with_markup = text.lstrip().startswith(("<", "["))

    def cut(rule: str, replacement: str = "") -> Callable[[re.Match[str]], str]:
        def replace(match: re.Match[str]) -> str:
            cuts.append(Cut(rule, match.group(0), number))
            return replacement

        return replace

    def caption(match: re.Match[str]) -> str:
        words = squeeze(_INLINE_TAG.sub("", _BLOCK_TAG.sub(" ", match.group(1))))
        if words:
            captions.append((number, _decode_entities(words)))
        cuts.append(Cut("photo-caption", match.group(0), number))
        return " "

    text = _CAPTION_SHORTCODE.sub(caption, text)
    for pattern in (_KNOWN_SHORTCODE, _SHORTCODE_WITH_ATTRIBUTES, _CLOSING_SHORTCODE):
        text = pattern.sub(cut("shortcode", " "), text)
    text = _HTML_COMMENT.sub(cut("markup"), text)
    text = _BLOCK_TAG.sub(cut("markup", " "), text)
    text = _INLINE_TAG.sub(cut("markup"), text)
    text = _decode_entities(text)
    text = _BRACKETED.sub(_citation_mark(number, cuts), text)
    return text.lstrip() if starts_with_markup else text


def _citation_mark(number: int, cuts: list[Cut]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        if _CITATION_MARK.fullmatch(match.group(1).strip()):
            cuts.append(Cut("citation-mark", match.group(0), number))
            return ""
        return match.group(0)

    return replace


def _decode_entities(text: str) -> str:
    if "&" not in text:
        return text
    return _ENTITY.sub(
        lambda match: normalise(html.unescape(match.group(0))).replace("\n", " "), text
    )
