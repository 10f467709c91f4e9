"""The built site: a page per province and indicator in both languages, every figure with its
quote, charts that hold their values, a citation naming the version on every page."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from scorecard import charts
from scorecard.dataset import load_dataset
from scorecard.export import export_files
from scorecard.numbers import format_number
from scorecard.pages import all_pages, province_page
from tests._site import REPO, real_site

DATASET = load_dataset(REPO / "data")
VERSION = DATASET.release.version


def page(*parts: str) -> BeautifulSoup:
    path = real_site().joinpath(*parts, "index.html")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def all_html_pages() -> list[Path]:
    return sorted(p for p in real_site().rglob("*.html") if p.name != "404.html")


@pytest.mark.parametrize("lang_prefix", ["", "en"])
def test_every_province_has_a_page_in_both_languages(lang_prefix):
    assert len(DATASET.provinces) == 34
    for slug in DATASET.provinces:
        soup = page(*(p for p in (lang_prefix, "provinces", slug) if p))
        assert soup.find("h1").get_text(strip=True) == DATASET.provinces[slug].name


@pytest.mark.parametrize("lang_prefix", ["", "en"])
def test_every_indicator_has_a_page_in_both_languages(lang_prefix):
    lang = lang_prefix or "vi"
    for indicator in DATASET.indicators.values():
        soup = page(*(p for p in (lang_prefix, "indicators", indicator.id) if p))
        assert soup.find("h1").get_text(strip=True) == getattr(indicator.name, lang)


def test_province_without_data_says_so_and_links_to_contributing():
    """Every province has figures in the real data, so the minimal tree (two provinces) stands in."""
    dataset = load_dataset(Path(__file__).parent / "fixtures" / "minimal")
    for lang, words in (("vi", "Chưa có dữ liệu"), ("en", "No data yet")):
        html = province_page(dataset, dataset.provinces["son-la"], lang, {}, {"site_url": None, "charts_dir": "c"})
        soup = BeautifulSoup(html.text, "html.parser")
        assert words in soup.get_text(" ", strip=True)
        assert any("about" in a["href"] and "contribute" in a["href"] for a in soup.find_all("a", href=True))


@pytest.mark.parametrize("slug", ["lao-cai", "lai-chau"])
def test_every_seed_figure_appears_on_its_province_page_with_its_quote(slug):
    facts = DATASET.facts_for(slug)
    assert len(facts) > 10
    quotes_on_page = [q.get_text() for q in page("provinces", slug, "figures").select("table.sc-figures q")]
    for fact in facts:
        assert fact.observation.quote in quotes_on_page, fact.observation.quote
    assert len(quotes_on_page) == len(facts)


def test_figures_show_their_qualifier_and_vietnamese_number_format():
    text = page("provinces", "lai-chau", "figures").get_text(" ", strip=True)
    assert "gần 390.000" in text
    assert "675/675 (100\u00a0%)" in text
    english = page("en", "provinces", "lai-chau", "figures").get_text(" ", strip=True)
    assert "nearly 390,000" in english


def test_lao_cai_page_separates_former_and_current_territory():
    text = page("provinces", "lao-cai", "figures").get_text(" ", strip=True)
    assert "Lào Cai (10)" in text and "Lào Cai (15)" in text
    assert "1/7/2025" in text
    assert "Lào Cai (10), trước 1/7/2025" in page("provinces", "lao-cai").get_text(" ", strip=True)  # the scorecard


@pytest.mark.parametrize(("lang_prefix", "word"), [("", "Địa bàn"), ("en", "Territory")])
def test_the_figures_table_and_the_chart_tables_name_the_territory_alike(lang_prefix, word):
    """One word for territory: the page's table and its charts' tables once said "Địa giới" and "Địa bàn"."""
    soup = page(*(p for p in (lang_prefix, "provinces", "lao-cai") if p))
    every = page(*(p for p in (lang_prefix, "provinces", "lao-cai", "figures") if p))
    figures = [th.get_text(strip=True) for th in every.select("table.sc-figures th")]
    in_charts = {th.get_text(strip=True) for th in soup.select("figure.sc-chart details th")}
    assert word in figures and word in in_charts
    assert not any("Địa giới" in header for header in figures + sorted(in_charts))


def test_chart_images_exist_with_size_and_text_alternative():
    soup = page("provinces", "lao-cai")
    images = soup.select("figure.sc-chart img")
    assert images, "the Lào Cai page shows charts"
    for img in images:
        svg = (real_site() / "provinces" / "lao-cai" / img["src"]).resolve()
        assert svg.exists(), img["src"]
        ET.parse(svg)  # well-formed SVG
        assert int(img["width"]) > 0 and int(img["height"]) > 0
        assert img["alt"].strip()
        assert img.get("loading") == "lazy"
        table = img.find_parent("figure").select_one("details table")
        assert table is not None and table.find("td") is not None


SVG = "{http://www.w3.org/2000/svg}"


def svg_labels(path: Path, role: str) -> list[tuple[str, float]]:
    """(text, y) of every <text> in the chart's text groups of ``role`` ("role-axis-label", "role-mark")."""
    found = []
    for group in ET.parse(path).getroot().iter(f"{SVG}g"):
        classes = group.get("class", "").split()
        if "mark-text" in classes and role in classes:
            for node in group.iter(f"{SVG}text"):
                y = float(re.fullmatch(r"translate\([^,]+,([^)]+)\)", node.get("transform"))[1])
                found.append(("".join(node.itertext()), y))
    return found


def test_ranking_svg_labels_each_province_with_its_value():
    """The ranking chart's bar labels are text a reader sees: Lai Châu's row says 95 %, as the data does."""
    soup = page("indicators", "villages_mobile_broadband_share")
    img = soup.select_one("figure.sc-chart img")
    assert img is not None
    svg = (real_site() / "indicators" / "villages_mobile_broadband_share" / img["src"]).resolve()
    names = dict(svg_labels(svg, "role-axis-label"))
    values = svg_labels(svg, "role-mark")
    cohort = charts.ranking_cohort(DATASET, "villages_mobile_broadband_share")
    assert len(cohort) >= 2
    for slug, fact in cohort:  # each province drawn is named on the axis, its own value on its row
        row = names[DATASET.provinces[slug].name]
        assert [text for text, y in values if abs(y - row) < 5] == [f"{format_number(fact.value, 'vi')}\u00a0%"]


def test_each_page_carries_its_citation_with_the_version():
    pages = all_html_pages()
    assert len(pages) > 200
    for path in pages:
        if path.parent.name == "search":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if path.parent.parent.name == "embed":  # a chart alone: its credit and address name the version
            assert VERSION in soup.select_one(".sc-embed-credit").get_text(), path
            assert f"https://example.test/scorecard/{VERSION}/" in soup.find("link", rel="canonical")["href"], path
            continue
        cite = soup.select_one("section.sc-cite")
        assert cite is not None, path
        assert VERSION in cite.get_text(), path
        assert f"https://example.test/scorecard/{VERSION}/" in cite.get_text(), path
        assert "@misc{" in cite.get_text()


def test_home_page_has_headlines_coverage_of_all_34_and_version():
    soup = page()
    text = soup.get_text(" ", strip=True)
    assert VERSION in text
    coverage = soup.select("table.sc-coverage tbody tr")
    assert len(coverage) == 34
    assert "Lào Cai" in coverage[0].get_text() or "Lào Cai" in coverage[1].get_text()
    assert "675/675" in text  # Lai Châu's headline: online services fully end-to-end


def test_downloads_are_published_with_the_version():
    downloads = real_site() / "generated" / "downloads"
    for name in ("observations.csv", "observations.json", "datapackage.json"):
        assert (downloads / name).stat().st_size > 0
    package = yaml.safe_load((downloads / "datapackage.json").read_text("utf-8"))
    assert package["version"] == VERSION
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    links = [a["href"] for a in page("downloads").find_all("a", href=True)]
    assert any(href.endswith("observations.csv") for href in links)


def test_the_published_data_package_is_valid_for_frictionless():
    """What a reader downloads from the site: descriptor, sizes, hashes and every cell against its type."""
    import frictionless

    report = frictionless.validate(str(real_site() / "generated" / "downloads" / "datapackage.json"))
    assert report.flatten(["type", "rowNumber", "fieldName", "message"]) == []
    assert [task.name for task in report.tasks] == ["observations", "observations-json", "indicators", "sources"]


def test_citation_cff_names_the_data_version():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text("utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert str(citation["version"]) == VERSION
    assert str(citation["date-released"]) == DATASET.release.released.isoformat()
    assert citation["authors"] and citation["title"] and citation["message"]


def test_no_page_loads_fonts_or_scripts_from_another_host():
    for path in all_html_pages()[:40]:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                if tag == "link" and {"canonical", "alternate"} & set(element.get("rel", [])):
                    continue  # names the page's own address; the browser loads nothing from it
                url = element.get(attr) or ""
                assert not url.startswith(("http:", "https:", "//")), (path, url)


def test_numbers_on_vietnamese_and_english_pages_use_their_own_format():
    assert format_number(1655, "vi") == "1.655" and format_number(99.6, "vi") == "99,6"
    vi = page("provinces", "lao-cai", "figures").get_text(" ", strip=True)
    en = page("en", "provinces", "lao-cai", "figures").get_text(" ", strip=True)
    assert "1.655/1.655" in vi and "1,655/1,655" in en


def test_every_internal_link_and_image_resolves_to_a_built_file():
    site = real_site()
    checked = 0
    for path in all_html_pages():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["a", "img", "script", "link"]):
            url = element.get("href") or element.get("src") or element.get("data-spec")
            if not url or url.startswith(("http:", "https:", "mailto:", "#", "javascript:")):
                continue
            if element.name == "link" and {"canonical", "alternate"} & set(element.get("rel", [])):
                continue
            target = (path.parent / url.split("#")[0].split("?")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file() and site.resolve() in target.parents, (path.relative_to(site), url)
            checked += 1
    assert checked > 1000


def test_downloads_page_links_every_file_with_its_checksum():
    soup = page("downloads")
    hrefs = [a["href"] for a in soup.find_all("a", href=True) if a.has_attr("download")]
    names = {href.rsplit("/", 1)[-1] for href in hrefs}
    assert {"observations.csv", "observations.json", "datapackage.json", "SHA256SUMS"} <= names
    sums = (real_site() / "generated" / "downloads" / "SHA256SUMS").read_text("utf-8")
    import hashlib

    csv_body = (real_site() / "generated" / "downloads" / "observations.csv").read_bytes()
    assert f"{hashlib.sha256(csv_body).hexdigest()}  downloads/observations.csv" in sums
    assert "  data/provinces/lao-cai.yaml" in sums


def test_bibtex_url_is_verbatim_so_underscores_stay_plain():
    cite = page("indicators", "villages_fibre_share").select_one("section.sc-cite pre").get_text()
    assert f"url = {{https://example.test/scorecard/{VERSION}/indicators/villages_fibre_share/}}" in cite


def test_the_merger_day_and_the_licence_are_read_from_data():
    """Pages print the day of data/former-units.yaml and the licence of data/release.yaml, not constants."""
    dataset = load_dataset(Path(__file__).parent / "fixtures" / "minimal")
    dataset.reorg = dataclasses.replace(dataset.reorg, merged_on=date(2025, 7, 2))
    dataset.release = dataset.release.model_copy(
        update={"license_name": "ODbL <1.0>", "license_url": "https://example.org/odbl", "license_title": "Open DB"}
    )
    ctx = {"site_url": None, "charts_dir": "c"}
    lao_cai = {lang: province_page(dataset, dataset.provinces["lao-cai"], lang, {}, ctx).text for lang in ("vi", "en")}
    assert "(2/7/2025)" in lao_cai["vi"] and "ngày 2/7/2025" in lao_cai["vi"] and "1/7/2025" not in lao_cai["vi"]
    assert "(2 July 2025)" in lao_cai["en"] and "1 July 2025" not in lao_cai["en"]
    assert "Data: ODbL <1.0>" in BeautifulSoup(lao_cai["en"], "html.parser").get_text()  # BibTeX, shown as text
    downloads = next(p.text for p in all_pages(dataset, {}, ctx) if p.path == "downloads.md")
    link = BeautifulSoup(downloads, "html.parser").find("a", href="https://example.org/odbl")
    assert link is not None and link.get_text() == "ODbL <1.0>"
    assert "CC BY" not in downloads and "giấy phép ODbL &lt;1.0&gt;:" in downloads
    package = json.loads(export_files(dataset)["datapackage.json"])
    assert package["licenses"][0]["title"] == "Open DB"
    fields = package["resources"][0]["schema"]["fields"]
    assert any("since 2025-07-02" in field["description"] for field in fields)
