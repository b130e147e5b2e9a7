"""Turn curated figures into verified facts.

A figure reaches the booklet only if its source may back it, its quote is found
in the cleaned text of that source, and the quote states its value.
"""

from pathlib import Path

from booklet.sources.model import Corpus

from .charts import read_chart_specs
from .conflicts import find_conflicts
from .curated import read_curated_figures
from .model import ChartSpec, Citation, Conflict, Fact, Facts
from .quotes import QuoteMatch, find_paragraph, find_quote, fold
from .verify import verify_figures

__all__ = [
    "ChartSpec",
    "Citation",
    "Conflict",
    "Fact",
    "Facts",
    "QuoteMatch",
    "find_paragraph",
    "find_quote",
    "fold",
    "load_facts",
]


def load_facts(facts_file: Path, root: Path, corpus: Corpus) -> Facts:
    curated = read_curated_figures(facts_file, root)
    facts, problems = verify_figures(curated.figures, corpus)
    refused = {figure.id for figure in curated.figures} - {fact.id for fact in facts}
    charts, chart_problems = read_chart_specs(curated.charts, facts, refused)
    return Facts(
        tuple(facts),
        charts=tuple(charts),
        conflicts=find_conflicts(facts),
        problems=(*curated.problems, *problems, *chart_problems),
    )
