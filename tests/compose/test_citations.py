"""Citation styles are data: the built-in ones, a project's own, and what goes wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet.compose.citations import load_citation_style
from booklet.diagnostics import BookletError
from booklet.document import Span
from booklet.sources.model import SourceInfo, Trust

WEB = SourceInfo(
    id="pump",
    file="seeds/pump.txt",
    sha256="0" * 64,
    title="The Parish Pump: A History",
    kind="blog",
    trust=Trust.CAUTION,
    trust_note="",
    author="Anne Green",
    url="https://example.org/pump",
    published="2019-05-02",
)
BARE = SourceInfo(
    id="mill",
    file="seeds/mill.txt",
    sha256="0" * 64,
    title="The Mill",
    kind="encyclopedia",
    trust=Trust.RELIABLE,
    trust_note="",
)


def text(parts) -> str:
    return "".join(part.text for part in parts)


def style(name: str, tmp_path: Path):
    return load_citation_style(name, tmp_path, tmp_path / "assets")


def test_chicago_full_then_short_with_unknowns_left_out(tmp_path):
    chicago = style("chicago-notes", tmp_path)
    assert text(chicago.reference(WEB, [4], first=True)) == (
        "Anne Green, “The Parish Pump: A History,” 2019-05-02, para. 4, https://example.org/pump"
    )
    assert text(chicago.reference(WEB, [4, 6], first=False)) == (
        "Anne Green, “The Parish Pump,” paras. 4, 6"
    )
    assert text(chicago.reference(BARE, [], first=True)) == "“The Mill,” n.d."
    assert text(chicago.bibliography_entry(BARE)) == "“The Mill.” n.d."
    link = next(part for part in chicago.reference(WEB, [4], first=True) if part.link)
    assert link == Span("https://example.org/pump", link="https://example.org/pump")


def test_author_date_is_chosen_by_name(tmp_path):
    author_date = style("author-date", tmp_path)
    assert text(author_date.reference(WEB, [4], first=True)) == "Anne Green 2019, para. 4"
    assert text(author_date.reference(BARE, [2], first=True)) == "“The Mill” n.d., para. 2"
    assert text(author_date.bibliography_entry(WEB)) == (
        "Anne Green. 2019. “The Parish Pump: A History.” https://example.org/pump."
    )


def test_a_caution_source_is_flagged_in_its_notes(tmp_path):
    chicago = style("chicago-notes", tmp_path)
    assert text(chicago.caution(WEB)) == (
        " “The Parish Pump” is to be read with caution; see Notes on the sources."
    )
    assert chicago.caution(BARE) == []


def test_a_project_can_bring_its_own_style(tmp_path):
    folder = tmp_path / "assets" / "citation-styles"
    folder.mkdir(parents=True)
    (folder / "plain.toml").write_text(
        'name = "Plain"\n[note]\nfirst = "{title}[ ({year})]"\nshort = "{short_title}"\n'
        '[bibliography]\nentry = "*{title}*[, {author}]"\n',
        encoding="utf-8",
    )
    plain = style("plain", tmp_path)
    assert text(plain.reference(WEB, [1], first=True)) == "The Parish Pump: A History (2019)"
    assert plain.bibliography_entry(WEB)[0] == Span("The Parish Pump: A History", emphasis=True)


def test_an_unknown_style_suggests_the_near_miss(tmp_path):
    with pytest.raises(BookletError) as raised:
        style("chicago-note", tmp_path)
    assert raised.value.problem.format() == (
        "booklet.toml: error: there is no citation style 'chicago-note'\n"
        '  hint: did you mean "chicago-notes"?'
    )


def test_a_style_with_an_unknown_field_is_refused(tmp_path):
    folder = tmp_path / "assets" / "citation-styles"
    folder.mkdir(parents=True)
    (folder / "odd.toml").write_text(
        'name = "Odd"\n[note]\nfirst = "{titel}"\nshort = "{title}"\n'
        '[bibliography]\nentry = "{title}"\n',
        encoding="utf-8",
    )
    with pytest.raises(BookletError) as raised:
        style("odd", tmp_path)
    assert raised.value.problem.format().startswith(
        "assets/citation-styles/odd.toml: error: the citation style cannot be read: "
        "unknown field {titel}"
    )


def test_entries_sort_by_their_first_element_author_or_title(tmp_path):
    chicago = style("chicago-notes", tmp_path)
    anonymous = SourceInfo(
        id="z",
        file="seeds/z.txt",
        sha256="0" * 64,
        title="The Zoo",
        kind="blog",
        trust=Trust.RELIABLE,
        trust_note="",
    )
    an_wen = SourceInfo(
        id="an",
        file="seeds/an.txt",
        sha256="0" * 64,
        title="Zebras",
        kind="news",
        trust=Trust.RELIABLE,
        trust_note="",
        author="An Wen",
    )
    ordered = sorted([anonymous, BARE, WEB, an_wen], key=chicago.sort_key)
    # An Wen (a name keeps its "An"), Anne Green, The Mill (under M), The Zoo (under Z)
    assert [source.id for source in ordered] == ["an", "pump", "mill", "z"]
