"""The command line: parse arguments, run one command, print problems, pick the exit status.

Exit status: 0 success; 1 the booklet has problems (a quote not found, a fact from
an unreliable source, …); 2 bad usage or unreadable input. Only this module prints.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from booklet import __version__
from booklet.diagnostics import BookletError, Problem, ProblemsFoundError, errors_in
from booklet.project import Edition, Project, load_project

EXAMPLES = {
    "build": "example: booklet build            (the booklet in this folder, into output/)",
    "check": "example: booklet check --json     (every problem, for scripts)",
    "sources": "example: booklet sources --dump cleaned/",
    "new": "example: booklet new my-booklet --seeds ~/Downloads/articles",
    "facts": "example: booklet facts --suggest > candidates.toml",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return the exit status documented in the README."""
    args = _parser().parse_args(argv)
    # Library warnings (pypdf on a damaged file) are not messages for readers: every
    # problem a person can fix reaches them as a Problem instead.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    try:
        status: int = args.run(args)
    except ProblemsFoundError as found:
        _report(found.problems)
        return 1
    except BookletError as error:
        _report(error.problems)
        return 2
    except KeyboardInterrupt:
        print("booklet: interrupted; the previous output was left as it was", file=sys.stderr)
        return 130
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="booklet",
        description="Turn saved source documents into a printable, cited PDF booklet.",
    )
    parser.add_argument("--version", action="version", version=f"booklet {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = _command(commands, "build", "build the booklet into output/", _run_build)
    build.add_argument("--out", type=Path, help="write into this folder instead of output/")
    build.add_argument(
        "--only", choices=[edition.value for edition in Edition], help="build one edition only"
    )

    check = _command(
        commands, "check", "verify sources, quotes and facts without building", _run_check
    )
    check.add_argument("--json", action="store_true", help="print the report as JSON")

    sources = _command(commands, "sources", "show the cleaned sources", _run_sources)
    sources.add_argument(
        "--dump", type=Path, metavar="OUT", help="write OUT/<source-id>.txt and OUT/glossary.txt"
    )
    facts = _command(commands, "facts", "list candidate figures found in the sources", _run_facts)
    facts.add_argument(
        "--suggest",
        action="store_true",
        required=True,
        help="print candidate [[fact]] entries, ready to paste into facts.toml",
    )

    new = commands.add_parser(
        "new",
        help="start a booklet project",
        description="Start a booklet project in DIR.",
        epilog=EXAMPLES["new"],
    )
    new.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder")
    new.add_argument(
        "--seeds",
        type=Path,
        metavar="FOLDER",
        help="a folder of saved .txt documents to start from",
    )
    new.set_defaults(run=_run_new)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help: str, run: object
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name, help=help, description=help.capitalize() + ".", epilog=EXAMPLES[name]
    )
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the booklet project (default: this folder)",
    )
    parser.set_defaults(run=run)
    return parser


def _run_build(args: argparse.Namespace) -> int:
    from booklet.build import build  # the pipeline's imports are paid only by commands that build

    project = load_project(args.dir)
    if args.out is not None:
        project = project.with_output(args.out.resolve())
    editions = [Edition(args.only)] if args.only else None
    for path in build(project, editions):
        data = path.read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
        print(f"wrote {_shown(path, project)} ({pages} pages, {len(data) // 1024} KB)")
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from booklet.build import check

    project = load_project(args.dir)
    checked = check(project)
    errors = errors_in(checked.problems)
    if args.json:
        print(
            json.dumps(
                {
                    "sources": [
                        {"id": s.id, "trust": s.info.trust.value, "paragraphs": len(s.paragraphs)}
                        for s in checked.corpus.sources
                    ],
                    "facts": len(checked.facts.facts),
                    "conflicts": [
                        {
                            "quantity": c.quantity,
                            "facts": [
                                {"id": f.id, "value": f.value, "source": f.citation.source_id}
                                for f in c.facts
                            ],
                        }
                        for c in checked.facts.conflicts
                    ],
                    "problems": [problem.to_json() for problem in checked.problems],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 1 if errors else 0
    print("sources:")
    for source in checked.corpus.sources:
        print(
            f"  {source.id:<28} {source.info.trust.value:<10} {len(source.paragraphs)} paragraphs"
        )
    print(f"facts: {len(checked.facts.facts)} verified, {len(checked.facts.charts)} charts")
    for conflict in checked.facts.conflicts:
        values = "; ".join(
            f"{fact.value:g} {fact.unit} ({fact.citation.source_id})" for fact in conflict.facts
        )
        print(f"sources disagree on {conflict.quantity}: {values}")
    if checked.problems:
        _report(checked.problems)
    print(f"{len(errors)} error(s)" if errors else "no problems found")
    return 1 if errors else 0


def _run_sources(args: argparse.Namespace) -> int:
    from booklet.sources import dump_corpus, load_corpus

    project = load_project(args.dir)
    corpus = load_corpus(project)
    for source in corpus.sources:
        rules: dict[str, int] = {}
        for removal in source.removals:
            rules[removal.rule] = rules.get(removal.rule, 0) + 1
        removed = ", ".join(f"{rule} {count}" for rule, count in sorted(rules.items())) or "nothing"
        glossary = sum(1 for entry in corpus.glossary if entry.source_id == source.id)
        print(
            f"{source.id}: {len(source.paragraphs)} paragraphs kept, {glossary} glossary entries; "
            f"removed: {removed}"
        )
    if args.dump is not None:
        written = dump_corpus(corpus, args.dump)
        print(f"wrote {len(written)} files to {args.dump}")
    if corpus.problems:
        _report(corpus.problems)
    return 1 if errors_in(corpus.problems) else 0


def _run_facts(args: argparse.Namespace) -> int:
    from booklet.build import check
    from booklet.facts.suggest import suggestion_report

    checked = check(load_project(args.dir))
    print(suggestion_report(checked.corpus, checked.facts.facts), end="")
    return 0


def _run_new(args: argparse.Namespace) -> int:
    from booklet.scaffold import create_project

    written, problems = create_project(args.dir, args.seeds)
    print(f"created {args.dir} ({len(written)} files)")
    if problems:
        _report(problems)
    print(f"next: read {args.dir / 'seeds' / 'sources.toml'}, then run `booklet build {args.dir}`")
    return 1 if errors_in(problems) else 0


def _shown(path: Path, project: Project) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)
