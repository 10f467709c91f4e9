"""The province's figures for one indicator over time: one line per territory, targets as diamonds."""

from __future__ import annotations

from datetime import date

from .. import wording
from ..dataset import Dataset, Fact
from ..i18n import date_text, t
from ..model import as_of_bounds
from ..territory import ProvinceUnit
from . import queries
from .render import ChartJob
from .theme import GREY, PALETTE, WIDTH, field, finish, layer, nominal_fields, title, value_axis, where, wrap, year_axis
from .words import (
    axis_unit,
    chart_words,
    label,
    latest_text,
    scope_name,
    source_name,
    targets_text,
    territory_label,
)

# Fields the spec needs but a reader's table does not (positions, styling, short labels).
_INTERNAL = frozenset({"x", "kind", "series", "scoped", "current", "territory_name", "label", "place"})


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
    facts = queries.own_figures(dataset, province_slug, indicator_id)
    points = _history_points(dataset, unit, facts, lang)
    if len(points) < 2:
        return None
    years = [int(p["x"][:4]) for p in points]
    _place_labels(points, min(years), max(years))
    axis_title = axis_unit(dataset, indicator.unit, lang)
    layers, series = _history_layers(points, indicator.unit, min(years), max(years), lang, axis_title)
    if not unit.unchanged and min(years) <= dataset.reorg.merged_on.year <= max(years):
        layers += _merger_rule(dataset, lang)
    title_lines = wrap(getattr(indicator.name, lang))
    height = 232 + 16 * (len(title_lines) - 1) + (22 + 18 * series if series > 1 else 0)
    rows = [{k: v for k, v in p.items() if k not in _INTERNAL and k != "value"} | {"value": p["value"]} for p in points]
    return finish(
        layers,
        points,
        title(title_lines, unit.name),
        f"province-{province_slug}-{indicator_id}-{lang}",
        rows,
        height,
        _history_alt(dataset, unit, indicator, facts, points, lang),
        lang,
    )


def _midpoint(when: int | str) -> date:
    """Where a figure sits on a time axis: the middle of the period it describes (2024 → 2 Jul 2024)."""
    first, last = as_of_bounds(when)
    return date.fromordinal((first.toordinal() + last.toordinal()) // 2)


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
            series = f"{series} — {scope_name(dataset, obs.scope, lang)}"
        short = label(dataset, fact, lang)
        point = {
            "x": _midpoint(when).isoformat(),
            "value": fact.value,
            "kind": obs.kind,
            "series": series,
            "scoped": obs.scope is not None,
            "current": fact.territory is not None and fact.territory.current,
            "territory_name": territory_label(dataset, unit, fact.territory, lang),
            "label": short if obs.kind == "actual" else f"{words['target']} {short}",
            words["date"]: date_text(when, lang),
            words["kind"]: words[obs.kind],
            words["figure"]: wording.figure_text(dataset, fact, lang),
            words["territory"]: wording.territory_text(dataset, fact, lang),
            words["scope"]: scope_name(dataset, obs.scope, lang) or words["whole_province"],
            words["source"]: source_name(dataset, obs.source),
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


def _history_layers(
    points: list[dict], unit: str, first_year: int, last_year: int, lang: str, axis_title: str | None
) -> tuple[list[dict], int]:
    """Lines and points per series, hollow target diamonds, and the labels ``_place_labels`` kept."""
    words = {key: t(lang, key) for key in ("territory", "date", "kind", "figure", "scope", "source")}
    order, colours, dashes = _series_styles(points)
    # One series needs no legend; two or more name every territory (and scope) apart.
    legend = {"title": words["territory"], "symbolType": "stroke"} if len(order) > 1 else None
    base = {
        "x": year_axis(first_year, last_year),
        "y": value_axis(axis_title, unit, max(p["value"] for p in points)),
        "color": field("series", "nominal", scale={"domain": order, "range": colours}, legend=legend),
    }
    tips = {"tooltip": nominal_fields([words[k] for k in ("date", "kind", "figure", "territory", "scope", "source")])}
    actual = where("kind", "actual")
    dash = {"strokeDash": field("series", "nominal", scale={"domain": order, "range": dashes}, legend=legend)}
    layers = [
        layer("line", base | dash, actual, strokeWidth=2),
        layer("point", base | tips, actual, where("scoped", False), filled=True, size=50, opacity=1),
        layer("point", base | tips, actual, where("scoped", True), filled=True, size=50, opacity=1, shape="square"),
        layer(
            "point",
            base | tips,
            where("kind", "target"),
            filled=False,
            size=70,
            strokeWidth=2,
            shape="diamond",
            opacity=1,
        ),
    ]
    text = {"text": field("label", "nominal")}
    for place in sorted({p["place"] for p in points} - {""}):  # one text layer per position actually used
        side, align = place.split("-")
        options = {
            "dy": -10 if side == "above" else 10,
            "baseline": "bottom" if side == "above" else "top",
            "align": align,
            "dx": {"left": -6, "right": 6, "center": 0}[align],
        }
        layers.append(layer("text", base | text, where("place", place), **options))
    return layers, len(order)


def _merger_rule(dataset: Dataset, lang: str) -> list[dict]:
    """A thin vertical rule on the merger day labelled as the merger; its text is ours, not the data's."""
    day, text = dataset.reorg.merged_on.isoformat(), chart_words(dataset, lang)["merger"]
    data, x = {"values": [{"x": day, "text": text}]}, {"x": field("x", "temporal")}
    label_options = {"align": "left", "baseline": "bottom", "dx": 3, "dy": -3, "y": "height", "color": GREY}
    return [
        {"data": data} | layer("rule", x, color=GREY, strokeDash=[2, 2]),
        {"data": data} | layer("text", x | {"text": field("text", "nominal")}, **label_options, fontSize=10),
    ]


def _history_alt(
    dataset: Dataset, unit: ProvinceUnit, indicator, facts: list[Fact], points: list[dict], lang: str
) -> str:
    """Title, latest whole-province figure with its date and territory, targets, breaks, scoped figures."""
    words = chart_words(dataset, lang)
    parts = [f"{getattr(indicator.name, lang)} – {unit.name}."]
    latest = queries.latest_actual(dataset, facts)
    if latest is not None:
        parts.append(latest_text(dataset, unit, latest, lang))
    parts.append(targets_text(dataset, queries.targets(facts), lang))
    territories = list(dict.fromkeys(p["territory_name"] for p in points if p["kind"] == "actual"))
    if len(territories) > 1:
        parts.append(words["break"].format(names=", ".join(territories)))
    scoped = [f for f in facts if f.observation.scope and f.observation.kind == "actual"]
    if scoped:
        scope = scope_name(dataset, scoped[0].observation.scope, lang)
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
