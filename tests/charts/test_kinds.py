import pytest

import booklet.charts
from booklet.charts import KINDS, ChartStyle, draw_figures
from booklet.charts.kinds import read_chart
from booklet.facts.model import Facts
from tests.charts.conftest import LOANS, make_spec, sample


def test_the_stage_offers_these_names() -> None:
    assert sorted(booklet.charts.__all__) == [
        "ChartStyle",
        "Figure",
        "KINDS",
        "draw_figures",
        "load_chart_style",
    ]
    assert list(KINDS) == ["bars", "paired-bars", "timeline", "route-map", "key-figures"]


@pytest.mark.parametrize(
    ("kind", "hint"),
    [
        ("bar", 'did you mean "bars"?'),
        ("pie", "use one of: bars, paired-bars, timeline, route-map, key-figures"),
    ],
)
def test_an_unknown_kind_is_a_problem_at_the_chart(kind: str, hint: str) -> None:
    chart, problems = read_chart(make_spec(kind, ["loan-1937"], chart_id="loans"), Facts(LOANS))
    assert chart is None
    assert [problem.format() for problem in problems] == [
        f"seeds/facts.toml:12: error: chart 'loans' has an unknown kind '{kind}'\n  hint: {hint}"
    ]


def test_every_unknown_fact_is_a_problem_at_the_chart() -> None:
    spec = make_spec("bars", ["loan-1937", "loan-1393", "tanks"], chart_id="loans")
    chart, problems = read_chart(spec, Facts(LOANS))
    assert chart is None
    assert [problem.format() for problem in problems] == [
        "seeds/facts.toml:12: error: chart 'loans' names an unknown fact 'loan-1393'\n"
        "  hint: did you mean 'loan-1939'?",
        "seeds/facts.toml:12: error: chart 'loans' names an unknown fact 'tanks'\n"
        "  hint: use the id of a fact in the facts file",
    ]


def test_facts_reach_the_chart_in_the_specs_order() -> None:
    chart, _ = read_chart(make_spec("bars", ["loan-1939", "loan-1937"]), Facts(LOANS))
    assert chart is not None
    assert [fact.id for fact in chart.facts] == ["loan-1939", "loan-1937"]


def test_a_chart_with_problems_is_skipped_and_the_others_are_drawn(style: ChartStyle) -> None:
    good, facts = sample("bars")
    bad = make_spec("bars", ["nothing"], chart_id="broken")
    figures, problems = draw_figures([bad, good], facts, style, None)
    assert [figure.id for figure in figures] == [good.id]
    assert [problem.message for problem in problems] == [
        "chart 'broken' names an unknown fact 'nothing'"
    ]


def test_a_figure_carries_its_spec_facts_and_size(style: ChartStyle) -> None:
    spec, facts = sample("timeline")
    (figure,), _ = draw_figures([spec], facts, style, None)
    assert figure.spec == spec
    assert [fact.id for fact in figure.facts] == list(spec.facts)
    assert figure.width_mm == pytest.approx(style.width_mm)
    assert 20 < figure.height_mm < 2 * style.height_mm
    assert figure.svg.startswith(b"<?xml")
