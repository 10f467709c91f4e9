"""One mkdocs.yml, two builders: MkDocs (the publisher, also run by mike) and Zensical (its successor).

Both build the same generated pages. They must publish the same pages with the same text, the
same Content-Security-Policy first in every page's head, no inline script for that policy to
allow, and a search index that covers every page; in a browser, search finds a province on each
and an inline script that reached a page does not run on either.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scorecard.build import BuildError, prepare_site, run_builder
from tests._site import POLICY, SITE_URL, built_site, serve
from tests.conftest import FIXTURE, REPO

BUILDERS = ("mkdocs", "zensical")
# Where each builder writes its search index (Zensical has its own search and index format).
SEARCH_INDEX = {"mkdocs": ("search/search_index.json", "docs"), "zensical": ("search.json", "items")}
# Files that are the theme's own and differ by builder (bundles named by content hash, source maps,
# the lunr language files MkDocs' search needs, the search index, a gzipped sitemap).
THEME_ONLY = ("assets/javascripts/", "assets/stylesheets/", "search/", "search.json", "sitemap.xml.gz")
OURS = "assets/javascripts/scorecard-"  # the theme's inline scripts, as files (overrides/assets/)


def _files(site: Path) -> set[str]:
    paths = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    return {p for p in paths if p.startswith(OURS) or not p.startswith(THEME_ONLY)}


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    """The builder's pages (the embed pages are plain files the build wrote: compared byte for byte below)."""
    return {
        p.relative_to(site).as_posix(): BeautifulSoup(p.read_text("utf-8"), "html.parser")
        for p in sorted(site.rglob("*.html"))
        if not p.relative_to(site).as_posix().startswith("embed/")
    }


def test_both_builders_publish_the_embed_pages_as_the_build_wrote_them():
    mkdocs, zensical = built_site("mkdocs"), built_site("zensical")
    embeds = sorted(p.relative_to(mkdocs) for p in (mkdocs / "embed").rglob("index.html"))
    assert len(embeds) > 50
    for path in embeds:
        assert (zensical / path).read_bytes() == (mkdocs / path).read_bytes(), path
        assert POLICY in (mkdocs / path).read_text("utf-8")


def _article_text(soup: BeautifulSoup) -> str:
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    return " ".join(article.get_text(" ").split())


def test_zensical_publishes_every_file_mkdocs_publishes():
    mkdocs, zensical = _files(built_site("mkdocs")), _files(built_site("zensical"))
    assert len([p for p in mkdocs if p.endswith(".html")]) > 200
    assert sorted(mkdocs - zensical) == [] and sorted(zensical - mkdocs) == []


def test_zensical_pages_read_the_same_as_mkdocs_pages():
    mkdocs, zensical = _pages(built_site("mkdocs")), _pages(built_site("zensical"))
    for path, soup in mkdocs.items():
        assert _article_text(zensical[path]) == _article_text(soup), path
        assert zensical[path].title.string == soup.title.string, path


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_page_has_the_content_security_policy_first_in_its_head(builder):
    for path, soup in _pages(built_site(builder)).items():
        policies = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert [meta["content"] for meta in policies] == [POLICY], path
        assert soup.head.find(True) is policies[0], f"{path}: the policy must come before anything else in <head>"


@pytest.mark.parametrize("builder", BUILDERS)
def test_no_page_has_an_inline_script_so_the_policy_allows_files_from_the_site_only(builder):
    site = built_site(builder)
    for path, soup in _pages(site).items():
        for script in soup.find_all("script"):
            if script.get("type") == "application/json":
                continue  # the theme's configuration: data, never executed
            assert script.get("src"), f"{path}: inline script {str(script)[:120]}"
            assert not script.string, path
        assert soup.find("script", src=lambda src: src and "scorecard-scope.js" in src), path


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_search_index_covers_every_page(builder):
    site = built_site(builder)
    name, key = SEARCH_INDEX[builder]
    entries = json.loads((site / name).read_text("utf-8"))[key]
    indexed = {entry["location"].split("#")[0] for entry in entries}
    pages = {path.removesuffix("index.html") for path in _pages(site) if path != "404.html"}
    # left out whole (search: exclude): every figure of a province, the Changes list
    left_out = {page for page in pages if re.match(r"^(en/)?(provinces/[^/]+/figures|changes)/$", page)}
    assert len(left_out) == 68 + 2 and indexed == pages - left_out
    titles = {entry["title"] for entry in entries if entry["location"] == "provinces/lao-cai/"}
    assert titles == {"Lào Cai"}


def test_both_builders_index_the_same_sections():
    locations = {}
    for builder in BUILDERS:
        name, key = SEARCH_INDEX[builder]
        entries = json.loads((built_site(builder) / name).read_text("utf-8"))[key]
        locations[builder] = sorted(entry["location"] for entry in entries)
    assert len(locations["mkdocs"]) > 500
    assert locations["zensical"] == locations["mkdocs"]


def _sitemap_paths(site: Path) -> list[str]:
    locations = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text("utf-8"))
    return sorted(loc.removeprefix(SITE_URL.rstrip("/")) for loc in locations)


def test_both_sitemaps_list_the_same_pages():
    """Zensical 0.0.73 writes them site-relative ("/provinces/…", README: what Zensical cannot do yet)."""
    mkdocs, zensical = _sitemap_paths(built_site("mkdocs")), _sitemap_paths(built_site("zensical"))
    assert "/provinces/lao-cai/" in mkdocs
    assert zensical == mkdocs


# In a browser -----------------------------------------------------------------------------------


@pytest.fixture
def served():
    servers = []

    def start(site: Path) -> str:
        url, server = serve(site)
        servers.append(server)
        return url

    yield start
    for server in servers:
        server.shutdown()


def _open(browser, url: str):
    page = browser.new_page()
    record = {"errors": [], "failed": []}
    page.on("console", lambda message: record["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: record["errors"].append(str(error)))
    page.on("requestfailed", lambda request: record["failed"].append(request.url))
    page.on("response", lambda response: record["failed"].append(response.url) if response.status >= 400 else None)
    page.goto(url, wait_until="networkidle")
    return page, record


def _search(page, builder: str, query: str) -> list[str]:
    """Type ``query`` into the builder's search box; the addresses of the results (retyping until the index answers)."""
    if builder == "mkdocs":
        page.locator("label.md-search__icon, .md-search__input").first.click()
        box, results = page.locator("input.md-search__input"), page.locator(".md-search-result__link")
    else:  # Zensical's search dialog lives in an open shadow root, which Playwright's locators enter
        page.locator(".md-search__button").first.click()
        box, results = page.locator("input[role=combobox]"), page.locator("a[role=option]")
    for _ in range(20):
        box.fill("")
        box.type(query)
        page.wait_for_timeout(1000)
        if results.count():
            break
    # read every result in one step: the list re-renders while more results arrive
    return results.evaluate_all("links => links.map(link => link.getAttribute('href'))")


@pytest.mark.browser
@pytest.mark.parametrize("builder", BUILDERS)
def test_search_finds_lao_cai_without_diacritics(browser, served, builder):
    page, record = _open(browser, served(built_site(builder)))
    hrefs = _search(page, builder, "lao cai")
    assert any("/provinces/lao-cai/" in href for href in hrefs), hrefs
    assert record["errors"] == [] and record["failed"] == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("builder", BUILDERS)
def test_province_page_runs_the_themes_scripts_without_a_policy_error(browser, served, builder):
    base = served(built_site(builder))
    page, record = _open(browser, base + "provinces/lao-cai/")
    assert page.evaluate("__md_scope.href") == base  # the site's root, as the theme's inline script had it
    assert page.evaluate("typeof __md_get === 'function' && typeof __md_set === 'function'")
    assert record["errors"] == [] and record["failed"] == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("builder", BUILDERS)
def test_an_inline_script_that_reached_a_page_does_not_run(browser, served, builder, tmp_path):
    site = shutil.copytree(built_site(builder), tmp_path / "site")
    target = site / "provinces" / "lao-cai" / "index.html"
    html = target.read_text("utf-8")
    injected = '<script>document.documentElement.dataset.injected = "script"</script>'
    injected += '<img src="data:," onload="document.documentElement.dataset.injected = \'handler\'">'
    target.write_text(html.replace("</body>", injected + "</body>", 1), "utf-8")
    page, record = _open(browser, served(site) + "provinces/lao-cai/")
    assert page.evaluate("document.documentElement.dataset.injected") is None
    assert any("Content Security Policy" in error for error in record["errors"]), record["errors"]
    page.close()


@pytest.mark.parametrize("builder", BUILDERS)
def test_a_broken_link_stops_either_build(builder, tmp_path):
    """--strict means it on both (MkDocs 1.6 ignores warnings under --quiet, so run_builder never passes it)."""
    config = prepare_site(FIXTURE, tmp_path, REPO)
    about = tmp_path / "docs" / "about.md"
    about.write_text(about.read_text("utf-8") + "\n[broken](nowhere.md)\n", "utf-8")
    with pytest.raises(BuildError, match=r"about\.md"):
        run_builder(config, builder)
