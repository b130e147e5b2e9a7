"""Text to try: any Unicode, and pieces of what saved web pages and templates really hold.

Arbitrary strings alone rarely hit the cleaner's rules (a byline, a link gloss,
a watermark) or look like ReportLab's markup, so these strategies mix random
text with such pieces: tags and entities, addresses, shortcodes, citation marks,
right-to-left scripts, emoji, combining marks and very long tokens.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Tags, entities and instructions ReportLab's paragraph parser would act on if
# they reached it unescaped: an image read from disk, a script link, giant type.
MARKUP = (
    '<img src="/etc/passwd"/>',
    '<img src="/etc/passwd" width="500" height="500"/>',
    '<a href="javascript:alert(1)">',
    '<a href="file:///etc/passwd">here</a>',
    '<link href="#x">',
    "</a>",
    '<font size="500">',
    '<font name="Courier" color="red">',
    "</font>",
    "<b>",
    "</b>",
    "<i>",
    "<u>",
    "<strike>",
    "<super>",
    "<sub>",
    "<para>",
    "</para>",
    '<para autoLeading="max">',
    "<br/>",
    "<br>",
    "<span/>",
    '<span style="x">',
    '<onDraw name="x"/>',
    '<index item="x"/>',
    "<seq/>",
    '<seqreset id="x"/>',
    "<greek>",
    "<unichar name='BULLET'/>",
    '<unichar code="0x41"/>',
    "<![CDATA[x]]>",
    "<!-- comment -->",
    "<?xml version='1.0'?>",
    "<",
    ">",
    "</",
    "/>",
    "&bogus;",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&nbsp;",
    "&#0;",
    "&#x0;",
    "&#65;",
    "&#x1F600;",
    "&#8217;",
    "&#xD800;",
    "&#99999999;",
    "&",
    "&&",
    "AT&T",
    "&#",
    '"',
    "'",
)
MARKUP_PIECES = st.sampled_from(MARKUP)

# What saved pages hold besides prose: furniture, marks and addresses the cleaner looks for.
_PAGE_PIECES = (
    "[1]",
    "[citation needed]",
    "[edit]",
    "[a]",
    '[caption id="attachment_1" align="alignnone"]A photo of the mill[/caption]',
    '[gallery ids="1,2"]',
    "[/embed]",
    "www.example.com",
    "https://example.org/a?b=1&c=2",
    "Pen & Fun www.penfun.info",
    "Posted by Margaret Ellis at 4:12 PM",
    "By AN WEN",
    "Updated 14 May 2023 10:15 BST",
    "Share this:",
    "Like Loading...",
    "Advertisement",
    "Reply",
    "Figure 1:",
    "Photo: Reuters",
    "References",
    "NanjingNanjing",
    "...",
    "…",
    "-",
    "—",
    "•",
    "1.",
    ",",
    ".",
    "Lanzhou",
    "the",
    "aircraft",
    "Sino-Japanese",
    "A. M. Vasilevsky",
    "were",
    "sent",
    "in 1937.",
)
_PROSE = (
    "the",
    "first",
    "Soviet",
    "aircraft",
    "reached",
    "Lanzhou",
    "in",
    "autumn",
    "of",
    "1937",
    "flown",
    "across",
    "deserts",
    "Xinjiang",
    "by",
    "crews",
    "who",
    "had",
    "never",
    "seen",
    "route",
    "before",
    "and",
    "volunteers",
    "with",
    "loans",
    "repaid",
    "tea",
    "wool",
    "tungsten",
)
_SCRIPTS = (
    "שלום עולם",  # Hebrew, right to left
    "مرحبا بالعالم",  # Arabic, right to left and joined
    "\u202eevil\u202c",  # a right-to-left override
    "\u200f\u200e",  # direction marks
    "😀",
    "👩‍👩‍👧",  # a family: emoji joined by zero-width joiners
    "🇨🇳",
    "e\u0301",  # e and a combining acute accent
    "Å",  # ANGSTROM SIGN, which NFC turns into Å
    "ﬁ",
    "Ǆ",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\t",
    "\r\n",
    "\u2028",
    "\x00",
    "\x0c",
    "\x1b[31m",
    "汉字",
    "Ελληνικά",
    "Кириллица",
)
WORDS = st.one_of(
    st.sampled_from(_PAGE_PIECES),
    st.sampled_from(_SCRIPTS),
    MARKUP_PIECES,
    st.text(min_size=1, max_size=12),
    st.text(st.characters(categories=("L", "Nd")), min_size=60, max_size=400),  # very long
)
LINES = st.lists(WORDS, max_size=30).map(" ".join)
# Prose, so that paragraphs survive the cleaning, with pieces of pages spliced in.
SENTENCES = st.lists(st.one_of(st.sampled_from(_PROSE), WORDS), min_size=4, max_size=40).map(
    lambda words: " ".join(words).capitalize() + "."
)
# A linked term with its definition inlined, breaking a sentence: a glossary entry.
GLOSSES = st.tuples(SENTENCES, st.sampled_from(_PROSE), SENTENCES, SENTENCES).map(
    lambda parts: (
        f"{parts[0][:-1]} {parts[1]}\n{parts[1]}\n{parts[2]} {parts[3][:-1]}...\n"
        f" {parts[3].lower()}"
    )
)
DOCUMENTS = st.lists(st.one_of(SENTENCES, SENTENCES, GLOSSES, LINES, st.just("")), max_size=40).map(
    "\n".join
)

# Any text, or text built like a saved page.
SAVED_TEXT = st.one_of(st.text(max_size=2000), DOCUMENTS)

# A paragraph of source text that looks like markup in places.
MARKUP_LIKE = st.lists(
    st.one_of(MARKUP_PIECES, st.text(max_size=8), st.sampled_from(_PAGE_PIECES)),
    min_size=1,
    max_size=20,
).map("".join)
