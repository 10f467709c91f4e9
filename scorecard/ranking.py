"""Which provinces an indicator ranks, and in what order: one rule for the ranking chart, the
headline cards, the compare page and the API.

The cohort is :func:`charts.ranking_cohort` (each province's latest whole-province actual of
its current territory, of one year and one ranking base); the order is by value, best first
(``higher_is_better`` says which end is best), then by province code; equal values share a
place (1, 2, 2, 4). An indicator that is not comparable, or with fewer than two provinces in
its cohort, has no ranking.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import wording
from .dataset import Dataset, Fact
from .model import as_of_bounds


@dataclass(frozen=True)
class Ranking:
    indicator: str
    year: int
    base: float | None  # for a rank: how many the source ranked (63 or 34)
    entries: tuple[tuple[int, str, Fact], ...]  # (place, province slug, the figure ranked), best first

    def place_of(self, slug: str) -> tuple[int, Fact] | None:
        """The province's place and the figure it is ranked by, or None when it is not in the cohort."""
        return next(((place, fact) for place, entry, fact in self.entries if entry == slug), None)


def ranking(dataset: Dataset, indicator_id: str) -> Ranking | None:
    """The indicator's ranking, or None (not comparable, or fewer than two provinces to compare)."""
    from .charts import ranking_cohort  # the cohort is the charts' own query; they import this module

    indicator = dataset.indicators.get(indicator_id)
    if indicator is None or not indicator.comparable:
        return None
    cohort = ranking_cohort(dataset, indicator_id)
    if len(cohort) < 2:
        return None
    sign = -1 if indicator.higher_is_better else 1
    ordered = sorted(cohort, key=lambda item: (sign * item[1].value, dataset.provinces[item[0]].code))
    entries, place, previous = [], 0, None
    for number, (slug, fact) in enumerate(ordered, start=1):
        place = place if fact.value == previous else number
        previous = fact.value
        entries.append((place, slug, fact))
    first = cohort[0][1]
    year = as_of_bounds(wording.when(dataset, first))[1].year
    base = first.observation.denominator if indicator.unit == "rank" else None
    return Ranking(indicator_id, year, base, tuple(entries))
