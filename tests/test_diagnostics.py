"""Which exception stops a command, and so its exit status: 2 as soon as one error is about
unreadable input, 1 for a booklet whose only errors are its own; all of them listed."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from booklet.diagnostics import (
    BookletError,
    Location,
    Problem,
    ProblemsFoundError,
    exit_status,
    raise_if_errors,
)

WRONG_QUOTE = Problem(Location(Path("seeds/facts.toml"), 4), "the quote is not in the source")
GARBLED = Problem(
    Location(Path("seeds/garbled.txt")),
    "cannot tell which text encoding seeds/garbled.txt uses",
    hint="open it in a text editor and save it again as UTF-8",
    is_unreadable_input=True,
)
EMPTY = Problem(Location(Path("seeds/empty.txt")), "seeds/empty.txt is empty", severity="warning")
UNREADABLE_WARNING = Problem(
    None, "a font was replaced", severity="warning", is_unreadable_input=True
)


@pytest.mark.parametrize(
    ("problems", "status"),
    [
        ([], 0),
        ([EMPTY, UNREADABLE_WARNING], 0),  # warnings never stop a command
        ([EMPTY, WRONG_QUOTE], 1),
        ([WRONG_QUOTE, EMPTY, GARBLED], 2),
    ],
)
def test_the_exit_status_is_that_of_the_worst_error(problems, status):
    assert exit_status(problems) == status


def test_the_booklet_s_own_errors_stop_with_exit_status_1():
    with pytest.raises(ProblemsFoundError) as raised:
        raise_if_errors([EMPTY, WRONG_QUOTE])
    assert (raised.value.exit_status, raised.value.problems) == (1, (WRONG_QUOTE,))


def test_one_unreadable_input_stops_with_exit_status_2_and_every_error_listed():
    with pytest.raises(BookletError) as raised:
        raise_if_errors([WRONG_QUOTE, EMPTY, GARBLED])
    assert (raised.value.exit_status, raised.value.problems) == (2, (WRONG_QUOTE, GARBLED))


@pytest.mark.parametrize(
    "error", [BookletError(WRONG_QUOTE, GARBLED), ProblemsFoundError([WRONG_QUOTE])]
)
def test_both_survive_the_pipe_from_a_second_process(error):
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.problems, str(copy)) == (type(error), error.problems, str(error))
