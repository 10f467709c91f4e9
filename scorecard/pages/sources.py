"""The sources: one page per province (the sources of its figures), one for the country's, one for the
sources several provinces share, and an index of them.

Every figure's "source" link leads to its source's entry, so that page must stay light on a phone: one page
for all 268 sources was 163 kB gzip, and at 600 sources 4 MB; a province's page holds a few dozen. Which
page a source is on follows from its figures (:func:`source_group`), never from a file name a pull request
chose. Each source lists the figures taken from it, one line each, leading to the row with the quote.
"""

from __future__ import annotations

from markupsafe import Markup

from ..dataset import Dataset
from ..i18n import t
from ..wording import figure_text, indicator_name, note_text, subject_name, when_short
from .citations import cite_block
from .links import figure_href, link, prefix, rel, safe_url
from .markdown_text import front_matter, md_esc, page_text
from .page import Page
from .render import macro, render

NATIONAL, SHARED = "national", "shared"  # the two pages that are not a province's


def source_group(dataset: Dataset, source_id: str) -> str:
    """The page a source is listed on: the one province all its figures are about, the country when
    they are all the country's, else the page of shared sources (several provinces, or none yet)."""
    return dataset.derive("source groups", lambda: _groups(dataset)).get(source_id, SHARED)


def _groups(dataset: Dataset) -> dict[str, str]:
    groups = {}
    for source in dataset.sources.values():
        facts = dataset.facts_from(source.id)
        provinces = {fact.province for fact in facts if not fact.is_national}
        if len(provinces) == 1:
            groups[source.id] = provinces.pop()
        else:
            groups[source.id] = NATIONAL if facts and not provinces else SHARED
    return groups


def source_path(group: str, lang: str) -> str:
    return f"{prefix(lang)}sources/{group}.md"


def source_href(dataset: Dataset, source_id: str, from_path: str, lang: str) -> str:
    """The link from a page to a source's entry."""
    return rel(from_path, source_path(source_group(dataset, source_id), lang)) + f"#src-{source_id}"


def source_pages(dataset: Dataset, lang: str, ctx: dict) -> list[Page]:
    """The index, then a page per group that has sources: the provinces in the registry's order, the
    country, the shared ones."""
    members: dict[str, list] = {}
    for source in dataset.sources.values():
        members.setdefault(source_group(dataset, source.id), []).append(source)
    groups = [slug for slug in dataset.provinces if slug in members] + [g for g in (NATIONAL, SHARED) if g in members]
    pages = [_index(dataset, groups, members, lang, ctx)]
    pages += [_group_page(dataset, group, members[group], lang, ctx) for group in groups]
    return pages


def _group_name(dataset: Dataset, group: str, lang: str) -> str:
    if group in dataset.provinces:
        return dataset.provinces[group].name
    return t(lang, "sources_national" if group == NATIONAL else "sources_shared")


def _index(dataset: Dataset, groups: list[str], members: dict, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}sources.md"
    items = [
        Markup("{} ({})").format(link(rel(path, source_path(g, lang)), _group_name(dataset, g, lang)), len(members[g]))
        for g in groups
    ]
    parts = [
        front_matter(t(lang, "sources"), t(lang, "sources_intro")),
        f"# {t(lang, 'sources')}\n",
        macro("paragraph")(t(lang, "sources_intro")),
        macro("bullets")(items),
        cite_block(dataset, path, t(lang, "sources"), lang, ctx["site_url"]),
    ]
    return Page(path, page_text(parts))


def _group_page(dataset: Dataset, group: str, sources: list, lang: str, ctx: dict) -> Page:
    path = source_path(group, lang)
    title = f"{t(lang, 'sources')}: {_group_name(dataset, group, lang)}"
    parts = [
        front_matter(title, title),
        # the sources are searched, the page's own heading is not: "Lào Cai" should find the province first
        f"# {md_esc(title)} {{ data-search-exclude }}\n",
        macro("paragraph")(link(rel(path, f"{prefix(lang)}sources.md"), t(lang, "sources_all"))),
    ]
    parts += [_source_block(dataset, source, path, lang) for source in sources]
    parts.append(cite_block(dataset, path, title, lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def _source_block(dataset: Dataset, source, path: str, lang: str) -> Markup:
    not_stated = macro("em")(t(lang, "not_stated"))
    pairs = [
        (t(lang, "publisher"), source.publisher),
        (t(lang, "author"), source.author or not_stated),
        (t(lang, "published"), source.published_text if source.published else not_stated),
    ]
    period = note_text(source.period, lang)
    if period:
        pairs.append((t(lang, "period"), macro("in_lang")(period[0], period[1], lang)))
    note = note_text(source.note, lang)
    if note:
        pairs.append((t(lang, "note"), macro("in_lang")(note[0], note[1], lang)))
    facts = dataset.facts_from(source.id)
    return render(
        "source.html",
        lang=lang,
        id=source.id,
        url=safe_url(source.url),
        title=source.title,
        details=macro("details")(pairs),
        count=len(facts),
        figures=[_taken(dataset, fact, path, lang) for fact in facts],
    )


def _taken(dataset: Dataset, fact, path: str, lang: str) -> dict:
    """One figure a source gave, as a line that leads to its row (with the quote) on the page that holds it:
    a list of sources, not another copy of every figure."""
    return {
        "href": figure_href(fact, path, lang),
        "subject": subject_name(dataset, fact, lang),
        "indicator": indicator_name(dataset, fact.indicator, lang),
        "figure": figure_text(dataset, fact, lang),
        "when": when_short(dataset, fact, lang),
    }
