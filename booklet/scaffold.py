"""Start a booklet project that builds at once, from nothing or from a folder of saved documents.

A new project is the starter files in booklet/starter/ (the manifest, the style
sheet, templates that quote every source) plus, for each saved document, a copy
under a short name and a first [[source]] entry saying what could be read from
it: its title, its author if a byline names one, and a guess at its kind. Its
trust is left for the curator to judge, and what cannot be read stays unknown.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

from booklet.diagnostics import BookletError, Location, Problem, reason
from booklet.sources import CleanedDocument, clean_document
from booklet.sources.decode import decode_bytes

_STARTER = files("booklet") / "starter"
_NAMES_IN_PROJECT = {"gitignore": ".gitignore"}  # a dotfile would be lost from package data
_FILLED_IN = {"booklet.toml", "seeds/sources.toml"}  # string.Template placeholders: ${name}

_UNJUDGED = "not yet judged: read the document and write the evidence for its trust level here"
_MAX_TITLE_WORDS = 15  # a longer first line is a paragraph, not a title
_SLUG_WORDS = 4
_MAX_SLUG_CHARS = 40
_RESERVED_IDS = frozenset({"glossary"})  # `booklet sources --dump` writes glossary.txt
# Articles, conjunctions and short prepositions: lower case inside a title, left out of a slug.
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "with"}
)


def create_project(target: Path, seeds: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """Write a new booklet project into `target`, describing every .txt document in `seeds`.

    Returns the files written and the problems found in the documents; refuses
    (BookletError) a target that holds files, or a seeds folder with no documents.
    """
    _check_target(target)
    problems: list[Problem] = []
    documents = _describe_all(_seed_files(seeds), problems) if seeds is not None else []
    title = readable_title(target.resolve().name)
    slug = slugify(title, brief=False) or "booklet"
    values = {
        "booklet.toml": {"title": _toml_text(title), "slug": slug},
        "seeds/sources.toml": {
            "renamed": _renamed_block(documents),
            "entries": "".join(_entry(document) for document in documents),
        },
    }
    contents = {
        path: (Template(text).substitute(values[path]) if path in _FILLED_IN else text).encode(
            "utf-8"
        )
        for path, text in _starter_texts(_STARTER, "").items()
    }
    contents |= {f"seeds/{document.slug}.txt": document.data for document in documents}
    return _write(target, contents), problems


def readable_title(folder_name: str) -> str:
    """ "old-mill_history" → "Old Mill History"; a name with capitals keeps them."""
    words = re.sub(r"[\s_.-]+", " ", folder_name).strip()
    if not words:
        return "My Booklet"
    if words != words.lower():
        return words
    return " ".join(
        word if place and word in _SMALL_WORDS else word[:1].upper() + word[1:]
        for place, word in enumerate(words.split())
    )


def slugify(title: str, *, brief: bool = True) -> str:
    """A file name from a title, in plain a-z, 0-9 and -; brief: its first meaningful words."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", folded)
    if brief:
        words = ([word for word in words if word not in _SMALL_WORDS] or words)[:_SLUG_WORDS]
    return "-".join(words)[:_MAX_SLUG_CHARS].rstrip("-")


@dataclass(frozen=True, slots=True)
class _Document:
    """A saved document as `booklet new` found it: its bytes and what could be read from them."""

    original: str  # its file name in the folder it came from
    data: bytes
    slug: str  # its id, and its file name in seeds/
    title: str
    author: str | None
    kind: str
    evidence: tuple[str, ...]  # what the guess of its kind rests on


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise BookletError(
            Problem(
                Location(target),
                "this is a file, not a folder",
                hint="give the name of a new folder for the booklet",
            )
        )
    if target.is_dir() and any(target.iterdir()):
        raise BookletError(
            Problem(
                Location(target),
                "this folder is not empty",
                hint="give a new or empty folder: `booklet new` never writes over files",
            )
        )


def _seed_files(seeds: Path) -> list[Path]:
    if not seeds.is_dir():
        message = "this is a file, not a folder" if seeds.exists() else "no such folder"
        raise BookletError(
            Problem(
                Location(seeds), message, hint="give the folder that holds the saved .txt documents"
            )
        )
    found = sorted(
        path
        for path in seeds.iterdir()
        if path.suffix.lower() == ".txt" and not path.name.startswith(".") and path.is_file()
    )
    if not found:
        raise BookletError(
            Problem(
                Location(seeds),
                "this folder holds no .txt files",
                hint="save each document in it as plain text (.txt), or give another folder",
            )
        )
    return found


def _describe_all(paths: list[Path], problems: list[Problem]) -> list[_Document]:
    documents: list[_Document] = []
    taken = set(_RESERVED_IDS)
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as error:
            problems.append(
                Problem(
                    Location(path),
                    f"cannot read this document: {reason(error)}; it was left out",
                    hint="check that it is a readable file, then add it to seeds/ by hand",
                    is_unreadable_input=True,
                )
            )
            continue
        document = _describe(path, data, taken, problems)
        taken.add(document.slug)
        documents.append(document)
    return documents


def _describe(path: Path, data: bytes, taken: set[str], problems: list[Problem]) -> _Document:
    decoded = decode_bytes(data)
    if decoded is None:
        slug = _unique(slugify(readable_title(path.stem)) or "source", taken)
        problems.append(
            Problem(
                Location(path),
                "cannot tell which text encoding this document uses",
                hint=f"open it in a text editor, save it as UTF-8 over seeds/{slug}.txt, "
                "then run `booklet check` for its new sha256",
                is_unreadable_input=True,
            )
        )
        return _Document(path.name, data, slug, readable_title(path.stem), None, "unknown", ())
    cleaned = clean_document(decoded.text, "new", Path(path.name))
    title = _title(decoded.text, cleaned) or readable_title(path.stem)
    slug = _unique(slugify(title) or slugify(path.stem) or "source", taken)
    if not cleaned.paragraphs:
        problems.append(
            Problem(
                Location(path),
                "nothing of this document was kept after cleaning",
                hint=f"check that it holds the document's text; `booklet sources` shows "
                f"what was taken out of seeds/{slug}.txt",
                severity="warning",
            )
        )
    kind, evidence = guess_kind(decoded.text, cleaned)
    return _Document(path.name, data, slug, title, cleaned.byline, kind, evidence)


def _title(text: str, cleaned: CleanedDocument) -> str | None:
    """The title the cleaner found above the body; else the first line it did not remove."""
    title = next((cut.text for cut in cleaned.removals if cut.rule == "title"), None)
    if title is None:
        removed = {cut.origin.line for cut in cleaned.removals}
        lines = enumerate(text.split("\n"), start=1)
        title = next((line for number, line in lines if line.strip() and number not in removed), "")
    title = " ".join(title.split())
    return title if 0 < len(title.split()) <= _MAX_TITLE_WORDS else None


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


@dataclass(frozen=True, slots=True)
class _Sign:
    """Something in a saved page that tells what kind of document it is."""

    kind: str
    weight: int  # 2: telling on its own; 1: telling only together with another sign
    evidence: str  # as the comment in sources.toml names it
    pattern: re.Pattern[str] | None = None  # found in the saved text
    rules: frozenset[str] = frozenset()  # or: the cleaner removed something by one of these rules


def _sign(kind: str, weight: int, evidence: str, pattern: str = "", *rules: str) -> _Sign:
    """A sign; its pattern ignores case except where it says (?-i:…)."""
    compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE) if pattern else None
    return _Sign(kind, weight, evidence, compiled, frozenset(rules))


_SIGNS = (
    _sign("encyclopedia", 2, "definitions of linked terms inlined", "", "link-gloss"),
    _sign(
        "encyclopedia",
        2,
        "a wiki licence footer",
        r"\b(?:GFDL|GNU Free Documentation|CC BY-SA)\b|\bthe source of this article is wikipedia",
    ),
    _sign(
        "encyclopedia",
        1,
        "the word “encyclopedia” or “wiki”",
        r"\b(?:encyclop(?:a)?edia|wiki\w*)\b",
    ),
    _sign(
        "encyclopedia", 1, "“See also” or “External links”", r"^\s*(?:see also|external links)\s*$"
    ),
    _sign("blog", 2, "a comment section", "", "comment-widget", "reader-comment"),
    _sign("blog", 1, "“posted by” or “posted on”", r"\bposted (?:by|on|in)\b"),
    _sign("blog", 1, "the word “blog”", r"\b(?:blog\w*|wordpress)\b"),
    _sign("blog", 1, "links to older or newer posts", r"^\s*(?:older|newer) posts?\s*$"),
    _sign("news", 2, "a photo caption or credit", "", "photo-caption", "photo-credit"),
    _sign(
        "news", 1, "a byline “By …”", r"^\s*by\s+(?-i:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3})\s*$"
    ),
    _sign("news", 1, "a dateline", "", "dateline"),
    _sign("news", 1, "a standfirst under the headline", "", "standfirst"),
    _sign(
        "news",
        1,
        "the words of a newsroom",
        r"\b(?:correspondent|reporter|staff writer|news agency|newsroom|editor'?s desk)\b",
    ),
    _sign("forum", 2, "quoted and numbered replies", r"^\s*(?:quote from:|reply #\d+|re:\s)"),
    _sign("forum", 2, "members' details", r"^\s*(?:joined|posts|member since)\s*:\s*\S"),
    _sign("forum", 1, "the word “forum” or “thread”", r"\b(?:forums?|thread|message board)\b"),
    _sign("forum", 1, "signatures under posts", "", "signature"),
    _sign("fiction", 2, "a copying site's watermark", "", "watermark"),
    _sign(
        "fiction",
        2,
        "links to the previous or next chapter",
        r"^\W*(?:previous|prev|next) chapter\b",
    ),
    _sign(
        "fiction", 1, "a numbered chapter title", r"\A\s*(?:chapter\s+\d+|\d{1,4}\s+(?-i:[A-Z]))"
    ),
    _sign(
        "fiction",
        1,
        "the words of web fiction",
        r"\b(?:web ?novel|light novel|TL note|translator)\b",
    ),
    _sign("book", 2, "an ISBN or an e-book licence", r"\bISBN\b|\bproject gutenberg\b"),
    _sign("book", 1, "a copyright page", r"\bfirst published in\b|\bprinted in\b"),
    _sign("book", 1, "a preface or foreword", r"^\s*(?:preface|foreword)\s*$"),
)
_MIN_SCORE = 2


def guess_kind(text: str, cleaned: CleanedDocument) -> tuple[str, tuple[str, ...]]:
    """The kind of document a saved page looks like, and the signs the guess rests on.

    "unknown" when no kind has enough signs, or two kinds have as many.
    """
    rules = {removal.rule for removal in cleaned.removals}
    found = [
        sign
        for sign in _SIGNS
        if (sign.pattern is not None and sign.pattern.search(text)) or sign.rules & rules
    ]
    scores: dict[str, int] = {}
    for sign in found:
        scores[sign.kind] = scores.get(sign.kind, 0) + sign.weight
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    (kind, best), runner_up = ranked[0] if ranked else ("unknown", 0), ranked[1:2]
    if best < _MIN_SCORE or (runner_up and runner_up[0][1] == best):
        return "unknown", ()
    return kind, tuple(sign.evidence for sign in found if sign.kind == kind)


def _entry(document: _Document) -> str:
    kind_note = (
        f"# kind: a guess from {'; '.join(document.evidence)}"
        if document.evidence
        else "# kind: no telling signs; write encyclopedia, news, blog, forum, fiction or book"
    )
    lines = [
        "",
        "[[source]]",
        f'id = "{document.slug}"',
        f'file = "seeds/{document.slug}.txt"',
        f'sha256 = "{hashlib.sha256(document.data).hexdigest()}"',
        f'title = "{_toml_text(document.title)}"',
        *([f'author = "{_toml_text(document.author)}"'] if document.author else []),
        kind_note,
        f'kind = "{document.kind}"',
        'trust = "caution"',
        f'trust_note = "{_UNJUDGED}"',
    ]
    return "\n".join(lines) + "\n"


def _renamed_block(documents: list[_Document]) -> str:
    if not documents:
        return ""
    names = [f'"{_toml_text(document.original)}"' for document in documents]
    width = max(len(name) for name in names)
    lines = [
        "",
        "# Each document was copied into seeds/ under a short name made from its title:",
        *(
            f"#   {name:<{width}}  →  seeds/{document.slug}.txt"
            for name, document in zip(names, documents, strict=True)
        ),
    ]
    return "\n".join(lines) + "\n"


def _toml_text(text: str) -> str:
    """The text as it goes between the quotes of a TOML string."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return "".join(
        f"\\u{ord(character):04X}" if ord(character) < 0x20 or ord(character) == 0x7F else character
        for character in escaped
    )


def _starter_texts(folder: Traversable, prefix: str) -> dict[str, str]:
    """Every starter file, by its path in a new project."""
    texts: dict[str, str] = {}
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        path = prefix + _NAMES_IN_PROJECT.get(item.name, item.name)
        if item.is_dir():
            texts |= _starter_texts(item, f"{path}/")
        else:
            texts[path] = item.read_text(encoding="utf-8")
    return texts


def _write(target: Path, contents: dict[str, bytes]) -> list[Path]:
    written: list[Path] = []
    try:
        for name, data in contents.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    except OSError as error:
        raise BookletError(
            Problem(
                Location(target),
                f"cannot write the new project: {reason(error)}",
                hint="check that you may write in that folder and that the disk is not full",
            )
        ) from None
    return written
