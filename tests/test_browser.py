"""The built site in a real browser (Debian's Chromium driven by Playwright), served on 127.0.0.1.

Chromium is installed by .ci/run (apt-get install chromium); these tests fail, not skip,
when it is missing, so a green run always means a browser really looked.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests._site import open_page

pytestmark = pytest.mark.browser  # pytest -m "not browser" runs the rest without Chromium

PAGES = {
    "home": "",
    "province": "provinces/lao-cai/",
    "indicator": "indicators/villages_mobile_broadband_share/",
    "province-en": "en/provinces/lai-chau/",
    "sources": "sources/",
    "empty-province": "provinces/son-la/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_errors_and_stays_on_the_site(browser, base_url, name):
    page, record = open_page(browser, base_url + PAGES[name])
    page.mouse.wheel(0, 20000)  # bring lazy images into view so they load too
    page.wait_for_load_state("networkidle")
    assert record["errors"] == []
    assert record["failed"] == []
    assert record["requests"]
    for url in record["requests"]:
        assert urlparse(url).hostname == "127.0.0.1", url
    page.context.close()


def test_without_javascript_the_province_page_shows_every_figure_chart_and_table(browser, base_url):
    every, _ = open_page(browser, base_url + PAGES["province"] + "figures/", java_script_enabled=False)
    quotes = every.locator("table.sc-figures q")
    assert quotes.count() == len(real_site_facts("lao-cai"))
    assert quotes.first.is_visible()
    every.context.close()
    page, _ = open_page(browser, base_url + PAGES["province"], java_script_enabled=False)
    page.get_by_role("link", name=re.compile(r"^Tất cả \d+ số liệu")).click()  # the way to every figure
    assert page.url == base_url + PAGES["province"] + "figures/"
    page.go_back()
    images = page.locator("figure.sc-chart img")
    assert images.count() > 0
    first = images.first
    first.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=first.element_handle())
    assert page.locator("details.sc-data table").count() == images.count()
    assert page.locator("button.sc-interactive:visible").count() == 0  # nothing to click without JS
    assert page.locator(".sc-png button:visible").count() == 0  # the PNG is drawn by the browser, on request
    page.context.close()


def real_site_facts(slug):
    from scorecard.dataset import load_dataset
    from tests._site import REPO

    return load_dataset(REPO / "data").facts_for(slug)


def test_interactive_chart_opens_on_click_and_draws(browser, base_url):
    page, record = open_page(browser, base_url + PAGES["province"])
    button = page.locator("button.sc-interactive").first
    button.scroll_into_view_if_needed()
    assert button.is_visible()
    button.click()
    drawn = page.locator("figure.sc-chart .sc-vega svg, figure.sc-chart .sc-vega canvas").first
    drawn.wait_for(state="attached", timeout=15000)
    assert record["errors"] == []
    vendor = [url for url in record["requests"] if "/assets/vendor/" in url]
    assert len(vendor) == 4 and all(urlparse(url).hostname == "127.0.0.1" for url in vendor)
    page.context.close()


def test_a_chart_downloads_as_a_png_drawn_by_the_browser_at_twice_its_size(browser, base_url):
    page, record = open_page(browser, base_url + PAGES["province"], accept_downloads=True)
    figure = page.locator("figure.sc-chart").first
    button = figure.locator(".sc-png button")
    button.scroll_into_view_if_needed()
    width = int(figure.locator("img").get_attribute("width"))
    with page.expect_download() as waiting:
        button.click()
    download = waiting.value
    name = download.suggested_filename
    assert name == button.get_attribute("data-name") and name.endswith(".png")
    png = Path(download.path()).read_bytes()
    assert png.startswith(b"\x89PNG") and int.from_bytes(png[16:20], "big") == 2 * width  # the IHDR width
    assert record["errors"] == []
    page.context.close()


def test_language_switch_goes_to_the_same_page_in_the_other_language(browser, base_url):
    page, _ = open_page(browser, base_url + PAGES["province"])
    page.locator("p.sc-langswitch a").click()
    page.wait_for_load_state()
    assert page.url == base_url + "en/provinces/lao-cai/"
    assert page.locator("h1").inner_text() == "Lào Cai"
    page.locator("p.sc-langswitch a").click()
    page.wait_for_load_state()
    assert page.url == base_url + "provinces/lao-cai/"
    page.context.close()


def test_header_language_menu_links_the_same_page(browser, base_url):
    page, _ = open_page(browser, base_url + "en/indicators/villages_fibre_share/")
    links = page.locator(".md-select__link[hreflang='vi']")
    href = links.first.get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + href if not href.startswith("http") else href)
    assert page.url.endswith("/indicators/villages_fibre_share/") and "/en/" not in page.url
    page.context.close()


@pytest.mark.parametrize("query", ["lao cai", "Lào Cai"])
def test_search_finds_lao_cai_with_or_without_diacritics(browser, base_url, query):
    assert "provinces/lao-cai" in first_result(browser, base_url, query, "Lào Cai")


@pytest.mark.parametrize("query", ["chuyen doi so", "chuyển đổi số"])
def test_search_finds_the_scorecard_with_or_without_diacritics(browser, base_url, query):
    assert first_result(browser, base_url, query, "chuyển đổi số")


@pytest.mark.parametrize(("query", "title"), [("cap quang", "cáp quang"), ("fibre", "fibre")])
def test_search_finds_an_indicator_with_or_without_diacritics_in_either_language(browser, base_url, query, title):
    href = first_result(browser, base_url, query, title)
    assert "indicators/" in href and "fibre" in href


def first_result(browser, base_url, query, has_text):
    """The address of the first search result whose text holds ``has_text`` (retyping until the index answers)."""
    page, _ = open_page(browser, base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search_box = page.locator("input.md-search__input")
    result = page.locator(".md-search-result__link", has_text=has_text).first
    for _ in range(20):  # the search worker loads its index on first use; retype until it answers
        search_box.fill("")
        search_box.type(query)
        page.wait_for_timeout(1000)
        if result.count():
            break
    href = result.get_attribute("href") if result.count() else ""
    page.context.close()
    return href


@pytest.mark.parametrize("name", ["home", "province", "indicator", "sources"])
def test_nothing_overflows_horizontally_on_a_360px_phone(browser, base_url, name):
    page, _ = open_page(browser, base_url + PAGES[name], viewport={"width": 360, "height": 740})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.context.close()
