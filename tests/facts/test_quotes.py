from booklet.facts.quotes import closest_passage, find_quote
from tests.corpus_builders import RELIEF


def test_quote_found_across_line_breaks_and_typographic_variants():
    match = find_quote(RELIEF, 'March 1922; "we were\n saved," wrote the clerk - at last')
    assert match is not None
    assert match.paragraph.number == 3
    assert match.text == "March 1922; “we were saved,” wrote the clerk — at last"


def test_a_changed_word_is_not_tolerated():
    assert find_quote(RELIEF, "It distributed some 12,500 loaves of cake") is None


def test_closest_passage_points_at_the_sentence_to_copy():
    paragraph, sentence = closest_passage(RELIEF, "It handed out some 12,500 loaves of bread")
    assert paragraph.number == 2
    assert sentence.startswith("It distributed some 12,500 loaves")
