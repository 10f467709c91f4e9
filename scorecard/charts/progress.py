"""The latest actual against its targets: a bullet chart (grey band, blue bar, black target ticks)."""

from __future__ import annotations

import math

from .. import wording
from ..dataset import Dataset, Fact
from ..i18n import date_text, t
from ..model import as_of_bounds
from ..territory import ProvinceUnit
from . import queries
from .render import ChartJob
from .theme import PALETTE, field, finish, layer, title, where, wrap
from .words import axis_unit, chart_words, label, latest_text, source_name, targets_text


def progress_chart(dataset: Dataset, province_slug: str, indicator_id: str, lang: str) -> ChartJob | None:
    """A bullet chart: the latest whole-province actual as a bar, its targets as black ticks.

    Only targets for the actual's year or later count (a 2020 target says nothing about a
    2025 figure). Percent runs 0–100; other units from 0 to a round number past the
    largest value. None without both an actual and a target, and for ranks (not an amount).
    """
    unit, indicator = dataset.provinces.get(province_slug), dataset.indicators.get(indicator_id)
    if unit is None or indicator is None or indicator.unit == "rank":
        return None
    facts = queries.own_figures(dataset, province_slug, indicator_id)
    latest = queries.latest_actual(dataset, facts)
    if latest is None:
        return None
    when = wording.when(dataset, latest)
    targets = queries.targets(facts, as_of_bounds(when)[0].year)
    if not targets:
        return None
    words = chart_words(dataset, lang)
    highest = max(latest.value, *(t.value for t in targets))
    top = max(100.0, highest) if indicator.unit == "percent" else _round_up(highest * 1.05)
    groups = _target_groups(dataset, targets, lang)
    title_lines = wrap(getattr(indicator.name, lang))
    subtitle = f"{unit.name} · {words['actual']} {date_text(when, lang)}"
    layers, marks = _bullet(dataset, latest, groups, top, indicator.unit, lang)
    height = 132 + 16 * (len(title_lines) - 1) + 22 * len(groups)
    rows = [_progress_row(dataset, unit, latest, words["actual"], when, lang)]
    rows += [_progress_row(dataset, unit, t, words["target"], t.observation.target_year, lang) for t in targets]
    alt_text = (
        f"{getattr(indicator.name, lang)} – {unit.name}. {latest_text(dataset, unit, latest, lang)} "
        f"{targets_text(dataset, targets, lang)}"
    )
    return finish(
        layers,
        marks,
        title(title_lines, subtitle),
        f"progress-{province_slug}-{indicator_id}-{lang}",
        rows,
        height,
        alt_text,
        lang,
    )


def _round_up(value: float) -> float:
    """The next 1, 2, 2.5 or 5 × 10ⁿ at or above ``value``, so the grey band ends on an axis tick."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= value)


def _bullet(
    dataset: Dataset, latest: Fact, groups: list[tuple[float, str]], top: float, unit: str, lang: str
) -> tuple[list[dict], list[dict]]:
    """Grey band to ``top``, blue bar for the actual, black ticks for targets.

    Target labels sit on rows above the bar and the actual's label on a row below it, so
    no label ever covers a tick. Alignment is decided here, not in a Vega expression.
    """
    rows_order = [f"t{i}" for i in range(len(groups))] + ["bar", "actual"]
    actual_text = f"{t(lang, 'actual')}: {label(dataset, latest, lang)}"
    marks = [
        {"row": "bar", "part": "bar", "value": latest.value},
        {"row": "actual", "part": "actual", "value": latest.value, "label": actual_text},
    ]
    marks += [{"row": "bar", "part": "tick", "value": value} for value, _ in groups]
    marks += [
        {"row": row, "part": row, "value": value, "label": text}
        for row, (value, text) in zip(rows_order, groups, strict=False)
    ]
    axis = {
        "format": ",~f",
        "title": axis_unit(dataset, unit, lang),
        "grid": False,
        "labelFlush": False,
        "tickCount": 5,
    }
    base = {
        "x": field("value", "quantitative", scale={"domain": [0, top], "nice": False}, axis=axis),
        "y": field("row", "nominal", scale={"domain": rows_order, "paddingInner": 0.1}, axis=None),
    }
    text = {"text": field("label", "nominal")}

    def align(value: float) -> str:
        return "right" if value > 0.85 * top else "left" if value < 0.15 * top else "center"

    band = {"x": {"datum": 0}, "x2": {"datum": top}, "y": base["y"]}
    layers = [
        layer("bar", band, where("part", "bar"), color="#e8e8e8", height={"band": 1}),
        layer("bar", base, where("part", "bar"), color=PALETTE[0], height={"band": 0.5}),
        layer("tick", base, where("part", "tick"), color="#000", thickness=3, size=24),
        layer(
            "text", base | text, where("part", "actual"), align=align(latest.value), fontWeight="bold", color=PALETTE[0]
        ),
    ]
    layers += [
        layer("text", base | text, where("part", row), align=align(value))
        for row, (value, _) in zip(rows_order, groups, strict=False)
    ]
    return layers, marks


def _target_groups(dataset: Dataset, targets: list[Fact], lang: str) -> list[tuple[float, str]]:
    """Targets with the same value share one label ("mục tiêu 2025, 2030: 100 %"), so labels never overlap."""
    groups: dict[float, list[Fact]] = {}
    for fact in targets:
        groups.setdefault(fact.value, []).append(fact)
    word = t(lang, "target")
    return [
        (
            value,
            f"{word} {', '.join(str(f.observation.target_year) for f in group)}: {label(dataset, group[-1], lang)}",
        )
        for value, group in groups.items()
    ]


def _progress_row(dataset: Dataset, unit: ProvinceUnit, fact: Fact, kind: str, when: int | str, lang: str) -> dict:
    """One row of the bullet chart's table: the same columns as the history chart's."""
    words, obs = chart_words(dataset, lang), fact.observation
    return {
        words["date"]: date_text(when, lang),
        words["kind"]: kind,
        words["figure"]: wording.figure_text(dataset, fact, lang),
        words["territory"]: wording.territory_text(dataset, fact, lang),
        words["source"]: source_name(dataset, obs.source),
        "value": fact.value,
    }
