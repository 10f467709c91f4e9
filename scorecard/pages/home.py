"""The home page: the headline indicators of every province with figures, and data coverage."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..dataset import Dataset
from ..i18n import t
from ..model import as_of_bounds
from ..tilemap import tile_map
from ..wording import latest_actual, own_facts
from .blocks import paragraph, search_keywords
from .citations import cite_block, version_line
from .links import page_link, prefix
from .markdown_text import front_matter, md_esc, page_text
from .page import Page
from .render import macro
from .tables import figure_cell, table


def home_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}index.md"
    title = dataset.release.title[lang] if dataset.release else t(lang, "site_title")
    intro = t(lang, "home_intro")
    parts = [
        front_matter(title, intro),
        f"# {md_esc(title)}\n",
        search_keywords(title, t(lang, "site_title"), intro),
        macro("home_lede")(intro),
        version_line(dataset, lang),
        *_home_map(dataset, path, lang),
        f"## {t(lang, 'headline')}\n",
        _headline_table(dataset, path, lang),
        f"## {t(lang, 'coverage')}\n",
        _coverage_table(dataset, path, lang),
    ]
    if dataset.national_facts:
        link = page_link(path, f"{prefix(lang)}national.md", t(lang, "national_figures"))
        parts.append(paragraph(Markup("{} ({})").format(link, len(dataset.national_facts))))
    parts.append(cite_block(dataset, path, title, lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def _home_map(dataset: Dataset, path: str, lang: str) -> list:
    """The map of the indicator data/tilemap.yaml names for the home page, under its own heading."""
    if dataset.tilemap is None or dataset.tilemap.home_indicator not in dataset.indicators:
        return []
    indicator = dataset.indicators[dataset.tilemap.home_indicator]
    link = page_link(path, f"{prefix(lang)}indicators/{indicator.id}.md", getattr(indicator.name, lang))
    return [
        f"## {t(lang, 'map_heading')}\n",
        paragraph(escape(t(lang, "map_intro")).format(indicator=link)),
        tile_map(dataset, indicator.id, lang, path),
    ]


def _headline_table(dataset: Dataset, path: str, lang: str) -> Markup:
    """The headline indicators' latest actual for every province that has figures."""
    headline = [i for i in dataset.indicators.values() if i.headline]
    rows = []
    for unit in dataset.provinces.values():
        own = own_facts(dataset.facts_for(unit.slug))
        if not own:
            continue
        row = [page_link(path, f"{prefix(lang)}provinces/{unit.slug}.md", unit.name)]
        for indicator in headline:
            fact = latest_actual(dataset, dataset.facts_for(unit.slug, indicator.id), indicator.id)
            row.append(figure_cell(dataset, fact, lang) if fact else "—")
        rows.append(row)
    headers = [t(lang, "province")] + [
        page_link(path, f"{prefix(lang)}indicators/{i.id}.md", getattr(i.name, lang)) for i in headline
    ]
    return table(headers, rows, css="sc-table sc-headline")


def _coverage_table(dataset: Dataset, path: str, lang: str) -> Markup:
    """All 34 provinces ranked by how many figures the scorecard holds about them."""
    stats = []
    for unit in dataset.provinces.values():
        own = own_facts(dataset.facts_for(unit.slug))
        dated = [as_of_bounds(f.observation.as_of)[1] for f in own if f.observation.as_of is not None]
        stats.append((unit, len(own), len({f.indicator for f in own}), max(dated) if dated else None))
    stats.sort(key=lambda s: (-s[1], s[0].code))
    top = max((s[1] for s in stats), default=0) or 1
    rows = []
    for rank, (unit, figures, indicators, newest) in enumerate(stats, start=1):
        link = page_link(path, f"{prefix(lang)}provinces/{unit.slug}.md", unit.name)
        if figures:
            bar = macro("bar")(round(100 * figures / top), figures)
            rows.append([str(rank), link, bar, str(indicators), newest.isoformat() if newest else "—"])
        else:
            rows.append([str(rank), link, macro("muted")(t(lang, "no_data")), "0", "—"])
    headers = ["#", t(lang, "province"), t(lang, "figures_count"), t(lang, "indicators_count"), t(lang, "latest")]
    return table(headers, rows, css="sc-table sc-coverage")
