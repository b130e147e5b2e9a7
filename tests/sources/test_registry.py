from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from booklet.diagnostics import BookletError, Location, Problem
from booklet.project import Project
from booklet.sources import Trust, read_registry

from .conftest import Seed, source_table

Register = Callable[..., None]
TOML = Path("seeds/sources.toml")
TEXT = "A short saved document about the parish pump.\n"


def test_reads_every_field_and_keeps_unknown_unknown(
    project: Project, seed: Seed, register: Register
) -> None:
    register(
        seed("parish-pump", TEXT, author="unknown", publisher="Parish Magazine", url="Unknown"),
        seed("old-school", TEXT, trust="caution", kind="news"),
    )
    infos, problems = read_registry(project)
    assert problems == []
    pump, school = infos
    assert (pump.id, pump.file, pump.title, pump.trust) == (
        "parish-pump",
        "seeds/parish-pump.txt",
        "Parish Pump",
        Trust.RELIABLE,
    )
    assert (pump.author, pump.publisher, pump.url, pump.published) == (
        None,
        "Parish Magazine",
        None,
        None,
    )
    assert pump.origin == Location(TOML, 1)
    assert (school.trust, school.kind, school.origin) == (Trust.CAUTION, "news", Location(TOML, 13))


def test_toml_dates_become_text(project: Project, seed: Seed, register: Register) -> None:
    register(seed("parish-pump", TEXT) + "published = 2015-08-14\n")
    (info,), _ = read_registry(project)
    assert info.published == "2015-08-14"


def test_changed_file_is_flagged_with_its_new_sha256(
    project: Project, seed: Seed, register: Register
) -> None:
    register(seed("parish-pump", TEXT))
    edited = b"Edited by hand.\n"
    (project.seeds_dir / "parish-pump.txt").write_bytes(edited)
    infos, problems = read_registry(project)
    assert [info.id for info in infos] == ["parish-pump"]  # still listed, but flagged
    assert problems == [
        Problem(
            Location(TOML, 4),
            "seeds/parish-pump.txt has changed since its sha256 was recorded",
            hint=f'check the file, then update sha256 to "{hashlib.sha256(edited).hexdigest()}"',
        )
    ]


def test_missing_key_unknown_key_and_bad_trust_are_all_listed(
    project: Project, seed: Seed, register: Register
) -> None:
    table = seed("parish-pump", TEXT, trust="reliabel", auther="An Wen")
    register(table.replace('kind = "blog"\n', ""))
    infos, problems = read_registry(project)
    assert infos == []
    assert [(problem.location, problem.message, problem.hint) for problem in problems] == [
        (Location(TOML, 1), "unknown key `auther` in [[source]]", "did you mean `author`?"),
        (Location(TOML, 6), "`trust` cannot be 'reliabel'", 'did you mean "reliable"?'),
        (Location(TOML, 1), "source 'parish-pump' has no `kind`", 'add a line: kind = "…"'),
    ]


def test_missing_sha256_hint_gives_the_value(
    project: Project, seed: Seed, register: Register
) -> None:
    table = seed("parish-pump", TEXT)
    register("\n".join(line for line in table.splitlines() if not line.startswith("sha256")))
    _, (problem,) = read_registry(project)
    assert problem.message == "source 'parish-pump' has no `sha256`"
    assert problem.hint == f'add a line: sha256 = "{hashlib.sha256(TEXT.encode()).hexdigest()}"'


def test_duplicate_and_malformed_ids(project: Project, seed: Seed, register: Register) -> None:
    first = seed("parish-pump", TEXT)
    register(first, first, seed("Old School", TEXT))
    infos, problems = read_registry(project)
    assert [info.id for info in infos] == ["parish-pump"]
    assert [(problem.location, problem.message, problem.hint) for problem in problems] == [
        (
            Location(TOML, 11),
            "two sources have the id 'parish-pump' (it is also on line 2)",
            "give each source its own id",
        ),
        (
            Location(TOML, 20),
            "the source id 'Old School' may only use a-z, 0-9 and -",
            'write it as id = "old-school"',
        ),
    ]


def test_value_that_is_not_text(project: Project, seed: Seed, register: Register) -> None:
    register(seed("parish-pump", TEXT).replace('title = "Parish Pump"', "title = 1887"))
    infos, (problem,) = read_registry(project)
    assert infos == []
    assert problem == Problem(
        Location(TOML, 5),
        "`title` of source 'parish-pump' must be text",
        hint='write it in quotes: title = "…"',
    )


def test_path_leaving_the_project_is_never_read(project: Project, register: Register) -> None:
    outside = project.root.parent / "outside.txt"
    outside.write_text(TEXT, encoding="utf-8")
    register(source_table("outside", "../outside.txt", TEXT.encode()))
    infos, (problem,) = read_registry(project)
    assert infos == []
    assert problem == Problem(
        Location(TOML, 3),
        "../outside.txt is outside the project",
        hint="copy the document into seeds/ and name it from there",
        is_unreadable_input=True,
    )


def test_symlink_pointing_outside_is_refused(project: Project, register: Register) -> None:
    outside = project.root.parent / "secret.txt"
    outside.write_text(TEXT, encoding="utf-8")
    os.symlink(outside, project.seeds_dir / "linked.txt")
    register(source_table("linked", "seeds/linked.txt", TEXT.encode()))
    infos, (problem,) = read_registry(project)
    assert infos == []
    assert problem.message == "seeds/linked.txt is a link to a file outside the project"
    assert problem.is_unreadable_input


def test_missing_file_stops_with_file_and_line(project: Project, register: Register) -> None:
    register(source_table("gone", "seeds/gone.txt", b""))
    with pytest.raises(BookletError) as raised:
        read_registry(project)
    assert raised.value.problem == Problem(
        Location(TOML, 3),
        "seeds/gone.txt does not exist",
        hint="check the `file` of source 'gone', or save the document there",
    )


def test_toml_syntax_error_stops_with_line(project: Project, register: Register) -> None:
    register('[[source]]\nid = "parish-pump\n')
    with pytest.raises(BookletError) as raised:
        read_registry(project)
    assert raised.value.problem.location == Location(TOML, 2)
    assert raised.value.problem.message.startswith("this is not valid TOML")


def test_missing_registry_stops(project: Project) -> None:
    with pytest.raises(BookletError) as raised:
        read_registry(project)
    assert raised.value.problem.location == Location(TOML)
    assert raised.value.problem.message == "file not found"


def test_unreadable_file_is_a_problem_not_a_crash(project: Project, register: Register) -> None:
    (project.seeds_dir / "folder.txt").mkdir()
    register(source_table("folder", "seeds/folder.txt", b""))
    infos, (problem,) = read_registry(project)
    assert infos == []
    assert problem.location == Location(TOML, 3)
    assert problem.message.startswith("cannot read seeds/folder.txt: ")
    assert problem.hint == "check that it is a readable file"
    assert problem.is_unreadable_input


def test_symlink_loop_is_a_problem_not_a_crash(project: Project, register: Register) -> None:
    os.symlink(project.seeds_dir / "loop.txt", project.seeds_dir / "loop.txt")
    register(source_table("loop", "seeds/loop.txt", b""))
    _, (problem,) = read_registry(project)
    assert problem.message.startswith("cannot read seeds/loop.txt")


def test_the_glossary_id_is_reserved(project: Project, seed: Seed, register: Register) -> None:
    register(seed("glossary", TEXT))
    infos, (problem,) = read_registry(project)
    assert infos == []
    assert problem == Problem(
        Location(TOML, 2),
        "the source id 'glossary' is taken by the glossary of `booklet sources --dump`",
        hint='choose another id, such as "glossary-source"',
    )
