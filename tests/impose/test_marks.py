import pytest

from booklet.impose.marks import crop_marks, fold_marks
from booklet.impose.options import PrintOptions

MM = 72 / 25.4
TRIM = (100.0, 50.0, 400.0, 450.0)


def lines(operations) -> list[tuple[float, ...]]:
    """The (x0, y0, x1, y1) of each stroked line, from its moveto and lineto."""
    points = [
        tuple(float(n) for n in operands) for operands, op in operations if op in (b"m", b"l")
    ]
    return [(*start, *end) for start, end in zip(points[::2], points[1::2], strict=True)]


def operators(operations) -> list[bytes]:
    return [operator for _, operator in operations]


def test_crop_marks_run_outwards_from_each_corner_beyond_the_bleed() -> None:
    near, far = 3 * MM, 8 * MM
    found = sorted(lines(crop_marks(TRIM, PrintOptions(bleed_mm=2, marks=True))))
    expected = []
    for x, sx in ((100.0, -1), (400.0, 1)):
        for y, sy in ((50.0, -1), (450.0, 1)):
            expected += [(x + sx * near, y, x + sx * far, y), (x, y + sy * near, x, y + sy * far)]
    assert len(found) == 8
    for line, wanted in zip(found, sorted(expected), strict=True):
        assert line == pytest.approx(wanted, abs=1e-6)


def test_marks_are_hairlines_in_registration_colour_saved_and_restored() -> None:
    operations = crop_marks(TRIM, PrintOptions(marks=True))
    assert operators(operations)[:4] == [b"q", b"w", b"d", b"K"]
    assert operators(operations)[-2:] == [b"S", b"Q"]
    assert [float(n) for n in operations[1][0]] == [0.25]
    assert [float(n) for n in operations[3][0]] == [1, 1, 1, 1]
    assert list(operations[2][0][0]) == []  # solid


def test_fold_marks_are_dashed_above_and_below_the_trim_on_the_fold() -> None:
    operations = fold_marks(250.0, TRIM, PrintOptions(bleed_mm=5, marks=True))
    assert [float(n) for n in operations[2][0][0]] == [3, 2]
    found = sorted(lines(operations), key=lambda line: line[1])
    bottom, top = found
    assert bottom[0] == bottom[2] == top[0] == top[2] == 250.0
    assert (bottom[1], bottom[3]) == (50 - 5 * MM, 50 - 10 * MM)
    assert (top[1], top[3]) == (450 + 5 * MM, 450 + 10 * MM)
