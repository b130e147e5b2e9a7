from __future__ import annotations

from pathlib import Path

import pytest

from booklet.diagnostics import BookletError, Location
from booklet.sources import Corpus, GlossaryEntry, Paragraph, Source, SourceInfo, Trust, dump_corpus


def source(source_id: str, *texts: str) -> Source:
    info = SourceInfo(
        source_id, f"seeds/{source_id}.txt", "0" * 64, "T", "blog", Trust.RELIABLE, "n"
    )
    where = Location(Path(info.file), 1)
    return Source(
        info,
        tuple(
            Paragraph(f"{source_id}:{n}", n, text, where) for n, text in enumerate(texts, start=1)
        ),
    )


def test_writes_one_file_per_source_and_the_glossary(tmp_path: Path) -> None:
    corpus = Corpus(
        (source("mill", "First paragraph.", "Second paragraph."), source("empty")),
        glossary=(
            GlossaryEntry(
                "Leat", "A leat is an open watercourse...", "mill", Location(Path("m"), 4)
            ),
        ),
    )
    out = tmp_path / "dump"
    paths = dump_corpus(corpus, out)
    assert paths == [out / "mill.txt", out / "empty.txt", out / "glossary.txt"]
    assert (out / "mill.txt").read_text(
        encoding="utf-8"
    ) == "First paragraph.\n\nSecond paragraph.\n"
    assert (out / "empty.txt").read_text(encoding="utf-8") == ""
    assert (out / "glossary.txt").read_text(encoding="utf-8") == (
        "Leat [mill]\nA leat is an open watercourse...\n"
    )


def test_an_unwritable_folder_is_a_booklet_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(BookletError) as raised:
        dump_corpus(Corpus(()), blocker / "dump")
    assert raised.value.problem.message.startswith("cannot write the cleaned corpus")
