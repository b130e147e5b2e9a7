"""Write the cleaned corpus as plain text, for a curator to read and to copy quotes from.

One file per source holds its paragraphs separated by blank lines, in the order
and numbering citations use; glossary.txt lists the terms the sources define.
"""

from __future__ import annotations

from pathlib import Path

from booklet.diagnostics import BookletError, Location, Problem, reason

from .model import Corpus

GLOSSARY_FILE = "glossary.txt"


def dump_corpus(corpus: Corpus, out_dir: Path) -> list[Path]:
    """Write OUT/<source-id>.txt for each source and OUT/glossary.txt; return the paths."""
    files = {
        out_dir / f"{source.id}.txt": "\n\n".join(paragraph.text for paragraph in source.paragraphs)
        for source in corpus.sources
    }
    files[out_dir / GLOSSARY_FILE] = "\n\n".join(
        f"{entry.term} [{entry.source_id}]\n{entry.definition}" for entry in corpus.glossary
    )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, text in files.items():
            path.write_text(f"{text}\n" if text else "", encoding="utf-8")
    except OSError as error:
        raise BookletError(
            Problem(
                Location(out_dir),
                f"cannot write the cleaned corpus: {reason(error)}",
                hint="choose a folder you can write to with --dump",
            )
        ) from None
    return list(files)
