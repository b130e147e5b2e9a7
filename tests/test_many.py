"""Several projects in one call: each built whole, in the order named, a failure kept to itself."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from booklet.cli import main
from booklet.diagnostics import BookletError
from booklet.many import Request, build_many
from booklet.usercache import ENVIRONMENT_VARIABLE


@pytest.fixture(scope="module")
def two_projects(default_project: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("many")
    copies = []
    for name in ("first", "second"):
        copy = folder / name
        shutil.copytree(default_project, copy, ignore=shutil.ignore_patterns("output"))
        copies.append(copy)
    manifest = copies[1] / "booklet.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('slug = "', 'slug = "second-', 1), encoding="utf-8")
    return copies


def test_two_projects_on_two_cores_give_what_one_at_a_time_gives(
    two_projects: list[Path], tmp_path: Path
) -> None:
    requests = [Request(root, out=tmp_path / "apart" / root.name) for root in two_projects]
    apart = list(build_many(requests, jobs=1))
    together = list(
        build_many([Request(root, out=tmp_path / "together") for root in two_projects], jobs=2)
    )
    assert [built.root for built in together] == two_projects  # in the order named
    assert [built.exit_status for built in apart + together] == [0, 0, 0, 0]
    for one, other in zip(apart, together, strict=True):
        assert [path.name for path in one.paths] == [path.name for path in other.paths]
        for first, second in zip(one.paths, other.paths, strict=True):
            assert first.read_bytes() == second.read_bytes()
    assert together[1].paths[0].name.startswith("second-")


def test_a_broken_project_fails_alone(two_projects: list[Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "booklet.toml").write_text('title = "Unfinished\n', encoding="utf-8")
    outcomes = list(
        build_many([Request(broken), Request(two_projects[0], out=tmp_path / "out")], jobs=2)
    )
    assert [built.exit_status for built in outcomes] == [2, 0]
    assert outcomes[0].failure is not None
    assert outcomes[0].failure.problem.location is not None
    assert outcomes[0].failure.problem.location.path.name == "booklet.toml"
    assert outcomes[1].paths


def test_two_booklets_of_one_name_are_not_written_over_each_other(
    two_projects: list[Path], tmp_path: Path
) -> None:
    same = [
        Request(two_projects[0], out=tmp_path),
        Request(two_projects[0].parent / "x", out=tmp_path),
    ]
    shutil.copytree(two_projects[0], same[1].root, ignore=shutil.ignore_patterns("output"))
    with pytest.raises(BookletError) as raised:
        list(build_many(same, jobs=2))
    assert "are both called 'soviet-aid-to-china'" in raised.value.problem.message
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_fault_of_booklets_own_is_kept_with_its_traceback(
    two_projects: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_layout(*args: object, **kwargs: object) -> bytes:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("booklet.build.layout", broken_layout)
    [built] = build_many([Request(two_projects[0], out=tmp_path)], jobs=1)
    assert built.exit_status == 70
    assert built.fault is not None
    assert "ZeroDivisionError: a bug" in built.fault


def test_the_command_line_builds_several_and_reports_each_under_its_folder(
    two_projects: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "booklet.toml").write_text('title = "Unfinished\n', encoding="utf-8")
    status = main(["build", *map(str, two_projects), str(broken), "--jobs", "2"])
    out, err = capsys.readouterr()
    assert status == 2  # the worst of 0, 0 and 2
    assert (
        f"{two_projects[1]}:\n  wrote {two_projects[1]}/output/second-soviet-aid-to-china.pdf"
        in out
    )
    assert f"{broken}:\nbooklet.toml:1: error: this is not valid TOML" in err


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_a_number_of_processes_must_be_a_whole_number_from_1(
    jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["build", "--jobs", jobs])
    assert raised.value.code == 2
    assert f"argument --jobs: '{jobs}' is not a number of processes" in capsys.readouterr().err


def test_ctrl_c_stops_every_build_and_changes_no_unfinished_booklet(
    two_projects: list[Path], tmp_path: Path
) -> None:
    def outputs(project: Path) -> dict[str, bytes]:
        return {path.name: path.read_bytes() for path in sorted((project / "output").iterdir())}

    assert main(["build", "-q", *map(str, two_projects), "--jobs", "1"]) == 0
    before = [outputs(project) for project in two_projects]
    for project in two_projects:  # a different booklet, so a new file is told from an old one
        shutil.rmtree(project / ".booklet-cache", ignore_errors=True)
        manifest = project / "booklet.toml"
        text = manifest.read_text(encoding="utf-8")
        manifest.write_text(text.replace('title = "', 'title = "New ', 1), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "booklet", "build", *map(str, two_projects), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, ENVIRONMENT_VARIABLE: str(tmp_path / "cold-cache")},
        start_new_session=True,
    )
    time.sleep(1.0)  # both workers are drawing charts or laying out by now
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.startswith("booklet: interrupted")
    assert "Traceback" not in err
    written = set(err.split("written: ")[1].strip().split(", ")) if "written: " in err else set()
    for project, old in zip(two_projects, before, strict=True):
        now = outputs(project)
        assert list(now) == list(old)  # no temporary file left
        if not written & set(old):  # unfinished: as it was, byte for byte
            assert now == old
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no worker left running
