"""How the command line talks: colour, quiet, warnings counted, the offending line shown."""

from __future__ import annotations

import io
from pathlib import Path

from booklet.console import Console
from booklet.diagnostics import Location, Problem

WARNING = Problem(
    Location(Path("seeds/x.txt")), "x contains 1 NUL character", "save it again", severity="warning"
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_offending_line_is_shown_under_the_message(tmp_path):
    (tmp_path / "booklet.toml").write_text('title = "A"\npaper = "a55"\n', encoding="utf-8")
    problem = Problem(Location(Path("booklet.toml"), 2), "`paper` cannot be 'a55'", 'try "a5"')
    assert Console(tmp_path).format(problem) == (
        'booklet.toml:2: error: `paper` cannot be \'a55\'\n     2 | paper = "a55"\n  hint: try "a5"'
    )


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert "\033[1;31merror" in Console(err=Terminal()).format(Problem(None, "bad"))
    assert Console(err=io.StringIO()).format(Problem(None, "bad")) == "error: bad"
    monkeypatch.setenv("NO_COLOR", "1")
    assert Console(err=Terminal()).format(Problem(None, "bad")) == "error: bad"


def test_warnings_are_grouped_and_counted_after_the_results():
    err, out = io.StringIO(), io.StringIO()
    console = Console(err=err, out=out)
    console.warn([WARNING, WARNING])
    console.say("wrote output/a.pdf")
    console.summary()
    assert out.getvalue() == "wrote output/a.pdf\n"
    assert err.getvalue().endswith("  hint: save it again\n2 warnings\n")


def test_quiet_prints_errors_only():
    err, out = io.StringIO(), io.StringIO()
    console = Console(quiet=True, err=err, out=out)
    console.say("wrote output/a.pdf")
    console.warn([WARNING])
    console.report([Problem(None, "bad")])
    console.summary()
    assert out.getvalue() == ""
    assert err.getvalue() == "error: bad\n"


def test_no_progress_line_when_not_on_a_terminal():
    err = io.StringIO()
    console = Console(err=err)
    console.stage("drawing the charts")
    console.end_progress()
    assert err.getvalue() == ""
