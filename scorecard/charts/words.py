"""The charts' words: legend, tooltip and table headings, labels, and how a territory is named.

Every interface word is a key of :mod:`scorecard.i18n` (one vocabulary with the pages); the
words for units and the signs of qualifiers are data (data/units.yaml, data/vocabulary.yaml), read
through :mod:`scorecard.wording` as on the pages. How a figure reads (its amount, qualifier words,
territory) is :mod:`scorecard.wording`'s too.
"""

from __future__ import annotations

from .. import wording
from ..dataset import Dataset, Fact
from ..i18n import date_text, t
from ..numbers import format_number
from ..territory import ProvinceUnit, Territory
from ..wording import merged_text

# The chart's words by short name, each an interface word of :mod:`i18n` (one vocabulary with the pages).
_WORD_KEYS = {
    **{key: key for key in ("actual", "target", "territory", "date", "kind", "figure", "scope", "source")},
    **{key: key for key in ("province", "latest")},
    **{
        key: f"chart_{key}"
        for key in (
            "rank",
            "before",
            "from",
            "unclear",
            "merger",
            "by",
            "current",
            "former",
            "ranking_sub",
            "ranking_base",
            "left_out",
            "whole_province",
            "ranked",
            "desc",
            "asc",
            "break",
            "scoped",
            "mixed_territory",
            "undated",
        )
    },
}

# A short sign before a qualified figure on the chart; tables and alt text use the words.
# Units whose amount numbers.format_amount writes with its own short form ("99,6 %", "23,6 tỷ đồng").
_WRITTEN_WITH_UNIT = ("percent", "VND", "km", "Mbps")


def chart_words(dataset: Dataset, lang: str) -> dict[str, str]:
    """The charts' words in ``lang`` from :mod:`i18n`, the merger day (data/former-units.yaml) filled in."""
    day = merged_text(dataset, lang)
    return {short: t(lang, key).replace("{date}", day) for short, key in _WORD_KEYS.items()}


def axis_unit(dataset: Dataset, unit: str, lang: str) -> str | None:
    """The value axis title: the unit's word (none for plain counts, whose title says what is counted)."""
    return None if unit == "count" else wording.unit_label(dataset, unit, lang)


def label(dataset: Dataset, fact: Fact, lang: str) -> str:
    """The short label drawn on a chart: the figure's sign and amount at the pages' precision ("≥99,6 %").

    A percent, an amount of money, km or Mbps is written as pages write it; for other units
    ("0,8241", not "0,8241 điểm") the value axis names the unit, and a longer label would run
    off a ranking's bars.
    """
    obs = fact.observation
    if obs.unit in _WRITTEN_WITH_UNIT:
        amount = wording.amount_text(dataset, fact, fact.value, lang)
    else:
        amount = format_number(fact.value, lang, wording.decimals(fact))
    return wording.qualifier_sign(dataset, obs.qualifier) + amount


def territory_label(dataset: Dataset, unit: ProvinceUnit, territory: Territory | None, lang: str) -> str:
    """How a legend names a territory: "Lào Cai (trước 1/7/2025)" vs "Lào Cai (từ 1/7/2025)"."""
    words = chart_words(dataset, lang)
    if territory is None:
        return f"{unit.name} ({words['unclear']})"
    if territory.unchanged:
        return territory.name
    return f"{territory.name} ({words['from'] if territory.current else words['before']})"


def scope_name(dataset: Dataset, scope_id: str | None, lang: str) -> str:
    """A scope's name in the chart's language (its id if the registry lacks it, so nothing is hidden)."""
    scope = dataset.scopes.get(scope_id) if scope_id else None
    return getattr(scope.name, lang) if scope else (scope_id or "")


def source_name(dataset: Dataset, source_id: str) -> str:
    """Who published a figure, the way a reader knows the source ("Báo Dân trí")."""
    source = dataset.sources.get(source_id)
    return source.publisher if source else source_id


def latest_text(dataset: Dataset, unit: ProvinceUnit, fact: Fact, lang: str) -> str:
    """ "Mới nhất: gần 99,6 %, 31/10/2025, địa bàn Lào Cai (từ 1/7/2025)." (the territory only when it changed)."""
    words = chart_words(dataset, lang)
    figure = wording.figure_text(dataset, fact, lang)
    text = f"{words['latest']}: {figure}, {date_text(wording.when(dataset, fact), lang)}"
    if not unit.unchanged:
        text += f", {words['territory'].lower()} {territory_label(dataset, unit, fact.territory, lang)}"
    return text + "."


def targets_text(dataset: Dataset, targets: list[Fact], lang: str) -> str:
    """ "Mục tiêu: 100 % năm 2025; 100 % năm 2030." for the alt text ("" without targets)."""
    words = {"target": t(lang, "target"), "by": t(lang, "chart_by")}
    said = [f"{wording.figure_text(dataset, f, lang)} {words['by']} {f.observation.target_year}" for f in targets]
    return f"{words['target'].capitalize()}: {'; '.join(said)}." if said else ""
