"""The tables pages are made of: every figure with its quote, and a province's scorecard by pillar.

Cells are text or :class:`markupsafe.Markup` (a link, a figure over its date); table.html
escapes the text and gives each cell its column's name for the phone layout.
"""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from ..dataset import Dataset, Fact
from ..i18n import LANGS, t
from ..ids import fact_id
from ..numbers import format_amount
from ..wording import (
    figure_text,
    indicator_name,
    kind_text,
    latest_actual,
    next_target,
    note_text,
    subject_name,
    territory_short,
    territory_text,
    when_short,
    when_text,
    whose_text,
)
from .citations import figure_citation
from .links import figure_href, page_link, prefix, rel
from .markdown_text import md_esc
from .render import macro, render
from .sources import source_href

# Every figure's row is on its province and indicator pages, which search finds by their titles and
# keywords; indexing each row again (and the sources page's copy of all of them) made the index grow
# with the data and sent "lao cai" to the sources page first.
# The same holds for every table that names the provinces one by one (compare, headline, coverage, ranked apart).
_SEARCH_EXCLUDED = {"sc-figures", "sc-compare", "sc-headline", "sc-coverage", "sc-apart", "sc-changes"}


def table(
    headers: list, rows: list[list], caption: str | None = None, css: str = "sc-table", row_ids: list | None = None
) -> Markup:
    """An HTML table of text or Markup cells; every row has one cell per header (and an id, if given)."""
    for row in rows:
        if len(row) != len(headers):
            raise ValueError(f"a row of {len(row)} cells under {len(headers)} headers")
    return render(
        "table.html",
        headers=headers,
        rows=rows,
        caption=caption,
        css=css,
        search_exclude=bool(_SEARCH_EXCLUDED & set(css.split())),
        row_ids=row_ids or [],
    )


def figure_cell(dataset: Dataset, fact: Fact, lang: str) -> Markup:
    """A figure over its date, and the former territory it describes, for the compact tables."""
    return macro("figure_cell")(
        figure_text(dataset, fact, lang),
        when_short(dataset, fact, lang),
        territory_short(dataset, fact, lang) or None,  # empty unless the figure describes a former unit
    )


def _figure_headers(lang: str, show_province: bool) -> list[str]:
    """The columns of a figures table; an indicator's (``show_province``) names the province, not the indicator."""
    keys = (
        "province" if show_province else "indicator",
        "kind",
        "figure",
        "date",
        "whose",
        "territory",
        "source",
        "quote",
    )
    return [t(lang, key) for key in keys]


# The labels of the figure cards, as a stylesheet every page links (mkdocs.yml, extra_css): one rule per
# column and language, instead of the same attribute on every cell (at 20,000 figures, 17 MB of site).
FIGURES_STYLESHEET = "generated/figures.css"


def figures_stylesheet() -> str:
    """Each figure card's value after its column's name ("Số liệu: hơn 75 %"), in the page's language.

    The columns are fixed (:func:`_figure_headers`), so the name of the n-th cell is known for both tables:
    with a province column (``sc-by-province``, an indicator's figures) and without (a province's)."""
    rules = ["/* Written by scorecard/pages/tables.py (figures_stylesheet): the names of the figure cards' values. */"]
    for css, show_province in (("sc-figures", False), ("sc-figures.sc-by-province", True)):
        for lang in LANGS:
            for column, header in enumerate(_figure_headers(lang, show_province), start=1):
                selector = f".md-typeset table.{css} td:nth-child({column}):lang({lang})::before"
                rules.append(f"  {selector} {{ content: {_css_string(header + ': ')}; }}")
    # on screens only, like the cards themselves (scorecard.css): printed, the table keeps its header row
    return "\n".join([rules[0], "@media screen {", *rules[1:], "}"]) + "\n"


def _css_string(text: str) -> str:
    """``text`` as a CSS string: quotes and backslashes escaped, control characters as hex escapes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\{ord(c):x} " if c < " " or c == "\x7f" else c for c in escaped) + '"'


def _figure_row(dataset: Dataset, fact: Fact, page_path: str, lang: str, show_province: bool, site_url) -> dict:
    """One figure's cells, as texts for figures_table.html (which escapes them)."""
    obs = fact.observation
    source = dataset.sources.get(obs.source)
    row = {
        "id": fact_id(fact),
        "kind": kind_text(fact, lang),
        "figure": figure_text(dataset, fact, lang),
        "computed": fact.value_computed,
        "when": when_text(dataset, fact, lang),
        "whose": whose_text(dataset, fact, lang),
        "territory": territory_text(dataset, fact, lang),
        "source": source.publisher if source else obs.source,
        "source_href": source_href(dataset, source.id, page_path, lang) if source else None,
        "quote": obs.quote,
        "note": note_text(obs.note, lang),
        # a figure is cited at its own row (a province's figures page, the national page); a table of many
        # provinces' figures (an indicator's) links each to that row instead of carrying the citation again
        "cite": None if show_province else figure_citation(dataset, fact, page_path, lang, site_url),
    }
    if show_province:  # the province (or the country), linked to the figure's own row, where its citation is
        row["province"] = subject_name(dataset, fact, lang)
        row["province_href"] = figure_href(fact, page_path, lang)
        row["province_title"] = t(lang, "card_to_figure")
    else:  # a province's figures, of many indicators
        row["indicator"] = indicator_name(dataset, obs.indicator, lang)
        row["indicator_href"] = rel(page_path, f"{prefix(lang)}indicators/{obs.indicator}.md")
    return row


def figures_table(
    dataset: Dataset, facts: list[Fact], page_path: str, lang: str, show_province: bool, site_url: str | None = None
) -> Markup:
    """Every figure with its date, territory, scope, source link and verbatim quote; with
    ``show_province`` (an indicator's figures, of many provinces) each leads to its own row instead of
    repeating its citation."""
    rows = [_figure_row(dataset, fact, page_path, lang, show_province, site_url) for fact in facts]
    headers = _figure_headers(lang, show_province)
    return render("figures_table.html", lang=lang, headers=headers, rows=rows, province=show_province)


def figure_links(dataset: Dataset, facts: list[Fact], page_path: str, lang: str, series, label, note=None) -> Markup:
    """Figures as links to their full rows, each its value and date: under their province (in the order of
    the provinces' codes, the country first), one line per ``series(fact)``, named ``label(fact)``, each line in
    the order of ``facts``. A figure costs one link here, not a row: the lists that grow with the data use it."""
    groups: dict[str, dict] = {}
    for fact in facts:
        groups.setdefault(fact.province, {}).setdefault(series(fact), []).append(fact)
    provinces = []
    for slug in sorted(groups, key=lambda s: "" if s not in dataset.provinces else dataset.provinces[s].code):
        lines = []
        for group in groups[slug].values():
            links = [
                (figure_href(f, page_path, lang), f"{figure_text(dataset, f, lang)} ({when_short(dataset, f, lang)})")
                for f in group
            ]
            lines.append((label(group[0]), links))
        home = f"{prefix(lang)}provinces/{slug}.md" if slug in dataset.provinces else f"{prefix(lang)}national.md"
        provinces.append((rel(page_path, home), subject_name(dataset, group[0], lang), lines))
    return render("figure_links.html", provinces=provinces, note=note)


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


def _scorecard_row(dataset: Dataset, own: list[Fact], indicator_id: str, path: str, lang: str) -> list:
    indicator = dataset.indicators[indicator_id]
    actual = latest_actual(dataset, own, indicator_id)
    target = next_target(dataset, own, indicator_id)
    return [
        page_link(path, f"{prefix(lang)}indicators/{indicator_id}.md", getattr(indicator.name, lang)),
        figure_cell(dataset, actual, lang) if actual else _part_only(dataset, own, indicator_id, lang),
        figure_cell(dataset, target, lang) if target else "—",
        progress_text(dataset, actual, target, lang) or "—",
    ]


def _part_only(dataset: Dataset, own: list[Fact], indicator_id: str, lang: str) -> Markup | str:
    """No whole-province figure: "—", then the latest figure of a part (one network, one level), marked as
    such, so the table never passes a part off as the province's latest."""
    part = latest_actual(dataset, own, indicator_id, whole_province=False)
    if part is None:
        return "—"
    return macro("part_only")(figure_cell(dataset, part, lang), whose_text(dataset, part, lang))


def pillar_scorecard(dataset: Dataset, own: list[Fact], path: str, lang: str) -> str:
    """Per pillar (a Markdown heading and a table): each indicator's latest actual, its date, its nearest
    target and the progress."""
    by_pillar: dict[str, list[str]] = defaultdict(list)
    by_indicator: dict[str, list[Fact]] = defaultdict(list)  # each row looks at its indicator's figures only
    for fact in own:
        by_indicator[fact.indicator].append(fact)
    for indicator_id in by_indicator:
        indicator = dataset.indicators.get(indicator_id)
        if indicator is not None:
            by_pillar[indicator.pillar].append(indicator_id)
    headers = [t(lang, "indicator"), t(lang, "latest"), t(lang, "target_header"), t(lang, "progress")]
    blocks = []
    for pillar_id, pillar in dataset.pillars.items():
        ids = by_pillar.get(pillar_id)
        if ids:
            rows = [
                _scorecard_row(dataset, by_indicator[indicator_id], indicator_id, path, lang) for indicator_id in ids
            ]
            blocks += [f"### {md_esc(getattr(pillar.name, lang))}", table(headers, rows)]
    return "\n\n".join(blocks)
