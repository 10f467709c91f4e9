"""Which provinces an indicator ranks, and in what order: one rule for the ranking chart, the
headline cards, the compare page and the API.

The cohort is :func:`cohort` (each province's latest whole-province actual of its current
territory, of one year and one ranking base); the order is by value, best first
(``higher_is_better`` says which end is best), then by province code; equal values share a
place (1, 2, 2, 4). An indicator that is not comparable, or with fewer than two provinces in
its cohort, has no ranking.
"""

from __future__ import annotations

from collections import defaultdict
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


def cohort(dataset: Dataset, indicator_id: str) -> list[tuple[str, Fact]]:
    """The provinces a ranking may compare: one figure each, of one year and one ranking base.

    Each province contributes its latest dated actual (:func:`wording.latest_actual`) about its
    current territory (a former unit is other land). Those figures are grouped by the year they
    describe and, for a rank, by how many were ranked (63 or 34); the largest group is the cohort
    (the most recent year on a tie), so a ranking never sets 2022 against 2024 or 30/63 against 14/34.
    """
    groups: dict[tuple, list[tuple[str, Fact]]] = defaultdict(list)
    for slug in dataset.provinces:
        facts = [f for f in dataset.facts_for(slug, indicator_id) if f.territory is None or f.territory.current]
        fact = wording.latest_actual(dataset, facts, indicator_id)
        if fact is not None and wording.when(dataset, fact) is not None:
            groups[_year_and_base(dataset, fact)].append((slug, fact))
    if not groups:
        return []
    return max(groups.items(), key=lambda item: (len(item[1]), item[0][0]))[1]


def _year_and_base(dataset: Dataset, fact: Fact) -> tuple[int, float | None]:
    """What a cohort shares: the year a figure describes and, for a rank, how many were ranked."""
    base = fact.observation.denominator if fact.observation.unit == "rank" else None
    return as_of_bounds(wording.when(dataset, fact))[1].year, base


def ranking(dataset: Dataset, indicator_id: str) -> Ranking | None:
    """The indicator's ranking, or None (not comparable, or fewer than two provinces to compare).

    Worked out once per dataset and indicator: every province's card and page asks for it."""
    return dataset.derive(("ranking", indicator_id), lambda: _ranking(dataset, indicator_id))


def _ranking(dataset: Dataset, indicator_id: str) -> Ranking | None:
    indicator = dataset.indicators.get(indicator_id)
    if indicator is None or not indicator.comparable:
        return None
    members = cohort(dataset, indicator_id)
    if len(members) < 2:
        return None
    sign = -1 if indicator.higher_is_better else 1
    ordered = sorted(members, key=lambda item: (sign * item[1].value, dataset.provinces[item[0]].code))
    entries, place, previous = [], 0, None
    for number, (slug, fact) in enumerate(ordered, start=1):
        place = place if fact.value == previous else number
        previous = fact.value
        entries.append((place, slug, fact))
    year, base = _year_and_base(dataset, members[0][1])
    return Ranking(indicator_id, year, base, tuple(entries))
