"""Every province on one indicator: each one's latest comparable figure, best first."""

from __future__ import annotations

from .. import wording
from ..dataset import Dataset, Fact
from ..i18n import date_text, t
from ..ranking import ranking
from ..territory import ProvinceUnit
from . import queries
from .render import ChartJob
from .theme import PALETTE, field, finish, layer, nominal_fields, title, wrap
from .words import axis_unit, chart_words, label, source_name

# Fields the spec needs but a reader's table does not (positions, styling, short labels).
_INTERNAL = frozenset({"label", "order", "province_name", "status"})


def ranking_chart(dataset: Dataset, indicator_id: str, lang: str) -> ChartJob | None:
    """Each province's latest whole-province actual, best first, for comparable indicators only.

    Bars are labelled with the figure in the page's language (a rank is drawn as a dot:
    a longer bar would look better while being worse). A province whose latest figure
    describes its territory before the 1 July 2025 merger is coloured apart, and its
    territory is named in the rows and tooltip. None with fewer than two provinces.
    """
    indicator = dataset.indicators.get(indicator_id)
    if indicator is None or not indicator.comparable:
        return None
    words = chart_words(dataset, lang)
    ranked = ranking(dataset, indicator_id)  # the one order: best first, ties share a place (1, 2, 2, 4)
    if ranked is None:
        return None
    sign = -1 if indicator.higher_is_better else 1
    national = _national(dataset, indicator)
    highest = max([fact.value for _, _, fact in ranked.entries] + ([national.value] if national else []))
    top = max(100.0, highest) if indicator.unit == "percent" else highest or 1.0
    points = [
        _ranking_point(dataset, dataset.provinces[slug], fact, place, lang) | {"order": position}
        for position, (place, slug, fact) in enumerate(ranked.entries, start=1)
    ]
    former = any(p["status"] == words["former"] for p in points)
    title_lines = wrap(getattr(indicator.name, lang))
    layers = _ranking_layers(indicator.unit, top, former, words, axis_unit(dataset, indicator.unit, lang))
    national_text = ""
    if national is not None:
        national_text = t(lang, "chart_national").format(
            figure=wording.figure_text(dataset, national, lang), date=date_text(wording.when(dataset, national), lang)
        )
        layers.append(_national_rule(national.value))
    lines = len(title_lines) + (1 if national_text else 0)
    height = 100 + 16 * (lines - 1) + 26 * len(points) + (44 if former else 0)
    base = ranked.base
    subtitle = words["ranking_sub"].format(year=ranked.year) + (words["ranking_base"].format(base=base) if base else "")
    subtitle = [subtitle, national_text] if national_text else subtitle
    rows = [{k: v for k, v in p.items() if k not in _INTERNAL} for p in points]
    return finish(
        layers,
        points,
        title(title_lines, subtitle),
        f"ranking-{indicator_id}-{lang}",
        rows,
        height,
        " ".join(filter(None, [_ranking_alt(dataset, indicator, points, former, sign, words, lang), national_text])),
        lang,
    )


def _ranking_alt(
    dataset: Dataset, indicator, points: list[dict], former: bool, sign: int, words: dict, lang: str
) -> str:
    """The ranking in words: every province and its figure in order, who is other land, who is left out."""
    listed = ", ".join(f"{p['province_name']} {p['label']}" for p in points)
    alt_text = f"{getattr(indicator.name, lang)}. " + words["ranked"].format(
        n=len(points), order=words["desc" if sign < 0 else "asc"], list=listed
    )
    if former:
        names = ", ".join(p["province_name"] for p in points if p["status"] == words["former"])
        alt_text += " " + words["mixed_territory"].format(names=names)
    left_out = len(queries.provinces_with_figures(dataset, indicator.id)) - len(points)
    if left_out > 0:
        alt_text += " " + words["left_out"].format(n=left_out)
    return alt_text


def _ranking_layers(unit: str, top: float, former: bool, words: dict, axis_title: str | None) -> list[dict]:
    """Bars (dots for a rank) coloured by territory status, each labelled with its figure (``words``: chart_words)."""
    status = [words["current"], words["former"]]
    base = {
        "y": field(
            "province_name",
            "nominal",
            sort={"field": "order", "op": "min", "order": "ascending"},
            title=None,
            axis={"labelLimit": 140, "ticks": False, "domain": False, "labelFontSize": 12},
        ),
        "x": field(
            "value",
            "quantitative",
            scale={"domain": [0, top], "nice": unit != "percent"},
            axis={"format": ",~f", "title": axis_title, "labelFlush": False},
        ),
        "color": field(
            "status",
            "nominal",
            scale={"domain": status, "range": [PALETTE[0], PALETTE[4]]},
            title=None,
            legend={"values": status, "symbolType": "square"} if former else None,
        ),
        "tooltip": nominal_fields([words[k] for k in ("province", "figure", "date", "territory", "source")]),
    }
    # One data source and no filters, so Vega-Lite keeps the sort by "order" across layers
    # (an explicit list of names would end up inside a Vega expression).
    text = base | {"text": field("label", "nominal"), "color": {"value": "#000"}}
    mark = layer("circle", base, size=90, opacity=1) if unit == "rank" else layer("bar", base, height={"band": 0.7})
    return [mark, layer("text", text, align="left", dx=4 if unit != "rank" else 8)]


def _national(dataset: Dataset, indicator) -> Fact | None:
    """The country's latest figure of the indicator, drawn as a line when it is a level in the same unit."""
    fact = wording.national_latest(dataset, indicator.id)
    if fact is None or indicator.unit == "rank" or fact.observation.unit != indicator.unit:
        return None
    return fact


def _national_rule(value: float) -> dict:
    """The country's figure: a dashed vertical line across every bar (its words are in the subtitle)."""
    return {
        "data": {"values": [{"value": value}]},
        "mark": {"type": "rule", "color": "#000", "strokeDash": [5, 3], "strokeWidth": 1.5},
        "encoding": {"x": field("value", "quantitative")},
    }


def _ranking_point(dataset: Dataset, unit: ProvinceUnit, fact: Fact, rank: int, lang: str) -> dict:
    """One bar: what the spec draws (name, status, label) and what the table shows, territory included."""
    words, obs = chart_words(dataset, lang), fact.observation
    current = fact.territory is not None and fact.territory.current
    return {
        "province_name": unit.name,
        "status": words["current"] if current else words["former"],
        "label": label(dataset, fact, lang),
        words["rank"]: rank,
        words["province"]: unit.name,
        words["figure"]: wording.figure_text(dataset, fact, lang),
        words["date"]: date_text(wording.when(dataset, fact), lang),
        words["territory"]: wording.territory_text(dataset, fact, lang),
        words["source"]: source_name(dataset, obs.source),
        "value": fact.value,
    }
