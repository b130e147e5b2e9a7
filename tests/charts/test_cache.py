import dataclasses
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from booklet.charts import ChartStyle, draw_figures
from booklet.charts.cache import chart_key, code_fingerprint
from booklet.charts.kinds import Chart, read_chart
from booklet.diagnostics import Location
from booklet.facts.model import ChartSpec, Facts
from tests.charts.conftest import LOANS, make_fact, make_spec, sample

ROOT = Path(__file__).resolve().parents[2]


def bars_chart(facts: Facts, **changes: Any) -> Chart:
    spec = dataclasses.replace(make_spec("bars", [fact.id for fact in facts.facts]), **changes)
    chart, problems = read_chart(spec, facts)
    assert problems == []
    assert chart is not None
    return chart


def key(chart: Chart, style: ChartStyle) -> str:
    return chart_key("bars", chart, style, code="code")


def test_a_chart_is_drawn_once_and_then_read_from_the_cache(
    style: ChartStyle, tmp_path: Path
) -> None:
    spec, facts = sample("bars")
    (first,), _ = draw_figures([spec], facts, style, tmp_path / "cache")
    (kept,) = (tmp_path / "cache").iterdir()
    assert kept.name.endswith(".svg")
    assert kept.read_bytes() == first.svg
    marked = first.svg.replace(b"Third loan", b"Kept loan")
    kept.write_bytes(marked)
    (second,), problems = draw_figures([spec], facts, style, tmp_path / "cache")
    assert problems == []
    assert second.svg == marked  # read back, not drawn again
    assert (second.width_mm, second.height_mm) == pytest.approx((first.width_mm, first.height_mm))
    assert second.facts == first.facts


def test_a_cache_hit_does_not_import_matplotlib(style: ChartStyle, tmp_path: Path) -> None:
    specs = [sample(kind)[0] for kind in ("bars", "timeline", "route-map")]
    facts = sample("bars")[1]
    drawn, _ = draw_figures(specs, facts, style, tmp_path / "cache")
    inputs = tmp_path / "inputs.pickle"
    inputs.write_bytes(pickle.dumps((specs, facts, style, tmp_path / "cache")))
    script = (
        "import pickle, sys\n"
        "from booklet.charts import draw_figures\n"
        f"specs, facts, style, cache = pickle.loads(open({str(inputs)!r}, 'rb').read())\n"
        "figures, problems = draw_figures(specs, facts, style, cache)\n"
        "assert problems == [], problems\n"
        "sys.stdout.buffer.write(b''.join(figure.svg for figure in figures))\n"
        "sys.stderr.write(str('matplotlib' in sys.modules))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, check=True, timeout=60
    )
    assert run.stderr == b"False"
    assert run.stdout == b"".join(figure.svg for figure in drawn)


def test_a_damaged_cache_file_is_drawn_again(style: ChartStyle, tmp_path: Path) -> None:
    spec, facts = sample("bars")
    (first,), _ = draw_figures([spec], facts, style, tmp_path)
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(first.svg[:100])  # cut short, say by a full disk
    (second,), _ = draw_figures([spec], facts, style, tmp_path)
    assert second.svg == first.svg
    assert kept.read_bytes() == first.svg


def test_writing_leaves_no_temporary_files(style: ChartStyle, tmp_path: Path) -> None:
    specs = [sample(kind)[0] for kind in ("bars", "timeline")]
    draw_figures(specs, sample("bars")[1], style, tmp_path / "new" / "cache")
    assert sorted(path.suffix for path in (tmp_path / "new" / "cache").iterdir()) == [
        ".svg",
        ".svg",
    ]


def test_a_cache_that_cannot_be_written_is_a_warning_and_the_chart_is_still_drawn(
    style: ChartStyle, tmp_path: Path
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    spec, facts = sample("bars")
    figures, problems = draw_figures([spec], facts, style, blocked)
    assert len(figures) == 1
    assert [problem.format() for problem in problems] == [
        "warning: cannot keep a chart in the cache folder cache: File exists\n"
        "  hint: check that the folder can be written; the booklet is still built"
    ]


def test_without_a_cache_folder_nothing_is_kept(style: ChartStyle, tmp_path: Path) -> None:
    spec, facts = sample("bars")
    figures, problems = draw_figures([spec], facts, style, None)
    assert problems == []
    assert len(figures) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "changed",
    [
        {"value": 60e6},
        {"label": "Loan of 1937"},
        {"unit": "GBP"},
        {"qualifier": "about"},
        {"date": "1938"},
        {"quantity": "first-loan"},
    ],
)
def test_what_a_drawing_shows_is_in_the_key(style: ChartStyle, changed: dict[str, Any]) -> None:
    facts = Facts(LOANS[:2])
    other = Facts((dataclasses.replace(LOANS[0], **changed), LOANS[1]))
    assert key(bars_chart(facts), style) != key(bars_chart(other), style)


def test_the_source_of_a_fact_is_in_the_key(style: ChartStyle) -> None:
    first = Facts((make_fact("a", 1, source="one"),))
    second = Facts((make_fact("a", 1, source="two"),))
    assert key(bars_chart(first), style) != key(bars_chart(second), style)


def test_title_caption_and_line_numbers_are_not_in_the_key(style: ChartStyle) -> None:
    facts = Facts(LOANS)
    plain = key(bars_chart(facts), style)
    assert plain == key(bars_chart(facts, title="Another title", caption="Another"), style)
    assert plain == key(bars_chart(facts, origin=Location(Path("seeds/facts.toml"), 99)), style)
    moved = Facts(tuple(dataclasses.replace(f, origin=Location(Path("x"), 9)) for f in LOANS))
    assert plain == key(bars_chart(moved), style)


@pytest.mark.parametrize(
    "changed", [{"font_size_pt": 8}, {"colours": ("#000000",)}, {"width_mm": 100}, {"ink": "#000"}]
)
def test_the_style_is_in_the_key(style: ChartStyle, changed: dict[str, Any]) -> None:
    chart = bars_chart(Facts(LOANS))
    assert key(chart, style) != key(chart, dataclasses.replace(style, **changed))


def test_options_are_in_the_key(style: ChartStyle) -> None:
    facts = Facts(LOANS)
    upright = bars_chart(facts)
    lying = bars_chart(facts, options={"horizontal": True})
    assert key(upright, style) != key(lying, style)


def test_the_drawing_code_is_in_the_key(style: ChartStyle) -> None:
    chart = bars_chart(Facts(LOANS))
    assert chart_key("bars", chart, style, "a") != chart_key("bars", chart, style, "b")
    assert len(code_fingerprint()) == 64


def test_the_same_chart_gives_the_same_key(style: ChartStyle) -> None:
    spec: ChartSpec = make_spec("bars", [fact.id for fact in LOANS])
    first, _ = read_chart(spec, Facts(LOANS))
    second, _ = read_chart(spec, Facts(LOANS))
    assert first is not None
    assert second is not None
    assert key(first, style) == key(second, style)


def test_a_moved_project_keeps_its_cache(style: ChartStyle, tmp_path: Path) -> None:
    moved = tmp_path / Path(style.font_files[0]).name
    shutil.copy(style.font_files[0], moved)
    chart = bars_chart(Facts(LOANS))
    assert key(chart, style) == key(chart, dataclasses.replace(style, font_files=(str(moved),)))
