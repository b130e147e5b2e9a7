"""Recognise the lines a web page puts around an article: its furniture.

Menus, share buttons, "Read more" links, cookie and newsletter notices, licence
footers, comment widgets, tag lists: a reader of the printed booklet should see
none of them. The rules describe kinds of furniture in the words web pages
commonly use for it, never words from a particular document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bylines import parse_byline
from .lines import Cut, Line, ends_sentence, word_count

# Each line a web page shows made only of these phrases is furniture; "#" stands for a number.
_PHRASES = {
    "advertisement": """
        advertisement, advertisements, advert, ad, ads, sponsored, sponsored content,
        sponsored links, paid content, promoted, story continues below advertisement,
        article continues below advertisement, article continues below, continue reading below,
        scroll to continue with content, continue reading the main story, ad feedback,
        report this ad
    """,
    "share-link": """
        share, shares, share this, share this article, share this story, share this post,
        share this page, share article, share on, share via, share via email, facebook, twitter,
        whatsapp, pinterest, linkedin, reddit, tumblr, telegram, messenger, flipboard, vk, weibo,
        wechat, instagram, youtube, tiktok, rss, email, e mail, sms, print, print this,
        print this page, pin, pin it, tweet, copy link, link copied, bookmark, click to share on,
        click to email a link to a friend, click to email, click to print, opens in new window,
        share on facebook, share on twitter, share on whatsapp, share on pinterest,
        share on linkedin, share on reddit, share by email, share page, about sharing,
        reuse this content
    """,
    "navigation": """
        home, homepage, menu, main menu, skip to content, skip to main content,
        jump to navigation, jump to search, jump to, toggle navigation, navigation, search,
        search for, go, next, previous, prev, next post, previous post, newer post, older post,
        newer posts, older posts, next page, previous page, next chapter, previous chapter,
        next article, previous article, table of contents, contents, toc, chapter list, back,
        back to top, top, go to top, scroll to top, return to top, sitemap, site map, log in,
        login, log out, sign in, sign up, register, my account, about us, contact us,
        privacy policy, terms of use, terms of service, terms and conditions, disclaimer,
        disclaimers, cookie policy, accessibility, jump to recipe, print recipe, view all,
        see all, load more, show more, see more, more, close, close panel, breadcrumb,
        you are here, topics, explore more on these topics, more on this story,
        more on this topic, most viewed, most shared, published, updated
    """,
    "comment-widget": """
        post a comment, leave a comment, leave a reply, add a comment, add comment, comments,
        comment, reply, replies, cancel reply, quote, like, like loading, report post,
        report abuse, likes, upvote, downvote, permalink, subscribe to post comments atom,
        post comments atom,
        subscribe to comments, view comments, show comments, hide comments, load comments,
        no comments, powered by blogger, join the discussion, join the conversation,
        be the first to comment, comments are closed, your email address will not be published,
        required fields are marked, notify me of new comments via email,
        notify me of new posts via email, logged, top of page, # comments, # comment,
        # replies, # reply, # responses, # response, # likes, # like, # shares, # views,
        # points, # votes, # thoughts on
    """,
    "interface-word": """
        ok, okay, cancel, accept, accept all, reject, reject all, got it, i agree, dismiss,
        loading, please wait, follow us, subscribe, subscribe now, unsubscribe, like this,
        related, related posts, related articles, related stories, related content,
        related topics, you may also like, you might also like, recommended,
        recommended for you, trending, trending now, most read, most popular, popular posts,
        read more, read next, continue reading, read full story, read the full story,
        read full article, listen to this article, pause, mute, unmute, enlarge,
        click to enlarge, tap to enlarge, view gallery, photo gallery, click here, learn more,
        find out more, manage preferences, cookie settings, x, top stories, latest news,
        more stories, more from, don t miss, editor s picks
    """,
}
_RULE_OF_PHRASE = {
    " ".join(phrase.split()): rule
    for rule, phrases in _PHRASES.items()
    for phrase in phrases.split(",")
}
_LONGEST_PHRASE = max(len(phrase.split()) for phrase in _RULE_OF_PHRASE)
_MAX_PHRASE_LINE_WORDS = 14

_SENTENCE_PUNCTUATION = frozenset(".,;:!?)]\"'\u2019”… ")
_CONTENTS = re.compile(r"^(?:contents|table of contents|on this page|in this article)\b", re.I)
_CONTENTS_ENTRY = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S.{0,80}$")
# Public-domain e-books wrap their text in a licence between these two marks.
_BOOK_START = re.compile(r"\s*\*{3}\s*start of (?:the|this) project gutenberg", re.I)
_BOOK_END = re.compile(r"\s*\*{3}\s*end of (?:the|this) project gutenberg", re.I)
_SIGNATURE_MARKS = frozenset(("--", "__", "___", "\u2014", "~~", "-- "))
_MAX_SIGNATURE_LINES = 3
_MAX_SIGNATURE_WORDS = 12
_LAST_SENTENCE_END = re.compile(r".*[.!?…][\"”\u2019')\]]*\s")
_MAX_TAIL_CHARS = 60
_MAX_TAIL_WORDS = 4
_WRAP_WIDTH = 100  # a longer line is a paragraph of its own, not one line of a wrapped one
_PAGE_NUMBER = re.compile(r"(?:page\s+)?[-\u2013\u2014\s]*\d{1,3}[-\u2013\u2014\s]*", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w#']+|_")
_DIGITS = re.compile(r"\d+")

_LICENCE = (
    re.compile(r"^the (?:source|text|content) of this (?:article|page|entry)\b", re.I),
    re.compile(
        r"\b(?:licen[cs]ed|available|released|distributed|published|reproduced) under\b"
        r".{0,80}\b(?:gfdl|gnu free documentation|creative commons|cc[ -]by)",
        re.I,
    ),
    re.compile(
        r"^this (?:article|page|entry) (?:uses|incorporates|contains) (?:material|text)", re.I
    ),
    re.compile(r"^(?:retrieved from|this page was last (?:edited|modified|updated))\b", re.I),
    re.compile(r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}|by\b)", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"^(?:content|text) is available under\b", re.I),
)
_MAX_LICENCE_WORDS = 60

_SEPARATORS = re.compile(r"\s[|•·/>\u203a»]\s|\s?[»\u203a]\s?|::")
_TAGS = re.compile(
    r"^(?:tags?|tagged(?: with| as)?|labels?|categories|category|filed under|posted in|topics|"
    r"keywords|related topics)\s*:",
    re.I,
)
_READ_MORE = re.compile(
    r"^(?:read more|read also|also read|read next|related|see also|more on this(?: story)?|"
    r"more from [\w ]{1,30}|more|recommended|watch|listen|don[\u2019']t miss|up next|"
    r"editor[\u2019']s picks?|you may also like|further reading|main articles?|"
    r"further information)\s*[:|»\u203a>\u2013—-]\s*\S",
    re.I,
)
_MAX_READ_MORE_WORDS = 25
_COOKIE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|this page|the site) (?:uses?|is using) cookies\b"
    r"|\bby (?:continuing to (?:use|browse)|using (?:this|our) (?:web)?site)\b.{0,80}cookies"
    r"|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|preferences|consent)\b",
    re.I,
)
_NEWSLETTER = re.compile(
    r"\b(?:sign up|signup|subscribe|join)\b.{0,80}\b(?:newsletters?|mailing list|inbox|"
    r"email updates|e-mail updates)\b|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe)\b"
    r"|\benter your e-?mail(?: address)?\b",
    re.I,
)
_SOCIAL_PROMPT = re.compile(
    r"\b(?:tag|follow|find|join|like) (?:me|us)\b.{0,40}(?:@\w|instagram|facebook|twitter|"
    r"pinterest|youtube|tiktok)|^follow\s+@\w",
    re.I,
)
_MAX_NOTICE_WORDS = 80
_LINK = re.compile(
    r"^(?:https?://\S{1,2000}|www\.[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}(?:/\S{0,2000})?)$", re.I
)
_PHOTO_CREDIT = re.compile(
    r"^\(?\s*(?:photo|photograph|picture|image|pic|photo credit|image credit|credit|"
    r"illustration|file photo|image source|photo source)s?\s*(?:by\b|:|/|\||,)\s*\S.{0,100}$",
    re.I,
)
_MAX_CREDIT_WORDS = 12
_CAPTION_LABEL = re.compile(r"(?:image|media|photo|picture|video) caption\s*[,:]?", re.I)
_CAPTION_PREFIX = re.compile(r"^(?:image|media|photo|picture|video) caption\s*[,:]?\s+(?=\S)", re.I)
_MAX_CAPTION_WORDS = 80
_BANNER = re.compile(
    r"\b(?:please help improve this article|needs additional citations|this article has "
    r"multiple issues|learn how and when to remove this (?:template|message)|this article "
    r"(?:is an orphan|relies (?:largely|too much) on|does not cite any sources|possibly contains "
    r"original research)|this (?:article|section) is a stub|you can help (?:wikipedia )?by "
    r"expanding it|this article is more than \d+ (?:years?|months?) old|if you find any errors|"
    r"keyboard keys to browse|support (?:the translator|us|me) on patreon|report chapter)",
    re.I,
)
_MAX_BANNER_WORDS = 60
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
_POST_META = re.compile(
    r"^(?:(?:posted|published|submitted|updated|last updated|first published|last modified)"
    rf"(?:\s+(?:on|at|in))?\s*:?\s*(?:by\b|(?:{_WEEKDAY})?(?:{_MONTH})?\d)"
    r"|(?:joined|posts|location|member since|karma|reputation|reply #\d+ on|quote from|"
    r"originally posted by|translated by|edited by)\s*:?\s*\S"
    r"|(?:translator|editor|proofreader|tl|ed|pr)\s*:\s*\S|re:\s|on:\s*\w+\s+\d)",
    re.I,
)
_MAX_POST_META_WORDS = 15
_COMMENT_COUNT = re.compile(
    r"^(?:\d+|no|one|two|three)\s+(?:comments?|responses?|replies|thoughts(?: on\b.{0,120})?)\s*:?$"
    r"|^comments?\s*\(\d+\)\s*:?$|^\d+\s+(?:responses?|comments?) to\b.{0,120}$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class FurnitureRemoved:
    lines: list[Line]
    cuts: list[Cut]


def remove_furniture(lines: list[Line]) -> FurnitureRemoved:
    """Drop furniture lines; a comment section after the article is dropped to its end."""
    kept: list[Line] = []
    cuts: list[Cut] = []
    seen_prose = False
    in_comments = False
    context = _Context()
    rules = [None if line.is_blank else furniture_rule(line.text.strip()) for line in lines]
    first, last = _book_text_bounds(lines)
    for index, line in enumerate(lines):
        if line.is_blank:
            context.signature_left = 0
            kept.append(line)
            continue
        text = line.text.strip()
        rule = rules[index] if first < index < last else "licence-footer"
        if in_comments:
            cuts.append(Cut(rule or "reader-comment", text, line.number))
            continue
        if _COMMENT_COUNT.match(text):
            cuts.append(Cut("comment-widget", text, line.number))
            in_comments = seen_prose
            continue
        rule = context.rule(text, rule)
        if rule is not None:
            cuts.append(Cut(rule, text, line.number))
            continue
        block_ends = (
            index + 1 == len(lines) or lines[index + 1].is_blank or rules[index + 1] is not None
        )
        tail = _trailing_furniture(text) if block_ends or len(text) > _WRAP_WIDTH else None
        if tail is not None:
            cuts.append(Cut(tail[0], tail[1], line.number))
            line = Line(line.number, line.text.rstrip()[: -len(tail[1])].rstrip())
        kept.append(line)
        seen_prose = seen_prose or (word_count(text) >= 8 and ends_sentence(text))
    return FurnitureRemoved(kept, cuts)


def _book_text_bounds(lines: list[Line]) -> tuple[int, int]:
    """The lines that mark where an e-book's own text starts and ends, inside its licence."""
    first, last = -1, len(lines)
    for index, line in enumerate(lines):
        if _BOOK_START.match(line.text):
            first = index
        elif _BOOK_END.match(line.text) and index > first:
            last = index
            break
    return first, last


class _Context:
    """Furniture known by what comes before it: a table of contents, a signature."""

    def __init__(self) -> None:
        self.in_contents = False  # after a "Contents" line: its numbered entries follow
        self.signature_left = 0  # after a "--" line: the short lines of a signature follow
        self.caption_next = False  # after an "Image caption," line: the caption follows

    def rule(self, text: str, rule: str | None) -> str | None:
        label_before = self.caption_next
        self.caption_next = _CAPTION_LABEL.fullmatch(text) is not None
        captioned = rule is None and label_before and word_count(text) <= _MAX_CAPTION_WORDS
        if self.caption_next or captioned:
            rule = "photo-caption"
        elif rule is None and self.in_contents and _CONTENTS_ENTRY.match(text):
            rule = "table-of-contents"
        elif rule is None and self.signature_left and word_count(text) <= _MAX_SIGNATURE_WORDS:
            rule = "signature"
            self.signature_left -= 1
        else:
            self.signature_left = _MAX_SIGNATURE_LINES if text in _SIGNATURE_MARKS else 0
        self.in_contents = rule == "table-of-contents" or (
            rule is not None and _CONTENTS.match(text) is not None
        )
        return rule


def furniture_rule(text: str) -> str | None:
    """The rule that recognises this line as furniture, or None for text."""
    words = word_count(text)
    if words <= _MAX_POST_META_WORDS and parse_byline(text) is not None:
        return None  # a byline: its name is kept, as the document's author
    if not any(character.isalnum() for character in text):
        # A lone "." or "," ends a sentence broken across lines; other symbols are decoration.
        return None if set(text) <= _SENTENCE_PUNCTUATION else "interface-word"
    if len(text) == 1:
        return "interface-word"
    if _PAGE_NUMBER.fullmatch(text):
        return "page-number"
    if words <= _MAX_PHRASE_LINE_WORDS:
        rule = _phrase_rule(text)
        if rule is not None:
            return rule
        if _is_navigation(text):
            return "navigation"
    if words <= _MAX_LICENCE_WORDS and any(pattern.search(text) for pattern in _LICENCE):
        return "licence-footer"
    if _TAGS.match(text) and words <= 40:
        return "tags"
    if _READ_MORE.match(text) and words <= _MAX_READ_MORE_WORDS:
        return "read-more"
    if words <= _MAX_NOTICE_WORDS:
        if _COOKIE.search(text):
            return "cookie-notice"
        if _NEWSLETTER.search(text):
            return "newsletter"
        if _SOCIAL_PROMPT.search(text):
            return "social-prompt"
    if words == 1 and _LINK.match(text):
        return "link"
    if words <= _MAX_CREDIT_WORDS and _PHOTO_CREDIT.match(text):
        return "photo-credit"
    if words <= _MAX_CAPTION_WORDS and _CAPTION_PREFIX.match(text):
        return "photo-caption"
    if words <= _MAX_BANNER_WORDS and _BANNER.search(text):
        return "maintenance-banner"
    if words <= _MAX_POST_META_WORDS and _POST_META.match(text.strip("«»\u2039\u203a ")):
        return "post-meta"
    return None


def caption_of(cut: Cut) -> str | None:
    """The caption a "photo-caption" line holds, without its "Image caption," label."""
    if cut.rule != "photo-caption" or _CAPTION_LABEL.fullmatch(cut.text):
        return None
    return _CAPTION_PREFIX.sub("", cut.text)


def _trailing_furniture(text: str) -> tuple[str, str] | None:
    """A button's words left after the last sentence of a line: "… in 1958. Share"."""
    end = _LAST_SENTENCE_END.search(text[-_MAX_TAIL_CHARS:])
    if end is None:
        return None
    tail = text[-_MAX_TAIL_CHARS:][end.end() :].strip()
    rule = _phrase_rule(tail) if tail and word_count(tail) <= _MAX_TAIL_WORDS else None
    return (rule, tail) if rule is not None else None


def _phrase_rule(text: str) -> str | None:
    """The rule of the first phrase, if the whole line is made of interface phrases."""
    words = _NON_WORD.sub(" ", _DIGITS.sub("#", text.casefold())).replace("'", " ").split()
    if not words:
        return None
    # first_rule[i]: the rule of the first phrase of a split of words[:i] into phrases
    first_rule: list[str | None] = [None] * (len(words) + 1)
    reachable = [False] * (len(words) + 1)
    reachable[0] = True
    for start in range(len(words)):
        if not reachable[start]:
            continue
        for size in range(1, min(_LONGEST_PHRASE, len(words) - start) + 1):
            rule = _RULE_OF_PHRASE.get(" ".join(words[start : start + size]))
            if rule is not None and not reachable[start + size]:
                reachable[start + size] = True
                first_rule[start + size] = first_rule[start] or rule
    return first_rule[len(words)] if reachable[len(words)] else None


def _is_navigation(text: str) -> bool:
    """A breadcrumb or menu: three or more short items between separators."""
    parts = [part.strip() for part in _SEPARATORS.split(text)]
    parts = [part for part in parts if part]
    return (
        len(parts) >= 3 and all(word_count(part) <= 4 for part in parts) and not ends_sentence(text)
    )
