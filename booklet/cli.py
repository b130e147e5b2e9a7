"""The command line: parse arguments, run one command, print problems, pick the exit status.

Exit status: 0 success; 1 the booklet has problems (a quote not found, a fact from
an unreliable source, …); 2 bad usage or unreadable input; 70 a fault of booklet's
own; 130 after Ctrl-C and 143 after SIGTERM (128 and the signal's number, as shells
report it). Only this module and booklet.console print.
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from booklet import __version__
from booklet.console import Console, built_summary
from booklet.diagnostics import (
    BookletError,
    Location,
    Problem,
    ProblemsFoundError,
    errors_in,
    exit_status,
)
from booklet.interrupts import Interrupted, stop_on_signals
from booklet.project import Edition, load_project

if TYPE_CHECKING:
    from booklet.many import Request

EXAMPLES = {
    "build": "example: booklet build            (the booklet in this folder, into output/)",
    "check": "example: booklet check --json     (every problem, for scripts)",
    "sources": "example: booklet sources --dump cleaned/",
    "facts": "example: booklet facts --suggest > candidates.toml",
    "new": "example: booklet new my-booklet --seeds ~/Downloads/articles",
    "watch": "example: booklet watch            (rebuild on every save; Ctrl-C to stop)",
    "print": "example: booklet print --copies 30   (duplex, flipped on the short edge)",
}
INTERNAL_ERROR = 70  # EX_SOFTWARE of sysexits.h
_BUG = "this is a bug in booklet; run again with --verbose and report what it prints"
Command = Callable[[argparse.Namespace, Console], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return the exit status documented in the README."""
    args: argparse.Namespace | None = None
    with stop_on_signals():
        try:
            args = _parser().parse_args(argv)
            return _run(args)
        except KeyboardInterrupt as interrupt:
            print(f"booklet: {_interrupted(interrupt, args)}", file=sys.stderr)
            return 128 + _signal_number(interrupt)


def _run(args: argparse.Namespace) -> int:
    # Library warnings (pypdf on a damaged file) are not messages for readers: every
    # problem a person can fix reaches them as a Problem instead.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    folders = getattr(args, "dir", Path("."))
    root = (folders[0] if isinstance(folders, list) else folders).resolve()
    console = Console(root, quiet=args.quiet, verbose=args.verbose)
    try:
        status: int = args.run(args, console)
    except ProblemsFoundError as found:
        console.report(found.problems)
        return 1
    except BookletError as error:  # the user's input: never a traceback, even with --verbose
        console.report(error.problems)
        return 2
    except Exception as error:  # a fault of booklet's own, not of the user's files
        console.end_progress()
        if args.verbose:
            traceback.print_exc()
        print(
            f"booklet: internal error: {type(error).__name__}: {error}\n  hint: {_BUG}",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
    finally:
        console.end_progress()
    console.summary()
    return status


def _signal_number(interrupt: KeyboardInterrupt) -> int:
    return interrupt.signal_number if isinstance(interrupt, Interrupted) else signal.SIGINT


def _interrupted(interrupt: KeyboardInterrupt, args: argparse.Namespace | None) -> str:
    """One line: what stopped the command, and what it leaves behind."""
    number = _signal_number(interrupt)
    by = "" if number == signal.SIGINT else f" by {signal.Signals(number).name}"
    if isinstance(interrupt, Interrupted) and interrupt.written:
        names = ", ".join(path.name for path in interrupt.written)
        return f"interrupted{by} once the booklet was written: {names}"
    command = args.command if args is not None else None
    if command == "new":
        return f"interrupted{by}; the new project may be incomplete: delete it and start again"
    if command == "sources" and args is not None and args.dump is not None:
        return f"interrupted{by}; the files in {args.dump} may be incomplete"
    return f"interrupted{by}; nothing was changed: the previous output is as it was"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="print debugging detail for internal errors"
    )
    parser = argparse.ArgumentParser(
        prog="booklet",
        parents=[common],
        description="Turn saved source documents into a printable, cited PDF booklet.",
    )
    parser.add_argument("--version", action="version", version=f"booklet {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, summary: str, run: Command, *, project: bool = True, several: bool = False
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary[0].upper() + summary[1:] + ".",
            epilog=EXAMPLES[name],
            parents=[common],
        )
        if project:
            sub.add_argument(
                "dir",
                nargs="*" if several else "?",
                type=Path,
                default=[Path(".")] if several else Path("."),
                metavar="DIR",
                help="the booklet project"
                + ("s, built at once with --jobs" if several else "")
                + " (default: this folder)",
            )
        sub.set_defaults(run=run)
        return sub

    build = command("build", "build the booklet into output/", _run_build, several=True)
    build.add_argument("--out", type=Path, help="write into this folder instead of output/")
    build.add_argument(
        "--only",
        choices=[edition.value for edition in Edition],
        help="build one edition only (the digital one is always written)",
    )
    build.add_argument(
        "--grayscale",
        action="store_true",
        help="every colour as a photocopier's grey: <slug>-grayscale.pdf",
    )
    build.add_argument(
        "--jobs",
        type=_count,
        metavar="N",
        help="processes to use at most (default: one per core); 1 builds in this one only",
    )
    check = command("check", "verify sources, quotes and facts without building", _run_check)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    sources = command("sources", "show the cleaned sources", _run_sources)
    sources.add_argument(
        "--dump", type=Path, metavar="OUT", help="write OUT/<source-id>.txt and OUT/glossary.txt"
    )
    facts = command("facts", "list candidate figures found in the sources", _run_facts)
    facts.add_argument(
        "--suggest",
        action="store_true",
        required=True,
        help="print candidate [[fact]] entries, ready to paste into facts.toml",
    )
    new = command("new", "start a booklet project", _run_new, project=False)
    new.add_argument("dir", type=Path, metavar="DIR", help="a new or empty folder")
    new.add_argument(
        "--seeds",
        type=Path,
        metavar="FOLDER",
        help="a folder of saved .txt documents to start from",
    )
    watching = command("watch", "rebuild the booklet whenever one of its files changes", _run_watch)
    watching.add_argument(
        "--only",
        choices=[edition.value for edition in Edition if edition is not Edition.DIGITAL],
        help="rebuild this edition too (by default only the digital one, to be quick)",
    )
    printing = command("print", "send the print edition to a printer (CUPS)", _run_print)
    printing.add_argument("--printer", metavar="NAME", help="the printer (default: the system's)")
    printing.add_argument("--copies", type=int, default=1, metavar="N", help="how many copies")
    printing.add_argument(
        "--what",
        choices=("booklet", "handout"),
        default="booklet",
        help="the folded booklet (default) or the one-sheet handout",
    )
    return parser


def _run_build(args: argparse.Namespace, console: Console) -> int:
    from booklet.build import build  # the pipeline's imports are paid only by commands that build
    from booklet.many import Request, available_cores

    roots = list(dict.fromkeys(folder.resolve() for folder in args.dir))  # each project once
    out = args.out.resolve() if args.out is not None else None
    editions = (Edition(args.only),) if args.only else None
    jobs = args.jobs or available_cores()
    if len(roots) > 1:
        requests = [Request(root, out, editions, args.grayscale) for root in roots]
        return _build_many(requests, jobs, args)
    project = load_project(roots[0])
    if out is not None:
        project = project.with_output(out)
    for path in build(project, editions, console, grayscale=args.grayscale, jobs=jobs):
        console.end_progress()
        console.say(built_summary(path))
    return 0


def _build_many(requests: Sequence[Request], jobs: int, args: argparse.Namespace) -> int:
    """Every project's results and problems, each under its folder's name; the worst status."""
    from booklet.many import build_many

    status = 0
    for built in build_many(requests, jobs):
        console = Console(built.root, quiet=args.quiet, verbose=args.verbose)
        failed = built.failure is not None or built.fault is not None
        if failed or not args.quiet:  # the folder the messages below are about
            print(f"{_shown(built.root)}:", file=sys.stderr if failed else sys.stdout)
        for path in built.paths:
            console.say("  " + built_summary(path))
        if built.failure is not None:
            console.report(built.failure.problems)
        if built.fault is not None:
            if args.verbose:
                print(built.fault, file=sys.stderr, end="")
            last = built.fault.strip().splitlines()[-1]
            print(f"booklet: internal error: {last}\n  hint: {_BUG}", file=sys.stderr)
        console.warn(built.warnings)
        console.summary()
        status = max(status, built.exit_status)
    return status


def _shown(folder: Path) -> Path:
    try:
        return folder.relative_to(Path.cwd())
    except ValueError:
        return folder


def _count(text: str) -> int:
    """A whole number of processes, at least 1 (argparse turns the error into exit 2)."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1, 2, …)")
    return number


def _run_check(args: argparse.Namespace, console: Console) -> int:
    from booklet.build import check
    from booklet.report import check_report

    project = load_project(args.dir)
    checked = check(project)
    errors = errors_in(checked.problems)
    report = check_report(checked, project)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return exit_status(errors)
    console.say("sources:")
    for source in report["sources"]:
        console.say(f"  {source['id']:<28} {source['trust']:<10} {source['paragraphs']} paragraphs")
    console.say(f"facts: {report['facts']} verified, {report['charts']} charts")
    for conflict in checked.facts.conflicts:
        values = "; ".join(
            f"{fact.value:g} {fact.unit} ({fact.citation.source_id})" for fact in conflict.facts
        )
        console.say(f"sources disagree on {conflict.quantity}: {values}")
    if report["unused_facts"]:
        console.say(f"facts no template uses: {', '.join(report['unused_facts'])}")
    if report["unmentioned_terms"]:
        console.say(
            f"glossary terms no template mentions: {', '.join(report['unmentioned_terms'])}"
        )
    console.report([problem for problem in checked.problems if problem.severity == "error"])
    console.warn(problem for problem in checked.problems if problem.severity == "warning")
    console.say(f"{len(errors)} error(s)" if errors else "no problems found")
    return exit_status(errors)


def _run_sources(args: argparse.Namespace, console: Console) -> int:
    from booklet.sources import dump_corpus, load_corpus

    corpus = load_corpus(load_project(args.dir))
    for source in corpus.sources:
        rules: dict[str, int] = {}
        for removal in source.removals:
            rules[removal.rule] = rules.get(removal.rule, 0) + 1
        removed = ", ".join(f"{rule} {count}" for rule, count in sorted(rules.items())) or "nothing"
        glossary = sum(1 for entry in corpus.glossary if entry.source_id == source.id)
        console.say(
            f"{source.id}: {len(source.paragraphs)} paragraphs kept, "
            f"{glossary} glossary entries; removed: {removed}"
        )
    if args.dump is not None:
        written = dump_corpus(corpus, args.dump)
        console.say(f"wrote {len(written)} files to {args.dump}")
    console.report(errors_in(corpus.problems))
    console.warn(problem for problem in corpus.problems if problem.severity == "warning")
    return exit_status(corpus.problems)


def _run_facts(args: argparse.Namespace, console: Console) -> int:
    from booklet.build import check
    from booklet.facts.suggest import suggestion_report

    checked = check(load_project(args.dir))
    print(suggestion_report(checked.corpus, checked.facts.facts), end="")
    return 0


def _run_new(args: argparse.Namespace, console: Console) -> int:
    from booklet.scaffold import create_project

    written, problems = create_project(args.dir, args.seeds)
    console.say(f"created {args.dir} ({len(written)} files)")
    console.report(problems)
    console.say(
        f"next: read {args.dir / 'seeds' / 'sources.toml'}, then run `booklet build {args.dir}`"
    )
    return exit_status(problems)  # 2 if a document could not be read, though the rest is made


def _run_watch(args: argparse.Namespace, console: Console) -> int:
    from booklet.watch import watch

    editions = {Edition.DIGITAL, *([Edition(args.only)] if args.only else [])}
    watch(args.dir, console, editions)
    return 0


def _run_print(args: argparse.Namespace, console: Console) -> int:
    from booklet.printing import send_to_printer

    project = load_project(args.dir)
    name = "print" if args.what == "booklet" else "handout"
    pdf = project.out_dir / f"{project.slug}-{name}.pdf"
    if not pdf.is_file():
        raise BookletError(
            Problem(
                Location(pdf),
                f"the {args.what} has not been built",
                hint="run `booklet build` first",
            )
        )
    job = send_to_printer(pdf, args.what, project.paper, args.printer, args.copies)
    flip = "short" if args.what == "booklet" else "long"
    console.say(f"sent {pdf.name} as job {job}: duplex, flipped on the {flip} edge, not scaled")
    return 0
