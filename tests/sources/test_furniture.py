from __future__ import annotations

import pytest

from booklet.sources.furniture import caption_of, furniture_rule, remove_furniture
from booklet.sources.lines import split_lines


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Share", "share-link"),
        ("Share this: Facebook Twitter Email", "share-link"),
        ("Pin it", "share-link"),
        ("Menu", "navigation"),
        ("Home » History » Mills", "navigation"),
        ("News | Sport | Weather | Local", "navigation"),
        ("Previous Chapter | Table of Contents | Next Chapter", "navigation"),
        ("Skip to main content", "navigation"),
        ("Reply", "comment-widget"),
        ("Post a Comment", "comment-widget"),
        ("Leave a Reply", "comment-widget"),
        ("12 Comments", "comment-widget"),
        ("OK", "interface-word"),
        ("x", "interface-word"),
        ("\u00d7", "interface-word"),
        ("***", "interface-word"),
        ("Read more", "interface-word"),
        ("Subscribe", "interface-word"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("READ MORE: Council approves the new library", "read-more"),
        ("See also: Windmills of Kent", "read-more"),
        ("Tags: gardening, roses, pruning", "tags"),
        ("Filed under: Local history", "tags"),
        (
            "We use cookies to improve your experience. By continuing to browse you agree.",
            "cookie-notice",
        ),
        ("Sign up for our weekly newsletter and get the best stories in your inbox.", "newsletter"),
        ("Did you make this? Tag us on Instagram @harvestkitchen", "social-prompt"),
        ("The text of this article is licensed under the GFDL.", "licence-footer"),
        (
            "Text is available under the Creative Commons Attribution-ShareAlike License",
            "licence-footer",
        ),
        ("Copyright © 2019 Riverside Gazette. All rights reserved.", "licence-footer"),
        ("Retrieved from https://example.org/wiki/Mill", "licence-footer"),
        ("https://example.org/gallery/mill-1905.jpg", "link"),
        ("Photo: Getty Images", "photo-credit"),
        ("(Photo/Reuters)", "photo-credit"),
        ("Posted on 3 May 2015 at 10:14", "post-meta"),
        ("Joined: 12 Jan 2010", "post-meta"),
        ("Re: Restoring a longcase clock", "post-meta"),
        ("\u00ab Reply #3 on: March 5, 2014, 10:02:11 AM \u00bb", "post-meta"),
        ("Click to share on Twitter (Opens in new window)", "share-link"),
        ("Follow @harbourmuseum on Twitter", "social-prompt"),
        ("Main article: Mills of the Avon valley", "read-more"),
        ("Image caption, Crowds on the quay in 1911", "photo-caption"),
        (
            "This article needs additional citations for verification. Please help improve this "
            "article by adding citations to reliable sources.",
            "maintenance-banner",
        ),
        ("This article is more than 5 years old", "maintenance-banner"),
        ("Image source, Harbour Museum", "photo-credit"),
        ("Posted: Wed Mar 05, 2014 8:02 am", "post-meta"),
        ("Last modified on Tue 3 May 2016 10.15 BST", "post-meta"),
        ("Translator: Lin Mo  Editor: Sam", "post-meta"),
        ("Originally Posted by clockman", "post-meta"),
        (
            "If you find any errors ( broken links, non-standard content, etc.. ), please let us "
            "know so we can fix it as soon as possible.",
            "maintenance-banner",
        ),
        ("42", "page-number"),
        ("- 17 -", "page-number"),
    ],
)
def test_furniture_lines_are_named_by_their_rule(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "The mill was rebuilt in 1790 and worked until 1952.",
        "History",
        "Share prices fell sharply in the autumn of 1929.",
        "Updated figures show that 5,000 people visited the fair.",
        "More than forty volunteers helped to clean the collection.",
        "Reply to the council's letter came in 1903, refusing the grant.",
        "He said the cookies his grandmother baked were the best in the county.",
        ".",
        ", and",
        "Posted by Mary Hollis",  # a byline: its name is kept elsewhere
        "1887",  # a year standing alone may be a heading
        "Editor's desk",
    ],
)
def test_text_is_not_furniture(line: str) -> None:
    assert furniture_rule(line) is None


def test_comment_section_after_the_article_is_dropped_to_the_end() -> None:
    text = (
        "Tips for Growing Leeks\n\n"
        "Sow the seed in March and plant the seedlings out in June, watering them well.\n\n"
        "2 comments:\n\n"
        "Anne said...\n"
        "Mine always bolt in a dry summer, any advice?\n\n"
        "Post a Comment\n"
        "Newer Post Older Post Home\n"
    )
    result = remove_furniture(split_lines(text))
    assert [line.text for line in result.lines if line.text] == [
        "Tips for Growing Leeks",
        "Sow the seed in March and plant the seedlings out in June, watering them well.",
    ]
    assert [(cut.rule, cut.line) for cut in result.cuts] == [
        ("comment-widget", 5),
        ("reader-comment", 7),
        ("reader-comment", 8),
        ("comment-widget", 10),
        ("navigation", 11),
    ]


def test_comment_count_above_the_article_only_removes_itself() -> None:
    text = "By the Editor\n14 comments\nThe town fair returns this summer after a two-year break.\n"
    result = remove_furniture(split_lines(text))
    assert [line.number for line in result.lines if line.text] == [1, 3]


def test_numbered_entries_after_contents_are_its_table() -> None:
    text = "Contents\n1 History\n1.1 Early years\n2 Today\n\nHistory\nThe quay was built in 1820.\n"
    result = remove_furniture(split_lines(text))
    assert [(cut.rule, cut.text) for cut in result.cuts] == [
        ("navigation", "Contents"),
        ("table-of-contents", "1 History"),
        ("table-of-contents", "1.1 Early years"),
        ("table-of-contents", "2 Today"),
    ]


def test_signature_lines_after_a_dash_line() -> None:
    text = (
        "I agree with the last post entirely.\n--\nTom, Harbour Society member\n\n"
        "The next reply came a week later.\n"
    )
    result = remove_furniture(split_lines(text))
    assert [(cut.rule, cut.text) for cut in result.cuts] == [
        ("interface-word", "--"),
        ("signature", "Tom, Harbour Society member"),
    ]


def test_a_button_left_at_the_end_of_a_paragraph() -> None:
    text = "The quay was rebuilt in 1911. Share\n\nIt is now a car park. Print\nMore text.\n"
    result = remove_furniture(split_lines(text))
    assert [line.text for line in result.lines] == [
        "The quay was rebuilt in 1911.",
        "",
        "It is now a car park. Print",  # inside a block: could be a wrapped line
        "More text.",
        "",
    ]


def test_a_caption_label_alone_takes_the_next_line_as_its_caption() -> None:
    text = "Image caption,\nThe quay in 1911, before the fire\nThe quay burned in 1912.\n"
    result = remove_furniture(split_lines(text))
    assert [(cut.rule, cut.text) for cut in result.cuts] == [
        ("photo-caption", "Image caption,"),
        ("photo-caption", "The quay in 1911, before the fire"),
    ]
    assert [caption_of(cut) for cut in result.cuts] == [None, "The quay in 1911, before the fire"]


def test_an_e_book_licence_around_the_text_is_removed() -> None:
    text = (
        "The Project Gutenberg eBook of Canal Days\n\nThis eBook is for the use of anyone.\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK CANAL DAYS ***\n\n"
        "The barge left the wharf at dawn.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK CANAL DAYS ***\n"
        "Updated editions will replace the previous one.\n"
    )
    result = remove_furniture(split_lines(text))
    assert [line.text for line in result.lines if line.text] == [
        "The barge left the wharf at dawn."
    ]
    assert {cut.rule for cut in result.cuts} == {"licence-footer"}
