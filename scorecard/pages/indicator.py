"""An indicator's page: what it measures, the provinces ranked, national figures, each province's latest
figures in full and the earlier ones as links to their rows."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from ..dataset import Dataset, Fact, group_facts
from ..i18n import t
from ..ranking import ranking
from ..tilemap import tile_map
from ..wording import (
    latest_actual,
    sort_key,
    territory_break,
    territory_short,
    unit_label,
    whose_text,
    with_scope,
)
from .blocks import paragraph, search_keywords
from .chart_block import chart_block
from .citations import cite_block
from .links import page_link, prefix
from .markdown_text import front_matter, md_esc, page_text
from .page import Page
from .render import macro
from .tables import figure_cell, figure_links, figures_table, table


def indicator_page(dataset: Dataset, indicator_id: str, lang: str, charts: dict, ctx: dict) -> Page:
    indicator = dataset.indicators[indicator_id]
    path = f"{prefix(lang)}indicators/{indicator_id}.md"
    name = getattr(indicator.name, lang)
    facts = sorted(
        dataset.facts_of(indicator_id),
        key=lambda f: (
            dataset.provinces[f.province].code if f.province in dataset.provinces else "99",
            f.observation.kind,
            sort_key(dataset, f),
            f.index,
        ),
    )
    parts = [
        front_matter(name, getattr(indicator.definition, lang)),
        f"# {md_esc(name)}\n",
        search_keywords(indicator.name.vi, indicator.name.en),
        _details(dataset, indicator, lang),
        f"## {t(lang, 'ranking')}\n",
        _ranking(dataset, indicator, path, lang, charts, ctx),
    ]
    if dataset.tilemap is not None:
        parts += [f"## {t(lang, 'map_heading')}\n", tile_map(dataset, indicator_id, lang, path)]
    national = [f for f in dataset.national_facts if f.indicator == indicator_id]
    if national:
        parts.append(f"## {t(lang, 'national_figures')}\n")
        national.sort(key=lambda f: sort_key(dataset, f))
        parts.append(figures_table(dataset, national, path, lang, True, ctx["site_url"]))
    parts.append(f"## {t(lang, 'latest_figures')}\n")
    if facts:
        newest, earlier = _newest_and_earlier(dataset, facts)
        parts += [paragraph(t(lang, "latest_figures_intro")), figures_table(dataset, newest, path, lang, True)]
        if earlier:
            earlier.sort(key=partial(_series_order, dataset))
            label = partial(_series_label, dataset, lang=lang)
            note = t(lang, "earlier_figures_intro")
            parts += [
                f"## {t(lang, 'earlier_figures')}\n",
                figure_links(dataset, earlier, path, lang, _series, label, note),
            ]
    else:
        parts.append(paragraph(f"{t(lang, 'no_data')}."))
    caveats = _caveats(dataset, indicator, facts, lang)
    if caveats:
        parts.append(f"## {t(lang, 'caveats')}\n")
        parts.append(macro("bullets")(caveats))
    parts.append(cite_block(dataset, path, name, lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def _newest_and_earlier(dataset: Dataset, facts: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """The figures the page shows in full, and the earlier ones it lists by value and date.

    In full: every target, forecast and change, every figure stated only in words, and of the actual figures
    each province's newest of each territory, subject and scope, by the one order of figures in time
    (:func:`sort_key`), so the ranking's and the map's figure is always among them. An earlier actual is
    shown in full on its province's figures page, with its quote, source and citation, and leads there:
    the page grows with the provinces, not with the years (340 full rows an indicator at 34 x 10 years)."""
    series = group_facts([f for f in facts if _in_series(f)], _series)
    newest = {id(max(group, key=partial(sort_key, dataset))) for group in series.values()}
    shown = [f for f in facts if not _in_series(f) or id(f) in newest]
    return shown, [f for f in facts if _in_series(f) and id(f) not in newest]


def _in_series(fact: Fact) -> bool:
    """An actual figure with a value: one of a series in time, of which only the newest is shown in full."""
    return fact.observation.kind == "actual" and fact.value is not None


def _series(fact: Fact) -> tuple:
    """The figures that follow one another in time: one province's, of one territory, subject and scope."""
    obs = fact.observation
    return fact.province, fact.territory.id if fact.territory else None, obs.subject, obs.scope


def _series_order(dataset: Dataset, fact: Fact) -> tuple:
    """A province's series in a fixed order (former units by code, then the current territory; its own
    figures before those of others), each oldest first."""
    territory = fact.territory
    obs = fact.observation
    place = (territory is not None and territory.current, territory.code if territory else "")
    return (*place, obs.subject != "province", obs.subject, obs.scope or "", sort_key(dataset, fact))


def _series_label(dataset: Dataset, fact: Fact, lang: str) -> str:
    """Whose figures a series is: "Lào Cai", "Lào Cai: VNPT", a former unit "Yên Bái (15), trước 1/7/2025",
    or the country or another province a source quotes (:func:`whose_text`)."""
    former = territory_short(dataset, fact, lang)
    if not former or fact.observation.subject != "province":
        return whose_text(dataset, fact, lang)
    return with_scope(dataset, fact, former, lang)


def _details(dataset: Dataset, indicator, lang: str):
    """Definition, unit, pillar and why it matters, as a description list."""
    pillar = dataset.pillars.get(indicator.pillar)
    pairs = [
        (t(lang, "definition"), getattr(indicator.definition, lang)),
        (t(lang, "unit"), unit_label(dataset, indicator.unit, lang)),
        (t(lang, "pillar"), getattr(pillar.name, lang) if pillar else indicator.pillar),
    ]
    if indicator.why:
        pairs.append((t(lang, "why"), getattr(indicator.why, lang)))
    return macro("details")(pairs)


def _ranking(dataset: Dataset, indicator, path: str, lang: str, charts: dict, ctx: dict):
    job = charts.get(("ranking", None, indicator.id, lang))
    if not indicator.comparable:
        return paragraph(t(lang, "not_comparable"))
    if job is None:
        return paragraph(f"{t(lang, 'no_data')}.")
    apart = _ranked_apart(dataset, indicator, path, lang)
    return Markup("\n\n").join([chart_block(dataset, job, path, lang, ctx["charts_dir"], ctx["site_url"]), *apart])


def _ranked_apart(dataset: Dataset, indicator, path: str, lang: str) -> list:
    """The provinces with a latest figure outside the ranking (another year, base or a former unit), apart."""
    ranked = ranking(dataset, indicator.id)
    inside = {slug for _, slug, _ in ranked.entries} if ranked else set()
    rows = []
    for slug, unit in dataset.provinces.items():
        fact = latest_actual(dataset, dataset.facts_for(slug, indicator.id), indicator.id)
        if fact is None or slug in inside:
            continue
        rows.append(
            [page_link(path, f"{prefix(lang)}provinces/{slug}.md", unit.name), figure_cell(dataset, fact, lang)]
        )
    if not rows:
        return []
    heading = t(lang, "ranked_apart").format(year=ranked.year) if ranked else t(lang, "ranked_none")
    return [paragraph(heading), table([t(lang, "province"), t(lang, "latest")], rows, css="sc-table sc-apart")]


def _caveats(dataset: Dataset, indicator, facts: list[Fact], lang: str) -> list[str]:
    caveats = [getattr(indicator.caveat, lang)] if indicator.caveat else []
    scoped = [f for f in facts if f.observation.scope]
    if scoped:
        names = sorted(
            {
                getattr(dataset.scopes[f.observation.scope].name, lang)
                for f in scoped
                if f.observation.scope in dataset.scopes
            }
        )
        caveats.append(t(lang, "scoped_caveat").format(n=len(scoped), names="; ".join(names)))
    if any(f.territory and not f.territory.current and not f.territory.unchanged for f in facts):
        caveats.append(territory_break(dataset, lang))
    return caveats
