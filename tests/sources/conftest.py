"""Small booklet projects with saved documents and a sources.toml written for each test."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from booklet.project import Project

Seed = Callable[..., str]


def source_table(source_id: str, file: str, data: bytes, **fields: str) -> str:
    """One [[source]] table for the file's bytes; fields override or add keys."""
    values = {
        "id": source_id,
        "file": file,
        "sha256": hashlib.sha256(data).hexdigest(),
        "title": source_id.replace("-", " ").title(),
        "kind": "blog",
        "trust": "reliable",
        "trust_note": "a test document",
        **fields,
    }
    lines = "\n".join(f'{key} = "{value}"' for key, value in values.items())
    return f"[[source]]\n{lines}\n"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    (tmp_path / "seeds").mkdir()
    return Project(root=tmp_path, title="Test booklet", slug="test-booklet")


@pytest.fixture
def seed(project: Project) -> Seed:
    """Save a document under seeds/ and return its [[source]] table."""

    def save(source_id: str, content: str | bytes, **fields: str) -> str:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (project.seeds_dir / f"{source_id}.txt").write_bytes(data)
        return source_table(source_id, f"seeds/{source_id}.txt", data, **fields)

    return save


@pytest.fixture
def register(project: Project) -> Callable[..., None]:
    """Write seeds/sources.toml from [[source]] tables."""

    def write(*tables: str) -> None:
        project.sources_file.write_text("\n".join(tables), encoding="utf-8")

    return write
