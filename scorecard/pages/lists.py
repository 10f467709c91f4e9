"""The list pages: provinces, indicators, sources, national figures, downloads and changes; and the
hand-written pages of content/, which get the citation block every page carries."""

from __future__ import annotations

import re
from collections import defaultdict

from markupsafe import Markup

from ..api import api_summary
from ..dataset import Dataset
from ..i18n import t
from ..wording import indicator_name, own_facts, sort_key, territory_short, unit_label
from .blocks import paragraph
from .citations import cite_block, licence_paragraph, license_note, version_line
from .links import page_link, prefix, rel
from .markdown_text import front_matter, md_esc, page_text
from .page import Page
from .render import macro
from .tables import figure_links, figures_table, table


def provinces_index(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}provinces/index.md"
    rows = []
    for unit in dataset.provinces.values():
        own = own_facts(dataset.facts_for(unit.slug))
        merged = ", ".join(f"{f.name} ({f.code})" for f in unit.former) if not unit.unchanged else "—"
        count = str(len(own)) if own else macro("muted")(t(lang, "no_data"))
        rows.append([page_link(path, f"{prefix(lang)}provinces/{unit.slug}.md", unit.name), unit.code, merged, count])
    headers = [t(lang, "province"), t(lang, "code"), t(lang, "merged_from"), t(lang, "figures_count")]
    text = page_text(
        [
            front_matter(t(lang, "provinces"), t(lang, "coverage")) + f"# {t(lang, 'provinces')}",
            table(headers, rows),
            cite_block(dataset, path, t(lang, "provinces"), lang, ctx["site_url"]),
        ]
    )
    return Page(path, text)


def indicators_index(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}indicators/index.md"
    parts = [front_matter(t(lang, "indicators"), t(lang, "indicators")), f"# {t(lang, 'indicators')}\n"]
    counts: dict[str, int] = defaultdict(int)
    for fact in dataset.facts:
        counts[fact.indicator] += 1
    headers = [t(lang, "indicator"), t(lang, "definition"), t(lang, "unit"), t(lang, "figures_count")]
    for pillar_id, pillar in dataset.pillars.items():
        rows = [
            [
                page_link(path, f"{prefix(lang)}indicators/{i.id}.md", getattr(i.name, lang)),
                getattr(i.definition, lang),
                unit_label(dataset, i.unit, lang),
                str(counts[i.id]),
            ]
            for i in dataset.indicators.values()
            if i.pillar == pillar_id
        ]
        if rows:
            parts += [f"## {md_esc(getattr(pillar.name, lang))}\n", table(headers, rows)]
    parts.append(cite_block(dataset, path, t(lang, "indicators"), lang, ctx["site_url"]))
    return Page(path, page_text(parts))


def _no_data(lang: str) -> Markup:
    return paragraph(f"{t(lang, 'no_data')}.")


def national_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    """The country's own figures (data/national.yaml), which provinces are compared against."""
    path = f"{prefix(lang)}national.md"
    title = t(lang, "national_figures")
    facts = sorted(dataset.national_facts, key=lambda f: (f.indicator, f.observation.kind, sort_key(dataset, f)))
    parts = [
        front_matter(title, title),
        f"# {md_esc(title)}\n",
        figures_table(dataset, facts, path, lang, False, ctx["site_url"]) if facts else _no_data(lang),
        cite_block(dataset, path, title, lang, ctx["site_url"]),
    ]
    return Page(path, page_text(parts))


def _dataset_apa(dataset: Dataset, lang: str, site_url: str | None) -> str:
    """How to cite the data set itself (APA), or nothing without a release record."""
    release = dataset.release
    if release is None:
        return ""
    return (
        f"{release.authors} ({release.released.year}). {release.title[lang]} "
        f"({t(lang, 'data_version').lower()} {release.version}) [Data set]. "
        f"{(site_url or '').rstrip('/')}/{release.version}/downloads/"
    )


def downloads_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}downloads.md"
    files = [
        ("observations.csv", "CSV"),
        ("observations.json", "JSON"),
        ("datapackage.json", "Frictionless Data Package"),
        ("indicators.json", t(lang, "indicators")),
        ("sources.json", t(lang, "sources")),
        ("SHA256SUMS", t(lang, "checksums")),
    ]
    note = license_note(dataset, lang)
    parts = [
        front_matter(t(lang, "downloads"), note),
        f"# {t(lang, 'downloads')}\n",
        version_line(dataset, lang),
        macro("downloads")(rel(path, "generated/downloads/").rstrip("/"), files),
        licence_paragraph(dataset.release, note),
        f"## {t(lang, 'api_heading')}\n",
        paragraph(t(lang, "api_intro")),
        macro("api_files")(_api_items(dataset, path, lang)),
        f"## {t(lang, 'how_to_cite')}\n",
        paragraph(_dataset_apa(dataset, lang, ctx["site_url"])),
        cite_block(dataset, path, t(lang, "downloads"), lang, ctx["site_url"]),
    ]
    return Page(path, page_text(parts))


def _api_items(dataset: Dataset, path: str, lang: str) -> list[tuple]:
    """Each API file linked; a pattern ("provinces/<slug>.json") with a real example beside it."""
    examples = {"<slug>": next(iter(dataset.provinces), None), "<id>": next(iter(dataset.indicators), None)}
    items = []
    for api_path, label in api_summary(lang):
        pattern = next((key for key in examples if key in api_path), None)
        example = None
        if pattern and examples[pattern]:
            real = api_path.replace(pattern, examples[pattern])
            example = (_file_href(path, real), real)
        linked = pattern is None and not api_path.endswith("/")
        items.append((_file_href(path, api_path) if linked else None, api_path, label, example))
    return items


def _file_href(page_path: str, file_path: str) -> str:
    """A link from a page to a file (not a page: no trailing slash), as the downloads are linked."""
    folder, name = file_path.rsplit("/", 1)
    return rel(page_path, folder + "/").rstrip("/") + "/" + name


def changes_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    """What changed since the previous version (``changes_summary``, from diff.summarise), or why not."""
    path = f"{prefix(lang)}changes.md"
    intro = t(lang, "changes_intro")
    summary = ctx.get("changes_summary", {}).get(lang)
    note = ctx.get("changes_note", {}).get(lang, "")  # why there is no summary
    parts = [
        front_matter(t(lang, "changes"), intro, searched=False),  # a list of figures, each found on its pages
        f"# {t(lang, 'changes')}\n",
        paragraph(intro),
        version_line(dataset, lang),
        *(_changes(dataset, summary, path, lang) if summary else [paragraph(note)]),
        cite_block(dataset, path, t(lang, "changes"), lang, ctx["site_url"]),
    ]
    return Page(path, page_text(parts))


def _changes(dataset: Dataset, summary, path: str, lang: str) -> list:
    """The summary's counts and one table per kind of change; the tables stay out of the search index
    (each figure is found on its own pages)."""
    parts = [f"## {t(lang, 'changes_title')}: {md_esc(summary.old_label)} → {md_esc(summary.new_label)}\n"]
    parts += [macro("paragraph")(macro("warning_note")(t(lang, "changes_warning"), note)) for note in summary.notes]
    parts.append(paragraph(f"{summary.counts}."))
    if not summary.sections:
        parts.append(paragraph(t(lang, "changes_none")))
    for (title, rows), facts, kind in zip(summary.sections, summary.now, summary.kinds, strict=True):
        parts.append(f"### {md_esc(title)}\n")
        if kind == "added":  # each new figure is on its pages with source and quote: a link that leads there

            def series(fact):  # one indicator of one territory: a former unit's figures on their own line
                return fact.indicator, fact.territory.id if fact.territory else None

            def named(fact, lang=lang):
                former = territory_short(dataset, fact, lang)
                name = indicator_name(dataset, fact.indicator, lang)
                return f"{name} ({former})" if former else name

            parts.append(figure_links(dataset, list(facts), path, lang, series, named))
        else:  # a correction or a removal shows all it was: old and new value, source and quote
            parts.append(table(list(summary.headers), [list(row) for row in rows], css="sc-table sc-changes"))
    return parts


# Where a hand-written page wants the data's licence sentence (the about pages): the build writes it
# there from data/release.yaml, so the licence is named in one place.
LICENCE_MARK = "<!-- licence -->"


def written_page(dataset: Dataset, path: str, text: str, ctx: dict) -> Page:
    """A hand-written page from content/, with the citation block every page carries, and the licence
    sentence in place of LICENCE_MARK."""
    lang = "en" if path.startswith("en/") else "vi"
    text = text.replace(LICENCE_MARK, licence_paragraph(dataset.release, license_note(dataset, lang)))
    match = re.search(r"^title:\s*(.+)$", text, re.MULTILINE)
    title = match.group(1).strip().strip('"') if match else path
    return Page(path, page_text([text.rstrip(), cite_block(dataset, path, title, lang, ctx["site_url"])]))
