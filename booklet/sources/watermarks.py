"""Remove site watermarks spliced into running text.

Sites that copy serialised novels splice their name and address into the text
("… near Berlin. Pen & Fun & Pavilion www.example.info"). A bare web address
that nothing in the sentence introduces ("at", "visit", "see", …) is such a
watermark, together with the short run of capitalised words glued before it
when that run is not part of the sentence: it follows a finished sentence,
joins words with "&" or "|", or spells the address itself.
"""

from __future__ import annotations

import re

from .lines import ends_sentence, letters_only

_COMMON_TLDS = """
    com net org info biz io co cc tv me xyz top site online club app dev blog news ws la fm ly to
    gg icu vip pro live asia eu us uk ca au nz de fr it es nl ru cn jp kr in br mx tw hk sg my ph
    id th vn pl cz ch at be se no dk fi ie pt gr tr ua il za edu gov mil int wiki space store shop
    website link one
"""
_TLDS = frozenset(_COMMON_TLDS.split())
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}(?P<tld>[a-z]{2,12})"
    r"(?:/\S{0,500})?"
)
_URL = re.compile(r"https?://\S{1,2000}")
# An address has a dot with more of it after ("example.com"); a full stop has a space or nothing.
_DOT_INSIDE = re.compile(r"\.[^ ]")
_MAX_TOKEN = 300
_LEADING = "([\"'“\u2018"
_TRAILING = ".,;:!?)]\"'\u2019”»"
# Words that introduce an address as part of the sentence: "tickets at www.…"
_INTRODUCING_WORDS = """
    at on visit visiting visited see from via to website site web online page go check browse is
    was are email e-mail contact called named as and or of in for with under www: url: address:
    website: site: web: see: visit:
"""
_INTRODUCERS = frozenset(_INTRODUCING_WORDS.split())
_JOINERS = frozenset(("&", "|", "+", "·", "•", "-", "\u2013", "\u2014", "/"))
_MAX_RUN = 6
_SPAM = re.compile(
    r"\b(?:chapters?|novels?|read (?:it )?(?:online|for free|free)|latest|fastest|updates?|"
    r"updated|bookmark|mirror|full text|txt|download)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…\"”\u2019')\]])\s+")


def remove_watermarks(text: str) -> tuple[str, list[str]]:
    """The text without watermarks, and each watermark removed."""
    if not _DOT_INSIDE.search(text):
        return text, []
    tokens = text.split(" ")
    if not any(_is_address(token) for token in tokens if "." in token):
        return text, []
    removed: list[str] = []
    text = _remove_spam_sentences(text, removed)
    tokens = text.split(" ")
    drop: set[int] = set()
    for index, token in enumerate(tokens):
        if not _is_address(token):
            continue
        previous = tokens[index - 1].casefold() if index else ""
        if previous in _INTRODUCERS or previous.endswith(":") or token.startswith("("):
            continue
        run = _run_before(tokens, index)
        if run and not _run_is_watermark(tokens, run, token):
            run = []
        removed.append(" ".join(tokens[i] for i in [*run, index]))
        drop.update([*run, index])
        # "… the soldiers www.example.com. Then …": the full stop belongs to the sentence
        stop = token[len(token.rstrip(_TRAILING)) :].strip("\"'\u2019”)»]")
        before = (run[0] if run else index) - 1
        if stop and before >= 0 and before not in drop and not ends_sentence(tokens[before]):
            tokens[before] += stop
    return " ".join(token for index, token in enumerate(tokens) if index not in drop), removed


def _is_address(token: str) -> bool:
    core = token.strip(_LEADING).rstrip(_TRAILING)
    if not core or len(core) > _MAX_TOKEN or "." not in core or "@" in core:
        return False
    if _URL.fullmatch(core):
        return True
    match = _DOMAIN.fullmatch(core)
    return match is not None and match.group("tld") in _TLDS


def _run_before(tokens: list[str], index: int) -> list[int]:
    """Indices of the capitalised words and joiners glued before tokens[index]."""
    run: list[int] = []
    position = index - 1
    while position >= 0 and len(run) < _MAX_RUN:
        token = tokens[position]
        capitalised = token[:1].isupper() and not ends_sentence(token) and token[-1] not in ",;:"
        if not (capitalised or token in _JOINERS):
            break
        run.insert(0, position)
        position -= 1
    return run if any(tokens[i][:1].isupper() for i in run) else []


def _run_is_watermark(tokens: list[str], run: list[int], address: str) -> bool:
    before = run[0] - 1
    if before < 0 or ends_sentence(tokens[before]):
        return True
    if any(tokens[i] in _JOINERS for i in run):
        return True
    name = letters_only("".join(tokens[i] for i in run))
    return len(name) >= 4 and name in letters_only(address)


def _remove_spam_sentences(text: str, removed: list[str]) -> str:
    kept = []
    for sentence in _SENTENCE_BREAK.split(text):
        if _SPAM.search(sentence) and any(_is_address(token) for token in sentence.split()):
            removed.append(sentence)
        else:
            kept.append(sentence)
    return " ".join(kept) if removed else text
