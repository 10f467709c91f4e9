"""Markdown pages for every province, indicator and source, in Vietnamese and English.

Each job has its module: ``render`` (the Jinja2 environment, autoescaping on), ``links``
(relative links, the language prefix, safe outside addresses), ``citations`` (how a page
is cited, the version and licence lines), ``tables`` (figure tables, the pillar
scorecard), ``chart_block`` (a chart with its credit and numbers), ``markdown_text`` (front
matter and headings), and one module per kind of page: ``home``, ``province``,
``indicator`` and ``lists`` (indices, sources, national figures, downloads, changes, and
the hand-written pages). The HTML itself is in ``scorecard/templates/``.

Every text from ``data/`` reaches HTML through a template, which escapes it, inside raw
HTML blocks, where Markdown is not parsed: a note holding ``<script>`` or
``[x](javascript:…)`` shows as those characters and links nothing. Only HTML this package
rendered itself travels as :class:`markupsafe.Markup`.
"""

from __future__ import annotations

from ..dataset import Dataset
from .compare import compare_page
from .embed import embed_pages
from .home import home_page
from .indicator import indicator_page
from .links import safe_url
from .lists import (
    changes_page,
    downloads_page,
    indicators_index,
    national_page,
    provinces_index,
    written_page,
)
from .page import Page
from .province import province_figures_page, province_page
from .sources import source_pages

__all__ = ["Page", "all_pages", "indicator_page", "national_page", "province_page", "safe_url"]


def all_pages(dataset: Dataset, charts: dict, ctx: dict, written: dict[str, str] | None = None) -> list[Page]:
    """Every page in both languages, in a fixed order: generated ones, then the hand-written ones."""
    pages: list[Page] = [written_page(dataset, path, text, ctx) for path, text in sorted((written or {}).items())]
    for lang in ("vi", "en"):
        pages.append(home_page(dataset, lang, ctx))
        pages.append(provinces_index(dataset, lang, ctx))
        pages.append(indicators_index(dataset, lang, ctx))
        pages.extend(source_pages(dataset, lang, ctx))
        pages.append(downloads_page(dataset, lang, ctx))
        pages.append(changes_page(dataset, lang, ctx))
        pages.append(national_page(dataset, lang, ctx))
        pages.append(compare_page(dataset, lang, ctx))
        pages.extend(province_page(dataset, unit, lang, charts, ctx) for unit in dataset.provinces.values())
        figures = (province_figures_page(dataset, unit, lang, ctx) for unit in dataset.provinces.values())
        pages.extend(page for page in figures if page is not None)
        pages.extend(indicator_page(dataset, indicator_id, lang, charts, ctx) for indicator_id in dataset.indicators)
    pages.extend(embed_pages(dataset, charts, ctx.get("charts_dir", "generated/charts"), ctx.get("site_url")))
    return pages
