"""Write notes and bibliography entries in a style that is data, not code.

A style is a small TOML file (booklet/compose/styles/*.toml, or the project's
assets/citation-styles/*.toml): templates with {fields}, [optional parts] that
vanish when a field inside them is unknown, and *italics*. Chicago notes and
bibliography is the default: the first note for a source is full, later ones
short, each ends with its locator ("para. 4"). Unknown stays unknown ("n.d.").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from booklet.diagnostics import BookletError, Location, Problem, relative_to
from booklet.document import Inline, Span
from booklet.sources.model import SourceInfo, Trust
from booklet.tomlfile import near_miss

BUILT_IN = Path(__file__).parent / "styles"
_GROUP = re.compile(r"\[([^\[\]]*)\]")
_FIELD = re.compile(r"\{(\w+)\}")
_TOKEN = re.compile(r"\{(\w+)\}|\*|[^{*]+")
_FIELDS = {
    "author",
    "title",
    "short_title",
    "publisher",
    "published",
    "year",
    "accessed",
    "url",
    "kind",
    "locator",
}


@dataclass(frozen=True, slots=True)
class CitationStyle:
    name: str
    note_first: str
    note_short: str
    note_missing_author: str | None  # used instead of the note templates when no author is known
    separator: str  # between the references of one note
    entry: str
    sort: tuple[str, ...]
    terms: dict[str, str]
    punctuation_inside_quotes: bool

    def reference(
        self, source: SourceInfo, paragraphs: Sequence[int], *, first: bool
    ) -> list[Inline]:
        """One source's part of a note, without the final full stop (a note may cite several)."""
        template = self.note_first if first else self.note_short
        if source.author is None and self.note_missing_author:
            template = self.note_missing_author
        return self._render(template, self._fields(source, paragraphs))

    def bibliography_entry(self, source: SourceInfo) -> list[Inline]:
        return self._render(self.entry, self._fields(source, ()))

    def caution(self, source: SourceInfo) -> list[Inline]:
        """What a note adds for a source marked caution, so the reader sees it at every use."""
        if source.trust is not Trust.CAUTION or "caution" not in self.terms:
            return []
        return self._render(self.terms["caution"], self._fields(source, ()))

    def sort_key(self, source: SourceInfo) -> tuple[str, ...]:
        """The entry's first element decides, as Chicago sorts: the author, or else the title.

        A title's leading article is passed over ("The Mill" under M); a name's never
        is ("An Wen" under A).
        """
        fields = self._fields(source, ())
        keys = []
        for name in self.sort:
            if key := fields.get(name):
                if name in ("title", "short_title"):
                    key = re.sub(r"^(the|a|an)\s+", "", key, flags=re.IGNORECASE)
                keys.append(re.sub(r"\W+", " ", key).strip().casefold())
        return tuple(keys)

    def _fields(self, source: SourceInfo, paragraphs: Sequence[int]) -> dict[str, str | None]:
        no_date = self.terms.get("no_date", "n.d.")
        year = re.match(r"\d{4}", source.published or "")
        locator = None
        if paragraphs:
            term = self.terms.get("paragraph" if len(paragraphs) == 1 else "paragraphs", "para.")
            locator = f"{term} {', '.join(str(number) for number in paragraphs)}"
        return {
            "author": source.author,
            "title": source.title,
            "short_title": short_title(source.title),
            "publisher": source.publisher,
            "published": source.published or no_date,
            "year": year.group(0) if year else no_date,
            "accessed": source.accessed,
            "url": source.url,
            "kind": source.kind,
            "locator": locator,
        }

    def _render(self, template: str, fields: dict[str, str | None]) -> list[Inline]:
        def group(match: re.Match[str]) -> str:
            inside = match.group(1)
            return inside if all(fields.get(name) for name in _FIELD.findall(inside)) else ""

        text = _GROUP.sub(group, template)
        spans: list[Inline] = []
        italic = False
        for match in _TOKEN.finditer(text):
            token = match.group(0)
            if token == "*":
                italic = not italic
            elif match.group(1):
                value = fields.get(match.group(1)) or ""
                link = value if match.group(1) == "url" and value else None
                spans.append(Span(value, emphasis=italic, link=link))
            else:
                spans.append(Span(token, emphasis=italic))
        spans = self._inside_quotes(spans) if self.punctuation_inside_quotes else spans
        return _single_stops(spans)

    @staticmethod
    def _inside_quotes(spans: list[Inline]) -> list[Inline]:
        """American style: “Title,” — a comma or full stop after a closing quote moves inside."""
        out: list[Inline] = []
        for span in spans:
            if isinstance(span, Span) and not span.link:
                text = re.sub(r"”([,.])", r"\1”", span.text)
                last = out[-1] if out else None
                if text[:1] in ",." and isinstance(last, Span) and last.text.endswith("”"):
                    out[-1] = Span(last.text[:-1] + text[0] + "”", last.emphasis, last.strong)
                    text = text[1:]
                span = Span(text, span.emphasis, span.strong)
            out.append(span)
        return [span for span in out if not (isinstance(span, Span) and not span.text)]


def load_citation_style(name: str, root: Path, assets_dir: Path) -> CitationStyle:
    """The named style from the project's assets/citation-styles/, else a built-in one."""
    own = assets_dir / "citation-styles" / f"{name}.toml"
    path = own if own.is_file() else BUILT_IN / f"{name}.toml"
    if not path.is_file():
        known = sorted(
            {
                p.stem
                for p in [
                    *BUILT_IN.glob("*.toml"),
                    *(assets_dir / "citation-styles").glob("*.toml"),
                ]
            }
        )
        guess = near_miss(name, known)
        raise BookletError(
            Problem(
                Location(Path("booklet.toml")),
                f"there is no citation style '{name}'",
                hint=f'did you mean "{guess}"?' if guess else f"styles: {', '.join(known)}",
            )
        )
    shown = relative_to(path, root) if path == own else Path(f"(built-in) {path.name}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return _style(data)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise BookletError(
            Problem(
                Location(shown),
                f"the citation style cannot be read: {error}",
                hint="compare it with booklet's own chicago-notes.toml",
            )
        ) from None


def _style(data: dict[str, Any]) -> CitationStyle:
    note, bibliography, terms = data["note"], data["bibliography"], data.get("terms", {})
    templates = [
        note["first"],
        note["short"],
        bibliography["entry"],
        *([note["missing_author"]] if "missing_author" in note else []),
    ]
    unknown = {field for text in templates for field in _FIELD.findall(text)} - _FIELDS
    if unknown:
        raise ValueError(f"unknown field {{{sorted(unknown)[0]}}}")
    return CitationStyle(
        name=str(data["name"]),
        note_first=note["first"],
        note_short=note["short"],
        note_missing_author=note.get("missing_author"),
        separator=note.get("separator", "; "),
        entry=bibliography["entry"],
        sort=tuple(bibliography.get("sort", ["author", "title"])),
        terms={str(k): str(v) for k, v in terms.items()},
        punctuation_inside_quotes=bool(data.get("punctuation_inside_quotes", False)),
    )


def _single_stops(spans: list[Inline]) -> list[Inline]:
    """ "n.d." followed by the template's own full stop prints once: "n.d.", not "n.d.."."""
    out: list[Inline] = []
    for span in spans:
        if isinstance(span, Span) and not span.link:
            last = out[-1] if out else None
            text = span.text.replace("..", ".")
            if text.startswith(".") and isinstance(last, Span) and last.text.endswith("."):
                text = text[1:]
            span = Span(text, span.emphasis, span.strong)
        out.append(span)
    return [span for span in out if not (isinstance(span, Span) and not span.text)]


def ends_with_stop(content: Sequence[Inline]) -> bool:
    last = next((part for part in reversed(content) if isinstance(part, Span)), None)
    return last is not None and last.text.rstrip().endswith((".", "!", "?"))


def short_title(title: str) -> str:
    """Chicago's short title: the main title before any subtitle, at most four words."""
    main = title.split(":")[0].strip()
    words = main.split()
    return main if len(words) <= 4 else " ".join(words[:4])
