"""`python -m booklet.reference`: the reference of what a curator may write, made from the code.

The template functions' signatures and docstrings, the chart kinds, and the
default style sheet with its comments are written to docs/reference.md; a test
fails when that file no longer matches, so the documentation cannot drift.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path

from booklet.charts import KINDS
from booklet.compose.functions import NAMES, TemplateFunctions

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "reference.md"


def reference() -> str:
    lines = [
        "# Reference",
        "",
        "Made by `python -m booklet.reference` from the code; do not edit by hand.",
        "",
        "## Template functions",
        "",
        'Templates (`templates/*.jinja`) write a small XML vocabulary — `<chapter title="…">`',
        'holding `<p>`, `<h>`, `<em>`, `<strong>`, `<a href="…">`, and the generated back matter',
        "`<source-notes/>`, `<bibliography/>`, `<glossary/>` — and may call these functions.",
        "Words from the sources are always escaped: they print as written.",
        "",
    ]
    functions = TemplateFunctions.__dict__
    for name in NAMES:
        function = functions[name]
        lines += [
            f"### `{name}({_parameters(function)})`",
            "",
            inspect.cleandoc(function.__doc__ or ""),
            "",
        ]
    lines += [
        "Templates can also read `booklet` (title, subtitle, editor, date, language) and",
        "`sources` (each with id, title, author, kind, trust, paragraphs, headings).",
        "",
        "## Chart kinds",
        "",
        "`kind` of a `[[chart]]` in seeds/facts.toml:",
        "",
    ]
    for kind, reader in KINDS.items():
        module = sys.modules[reader.__module__]
        summary = inspect.cleandoc(module.__doc__ or "").split("\n\n")[0].replace("\n", " ")
        lines.append(f"- `{kind}`: {summary}")
    style = (ROOT / "assets" / "style.toml").read_text(encoding="utf-8")
    lines += [
        "",
        "## The style sheet (`assets/style.toml`), with its defaults",
        "",
        "```toml",
        style.rstrip(),
        "```",
        "",
    ]
    return "\n".join(lines)


def _parameters(function: Callable[..., object]) -> str:
    """ "fact_id, *, note=True": the names a curator writes, without Python's type notes."""
    parts = []
    for parameter in list(inspect.signature(function).parameters.values())[1:]:  # not self
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and "*" not in parts:
            parts.append("*")
        default = parameter.default
        parts.append(
            parameter.name
            if default is inspect.Parameter.empty
            else f"{parameter.name}={default!r}"
        )
    return ", ".join(parts)


def main() -> int:
    TARGET.write_text(reference(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
