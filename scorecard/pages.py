"""Markdown pages for every province, indicator and source, in Vietnamese and English.

Every text that comes from ``data/`` reaches a page through :func:`esc` (HTML) and is
placed inside raw HTML blocks, where Markdown is not parsed: a note holding
``<script>`` or ``[x](javascript:…)`` shows as those characters and links nothing.
Addresses pass :func:`safe_url`, which keeps only http and https. Vietnamese pages live
at the site root, English ones under ``en/`` with the same paths, so the language
switch is a prefix.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from .charts import ChartJob
from .dataset import Dataset, Fact, Release
from .i18n import UNITS, t
from .model import as_of_bounds
from .numbers import format_amount
from .territory import ProvinceUnit
from .wording import (
    figure_text,
    kind_text,
    latest_actual,
    merged_text,
    next_target,
    note_text,
    own_facts,
    sort_key,
    territory_break,
    territory_short,
    territory_text,
    when_short,
    when_text,
    whose_text,
)


@dataclass(frozen=True)
class Page:
    """One generated Markdown file: its path under docs/ and its text."""

    path: str
    text: str


# ---------------------------------------------------------------- escaping


def esc(text: object) -> str:
    """Text from the data, safe inside HTML elements and attributes."""
    return html.escape(str(text), quote=True)


def md_esc(text: object) -> str:
    """Text from the data, safe in a Markdown heading: on one line, HTML-escaped, Markdown marks backslashed.

    Only marks Python-Markdown unescapes get a backslash: ``~`` keeps none, or the backslash would show.
    """
    return re.sub(r"([\\`*_{}\[\]()#+!|>-])", r"\\\1", esc(" ".join(str(text).splitlines())))


def safe_url(url: str | None) -> str | None:
    """An address fit for href: http(s) only, with no control, invisible or direction character (which
    could disguise where it leads), escaped; anything else gives None."""
    if url and re.match(r"^https?://[^\s<>\"'`]+$", url) and all(unicodedata.category(c)[0] not in "CZ" for c in url):
        return esc(url)
    return None


def prefix(lang: str) -> str:
    return "" if lang == "vi" else "en/"


def rel(from_path: str, to_path: str) -> str:
    """A relative link between two docs paths, as MkDocs serves them (directory URLs)."""
    depth = from_path.count("/") + (0 if from_path.endswith("index.md") else 1)
    target = to_path.removesuffix("index.md").removesuffix(".md")
    target = target + "/" if target and not target.endswith("/") and not to_path.endswith("index.md") else target
    return "../" * depth + target if depth else (target or "./")


# ---------------------------------------------------------------- how figures read


def progress_text(dataset: Dataset, actual: Fact | None, target: Fact | None, lang: str) -> str:
    """Progress toward a target as the methodology defines it: actual / target, capped at 100 %."""
    if actual is None or target is None or actual.value is None or target.value is None or target.value == 0:
        return ""
    indicator = dataset.indicators.get(actual.indicator)
    if indicator is None or not indicator.higher_is_better or actual.observation.unit == "rank":
        return ""
    share = min(actual.value / target.value * 100, 100)
    text = format_amount(round(share), "percent", lang)
    if actual.territory and target.territory and actual.territory.id != target.territory.id:
        text += " *"
    return text


# ---------------------------------------------------------------- building blocks


# Every figure's row is on its province and indicator pages, which search finds by their titles and
# keywords; indexing each row again (and the sources page's copy of all of them) made the index grow
# with the data and sent "lao cai" to the sources page first.
_SEARCH_EXCLUDE = " data-search-exclude"


def _table(headers: list[str], rows: list[list[str]], caption: str | None = None, css: str = "sc-table") -> str:
    """An HTML table; cells are already-escaped HTML. Each cell carries its column's name (data-label), so
    on a phone the stylesheet can stack a row into a card without losing what each value is."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    labels = [esc(re.sub(r"<[^>]*>", "", html.unescape(h))) for h in headers]
    body = "\n".join(
        "<tr>"
        + "".join(f'<td data-label="{label}">{cell}</td>' for label, cell in zip(labels, row, strict=True))
        + "</tr>"
        for row in rows
    )
    cap = f"<caption>{caption}</caption>" if caption else ""
    return (
        f'<div class="sc-table-wrap" tabindex="0"{_SEARCH_EXCLUDE if "sc-figures" in css else ""}>\n'
        f'<table class="{css}">{cap}\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>"
    )


def _link(href: str, text: object) -> str:
    """A link between two of the site's own pages (``href`` from :func:`rel`), its text escaped."""
    return f'<a href="{href}">{esc(text)}</a>'


def source_link(dataset: Dataset, source_id: str, page_path: str, lang: str) -> str:
    source = dataset.sources.get(source_id)
    if source is None:
        return esc(source_id)
    anchor = rel(page_path, f"{prefix(lang)}sources.md") + f"#src-{esc(source.id)}"
    return f'<a href="{anchor}">{esc(source.publisher)}</a>'


def license_name(release: Release) -> str:
    """The data's licence as readers know it, from data/release.yaml (its identifier if no name is given)."""
    return release.license_name or release.license


def license_note(dataset: Dataset, lang: str) -> str:
    """ "The data is released under CC BY 4.0: …", the licence named by data/release.yaml (plain text)."""
    name = license_name(dataset.release) if dataset.release else t(lang, "not_stated")
    return t(lang, "license_note").format(license=name)


def _licence_paragraph(release: Release | None, note: str) -> str:
    """The downloads page's licence line, linking the licence's own text (escaped HTML)."""
    if release is None:
        return f"<p>{esc(note)}</p>"
    return f'<p>{esc(note)} <a href="{esc(release.license_url)}">{esc(license_name(release))}</a></p>'


def chart_credit(dataset: Dataset, job: ChartJob, lang: str) -> str:
    """The line a journalist copies under a chart: its sources, the scorecard, the data version, the licence."""
    publishers = sorted({str(row[t(lang, "source")]) for row in job.rows if row.get(t(lang, "source"))})
    release = dataset.release
    site = release.title[lang] if release else t(lang, "site_title")
    version = f", {t(lang, 'data_version').lower()} {release.version}" if release else ""
    licence = f", {license_name(release)}" if release else ""
    return f"{t(lang, 'source')}: {'; '.join(publishers)}. {site}{version}{licence}."


def chart_block(dataset: Dataset, job: ChartJob, page_path: str, lang: str, charts_dir: str) -> str:
    """A static SVG with its text alternative, its credit, a table of its numbers, downloads and the opt-in
    interactive view."""
    base = rel(page_path, f"{charts_dir}/{job.name}")
    base = base.rstrip("/")
    columns = [c for c in job.rows[0] if c != "value"] if job.rows else []  # the raw number stays in the CSV
    rows = [[esc(row[c]) if row[c] is not None else "" for c in columns] for row in job.rows]
    table = _table([esc(c) for c in columns], rows)
    return f"""<figure class="sc-chart">
<img src="{base}.svg" width="{job.width}" height="{job.height}" alt="{esc(job.alt)}" loading="lazy" decoding="async">
<figcaption>{esc(job.alt)}<br><span class="sc-credit">{esc(chart_credit(dataset, job, lang))}</span></figcaption>
<p class="sc-downloads">{t(lang, "download")}: <a href="{base}.svg" download>SVG</a> · \
<a href="{base}.png" download>PNG</a> · <a href="{base}.csv" download>CSV</a>
<button type="button" class="sc-interactive" data-spec="{base}.vl.json" hidden>{t(lang, "interactive")}</button></p>
<details class="sc-data" data-search-exclude><summary>{t(lang, "data_table")}</summary>
{table}
</details>
</figure>"""


# BibTeX counts every brace, a backslash before it or not, so "\}" would still end a field: braces
# and backslashes from the data are written as commands with balanced braces of their own.
_BIBTEX = {"{": r"\textbraceleft{}", "}": r"\textbraceright{}", "\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def bib_url(url: str) -> str:
    """A BibTeX url field: biblatex reads it verbatim (so no \\_), but braces and backslashes still
    count, so those are percent-encoded as in any address."""
    return url.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def cite_block(dataset: Dataset, page_path: str, title: str, lang: str, site_url: str | None) -> str:
    """APA and BibTeX for this version of this page, naming the data version."""
    release = dataset.release
    version = release.version if release else "dev"
    url_path = page_path.removesuffix("index.md").removesuffix(".md")
    url_path = url_path + "/" if url_path and not url_path.endswith("/") else url_path
    url = f"{site_url.rstrip('/')}/{version}/{url_path}" if site_url else f"/{version}/{url_path}"
    site_title = release.title[lang] if release else t(lang, "site_title")
    year = release.released.year if release else ""
    authors = release.authors if release else ""
    apa = f"{authors} ({year}). {title}. {site_title} (" + t(lang, "data_version").lower() + f" {version}). {url}"
    key = re.sub(r"[^a-z0-9]+", "-", f"scorecard-{version}-{url_path}".lower()).strip("-")
    bib_escape = lambda text: re.sub(r"[{}\\%&$#_^~]", lambda m: _BIBTEX.get(m[0], "\\" + m[0]), str(text))  # noqa
    licence = f"\n  note = {{Data: {bib_escape(license_name(release))}}}" if release else ""
    bibtex = (
        f"@misc{{{key},\n  title = {{{bib_escape(title)} --- {bib_escape(site_title)}}},\n"
        f"  author = {{{{{bib_escape(authors)}}}}},\n  year = {{{year}}},\n  version = {{{bib_escape(version)}}},\n"
        f"  url = {{{bib_url(url)}}},{licence}\n}}"
    )
    unfixed = "" if site_url else f'<p class="sc-muted">{t(lang, "address_not_fixed")}</p>'
    return f"""<section class="sc-cite" aria-labelledby="cite-heading" data-search-exclude>
<h2 id="cite-heading">{t(lang, "cite_page")}</h2>
<p class="sc-version">{t(lang, "data_version")} <strong>{esc(version)}</strong></p>
<p>{esc(apa)}</p>
<pre><code>{esc(bibtex)}</code></pre>
{unfixed}
</section>"""


def version_line(dataset: Dataset, lang: str) -> str:
    release = dataset.release
    if release is None:
        return ""
    return (
        f'<p class="sc-version">{t(lang, "data_version")} <strong>{esc(release.version)}</strong>, '
        f"{t(lang, 'released')} {esc(release.released.isoformat())}</p>"
    )


def search_keywords(*texts: str) -> str:
    """Diacritic-free spellings of names, so search finds "lao cai" as well as "Lào Cai"."""
    from .territory import ascii_slug

    words = " ".join(dict.fromkeys(ascii_slug(text).replace("-", " ") for text in texts if text))
    return f'<p class="sc-keywords" hidden>{esc(words)}</p>'


def front_matter(title: str, description: str) -> str:
    """The page's title and description, HTML-escaped: the theme prints both unescaped (<title>, <meta>,
    the header and the search index), so data text must arrive there as HTML text already."""
    quote = lambda text: '"' + esc(" ".join(text.splitlines())).replace("\\", "\\\\") + '"'  # noqa: E731
    return f"---\ntitle: {quote(title)}\ndescription: {quote(description)}\n---\n\n"


def figures_table(dataset: Dataset, facts: list[Fact], page_path: str, lang: str, show_province: bool) -> str:
    """Every figure with its date, territory, scope, source link and verbatim quote."""
    headers = ([t(lang, "province")] if show_province else []) + [
        t(lang, "indicator"),
        t(lang, "kind"),
        t(lang, "figure"),
        t(lang, "date"),
    ]
    headers += [t(lang, "whose"), t(lang, "territory")] + [
        t(lang, "source"),
        t(lang, "quote"),
    ]
    rows = []
    for fact in facts:
        obs = fact.observation
        indicator = dataset.indicators.get(obs.indicator)
        name = indicator.name.vi if indicator and lang == "vi" else indicator.name.en if indicator else obs.indicator
        ind_link = _link(rel(page_path, f"{prefix(lang)}indicators/{obs.indicator}.md"), name)
        figure = esc(figure_text(dataset, fact, lang))
        if fact.value_computed:
            figure += f' <span class="sc-muted" title="{t(lang, "computed")}">†</span>'
        quote = f'<q lang="vi">{esc(obs.quote)}</q>'
        note = note_text(obs.note, lang)
        if note:
            quote += f'<br><span class="sc-note" lang="{note[1]}">{t(lang, "note")}: {esc(note[0])}</span>'
        row = [_province_cell(dataset, fact, page_path, lang)] if show_province else []
        row += [ind_link, esc(kind_text(fact, lang)), figure, esc(when_text(dataset, fact, lang))]
        row += [esc(whose_text(dataset, fact, lang))]
        row += [esc(territory_text(dataset, fact, lang))]
        row += [source_link(dataset, obs.source, page_path, lang), quote]
        rows.append(row)
    return _table(headers, rows, css="sc-table sc-figures")


def _figure_cell(dataset: Dataset, fact: Fact, lang: str) -> str:
    """A figure over its date, for the compact tables (escaped HTML)."""
    date_html = f"<span class='sc-muted'>{esc(when_short(dataset, fact, lang))}</span>"
    former = fact.territory is not None and not fact.territory.current
    where = f"<br><span class='sc-former'>{esc(territory_short(dataset, fact, lang))}</span>" if former else ""
    return f"{esc(figure_text(dataset, fact, lang))}<br>{date_html}{where}"


def _province_cell(dataset: Dataset, fact: Fact, page_path: str, lang: str) -> str:
    """The province a row belongs to, linked; the country's own figures link to the national page."""
    if fact.is_national:
        return _link(rel(page_path, f"{prefix(lang)}national.md"), t(lang, "national"))
    unit = dataset.provinces[fact.province]
    return _link(rel(page_path, f"{prefix(lang)}provinces/{fact.province}.md"), unit.name)


# ---------------------------------------------------------------- pages


def province_page(dataset: Dataset, unit: ProvinceUnit, lang: str, charts: dict, ctx: dict) -> Page:
    path = f"{prefix(lang)}provinces/{unit.slug}.md"
    facts = sorted(
        dataset.facts_for(unit.slug), key=lambda f: (f.indicator, f.observation.kind, sort_key(dataset, f), f.index)
    )
    own = own_facts(facts)
    title = unit.name
    parts = [
        front_matter(unit.name, _province_description(unit, own, lang)),
        f"# {md_esc(unit.name)}\n",
        search_keywords(unit.name, unit.full_name),
        _province_lede(dataset, unit, facts, lang),
    ]
    if not own:
        parts.append(
            f'<div class="admonition info"><p class="admonition-title">{t(lang, "no_data")}</p>'
            f'<p>{t(lang, "no_data_long")} <a href="{rel(path, f"{prefix(lang)}about.md")}#contribute">'
            f"{t(lang, 'how_to_contribute')}</a></p></div>"
        )
    else:
        if not unit.unchanged:
            parts.append(f'<div class="admonition warning"><p>{territory_break(dataset, lang)}</p></div>')
        parts.append(f"## {t(lang, 'by_pillar')}\n")
        parts.append(_pillar_scorecard(dataset, own, path, lang))
        chart_blocks = _province_charts(dataset, unit, own, path, lang, charts, ctx["charts_dir"])
        if chart_blocks:
            parts.append(f"## {t(lang, 'history')}\n")
            parts.extend(chart_blocks)
        parts.append(f"## {t(lang, 'all_figures')}\n")
        parts.append(figures_table(dataset, own, path, lang, show_province=False))
    comparison = [fact for fact in facts if fact.observation.subject != "province"]
    if comparison:
        parts.append(f"## {t(lang, 'comparison')}\n")
        parts.append(figures_table(dataset, comparison, path, lang, show_province=False))
    parts.append(cite_block(dataset, path, title, lang, ctx["site_url"]))
    return Page(path, "\n\n".join(parts) + "\n")


def _province_description(unit: ProvinceUnit, own: list[Fact], lang: str) -> str:
    if not own:
        return f"{unit.name}: {t(lang, 'no_data').lower()}."
    return f"{unit.name}: {len(own)} {t(lang, 'figures_count')}, {t(lang, 'site_title').lower()}."


def _province_lede(dataset: Dataset, unit: ProvinceUnit, facts: list[Fact], lang: str) -> str:
    bits = [f"{t(lang, 'code')} {esc(unit.code)}"]
    if not unit.unchanged:
        merged = ", ".join(f"{esc(former.name)} ({esc(former.code)})" for former in unit.former)
        bits.append(f"{t(lang, 'merged_from')} {merged} ({merged_text(dataset, lang)})")
    sources = {fact.observation.source for fact in facts}
    bits.append(f"{len(facts)} {t(lang, 'figures_count')} · {len(sources)} {t(lang, 'sources').lower()}")
    return f'<p class="sc-lede">{" · ".join(bits)}</p>'


def _pillar_scorecard(dataset: Dataset, own: list[Fact], path: str, lang: str) -> str:
    """Per pillar: each indicator's latest actual, its date, its nearest target and the progress."""
    by_pillar: dict[str, list[str]] = defaultdict(list)
    for indicator_id in dict.fromkeys(fact.indicator for fact in own):
        indicator = dataset.indicators.get(indicator_id)
        if indicator is None:
            continue
        by_pillar[indicator.pillar].append(indicator_id)
    blocks = []
    for pillar_id, pillar in dataset.pillars.items():
        ids = by_pillar.get(pillar_id)
        if not ids:
            continue
        rows = []
        for indicator_id in ids:
            indicator = dataset.indicators[indicator_id]
            actual = latest_actual(dataset, own, indicator_id) or latest_actual(
                dataset, own, indicator_id, whole_province=False
            )
            target = next_target(dataset, own, indicator_id)
            link = _link(rel(path, f"{prefix(lang)}indicators/{indicator_id}.md"), getattr(indicator.name, lang))
            latest = _figure_cell(dataset, actual, lang) if actual else "—"
            aim = _figure_cell(dataset, target, lang) if target else "—"
            rows.append([link, latest, aim, progress_text(dataset, actual, target, lang) or "—"])
        headers = [t(lang, "indicator"), t(lang, "latest"), t(lang, "target_header"), t(lang, "progress")]
        blocks.append(f"### {md_esc(getattr(pillar.name, lang))}\n\n" + _table(headers, rows))
    return "\n\n".join(blocks)


def _province_charts(
    dataset: Dataset, unit: ProvinceUnit, own: list[Fact], path: str, lang: str, charts: dict, charts_dir: str
) -> list[str]:
    blocks = []
    for indicator_id in sorted(dict.fromkeys(fact.indicator for fact in own)):
        for kind in ("progress", "history"):
            job = charts.get((kind, unit.slug, indicator_id, lang))
            if job is not None:
                blocks.append(chart_block(dataset, job, path, lang, charts_dir))
    return blocks


def indicator_page(dataset: Dataset, indicator_id: str, lang: str, charts: dict, ctx: dict) -> Page:
    indicator = dataset.indicators[indicator_id]
    path = f"{prefix(lang)}indicators/{indicator_id}.md"
    name = getattr(indicator.name, lang)
    facts = sorted(
        [f for f in dataset.facts if f.indicator == indicator_id],
        key=lambda f: (
            dataset.provinces[f.province].code if f.province in dataset.provinces else "99",
            f.observation.kind,
            sort_key(dataset, f),
            f.index,
        ),
    )
    pillar = dataset.pillars.get(indicator.pillar)
    details = [
        (t(lang, "definition"), esc(getattr(indicator.definition, lang))),
        (t(lang, "unit"), esc(UNITS[lang][indicator.unit])),
        (t(lang, "pillar"), esc(getattr(pillar.name, lang)) if pillar else esc(indicator.pillar)),
    ]
    if indicator.why:
        details.append((t(lang, "why"), esc(getattr(indicator.why, lang))))
    dl = "<dl class='sc-dl'>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in details) + "</dl>"
    parts = [
        front_matter(name, getattr(indicator.definition, lang)),
        f"# {md_esc(name)}\n",
        search_keywords(indicator.name.vi, indicator.name.en),
        dl,
    ]
    parts.append(f"## {t(lang, 'ranking')}\n")
    job = charts.get(("ranking", None, indicator_id, lang))
    if not indicator.comparable:
        parts.append(f"<p>{t(lang, 'not_comparable')}</p>")
    elif job is not None:
        parts.append(chart_block(dataset, job, path, lang, ctx["charts_dir"]))
    else:
        parts.append(f"<p>{t(lang, 'no_data')}.</p>")
    national = [f for f in dataset.national_facts if f.indicator == indicator_id]
    if national:
        parts.append(f"## {t(lang, 'national_figures')}\n")
        parts.append(figures_table(dataset, sorted(national, key=lambda f: sort_key(dataset, f)), path, lang, True))
    parts.append(f"## {t(lang, 'all_figures')}\n")
    parts.append(
        figures_table(dataset, facts, path, lang, show_province=True) if facts else f"<p>{t(lang, 'no_data')}.</p>"
    )
    caveats = _indicator_caveats(dataset, indicator, facts, lang)
    if caveats:
        parts.append(f"## {t(lang, 'caveats')}\n")
        parts.append("<ul>" + "".join(f"<li>{c}</li>" for c in caveats) + "</ul>")
    parts.append(cite_block(dataset, path, name, lang, ctx["site_url"]))
    return Page(path, "\n\n".join(parts) + "\n")


def _indicator_caveats(dataset: Dataset, indicator, facts: list[Fact], lang: str) -> list[str]:
    caveats = [esc(getattr(indicator.caveat, lang))] if indicator.caveat else []
    scoped = [f for f in facts if f.observation.scope]
    if scoped:
        names = sorted(
            {
                getattr(dataset.scopes[f.observation.scope].name, lang)
                for f in scoped
                if f.observation.scope in dataset.scopes
            }
        )
        caveats.append(esc(t(lang, "scoped_caveat").format(n=len(scoped), names="; ".join(names))))
    if any(f.territory and not f.territory.current and not f.territory.unchanged for f in facts):
        caveats.append(territory_break(dataset, lang))
    return caveats


def home_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}index.md"
    title = dataset.release.title[lang] if dataset.release else t(lang, "site_title")
    intro = {
        "vi": "Bảng điểm công khai về mức độ số hóa dịch vụ công của các tỉnh, thành phố Việt Nam. Mỗi con số đều kèm "
        "đơn vị, thời điểm, nguồn và một câu trích nguyên văn từ nguồn; mục tiêu được tách khỏi kết quả thực tế.",
        "en": "A public scorecard of how far Vietnam's provinces have digitised their public services. Every figure "
        "carries its unit, its date, its source and a verbatim quote from it; targets are kept apart from actuals.",
    }[lang]
    parts = [
        front_matter(title, intro),
        f"# {md_esc(title)}\n",
        search_keywords(title, t(lang, "site_title"), intro),
        f"<p class='sc-lede'>{intro}</p>",
        version_line(dataset, lang),
    ]
    parts.append(f"## {t(lang, 'headline')}\n")
    parts.append(_headline_table(dataset, path, lang))
    parts.append(f"## {t(lang, 'coverage')}\n")
    parts.append(_coverage_table(dataset, path, lang))
    if dataset.national_facts:
        link = _link(rel(path, f"{prefix(lang)}national.md"), t(lang, "national_figures"))
        parts.append(f"<p>{link} ({len(dataset.national_facts)})</p>")
    parts.append(cite_block(dataset, path, title, lang, ctx["site_url"]))
    return Page(path, "\n\n".join(parts) + "\n")


def _headline_table(dataset: Dataset, path: str, lang: str) -> str:
    headline = [i for i in dataset.indicators.values() if i.headline]
    rows = []
    for unit in dataset.provinces.values():
        own = own_facts(dataset.facts_for(unit.slug))
        if not own:
            continue
        row = [_link(rel(path, f"{prefix(lang)}provinces/{unit.slug}.md"), unit.name)]
        for indicator in headline:
            fact = latest_actual(dataset, own, indicator.id)
            row.append(_figure_cell(dataset, fact, lang) if fact else "—")
        rows.append(row)
    headers = [t(lang, "province")] + [
        _link(rel(path, f"{prefix(lang)}indicators/{i.id}.md"), getattr(i.name, lang)) for i in headline
    ]
    return _table(headers, rows)


def _coverage_table(dataset: Dataset, path: str, lang: str) -> str:
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
        link = _link(rel(path, f"{prefix(lang)}provinces/{unit.slug}.md"), unit.name)
        if figures:
            bar = f'<span class="sc-bar" style="width:{round(100 * figures / top)}%"></span>'
            rows.append(
                [str(rank), link, f"{bar}{figures}", str(indicators), esc(newest.isoformat() if newest else "—")]
            )
        else:
            rows.append([str(rank), link, f'<span class="sc-muted">{t(lang, "no_data")}</span>', "0", "—"])
    headers = ["#", t(lang, "province"), t(lang, "figures_count"), t(lang, "indicators_count"), t(lang, "latest")]
    return _table(headers, rows, css="sc-table sc-coverage")


def provinces_index(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}provinces/index.md"
    rows = []
    for unit in dataset.provinces.values():
        own = own_facts(dataset.facts_for(unit.slug))
        merged = ", ".join(f"{esc(f.name)} ({esc(f.code)})" for f in unit.former) if not unit.unchanged else "—"
        rows.append(
            [
                _link(rel(path, f"{prefix(lang)}provinces/{unit.slug}.md"), unit.name),
                esc(unit.code),
                merged,
                str(len(own)) if own else f'<span class="sc-muted">{t(lang, "no_data")}</span>',
            ]
        )
    table = _table([t(lang, "province"), t(lang, "code"), t(lang, "merged_from"), t(lang, "figures_count")], rows)
    text = (
        front_matter(t(lang, "provinces"), t(lang, "coverage"))
        + f"# {t(lang, 'provinces')}\n\n{table}\n\n"
        + cite_block(dataset, path, t(lang, "provinces"), lang, ctx["site_url"])
        + "\n"
    )
    return Page(path, text)


def indicators_index(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}indicators/index.md"
    parts = [front_matter(t(lang, "indicators"), t(lang, "indicators")), f"# {t(lang, 'indicators')}\n"]
    counts = defaultdict(int)
    for fact in dataset.facts:
        counts[fact.indicator] += 1
    for pillar_id, pillar in dataset.pillars.items():
        rows = [
            [
                _link(rel(path, f"{prefix(lang)}indicators/{i.id}.md"), getattr(i.name, lang)),
                esc(getattr(i.definition, lang)),
                esc(UNITS[lang][i.unit]),
                str(counts[i.id]),
            ]
            for i in dataset.indicators.values()
            if i.pillar == pillar_id
        ]
        if rows:
            parts.append(f"## {md_esc(getattr(pillar.name, lang))}\n")
            parts.append(
                _table([t(lang, "indicator"), t(lang, "definition"), t(lang, "unit"), t(lang, "figures_count")], rows)
            )
    parts.append(cite_block(dataset, path, t(lang, "indicators"), lang, ctx["site_url"]))
    return Page(path, "\n\n".join(parts) + "\n")


def sources_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}sources.md"
    parts = [front_matter(t(lang, "sources"), t(lang, "sources")), f"# {t(lang, 'sources')}\n"]
    for source in dataset.sources.values():
        url = safe_url(source.url)
        title = f'<a href="{url}" rel="noopener nofollow">{esc(source.title)}</a>' if url else esc(source.title)
        meta = [
            (t(lang, "publisher"), esc(source.publisher)),
            (t(lang, "author"), esc(source.author) if source.author else f"<em>{t(lang, 'not_stated')}</em>"),
            (
                t(lang, "published"),
                esc(source.published_text) if source.published else f"<em>{t(lang, 'not_stated')}</em>",
            ),
        ]
        if source.period:
            meta.append((t(lang, "period"), esc(source.period)))
        note = note_text(source.note, lang)
        if note:
            meta.append((t(lang, "note"), f'<span lang="{note[1]}">{esc(note[0])}</span>'))
        facts = [f for f in dataset.every_fact() if f.observation.source == source.id]
        block = (
            f'<section class="sc-source" id="src-{esc(source.id)}">\n<h2>{title}</h2>\n'
            f"<dl class='sc-dl'>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta) + "</dl>\n"
            f"<details data-search-exclude><summary>{t(lang, 'figures_from_source')} ({len(facts)})</summary>\n"
            + figures_table(dataset, facts, path, lang, show_province=True)
            + "\n</details>\n</section>"
        )
        parts.append(block)
    parts.append(cite_block(dataset, path, t(lang, "sources"), lang, ctx["site_url"]))
    return Page(path, "\n\n".join(parts) + "\n")


def national_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    """The country's own figures (data/national.yaml), which provinces are compared against."""
    path = f"{prefix(lang)}national.md"
    title = t(lang, "national_figures")
    facts = sorted(dataset.national_facts, key=lambda f: (f.indicator, f.observation.kind, sort_key(dataset, f)))
    parts = [front_matter(title, title), f"# {md_esc(title)}\n"]
    parts.append(
        figures_table(dataset, facts, path, lang, show_province=False) if facts else f"<p>{t(lang, 'no_data')}.</p>"
    )
    parts.append(cite_block(dataset, path, title, lang, ctx["site_url"]))
    return Page(path, "\n\n".join(parts) + "\n")


def downloads_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}downloads.md"
    version = dataset.release.version if dataset.release else "dev"
    base = rel(path, "generated/downloads/").rstrip("/")
    files = [
        ("observations.csv", "CSV"),
        ("observations.json", "JSON"),
        ("datapackage.json", "Frictionless Data Package"),
        ("indicators.json", t(lang, "indicators")),
        ("sources.json", t(lang, "sources")),
        ("SHA256SUMS", t(lang, "checksums")),
    ]
    items = "".join(
        f'<li><a href="{base}/{name}" download>{esc(name)}</a> — {esc(label)}</li>' for name, label in files
    )
    release = dataset.release
    apa = (
        (
            f"{release.authors} ({release.released.year}). {release.title[lang]} "
            f"({t(lang, 'data_version').lower()} {version}) [Data set]. "
            f"{(ctx['site_url'] or '').rstrip('/')}/{version}/downloads/"
        )
        if release
        else ""
    )
    note = license_note(dataset, lang)
    parts = [
        front_matter(t(lang, "downloads"), note),
        f"# {t(lang, 'downloads')}\n",
        version_line(dataset, lang),
        f"<ul>{items}</ul>",
        _licence_paragraph(release, note),
        f"## {t(lang, 'how_to_cite')}\n",
        f"<p>{esc(apa)}</p>",
        cite_block(dataset, path, t(lang, "downloads"), lang, ctx["site_url"]),
    ]
    return Page(path, "\n\n".join(parts) + "\n")


def changes_page(dataset: Dataset, lang: str, ctx: dict) -> Page:
    path = f"{prefix(lang)}changes.md"
    intro = {
        "vi": "Những gì phiên bản dữ liệu này thêm, sửa hoặc bỏ so với phiên bản trước. Một số liệu đã công bố mà được "
        "sửa luôn hiện cả giá trị cũ và mới.",
        "en": "What this data version added, corrected or removed since the previous one. A published figure that was "
        "corrected always shows both its old and new value.",
    }[lang]
    summary = ctx.get("changes_html", {}).get(lang) or f"<p>{esc(ctx.get('changes_note', {}).get(lang, ''))}</p>"
    parts = [
        front_matter(t(lang, "changes"), intro),
        f"# {t(lang, 'changes')}\n",
        f"<p>{intro}</p>",
        version_line(dataset, lang),
        summary,
        cite_block(dataset, path, t(lang, "changes"), lang, ctx["site_url"]),
    ]
    return Page(path, "\n\n".join(parts) + "\n")


def written_page(dataset: Dataset, path: str, text: str, ctx: dict) -> Page:
    """A hand-written page from content/, with the citation block every page carries."""
    lang = "en" if path.startswith("en/") else "vi"
    match = re.search(r"^title:\s*(.+)$", text, re.MULTILINE)
    title = match.group(1).strip().strip('"') if match else path
    return Page(path, text.rstrip() + "\n\n" + cite_block(dataset, path, title, lang, ctx["site_url"]) + "\n")


def all_pages(dataset: Dataset, charts: dict, ctx: dict, written: dict[str, str] | None = None) -> list[Page]:
    """Every page in both languages, in a fixed order: generated ones, then the hand-written ones."""
    pages: list[Page] = [written_page(dataset, path, text, ctx) for path, text in sorted((written or {}).items())]
    for lang in ("vi", "en"):
        pages.append(home_page(dataset, lang, ctx))
        pages.append(provinces_index(dataset, lang, ctx))
        pages.append(indicators_index(dataset, lang, ctx))
        pages.append(sources_page(dataset, lang, ctx))
        pages.append(downloads_page(dataset, lang, ctx))
        pages.append(changes_page(dataset, lang, ctx))
        pages.append(national_page(dataset, lang, ctx))
        pages.extend(province_page(dataset, unit, lang, charts, ctx) for unit in dataset.provinces.values())
        pages.extend(indicator_page(dataset, indicator_id, lang, charts, ctx) for indicator_id in dataset.indicators)
    return pages
