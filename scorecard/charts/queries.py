"""Which figures a chart shows: a province's own figures, its latest, its targets, a ranking's cohort.

"Latest" is :func:`scorecard.wording.latest_actual`, the pages' one rule; the charts add only
that a figure without a date cannot be placed on an axis.
"""

from __future__ import annotations

from collections import defaultdict

from .. import wording
from ..dataset import Dataset, Fact
from ..model import as_of_bounds


def own_figures(dataset: Dataset, province_slug: str, indicator_id: str) -> list[Fact]:
    """The province's own figures for one indicator (not national or peer figures), with a value."""
    return [
        fact
        for fact in dataset.facts_for(province_slug)
        if fact.indicator == indicator_id
        and fact.observation.subject == "province"
        and fact.observation.kind in ("actual", "target")  # a change is no level; a forecast is not drawn yet
        and fact.value is not None
    ]


def latest_actual(dataset: Dataset, facts: list[Fact]) -> Fact | None:
    """The latest of one indicator's figures by the site's one rule (wording.latest_actual), if dated."""
    latest = wording.latest_actual(dataset, facts, facts[0].indicator) if facts else None
    return latest if latest is not None and wording.when(dataset, latest) is not None else None


def targets(facts: list[Fact], from_year: int | None = None) -> list[Fact]:
    """Whole-province targets, one per target year (the one listed last), oldest year first."""
    by_year: dict[int, Fact] = {}
    for fact in facts:
        obs = fact.observation
        if obs.kind == "target" and obs.target_year and obs.scope is None and obs.target_year >= (from_year or 0):
            by_year[obs.target_year] = fact
    return [by_year[year] for year in sorted(by_year)]


def ranking_cohort(dataset: Dataset, indicator_id: str) -> list[tuple[str, Fact]]:
    """The provinces a ranking may compare: one figure each, of one year and one ranking base.

    Each province contributes its latest actual about its current territory (a former
    unit is other land). Those figures are grouped by the year they describe and, for a
    rank, by how many were ranked (63 or 34); the largest group is the cohort (the most
    recent year on a tie), so a ranking never sets 2022 against 2024 or 30/63 against 14/34.
    """
    groups: dict[tuple, list[tuple[str, Fact]]] = defaultdict(list)
    for slug in dataset.provinces:
        facts = [f for f in own_figures(dataset, slug, indicator_id) if f.territory is None or f.territory.current]
        fact = latest_actual(dataset, facts)
        if fact is None:
            continue
        year = as_of_bounds(wording.when(dataset, fact))[1].year
        base = fact.observation.denominator if fact.observation.unit == "rank" else None
        groups[(year, base)].append((slug, fact))
    if not groups:
        return []
    return max(groups.items(), key=lambda item: (len(item[1]), item[0][0]))[1]


def provinces_with_figures(dataset: Dataset, indicator_id: str) -> set[str]:
    """The provinces with at least one own actual of the indicator, whatever its year or territory."""
    return {
        f.province
        for f in dataset.facts
        if f.indicator == indicator_id and f.observation.kind == "actual" and f.observation.subject == "province"
    }
