"""One pass over the pages, and drawings kept: speed-ups that never change the booklet.

The contents' lines are known before the pages are laid out, and the parsed
chart drawings are kept in the user's cache; these tests prove both are speed-ups
only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from booklet import document as doc
from booklet import usercache
from booklet.layout import Style, layout, navigation, story
from booklet.layout import figures as layout_figures
from booklet.layout.pages import BookletTemplate
from booklet.project import PAPERS


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty user cache, and no drawing parsed earlier in this process."""
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(tmp_path / "cache"))
    layout_figures._parsed.cache_clear()
    yield tmp_path / "cache"
    layout_figures._parsed.cache_clear()


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per pass ReportLab makes over the booklet."""
    made: list[int] = []
    build = BookletTemplate.build

    def counting(self: BookletTemplate, *args: object, **kwargs: object) -> None:
        made.append(1)
        build(self, *args, **kwargs)

    monkeypatch.setattr(BookletTemplate, "build", counting)
    return made


def test_the_booklet_is_laid_out_in_one_pass(
    sample: doc.Booklet, style: Style, own_cache: Path, passes: list[int]
) -> None:
    layout(sample, style, PAPERS["a5"])
    assert len(passes) == 1  # the contents' lines known before, their numbers written after


def test_a_line_not_as_expected_costs_a_pass_not_a_different_booklet(
    sample: doc.Booklet, style: Style, own_cache: Path, passes: list[int], monkeypatch
) -> None:
    expected = layout(sample, style, PAPERS["a5"])
    lines = story._contents_lines

    def wrong(booklet: doc.Booklet) -> list[navigation.Line]:
        level, markup, page, key = lines(booklet)[0]
        return [(level, markup + " (draft)", page, key), *lines(booklet)[1:]]

    monkeypatch.setattr(story, "_contents_lines", wrong)
    passes.clear()
    assert layout(sample, style, PAPERS["a5"]) == expected
    assert len(passes) == 2


def test_kept_drawings_are_not_parsed_again(
    sample: doc.Booklet, style: Style, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = layout(sample, style, PAPERS["a5"])
    assert list((own_cache / "drawings").glob("*.pickle"))
    layout_figures._parsed.cache_clear()  # as in a new process

    def refuse(*args: object) -> None:
        raise AssertionError("a kept drawing was parsed again")

    monkeypatch.setattr("svglib.svglib.svg2rlg", refuse)
    assert layout(sample, style, PAPERS["a5"]) == first


def test_a_damaged_kept_drawing_is_parsed_again(
    sample: doc.Booklet, style: Style, own_cache: Path
) -> None:
    first = layout(sample, style, PAPERS["a5"])
    for kept in (own_cache / "drawings").glob("*.pickle"):
        kept.write_bytes(kept.read_bytes()[:40])
    layout_figures._parsed.cache_clear()
    assert layout(sample, style, PAPERS["a5"]) == first


def test_an_unwritable_cache_keeps_nothing_and_builds_the_same(
    sample: doc.Booklet, style: Style, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be made under a file")
    monkeypatch.setenv(usercache.ENVIRONMENT_VARIABLE, str(blocker / "cache"))
    layout_figures._parsed.cache_clear()
    assert layout(sample, style, PAPERS["a5"]) == layout(sample, style, PAPERS["a5"])
    assert blocker.read_text().startswith("the cache folder")
