"""The pages' HTML comes from autoescaped Jinja2 templates: text is text, Markup is HTML this
package rendered, and the phone cards' data-label is a header's plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from jinja2 import UndefinedError
from markupsafe import Markup

from scorecard.dataset import load_dataset
from scorecard.pages import all_pages
from scorecard.pages.render import render
from scorecard.pages.tables import table

CTX = {"site_url": None, "charts_dir": "generated/charts"}
HOSTILE_NAME = 'Dịch vụ <b>toàn trình</b> & <công> "một cửa"'


def _pages(data: Path) -> dict[str, str]:
    return {page.path: page.text for page in all_pages(load_dataset(data), {}, CTX)}


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
    assert [cell["data-label"] for cell in cells] == ["a < b & c", "a < b & c"]


def test_a_row_that_does_not_fit_its_headers_is_refused():
    with pytest.raises(ValueError, match="2 cells under 1 headers"):
        table(["one"], [["a", "b"]])


def test_a_misspelt_template_value_fails_instead_of_printing_nothing():
    with pytest.raises(UndefinedError):
        render("cite.html", lang="vi")


def test_the_phone_card_label_keeps_lt_and_amp_of_a_linked_header(data_dir):
    """The home page's headline columns are indicator names (linked): their data-label is the whole name."""

    def rename(registry):
        headline = next(i for i in registry["indicators"] if i.get("headline"))
        headline["name"] = {"vi": HOSTILE_NAME, "en": HOSTILE_NAME}

    _edit(data_dir / "indicators.yaml", rename)
    for path in ("index.md", "en/index.md"):
        soup = BeautifulSoup(_pages(data_dir)[path], "html.parser")
        headline = soup.find("table")
        header = headline.find_all("th")[1]
        assert header.get_text() == HOSTILE_NAME and header.find("b") is None  # shown as text, no element
        labels = {cell["data-label"] for cell in headline.find_all("td")}
        assert HOSTILE_NAME in labels, labels
