"""The compare page: every province side by side, one table per pillar, readable without JavaScript.

A row is a province, a column an indicator of the pillar, a cell the province's latest figure
(:func:`wording.latest_actual`, the one rule of "latest", with its date and, for a former unit,
that unit's name). Only indicators that at least ``MIN_PROVINCES`` provinces have a figure for are
columns, the best covered first, so a table is not a wall of dashes; the page says how many were
left out. With JavaScript on, assets/interactive.js adds a choice of provinces that hides the
other rows (and keeps the choice in the address, so a comparison can be shared).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..dataset import Dataset
from ..i18n import t
from ..wording import latest_actual
from .blocks import paragraph, search_keywords
from .citations import cite_block
from .links import page_link, prefix
from .markdown_text import front_matter, md_esc, page_text
from .page import Page
from .render import render
from .tables import figure_cell, table

MIN_PROVINCES = 3  # a column needs figures from this many provinces
MAX_COLUMNS = 8  # beyond this, a table on a phone is more scrolling than comparing


def compare_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}compare.md"
    title = t(lang, "compare_title")
    parts = [
        front_matter(title, t(lang, "compare_intro")),
        f"# {md_esc(title)}\n",
        search_keywords(title),
        paragraph(t(lang, "compare_intro")),
        _picker(lang),
    ]
    for pillar_id, pillar in dataset.pillars.items():
        columns, left_out = _columns(dataset, pillar_id)
        if not columns:
            continue
        parts.append(f"## {md_esc(getattr(pillar.name, lang))}\n")
        parts.append(_table(dataset, pillar_id, columns, path, lang))
        if left_out:
            link = page_link(path, f"{prefix(lang)}indicators/index.md", t(lang, "indicators"))
            parts.append(paragraph(escape(t(lang, "compare_left_out")).format(n=left_out, link=link)))
    parts.append(cite_block(dataset, path, title, lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def _picker(lang: str) -> Markup:
    """Where the script puts the choice of provinces; one line of words without JavaScript."""
    words = {key: t(lang, f"compare_{key}") for key in ("pick", "all", "no_js")}
    return render("compare_picker.html", label=words["pick"], clear=words["all"], no_js=words["no_js"])


def _columns(dataset: Dataset, pillar_id: str) -> tuple[list[str], int]:
    """The pillar's indicators worth a column (best covered first), and how many others have figures."""
    counts = {}
    for indicator in dataset.indicators.values():
        if indicator.pillar == pillar_id:
            counts[indicator.id] = sum(
                latest_actual(dataset, dataset.facts_for(slug, indicator.id), indicator.id) is not None
                for slug in dataset.provinces
            )
    ranked = sorted((i for i, n in counts.items() if n >= MIN_PROVINCES), key=lambda i: (-counts[i], i))
    shown = ranked[:MAX_COLUMNS]
    return shown, sum(1 for i, n in counts.items() if n > 0 and i not in shown)


def _table(dataset: Dataset, pillar_id: str, columns: list[str], path: str, lang: str) -> Markup:
    headers = [t(lang, "province")] + [
        page_link(path, f"{prefix(lang)}indicators/{i}.md", getattr(dataset.indicators[i].name, lang)) for i in columns
    ]
    rows = []
    for slug, unit in dataset.provinces.items():
        row = [page_link(path, f"{prefix(lang)}provinces/{slug}.md", unit.name)]
        for indicator_id in columns:
            fact = latest_actual(dataset, dataset.facts_for(slug, indicator_id), indicator_id)
            row.append(figure_cell(dataset, fact, lang) if fact else "—")
        rows.append(row)
    return table(
        headers, rows, css="sc-table sc-compare", row_ids=[f"cmp-{pillar_id}-{slug}" for slug in dataset.provinces]
    )
