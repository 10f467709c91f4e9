"""What articles about other provinces commonly state fits the model, so editors are never stuck:
a rank out of 34, an index score (DTI, Decision 766), a range ("60–80%"), and a national figure
quoted for comparison, kept apart from the province's own figures.

The figures below are made up for the test in a scratch copy of data/; none is ever committed.
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from scorecard.checks import check_dataset
from scorecard.dataset import load_dataset
from scorecard.export import rows
from scorecard.pages.province import province_figures_page
from tests._site import REPO

SON_LA = """\
name: Sơn La
code: "14"
observations:
  - indicator: dti_rank
    value: 12
    unit: rank
    denominator: 34
    kind: actual
    as_of: 2025-09
    source: test-source
    quote: "xếp thứ 12/34 tỉnh, thành phố"
  - indicator: dti_score
    value: 0.61
    unit: score
    kind: actual
    as_of: 2025-09
    source: test-source
    quote: "đạt 0,61 điểm DTI"
  - indicator: service_index_766_score
    value: 78.5
    unit: score
    kind: actual
    as_of: 2025-10
    source: test-source
    quote: "chỉ số phục vụ người dân, doanh nghiệp đạt 78,5 điểm"
  - indicator: online_dossiers_share
    low: 60
    high: 80
    unit: percent
    kind: target
    target_year: 2026
    source: test-source
    quote: "phấn đấu 60–80% hồ sơ trực tuyến"
  - indicator: online_dossiers_share
    value: 45
    unit: percent
    kind: actual
    as_of: 2025-10
    subject: national
    source: test-source
    quote: "cả nước đạt 45% hồ sơ trực tuyến"
"""
SOURCE = """
  - id: test-source
    title: "Bài thử"
    publisher: "Báo thử"
    url: https://example.test/bai-thu
    published: "2025-11-01"
    language: vi
"""


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    data = tmp_path_factory.mktemp("other") / "data"
    shutil.copytree(REPO / "data", data)
    (data / "provinces" / "son-la.yaml").write_text(SON_LA, encoding="utf-8")
    sources = data / "sources.yaml"
    sources.write_text(sources.read_text("utf-8").rstrip() + "\n" + SOURCE, encoding="utf-8")
    return load_dataset(data)


def test_they_validate(dataset):
    errors = [str(p) for p in check_dataset(dataset) if p.severity == "error"]
    assert errors == []
    assert len([f for f in dataset.facts_for("son-la") if f.file.endswith("son-la.yaml")]) == 5


def test_they_export_with_their_own_columns(dataset):
    son_la = [row for row in rows(dataset) if row["province"] == "son-la" and row["source"] == "test-source"]
    by_indicator = {(row["indicator"], row["subject"]): row for row in son_la}
    assert by_indicator[("dti_rank", "province")]["denominator"] == 34
    assert by_indicator[("dti_score", "province")]["value"] == 0.61
    target_range = by_indicator[("online_dossiers_share", "province")]
    assert (target_range["low"], target_range["high"], target_range["value"]) == (60, 80, None)
    assert by_indicator[("online_dossiers_share", "national")]["value"] == 45


def test_the_page_shows_them_and_keeps_the_national_figure_apart(dataset):
    page = province_figures_page(dataset, dataset.provinces["son-la"], "vi", {"site_url": None, "charts_dir": "c"})
    soup = BeautifulSoup(page.text, "html.parser")
    own, comparison = soup.select("table.sc-figures")
    own_text, comparison_text = own.get_text(" ", strip=True), comparison.get_text(" ", strip=True)
    assert "hạng 12/34" in own_text and "0,61" in own_text and "78,5" in own_text
    assert "60–80\u00a0%" in own_text
    assert "45\u00a0%" in comparison_text and "45\u00a0%" not in own_text
    assert "so sánh" in page.text  # the comparison section's heading
