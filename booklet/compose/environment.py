"""A Jinja environment that can read the project's templates and nothing else.

Templates may come from someone else's booklet: the sandbox refuses Python
internals, the loader refuses paths that leave templates/, and every value is
escaped because the templates write a small XML vocabulary.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from booklet.diagnostics import Location, relative_to

from .compiled import kept_templates


def make_environment(templates_dir: Path) -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(templates_dir, followlinks=False),
        undefined=StrictUndefined,  # a misspelt name is an error, not a silent blank
        autoescape=True,  # source text is data: "<" and "&" stay as written
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=kept_templates(),
    )


def template_location(root: Path, templates_dir: Path) -> Location | None:
    """The template file and line being rendered right now, found on the call stack.

    Jinja compiles templates to Python; their frames carry the template and a map
    from Python lines back to template lines.
    """
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            line = template.get_corresponding_lineno(frame.f_lineno)
            return Location(relative_to(Path(template.filename), root), line)
        frame = frame.f_back  # type: ignore[assignment]
    return None
