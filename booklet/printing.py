"""Send the print edition or the handout to a printer through CUPS, with the settings it needs.

A booklet prints right only duplex, flipped on the short edge, on the sheet it
was imposed for and without any scaling: a printer left to its defaults prints
one side, "fits" the page and turns the back upside down. `lp` carries these
settings to CUPS, which is on every Linux and macOS desktop. Whatever goes
wrong becomes a Problem that says how to print the file by hand instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Literal

from booklet.diagnostics import BookletError, Problem
from booklet.project import Paper

What = Literal["booklet", "handout"]

MAX_COPIES = 999  # CUPS's own limit for a job's copies, by default
_MEDIA = {"a3": "A3", "a4": "A4", "a5": "A5", "letter": "Letter", "tabloid": "Tabloid"}
_SIDES = {"booklet": "two-sided-short-edge", "handout": "two-sided-long-edge"}
_FLIP = {"booklet": "flip on short edge", "handout": "flip on long edge"}
_TIMEOUT_S = 60
_REASON_LENGTH = 80


def print_command(
    pdf: Path, what: What, paper: Paper, printer: str | None, copies: int
) -> list[str]:
    """The `lp` command line that prints this PDF as it must be printed.

    A booklet's sheets are landscape and printed duplex, flipped on the short
    edge; a handout's pages are portrait, flipped on the long edge. Both go on
    the sheet the paper is printed on, at full size. Raises BookletError for a
    number of copies CUPS would refuse.
    """
    if not 1 <= copies <= MAX_COPIES:
        raise BookletError(
            Problem(
                None,
                f"cannot print {copies} copies",
                hint=f"ask for 1 to {MAX_COPIES} copies",
            )
        )
    command = ["lp"]
    if printer is not None:
        command += ["-d", printer]
    command += ["-n", str(copies), "-t", pdf.name]
    for option in (
        f"media={_MEDIA[paper.sheet]}",
        f"sides={_SIDES[what]}",
        # Printers that speak IPP read print-scaling; older CUPS filters read fit-to-page.
        "print-scaling=none",
        "fit-to-page=false",
    ):
        command += ["-o", option]
    return [*command, str(pdf.absolute())]


def send_to_printer(pdf: Path, what: What, paper: Paper, printer: str | None, copies: int) -> str:
    """Send the PDF to the printer; return the job's id ("office-12").

    Raises BookletError if the file is missing, CUPS is not there or not running,
    the printer is unknown, or the job is refused.
    """
    if not pdf.is_file():
        raise BookletError(
            Problem(None, f"{pdf} does not exist", hint="build it first with `booklet build`")
        )
    command = print_command(pdf, what, paper, printer, copies)
    by_hand = f"print {pdf} from your PDF viewer, on both sides, with '{_FLIP[what]}'"
    lp = shutil.which("lp")
    if lp is None:
        raise BookletError(
            Problem(None, "no printing system found", hint=f"install CUPS, or {by_hand}")
        )
    try:
        done = subprocess.run(
            [lp, *command[1:]], capture_output=True, text=True, timeout=_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise BookletError(
            Problem(None, "the printing system did not answer", hint=f"try again, or {by_hand}")
        ) from error
    except OSError as error:
        raise BookletError(
            Problem(None, "no printing system found", hint=f"install CUPS, or {by_hand}")
        ) from error
    if done.returncode != 0:
        raise BookletError(_refusal(done.stderr, printer, by_hand))
    found = re.search(r"request id is (\S+)", done.stdout)
    return found.group(1) if found else done.stdout.strip()


def _refusal(stderr: str, printer: str | None, by_hand: str) -> Problem:
    said = stderr.lower()
    if "no default destination" in said:
        return Problem(
            None,
            "no printer was chosen and there is no default printer",
            hint="name one with --printer (`lpstat -p` lists them), "
            "or set a default with `lpoptions -d NAME`",
        )
    if "does not exist" in said or "not found" in said:
        return Problem(
            None,
            f"there is no printer called {printer!r}" if printer else "the default printer is gone",
            hint="choose one that `lpstat -p` lists and give it with --printer",
        )
    if "scheduler is not running" in said or "unable to connect" in said:
        return Problem(
            None,
            "the printing system (CUPS) is not running",
            hint=f"start it, or {by_hand}",
        )
    if "not accepting" in said:
        return Problem(
            None,
            f"the printer {printer or '(the default)'} is not accepting jobs",
            hint=f"enable it with `cupsaccept`, or {by_hand}",
        )
    return Problem(
        None,
        f"the printing system refused the job ({_reason(stderr)})",
        hint=f"check the printer, or {by_hand}",
    )


def _reason(stderr: str) -> str:
    """lp's own words on one short line, without its "lp: error -" prefix."""
    text = " ".join(stderr.split())
    text = re.sub(r"^lp:\s*(error\s*-\s*)?", "", text, flags=re.IGNORECASE).rstrip(".")
    if len(text) > _REASON_LENGTH:
        text = text[: _REASON_LENGTH - 1] + "…"
    return (text[:1].lower() + text[1:]) or "no reason given"
