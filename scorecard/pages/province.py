"""A province's page: its scorecard by pillar, its charts, every figure, and figures quoted for comparison."""

from __future__ import annotations

from markupsafe import Markup

from ..dataset import Dataset, Fact
from ..i18n import t
from ..territory import ProvinceUnit
from ..wording import merged_text, own_facts, sort_key, territory_break
from .blocks import search_keywords
from .cards import headline_cards
from .chart_block import chart_block
from .citations import cite_block
from .links import prefix, rel
from .markdown_text import front_matter, md_esc, page_text
from .page import Page
from .render import macro
from .tables import figures_table, pillar_scorecard


def province_page(dataset: Dataset, unit: ProvinceUnit, lang: str, charts: dict, ctx: dict) -> Page:
    path = f"{prefix(lang)}provinces/{unit.slug}.md"
    facts = sorted(
        dataset.facts_for(unit.slug), key=lambda f: (f.indicator, f.observation.kind, sort_key(dataset, f), f.index)
    )
    own = own_facts(facts)
    parts = [
        front_matter(unit.name, _description(unit, own, lang)),
        f"# {md_esc(unit.name)}\n",
        search_keywords(unit.name, unit.full_name),
        _lede(dataset, unit, facts, lang),
    ]
    if not own:
        parts.append(macro("no_data_box")(lang, rel(path, f"{prefix(lang)}about.md") + "#contribute"))
    else:
        parts += _own_figures(dataset, unit, own, path, lang, charts, ctx)
    comparison = [fact for fact in facts if fact.observation.subject != "province"]
    if comparison:
        parts.append(f"## {t(lang, 'comparison')}\n")
        parts.append(figures_table(dataset, comparison, path, lang, False, ctx["site_url"]))
    parts.append(cite_block(dataset, path, unit.name, lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def _own_figures(
    dataset: Dataset, unit: ProvinceUnit, own: list[Fact], path: str, lang: str, charts: dict, ctx: dict
) -> list:
    """The province's own figures: the territory warning, the scorecard, the charts and the full table."""
    parts: list = []
    if not unit.unchanged:
        parts.append(macro("warning_box")(territory_break(dataset, lang)))
    parts += [f"## {t(lang, 'headline')}\n", headline_cards(dataset, unit, path, lang)]
    parts.append(f"## {t(lang, 'by_pillar')}\n")
    parts.append(pillar_scorecard(dataset, own, path, lang))
    chart_blocks = _charts(dataset, unit, own, path, lang, charts, ctx)
    if chart_blocks:
        parts.append(f"## {t(lang, 'history')}\n")
        parts.extend(chart_blocks)
    parts.append(f"## {t(lang, 'all_figures')}\n")
    parts.append(figures_table(dataset, own, path, lang, False, ctx["site_url"]))
    return parts


def _description(unit: ProvinceUnit, own: list[Fact], lang: str) -> str:
    if not own:
        return f"{unit.name}: {t(lang, 'no_data').lower()}."
    return f"{unit.name}: {len(own)} {t(lang, 'figures_count')}, {t(lang, 'site_title').lower()}."


def _lede(dataset: Dataset, unit: ProvinceUnit, facts: list[Fact], lang: str) -> Markup:
    """The line under the name, as text: code, former units and date, figures and sources counted."""
    bits = [f"{t(lang, 'code')} {unit.code}"]
    if not unit.unchanged:
        merged = ", ".join(f"{former.name} ({former.code})" for former in unit.former)
        bits.append(f"{t(lang, 'merged_from')} {merged} ({merged_text(dataset, lang)})")
    sources = {fact.observation.source for fact in facts}
    bits.append(f"{len(facts)} {t(lang, 'figures_count')} · {len(sources)} {t(lang, 'sources').lower()}")
    return macro("lede")(bits)


def _charts(
    dataset: Dataset, unit: ProvinceUnit, own: list[Fact], path: str, lang: str, charts: dict, ctx: dict
) -> list[Markup]:
    blocks = []
    for indicator_id in sorted(dict.fromkeys(fact.indicator for fact in own)):
        for kind in ("progress", "history"):
            job = charts.get((kind, unit.slug, indicator_id, lang))
            if job is not None:
                blocks.append(chart_block(dataset, job, path, lang, ctx["charts_dir"], ctx["site_url"]))
    return blocks
