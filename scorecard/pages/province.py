"""A province's two pages: the scorecard (cards, pillar tables, charts) and the page of all its figures.

The scorecard is what a reader on a phone opens first, so it stays the same size however many figures
the province gathers: one card per headline indicator, one row per indicator, the headline charts.
Every figure, with its source, verbatim quote and "cite this figure", is on ``provinces/<slug>/figures/``,
linked from the scorecard's last section and from each card (86 figures for Lào Cai were half of the
scorecard's bytes, and at 600 figures a province they would be most of them).
"""

from __future__ import annotations

from markupsafe import Markup

from ..dataset import Dataset, Fact
from ..i18n import t
from ..numbers import format_number
from ..territory import ProvinceUnit
from ..wording import merged_text, own_facts, sort_key, territory_break
from .blocks import search_keywords
from .cards import headline_cards
from .chart_block import chart_block
from .citations import cite_block
from .links import figures_path, prefix, rel
from .markdown_text import front_matter, md_esc, page_text
from .page import Page
from .render import macro
from .tables import figures_table, pillar_scorecard


def province_page(dataset: Dataset, unit: ProvinceUnit, lang: str, charts: dict, ctx: dict) -> Page:
    path = f"{prefix(lang)}provinces/{unit.slug}.md"
    facts = _sorted_facts(dataset, unit)
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
    if facts:
        parts.append(f"## {t(lang, 'all_figures')}\n")
        parts.append(macro("figures_link")(rel(path, figures_path(unit.slug, lang)), _count_line(facts, lang)))
    parts.append(cite_block(dataset, path, unit.name, lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def province_figures_page(dataset: Dataset, unit: ProvinceUnit, lang: str, ctx: dict) -> Page | None:
    """Every figure of a province with its source and quote, then the figures its sources quote of others."""
    facts = _sorted_facts(dataset, unit)
    if not facts:
        return None
    path = figures_path(unit.slug, lang)
    title = f"{unit.name}: {t(lang, 'all_figures').lower()}"
    parts = [
        # out of the search index: its tables are excluded anyway, and "Lào Cai" should find the scorecard
        front_matter(title, f"{unit.name}: {_count_line(facts, lang).lower()}.", searched=False),
        f"# {md_esc(title)}\n",
        _lede(dataset, unit, facts, lang),
        macro("paragraph")(
            macro("link")(
                rel(path, f"{prefix(lang)}provinces/{unit.slug}.md"),
                t(lang, "back_to_scorecard").format(name=unit.name),
            )
        ),
    ]
    own = own_facts(facts)
    if own and not unit.unchanged:
        parts.append(macro("warning_box")(territory_break(dataset, lang)))
    if own:
        parts.append(figures_table(dataset, own, path, lang, False, ctx["site_url"]))
    comparison = [fact for fact in facts if fact.observation.subject != "province"]
    if comparison:
        parts.append(f"## {t(lang, 'comparison')}\n")
        parts.append(figures_table(dataset, comparison, path, lang, False, ctx["site_url"]))
    parts.append(cite_block(dataset, path, title, lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def _sorted_facts(dataset: Dataset, unit: ProvinceUnit) -> list[Fact]:
    return sorted(
        dataset.facts_for(unit.slug), key=lambda f: (f.indicator, f.observation.kind, sort_key(dataset, f), f.index)
    )


def _count_line(facts: list[Fact], lang: str) -> str:
    """ "Tất cả 86 số liệu, mỗi số liệu kèm nguồn, câu trích nguyên văn và cách trích dẫn" """
    return t(lang, "figures_link").format(figures=format_number(len(facts), lang))


def _own_figures(
    dataset: Dataset, unit: ProvinceUnit, own: list[Fact], path: str, lang: str, charts: dict, ctx: dict
) -> list:
    """The province's own figures at a glance: the territory warning, the cards, the scorecard, the charts."""
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
