"""Where the booklet is written: folders that are missing, read-only or not folders, a full disk."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import booklet.output
from booklet.cli import main

from .conftest import SLUG, outputs


def test_a_missing_output_folder_is_created(built, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(built), "--out", "a/b/c", "--only", "digital"]) == 0
    assert [path.name for path in (tmp_path / "a" / "b" / "c").iterdir()] == [f"{SLUG}.pdf"]
    assert capsys.readouterr().out.startswith(f"wrote a/b/c/{SLUG}.pdf (")


def test_an_output_path_that_is_a_file_is_refused(built, tmp_path, capsys):
    taken = tmp_path / "notes.pdf"
    taken.write_bytes(b"someone's own file")
    assert main(["build", str(built), "--out", str(taken), "--only", "digital"]) == 2
    assert capsys.readouterr().err == (
        f"{taken.as_posix()}: error: this is a file, and the booklet is written into a folder\n"
        "  hint: give --out the name of a folder (a new one is created)\n"
    )
    assert taken.read_bytes() == b"someone's own file"


def test_a_folder_where_an_edition_should_go_stops_the_build_before_any_is_replaced(built, capsys):
    in_the_way = built / "output" / f"{SLUG}-print.pdf"
    in_the_way.unlink()
    in_the_way.mkdir()
    before = outputs(built)
    assert main(["build", str(built)]) == 2
    assert capsys.readouterr().err == (
        f"{in_the_way.as_posix()}: error: a folder has the name the booklet's file should have\n"
        "  hint: move or rename that folder, or choose another with --out; the previous "
        "booklet was left as it was\n"
    )
    assert outputs(built) == before


@pytest.mark.skipif(
    os.name == "posix" and os.geteuid() == 0,
    reason="running as root, whom file permissions do not stop: a folder cannot be read-only",
)
def test_a_read_only_output_folder_is_refused_and_left_as_it_was(built, capsys):
    before = outputs(built)
    folder = built / "output"
    folder.chmod(0o555)
    try:
        assert main(["build", str(built)]) == 2
    finally:
        folder.chmod(0o755)
    assert capsys.readouterr().err == (
        f"{folder.as_posix()}: error: cannot write the booklet: this folder may not be written "
        "to\n  hint: make it writable, or choose another folder with --out; the previous "
        "booklet was left as it was\n"
    )
    assert outputs(built) == before


def full_disk(after: int):
    """A stand-in for the lowest write: the disk fills up after `after` more bytes."""
    room = [after]

    def write_all(handle: int, data: bytes) -> None:
        written = os.write(handle, data[: room[0]])
        room[0] -= written
        if written < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write_all


@pytest.mark.parametrize(
    "room",
    [pytest.param(0, id="at the first file"), pytest.param(200_000, id="half-way")],
)
def test_a_full_disk_leaves_the_previous_booklet_and_no_temporary_file(
    built, monkeypatch, capsys, room
):
    before = outputs(built)
    monkeypatch.setattr(booklet.output, "_write_all", full_disk(room))
    assert main(["build", str(built)]) == 2
    assert capsys.readouterr().err == (
        f"{(built / 'output').as_posix()}: error: cannot write the booklet: the disk is full\n"
        "  hint: free some disk space, then build again; the previous booklet was left as it "
        "was\n"
    )
    assert outputs(built) == before  # also: no .part file


def test_a_folder_that_refuses_new_files_is_reported_even_to_root(built, monkeypatch, capsys):
    """The read-only test's message, where permissions cannot be taken away (root)."""

    def refused(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    before = outputs(built)
    monkeypatch.setattr(booklet.output, "_write_file", refused)
    assert main(["build", str(built)]) == 2
    assert "error: cannot write the booklet: this folder may not be written to\n" in (
        capsys.readouterr().err
    )
    assert outputs(built) == before
