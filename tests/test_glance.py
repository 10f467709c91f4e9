"""The pages at a glance, on the real data: headline cards, the compare page, every figure's anchor
and its "cite this figure" text. Each check reads the generated HTML and compares it with what the
one rule of "latest" (wording), the one ranking (scorecard.ranking) and the country's figures say.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scorecard.dataset import load_dataset
from scorecard.ids import fact_id
from scorecard.pages import all_pages
from scorecard.pages.compare import MIN_PROVINCES
from scorecard.ranking import ranking
from scorecard.wording import figure_text, latest_actual, national_latest, next_target, own_facts, territory_short
from tests._site import POLICY

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def real():
    dataset = load_dataset(DATA)
    pages = {p.path: p.text for p in all_pages(dataset, {}, {"site_url": None, "charts_dir": "generated/charts"})}
    return dataset, pages


def soup(pages: dict, path: str) -> BeautifulSoup:
    return BeautifulSoup(pages[path], "html.parser")


def followed(from_path: str, href: str) -> tuple[str, str]:
    """Where a relative link on the page ``from_path`` leads: the docs path of that page, and the anchor."""
    where, _, anchor = href.partition("#")
    return posixpath.normpath(posixpath.join(from_path.removesuffix(".md") + "/", where)) + ".md", anchor


def cards(pages: dict, path: str) -> dict[str, object]:
    return {card.select_one(".sc-card-name").get_text(): card for card in soup(pages, path).select("li.sc-card")}


@pytest.mark.parametrize("slug", ["lao-cai", "ha-noi", "da-nang", "tuyen-quang", "can-tho"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_headline_card_shows_the_latest_figure_and_links_to_its_row(real, slug, lang):
    dataset, pages = real
    path = ("en/" if lang == "en" else "") + f"provinces/{slug}.md"
    figures = ("en/" if lang == "en" else "") + f"provinces/{slug}/figures.md"
    page, shown = soup(pages, figures), cards(pages, path)
    headline = [i for i in dataset.indicators.values() if i.headline]
    assert list(shown) == [getattr(i.name, lang) for i in headline]
    own = own_facts(dataset.facts_for(slug))
    for indicator in headline:
        card = shown[getattr(indicator.name, lang)]
        fact = latest_actual(dataset, own, indicator.id)
        value = card.select_one(".sc-card-value")
        if fact is None:
            assert "sc-card-empty" in card["class"] and value.find("a") is None
            continue
        assert value.get_text() == figure_text(dataset, fact, lang)
        where, anchor = value.find("a")["href"].split("#")
        assert where.endswith(f"/{figures.removesuffix('.md')}/") and anchor == fact_id(fact)
        assert page.find("tr", id=anchor) is not None  # the row is on the page of all figures
        former = fact.territory is not None and not fact.territory.current and not fact.territory.unchanged
        mark = card.select_one(".sc-former")
        assert (mark.get_text() if mark else None) == (territory_short(dataset, fact, lang) if former else None)


def test_a_card_gives_the_ranking_place_and_the_country_figure_as_the_ranking_and_national_file_do(real):
    dataset, pages = real
    checked = 0
    for indicator in (i for i in dataset.indicators.values() if i.headline and i.unit != "rank"):
        ranked = ranking(dataset, indicator.id)
        national = national_latest(dataset, indicator.id)
        for place, slug, fact in ranked.entries if ranked else ():
            card = cards(pages, f"provinces/{slug}.md")[indicator.name.vi]
            facts = {dt.get_text(): dd.get_text() for dt, dd in zip(card.select("dt"), card.select("dd"), strict=True)}
            if latest_actual(dataset, own_facts(dataset.facts_for(slug)), indicator.id) is fact:
                assert facts["Xếp hạng"].startswith(f"thứ {place}/{len(ranked.entries)} ")
                assert facts["Xếp hạng"].endswith(f"năm {ranked.year}")
                checked += 1
            if national is not None:
                assert facts["Cả nước"].startswith(figure_text(dataset, national, "vi"))
    assert checked >= 20  # most ranked provinces are ranked by their latest figure


def test_a_cards_target_of_a_former_unit_says_which_unit_it_was_set_for(real):
    """Hồ Chí Minh's village broadband target is former Bình Dương's (2024 plan): the card names it."""
    dataset, pages = real
    target = next_target(dataset, own_facts(dataset.facts_for("ho-chi-minh")), "villages_mobile_broadband_share")
    assert target is not None and target.territory is not None and not target.territory.current
    card = cards(pages, "provinces/ho-chi-minh.md")[dataset.indicators["villages_mobile_broadband_share"].name.vi]
    terms, texts = card.select("dt"), card.select("dd")
    line = dict(zip((dt.get_text() for dt in terms), (dd.get_text() for dd in texts), strict=True))["Mục tiêu"]
    assert line.endswith(f"({territory_short(dataset, target, 'vi')})") and "Bình Dương" in line


def test_every_figure_row_has_a_unique_anchor_and_a_citation_naming_the_version(real):
    dataset, pages = real
    version = dataset.release.version
    for path in ("provinces/lao-cai/figures.md", "en/provinces/ha-noi/figures.md", "national.md"):
        rows = soup(pages, path).select("table.sc-figures tbody tr")
        ids = [row.get("id") for row in rows]
        assert rows and all(ids) and len(set(ids)) == len(ids), path
        for row in rows:
            cite = row.select_one("details.sc-cite-figure p").get_text()
            assert f"{version}" in cite and cite.count(f"#{row['id']}") == 1, cite


@pytest.mark.parametrize("path", ["indicators/online_dossiers_share.md", "en/indicators/villages_fibre_share.md"])
def test_an_indicator_pages_figures_lead_to_their_own_rows_where_they_are_cited(real, path):
    """An indicator's table holds many provinces' figures: each row's province leads to the figure's row on
    the province's figures page (or the national page), which carries its citation; none is repeated here."""
    _, pages = real
    rows = soup(pages, path).select("table.sc-figures tbody tr")
    assert rows and all(row.get("id") for row in rows)
    for row in rows:
        assert row.select_one("details.sc-cite-figure") is None
        held, anchor = followed(path, row.select_one("td a")["href"])
        assert anchor == row["id"] and soup(pages, held).find("tr", id=anchor).select_one("details.sc-cite-figure")


@pytest.mark.parametrize(
    ("path", "indicator_id"),
    [("indicators/online_dossiers_share.md", "online_dossiers_share"), ("en/indicators/dti_rank.md", "dti_rank")],
)
def test_an_indicator_page_shows_each_series_newest_in_full_and_links_every_earlier_figure(real, path, indicator_id):
    """Every figure of the indicator is on its page once: in full (each province's newest actual of each
    territory, and every target and change), or as a value and date leading to its full row elsewhere."""
    dataset, pages = real
    page = soup(pages, path)
    ids = {fact_id(f) for f in dataset.facts_of(indicator_id)}
    full = [row["id"] for row in page.select("table.sc-figures tbody tr") if row["id"] in ids]
    earlier = [followed(path, a["href"]) for a in page.select("div.sc-links dd a")]
    assert earlier, "the real data has earlier figures of this indicator"
    assert sorted(full + [anchor for _, anchor in earlier]) == sorted(ids)  # each once, none missing
    for held, anchor in earlier:
        assert held.endswith("/figures.md") and soup(pages, held).find("tr", id=anchor).find("q"), anchor
    for slug in dataset.provinces:  # the figure the ranking and the map use is always shown in full
        latest = latest_actual(dataset, dataset.facts_for(slug, indicator_id), indicator_id)
        assert latest is None or fact_id(latest) in full, slug
    targets = [f for f in dataset.facts_of(indicator_id) if f.observation.kind != "actual"]
    assert all(fact_id(f) in full for f in targets)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sources_pages_list_each_sources_figures_as_links_to_their_rows(real, lang):
    """Every source is on one page (its province's, the country's or the shared one), linked from the index;
    every figure is one line under its source, leading to the row (with its quote) where it is shown in full."""
    dataset, pages = real
    prefix = "en/" if lang == "en" else ""
    index = soup(pages, f"{prefix}sources.md")
    listed = [followed(f"{prefix}sources.md", a["href"])[0] for a in index.select("li a")]
    assert f"{prefix}sources/lao-cai.md" in listed and f"{prefix}sources/national.md" in listed
    lines, seen = 0, []
    for path in listed:
        page = soup(pages, path)
        assert page.select("table.sc-figures") == []  # no third copy of every figure
        for section in page.select("section.sc-source"):
            source_id = section.find("h2")["id"].removeprefix("src-")
            seen.append(source_id)
            links = section.select("ul.sc-taken a")
            assert len(links) == len(dataset.facts_from(source_id)), source_id
            for link in links:
                held, anchor = followed(path, link["href"])
                assert soup(pages, held).find("tr", id=anchor) is not None, link["href"]
                lines += 1
    assert sorted(seen) == sorted(dataset.sources) and lines == len(dataset.every_fact())


@pytest.mark.parametrize("slug", ["lao-cai", "ha-noi"])
def test_a_figures_source_link_leads_to_the_sources_entry(real, slug):
    dataset, pages = real
    path = f"provinces/{slug}/figures.md"
    for row in soup(pages, path).select("table.sc-figures tbody tr")[:20]:
        href = row.select("td")[6].find("a")["href"]
        held, anchor = followed(path, href)
        assert soup(pages, held).find("h2", id=anchor).find_parent("section", class_="sc-source"), href


def test_a_figure_is_cited_at_its_own_page_address(real):
    dataset, pages = real
    fact = latest_actual(dataset, own_facts(dataset.facts_for("lao-cai")), "online_dossiers_share")
    row = soup(pages, "provinces/lao-cai/figures.md").find("tr", id=fact_id(fact))
    cite = row.select_one("details.sc-cite-figure p").get_text()
    assert f"/{dataset.release.version}/provinces/lao-cai/figures/#{fact_id(fact)}" in cite
    assert "Lào Cai" in cite and figure_text(dataset, fact, "vi") in cite


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_compare_page_sets_every_province_side_by_side_pillar_by_pillar(real, lang):
    dataset, pages = real
    page = soup(pages, ("en/" if lang == "en" else "") + "compare.md")
    tables = page.select("table.sc-compare")
    assert len(tables) >= 3
    ids = Counter(row.get("id") for row in page.select("tr[id]"))
    assert all(count == 1 for count in ids.values())
    for table in tables:
        rows = table.select("tbody tr")
        assert [row.select_one("td").get_text() for row in rows] == [u.name for u in dataset.provinces.values()]
        columns = [a["href"].rstrip("/").split("/")[-1] for a in table.select("thead th a")]
        for column, indicator_id in enumerate(columns, start=1):
            with_figure = 0
            for row, (slug, _) in zip(rows, dataset.provinces.items(), strict=True):
                fact = latest_actual(dataset, own_facts(dataset.facts_for(slug)), indicator_id)
                cell = row.select("td")[column].get_text()
                assert cell.startswith(figure_text(dataset, fact, lang)) if fact else cell == "—"
                with_figure += fact is not None
            assert with_figure >= MIN_PROVINCES
    picker = page.select_one(".sc-compare-picker")
    assert picker.find("input") is None and "34" in picker.get_text()  # without JavaScript: every province


@pytest.mark.parametrize("path", ["downloads.md", "en/downloads.md"])
def test_the_downloads_page_links_the_json_api_files_the_build_writes(real, path):
    from posixpath import join, normpath

    from scorecard.api import API_DIR, api_files

    dataset, pages = real
    written = {f"{API_DIR}/{name}" for name in api_files(dataset)}
    served = path.removesuffix(".md") + "/"  # the page is served as a folder
    links = [a["href"] for a in soup(pages, path).select("a[href*='api/v1/']")]
    assert len(links) >= 5
    for href in links:
        assert normpath(join(served, href)) in written, href


@pytest.fixture(scope="module")
def with_charts():
    from scorecard.build import chart_jobs

    dataset = load_dataset(DATA)
    jobs = chart_jobs(dataset)
    pages = {p.path: p.text for p in all_pages(dataset, jobs, {"site_url": None, "charts_dir": "generated/charts"})}
    return dataset, jobs, pages


def test_every_chart_has_an_embed_page_with_its_picture_numbers_credit_and_version(with_charts):
    from posixpath import join, normpath

    dataset, jobs, pages = with_charts
    version = dataset.release.version
    for job in jobs.values():
        path = f"embed/{job.name}/index.html"
        page = BeautifulSoup(pages[path], "html.parser")
        served = f"embed/{job.name}/"
        assert normpath(join(served, page.find("img")["src"])) == f"generated/charts/{job.name}.svg"
        assert page.find("img")["alt"] == job.alt
        assert page.find("script") is None
        assert page.find("meta", {"http-equiv": "Content-Security-Policy"})["content"] == POLICY
        assert f"/{version}/" in page.find("link", rel="canonical")["href"]
        assert len(page.select("details table tbody tr")) == len(job.rows)
        back = normpath(join(served, page.find("a", target="_top")["href"]))
        assert back + ".md" in pages or back + "/index.md" in pages, back
        assert dataset.release.license_name in page.select_one(".sc-embed-credit").get_text()
    assert len([p for p in pages if p.startswith("embed/")]) == len(jobs)


def test_a_chart_block_gives_the_iframe_of_its_embed_page_at_this_version(with_charts):
    dataset, jobs, pages = with_charts
    job = next(j for k, j in jobs.items() if k[0] == "ranking" and k[3] == "vi")
    block = next(
        fig
        for fig in soup(pages, f"indicators/{job.name.removeprefix('ranking-').removesuffix('-vi')}.md").select(
            "figure.sc-chart"
        )
        if job.name in fig.find("img")["src"]
    )
    code = BeautifulSoup(block.select_one("details.sc-embed code").get_text(), "html.parser").find("iframe")
    assert code["src"] == f"/{dataset.release.version}/embed/{job.name}/"
    assert code["title"] and int(code["width"]) > job.width


def test_an_indicator_page_ranks_one_cohort_and_lists_every_other_province_apart(with_charts):
    dataset, jobs, pages = with_charts
    checked = 0
    for indicator_id in dataset.indicators:
        if ("ranking", None, indicator_id, "vi") not in jobs:
            continue
        ranked = {slug for _, slug, _ in ranking(dataset, indicator_id).entries}
        with_figure = {
            slug
            for slug in dataset.provinces
            if latest_actual(dataset, own_facts(dataset.facts_for(slug)), indicator_id)
        }
        page = soup(pages, f"indicators/{indicator_id}.md")
        block = page.select_one("figure.sc-chart")
        apart = block.find_next_sibling("div", class_="sc-table-wrap") if with_figure - ranked else None
        names = {a.get_text() for a in apart.select("tbody td:first-child a")} if apart else set()
        assert names == {dataset.provinces[s].name for s in with_figure - ranked}, indicator_id
        checked += 1
    assert checked >= 10
