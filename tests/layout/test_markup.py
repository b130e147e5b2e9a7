from __future__ import annotations

import pytest

from booklet.document import NoteRef, Span
from booklet.layout.markup import inline_markup, note_marker, safe_link


def test_source_text_is_escaped_so_tags_and_entities_print_as_written() -> None:
    markup = inline_markup([Span('<img src="/etc/passwd"/> AT&T &bogus; <b>')], "#000000")
    assert markup == '&lt;img src="/etc/passwd"/&gt; AT&amp;T &amp;bogus; &lt;b&gt;'


def test_emphasis_and_strong_become_italic_and_bold() -> None:
    markup = inline_markup(
        [Span("Zet", emphasis=True), Span(" & "), Span("Ili", strong=True)], "#000"
    )
    assert markup == "<i>Zet</i> &amp; <b>Ili</b>"


def test_a_safe_link_becomes_a_link_with_its_address_escaped() -> None:
    markup = inline_markup([Span("the site", link="https://example.org/?a=1&b=2")], "#1f4e79")
    assert markup == '<a href="https://example.org/?a=1&amp;b=2" color="#1f4e79">the site</a>'


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "launch:calc.exe",
        "#section-2",
        "https://",
        'https://example.org/" onclick="x',
        "http://exa mple.org",
        "",
    ],
)
def test_links_other_than_web_and_mail_addresses_are_plain_text(url: str) -> None:
    assert safe_link(url) is None
    assert inline_markup([Span("here", link=url)], "#000") == "here"


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "http://example.org", "mailto:editor@example.org"]
)
def test_web_and_mail_addresses_are_allowed(url: str) -> None:
    assert safe_link(url) == url


def test_a_note_reference_is_a_raised_number_linking_to_its_note() -> None:
    markup = inline_markup([Span("said."), NoteRef(12)], "#000")
    assert markup == "said." + note_marker(12)
    assert 'href="#note-12"' in markup
    assert ">12</super></a>" in markup


def test_markers_can_be_left_out_where_no_note_can_follow() -> None:
    assert inline_markup([Span("On the cover"), NoteRef(3)], "#000", with_notes=False) == (
        "On the cover"
    )
