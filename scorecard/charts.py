"""Charts: Altair specs rendered once, at build time, to static SVG and PNG with vl-convert.

Each chart function turns the dataset into a :class:`ChartJob` (a Vega-Lite spec, the rows
it shows, its pixel size and a text alternative); :func:`render` writes every job's
``.svg``, ``.png``, ``.vl.json`` and ``.csv`` in this one process, skipping jobs whose
spec and rows have not changed. Pages show the SVG with no JavaScript; the Vega-Lite JSON
is for the optional interactive view.

Rules the charts keep:

* A line joins figures of one territory only: the former Lào Cai (before 1 July 2025) and
  the merged Lào Cai are separate series, so a merger never looks like growth.
* Text from ``data/`` (names, titles) reaches a spec only as plain values: titles, data
  fields and legend labels. Nothing from data goes into an expression, a URL or markup.
* The same data gives the same bytes: no timestamps, times in UTC, sorted output.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import math
import re
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path

import altair as alt
import vl_convert

from . import wording
from .dataset import Dataset, Fact
from .export import csv_cell
from .i18n import QUALIFIERS, UNITS, date_text, t
from .model import as_of_bounds
from .numbers import format_amount
from .output import file_digest, state_dir, write_output
from .territory import ProvinceUnit, Territory
from .wording import figure_text, latest_actual, merged_text

WIDTH = 400  # px; fits a 360 px phone at ~90 %, text stays legible
# DejaVu Sans before the generic name: vl-convert's PNG renderer knows no aliases, so without it
# the PNG falls back to a serif face; browsers stop at the first family they have.
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, DejaVu Sans, sans-serif"
# Okabe–Ito, reordered so the first colours are the most distinct on white (no yellow).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
GREY = "#6b6b6b"
RENDER_REVISION = "1"  # bump to re-render every chart after changing render() itself
CACHE_FILE = "chart-cache.json"  # in the build's state folder (output.state_dir), never beside the charts
SUFFIXES = (".svg", ".png", ".vl.json", ".csv")  # the files each chart is written as
PNG_SCALE = 2

NUMBER_LOCALE = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}

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


def chart_words(dataset: Dataset, lang: str) -> dict[str, str]:
    """The charts' words in ``lang`` from :mod:`i18n`, the merger day (data/former-units.yaml) filled in."""
    day = merged_text(dataset, lang)
    return {short: t(lang, key).replace("{date}", day) for short, key in _WORD_KEYS.items()}


# A short sign before a qualified figure on the chart; tables and alt text use the words.
_SIGNS = {"exact": "", "about": "≈", "nearly": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤"}


def _axis_unit(unit: str, lang: str) -> str | None:
    """The value axis title: the unit's word (none for plain counts, whose title says what is counted)."""
    return None if unit == "count" else UNITS[lang].get(unit)


# Fields the spec needs but a reader's table does not (positions, styling, short labels).
_INTERNAL = frozenset(
    {"x", "kind", "series", "scoped", "current", "label", "place", "order", "province_name", "status"}
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class ChartJob:
    """One chart to render: its spec, the rows it shows, its pixel size and its text alternative."""

    name: str  # file stem, e.g. "province-lao-cai-villages_fibre_share-vi"
    spec: dict  # Vega-Lite JSON (chart.to_dict())
    rows: list[dict]  # the data shown, for the CSV and the page's data table (headers in the chart's language)
    width: int
    height: int
    alt: str  # text alternative in the chart's language: title, latest value (with date), target


# ---------------------------------------------------------------- shared pieces


def theme(lang: str) -> dict:
    """The config every chart shares: exact pixel size, locale, fonts, palette, no ARIA bloat.

    ``autosize: fit`` with ``contains: padding`` makes the SVG exactly ``width``×``height``
    so pages can reserve the space. The locale lives in the spec so the interactive view
    formats numbers the same way as the static image.
    """
    return {
        "autosize": {"type": "fit", "contains": "padding"},
        "padding": 8,
        "background": "white",
        "font": FONT,
        "aria": False,  # the page's <img alt> carries the description
        "locale": {"number": NUMBER_LOCALE[lang]},  # no time locale: axes show years, dates are our own text
        "range": {"category": list(PALETTE)},
        "view": {"stroke": None},
        "title": {
            "anchor": "start",
            "fontSize": 14,
            "fontWeight": "bold",
            "subtitleFontSize": 12,
            "subtitleColor": GREY,
            "offset": 10,
        },
        "axis": {
            "labelFontSize": 11,
            "titleFontSize": 11,
            "titleFontWeight": "normal",
            "gridColor": "#e4e4e4",
            "domainColor": GREY,
            "tickColor": GREY,
            "labelColor": "#333",
            "titleColor": "#333",
        },
        "legend": {
            "orient": "bottom",
            "direction": "vertical",
            "labelFontSize": 11,
            "titleFontSize": 11,
            "labelLimit": WIDTH - 40,
            "symbolStrokeWidth": 2,
        },
        "text": {"fontSize": 11},
    }


def _quick(build):
    """Build a chart without Altair's check of every object as it is made.

    The checks halve the build speed and are repeated for every chart; the tests validate
    finished specs against the Vega-Lite schema instead.
    """

    @functools.wraps(build)
    def without_checks(*args, **kwargs):
        with alt.utils.schemapi.debug_mode(False):
            return build(*args, **kwargs)

    return without_checks


def _wrap(text: str, width: int = 46) -> list[str]:
    """A long Vietnamese indicator name split into lines, so titles never run off a phone screen."""
    return textwrap.wrap(text, width) or [text]


def _finish(
    chart: alt.LayerChart,
    values: list[dict],
    title: alt.Title,
    name: str,
    rows: list[dict],
    height: int,
    alt_text: str,
    lang: str,
) -> ChartJob:
    """Title, size, data and theme for a chart, packaged as a job (one place, so every chart is alike).

    The data goes in once, at the top (every layer uses it). Altair's schema check is
    skipped (see ``_quick``).
    """
    chart = chart.properties(data=alt.Data(values=values), title=title, width=WIDTH, height=height)
    spec = chart.to_dict(validate=False)
    spec["config"] = theme(lang)
    return ChartJob(name, spec, rows, WIDTH, height, alt_text)


def _label(value: float, qualifier: str, unit: str, lang: str) -> str:
    """The short label drawn on a chart: "≥99,6 %" (vi) / "≥99.6%" (en)."""
    return _SIGNS[qualifier] + format_amount(value, unit, lang)


def _figure_text(value: float, qualifier: str, unit: str, lang: str) -> str:
    """The figure in words for tables and alt text: "gần 99,6 %" / "nearly 99.6%"."""
    word = QUALIFIERS[lang][qualifier]
    return f"{word} {format_amount(value, unit, lang)}" if word else format_amount(value, unit, lang)


def territory_label(dataset: Dataset, unit: ProvinceUnit, territory: Territory | None, lang: str) -> str:
    """How a legend names a territory: "Lào Cai (trước 1/7/2025)" vs "Lào Cai (từ 1/7/2025)"."""
    words = chart_words(dataset, lang)
    if territory is None:
        return f"{unit.name} ({words['unclear']})"
    if territory.unchanged:
        return territory.name
    return f"{territory.name} ({words['from'] if territory.current else words['before']})"


def _midpoint(when: int | str) -> date:
    """Where a figure sits on a time axis: the middle of the period it describes (2024 → 2 Jul 2024)."""
    first, last = as_of_bounds(when)
    return date.fromordinal((first.toordinal() + last.toordinal()) // 2)


def _own_figures(dataset: Dataset, province_slug: str, indicator_id: str) -> list[Fact]:
    """The province's own figures for one indicator (not national or peer figures), with a value."""
    return [
        fact
        for fact in dataset.facts_for(province_slug)
        if fact.indicator == indicator_id
        and fact.observation.subject == "province"
        and fact.observation.kind in ("actual", "target")  # a change is no level; a forecast is not drawn yet
        and fact.value is not None
    ]


def _latest_actual(dataset: Dataset, facts: list[Fact]) -> Fact | None:
    """The latest of one indicator's figures by the site's one rule (wording.latest_actual), if dated."""
    latest = latest_actual(dataset, facts, facts[0].indicator) if facts else None
    return latest if latest is not None and wording.when(dataset, latest) is not None else None


def _scope_name(dataset: Dataset, scope_id: str | None, lang: str) -> str:
    """A scope's name in the chart's language (its id if the registry lacks it, so nothing is hidden)."""
    scope = dataset.scopes.get(scope_id) if scope_id else None
    return getattr(scope.name, lang) if scope else (scope_id or "")


def _source_name(dataset: Dataset, source_id: str) -> str:
    """Who published a figure, the way a reader knows the source ("Báo Dân trí")."""
    source = dataset.sources.get(source_id)
    return source.publisher if source else source_id


def _year_axis(first_year: int, last_year: int) -> alt.X:
    """A UTC time axis with one tick per year (or every 2 or 5), so no time zone changes the image."""
    span = last_year + 1 - first_year
    step = 1 if span <= 8 else 2 if span <= 16 else 5
    domain = [
        alt.DateTime(year=first_year, month=1, date=1, utc=True),
        alt.DateTime(year=last_year + 1, month=1, date=1, utc=True),
    ]
    return alt.X(
        "x:T",
        scale=alt.Scale(type="utc", domain=domain),
        axis=alt.Axis(
            format="%Y", tickCount={"interval": "year", "step": step}, title=None, grid=False, labelFlush=False
        ),
    )


def _value_axis(unit: str, lang: str, highest: float) -> alt.Y:
    """The value axis: 0–100 for percent, reversed for a rank (1 on top), zero-based otherwise."""
    if unit == "percent":
        scale = alt.Scale(domain=[0, max(100.0, highest)])
    elif unit == "rank":
        scale = alt.Scale(reverse=True, zero=False, domainMin=1, nice=False)
    else:
        scale = alt.Scale(zero=True, nice=True)
    step = 1 if unit in ("rank", "count", "level") else alt.Undefined
    axis = alt.Axis(format=",~f", title=_axis_unit(unit, lang), tickMinStep=step)
    return alt.Y("value:Q", scale=scale, axis=axis)


# ---------------------------------------------------------------- the province's figures over time


def _history_points(dataset: Dataset, unit: ProvinceUnit, facts: list[Fact], lang: str) -> list[dict]:
    """One point per figure (duplicate targets merged), with its series: territory, and scope if any."""
    words = chart_words(dataset, lang)
    points: dict[tuple, dict] = {}
    for fact in facts:
        obs = fact.observation
        when = wording.when(dataset, fact) if obs.kind == "actual" else obs.target_year
        if when is None:
            continue
        series = territory_label(dataset, unit, fact.territory, lang)
        if obs.scope:
            series = f"{series} — {_scope_name(dataset, obs.scope, lang)}"
        label = _label(fact.value, obs.qualifier, obs.unit, lang)
        point = {
            "x": _midpoint(when).isoformat(),
            "value": fact.value,
            "kind": obs.kind,
            "series": series,
            "scoped": obs.scope is not None,
            "current": fact.territory is not None and fact.territory.current,
            "label": label if obs.kind == "actual" else f"{words['target']} {label}",
            words["date"]: date_text(when, lang),
            words["kind"]: words[obs.kind],
            words["figure"]: _figure_text(fact.value, obs.qualifier, obs.unit, lang),
            words["territory"]: territory_label(dataset, unit, fact.territory, lang),
            words["scope"]: _scope_name(dataset, obs.scope, lang) or words["whole_province"],
            words["source"]: _source_name(dataset, obs.source),
        }
        points.setdefault((point["x"], point["value"], point["kind"], series), point)
    return sorted(points.values(), key=lambda p: (p["x"], p["kind"], p["series"]))


def _place_labels(points: list[dict], first_year: int, last_year: int) -> None:
    """Label only what a reader needs, and never two labels on top of each other.

    Candidates are each whole-province series' latest actual (above its point) and each
    target (below its marker), most recent actual first. A label is dropped when its
    estimated extent overlaps one already kept on the same side; near either end of the
    axis a label runs inwards. Unlabelled figures are in the table and the tooltip.
    Sets ``place`` to e.g. "above-center" ("" for no label).
    """
    plot = WIDTH - 80  # px of the plot area, roughly: the chart minus the value axis
    start, end = date(first_year, 1, 1).toordinal(), date(last_year + 1, 1, 1).toordinal()
    last = {p["series"]: p for p in points if p["kind"] == "actual" and not p["scoped"]}
    actuals = sorted(last.values(), key=lambda p: p["x"], reverse=True)
    kept: dict[str, list[tuple[float, float]]] = {"above": [], "below": []}
    for point in points:
        point["place"] = ""
    for point in actuals + [p for p in points if p["kind"] == "target"]:
        side = "above" if point["kind"] == "actual" else "below"
        x = plot * (date.fromisoformat(point["x"]).toordinal() - start) / (end - start)
        width = 6.5 * len(point["label"]) + 6
        align = "left" if x < width / 2 else "right" if plot - x < width / 2 else "center"
        low = {"left": x - 6, "right": x + 6 - width, "center": x - width / 2}[align]
        if any(low < high and other_low < low + width for other_low, high in kept[side]):
            continue
        kept[side].append((low, low + width))
        point["place"] = f"{side}-{align}"


def _series_styles(points: list[dict]) -> tuple[list[str], list[str], list[list[int]]]:
    """Series in time order with a colour and dash each: the current territory blue, scoped series dashed.

    Whole-province series take the strong colours first, so a partial (scoped) figure
    never gets the colour a reader would take for the province's own line.
    """
    order = list(dict.fromkeys(p["series"] for p in points))
    current = {p["series"] for p in points if p["current"] and not p["scoped"]}
    scoped = {p["series"] for p in points if p["scoped"]}
    spare = iter(PALETTE[1:])
    colour = {series: PALETTE[0] for series in order if series in current}
    for series in sorted(order, key=lambda name: name in scoped):  # stable: time order within each group
        colour.setdefault(series, next(spare, GREY))
    colours = [colour[series] for series in order]
    dashes = [[5, 3] if series in scoped else [1, 0] for series in order]
    return order, colours, dashes


@_quick
def province_indicator_chart(dataset: Dataset, province_slug: str, indicator_id: str, lang: str) -> ChartJob | None:
    """The province's figures for one indicator over time; a new line wherever the territory changed.

    Actuals are filled points joined by a line within one series (territory, and scope if
    the figure covers only part of the province: square points, dashed line); targets are
    hollow diamonds at their target year labelled "mục tiêu"/"target". Points sit in the
    middle of the period they describe (2024 → mid-2024). None with fewer than two dated
    figures: one point is no history, and the page's table already states it.
    """
    unit, indicator = dataset.provinces.get(province_slug), dataset.indicators.get(indicator_id)
    if unit is None or indicator is None:
        return None
    facts = _own_figures(dataset, province_slug, indicator_id)
    points = _history_points(dataset, unit, facts, lang)
    if len(points) < 2:
        return None
    years = [int(p["x"][:4]) for p in points]
    _place_labels(points, min(years), max(years))
    layers, series = _history_layers(points, indicator.unit, min(years), max(years), lang)
    if not unit.unchanged and min(years) <= dataset.reorg.merged_on.year <= max(years):
        layers += _merger_rule(dataset, lang)
    title_lines = _wrap(getattr(indicator.name, lang))
    height = 232 + 16 * (len(title_lines) - 1) + (22 + 18 * series if series > 1 else 0)
    rows = [{k: v for k, v in p.items() if k not in _INTERNAL and k != "value"} | {"value": p["value"]} for p in points]
    return _finish(
        alt.layer(*layers),
        points,
        alt.Title(title_lines, subtitle=unit.name),
        f"province-{province_slug}-{indicator_id}-{lang}",
        rows,
        height,
        _history_alt(dataset, unit, indicator, facts, points, lang),
        lang,
    )


def _history_layers(
    points: list[dict], unit: str, first_year: int, last_year: int, lang: str
) -> tuple[list[alt.Chart], int]:
    """Lines and points per series, hollow target diamonds, and the labels ``_place_labels`` kept."""
    words = {key: t(lang, key) for key in ("territory", "date", "kind", "figure", "scope", "source")}
    order, colours, dashes = _series_styles(points)
    # One series needs no legend; two or more name every territory (and scope) apart.
    legend = alt.Legend(title=words["territory"], symbolType="stroke") if len(order) > 1 else None
    base = alt.Chart().encode(
        x=_year_axis(first_year, last_year),
        y=_value_axis(unit, lang, max(p["value"] for p in points)),
        color=alt.Color("series:N", scale=alt.Scale(domain=order, range=colours), legend=legend),
    )
    tooltip = [
        alt.Tooltip(f"{key}:N")
        for key in (words["date"], words["kind"], words["figure"], words["territory"], words["scope"], words["source"])
    ]

    def where(field: str, value: object) -> alt.FieldEqualPredicate:
        return alt.FieldEqualPredicate(field=field, equal=value)

    actual = base.transform_filter(where("kind", "actual"))
    layers = [
        actual.mark_line(strokeWidth=2).encode(
            strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=order, range=dashes), legend=legend)
        ),
        actual.mark_point(filled=True, size=50, opacity=1)
        .encode(tooltip=tooltip)
        .transform_filter(where("scoped", False)),
        actual.mark_point(filled=True, size=50, opacity=1, shape="square")
        .encode(tooltip=tooltip)
        .transform_filter(where("scoped", True)),
        base.mark_point(filled=False, size=70, strokeWidth=2, shape="diamond", opacity=1)
        .encode(tooltip=tooltip)
        .transform_filter(where("kind", "target")),
    ]
    for place in sorted({p["place"] for p in points} - {""}):  # one text layer per position actually used
        side, align = place.split("-")
        text = base.mark_text(
            dy=-10 if side == "above" else 10,
            baseline="bottom" if side == "above" else "top",
            align=align,
            dx={"left": -6, "right": 6, "center": 0}[align],
        )
        layers.append(text.encode(text="label:N").transform_filter(where("place", place)))
    return layers, len(order)


def _merger_rule(dataset: Dataset, lang: str) -> list[alt.Chart]:
    """A thin vertical rule on the merger day labelled as the merger; its text is ours, not the data's."""
    day, text = dataset.reorg.merged_on.isoformat(), chart_words(dataset, lang)["merger"]
    mark = alt.Chart(alt.Data(values=[{"x": day, "text": text}])).encode(x="x:T")
    return [
        mark.mark_rule(color=GREY, strokeDash=[2, 2]),
        mark.mark_text(align="left", baseline="bottom", dx=3, dy=-3, y="height", color=GREY, fontSize=10).encode(
            text="text:N"
        ),
    ]


def _history_alt(
    dataset: Dataset, unit: ProvinceUnit, indicator, facts: list[Fact], points: list[dict], lang: str
) -> str:
    """Title, latest whole-province figure with its date and territory, targets, breaks, scoped figures."""
    words = chart_words(dataset, lang)
    parts = [f"{getattr(indicator.name, lang)} – {unit.name}."]
    latest = _latest_actual(dataset, facts)
    if latest is not None:
        parts.append(_latest_text(dataset, unit, latest, lang))
    parts.append(_targets_text(facts, lang))
    territories = list(dict.fromkeys(p[words["territory"]] for p in points if p["kind"] == "actual"))
    if len(territories) > 1:
        parts.append(words["break"].format(names=", ".join(territories)))
    scoped = [f for f in facts if f.observation.scope and f.observation.kind == "actual"]
    if scoped:
        scope = _scope_name(dataset, scoped[0].observation.scope, lang)
        parts.append(words["scoped"].format(n=len(scoped), scope=scope))
    undated = [
        f
        for f in facts
        if (f.observation.kind == "actual" and not wording.when(dataset, f))
        or (f.observation.kind == "target" and not f.observation.target_year)
    ]
    if undated:
        parts.append(words["undated"].format(n=len(undated)))
    return " ".join(part for part in parts if part)


def _latest_text(dataset: Dataset, unit: ProvinceUnit, fact: Fact, lang: str) -> str:
    """ "Mới nhất: gần 99,6 %, 31/10/2025, địa bàn Lào Cai (từ 1/7/2025)." (the territory only when it changed)."""
    words = chart_words(dataset, lang)
    figure = figure_text(dataset, fact, lang)
    text = f"{words['latest']}: {figure}, {date_text(wording.when(dataset, fact), lang)}"
    if not unit.unchanged:
        text += f", {words['territory'].lower()} {territory_label(dataset, unit, fact.territory, lang)}"
    return text + "."


def _targets(facts: list[Fact], from_year: int | None = None) -> list[Fact]:
    """Whole-province targets, one per target year (the one listed last), oldest year first."""
    by_year: dict[int, Fact] = {}
    for fact in facts:
        obs = fact.observation
        if obs.kind == "target" and obs.target_year and obs.scope is None and obs.target_year >= (from_year or 0):
            by_year[obs.target_year] = fact
    return [by_year[year] for year in sorted(by_year)]


def _targets_text(facts: list[Fact], lang: str) -> str:
    """ "Mục tiêu: 100 % năm 2025; 100 % năm 2030." for the alt text ("" without targets)."""
    words = {"target": t(lang, "target"), "by": t(lang, "chart_by")}
    targets = _targets(facts)
    if not targets:
        return ""
    said = [
        f"{_figure_text(f.value, f.observation.qualifier, f.observation.unit, lang)} {words['by']} "
        f"{f.observation.target_year}"
        for f in targets
    ]
    return f"{words['target'].capitalize()}: {'; '.join(said)}."


# ---------------------------------------------------------------- latest actual against its targets


@_quick
def progress_chart(dataset: Dataset, province_slug: str, indicator_id: str, lang: str) -> ChartJob | None:
    """A bullet chart: the latest whole-province actual as a bar, its targets as black ticks.

    Only targets for the actual's year or later count (a 2020 target says nothing about a
    2025 figure). Percent runs 0–100; other units from 0 to a round number past the
    largest value. None without both an actual and a target, and for ranks (not an amount).
    """
    unit, indicator = dataset.provinces.get(province_slug), dataset.indicators.get(indicator_id)
    if unit is None or indicator is None or indicator.unit == "rank":
        return None
    facts = _own_figures(dataset, province_slug, indicator_id)
    latest = _latest_actual(dataset, facts)
    if latest is None:
        return None
    when = wording.when(dataset, latest)
    targets = _targets(facts, as_of_bounds(when)[0].year)
    if not targets:
        return None
    words = chart_words(dataset, lang)
    highest = max(latest.value, *(t.value for t in targets))
    top = max(100.0, highest) if indicator.unit == "percent" else _round_up(highest * 1.05)
    groups = _target_groups(targets, lang)
    title_lines = _wrap(getattr(indicator.name, lang))
    subtitle = f"{unit.name} · {words['actual']} {date_text(when, lang)}"
    chart, marks = _bullet(latest, groups, top, indicator.unit, lang)
    height = 132 + 16 * (len(title_lines) - 1) + 22 * len(groups)
    rows = [_progress_row(dataset, unit, latest, words["actual"], when, lang)]
    rows += [_progress_row(dataset, unit, t, words["target"], t.observation.target_year, lang) for t in targets]
    alt_text = (
        f"{getattr(indicator.name, lang)} – {unit.name}. {_latest_text(dataset, unit, latest, lang)} "
        f"{_targets_text(targets, lang)}"
    )
    return _finish(
        chart,
        marks,
        alt.Title(title_lines, subtitle=subtitle),
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
    latest: Fact, groups: list[tuple[float, str]], top: float, unit: str, lang: str
) -> tuple[alt.LayerChart, list[dict]]:
    """Grey band to ``top``, blue bar for the actual, black ticks for targets.

    Target labels sit on rows above the bar and the actual's label on a row below it, so
    no label ever covers a tick. Alignment is decided here, not in a Vega expression.
    """
    rows_order = [f"t{i}" for i in range(len(groups))] + ["bar", "actual"]
    obs = latest.observation
    actual_text = f"{t(lang, 'actual')}: {_label(latest.value, obs.qualifier, obs.unit, lang)}"
    marks = [
        {"row": "bar", "part": "bar", "value": latest.value},
        {"row": "actual", "part": "actual", "value": latest.value, "label": actual_text},
    ]
    marks += [{"row": "bar", "part": "tick", "value": value} for value, _ in groups]
    marks += [
        {"row": row, "part": row, "value": value, "label": text}
        for row, (value, text) in zip(rows_order, groups, strict=False)
    ]
    base = alt.Chart().encode(
        x=alt.X(
            "value:Q",
            scale=alt.Scale(domain=[0, top], nice=False),
            axis=alt.Axis(format=",~f", title=_axis_unit(unit, lang), grid=False, labelFlush=False, tickCount=5),
        ),
        y=alt.Y("row:N", scale=alt.Scale(domain=rows_order, paddingInner=0.1), axis=None),
    )

    def part(name: str) -> alt.FieldEqualPredicate:
        return alt.FieldEqualPredicate(field="part", equal=name)

    def align(value: float) -> str:
        return "right" if value > 0.85 * top else "left" if value < 0.15 * top else "center"

    layers = [
        base.mark_bar(color="#e8e8e8", height={"band": 1})
        .encode(x=alt.datum(0), x2=alt.X2(datum=top))
        .transform_filter(part("bar")),
        base.mark_bar(color=PALETTE[0], height={"band": 0.5}).transform_filter(part("bar")),
        base.mark_tick(color="#000", thickness=3, size=24).transform_filter(part("tick")),
        base.mark_text(align=align(latest.value), fontWeight="bold", color=PALETTE[0])
        .encode(text="label:N")
        .transform_filter(part("actual")),
    ]
    layers += [
        base.mark_text(align=align(value)).encode(text="label:N").transform_filter(part(row))
        for row, (value, _) in zip(rows_order, groups, strict=False)
    ]
    return alt.layer(*layers), marks


def _target_groups(targets: list[Fact], lang: str) -> list[tuple[float, str]]:
    """Targets with the same value share one label ("mục tiêu 2025, 2030: 100 %"), so labels never overlap."""
    groups: dict[float, list[Fact]] = {}
    for fact in targets:
        groups.setdefault(fact.value, []).append(fact)
    word = t(lang, "target")
    return [
        (
            value,
            f"{word} {', '.join(str(f.observation.target_year) for f in group)}: "
            f"{_label(value, group[-1].observation.qualifier, group[-1].observation.unit, lang)}",
        )
        for value, group in groups.items()
    ]


def _progress_row(dataset: Dataset, unit: ProvinceUnit, fact: Fact, kind: str, when: int | str, lang: str) -> dict:
    """One row of the bullet chart's table: the same columns as the history chart's."""
    words, obs = chart_words(dataset, lang), fact.observation
    return {
        words["date"]: date_text(when, lang),
        words["kind"]: kind,
        words["figure"]: _figure_text(fact.value, obs.qualifier, obs.unit, lang),
        words["territory"]: territory_label(dataset, unit, fact.territory, lang),
        words["source"]: _source_name(dataset, obs.source),
        "value": fact.value,
    }


# ---------------------------------------------------------------- every province on one indicator


@_quick
def ranking_cohort(dataset: Dataset, indicator_id: str) -> list[tuple[str, Fact]]:
    """The provinces a ranking may compare: one figure each, of one year and one ranking base.

    Each province contributes its latest actual about its current territory (a former
    unit is other land). Those figures are grouped by the year they describe and, for a
    rank, by how many were ranked (63 or 34); the largest group is the cohort (the most
    recent year on a tie), so a ranking never sets 2022 against 2024 or 30/63 against 14/34.
    """
    groups: dict[tuple, list[tuple[str, Fact]]] = defaultdict(list)
    for slug in dataset.provinces:
        facts = [f for f in _own_figures(dataset, slug, indicator_id) if f.territory is None or f.territory.current]
        fact = _latest_actual(dataset, facts)
        if fact is None:
            continue
        year = as_of_bounds(wording.when(dataset, fact))[1].year
        base = fact.observation.denominator if fact.observation.unit == "rank" else None
        groups[(year, base)].append((slug, fact))
    if not groups:
        return []
    return max(groups.items(), key=lambda item: (len(item[1]), item[0][0]))[1]


def _provinces_with_figures(dataset: Dataset, indicator_id: str) -> set[str]:
    """The provinces with at least one own actual of the indicator, whatever its year or territory."""
    return {
        f.province
        for f in dataset.facts
        if f.indicator == indicator_id and f.observation.kind == "actual" and f.observation.subject == "province"
    }


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
    latest = ranking_cohort(dataset, indicator_id)
    if len(latest) < 2:
        return None
    sign = -1 if indicator.higher_is_better else 1
    ordered = sorted(latest, key=lambda item: (sign * item[1].value, dataset.provinces[item[0]].code))
    highest = max(fact.value for _, fact in ordered)
    top = max(100.0, highest) if indicator.unit == "percent" else highest or 1.0
    points, rank, previous = [], 0, None
    for position, (slug, fact) in enumerate(ordered, start=1):
        rank = rank if fact.value == previous else position  # ties share a rank: 1, 2, 2, 4
        previous = fact.value
        points.append(_ranking_point(dataset, dataset.provinces[slug], fact, rank, lang) | {"order": position})
    former = any(p["status"] == words["former"] for p in points)
    title_lines = _wrap(getattr(indicator.name, lang))
    chart = _ranking_layers(points, indicator.unit, top, former, words, lang)
    height = 100 + 16 * (len(title_lines) - 1) + 26 * len(points) + (44 if former else 0)
    listed = ", ".join(f"{p['province_name']} {p['label']}" for p in points)
    alt_text = f"{getattr(indicator.name, lang)}. " + words["ranked"].format(
        n=len(points), order=words["desc" if sign < 0 else "asc"], list=listed
    )
    if former:
        names = ", ".join(p["province_name"] for p in points if p["status"] == words["former"])
        alt_text += " " + words["mixed_territory"].format(names=names)
    left_out = len(_provinces_with_figures(dataset, indicator_id)) - len(points)
    if left_out > 0:
        alt_text += " " + words["left_out"].format(n=left_out)
    year = as_of_bounds(wording.when(dataset, latest[0][1]))[1].year
    base = latest[0][1].observation.denominator if indicator.unit == "rank" else None
    subtitle = words["ranking_sub"].format(year=year) + (words["ranking_base"].format(base=base) if base else "")
    rows = [{k: v for k, v in p.items() if k not in _INTERNAL} for p in points]
    return _finish(
        chart,
        points,
        alt.Title(title_lines, subtitle=subtitle),
        f"ranking-{indicator_id}-{lang}",
        rows,
        height,
        alt_text,
        lang,
    )


def _ranking_layers(points: list[dict], unit: str, top: float, former: bool, words: dict, lang: str) -> alt.LayerChart:
    """Bars (dots for a rank) coloured by territory status, each labelled with its figure (``words``: chart_words)."""
    status = [words["current"], words["former"]]
    base = alt.Chart().encode(
        y=alt.Y(
            "province_name:N",
            sort=alt.EncodingSortField("order", op="min", order="ascending"),
            title=None,
            axis=alt.Axis(labelLimit=140, ticks=False, domain=False, labelFontSize=12),
        ),
        x=alt.X(
            "value:Q",
            scale=alt.Scale(domain=[0, top], nice=unit != "percent"),
            axis=alt.Axis(format=",~f", title=_axis_unit(unit, lang), labelFlush=False),
        ),
        color=alt.Color(
            "status:N",
            scale=alt.Scale(domain=status, range=[PALETTE[0], PALETTE[4]]),
            title=None,
            legend=alt.Legend(values=status, symbolType="square") if former else None,
        ),
        tooltip=[
            alt.Tooltip(f"{key}:N")
            for key in (words["province"], words["figure"], words["date"], words["territory"], words["source"])
        ],
    )
    # One data source and no filters, so Vega-Lite keeps the sort by "order" across layers
    # (an explicit list of names would end up inside a Vega expression).
    label = base.mark_text(align="left", dx=4 if unit != "rank" else 8).encode(text="label:N", color=alt.value("#000"))
    mark = base.mark_circle(size=90, opacity=1) if unit == "rank" else base.mark_bar(height={"band": 0.7})
    return alt.layer(mark, label)


def _ranking_point(dataset: Dataset, unit: ProvinceUnit, fact: Fact, rank: int, lang: str) -> dict:
    """One bar: what the spec draws (name, status, label) and what the table shows, territory included."""
    words, obs = chart_words(dataset, lang), fact.observation
    current = fact.territory is not None and fact.territory.current
    return {
        "province_name": unit.name,
        "status": words["current"] if current else words["former"],
        "label": _label(fact.value, obs.qualifier, obs.unit, lang),
        words["rank"]: rank,
        words["province"]: unit.name,
        words["figure"]: _figure_text(fact.value, obs.qualifier, obs.unit, lang),
        words["date"]: date_text(wording.when(dataset, fact), lang),
        words["territory"]: territory_label(dataset, unit, fact.territory, lang),
        words["source"]: _source_name(dataset, obs.source),
        "value": fact.value,
    }


# ---------------------------------------------------------------- writing them


def job_key(job: ChartJob) -> str:
    """What decides a chart's files: spec, rows, size and the renderer's version (not the alt text)."""
    payload = {
        "spec": job.spec,
        "rows": job.rows,
        "size": [job.width, job.height],
        "renderer": [version("vl-convert-python"), RENDER_REVISION, PNG_SCALE],
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_csv(rows: list[dict]) -> str:
    """The chart's rows as UTF-8 CSV; a text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def render(jobs: list[ChartJob], out_dir: Path, state: Path | None = None) -> dict:
    """Write ``<name>.svg/.png/.vl.json/.csv`` for each job, skipping jobs unchanged since the last run.

    vl-convert runs in this process: its engine starts once (~0.5 s), then a chart takes
    ~0.1 s (SVG, and the PNG drawn from that SVG). The cache maps each name to the hash of
    what it was drawn from and the sha256 of each file written; a job is skipped only when
    its hash matches and its four files are still, byte for byte, what was written. The
    cache lives in ``state`` (by default the build's state folder for ``out_dir``, outside
    the work tree), so a chart committed with a forged entry is drawn again, never
    published. Files of charts no longer in ``jobs`` are left alone.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = [job.name for job in jobs]
    if len(set(names)) != len(names) or not all(_NAME.match(name) for name in names):
        raise ValueError("chart names must be unique and use only a-z, 0-9, '-' and '_'")
    manifest_path = (state or state_dir(out_dir)) / CACHE_FILE
    manifest = _cache(manifest_path)
    counts = {"rendered": 0, "skipped": 0}
    for job in jobs:
        key = job_key(job)
        files = {suffix: out_dir / f"{job.name}{suffix}" for suffix in SUFFIXES}
        entry = manifest.get(job.name)
        if (
            isinstance(entry, dict)
            and entry.get("key") == key
            and entry.get("files") == {suffix: file_digest(path) for suffix, path in files.items()}
        ):
            counts["skipped"] += 1
            continue
        manifest[job.name] = {"key": key, "files": _draw(job, files, out_dir)}
        counts["rendered"] += 1
    write_output(manifest_path, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode(), manifest_path.parent)
    return counts


def _cache(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: render everything
    return manifest if isinstance(manifest, dict) else {}


def _draw(job: ChartJob, files: dict[str, Path], out_dir: Path) -> dict[str, str]:
    """Write the job's four files (a link at their place is replaced); their sha256 by suffix."""
    svg = vl_convert.vegalite_to_svg(job.spec)
    bodies = {
        ".svg": svg.encode("utf-8"),
        ".png": vl_convert.svg_to_png(svg, scale=PNG_SCALE),  # from the SVG: same picture, faster
        ".vl.json": (json.dumps(job.spec, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"),
        ".csv": to_csv(job.rows).encode("utf-8"),
    }
    for suffix, body in bodies.items():
        write_output(files[suffix], body, out_dir)
    return {suffix: hashlib.sha256(body).hexdigest() for suffix, body in bodies.items()}
