from __future__ import annotations

from booklet.sources.repeats import Verdict, judge_repeats

LEAD = "The tramway opened in 1901 and carried passengers between the station and the pier."
SECOND = "Horses pulled the cars until 1912, when the line was electrified by the council."


def test_a_stripped_copy_inside_a_longer_paragraph_is_a_repeat() -> None:
    texts = ["carried passengers between the station and the pier.", LEAD]
    assert judge_repeats(texts) == {0: Verdict("repeated-passage", texts[0])}


def test_broken_pieces_are_fragments() -> None:
    texts = [LEAD, ", and the pier.", ", when the line was electrified by the council.", SECOND]
    verdicts = judge_repeats(texts)
    assert verdicts == {
        1: Verdict("orphan-fragment", ", and the pier."),
        2: Verdict("orphan-fragment", ", when the line was electrified by the council."),
    }


def test_of_two_copies_the_one_among_intact_neighbours_stays() -> None:
    texts = [", and Dover", SECOND, ", which closed.", LEAD, SECOND, LEAD + " It closed in 1936."]
    verdicts = judge_repeats(texts)
    assert verdicts[1] == Verdict("repeated-passage", SECOND)
    assert 4 not in verdicts


def test_identical_paragraphs_keep_the_first_copy_otherwise() -> None:
    assert judge_repeats([LEAD, SECOND, LEAD]) == {2: Verdict("repeated-passage", LEAD)}


def test_a_fragment_found_nowhere_else_keeps_its_whole_sentences() -> None:
    texts = [", and Dover. The line closed in 1936 and the rails were lifted."]
    assert judge_repeats(texts) == {
        0: Verdict(
            "orphan-fragment",
            ", and Dover.",
            "The line closed in 1936 and the rails were lifted.",
        )
    }


def test_short_repeated_lines_are_kept() -> None:
    assert judge_repeats(["Stir well.", "Add the flour. Stir well.", "Stir well."]) == {}


def test_distinct_paragraphs_are_untouched() -> None:
    assert judge_repeats([LEAD, SECOND]) == {}
