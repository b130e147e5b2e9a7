"""Turn templates, corpus, facts and figures into the document tree.

Templates are rendered in a sandbox; what they call is checked against the
sources and facts; the result is parsed into booklet.document values that any
back end can lay out.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from booklet import __version__
from booklet import document as doc
from booklet.charts.model import Figure
from booklet.diagnostics import (
    BookletError,
    Location,
    Problem,
    ProblemsFoundError,
    raise_if_errors,
    relative_to,
    stopping_error,
)
from booklet.facts import Facts
from booklet.project import Project
from booklet.sources.model import Corpus

from .citations import load_citation_style
from .environment import make_environment
from .functions import NAMES, TemplateFunctions
from .tree import TreeBuilder, parse

__all__ = ["HANDOUT", "SKELETON", "compose"]

SKELETON = "booklet.jinja"  # the booklet's skeleton in templates/
HANDOUT = "handout.jinja"  # the one-sheet handout's


def compose(
    project: Project,
    corpus: Corpus,
    facts: Facts,
    figures: Sequence[Figure],
    skeleton_name: str = SKELETON,
) -> doc.Booklet:
    """Render a skeleton (the booklet's, or the handout's) into a Booklet.

    All template problems are reported at once.
    """
    functions = TemplateFunctions(project.root, project.templates_dir, corpus, facts, figures)
    rendered = _render(project, functions, skeleton_name)
    skeleton = Location(relative_to(project.templates_dir / skeleton_name, project.root))
    root, problem = parse(rendered, lambda line: _template_line(project, rendered, line))
    if root is None:
        raise stopping_error([*functions.registry.problems, *([problem] if problem else [])])
    builder = TreeBuilder(
        corpus,
        {figure.id: figure for figure in figures},
        functions.registry.citations,
        load_citation_style(project.citation_style, project.root, project.assets_dir),
        skeleton,
        functions.registry.pictures,
    )
    chapters, illustration = builder.chapters(root)
    cover_figure = _cover_figure(illustration, figures, builder, skeleton)
    raise_if_errors([*functions.registry.problems, *builder.problems])
    return doc.Booklet(
        title=project.title,
        subtitle=project.subtitle,
        author=project.editor,
        language=project.language,
        subject=project.subject,
        keywords=project.keywords,
        cover=doc.Cover(
            project.title, project.subtitle, project.editor, project.date, cover_figure
        ),
        chapters=chapters,
        notes=tuple(builder.notes),
        back_cover=doc.BackCover(
            summary=(doc.Paragraph((doc.Span(project.summary),), "body"),)
            if project.summary
            else (),
            edition_url=project.edition_url,
            colophon=f"{project.title} · made with booklet {__version__}",
        ),
        colophon=_colophon(project, corpus),
    )


def _render(project: Project, functions: TemplateFunctions, skeleton_name: str) -> str:
    environment = make_environment(project.templates_dir)
    environment.globals.update(functions.as_globals())
    environment.globals["sources"] = [
        {
            "id": source.id,
            "title": source.info.title,
            "author": source.info.author,
            "kind": source.info.kind,
            "trust": source.info.trust.value,
            "paragraphs": len(source.paragraphs),
            "headings": list(source.headings),
        }
        for source in functions.corpus.sources
    ]
    environment.globals["booklet"] = {
        "title": project.title,
        "subtitle": project.subtitle,
        "editor": project.editor,
        "date": project.date,
        "language": project.language,
    }
    try:
        return environment.get_template(skeleton_name).render()
    except TemplateSyntaxError as error:
        path = (
            Path(error.filename)
            if error.filename
            else project.templates_dir / (error.name or skeleton_name)
        )
        raise BookletError(
            Problem(
                Location(relative_to(path, project.root), error.lineno),
                error.message or "syntax error",
                hint="check that every {% … %} and {{ … }} on that line is closed",
            )
        ) from None
    except TemplateNotFound as error:
        raise BookletError(
            Problem(
                Location(relative_to(project.templates_dir, project.root)),
                f"template '{error.name}' is not in templates/",
                hint="templates can only include files inside the project's templates/ folder",
            )
        ) from None
    except (UndefinedError, SecurityError) as error:
        hint = f"templates can use: {', '.join(('booklet', 'sources', *NAMES))}"
        refused = isinstance(error, SecurityError)  # a hostile template, not a slip: status 2
        if refused:
            hint = "templates run in a sandbox: Python internals are out of reach"
        where = _failing_template_line(error, project)
        raise stopping_error(
            [
                *functions.registry.problems,
                Problem(where, str(error), hint=hint, is_unreadable_input=refused),
            ]
        ) from None
    except TemplateError as error:
        raise ProblemsFoundError(
            [Problem(_failing_template_line(error, project), str(error))]
        ) from None


def _failing_template_line(error: Exception, project: Project) -> Location:
    templates = str(project.templates_dir.resolve())
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.startswith(templates):
            return Location(relative_to(Path(frame.filename), project.root), frame.lineno)
    return Location(relative_to(project.templates_dir / SKELETON, project.root))


def _template_line(project: Project, rendered: str, line: int) -> Location:
    """Find the template line that produced a line of output, by its text."""
    lines = rendered.splitlines()
    wanted = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    for path in sorted(project.templates_dir.rglob("*.jinja")):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if wanted and text.strip() == wanted:
                return Location(relative_to(path, project.root), number)
    return Location(relative_to(project.templates_dir / SKELETON, project.root))


def _cover_figure(
    chart_id: str | None, figures: Sequence[Figure], builder: TreeBuilder, origin: Location
) -> doc.FigureBlock | None:
    if chart_id is None:
        return None
    figure = next((figure for figure in figures if figure.id == chart_id), None)
    if figure is None:
        builder.problems.append(
            Problem(
                origin,
                f"the cover names chart '{chart_id}', which does not exist",
                hint="name a [[chart]] of seeds/facts.toml",
            )
        )
        return None
    return doc.FigureBlock(
        0,
        figure.spec.title,
        (),
        figure.spec.description,
        figure.svg,
        figure.width_mm,
        figure.height_mm,
    )


def _colophon(project: Project, corpus: Corpus) -> tuple[doc.Paragraph, ...]:
    built = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        time.strftime("%Y-%m-%d", time.gmtime(int(built)))
        if built and built.isdigit()
        else project.date
    )
    lines = [
        f"{project.title}. {project.subtitle or ''}".strip(),
        f"Edited by {project.editor}." if project.editor else "",
        f"Built{f' {when}' if when else ''} with booklet {__version__}. "
        "Every figure and quotation in this booklet is "
        "copied from one of the saved documents listed below and cited in a note; "
        "the notes on the sources say how far each can be trusted.",
        "Saved documents (SHA-256 of each file as saved):",
    ]
    paragraphs = [doc.Paragraph((doc.Span(line),), "small") for line in lines if line]
    paragraphs += [
        doc.Paragraph((doc.Span(f"{source.info.file}  {source.info.sha256[:16]}…"),), "small")
        for source in corpus.sources
    ]
    return tuple(paragraphs)
