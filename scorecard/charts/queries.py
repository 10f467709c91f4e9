"""Which figures a chart shows: a province's own figures, its latest, its targets, a ranking's cohort.

"Latest" is :func:`scorecard.wording.latest_actual`, the pages' one rule; the charts add only
that a figure without a date cannot be placed on an axis.
"""

from __future__ import annotations

from .. import wording
from ..dataset import Dataset, Fact
from ..ranking import cohort


def own_figures(dataset: Dataset, province_slug: str, indicator_id: str) -> list[Fact]:
    """The province's own figures for one indicator (not national or peer figures), with a value."""
    return [
        fact
        for fact in dataset.facts_for(province_slug, indicator_id)
        if fact.observation.subject == "province"
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


ranking_cohort = cohort  # the one cohort of a ranking: scorecard.ranking.cohort


def provinces_with_figures(dataset: Dataset, indicator_id: str) -> set[str]:
    """The provinces with at least one own actual of the indicator, whatever its year or territory."""
    return {
        f.province
        for f in dataset.facts_of(indicator_id)
        if f.observation.kind == "actual" and f.observation.subject == "province"
    }
