from pathlib import Path

import pytest

from booklet.facts import load_facts
from tests.corpus_builders import DIARY, RELIEF, ROUMOUR, make_corpus

CORPUS = make_corpus(RELIEF, ROUMOUR, DIARY)


def write_facts(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "seeds" / "facts.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


def fact_entry(**fields: object) -> str:
    base = {
        "id": "loaves",
        "value": 12500,
        "unit": "loaves",
        "label": "Loaves",
        "source": "relief-report",
        "quote": "some 12,500 loaves of bread",
        "qualifier": "some",
    }
    base.update(fields)
    lines = [
        f"{key} = {value!r}".replace("'", '"') if isinstance(value, str) else f"{key} = {value}"
        for key, value in base.items()
        if value is not None
    ]
    return "[[fact]]\n" + "\n".join(lines) + "\n"


def messages(tmp_path: Path, body: str) -> list[str]:
    facts = load_facts(write_facts(tmp_path, body), tmp_path, CORPUS)
    return [problem.format() for problem in facts.problems]


def test_a_good_fact_is_verified_with_its_paragraph(tmp_path):
    facts = load_facts(write_facts(tmp_path, fact_entry()), tmp_path, CORPUS)
    assert facts.problems == ()
    (fact,) = facts.facts
    assert (fact.citation.source_id, fact.citation.paragraph, fact.qualifier) == (
        "relief-report",
        2,
        "some",
    )


def test_a_quote_not_in_the_source_names_file_line_and_closest_passage(tmp_path):
    body = "# figures\n\n" + fact_entry(quote="some 12,500 loaves of cake")
    assert messages(tmp_path, body) == [
        "seeds/facts.toml:3: error: the quote of fact 'loaves' is not in source 'relief-report'\n"
        '  hint: closest passage (paragraph 2): "It distributed some 12,500 loaves of bread and '
        'more than 3,000 blankets."; copy the words exactly'
    ]


def test_a_wrong_value_is_refused(tmp_path):
    assert messages(tmp_path, fact_entry(value=1250)) == [
        "seeds/facts.toml:1: error: the quote of fact 'loaves' does not state its value "
        "1,250\u00a0loaves\n"
        "  hint: the quote states: 12,500; correct `value` or choose the words that state it"
    ]


def test_the_sources_hedge_must_be_kept(tmp_path):
    assert messages(tmp_path, fact_entry(qualifier=None)) == [
        "seeds/facts.toml:1: error: the quote of fact 'loaves' says \"some 12,500\"\n"
        '  hint: keep the source\'s hedge: qualifier = "some"'
    ]


def test_an_unreliable_source_cannot_back_a_fact(tmp_path):
    body = fact_entry(source="rumour-mill", value=50000, quote="50,000 loaves", qualifier=None)
    assert messages(tmp_path, body) == [
        "seeds/facts.toml:1: error: fact 'loaves' cites 'rumour-mill', a source marked unreliable\n"
        "  hint: find the figure in a reliable source, or leave it out (see its trust_note)"
    ]


def test_an_unknown_source_suggests_the_near_miss(tmp_path):
    assert messages(tmp_path, fact_entry(source="relief-reports")) == [
        "seeds/facts.toml:1: error: fact 'loaves' cites 'relief-reports', which is not in "
        "sources.toml\n"
        "  hint: did you mean 'relief-report'?"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "the value of fact 'loaves' is negative"),
        ('"many"', "the value of fact 'loaves' is not a number"),
        ("nan", "the value of fact 'loaves' is not a finite number"),
    ],
)
def test_a_value_that_is_not_a_count_is_refused(tmp_path, value, message):
    body = fact_entry().replace("value = 12500", f"value = {value}")
    assert messages(tmp_path, body)[0].startswith(f"seeds/facts.toml:1: error: {message}")


def test_a_fact_without_a_value_says_what_every_fact_needs(tmp_path):
    body = fact_entry().replace("value = 12500\n", "")
    assert messages(tmp_path, body) == [
        "seeds/facts.toml:1: error: fact 'loaves' has no value\n"
        "  hint: every fact needs id, value, unit, label, source, quote"
    ]


def test_two_facts_with_one_id_and_an_unknown_key(tmp_path):
    body = fact_entry() + "\n" + fact_entry(unti="loaves")
    assert messages(tmp_path, body) == [
        "seeds/facts.toml:10: error: unknown key `unti` in fact 'loaves'\n  hint: did you "
        "mean `unit`?",
    ]
    body = fact_entry() + "\n" + fact_entry()
    assert messages(tmp_path, body) == [
        "seeds/facts.toml:10: error: two facts have the id 'loaves'\n"
        "  hint: the first is at line 1; give this one another id",
    ]


def test_sources_that_disagree_make_a_conflict(tmp_path):
    body = (
        fact_entry(quantity="loaves-given")
        + "\n"
        + fact_entry(
            id="loaves-diary",
            source="diary",
            value=12000,
            quote="12,000 loaves",
            qualifier=None,
            quantity="loaves-given",
        )
    )
    facts = load_facts(write_facts(tmp_path, body), tmp_path, CORPUS)
    assert facts.problems == ()
    (conflict,) = facts.conflicts
    assert [fact.value for fact in conflict.facts] == [12500, 12000]
    assert facts.fact("loaves-diary").is_caution


def test_toml_syntax_error_names_the_line(tmp_path):
    from booklet.diagnostics import BookletError

    with pytest.raises(BookletError) as raised:
        load_facts(write_facts(tmp_path, fact_entry() + 'label = "unclosed\n'), tmp_path, CORPUS)
    assert raised.value.problem.format().startswith(
        "seeds/facts.toml:9: error: this is not valid TOML"
    )


def test_a_date_in_no_known_form_is_refused(tmp_path):
    assert messages(tmp_path, fact_entry(date="early 1938")) == [
        "seeds/facts.toml:1: error: the date of fact 'loaves' is not one booklet can read: "
        '"early 1938"\n'
        '  hint: write "1937", "1937-10", "1937-12-01" or a period "1937-1941"'
    ]
