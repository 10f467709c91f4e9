"""The pages' HTML comes from autoescaped Jinja2 templates: text is text, Markup is HTML this
package rendered, and the figure cards' column names are CSS strings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jinja2 import UndefinedError
from markupsafe import Markup

from scorecard.dataset import load_dataset
from scorecard.diff import compare, to_markdown
from scorecard.pages import all_pages
from scorecard.pages.render import render
from scorecard.pages.tables import _css_string, figures_stylesheet, table
from scorecard.wording import figure_text

CTX = {"site_url": None, "charts_dir": "generated/charts"}
HOSTILE_NAME = 'Dịch vụ <b>toàn trình</b> & <công> "một cửa"'


def _pages(data: Path) -> dict[str, str]:
    return {page.path: page.text for page in all_pages(load_dataset(data), {}, CTX)}


def _column(table, header: str) -> list[str]:
    """The texts of one column of a table, found by its header."""
    column = [th.get_text() for th in table.select("thead th")].index(header)
    return [row.find_all("td")[column].get_text() for row in table.select("tbody tr")]


def _edit(path: Path, change) -> None:
    """Change one YAML file of a copied tree (loaded and dumped again)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_table_escapes_text_cells_and_places_markup_cells():
    html = table(["a < b & c"], [["<script>alert(1)</script>"], [Markup("<em>kept</em>")]])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    cells = soup.find_all("td")
    assert cells[0].get_text() == "<script>alert(1)</script>"
    assert cells[1].find("em").get_text() == "kept"
    assert soup.find("th").get_text() == "a < b & c"


def test_a_row_that_does_not_fit_its_headers_is_refused():
    with pytest.raises(ValueError, match="2 cells under 1 headers"):
        table(["one"], [["a", "b"]])


def test_a_misspelt_template_value_fails_instead_of_printing_nothing():
    with pytest.raises(UndefinedError):
        render("cite.html", lang="vi")


def test_a_linked_header_shows_lt_and_amp_of_an_indicator_name_as_text(data_dir):
    """The home page's headline columns are indicator names (linked): a name's "<" and "&" are text."""

    def rename(registry):
        headline = next(i for i in registry["indicators"] if i.get("headline"))
        headline["name"] = {"vi": HOSTILE_NAME, "en": HOSTILE_NAME}

    _edit(data_dir / "indicators.yaml", rename)
    for path in ("index.md", "en/index.md"):
        soup = BeautifulSoup(_pages(data_dir)[path], "html.parser")
        headline = soup.find("table")
        header = headline.find_all("th")[1]
        assert header.get_text() == HOSTILE_NAME and header.find("b") is None  # shown as text, no element


# ---------------------------------------------------------------- words that are data


def test_a_units_label_is_read_from_units_yaml(data_dir):
    def relabel(units):
        rank = next(u for u in units["units"] if u["id"] == "rank")
        rank["label"] = {"vi": "vị thứ <1>", "en": "place & rank"}

    _edit(data_dir / "units.yaml", relabel)
    pages = _pages(data_dir)
    for path, label in (("indicators/index.md", "vị thứ <1>"), ("en/indicators/index.md", "place & rank")):
        rows = BeautifulSoup(pages[path], "html.parser").find_all("tr")
        rank_row = next(row for row in rows if "online_dossiers_rank" in str(row.find("a")))
        assert rank_row.find_all("td")[2].get_text() == label
    details = BeautifulSoup(pages["indicators/online_dossiers_rank.md"], "html.parser").find("dl")
    assert "vị thứ <1>" in [dd.get_text() for dd in details.find_all("dd")]


def test_a_qualifiers_words_are_read_from_vocabulary_yaml(data_dir):
    def reword(vocabulary):
        vocabulary["qualifiers"]["nearly"] = {"vi": "suýt soát", "en": "close to", "sign": "~"}

    _edit(data_dir / "vocabulary.yaml", reword)
    pages = _pages(data_dir)
    for path, label, figure in (
        ("provinces/lai-chau/figures.md", "Số liệu", "suýt soát 390.000"),
        ("en/provinces/lai-chau/figures.md", "Figure", "close to 390,000"),
    ):
        figures = _column(BeautifulSoup(pages[path], "html.parser").select_one("table.sc-figures"), label)
        assert figure in figures and not any(text.startswith(("gần", "nearly")) for text in figures)


def test_a_qualifier_without_words_is_refused_where_the_words_are(data_dir, validate):
    _edit(data_dir / "vocabulary.yaml", lambda vocabulary: vocabulary["qualifiers"].pop("nearly"))
    run = validate(data_dir)
    assert run.code != 0
    line = run.line_saying("data/vocabulary.yaml:", ["'nearly'", "qualifiers:"])
    assert re.match(r"data/vocabulary\.yaml:\d+:\d+: ", line), line


def test_an_older_version_without_qualifier_words_reads_with_the_new_ones(data_dir, tmp_path):
    """A version from before qualifiers: was in data/vocabulary.yaml still shows "gần" on the Changes page."""
    old = tmp_path / "old"
    shutil.copytree(data_dir, old)
    _edit(old / "vocabulary.yaml", lambda vocabulary: vocabulary.pop("qualifiers"))

    def drop_subscribers(province):
        province["observations"] = [o for o in province["observations"] if o["indicator"] != "mobile_subscribers"]

    _edit(data_dir / "provinces/lai-chau.yaml", drop_subscribers)
    before, after = load_dataset(old), load_dataset(data_dir)
    removed = [c for c in compare(before, after) if c.kind == "removed"]
    assert [c.old.observation.qualifier for c in removed] == ["nearly"]
    row = next(line for line in to_markdown(removed, "old", "new", lang="vi").splitlines() if "thuê bao" in line)
    assert row.split(" | ")[3] == "gần 390.000"  # the figure column (the quote says "gần" too)


def test_a_figure_read_before_the_old_version_gets_the_new_words_is_read_again(data_dir, tmp_path):
    """A figure's text is remembered once worked out; comparing with an old version that lacked the qualifiers'
    words gives that version the new words, and the texts already worked out with none are forgotten."""
    old = tmp_path / "old"
    shutil.copytree(data_dir, old)
    _edit(old / "vocabulary.yaml", lambda vocabulary: vocabulary.pop("qualifiers"))
    before, after = load_dataset(old), load_dataset(data_dir)
    nearly = next(f for f in before.facts if f.observation.qualifier == "nearly")
    assert not figure_text(before, nearly, "vi").startswith("gần")  # no words yet
    compare(before, after)
    assert figure_text(before, nearly, "vi").startswith("gần ")


@pytest.mark.parametrize(("subject", "whose"), [("national", "Cả nước"), ("ha-noi", "Hà Nội")])
def test_a_figure_of_the_country_or_another_province_says_whose_it_is(data_dir, subject, whose):
    """A province's source may give the country's figure or another province's (subject:): its row on the
    province's figures page names that one in the "Số liệu của" column, not the province."""

    def quote_other(province):
        province["observations"][0]["subject"] = subject

    _edit(data_dir / "provinces/lao-cai.yaml", quote_other)
    page = BeautifulSoup(_pages(data_dir)["provinces/lao-cai/figures.md"], "html.parser")
    others = page.select("table.sc-figures")[-1]  # the figures the province's sources give of others
    assert _column(others, "Số liệu của") == [whose]


def test_the_about_pages_licence_comes_from_the_release_record(data_dir):
    """content/about.md marks where the licence goes; the build writes data/release.yaml's licence there."""
    repo = Path(__file__).resolve().parent.parent
    written = {path: (repo / "content" / path).read_text(encoding="utf-8") for path in ("about.md", "en/about.md")}
    assert not any("CC BY" in text for text in written.values())
    assert "CC BY" not in (repo / "mkdocs.yml").read_text(encoding="utf-8")

    def relicense(release):
        release.update(license_name="ODbL <1.0>", license_url="https://example.org/odbl")

    _edit(data_dir / "release.yaml", relicense)
    pages = {p.path: p.text for p in all_pages(load_dataset(data_dir), {}, CTX, written)}
    for path, sentence in (("about.md", "giấy phép ODbL <1.0>"), ("en/about.md", "released under ODbL <1.0>")):
        soup = BeautifulSoup(pages[path], "html.parser")
        link = soup.find("a", href="https://example.org/odbl")
        assert link is not None and link.get_text() == "ODbL <1.0>"
        assert sentence in link.parent.get_text()
        assert "<!-- licence -->" not in pages[path]


def test_a_card_label_is_a_css_string_whatever_it_holds():
    """The figure cards' column names are written into a stylesheet: a quote, a backslash or a line break
    in one stays inside its string."""
    assert _css_string('say "hi" \\ now\n') == '"say \\"hi\\" \\\\ now\\a "'
    sheet = figures_stylesheet()
    assert sheet.count("::before") == 4 * 8  # two tables (with and without a province column), two languages
    assert 'td:nth-child(3):lang(vi)::before { content: "Số liệu: "; }' in sheet
    assert sheet.index("@media screen {") < sheet.index("::before") and sheet.rstrip().endswith("}")  # not in print
