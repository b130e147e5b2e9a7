"""The five documents of the default booklet come out as clean prose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from booklet.project import Project
from booklet.sources import Corpus, Source, load_corpus

from .conftest import source_table

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TITLES = {
    "operation-zet": "Operation Zet",
    "soviet-volunteer-group": "Soviet Volunteer Group",
    "undeclared-war": "The (Undeclared) Soviet-Japanese War",
    "soviet-contribution": "Soviet Contribution: The USSR Helps in Defeat of Japan",
    "web-serial-349": "349 Soviet-Japanese War",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("default-seeds")
    (root / "seeds").mkdir()
    tables = []
    for source_id, title in TITLES.items():
        shutil.copy(SEEDS / f"{source_id}.txt", root / "seeds")
        data = (SEEDS / f"{source_id}.txt").read_bytes()
        tables.append(source_table(source_id, f"seeds/{source_id}.txt", data, title=title))
    (root / "seeds" / "sources.toml").write_text("\n".join(tables), encoding="utf-8")
    return load_corpus(Project(root=root, title="Default", slug="default"))


def source(corpus: Corpus, source_id: str) -> Source:
    found = corpus.source(source_id)
    assert found is not None
    return found


def body(corpus: Corpus, source_id: str) -> str:
    return "\n".join(paragraph.text for paragraph in source(corpus, source_id).paragraphs)


def test_no_problems(corpus: Corpus) -> None:
    assert corpus.problems == ()


def test_operation_zet_sentences_are_rejoined(corpus: Corpus) -> None:
    text = body(corpus, "operation-zet")
    assert (
        "Operation Zet was a secret operation of the Soviet Union to provide military and "
        "technical resources to the Republic of China as a part of the Sino-Soviet "
        "Non-Aggression Pact." in text
    )
    assert "in the defense of Nanjing, Wuhan, Nanchang and Chongqing." in text
    assert (
        "during World War II. The Soviet Union and The Empire of Japan had a longstanding" in text
    )
    for furniture in ("Encyclopedia", "GFDL", "wikipedia", "...", "\nx", "OK"):
        assert furniture not in text
    assert len(source(corpus, "operation-zet").paragraphs) == 3


def test_operation_zet_definitions_are_in_the_glossary(corpus: Corpus) -> None:
    terms = [entry.term for entry in corpus.glossary if entry.source_id == "operation-zet"]
    assert terms[:3] == ["Soviet Union", "Republic of China", "Imperial Japanese Army"]
    assert len(terms) == 11
    text = body(corpus, "operation-zet")
    for entry in corpus.glossary:
        assert entry.definition[:40] not in text


def test_soviet_volunteer_group_is_kept_once_without_fragments(corpus: Corpus) -> None:
    group = source(corpus, "soviet-volunteer-group")
    texts = [paragraph.text for paragraph in group.paragraphs]
    assert len(texts) == 4
    assert texts[0].startswith("The Soviet Volunteer Group was the ostensibly volunteer Soviet Air")
    assert (
        "bases near the cities of Nanjing, Hankou, and Chongqing, and at Lanzhou in China's "
        "northwest at the terminus of the Russian supply route." in texts[1]
    )
    assert texts[3] == (
        "There are several monuments to the Soviet aviators in China, including one in "
        "Jiefang Gongyuan (Liberation Park) in Wuhan, which was built in 1956."
    )
    assert all(text[0].isupper() for text in texts)
    assert group.headings == ("Creation and withdrawal", "Monuments")
    assert [paragraph.section for paragraph in group.paragraphs] == [
        None,
        "Creation and withdrawal",
        "Creation and withdrawal",
        "Monuments",
    ]
    rules = [removal.rule for removal in group.removals]
    assert rules.count("orphan-fragment") == 2
    assert rules.count("repeated-passage") == 2
    assert "NanjingNanjing" not in "\n".join(texts)


def test_blog_has_its_five_paragraphs_and_no_comment_widget(corpus: Corpus) -> None:
    blog = source(corpus, "undeclared-war")
    assert len(blog.paragraphs) == 5
    assert blog.paragraphs[0].text.startswith("The conflict between the Soviet Union and Japan")
    assert blog.paragraphs[4].text.endswith("invaded the regions there.")
    text = body(corpus, "undeclared-war")
    assert "comments" not in text
    assert "Post a Comment" not in text


def test_newspaper_byline_captions_and_masthead(corpus: Corpus) -> None:
    news = source(corpus, "soviet-contribution")
    assert news.byline == "An Wen"
    assert [(removal.rule, removal.text) for removal in news.removals[:6]] == [
        ("masthead", "EDITOR'S DESK"),
        ("masthead", "Promoting Friendship"),
        ("masthead", "BACKGROUND"),
        ("title", "Soviet Contribution"),
        ("title", "The USSR helps in defeat of Japan"),
        ("byline", "By AN WEN"),
    ]
    assert news.captions == (
        "VICTORY PARADE: Soviet tanks roll through streets in Harbin to celebrate victory over "
        "the Japanese in 1945",
        "BADGES OF HONOR: One of the Soviet veterans who fought in China recalls Sino-Russian "
        "wartime friendship at a reception held in the Chinese Embassy in Moscow to honor their "
        "efforts",
    )
    text = body(corpus, "soviet-contribution")
    for furniture in (
        "EDITOR'S DESK",
        "Promoting Friendship",
        "BACKGROUND",
        "AN WEN",
        "VICTORY",
        "BADGES",
    ):
        assert furniture not in text
    assert news.paragraphs[0].text == (
        "The Soviet Union provided major assistance to China during the early and middle stages "
        "of China\u2019s War of Resistance Against Japanese Aggression."
    )
    assert "an agreement was reached on a third loan amounting to $150 million." in text
    assert len(news.paragraphs) == 20


def test_web_serial_has_no_watermark_or_chapter_heading(corpus: Corpus) -> None:
    serial = source(corpus, "web-serial-349")
    text = body(corpus, "web-serial-349")
    assert "biquge" not in text
    assert "Pen & Fun" not in text
    assert "349" not in text
    assert serial.paragraphs[0].text.endswith("at the Séchielin Hof Palace near Berlin.")
    assert len(serial.paragraphs) == 29


def test_every_paragraph_reads_as_prose(corpus: Corpus) -> None:
    for each in corpus.sources:
        for paragraph in each.paragraphs:
            assert paragraph.id == f"{each.id}:{paragraph.number}"
            assert paragraph.text == " ".join(paragraph.text.split())
            assert paragraph.text[0].isupper() or paragraph.text[0] in '"“'
            assert paragraph.text[-1] in '.!?"”'
