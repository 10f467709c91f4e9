"""The tile map of the 34 provinces (scorecard/tilemap.py, data/tilemap.yaml): its layout, its links,
its names and legend, what it shows for "no data", escaping, determinism and the editors' messages.

Most tests draw the map of the minimal data tree (tests/fixtures/minimal) with the real layout file,
so every expected text below is written out by hand from that tree's figures. One test, marked
browser, loads a page holding the map in Chromium and presses Tab.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from scorecard.dataset import load_dataset
from scorecard.model import MAX_COLUMNS
from scorecard.tilemap import NO_DATA, SCALE, read_tilemap, tile_map, value_lines
from tests.conftest import REAL_DATA, REPO, write

LAYOUT = REAL_DATA / "tilemap.yaml"
SITE = "https://example.test/"
INDICATOR = "base_stations_total"  # the minimal tree: Lai Châu 2.104 (May 2025), Lào Cai 2.915 (former unit, undated)


@pytest.fixture
def tree(data_dir: Path) -> Path:
    """The minimal data tree with the real layout file."""
    shutil.copy(LAYOUT, data_dir / "tilemap.yaml")
    return data_dir


def soup_of(markup: str) -> BeautifulSoup:
    return BeautifulSoup(str(markup), "html.parser")


def tiles(markup) -> list:
    return soup_of(markup).select("svg.sc-tm-map a")


def names(markup) -> dict[str, str]:
    """Each tile's accessible name (its <title>), by the province slug of its link."""
    return {re.search(r"provinces/([a-z-]+)/$", a["href"])[1]: a.title.get_text() for a in tiles(markup)}


def line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if fragment in line)


# ---------------------------------------------------------------- the layout of the real data


def test_the_real_layout_places_each_of_the_34_provinces_once_on_its_own_cell():
    dataset = load_dataset(REAL_DATA)
    assert [str(p) for p in dataset.problems if p.path.endswith("tilemap.yaml")] == []
    layout = dataset.tilemap
    slugs = [tile.province for tile in layout.tiles]
    assert sorted(slugs) == sorted(dataset.provinces) and len(slugs) == 34
    assert len({(tile.row, tile.col) for tile in layout.tiles}) == 34
    assert len({tile.abbr for tile in layout.tiles}) == 34
    assert layout.columns <= MAX_COLUMNS
    assert layout.home_indicator in dataset.indicators
    by_slug = {tile.province: tile for tile in layout.tiles}  # north at the top, the south at the bottom
    assert by_slug["lai-chau"].row < by_slug["ha-noi"].row < by_slug["hue"].row < by_slug["ho-chi-minh"].row
    assert by_slug["ca-mau"].row == layout.rows - 1


# ---------------------------------------------------------------- links and names


@pytest.mark.parametrize(
    ("lang", "page_path", "page_url", "province_url"),
    [
        ("vi", "index.md", SITE, SITE + "provinces/{}/"),
        ("vi", f"indicators/{INDICATOR}.md", SITE + f"indicators/{INDICATOR}/", SITE + "provinces/{}/"),
        ("en", "en/index.md", SITE + "en/", SITE + "en/provinces/{}/"),
        ("en", f"en/indicators/{INDICATOR}.md", SITE + f"en/indicators/{INDICATOR}/", SITE + "en/provinces/{}/"),
    ],
)
def test_34_tiles_each_link_to_its_province_page_in_the_page_language(tree, lang, page_path, page_url, province_url):
    dataset = load_dataset(tree)
    links = tiles(tile_map(dataset, INDICATOR, lang, page_path))
    assert len(links) == 34
    slugs = {re.search(r"provinces/([a-z-]+)/$", a["href"])[1] for a in links}
    assert slugs == set(dataset.provinces)
    for a in links:
        slug = re.search(r"provinces/([a-z-]+)/$", a["href"])[1]
        assert not a["href"].startswith(("/", "http")), "links stay relative (the site is versioned)"
        assert urljoin(page_url, a["href"]) == province_url.format(slug)


def test_each_tile_is_named_with_the_province_its_figure_and_date_or_no_data(tree):
    dataset = load_dataset(tree)
    vi = names(tile_map(dataset, INDICATOR, "vi", "index.md"))
    assert vi["lai-chau"] == "Lai Châu: 2.104 (tháng 5/2025)"
    assert vi["lao-cai"] == "Lào Cai: 2.915 (nguồn không ghi ngày; Lào Cai (10), trước 1/7/2025)"
    assert vi["ha-noi"] == "Hà Nội: chưa có số liệu"
    en = names(tile_map(dataset, INDICATOR, "en", "en/index.md"))
    assert en["lai-chau"] == "Lai Châu: 2,104 (May 2025)"
    assert en["ha-noi"] == "Hà Nội: no data"
    shown = {
        a.title.get_text(): [t.get_text() for t in a.find_all("text")]
        for a in tiles(tile_map(dataset, INDICATOR, "vi", "index.md"))
    }
    assert shown["Lai Châu: 2.104 (tháng 5/2025)"] == ["LCh", "2.104"]
    lao_cai = "Lào Cai: 2.915 (nguồn không ghi ngày; Lào Cai (10), trước 1/7/2025)"
    assert shown[lao_cai] == ["LCa*", "2.915"]  # the * marks a former unit's figure
    assert shown["Hà Nội: chưa có số liệu"] == ["HN", "—"]


def test_a_tile_shows_the_latest_whole_province_actual_not_an_older_figure_a_target_or_one_network(tree):
    text = (tree / "provinces/lai-chau.yaml").read_text(encoding="utf-8")
    extra = """
  - indicator: base_stations_total
    value: 2500
    unit: count
    kind: actual
    as_of: 2025-09
    scope: vnpt_network
    source: dantri-2025-11-01-lai-chau
    quote: "2.500 trạm BTS"

  - indicator: base_stations_total
    value: 1900
    unit: count
    kind: actual
    as_of: 2024-01
    source: dantri-2025-11-01-lai-chau
    quote: "1.900 trạm BTS"

  - indicator: base_stations_total
    value: 3000
    unit: count
    kind: target
    target_year: 2030
    source: dantri-2025-11-01-lai-chau
    quote: "3.000 trạm BTS"
"""
    (tree / "provinces/lai-chau.yaml").write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    dataset = load_dataset(tree)
    assert names(tile_map(dataset, INDICATOR, "vi", "index.md"))["lai-chau"] == "Lai Châu: 2.104 (tháng 5/2025)"


def test_the_svg_has_a_role_a_title_and_a_one_sentence_text_alternative(tree):
    dataset = load_dataset(tree)
    svg = soup_of(tile_map(dataset, INDICATOR, "vi", "index.md")).find("svg", class_="sc-tm-map")
    assert svg["role"] == "group"
    title, desc = svg.find("title", recursive=False), svg.find("desc", recursive=False)
    assert svg["aria-labelledby"] == title["id"] and svg["aria-describedby"] == desc["id"]
    assert title.get_text() == "Trạm thu phát sóng di động (BTS): bản đồ 34 tỉnh, thành phố"
    assert desc.get_text() == (
        "2/34 tỉnh, thành phố có số liệu; cao nhất: Lào Cai (2.915); thấp nhất: Lai Châu (2.104)."
    )
    en = soup_of(tile_map(dataset, INDICATOR, "en", "en/index.md")).find("desc")
    assert en.get_text() == "2 of 34 provinces have a figure; highest: Lào Cai (2,915); lowest: Lai Châu (2,104)."


# ---------------------------------------------------------------- colours, no data, legend


def _contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        hexa = colour.lstrip("#")
        hexa = "".join(c * 2 for c in hexa) if len(hexa) == 3 else hexa
        channels = [int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_label_keeps_4_5_to_1_and_the_scale_darkens_step_by_step_in_grey():
    for fill, ink in (*SCALE, NO_DATA):
        assert _contrast(fill, ink) >= 4.5, (fill, ink)
    steps = [_contrast(fill, "#fff") for fill, _ in SCALE]
    assert all(later > earlier * 1.3 for earlier, later in zip(steps, steps[1:], strict=False)), steps


def test_no_data_tiles_are_hatched_with_a_dash_never_a_colour_of_the_scale(tree):
    dataset = load_dataset(tree)
    markup = tile_map(dataset, INDICATOR, "vi", "index.md")
    empty = [a for a in tiles(markup) if "sc-tm-n" in a["class"]]
    full = [a for a in tiles(markup) if "sc-tm-v" in a["class"]]
    assert (len(empty), len(full)) == (32, 2)
    assert {a.rect["fill"] for a in empty} == {f"url(#sc-tm-{INDICATOR}-h)"}
    assert soup_of(markup).find("pattern", id=f"sc-tm-{INDICATOR}-h") is not None
    assert {a.find_all("text")[1].get_text() for a in empty} == {"—"}
    assert {a.rect["fill"] for a in full} == {SCALE[0][0], SCALE[-1][0]}  # the lowest light, the highest dark


def test_the_legend_is_html_with_each_class_range_as_printed_and_the_no_data_count(tree):
    dataset = load_dataset(tree)
    legend = soup_of(tile_map(dataset, INDICATOR, "vi", "index.md")).find("figcaption")
    rows = [" ".join(li.get_text().split()) for li in legend.select("ul.sc-tm-key li")]
    assert rows == ["2.104 (1 tỉnh)", "2.915 (1 tỉnh)", "chưa có số liệu (32 tỉnh)"]
    notes = [p.get_text() for p in legend.select("p.sc-tm-note")]
    assert "Màu càng đậm, số liệu càng cao." in notes
    assert "*: số liệu của đơn vị cũ, trước 1/7/2025." in notes
    assert not any("thấp hơn là tốt hơn" in note for note in notes)
    en = soup_of(tile_map(dataset, INDICATOR, "en", "en/index.md")).find("figcaption")
    assert [" ".join(li.get_text().split()) for li in en.select("li")][-1] == "no data (32 provinces)"


def test_a_lower_is_better_indicator_says_so_in_the_legend_and_keeps_its_colours(tree):
    dataset = load_dataset(tree)
    legend = soup_of(tile_map(dataset, "online_dossiers_rank", "vi", "index.md")).find("figcaption")
    notes = [p.get_text() for p in legend.select("p.sc-tm-note")]
    assert "Với chỉ tiêu này, số thấp hơn là tốt hơn." in notes
    assert "Màu càng đậm, số liệu càng cao." in notes


def test_an_indicator_not_comparable_across_provinces_is_not_shaded_by_value(tree):
    write(
        tree,
        "provinces/lao-cai.yaml",
        (tree / "provinces/lao-cai.yaml").read_text(encoding="utf-8")
        + """
  - indicator: procedure_cost_savings
    value: 5000000000
    unit: VND
    kind: actual
    period: Đến nay
    territory: lao-cai-10
    source: baolaocai-tao-dot-pha-ha-tang-so
    quote: "tiết kiệm 5 tỷ đồng"
""",
    )
    dataset = load_dataset(tree)
    assert dataset.errors() == []
    markup = tile_map(dataset, "procedure_cost_savings", "vi", "index.md")
    full = [a for a in tiles(markup) if "sc-tm-v" in a["class"]]
    assert len(full) == 2 and len({a.rect["fill"] for a in full}) == 1
    assert "không so sánh được" in soup_of(markup).find("figcaption").get_text()
    assert soup_of(markup).find("desc").get_text() == "2/34 tỉnh, thành phố có số liệu."


def test_a_long_value_goes_on_two_lines_at_a_space_not_squeezed_unreadably():
    assert [line for line, _, _ in value_lines("≈\u00a023,6 tỷ đồng")] == ["≈\u00a023,6", "tỷ đồng"]
    assert all(size >= 10 and not squeezed for _, size, squeezed in value_lines("≈\u00a023,6 tỷ đồng"))
    ((line, size, squeezed),) = value_lines("97,92\u00a0%")  # a percent stays on one line
    assert (line, squeezed) == ("97,92\u00a0%", False) and 12 <= size <= 13


# ---------------------------------------------------------------- escaping and determinism


def test_hostile_names_letters_and_indicator_names_are_shown_as_text(tree):
    text = (tree / "tilemap.yaml").read_text(encoding="utf-8").replace("abbr: HN}", 'abbr: "<i>&"}')
    (tree / "tilemap.yaml").write_text(text, encoding="utf-8")
    indicators = (tree / "indicators.yaml").read_text(encoding="utf-8")
    hostile = '<script>alert("x")</script>'
    indicators = indicators.replace("name: {vi: Trạm thu phát sóng di động (BTS),", f"name: {{vi: '{hostile} BTS',", 1)
    (tree / "indicators.yaml").write_text(indicators, encoding="utf-8")
    dataset = load_dataset(tree)
    assert dataset.errors() == []
    unit = dataset.provinces["lai-chau"]
    dataset.provinces["lai-chau"] = dataclasses.replace(unit, name=f'{hostile}"><b onmouseover="x')
    markup = str(tile_map(dataset, INDICATOR, "vi", "index.md"))
    assert "<script" not in markup and "<i>" not in markup and "<b " not in markup
    assert "&lt;script&gt;" in markup
    soup = soup_of(markup)
    assert soup.find("svg").title.get_text() == f"{hostile} BTS: bản đồ 34 tỉnh, thành phố"
    assert names(markup)["lai-chau"] == f'{hostile}"><b onmouseover="x: 2.104 (tháng 5/2025)'
    assert [a.find("text").get_text() for a in tiles(markup) if a["href"].endswith("ha-noi/")] == ["<i>&"]


def test_the_same_data_gives_the_same_bytes_with_no_blank_line_for_markdown_to_split(tree):
    first = str(tile_map(load_dataset(tree), INDICATOR, "vi", "index.md"))
    second = str(tile_map(load_dataset(tree), INDICATOR, "vi", "index.md"))
    assert first == second
    assert "\n\n" not in first and first.startswith("<figure") and first.endswith("</figure>")


# ---------------------------------------------------------------- the editors' messages


@pytest.mark.parametrize(
    ("old", "new", "at", "words"),
    [
        ("province: ha-noi,", "province: lai-chau,", "province: lai-chau, row: 2", ["lai-chau already has a tile"]),
        ("province: ha-noi,", "province: lai-chau,", "tiles:", ["Hà Nội (ha-noi) has no tile"]),
        ("row: 2, col: 3,", "row: 0, col: 1,", "province: ha-noi", ["row 0, col 1 already holds a tile", "line"]),
        (
            "province: lao-cai,",
            "province: lao-kai,",
            "province: lao-kai",
            ["'lao-kai' is not a current unit", "lao-cai"],
        ),
        ("abbr: HN}", "abbr: LCh}", "province: ha-noi", ["the letters 'LCh' are already another tile's"]),
        (
            "row: 2, col: 3, abbr: HN",
            "row: 2, col: 7, abbr: HN",
            "province: ha-noi",
            ["'col'", "from 0 (the left) to 6"],
        ),
        (
            "home_indicator: online_dossiers_share",
            "home_indicator: online_dosiers_share",
            "home_indicator",
            ["is not an indicator", "online_dossiers_share"],
        ),
    ],
)
def test_a_broken_layout_is_reported_at_its_file_line_and_column(tree, validate, old, new, at, words):
    text = LAYOUT.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    (tree / "tilemap.yaml").write_text(text, encoding="utf-8")
    run = validate(tree)
    assert run.code != 0
    line = line_of(text, at)
    found = run.line_saying(f"data/tilemap.yaml:{line}:", words)
    assert re.match(r"data/tilemap\.yaml:\d+:\d+: ", found)
    layout, problems = read_tilemap(load_dataset(tree))
    assert layout is None and problems


def test_a_layout_that_is_not_yaml_is_reported_at_its_line(tree, validate):
    (tree / "tilemap.yaml").write_text("home_indicator: x\ntiles:\n  - {province: ha-noi, row: 1\n", encoding="utf-8")
    run = validate(tree)
    assert any(line.startswith("data/tilemap.yaml:") and "YAML syntax" in line for line in run.errors), run.out


# ---------------------------------------------------------------- in a browser


@pytest.mark.browser
def test_tab_moves_the_keyboard_focus_onto_a_tile_link_with_a_visible_ring_and_its_name(browser, tree, tmp_path):
    dataset = load_dataset(tree)
    css = (REPO / "docs/assets/scorecard.css").read_text(encoding="utf-8")
    page_file = tmp_path / "map.html"
    page_file.write_text(
        "<!doctype html><html lang='vi'><meta charset='utf-8'><title>map</title>"
        f"<style>{css}</style><main>{tile_map(dataset, INDICATOR, 'vi', 'index.md')}</main></html>",
        encoding="utf-8",
    )
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(page_file.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing overflows on a phone
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const a = document.activeElement; const r = a.querySelector('rect');"
        " const s = getComputedStyle(r); return [a.tagName, a.getAttribute('href'), s.stroke, s.strokeWidth]; })()"
    )
    assert focused == ["a", "provinces/lai-chau/", "rgb(0, 0, 0)", "4px"]  # the first tile, ringed in black
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "provinces/lao-cai/"
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    links = [n["name"]["value"] for n in nodes if n.get("role", {}).get("value") == "link" and "name" in n]
    assert len(links) == 34
    assert "Lai Châu: 2.104 (tháng 5/2025)" in links and "Hà Nội: chưa có số liệu" in links
    page.close()
