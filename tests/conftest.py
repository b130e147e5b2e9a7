"""Shared fixtures: the default booklet built once, and helpers to read PDFs as a reader would."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Builds under test keep their parsed charts in a folder of their own, not the user's."""
    from booklet.usercache import ENVIRONMENT_VARIABLE

    folder = tempfile.mkdtemp(prefix="booklet-user-cache-")
    os.environ[ENVIRONMENT_VARIABLE] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, de-hyphenated and with single spaces, as a reader would copy it."""
    from pypdf import PdfReader

    return [_normalise(page.extract_text() or "") for page in PdfReader(pdf).pages]


def _normalise(text: str) -> str:
    # a break after a hyphen: a compound keeps it ("Alma-Ata"), a hyphenated word loses it
    text = re.sub(r"(\w)-\n(?=[A-Z])", r"\1-", text)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.fixture(scope="session")
def default_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's own booklet project, so tests never touch output/."""
    copy = tmp_path_factory.mktemp("default") / "project"
    copy.mkdir()
    for name in ("booklet.toml", "seeds", "templates", "assets"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        else:
            shutil.copy2(source, copy / name)
    return copy


@pytest.fixture(scope="session")
def default_build(default_project: Path) -> dict[str, Path]:
    """The default booklet, built once for every end-to-end test."""
    from booklet.build import build
    from booklet.project import load_project

    paths = build(load_project(default_project))
    return {path.name: path for path in paths}
