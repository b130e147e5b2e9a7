"""Compiled templates are kept, and a kept one behaves as a freshly compiled one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jinja2 import Environment

from booklet import usercache
from booklet.diagnostics import ProblemsFoundError
from tests.compose.test_compose import compose_chapter

CHAPTER = '<p>The bakers made {{ fact("loaves") }} for the winter.</p>\n<p>{{ fact("loafs") }}</p>'


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache" / "templates"


def problems(tmp_path: Path, chapter: str) -> list[str]:
    """The problems of a fresh project in `tmp_path` (whatever was there before is gone)."""
    shutil.rmtree(tmp_path, ignore_errors=True)
    tmp_path.mkdir(parents=True)
    with pytest.raises(ProblemsFoundError) as raised:
        compose_chapter(tmp_path, chapter)
    return [problem.format() for problem in raised.value.problems]


def refuse_to_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a kept template was compiled again")

    monkeypatch.setattr(Environment, "_compile", refuse)


def test_a_kept_template_reports_problems_at_the_same_lines(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = problems(tmp_path / "a", CHAPTER)
    assert first == [
        "templates/booklet.jinja:4: error: there is no fact 'loafs'\n  hint: did you mean 'loaves'?"
    ]
    assert len(list(own_cache.rglob("*.cache"))) == 1
    refuse_to_compile(monkeypatch)
    assert problems(tmp_path / "a", CHAPTER) == first


def test_an_edited_template_is_compiled_again(tmp_path: Path, own_cache: Path) -> None:
    problems(tmp_path / "a", CHAPTER)
    assert problems(tmp_path / "a", "\n" + CHAPTER)[0].startswith("templates/booklet.jinja:5:")


def test_a_damaged_kept_template_is_compiled_again(tmp_path: Path, own_cache: Path) -> None:
    first = problems(tmp_path / "a", CHAPTER)
    [kept] = own_cache.rglob("*.cache")
    kept.write_bytes(kept.read_bytes()[:30])
    assert problems(tmp_path / "a", CHAPTER) == first


def test_an_unusable_cache_folder_compiles_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(blocker))
    assert problems(tmp_path / "a", CHAPTER) == problems(tmp_path / "a", CHAPTER)
