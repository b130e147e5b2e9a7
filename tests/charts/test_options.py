from booklet.charts.options import OptionReader, is_number
from tests.charts.conftest import make_spec


def test_values_of_the_right_shape_are_read() -> None:
    reader = OptionReader(
        make_spec("bars", [], flag=True, names=["a", "b"], table={"a": 1}),
        ["flag", "names", "table"],
    )
    assert reader.flag("flag", False) is True
    assert reader.flag("absent", True) is True
    assert reader.texts("names", "") == ("a", "b")
    assert reader.texts("absent", "") is None
    assert reader.table("table", "") == {"a": 1}
    assert reader.table("absent", "") == {}
    assert reader.problems == []


def test_values_of_the_wrong_shape_give_the_default_and_a_problem() -> None:
    spec = make_spec("bars", [], flag="yes", names=["a", 2], table=[1])
    reader = OptionReader(spec, ["flag", "names", "table"])
    assert reader.flag("flag", False) is False
    assert reader.texts("names", 'names = ["a"]') is None
    assert reader.table("table", "table = { a = 1 }") == {}
    assert [problem.format() for problem in reader.problems] == [
        "seeds/facts.toml:12: error: chart 'chart': option `flag` must be true or false\n"
        "  hint: write it like this: flag = true",
        "seeds/facts.toml:12: error: chart 'chart': option `names` must be a list of text\n"
        '  hint: write it like this: names = ["a"]',
        "seeds/facts.toml:12: error: chart 'chart': option `table` must be a table\n"
        "  hint: write it like this: table = { a = 1 }",
    ]


def test_unknown_options_are_problems_from_the_start() -> None:
    reader = OptionReader(make_spec("bars", [], horizontl=True), ["horizontal", "log"])
    assert [problem.hint for problem in reader.problems] == ["did you mean `horizontal`?"]


def test_numbers_are_ints_and_floats_but_not_booleans() -> None:
    assert is_number(3)
    assert is_number(2.5)
    assert not is_number(True)
    assert not is_number("3")
