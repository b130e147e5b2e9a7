"""What `booklet check` reports, as data: the text report and --json both come from it."""

from __future__ import annotations

import re
from typing import Any

from booklet.build import Checked
from booklet.project import Project


def check_report(checked: Checked, project: Project) -> dict[str, Any]:
    return {
        "sources": [
            {"id": s.id, "trust": s.info.trust.value, "paragraphs": len(s.paragraphs)}
            for s in checked.corpus.sources
        ],
        "facts": len(checked.facts.facts),
        "charts": len(checked.facts.charts),
        "conflicts": [
            {
                "quantity": conflict.quantity,
                "facts": [
                    {"id": f.id, "value": f.value, "source": f.citation.source_id}
                    for f in conflict.facts
                ],
            }
            for conflict in checked.facts.conflicts
        ],
        "unused_facts": unused_facts(checked, project),
        "unmentioned_terms": unmentioned_terms(checked, project),
        "problems": [problem.to_json() for problem in checked.problems],
    }


def _template_texts(project: Project) -> list[str]:
    return [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(project.templates_dir.rglob("*.jinja"))
    ]


def unmentioned_terms(checked: Checked, project: Project) -> list[str]:
    """Glossed terms the templates never write: the glossary shows them only if a quotation does."""
    text = " ".join(_template_texts(project)).casefold()
    terms = dict.fromkeys(entry.term for entry in checked.corpus.glossary)
    return [term for term in terms if not re.search(rf"\b{re.escape(term.casefold())}\b", text)]


def unused_facts(checked: Checked, project: Project) -> list[str]:
    """Verified facts that no template and no chart names: curated, then forgotten."""
    named = {fact_id for chart in checked.facts.charts for fact_id in chart.facts}
    texts = _template_texts(project)
    quoted = {match for text in texts for match in re.findall(r"[\"']([\w.-]+)[\"']", text)}
    return [fact.id for fact in checked.facts.facts if fact.id not in named | quoted]
