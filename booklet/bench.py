"""`python -m booklet.bench`: how long a build takes, where, and how much memory it needs.

Every figure is the median of whole-process runs after a warm-up, with min and max,
and its ratio to a floor measured in the same run (a process that only imports
reportlab.platypus): machines are noisy, ratios travel better than seconds.
Results are printed as a table and written as JSON.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from booklet.usercache import ENVIRONMENT_VARIABLE

_WORDS = (
    "harbour",
    "mill",
    "parish",
    "river",
    "council",
    "railway",
    "school",
    "market",
    "bridge",
    "chapel",
    "miller",
    "farmers",
    "winter",
    "flood",
    "society",
    "museum",
    "village",
    "station",
    "canal",
    "foundry",
    "volunteers",
    "records",
    "archive",
    "church",
    "survey",
    "families",
    "cottages",
    "ferry",
    "coal",
    "wool",
    "weavers",
)


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    median_s: float
    min_s: float | None  # None: not measured (a difference of two medians)
    max_s: float | None
    ratio: float  # median over the floor's median
    peak_mb: float | None  # the largest peak resident memory among the runs; None: not measured
    note: str = ""


def run_process(command: Sequence[str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)  # rusage of this child alone
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports kilobytes


def measure(
    name: str,
    command: Sequence[str],
    runs: int,
    floor: float,
    before: Callable[[], None] | None = None,
    note: str = "",
) -> Measure:
    times, peaks = [], []
    for index in range(runs + 1):  # the first run warms the disk cache and is not counted
        if before is not None:
            before()
        elapsed, peak = run_process(command)
        if index:
            times.append(elapsed)
            peaks.append(peak)
    median = statistics.median(times)
    return Measure(
        name, median, min(times), max(times), median / floor if floor else 1.0, max(peaks), note
    )


def watch_rebuild_times(project: Path, scratch: Path, runs: int) -> list[float]:
    """Seconds from saving a one-paragraph template edit to the new PDF being in place."""
    copy = scaled_project(project, scratch / "watched", 1)
    process = subprocess.Popen(
        [sys.executable, "-m", "booklet", "watch", str(copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # "interrupted" when it is stopped at the end
        text=True,
    )
    try:
        _wait_for_line(process, "watching for changes")
        pdf = next((copy / "output").glob("*[!t].pdf"))
        chapter = sorted((copy / "templates" / "chapters").glob("*.jinja"))[0]
        original = chapter.read_text(encoding="utf-8")
        times = []
        for run in range(runs + 1):
            before = pdf.stat().st_mtime_ns
            chapter.write_text(original.replace("<p>", f"<p>Edit {run}. ", 1), encoding="utf-8")
            saved = time.perf_counter()
            while pdf.stat().st_mtime_ns == before:
                time.sleep(0.005)
            if run:  # the first edit warms what the first build did not touch
                times.append(time.perf_counter() - saved)
            _wait_for_line(process, "watching for changes")
        return times
    finally:
        process.terminate()
        process.wait(timeout=10)


def many_booklets(project: Path, scratch: Path, runs: int, floor: float) -> list[Measure]:
    """Two booklets in one call, one after the other and then on two cores (`--jobs`)."""
    first = scaled_project(project, scratch / "many-a", 1)
    second = scaled_project(project, scratch / "many-b", 1)
    command = [sys.executable, "-m", "booklet", "build", str(first), str(second)]
    run_process(command)  # the charts drawn, as in a warm cache
    serial = measure("8. two booklets, --jobs 1", [*command, "--jobs", "1"], runs, floor)
    parallel = measure("8. two booklets, --jobs 2", [*command, "--jobs", "2"], runs, floor)
    speed_up = serial.median_s / parallel.median_s
    return [serial, replace(parallel, note=f"{speed_up:.2f}x as fast as one after the other")]


def _wait_for_line(process: subprocess.Popen[str], text: str) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if text in line:
            return
    raise SystemExit(f"booklet watch stopped before printing {text!r}")


def scaled_project(source: Path, target: Path, factor: int) -> Path:
    """A copy of the project whose skeleton includes every chapter `factor` times."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("output", ".booklet-cache"))
    skeleton = target / "templates" / "booklet.jinja"
    lines = skeleton.read_text(encoding="utf-8").splitlines(keepends=True)
    chapters = [line for line in lines if line.startswith("{% include")]
    first = lines.index(chapters[0])
    rest = [line for line in lines if line not in chapters]
    skeleton.write_text("".join(rest[:first] + chapters * factor + rest[first:]), encoding="utf-8")
    return target


def generated_document(rng: random.Random, size: int) -> str:
    """A saved page of about `size` characters with the noise real pages carry."""
    parts = ["A History of the Valley\n", "Encyclopedia\n"]
    total = 0
    while total < size:
        words = [rng.choice(_WORDS) for _ in range(rng.randint(15, 40))]
        sentence = " ".join(words).capitalize() + f" in {rng.randint(1800, 1950)}."
        if rng.random() < 0.15:
            term = rng.choice(_WORDS).capitalize() + " " + rng.choice(_WORDS).capitalize()
            sentence = (
                f"The {rng.choice(_WORDS)} of the\n{term}\n{term}\nThe {term} is a "
                f"{' '.join(rng.choice(_WORDS) for _ in range(20))}...\n\n"
                f" was built in {rng.randint(1800, 1950)}."
            )
        parts.append(sentence + ("\n\n" if rng.random() < 0.3 else " "))
        total += len(sentence) + 1
    parts.append("\n0 comments:\n\nPost a Comment\n")
    return "".join(parts)


def clean_throughput(megabytes: float) -> None:
    """Clean a generated corpus in this process and print MB/s (run as its own process)."""
    from booklet.sources import clean_document

    rng = random.Random(1937)
    documents = [
        generated_document(rng, 20_000) for _ in range(int(megabytes * 1_000_000 / 20_000))
    ]
    size = sum(len(document.encode()) for document in documents) / 1_000_000
    started = time.perf_counter()
    for number, document in enumerate(documents):
        clean_document(document, f"doc-{number}", Path(f"seeds/doc-{number}.txt"))
    elapsed = time.perf_counter() - started
    print(json.dumps({"megabytes": size, "seconds": elapsed, "mb_per_s": size / elapsed}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m booklet.bench", description=__doc__)
    parser.add_argument("project", nargs="?", type=Path, default=Path("."))
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (default 5)")
    parser.add_argument("--clean-mb", type=float, default=50.0, help="size of the cleaning corpus")
    parser.add_argument("--json", type=Path, default=Path("output/bench.json"))
    parser.add_argument("--clean-only", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.clean_only is not None:
        clean_throughput(args.clean_only)
        return 0
    python, project = sys.executable, args.project.resolve()
    # As an installed package has: compiled once, not at every start. Where Python is told
    # to write no bytecode, an editable checkout would otherwise compile booklet in each run.
    compileall.compile_dir(Path(__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        # The user's cache (parsed charts, cleaned documents, compiled templates) of the runs
        # here, so that "empty" below is empty and the user's own is left alone.
        user_cache = Path(scratch) / "user-cache"
        os.environ[ENVIRONMENT_VARIABLE] = str(user_cache)
        booklet = [python, "-m", "booklet", "build", str(project), "--out", str(out)]
        floor = measure(
            "floor: import reportlab.platypus",
            [python, "-c", "import reportlab.platypus"],
            args.runs,
            0.0,
        )
        results = [floor]

        def add(name: str, command: Sequence[str], **options: object) -> Measure:
            result = measure(name, command, args.runs, floor.median_s, **options)  # type: ignore[arg-type]
            results.append(result)
            return result

        digital = add("1. default booklet, chart cache warm", [*booklet, "--only", "digital"])
        add(
            "1b. the same in one process",
            [*booklet, "--only", "digital", "--jobs", "1"],
            note="nothing to do alongside the digital edition: the same as 1",
        )

        def empty_caches() -> None:
            shutil.rmtree(project / ".booklet-cache", ignore_errors=True)
            shutil.rmtree(user_cache, ignore_errors=True)

        add(
            "2. default booklet, all caches empty",
            [*booklet, "--only", "digital"],
            before=empty_caches,
            note="charts drawn; documents cleaned; templates compiled",
        )
        times = watch_rebuild_times(project, Path(scratch), args.runs)
        results.append(
            Measure(
                "3. watch: save to new PDF",
                statistics.median(times),
                min(times),
                max(times),
                statistics.median(times) / floor.median_s,
                None,  # the watching process runs on: its peak is not the rebuild's
                "one-paragraph template edit",
            )
        )
        every = add("4. digital, print and handout editions", booklet)
        one_process = add("4b. the same in one process", [*booklet, "--jobs", "1"])
        for name, whole in (("4", every), ("4b", one_process)):
            added = whole.median_s - digital.median_s
            results.append(
                Measure(
                    f"{name}. time print and handout add",
                    added,
                    None,
                    None,
                    added / floor.median_s,
                    None,
                    "difference of two medians",
                )
            )
        results += many_booklets(project, Path(scratch), args.runs, floor.median_s)
        pages_by_factor = {}
        for factor in (1, 4, 16):
            copy = scaled_project(project, Path(scratch) / f"x{factor}", factor)
            command = [
                python,
                "-m",
                "booklet",
                "build",
                str(copy),
                "--out",
                str(out / f"x{factor}"),
                "--only",
                "digital",
            ]
            run_process(command)  # draws the charts once, like a warm cache
            result = add(f"5. content x{factor}", command)
            pdf = next((out / f"x{factor}").glob("*.pdf")).read_bytes()
            pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page")
            pages_by_factor[factor] = pages
            results[-1] = Measure(
                result.name,
                result.median_s,
                result.min_s,
                result.max_s,
                result.ratio,
                result.peak_mb,
                f"{pages} pages, {1000 * result.median_s / max(pages, 1):.0f} ms/page",
            )
        cleaning = [python, "-m", "booklet.bench", "--clean-only", str(args.clean_mb)]
        elapsed, peak = run_process(cleaning)
        results.append(
            Measure(
                f"6. cleaning {args.clean_mb:g} MB of generated pages",
                elapsed,
                elapsed,
                elapsed,
                elapsed / floor.median_s,
                peak,
                f"{args.clean_mb / elapsed:.1f} MB/s (one run, includes start-up)",
            )
        )
        sizes = {path.name: path.stat().st_size for path in out.glob("*.pdf")}
    _print(results, sizes)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps({"results": [asdict(r) for r in results], "pdf_bytes": sizes}, indent=2),
        encoding="utf-8",
    )
    print(f"wrote {args.json}")
    return 0


def _print(results: Sequence[Measure], sizes: dict[str, int]) -> None:
    print(f"{'measure':<44} {'median':>8} {'min':>7} {'max':>7} {'ratio':>6} {'peak':>7}  note")
    for r in results:
        print(
            f"{r.name:<44} {r.median_s:>7.2f}s {_cell(r.min_s, '.2f', 's', 7)} "
            f"{_cell(r.max_s, '.2f', 's', 7)} {r.ratio:>5.1f}x {_cell(r.peak_mb, '.0f', 'MB', 7)}"
            f"  {r.note}"
        )
    for name, size in sorted(sizes.items()):
        print(f"output {name}: {size / 1024:.0f} KB")


def _cell(value: float | None, form: str, unit: str, width: int) -> str:
    return f"{'-' if value is None else format(value, form) + unit:>{width}}"


if __name__ == "__main__":
    sys.exit(main())
