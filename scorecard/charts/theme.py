"""How every chart looks: size, fonts, palette, locale, title and axes, and the spec's outer frame.

Specs are written as plain Vega-Lite dicts (no Altair objects): building them costs
microseconds, where Altair's copies of every layer took 5 s a build. The tests validate
each finished spec against the Vega-Lite schema, which Altair's checks did before.
"""

from __future__ import annotations

import textwrap

from .render import ChartJob

WIDTH = 400  # px; fits a 360 px phone at ~90 %, text stays legible
# DejaVu Sans before the generic name: vl-convert's PNG renderer knows no aliases, so without it
# the PNG falls back to a serif face; browsers stop at the first family they have.
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, DejaVu Sans, sans-serif"
# Okabe–Ito, reordered so the first colours are the most distinct on white (no yellow).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
GREY = "#6b6b6b"
# The Vega-Lite version the specs are written for (altair.SCHEMA_URL of the pinned Altair; a test checks it).
SCHEMA_URL = "https://vega.github.io/schema/vega-lite/v6.4.1.json"

NUMBER_LOCALE = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " VND"]},
}


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


def wrap(text: str, width: int = 46) -> list[str]:
    """A long Vietnamese indicator name split into lines, so titles never run off a phone screen."""
    return textwrap.wrap(text, width) or [text]


def finish(
    layers: list[dict],
    values: list[dict],
    title: dict,
    name: str,
    rows: list[dict],
    height: int,
    alt_text: str,
    lang: str,
) -> ChartJob:
    """Title, size, data and theme for a chart, packaged as a job (one place, so every chart is alike).

    The data goes in once, at the top (every layer uses it).
    """
    spec = {
        "config": theme(lang),
        "layer": layers,
        "data": {"values": values},
        "height": height,
        "title": title,
        "width": WIDTH,
        "$schema": SCHEMA_URL,
    }
    return ChartJob(name, spec, rows, WIDTH, height, alt_text)


def title(lines: list[str], subtitle: str) -> dict:
    """A chart's title block: the indicator's name (wrapped) and one grey line under it."""
    return {"text": lines, "subtitle": subtitle}


def field(name: str, kind: str, **extra: object) -> dict:
    """An encoding channel on a data field ("quantitative", "nominal", "temporal"), with its options."""
    return {"field": name, "type": kind, **extra}


def where(name: str, value: object) -> dict:
    """A filter keeping the rows whose ``name`` equals ``value`` (a plain predicate, never an expression)."""
    return {"filter": {"field": name, "equal": value}}


def utc_day(year: int) -> dict:
    """1 January of ``year`` in UTC, as a Vega-Lite date-time (no time zone can move a tick)."""
    return {"year": year, "month": 1, "date": 1, "utc": True}


def year_axis(first_year: int, last_year: int) -> dict:
    """A UTC time axis with one tick per year (or every 2 or 5), so no time zone changes the image."""
    span = last_year + 1 - first_year
    step = 1 if span <= 8 else 2 if span <= 16 else 5
    axis = {"format": "%Y", "tickCount": {"interval": "year", "step": step}, "title": None, "grid": False}
    scale = {"type": "utc", "domain": [utc_day(first_year), utc_day(last_year + 1)]}
    return field("x", "temporal", scale=scale, axis=axis | {"labelFlush": False})


def value_axis(unit_title: str | None, unit: str, highest: float) -> dict:
    """The value axis: 0–100 for percent, reversed for a rank (1 on top), zero-based otherwise."""
    if unit == "percent":
        scale = {"domain": [0, max(100.0, highest)]}
    elif unit == "rank":
        scale = {"reverse": True, "zero": False, "domainMin": 1, "nice": False}
    else:
        scale = {"zero": True, "nice": True}
    axis = {"format": ",~f", "title": unit_title}
    if unit in ("rank", "count", "level"):
        axis["tickMinStep"] = 1
    return field("value", "quantitative", scale=scale, axis=axis)


def layer(mark: str, encoding: dict, *filters: dict, **options: object) -> dict:
    """One layer: a mark of type ``mark`` with ``options``, its encoding, and the filters that pick its rows."""
    spec = {"mark": {"type": mark, **options}, "encoding": encoding}
    if filters:
        spec["transform"] = list(filters)
    return spec


def nominal_fields(names: list[str]) -> list[dict]:
    """A tooltip of text fields, in the order given."""
    return [field(name, "nominal") for name in names]
