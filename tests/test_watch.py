"""booklet watch: a save gives a new PDF; a mistake is reported and the watch goes on."""

from __future__ import annotations

import io
import shutil
import threading
import time

from booklet.console import Console
from booklet.project import Edition, load_project
from booklet.watch import CheckedSources, fingerprint, watch


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_save_rebuilds_and_a_mistake_does_not_stop_the_watch(default_project, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(default_project, project, ignore=shutil.ignore_patterns("output"))
    out, err = io.StringIO(), io.StringIO()
    running = True
    thread = threading.Thread(
        target=watch,
        args=(project, Console(project, out=out, err=err)),
        kwargs={"keep_going": lambda: running},
        daemon=True,
    )
    thread.start()
    pdf = project / "output" / "soviet-aid-to-china.pdf"
    try:
        assert wait_for(lambda: "watching for changes" in out.getvalue())
        assert sorted(path.name for path in (project / "output").iterdir()) == [pdf.name]
        first = pdf.stat().st_mtime_ns
        chapter = project / "templates" / "chapters" / "01-a-secret-operation.jinja"
        text = chapter.read_text(encoding="utf-8")
        chapter.write_text(text.replace("It was a small beginning.", "It began small."), "utf-8")
        assert wait_for(lambda: pdf.stat().st_mtime_ns != first)
        chapter.write_text(text + "{{ fact('no-such-fact') }}", encoding="utf-8")
        assert wait_for(lambda: "there is no fact 'no-such-fact'" in err.getvalue())
        assert wait_for(lambda: "not rebuilt: fix the problems above" in out.getvalue())
        assert thread.is_alive()
        chapter.write_text(text, encoding="utf-8")
        assert wait_for(lambda: out.getvalue().count("watching for changes") == 3)
    finally:
        running = False
        thread.join(timeout=10)


def test_an_edition_named_is_rebuilt_with_the_digital_one(default_project, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(default_project, project, ignore=shutil.ignore_patterns("output"))
    out = io.StringIO()
    console = Console(project, out=out, err=io.StringIO())
    watch(project, console, {Edition.DIGITAL, Edition.HANDOUT}, keep_going=lambda: False)
    assert sorted(path.name for path in (project / "output").iterdir()) == [
        "soviet-aid-to-china-handout.pdf",
        "soviet-aid-to-china.pdf",
    ]


def test_the_sources_are_checked_again_only_when_a_file_they_read_changes(
    default_project, monkeypatch
):
    checks = []
    monkeypatch.setattr("booklet.watch.check", lambda project: checks.append(project) or object())
    sources, project = CheckedSources(), load_project(default_project)
    seen = fingerprint(default_project)

    def saved(folder: str) -> tuple[tuple[str, int, int], ...]:
        return tuple(
            (name, size, time + (name.startswith(folder) and 1)) for name, size, time in seen
        )

    first = sources.of(project, seen)
    assert sources.of(project, saved("templates")) is first
    assert sources.of(project, saved("assets")) is first
    assert len(checks) == 1
    assert sources.of(project, saved("seeds/facts.toml")) is not first
    assert len(checks) == 2
    sources.of(project, seen)
    assert len(checks) == 3
    sources.of(project, saved("booklet.toml"))
    assert len(checks) == 4
