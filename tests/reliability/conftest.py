"""A built copy of the default booklet for tests that try to lose or change its output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from booklet.cli import main

SLUG = "soviet-aid-to-china"
EDITIONS = (f"{SLUG}.pdf", f"{SLUG}-print.pdf", f"{SLUG}-handout.pdf")


def outputs(project: Path) -> dict[str, bytes | None]:
    """Every file in output/, temporary (.part) files included: what a failed build must keep.

    A folder stands for itself, as None."""
    return {
        path.name: None if path.is_dir() else path.read_bytes()
        for path in sorted((project / "output").iterdir())
    }


@pytest.fixture(scope="session")
def built_once(default_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(default_project, project, ignore=shutil.ignore_patterns("output"))
    assert main(["build", str(project), "--quiet"]) == 0
    assert tuple(outputs(project)) == tuple(sorted(EDITIONS))
    return project


@pytest.fixture
def built(built_once: Path, tmp_path: Path) -> Path:
    """A private copy of the default project with its three editions already built."""
    project = tmp_path / "project"
    shutil.copytree(built_once, project)
    return project
