"""Score the cleaning on small documents in many styles, each with its reviewed clean text.

Each tests/sources/corpus/<name>.txt is a document as a web page might be saved;
<name>.expected.txt holds its paragraphs as they should come out, one block each.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from booklet.sources import clean_document
from booklet.sources.decode import decode_bytes

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(path for path in CORPUS.glob("*.txt") if not path.name.endswith(".expected.txt"))
SENTENCE_BREAK = re.compile(r"(?<=[.!?…\"”\u2019)])\s+(?=[\"“\u2018(]?[A-Z0-9])")
MIN_RECALL = 0.95


def sentences(paragraphs: list[str]) -> list[str]:
    return [sentence for paragraph in paragraphs for sentence in SENTENCE_BREAK.split(paragraph)]


def expected(document: Path) -> list[str]:
    text = document.with_name(f"{document.stem}.expected.txt").read_text(encoding="utf-8")
    return [" ".join(block.split()) for block in text.strip().split("\n\n")]


def cleaned(document: Path) -> list[str]:
    decoded = decode_bytes(document.read_bytes())
    assert decoded is not None
    result = clean_document(decoded.text, document.stem, Path("seeds") / document.name)
    return [paragraph.text for paragraph in result.paragraphs]


def test_the_corpus_is_large_enough() -> None:
    assert len(DOCUMENTS) >= 10
    assert all(1_000 <= path.stat().st_size <= 3_000 for path in DOCUMENTS)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_expected_sentences_are_kept_word_for_word(document: Path) -> None:
    body = "\n".join(cleaned(document))
    wanted = sentences(expected(document))
    kept = [sentence for sentence in wanted if sentence in body]
    assert len(kept) / len(wanted) >= MIN_RECALL, [s for s in wanted if s not in body]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_no_furniture_or_definition_is_left_in_the_body(document: Path) -> None:
    reviewed = "\n".join(expected(document))
    assert [sentence for sentence in sentences(cleaned(document)) if sentence not in reviewed] == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.stem)
def test_no_fragment_is_left_unjoined(document: Path) -> None:
    for paragraph in cleaned(document):
        assert not paragraph[0].islower(), paragraph
        assert paragraph[0] not in ",.;:)", paragraph
