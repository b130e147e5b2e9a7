"""Turn the rendered templates (a small XML vocabulary) into the document tree.

The vocabulary: <booklet> holds <cover illustration="chart-id"/>, <chapter title="…">
and the generated back matter <source-notes/>, <bibliography/>, <glossary/>.
A chapter holds <p>, <h>, <blockquote>, <figure ref="…">, <picture key="…"/> from image(),
<table><row><cell>;
inline: text, <em>, <strong>, <a href="…">, and <cite key="…"/> from cite() and friends.
Notes are numbered here, in reading order, so the first note of a source is the full one.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from booklet import document as doc
from booklet.charts.model import Figure
from booklet.diagnostics import Location, Problem
from booklet.sources.model import Corpus, SourceInfo

from .citations import CitationStyle, ends_with_stop
from .functions import CitationUse, PictureUse

_INLINE = {"em", "strong", "a", "cite"}
_SPACES = re.compile(r"[ \t\r\n]+")
_BACK_TITLES = {
    "source-notes": "Notes on the sources",
    "bibliography": "Bibliography",
    "glossary": "Glossary",
}


@dataclass
class TreeBuilder:
    """State of one conversion: notes so far, sources already cited in full, figures numbered."""

    corpus: Corpus
    figures: dict[str, Figure]
    citations: Sequence[CitationUse]
    style: CitationStyle
    origin: Location
    pictures: Sequence[PictureUse] = ()
    notes: list[doc.Note] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)
    pending: dict[int, list[CitationUse]] = field(default_factory=dict)  # by temporary note id
    figure_numbers: dict[str | int, int] = field(default_factory=dict)  # by chart id, picture key
    problems: list[Problem] = field(default_factory=list)

    def chapters(self, root: ET.Element) -> tuple[tuple[doc.Chapter, ...], str | None]:
        chapters: list[doc.Chapter] = []
        illustration = None
        back: list[ET.Element] = []
        for element in root:
            if element.tag == "cover":
                illustration = element.get("illustration")
            elif element.tag == "chapter":
                number = sum(1 for chapter in chapters if chapter.kind == "chapter") + 1
                chapters.append(self.chapter(element, number))
            elif element.tag in _BACK_TITLES:
                back.append(element)  # after the chapters: they list what the chapters cited
            else:
                self._unknown(element, "booklet")
        for element in back:
            section = self.back_matter(element, chapters)
            if section.blocks:  # no glossed term used, no source cited: no empty section
                chapters.append(section)
        return tuple(chapters), illustration

    def chapter(self, element: ET.Element, number: int) -> doc.Chapter:
        title = element.get("title", "").strip()
        if not title:
            self.problems.append(
                Problem(
                    self.origin, f"chapter {number} has no title", hint='write <chapter title="…">'
                )
            )
        blocks: list[doc.Block] = []
        for child in element:
            block = self.block(child, first=not blocks)
            if block is not None:
                blocks.append(block)
        return doc.Chapter(title, tuple(blocks), "chapter", number, self.origin)

    def block(self, element: ET.Element, *, first: bool) -> doc.Block | None:
        if element.tag == "p":
            (content,) = self._finish([self.inline(element)])
            return doc.Paragraph(content, "lead" if first else "body", self.origin)
        if element.tag == "h":
            return doc.Heading(_plain(element), 2, self.origin)
        if element.tag == "blockquote":
            (content,) = self._finish([self.inline(element)])
            return doc.BlockQuote(content, self.origin)
        if element.tag == "figure":
            return self.figure(element)
        if element.tag == "picture":
            return self.picture(element)
        if element.tag == "table":
            # each row carries its own notes: a reader checks a table row by row
            rows = [
                tuple(self._finish([self.inline(cell) for cell in row if cell.tag == "cell"]))
                for row in element
                if row.tag == "row"
            ]
            return doc.Table(rows[0], tuple(rows[1:]), self.origin) if rows else None
        self._unknown(element, "chapter")
        return None

    def figure(self, element: ET.Element) -> doc.FigureBlock | None:
        figure = self.figures.get(element.get("ref", ""))
        if figure is None:
            return None  # figure() reported it already
        number = self.figure_numbers.setdefault(figure.id, len(self.figure_numbers) + 1)
        (caption,) = self._finish([(doc.Span(figure.spec.caption), *self.inline(element))])
        return doc.FigureBlock(
            number,
            figure.spec.title,
            caption,
            figure.spec.description,
            figure.svg,
            figure.width_mm,
            figure.height_mm,
            self.origin,
        )

    def picture(self, element: ET.Element) -> doc.PictureBlock:
        key = int(element.get("key", "0"))
        use, picture = self.pictures[key], self.pictures[key].picture
        number = self.figure_numbers.setdefault(key, len(self.figure_numbers) + 1)
        caption = _tidy([doc.Span(use.caption)])
        return doc.PictureBlock(
            number,
            _list_entry(use.caption) or picture.shown.stem,
            caption,
            _SPACES.sub(" ", use.credit).strip(),
            picture.pixels,
            picture.mode,
            picture.size,
            picture.photographic,
            use.width_mm,
            use.origin or self.origin,
        )

    def inline(
        self,
        element: ET.Element,
        emphasis: bool = False,
        strong: bool = False,
        link: str | None = None,
    ) -> tuple[doc.Inline, ...]:
        parts: list[doc.Inline] = []
        if element.text:
            parts.append(doc.Span(element.text, emphasis, strong, link))
        pending: list[CitationUse] = []
        for child in element:
            if child.tag == "cite":
                pending.append(self.citations[int(child.get("key", "0"))])
            else:
                self._flush(pending, parts)
                if child.tag in _INLINE:
                    parts += self.inline(
                        child,
                        emphasis or child.tag == "em",
                        strong or child.tag == "strong",
                        child.get("href") if child.tag == "a" else link,
                    )
                else:
                    self._unknown(child, element.tag)
            if child.tail and child.tail.strip():
                self._flush(pending, parts)
            if child.tail:
                parts.append(doc.Span(child.tail, emphasis, strong, link))
        self._flush(pending, parts)
        return _tidy(parts)

    def _flush(self, pending: list[CitationUse], parts: list[doc.Inline]) -> None:
        """Citations side by side become one note (numbered when its block is finished)."""
        if not pending:
            return
        temporary = -(len(self.pending) + 1)
        self.pending[temporary] = list(pending)
        pending.clear()
        while parts and isinstance(parts[-1], doc.Span) and not parts[-1].text.strip():
            parts.pop()  # the note mark sits right after the word it cites
        parts.append(doc.NoteRef(temporary))

    def _finish(self, contents: list[tuple[doc.Inline, ...]]) -> list[tuple[doc.Inline, ...]]:
        """Merge and number the notes of one block, in reading order.

        Notes that follow each other in a block and cite one and the same source
        become a single note at the later mark ("paras. 6, 7"): a sentence with
        three figures from one paragraph gets one note, not three.
        """
        marks = [
            part.number
            for content in contents
            for part in content
            if isinstance(part, doc.NoteRef) and part.number < 0
        ]
        dropped: set[int] = set()
        for earlier, later in itertools.pairwise(marks):
            sources = {use.source_id for use in self.pending[earlier] + self.pending[later]}
            if len(sources) == 1:
                self.pending[later] = self.pending[earlier] + self.pending[later]
                dropped.add(earlier)
        numbers = {}
        for mark in marks:
            if mark not in dropped:
                numbers[mark] = len(self.notes) + 1
                self.notes.append(doc.Note(numbers[mark], self._note(self.pending[mark])))
        return [
            _tidy(
                [
                    doc.NoteRef(numbers[part.number]) if isinstance(part, doc.NoteRef) else part
                    for part in content
                    if not (isinstance(part, doc.NoteRef) and part.number in dropped)
                ]
            )
            for content in contents
        ]

    def _note(self, uses: list[CitationUse]) -> tuple[doc.Inline, ...]:
        """The note's text: one reference per source, its paragraphs together."""
        by_source: dict[str, set[int]] = {}
        for use in uses:
            by_source.setdefault(use.source_id, set())
            if use.paragraph is not None:
                by_source[use.source_id].add(use.paragraph)
        content: list[doc.Inline] = []
        cautions: list[doc.Inline] = []
        for source_id, paragraphs in by_source.items():
            source = self.corpus.source(source_id)
            if source is None:
                continue
            first = source_id not in self.cited
            if first:
                self.cited.append(source_id)
            if content:
                content.append(doc.Span(self.style.separator))
            content += self.style.reference(source.info, sorted(paragraphs), first=first)
            cautions += self.style.caution(source.info)
        stop = [] if ends_with_stop(content) else [doc.Span(".")]
        return _tidy([*content, *stop, *cautions])

    def back_matter(self, element: ET.Element, chapters: Sequence[doc.Chapter]) -> doc.Chapter:
        title = element.get("title") or _BACK_TITLES[element.tag]
        make: Callable[[], list[doc.Block]] = {
            "source-notes": self._source_notes,
            "bibliography": self._bibliography,
            "glossary": lambda: self._glossary(chapters),
        }[element.tag]
        introduction = [self.block(child, first=False) for child in element]
        blocks = [block for block in introduction if block is not None] + make()
        return doc.Chapter(title, tuple(blocks), "back", None, self.origin)

    def _source_notes(self) -> list[doc.Block]:
        blocks: list[doc.Block] = []
        for source in self.corpus.sources:
            info = source.info
            verdict = {
                "reliable": "used as evidence",
                "caution": "used with caution",
                "unreliable": "set aside: not used as evidence",
            }[info.trust.value]
            blocks.append(
                doc.Paragraph(
                    (
                        doc.Span(info.title, emphasis=True),
                        doc.Span(f" ({info.kind}; {verdict}). "),
                        doc.Span(info.trust_note),
                    ),
                    "entry",
                    self.origin,
                )
            )
        return blocks

    def _bibliography(self) -> list[doc.Block]:
        infos: list[SourceInfo] = [s.info for s in self.corpus.sources if s.id in self.cited]
        infos.sort(key=self.style.sort_key)
        return [
            doc.Paragraph(tuple(self.style.bibliography_entry(info)), "entry", self.origin)
            for info in infos
        ]

    def _glossary(self, chapters: Sequence[doc.Chapter]) -> list[doc.Block]:
        """Glossed terms the booklet itself uses, once each, with the source of the gloss."""
        text = " ".join(_chapter_text(chapter) for chapter in chapters).casefold()
        entries: dict[str, doc.Paragraph] = {}
        for entry in sorted(self.corpus.glossary, key=lambda entry: entry.term.casefold()):
            key = entry.term.casefold()
            if key in entries or not re.search(rf"\b{re.escape(key)}\b", text):
                continue
            source = self.corpus.source(entry.source_id)
            origin = f" (from “{source.info.title}”)" if source else ""
            entries[key] = doc.Paragraph(
                (
                    doc.Span(entry.term, strong=True),
                    doc.Span(f" {entry.definition}"),
                    doc.Span(origin, emphasis=True),
                ),
                "entry",
                self.origin,
            )
        return list(entries.values())

    def _unknown(self, element: ET.Element, parent: str) -> None:
        self.problems.append(
            Problem(
                self.origin,
                f"<{element.tag}> is not allowed in <{parent}>",
                hint="see the README for the elements templates may use",
            )
        )


def parse(
    rendered: str, find_line: Callable[[int], Location]
) -> tuple[ET.Element | None, Problem | None]:
    """Parse the rendered templates; a syntax error points at the template line."""
    if re.search(r"<!(DOCTYPE|ENTITY)", rendered, re.IGNORECASE):
        return None, Problem(
            find_line(1),
            "templates may not declare a DOCTYPE or entities",
            hint="remove the <!DOCTYPE …> or <!ENTITY …> declaration",
        )
    try:
        return ET.fromstring(rendered), None
    except ET.ParseError as error:
        line, _column = error.position
        message = str(error).split(":")[0]
        return None, Problem(
            find_line(line),
            f"the templates do not make well-formed XML: {message}",
            hint="check that every <tag> on that line is closed, and write & as &amp;",
        )


def _tidy(parts: Sequence[doc.Inline]) -> tuple[doc.Inline, ...]:
    """Join neighbouring spans of the same kind and fold runs of white space."""
    tidy: list[doc.Inline] = []
    for part in parts:
        if isinstance(part, doc.Span):
            # fold the template's line breaks; keep no-break spaces (before units)
            part = doc.Span(_SPACES.sub(" ", part.text), part.emphasis, part.strong, part.link)
            last = tidy[-1] if tidy else None
            if isinstance(last, doc.Span) and (last.emphasis, last.strong, last.link) == (
                part.emphasis,
                part.strong,
                part.link,
            ):
                tidy[-1] = doc.Span(last.text + part.text, part.emphasis, part.strong, part.link)
                continue
        tidy.append(part)
    if tidy and isinstance(tidy[0], doc.Span):
        tidy[0] = doc.Span(tidy[0].text.lstrip(), tidy[0].emphasis, tidy[0].strong, tidy[0].link)
    if tidy and isinstance(tidy[-1], doc.Span):
        tidy[-1] = doc.Span(
            tidy[-1].text.rstrip(), tidy[-1].emphasis, tidy[-1].strong, tidy[-1].link
        )
    return tuple(part for part in tidy if not (isinstance(part, doc.Span) and not part.text))


def _list_entry(caption: str) -> str:
    """A caption's first sentence, for the list of figures."""
    text = _SPACES.sub(" ", caption).strip()
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".")


def _plain(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _chapter_text(chapter: doc.Chapter) -> str:
    texts = [chapter.title]
    for block in chapter.blocks:
        if isinstance(block, doc.Paragraph | doc.BlockQuote):
            texts += [part.text for part in block.content if isinstance(part, doc.Span)]
        elif isinstance(block, doc.Heading):
            texts.append(block.text)
    return " ".join(texts)
