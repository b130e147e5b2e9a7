from __future__ import annotations

from booklet.layout.labels import labels_for


def test_labels_follow_the_language_of_the_booklet() -> None:
    assert labels_for("de-AT").contents == "Inhalt"
    assert labels_for("fr").figure == "Figure"
    assert labels_for("ru-RU").contents == "Содержание"


def test_an_unknown_language_gets_english() -> None:
    assert labels_for("tlh").contents == "Contents"
    assert labels_for("en-US").read_online == "Read this booklet online"
