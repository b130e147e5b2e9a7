"""A build that fails in any stage leaves every edition of the previous booklet byte for byte."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import booklet.build
import booklet.impose
from booklet.cli import main

from .conftest import outputs

Breaker = Callable[[Path, pytest.MonkeyPatch], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def changed_seed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed = project / "seeds" / "undeclared-war.txt"
    seed.write_bytes(seed.read_bytes() + b"\nAn added line.\n")


def quote_not_found(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(
        project / "seeds" / "facts.toml", "amounting to $150 million", "amounting to $150 millions"
    )


def chart_of_a_missing_fact(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit(project / "seeds" / "facts.toml", 'facts = ["loan-1937",', 'facts = ["loan-1936",')


def template_syntax_error(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chapter = project / "templates" / "chapters" / "02-loans-paid-in-kind.jinja"
    chapter.write_text("{% if %}\n" + chapter.read_text(encoding="utf-8"), encoding="utf-8")


def unknown_fact(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chapter = project / "templates" / "chapters" / "02-loans-paid-in-kind.jinja"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "{{ fact('no-such-fact') }}", "utf-8")


def fault_in(module: ModuleType, stage: str) -> Breaker:
    """A fault of booklet's own in one stage's function, as a bug would be."""

    def fail(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError(f"a fault in {stage}")

    def breaker(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(module, stage, fail)

    return breaker


@pytest.mark.parametrize(
    ("breaker", "status", "message"),
    [
        pytest.param(
            changed_seed,
            1,
            "seeds/undeclared-war.txt has changed since its sha256 was recorded",
            id="sources",
        ),
        pytest.param(
            quote_not_found,
            1,
            "the quote of fact 'loan-third' is not in source 'soviet-contribution'",
            id="facts",
        ),
        pytest.param(
            chart_of_a_missing_fact,
            1,
            "chart 'loans' names fact 'loan-1936', which is not in the figures file",
            id="charts",
        ),
        pytest.param(
            template_syntax_error,
            2,
            "templates/chapters/02-loans-paid-in-kind.jinja:1: error: Expected an expression",
            id="compose-syntax",
        ),
        pytest.param(unknown_fact, 1, "there is no fact 'no-such-fact'", id="compose-fact"),
        pytest.param(
            fault_in(booklet.build, "layout"),
            70,
            "internal error: RuntimeError: a fault in layout",
            id="layout",
        ),
        pytest.param(
            fault_in(booklet.impose, "impose"),
            70,
            "internal error: RuntimeError: a fault in impose",
            id="impose",
        ),
        pytest.param(
            fault_in(booklet.build, "layout_handout"),
            70,
            "internal error: RuntimeError: a fault in layout_handout",
            id="handout",
        ),
    ],
)
def test_a_failed_stage_leaves_the_previous_booklet(
    built, monkeypatch, capsys, breaker, status, message
):
    before = outputs(built)
    breaker(built, monkeypatch)
    assert main(["build", str(built)]) == status
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert outputs(built) == before  # every edition, byte for byte; no temporary file
