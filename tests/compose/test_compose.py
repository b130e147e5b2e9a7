"""Templates in, document tree out: functions, notes, escaping, sandbox, and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from booklet import document as doc
from booklet.compose import compose
from booklet.diagnostics import BookletError, Location, ProblemsFoundError
from booklet.facts import Facts
from booklet.facts.model import Citation, Fact
from booklet.project import Project
from booklet.sources.model import Trust
from tests.corpus_builders import DIARY, RELIEF, ROUMOUR, make_corpus

CORPUS = make_corpus(RELIEF, ROUMOUR, DIARY)
LOAVES = Fact(
    "loaves",
    12500,
    "loaves",
    "Loaves",
    Citation("relief-report", 2, "some 12,500 loaves"),
    Trust.RELIABLE,
    None,
    qualifier="some",
)  # type: ignore[arg-type]
FACTS = Facts((LOAVES,))


def make_project(tmp_path: Path, chapter: str, **templates: str) -> Project:
    (tmp_path / "templates").mkdir()
    skeleton = (
        f'<booklet>\n<chapter title="Winter">\n{chapter}\n</chapter>\n<bibliography/>\n</booklet>\n'
    )
    (tmp_path / "templates" / "booklet.jinja").write_text(skeleton, encoding="utf-8")
    for name, text in templates.items():
        (tmp_path / "templates" / name).write_text(text, encoding="utf-8")
    return Project(root=tmp_path, title="Relief", slug="relief")


def compose_chapter(tmp_path: Path, chapter: str) -> doc.Booklet:
    return compose(make_project(tmp_path, chapter), CORPUS, FACTS, ())


def text_of(content: tuple[doc.Inline, ...]) -> str:
    return "".join(
        part.text if isinstance(part, doc.Span) else f"[{part.number}]" for part in content
    )


def test_fact_prints_the_hedged_value_and_its_note(tmp_path):
    booklet = compose_chapter(tmp_path, '<p>They baked {{ fact("loaves") }} that winter.</p>')
    (paragraph,) = booklet.chapters[0].blocks
    assert text_of(paragraph.content) == "They baked some 12,500\u00a0loaves[1] that winter."
    assert (
        text_of(booklet.notes[0].content)
        == "Mary Dale, “Winter Relief: A Report,” Parish Gazette, n.d., para. 2."
    )


def test_first_note_is_full_later_notes_short(tmp_path):
    booklet = compose_chapter(
        tmp_path,
        '<p>A{{ cite("relief-report", 1) }}</p>\n<p>B{{ cite("relief-report", "A grant of") }}</p>',
    )
    assert [text_of(note.content) for note in booklet.notes] == [
        "Mary Dale, “Winter Relief: A Report,” Parish Gazette, n.d., para. 1.",
        "Mary Dale, “Winter Relief,” para. 3.",
    ]


def test_notes_in_a_row_from_one_source_become_one_note_at_the_later_mark(tmp_path):
    chapter = (
        '<p>They baked {{ fact("loaves") }}, and a grant{{ cite("relief-report", 3) }} came.'
        ' The clerk wrote it down{{ cite("diary", 1) }}.</p>'
    )
    booklet = compose_chapter(tmp_path, chapter)
    (paragraph,) = booklet.chapters[0].blocks
    assert text_of(paragraph.content) == (
        "They baked some 12,500\u00a0loaves, and a grant[1] came. The clerk wrote it down[2]."
    )
    assert text_of(booklet.notes[0].content) == (
        "Mary Dale, “Winter Relief: A Report,” Parish Gazette, n.d., paras. 2, 3."
    )


def test_citations_side_by_side_share_one_note(tmp_path):
    booklet = compose_chapter(
        tmp_path, '<p>Bread.{{ cite("relief-report", 2) }}{{ cite("diary", 1) }}</p>'
    )
    assert len(booklet.notes) == 1
    assert text_of(booklet.notes[0].content) == (
        "Mary Dale, “Winter Relief: A Report,” Parish Gazette, n.d., para. 2; “A Clerk's "
        "Diary,” n.d., "
        "para. 1. “A Clerk's Diary” is to be read with caution; see Notes on the sources."
    )


def test_excerpt_quotes_the_source_words_as_data(tmp_path):
    booklet = compose_chapter(
        tmp_path, '{{ excerpt("relief-report", "“we were saved,” wrote the clerk") }}'
    )
    (quote,) = booklet.chapters[0].blocks
    assert isinstance(quote, doc.BlockQuote)
    assert text_of(quote.content) == "“we were saved,” wrote the clerk[1]"


def test_source_text_that_looks_like_markup_stays_text(tmp_path):
    hostile = make_corpus(make_source_with('<img src="/etc/passwd"/> & <b>bold'))
    project = make_project(tmp_path, '{{ excerpt("hostile", 1) }}')
    booklet = compose(project, hostile, Facts(()), ())
    assert text_of(booklet.chapters[0].blocks[0].content) == '<img src="/etc/passwd"/> & <b>bold[1]'


def make_source_with(text: str):
    from tests.corpus_builders import make_source

    return make_source("hostile", [text])


def test_an_unreliable_source_cannot_be_quoted(tmp_path):
    with pytest.raises(ProblemsFoundError) as raised:
        compose_chapter(tmp_path, '<p>x</p>\n{{ excerpt("rumour-mill", 1) }}')
    assert [p.format() for p in raised.value.problems] == [
        "templates/booklet.jinja:4: error: source 'rumour-mill' is marked unreliable and "
        "cannot be cited as evidence\n"
        "  hint: describe it in the notes on the sources instead; see its trust_note"
    ]


def test_every_wrong_call_is_reported_at_its_line(tmp_path):
    chapter = "\n".join(
        [
            '<p>{{ fact("loafs") }}</p>',
            '<p>{{ cite("relief-reprt", 1) }}</p>',
            '<p>{{ quote("diary", "cake") }}</p>',
        ]
    )
    with pytest.raises(ProblemsFoundError) as raised:
        compose_chapter(tmp_path, chapter)
    assert [p.format() for p in raised.value.problems] == [
        "templates/booklet.jinja:3: error: there is no fact 'loafs'\n  hint: did you mean "
        "'loaves'?",
        "templates/booklet.jinja:4: error: there is no source 'relief-reprt'\n  hint: did "
        "you mean 'relief-report'?",
        "templates/booklet.jinja:5: error: these words are not in source 'diary': \"cake\"\n"
        "  hint: copy them exactly from `booklet sources --dump OUT` (OUT/diary.txt)",
    ]


def test_template_syntax_error_names_file_and_line(tmp_path):
    with pytest.raises(BookletError) as raised:
        compose_chapter(tmp_path, "<p>{% if %}</p>")
    assert raised.value.problem.format().startswith("templates/booklet.jinja:3: error: ")


@pytest.mark.parametrize(
    "reach",
    ["''.__class__.__mro__", "cycler.__init__.__globals__", "booklet.__class__.__subclasses__()"],
)
def test_sandbox_refuses_python_internals_as_refused_input(tmp_path, reach):
    with pytest.raises(BookletError) as raised:  # exit status 2, not a booklet's slip
        compose_chapter(tmp_path, f"<p>{{{{ {reach} }}}}</p>")
    (problem,) = raised.value.problems
    assert "templates run in a sandbox" in problem.format()
    assert problem.location == Location(Path("templates/booklet.jinja"), 3)


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd"])
def test_includes_cannot_leave_the_templates_folder(tmp_path, name):
    with pytest.raises(BookletError) as raised:
        compose_chapter(tmp_path, f'{{% include "{name}" %}}')
    assert "is not in templates/" in raised.value.problem.message


def test_undefined_name_is_an_error_not_a_blank(tmp_path):
    with pytest.raises(ProblemsFoundError) as raised:
        compose_chapter(tmp_path, "<p>{{ titel }}</p>")
    assert (
        raised.value.problems[-1]
        .format()
        .startswith("templates/booklet.jinja:3: error: 'titel' is undefined")
    )


def test_broken_xml_points_at_the_template_line(tmp_path):
    with pytest.raises(ProblemsFoundError) as raised:
        compose_chapter(tmp_path, "<p>open <em>never closed</p>")
    assert (
        raised.value.problems[0]
        .format()
        .startswith("templates/booklet.jinja:3: error: the templates do not make well-formed XML")
    )


def test_bibliography_lists_only_cited_sources_sorted(tmp_path):
    booklet = compose_chapter(
        tmp_path, '<p>a{{ cite("relief-report", 1) }} b{{ cite("diary", 1) }}</p>'
    )
    bibliography = booklet.chapters[-1]
    assert bibliography.title == "Bibliography"
    assert [text_of(entry.content) for entry in bibliography.blocks] == [
        "“A Clerk's Diary.” n.d.",
        "Mary Dale. “Winter Relief: A Report.” Parish Gazette, n.d.",
    ]


def test_templates_can_loop_over_the_sources(tmp_path):
    chapter = (
        '{% for source in sources if source.trust != "unreliable" %}'
        "<p>{{ source.title }}: {{ source.paragraphs }} paragraphs{{ cite(source.id, 1) }}</p>"
        "{% endfor %}"
    )
    booklet = compose_chapter(tmp_path, chapter)
    assert [text_of(block.content) for block in booklet.chapters[0].blocks] == [
        "Winter Relief: A Report: 3 paragraphs[1]",
        "A Clerk's Diary: 1 paragraphs[2]",
    ]


def test_back_matter_keeps_its_introduction(tmp_path):
    project = make_project(tmp_path, '<p>a{{ cite("diary", 1) }}</p>')
    skeleton = project.templates_dir / "booklet.jinja"
    skeleton.write_text(
        skeleton.read_text(encoding="utf-8").replace(
            "<bibliography/>", "<bibliography><p>Works cited, in order.</p></bibliography>"
        ),
        encoding="utf-8",
    )
    booklet = compose(project, CORPUS, FACTS, ())
    first, entry = booklet.chapters[-1].blocks
    assert text_of(first.content) == "Works cited, in order."
    assert text_of(entry.content) == "“A Clerk's Diary.” n.d."


def test_back_matter_with_nothing_to_list_is_left_out(tmp_path):
    booklet = compose_chapter(tmp_path, "<p>No citations at all.</p>")
    assert [chapter.title for chapter in booklet.chapters] == ["Winter"]


def test_every_table_row_carries_its_own_note(tmp_path):
    booklet = compose_chapter(tmp_path, '{{ fact_table(["loaves", "loaves"]) }}')
    (table,) = booklet.chapters[0].blocks
    assert [text_of(row[1]) for row in table.rows] == [
        "some 12,500\u00a0loaves[1]",
        "some 12,500\u00a0loaves[2]",
    ]
