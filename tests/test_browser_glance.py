"""The pages at a glance in Debian's Chromium: the map, the headline cards, the compare page with and
without JavaScript, and an embed page, on the real site served on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from tests._site import open_page, real_site

pytestmark = pytest.mark.browser


def test_the_home_map_has_34_named_tile_links_reached_by_the_keyboard(browser, base_url):
    page, record = open_page(browser, base_url, viewport={"width": 360, "height": 800})
    links = page.locator("svg.sc-tm-map a")
    assert links.count() == 34
    names = [links.nth(i).evaluate("a => a.querySelector('title').textContent") for i in range(34)]
    assert all(":" in name for name in names) and len(set(names)) == 34
    assert page.locator("svg.sc-tm-map > desc").text_content().strip()
    links.first.focus()
    assert page.evaluate("document.activeElement.closest('svg') !== null")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('svg.sc-tm-map') !== null")  # the next tile, not the page
    href = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_load_state("networkidle")
    assert "/provinces/" in page.url and href.strip("./").split("/")[-2] in page.url
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert record["errors"] == []
    page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_province_page_opens_on_its_headline_cards(browser, base_url, width):
    page, record = open_page(browser, base_url + "provinces/lao-cai/", viewport={"width": width, "height": 900})
    cards = page.locator("ul.sc-cards > li")
    assert cards.count() == 5
    first = cards.first.bounding_box()
    assert first["y"] < 900  # on the first screen
    assert cards.first.locator(".sc-card-value").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    anchor = cards.first.locator(".sc-card-value a").get_attribute("href").split("#")[1]
    cards.first.locator(".sc-card-value a").click()  # to its row on the page of every figure
    page.wait_for_url(f"**/provinces/lao-cai/figures/#{anchor}")
    assert page.evaluate(f"document.getElementById('{anchor}') !== null")
    assert record["errors"] == []
    page.context.close()


def test_the_compare_page_without_javascript_shows_every_province(browser, base_url):
    page, _ = open_page(browser, base_url + "compare/", java_script_enabled=False)
    first = page.locator("table.sc-compare").first
    assert first.locator("tbody tr:visible").count() == 34
    assert page.locator(".sc-compare-picker input").count() == 0
    page.context.close()


def test_the_compare_page_with_javascript_keeps_the_chosen_provinces_and_the_address(browser, base_url):
    page, record = open_page(browser, base_url + "compare/")
    page.locator(".sc-compare-picker summary").click()
    boxes = page.locator(".sc-compare-picker input[type=checkbox]")
    assert boxes.count() == 34
    page.locator(".sc-compare-picker label", has_text="Lào Cai").locator("input").check()
    page.locator(".sc-compare-picker label", has_text="Hà Nội").locator("input").check()
    for table in page.locator("table.sc-compare").all():
        shown = [row.locator("td").first.text_content() for row in table.locator("tbody tr:visible").all()]
        assert sorted(shown) == ["Hà Nội", "Lào Cai"]
    assert "chon=" in page.url and "lao-cai" in page.url and "ha-noi" in page.url
    shared, _ = open_page(browser, page.url)  # the address alone restores the choice
    assert shared.locator("table.sc-compare").first.locator("tbody tr:visible").count() == 2
    page.get_by_role("button").filter(has_text="Hiện tất cả").click()
    assert page.locator("table.sc-compare").first.locator("tbody tr:visible").count() == 34
    assert record["errors"] == []
    shared.context.close()
    page.context.close()


def test_an_embed_page_shows_its_chart_alone_and_fetches_only_from_the_site(browser, base_url):
    page, _ = open_page(browser, base_url + "indicators/online_dossiers_share/")
    code = page.locator("details.sc-embed code").first.text_content()
    src = code.split('src="')[1].split('"')[0]
    version = json.loads((real_site() / "api" / "v1" / "index.json").read_text(encoding="utf-8"))["version"]
    assert src.startswith(f"/{version}/embed/") or f"/{version}/embed/" in src
    embed = src.split("/embed/")[1]
    requests: list[str] = []
    context = browser.new_context(viewport={"width": 420, "height": 600})
    frame = context.new_page()
    frame.on("request", lambda request: requests.append(request.url))
    frame.goto(base_url + "embed/" + embed, wait_until="networkidle")
    image = frame.locator("figure img")
    assert frame.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
    assert frame.locator("script").count() == 0
    assert all(url.startswith(base_url) for url in requests)
    name = embed.strip("/")
    fetched = sorted(url.removeprefix(base_url) for url in requests)  # the page, its chart, the site's icon
    assert fetched == sorted([f"embed/{name}/", f"generated/charts/{name}.svg", "assets/favicon.svg"])
    context.close()
    page.context.close()


def test_a_ranking_draws_the_country_figure_as_a_dashed_line(browser, base_url):
    from scorecard.dataset import load_dataset
    from scorecard.wording import figure_text, national_latest
    from tests._site import REPO

    dataset = load_dataset(REPO / "data")
    national = national_latest(dataset, "dti_score")
    page, record = open_page(browser, base_url + "indicators/dti_score/")
    image = page.locator("figure.sc-chart img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert f"Cả nước: {figure_text(dataset, national, 'vi')}" in image.get_attribute("alt")
    svg = page.request.get(image.evaluate("img => img.src")).text()
    assert 'stroke-dasharray="5,3"' in svg  # the country's line, dashed, across the bars
    assert record["errors"] == []
    page.context.close()


def test_the_api_files_a_browser_fetches_are_valid_against_the_schemas_the_site_publishes(browser, base_url):
    import jsonschema
    from referencing import Registry, Resource

    context = browser.new_context()
    fetch = context.request
    index = fetch.get(base_url + "api/v1/index.json").json()
    schemas = {}
    for name in ("figure", "index", "province", "indicator", "national"):
        schema = fetch.get(base_url + f"api/v1/schema/{name}.schema.json").json()
        schemas[schema["$id"]] = schema
    registry = Registry().with_resources((key, Resource.from_contents(value)) for key, value in schemas.items())
    for path in ("api/v1/index.json", "api/v1/provinces/lao-cai.json", "api/v1/indicators/dti_score.json"):
        document = index if path.endswith("index.json") else fetch.get(base_url + path).json()
        schema = schemas[document["$schema"].rsplit("/", 1)[-1]]
        validator = jsonschema.Draft202012Validator(schema, registry=registry)
        assert list(validator.iter_errors(document)) == [], path
    context.close()


@pytest.mark.parametrize(
    ("path", "first", "last"),
    [
        ("provinces/lao-cai/figures/", "Chỉ tiêu: ", "Trích dẫn nguyên văn: "),
        ("en/indicators/online_dossiers_share/", "Province: ", "Verbatim quote (Vietnamese): "),
    ],
)
def test_each_value_of_a_figure_card_is_shown_after_its_columns_name(browser, base_url, path, first, last):
    """The cards' column names come from generated/figures.css, by the cell's place and the page's language:
    the first and last cells of a row read as their column headers say, at 360 and 1280 px."""
    for width in (360, 1280):
        page, record = open_page(browser, base_url + path, viewport={"width": width, "height": 800})
        assert record["failed"] == []
        names = page.evaluate(
            """() => {
                const table = document.querySelector("table.sc-figures");
                const headers = [...table.querySelectorAll("thead th")].map(th => th.textContent + ": ");
                const cells = [...table.querySelector("tbody tr").children];
                const shown = cells.map(td => JSON.parse(getComputedStyle(td, "::before").content));
                return {headers, shown};
            }"""
        )
        assert names["shown"] == names["headers"], width
        assert names["shown"][0] == first and names["shown"][-1] == last
        page.emulate_media(media="print")  # printed, the table has its header row and the cells no names
        shown = page.evaluate(
            """() => getComputedStyle(document.querySelector("table.sc-figures tbody td"), "::before").content"""
        )
        assert shown == "none" and page.locator("table.sc-figures thead th").first.is_visible()
        page.context.close()
