"""Several projects in one call: each built whole, in the order named, a failure kept to itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from booklet.diagnostics import BookletError
from booklet.many import Request, build_many


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
