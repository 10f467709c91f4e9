"""How much of the country the data covers: figures, pillars and sources per province, provinces per
headline indicator, rows per nationwide table (``python -m scorecard coverage``).

The goals it reports against (8 figures on 3 pillars from 2 sources per province; 20
provinces per headline indicator) are the editors' working targets, printed beside the
counts so a pull request's reviewer sees what it added.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .dataset import Dataset


@dataclass(frozen=True)
class ProvinceCoverage:
    slug: str
    name: str
    figures: int
    pillars: int
    sources: int

    def meets(self, figures: int = 8, pillars: int = 3, sources: int = 2) -> bool:
        return self.figures >= figures and self.pillars >= pillars and self.sources >= sources


def province_coverage(dataset: Dataset) -> list[ProvinceCoverage]:
    """Each of the 34 provinces with how many of its own figures, pillars and sources the data holds."""
    result = []
    for slug, unit in dataset.provinces.items():
        own = [f for f in dataset.facts_for(slug) if f.observation.subject == "province"]
        pillars = {dataset.indicators[f.indicator].pillar for f in own if f.indicator in dataset.indicators}
        result.append(
            ProvinceCoverage(slug, unit.name, len(own), len(pillars), len({f.observation.source for f in own}))
        )
    return result


def indicator_coverage(dataset: Dataset, headline_only: bool = True) -> dict[str, tuple[int, int]]:
    """How many provinces have a whole-province figure of each indicator: of any kind, and actuals only.

    A figure of one commune, one level of government or one network (a ``scope:``) is not
    the province's, so it does not count toward the goal; a target does, and the second
    count says how many of those provinces have an actual.
    """
    provinces: dict[str, set[str]] = defaultdict(set)
    actuals: dict[str, set[str]] = defaultdict(set)
    for fact in dataset.facts:
        if fact.observation.subject == "province" and fact.observation.scope is None:
            provinces[fact.indicator].add(fact.province)
            if fact.observation.kind == "actual":
                actuals[fact.indicator].add(fact.province)
    return {
        indicator.id: (len(provinces[indicator.id]), len(actuals[indicator.id]))
        for indicator in dataset.indicators.values()
        if indicator.headline or not headline_only
    }


def table_coverage(dataset: Dataset) -> dict[str, tuple[int, int]]:
    """Each nationwide table (data/tables/) with its rows and the provinces they cover."""
    rows: dict[str, list[str]] = defaultdict(list)
    for fact in dataset.facts:
        if "/tables/" in fact.file:
            rows[fact.file].append(fact.province)
    return {file: (len(slugs), len(set(slugs))) for file, slugs in sorted(rows.items())}


def report(dataset: Dataset) -> str:
    """The coverage as plain text, one line per province, headline indicator and table."""
    provinces = province_coverage(dataset)
    lines = ["province           figures pillars sources  goal (8 figures, 3 pillars, 2 sources)"]
    for p in provinces:
        lines.append(f"{p.slug:<18} {p.figures:>7} {p.pillars:>7} {p.sources:>7}  {'met' if p.meets() else '-'}")
    met = sum(p.meets() for p in provinces)
    with_data = sum(p.figures > 0 for p in provinces)
    lines.append(f"{with_data}/{len(provinces)} provinces have figures; {met} meet the goal")
    lines.append("")
    lines.append("headline indicator                      provinces (goal 20)  with an actual")
    for indicator_id, (count, actual) in indicator_coverage(dataset).items():
        lines.append(f"{indicator_id:<40} {count:>3} {actual:>19}")
    lines.append("")
    lines.append("nationwide table                                        rows provinces")
    for file, (count, covered) in table_coverage(dataset).items():
        lines.append(f"{file:<55} {count:>4} {covered:>4}")
    national = len(dataset.national_facts)
    lines.append(f"{national} country-wide figures in data/national.yaml")
    return "\n".join(lines) + "\n"
