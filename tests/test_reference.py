"""docs/reference.md is made from the code: it must match what the code says today."""

from booklet.compose.functions import NAMES
from booklet.reference import TARGET, reference


def test_the_reference_matches_the_code():
    assert TARGET.read_text(encoding="utf-8") == reference(), (
        "docs/reference.md is out of date: run `python -m booklet.reference`"
    )


def test_every_template_function_is_documented_with_an_example():
    text = reference()
    for name in NAMES:
        section = text.split(f"### `{name}(")[1].split("### ")[0]
        assert "Example:" in section, name
