from __future__ import annotations

import dataclasses

import pytest

from booklet.layout import Style
from booklet.layout.typography import hyphenation_language, typography


@pytest.mark.parametrize(
    ("setting", "language", "expected"),
    [
        ("auto", "en-GB", "en_GB"),
        ("auto", "de-DE", "de_DE"),
        ("auto", "ru", "ru"),
        ("auto", "tlh", ""),
        ("off", "en-GB", ""),
        ("fr_FR", "en-GB", "fr"),
    ],
)
def test_the_hyphenation_dictionary(
    style: Style, setting: str, language: str, expected: str
) -> None:
    assert (
        hyphenation_language(dataclasses.replace(style, hyphenation=setting), language) == expected
    )


def test_body_text_is_justified_hyphenated_and_free_of_widows_and_orphans(style: Style) -> None:
    body = typography(style, "en-GB").body
    assert body.alignment == 4  # justified
    assert ("govern", "ment") in body.hyphenationLang("government")
    assert body.allowWidows == 0
    assert body.allowOrphans == 0
    assert body.firstLineIndent > 0


def test_a_compound_is_hyphenated_only_at_its_own_hyphens(style: Style) -> None:
    body = typography(style, "en-GB").body
    assert body.embeddedHyphenation  # ReportLab breaks "anti-aircraft" after "anti-"
    assert body.hyphenationLang("anti-aircraft") == []  # not "anti" + "-aircraft"


def test_no_hyphenation_leaves_the_words_whole(style: Style) -> None:
    body = typography(dataclasses.replace(style, hyphenation="off"), "en-GB").body
    assert body.hyphenationLang == ""


def test_sizes_come_from_the_style(style: Style) -> None:
    bigger = dataclasses.replace(style, sizes=dataclasses.replace(style.sizes, body=11, notes=8))
    set_ = typography(bigger, "en-GB")
    assert set_.body.fontSize == 11
    assert set_.note.fontSize == 8
    assert set_.chapter_title.fontSize == style.sizes.chapter
