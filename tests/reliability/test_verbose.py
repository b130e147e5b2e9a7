"""--verbose: a traceback for booklet's own faults only, never for a mistake in the user's files."""

from __future__ import annotations

import booklet.build
from booklet.cli import main

INTERNAL = (
    "booklet: internal error: RuntimeError: a fault in compose\n"
    "  hint: this is a bug in booklet; run again with --verbose and report what it prints\n"
)


def test_bad_input_shows_no_traceback_even_with_verbose(built, capsys):
    """The same message as without --verbose (tests/test_cli.py), and nothing more."""
    manifest = built / "booklet.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('paper = "a5"', 'paper = "a55"'), "utf-8"
    )
    assert main(["build", str(built), "--verbose"]) == 2
    assert capsys.readouterr().err == (
        "booklet.toml:11: error: `paper` cannot be 'a55'\n"
        '    11 | paper = "a55"\n'
        '  hint: did you mean "a5"?\n'
    )


def fail(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a fault in compose")


def test_an_internal_error_is_two_lines_without_verbose(built, monkeypatch, capsys):
    monkeypatch.setattr(booklet.build, "compose", fail)
    assert main(["build", str(built)]) == 70
    assert capsys.readouterr().err == INTERNAL


def test_an_internal_error_shows_where_it_happened_with_verbose(built, monkeypatch, capsys):
    monkeypatch.setattr(booklet.build, "compose", fail)
    assert main(["build", str(built), "--verbose"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert ", in fail\n" in err
    assert err.endswith(f"RuntimeError: a fault in compose\n{INTERNAL}")
