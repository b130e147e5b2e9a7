import os
import shutil
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from booklet.diagnostics import BookletError
from booklet.printing import print_command, send_to_printer
from booklet.project import PAPERS
from tests.impose.conftest import numbered_pdf

PDF = Path("/booklets/output/zet-print.pdf")


def options(command: list[str]) -> list[str]:
    return [command[i + 1] for i, part in enumerate(command) if part == "-o"]


@pytest.mark.parametrize(
    ("paper", "media"),
    [("a5", "A4"), ("a6", "A5"), ("half-letter", "Letter"), ("a4", "A3"), ("letter", "Tabloid")],
)
def test_a_booklet_is_printed_duplex_on_the_short_edge_on_its_sheet_unscaled(
    paper: str, media: str
) -> None:
    command = print_command(PDF, "booklet", PAPERS[paper], None, 1)
    assert command == [
        "lp",
        "-n",
        "1",
        "-t",
        "zet-print.pdf",
        "-o",
        f"media={media}",
        "-o",
        "sides=two-sided-short-edge",
        "-o",
        "print-scaling=none",
        "-o",
        "fit-to-page=false",
        str(PDF),
    ]


def test_a_handout_is_flipped_on_the_long_edge() -> None:
    command = print_command(PDF, "handout", PAPERS["a5"], None, 1)
    assert "sides=two-sided-long-edge" in options(command)
    assert "media=A4" in options(command)


def test_the_printer_and_the_copies_are_named() -> None:
    command = print_command(PDF, "booklet", PAPERS["a5"], "office", 30)
    assert command[:5] == ["lp", "-d", "office", "-n", "30"]


def test_a_relative_path_is_made_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    command = print_command(Path("output/zet-print.pdf"), "booklet", PAPERS["a5"], None, 1)
    assert command[-1] == str(tmp_path / "output" / "zet-print.pdf")


@pytest.mark.parametrize("copies", [0, -2, 1000])
def test_impossible_numbers_of_copies_are_refused(copies: int) -> None:
    with pytest.raises(BookletError) as raised:
        print_command(PDF, "booklet", PAPERS["a5"], None, copies)
    assert raised.value.problem.format() == (
        f"error: cannot print {copies} copies\n  hint: ask for 1 to 999 copies"
    )


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "zet-print.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    return path


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch):
    """Put an `lp` on the PATH that logs its arguments, prints `out` and `err`, exits `status`."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "lp.log"

    def install(out: str = "", err: str = "", status: int = 0) -> Path:
        script = folder / "lp"
        script.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" > "{log}"\n'
            f"printf '%s' '{out}'\n"
            f"printf '%s' '{err}' >&2\n"
            f"exit {status}\n"
        )
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PATH", str(folder))
        return log

    return install


def test_a_job_sent_returns_its_id_and_passes_every_option(fake_lp, pdf: Path) -> None:
    log = fake_lp(out="request id is office-12 (1 file(s))\n")
    assert send_to_printer(pdf, "booklet", PAPERS["a5"], "office", 2) == "office-12"
    expected = print_command(pdf, "booklet", PAPERS["a5"], "office", 2)[1:]
    assert log.read_text().splitlines() == expected


def problem_of(pdf: Path, printer: str | None = "office") -> str:
    with pytest.raises(BookletError) as raised:
        send_to_printer(pdf, "booklet", PAPERS["a5"], printer, 1)
    return raised.value.problem.format()


def test_without_cups_it_says_how_to_print_by_hand(tmp_path: Path, pdf: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert problem_of(pdf) == (
        "error: no printing system found\n"
        f"  hint: install CUPS, or print {pdf} from your PDF viewer, on both sides,"
        " with 'flip on short edge'"
    )


@pytest.mark.parametrize(
    ("err", "printer", "expected"),
    [
        (
            "lp: Error - No default destination.",
            None,
            "error: no printer was chosen and there is no default printer\n"
            "  hint: name one with --printer (`lpstat -p` lists them), "
            "or set a default with `lpoptions -d NAME`",
        ),
        (
            "lp: Error - The printer or class does not exist.",
            "ofice",
            "error: there is no printer called 'ofice'\n"
            "  hint: choose one that `lpstat -p` lists and give it with --printer",
        ),
        (
            "lp: Error - Scheduler is not running.",
            "office",
            "error: the printing system (CUPS) is not running\n  hint: start it, or print ",
        ),
        (
            'lp: Error - Destination "office" is not accepting jobs.',
            "office",
            "error: the printer office is not accepting jobs\n"
            "  hint: enable it with `cupsaccept`, or print ",
        ),
        (
            'lp: Error - Unsupported document-format "application/pdf".',
            "office",
            'error: the printing system refused the job (unsupported document-format "application'
            '/pdf")\n  hint: check the printer, or print ',
        ),
    ],
)
def test_each_refusal_says_what_to_do(
    fake_lp, pdf: Path, err: str, printer: str | None, expected: str
) -> None:
    fake_lp(err=err, status=1)
    assert problem_of(pdf, printer).startswith(expected)


def test_a_missing_file_asks_for_a_build(tmp_path: Path) -> None:
    assert problem_of(tmp_path / "zet-print.pdf") == (
        f"error: {tmp_path / 'zet-print.pdf'} does not exist\n"
        "  hint: build it first with `booklet build`"
    )


# End to end: a CUPS scheduler of the test's own, with a printer that prints to /dev/null.

CUPSD = Path("/usr/sbin/cupsd")
QUEUE = "booklet-test"


def _cups_missing() -> str | None:
    tools = [name for name in ("lp", "lpstat", "lpadmin") if shutil.which(name) is None]
    if not CUPSD.is_file() or tools:
        return "CUPS is not installed: the Debian package cups provides cupsd, lp and lpadmin"
    if os.geteuid() != 0:
        return "a CUPS scheduler of the test's own needs root to start"
    return None


@pytest.fixture(scope="module")
def cups(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A running scheduler with one file-backed queue; yields its spool folder."""
    if reason := _cups_missing():
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("cups")
    for folder in ("spool", "cache", "state", "log"):
        (root / folder).mkdir()
    socket = root / "cups.sock"
    (root / "cupsd.conf").write_text(
        f"Listen {socket}\nLogLevel warn\nPreserveJobHistory Yes\nPreserveJobFiles Yes\n"
        "DirtyCleanInterval 0\n"  # the job's control file is written at once
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\n"
        f"StateDir {root}/state\nTempDir {root}/spool\nErrorLog {root}/log/error_log\n"
        f"AccessLog {root}/log/access_log\nPageLog {root}/log/page_log\nFileDevice Yes\n"
    )
    scheduler = subprocess.Popen(
        [str(CUPSD), "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CUPS_SERVER", str(socket))
        try:
            if not _wait_for(lambda: _ran("lpstat", "-r") == "scheduler is running"):
                pytest.skip("the CUPS scheduler did not start")
            _ran("lpadmin", "-p", QUEUE, "-E", "-v", "file:///dev/null")
            yield root / "spool"
        finally:
            scheduler.terminate()
            scheduler.wait(timeout=10)


def _ran(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    return done.stdout.strip()


def _wait_for(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def ipp_attributes(message: bytes) -> dict[str, bytes]:
    """Each attribute's first value in an IPP message, as CUPS keeps a job's control file."""
    attributes: dict[str, bytes] = {}
    position = 8  # version, operation, request id
    while position < len(message):
        tag = message[position]
        position += 1
        if tag < 0x10:  # a group starts, or the end
            continue
        name_length = int.from_bytes(message[position : position + 2], "big")
        name = message[position + 2 : position + 2 + name_length].decode()
        position += 2 + name_length
        value_length = int.from_bytes(message[position : position + 2], "big")
        value = message[position + 2 : position + 2 + value_length]
        position += 2 + value_length
        if name:
            attributes.setdefault(name, value)
    return attributes


def test_a_booklet_reaches_cups_with_its_options(cups: Path, pdf: Path) -> None:
    pdf.write_bytes(numbered_pdf(4))
    job = send_to_printer(pdf, "booklet", PAPERS["a5"], QUEUE, 2)
    assert job == f"{QUEUE}-1"
    assert _wait_for(lambda: job in _ran("lpstat", "-W", "completed", "-o", QUEUE))
    assert _wait_for((cups / "c00001").is_file)
    attributes = ipp_attributes((cups / "c00001").read_bytes())
    assert attributes["job-name"] == b"zet-print.pdf"
    assert attributes["sides"] == b"two-sided-short-edge"
    assert attributes["media"] == b"A4"
    assert attributes["print-scaling"] == b"none"
    assert int.from_bytes(attributes["copies"], "big") == 2
