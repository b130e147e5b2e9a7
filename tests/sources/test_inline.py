from __future__ import annotations

from booklet.sources.inline import strip_inline_markup
from booklet.sources.lines import Line


def clean(text: str) -> tuple[str, list[tuple[int, str]], list[tuple[str, str]]]:
    result = strip_inline_markup([Line(7, text)])
    (line,) = result.lines
    return line.text, result.captions, [(cut.rule, cut.text) for cut in result.cuts]


def test_entities_are_decoded_without_reporting() -> None:
    text, _, cuts = clean("Fish &amp; chips&nbsp;at the pier&#8217;s end &#x2013; 1920s &copy")
    assert text == "Fish & chips at the pier\u2019s end \u2013 1920s &copy"
    assert cuts == []


def test_escaped_markup_stays_text() -> None:
    assert clean("Use &lt;b&gt; for bold")[0] == "Use <b> for bold"


def test_html_tags_are_removed_and_reported() -> None:
    text, _, cuts = clean('<p>The <a href="/mill">mill</a> burned in 1910.<br/>It was rebuilt.</p>')
    assert text == "The mill burned in 1910. It was rebuilt. "
    assert ("markup", '<a href="/mill">') in cuts


def test_html_comments_are_removed() -> None:
    assert clean("The mill<!-- wp:paragraph --> burned.")[0] == "The mill burned."


def test_comparisons_are_not_mistaken_for_tags() -> None:
    assert clean("When x < y and y > z, stop.")[0] == "When x < y and y > z, stop."


def test_caption_shortcode_sets_its_caption_aside() -> None:
    text, captions, cuts = clean(
        '[caption id="attachment_5" align="alignleft"]<img src="a.jpg" /> The old forge, 1905'
        "[/caption]The forge closed in 1931."
    )
    assert text.strip() == "The forge closed in 1931."
    assert captions == [(7, "The old forge, 1905")]
    assert cuts[0][0] == "photo-caption"


def test_other_shortcodes_are_removed() -> None:
    text, _, cuts = clean('[gallery ids="4,5,6"] The fair [embed]x[/embed] came.')
    assert text.split() == ["The", "fair", "x", "came."]
    assert [rule for rule, _ in cuts] == ["shortcode", "shortcode", "shortcode"]


def test_citation_marks_are_removed_and_editorial_brackets_kept() -> None:
    text, _, cuts = clean(
        "The canal opened in 1794.[1][2] It carried coal[citation needed] and stone [sic] "
        "for the [new] town.[note 3] History[edit]"
    )
    assert text == (
        "The canal opened in 1794. It carried coal and stone [sic] for the [new] town. History"
    )
    assert [mark for _, mark in cuts] == ["[1]", "[2]", "[citation needed]", "[note 3]", "[edit]"]
