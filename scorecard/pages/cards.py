"""A province page's first screen: one card per headline indicator.

Each card reads its figure the way every table does (:mod:`wording`): the latest whole-province
actual, its date, the former unit it describes if any; then the province's place in the ranking
(:mod:`ranking`, the same cohort as the ranking chart, with its year and how many provinces it
holds), the country's latest figure and the nearest target with the progress toward it. A card
without a figure still shows the target, so a province's ambition is visible before its results.
"""

from __future__ import annotations

from markupsafe import Markup

from ..dataset import Dataset, Fact
from ..i18n import t
from ..numbers import format_number
from ..ranking import ranking
from ..territory import ProvinceUnit
from ..wording import (
    figure_text,
    latest_actual,
    national_latest,
    next_target,
    territory_short,
    when_short,
)
from .links import figure_href, prefix, rel
from .render import render
from .tables import progress_text


def headline_cards(dataset: Dataset, unit: ProvinceUnit, path: str, lang: str) -> Markup:
    """The cards of the headline indicators (``headline: true`` in data/indicators.yaml), in their order."""
    cards = [_card(dataset, unit, indicator, path, lang) for indicator in dataset.indicators.values()]
    return render("cards.html", lang=lang, label=t(lang, "headline"), cards=[c for c in cards if c is not None])


def _card(dataset: Dataset, unit: ProvinceUnit, indicator, path: str, lang: str) -> dict | None:
    if not indicator.headline:
        return None
    mine = dataset.facts_for(unit.slug, indicator.id)
    actual = latest_actual(dataset, mine, indicator.id)
    target = next_target(dataset, mine, indicator.id)
    facts = [
        *_rank(dataset, unit, indicator, actual, lang),
        *_national(dataset, indicator.id, lang),
        *_target(dataset, actual, target, lang),
    ]
    card = {
        "name": getattr(indicator.name, lang),
        "href": rel(path, f"{prefix(lang)}indicators/{indicator.id}.md"),
        "value": None,
        "facts": facts,
    }
    if actual is not None:
        card |= {
            "value": figure_text(dataset, actual, lang),
            "when": when_short(dataset, actual, lang),
            "former": territory_short(dataset, actual, lang),  # "" unless it describes a former unit
            "anchor": figure_href(actual, path, lang),  # its row on the figures page, with source and quote
        }
    return card


def _rank(dataset: Dataset, unit: ProvinceUnit, indicator, actual: Fact | None, lang: str) -> list[tuple[str, str]]:
    """ "Thứ 3/17 tỉnh có số liệu năm 2025", when the card's own figure is the one the ranking ranks."""
    ranked = ranking(dataset, indicator.id) if indicator.unit != "rank" else None
    place = ranked.place_of(unit.slug) if ranked else None
    if place is None or actual is None or place[1] is not actual:
        return []
    text = t(lang, "card_rank").format(
        place=format_number(place[0], lang), count=format_number(len(ranked.entries), lang), year=ranked.year
    )
    return [(t(lang, "card_rank_term"), text)]


def _target(dataset: Dataset, actual: Fact | None, target: Fact | None, lang: str) -> list[tuple[str, str]]:
    """ "100 %, mục tiêu 2025 · đạt 92 %" (progress as the pillar tables compute it)."""
    if target is None:
        return []
    text = f"{figure_text(dataset, target, lang)}, {when_short(dataset, target, lang)}"
    former = territory_short(dataset, target, lang)  # a former unit's target is never passed off as the province's
    if former:
        text += f" ({former})"
    progress = progress_text(dataset, actual, target, lang)
    if progress:
        text += f" · {t(lang, 'card_progress')} {progress}"
    return [(t(lang, "target_header"), text)]


def _national(dataset: Dataset, indicator_id: str, lang: str) -> list[tuple[str, str]]:
    fact = national_latest(dataset, indicator_id)
    if fact is None:
        return []
    return [(t(lang, "card_national"), f"{figure_text(dataset, fact, lang)}, {when_short(dataset, fact, lang)}")]
