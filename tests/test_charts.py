"""Charts: what the static SVGs show, the rows behind them, and how render() writes and caches.

A small synthetic dataset built here (not the real data/) pins every case: Lào Cai with
figures before and after the 1 July 2025 merger, a VNPT-only figure and targets; Lai
Châu (unchanged by the merger) with an actual and a target; Hà Nội with one figure.
"""

from __future__ import annotations

import csv
import io
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import altair as alt
import pytest
import vl_convert

from scorecard import charts
from scorecard.build import chart_jobs
from scorecard.charts.theme import SCHEMA_URL
from scorecard.dataset import Dataset, Fact, load_dataset
from scorecard.load import load_yaml
from scorecard.model import Indicator, Observation, Scope, Source, VocabularyFile
from scorecard.territory import ProvinceUnit, Reorganisation, Territory
from tests._vega import expressions as vega_expressions

SVG = "{http://www.w3.org/2000/svg}"
REAL_DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURE_VOCABULARY = Path(__file__).resolve().parent / "fixtures" / "minimal" / "vocabulary.yaml"

LC_FORMER = Territory("lao-cai-10", "Lào Cai", "10", current=False, unchanged=False)
LAO_CAI = ProvinceUnit(
    "lao-cai",
    "Lào Cai",
    "Tỉnh Lào Cai",
    "15",
    False,
    (LC_FORMER, Territory("yen-bai-15", "Yên Bái", "15", current=False, unchanged=False)),
)
LC_CURRENT = LAO_CAI.current_territory
LAI_CHAU = ProvinceUnit(
    "lai-chau",
    "Lai Châu",
    "Tỉnh Lai Châu",
    "12",
    False,
    (Territory("lai-chau-12", "Lai Châu", "12", current=True, unchanged=True),),
)
HA_NOI = ProvinceUnit(
    "ha-noi",
    "Hà Nội",
    "Thành phố Hà Nội",
    "01",
    True,
    (Territory("ha-noi-01", "Hà Nội", "01", current=True, unchanged=True),),
)
FIBRE = "villages_fibre_share"
PLAIN = "households_fibre_share"  # not a headline indicator: ranked, but no chart per province


def _bilingual(vi: str, en: str) -> dict:
    return {"vi": vi, "en": en}


def _indicator(
    id_: str, unit: str, comparable: bool, vi: str, en: str, higher_is_better: bool = True, headline: bool = True
) -> Indicator:
    return Indicator(
        id=id_,
        headline=headline,
        pillar="connectivity",
        unit=unit,
        name=_bilingual(vi, en),
        definition=_bilingual("định nghĩa", "definition"),
        higher_is_better=higher_is_better,
        comparable=comparable,
    )


FIGURES = [  # (province, territory, observation fields)
    ("lao-cai", LC_CURRENT, dict(indicator=PLAIN, value=70, kind="actual", as_of=2024)),
    ("lao-cai", LC_CURRENT, dict(indicator=PLAIN, value=75, kind="actual", as_of=2025)),
    ("ha-noi", HA_NOI.current_territory, dict(indicator=PLAIN, value=80, kind="actual", as_of=2025)),
    ("lao-cai", LC_FORMER, dict(indicator=FIBRE, value=95.2, kind="actual", as_of=2024)),
    ("lao-cai", LC_FORMER, dict(indicator=FIBRE, value=97, kind="actual", as_of="2025-05")),
    ("lao-cai", LC_FORMER, dict(indicator=FIBRE, value=98.1, kind="actual", as_of="2025-06", scope="vnpt_network")),
    ("lao-cai", LC_CURRENT, dict(indicator=FIBRE, value=99.6, kind="actual", as_of="2025-10-31", qualifier="nearly")),
    ("lao-cai", LC_FORMER, dict(indicator=FIBRE, value=100, kind="target", target_year=2025)),
    ("lao-cai", LC_CURRENT, dict(indicator=FIBRE, value=100, kind="target", target_year=2030)),
    ("lao-cai", LC_CURRENT, dict(indicator=FIBRE, value=55.5, kind="actual", as_of=2025, subject="national")),
    ("lao-cai", LC_FORMER, dict(indicator="base_stations_total", value=1655, unit="count", kind="actual", as_of=2024)),
    (
        "lao-cai",
        LC_CURRENT,
        dict(indicator="base_stations_total", value=3100, unit="count", kind="actual", as_of="2025-09"),
    ),
    ("lao-cai", LC_FORMER, dict(indicator="dti_rank", value=12, unit="rank", kind="actual", as_of=2023)),
    ("lao-cai", LC_FORMER, dict(indicator="dti_rank", value=8, unit="rank", kind="actual", as_of=2024)),
    ("lai-chau", LAI_CHAU.current_territory, dict(indicator=FIBRE, value=92, kind="actual", as_of="2025-10")),
    ("lai-chau", LAI_CHAU.current_territory, dict(indicator=FIBRE, value=80, kind="target", target_year=2025)),
    (
        "lai-chau",
        LAI_CHAU.current_territory,
        dict(indicator="dti_rank", value=30, unit="rank", kind="actual", as_of=2024),
    ),
    ("ha-noi", HA_NOI.current_territory, dict(indicator=FIBRE, value=98, kind="actual", as_of=2024)),
    ("ha-noi", HA_NOI.current_territory, dict(indicator=FIBRE, value=100, kind="actual", as_of=2025)),
]


def make_dataset(
    figures=FIGURES, fibre_name: str = "Tỷ lệ thôn, bản có cáp quang", publisher: str = "Báo Lào Cai"
) -> Dataset:
    """The synthetic dataset: three provinces, three indicators, one scope, one source."""
    dataset = Dataset(Path("data"), None, {}, {}, {}, {}, {})
    dataset.provinces = {unit.slug: unit for unit in (HA_NOI, LAI_CHAU, LAO_CAI)}
    dataset.reorg = Reorganisation(date(2025, 7, 1), 34)
    # The qualifiers' words ("gần") are data: the minimal tree's vocabulary.
    dataset.vocabulary = VocabularyFile.model_validate(load_yaml(FIXTURE_VOCABULARY).data)
    dataset.scopes = {
        "vnpt_network": Scope(
            id="vnpt_network", name=_bilingual("Chỉ mạng VNPT/VinaPhone", "VNPT/VinaPhone network only")
        )
    }
    dataset.indicators = {
        i.id: i
        for i in (
            _indicator(FIBRE, "percent", True, fibre_name, "Villages with fibre"),
            _indicator("base_stations_total", "count", False, "Số trạm BTS", "Base stations"),
            _indicator("dti_rank", "rank", True, "Xếp hạng DTI", "DTI rank", higher_is_better=False),
            _indicator(PLAIN, "percent", True, "Chỉ tiêu không chính", "Not a headline", headline=False),
        )
    }
    dataset.sources = {"s1": Source(id="s1", title="Bài báo", publisher=publisher)}
    for index, (slug, territory, fields) in enumerate(figures):
        observation = Observation(**{"source": "s1", "quote": "trích dẫn", "unit": "percent", **fields})
        dataset.facts.append(
            Fact(
                slug,
                observation,
                float(fields["value"]),
                False,
                territory,
                f"data/provinces/{slug}.yaml",
                index,
                index + 1,
            )
        )
    return dataset


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return make_dataset()


@pytest.fixture(scope="module")
def rendered(dataset, tmp_path_factory) -> tuple[Path, dict[str, charts.ChartJob]]:
    """Every synthetic chart rendered once into one folder (the engine starts once per test run)."""
    out = tmp_path_factory.mktemp("charts")
    jobs = list(chart_jobs(dataset).values())  # every chart, as the build enumerates them
    charts.render(jobs, out)
    return out, {job.name: job for job in jobs}


def test_only_headline_indicators_get_a_chart_per_province_but_every_comparable_one_a_ranking(rendered):
    _, jobs = rendered
    assert f"province-lao-cai-{FIBRE}-vi" in jobs and f"ranking-{FIBRE}-vi" in jobs
    assert f"ranking-{PLAIN}-vi" in jobs
    assert not [name for name in jobs if PLAIN in name and not name.startswith("ranking-")]


def svg_root(path: Path) -> ET.Element:
    return ET.parse(path).getroot()  # also proves the SVG is well-formed XML


def texts(root: ET.Element, role: str = "") -> list[str]:
    """The text of every <text> (inside groups whose class mentions ``role``)."""
    found = []
    for group in root.iter(f"{SVG}g"):
        if role in group.get("class", "") and "mark-text" in group.get("class", ""):
            found += ["".join(node.itertext()) for node in group.iter(f"{SVG}text")]
    return found


# ---------------------------------------------------------------- the province's history chart


def test_history_svg_has_the_vietnamese_title_and_vietnamese_numbers(rendered):
    out, jobs = rendered
    root = svg_root(out / "province-lao-cai-villages_fibre_share-vi.svg")
    assert "Tỷ lệ thôn, bản có cáp quang" in " ".join(texts(root, "role-title"))
    labels = texts(root, "role-mark")
    assert "≈99,6\u00a0%" in labels  # the latest figure, "nearly", Vietnamese decimal comma
    assert not any("99.6" in label for label in labels)
    assert "0" in texts(root, "role-axis-label") and "100" in texts(root, "role-axis-label")


def test_english_chart_uses_english_words_and_a_decimal_point(rendered):
    out, _ = rendered
    root = svg_root(out / "province-lao-cai-villages_fibre_share-en.svg")
    assert "Villages with fibre" in " ".join(texts(root, "role-title"))
    assert "≈99.6%" in texts(root, "role-mark")
    assert "target 100%" in texts(root, "role-mark")


def test_svg_is_exactly_the_announced_size_and_keeps_text_as_text(rendered):
    out, jobs = rendered
    for name, job in jobs.items():
        root = svg_root(out / f"{name}.svg")
        assert (root.get("width"), root.get("height")) == (str(job.width), str(job.height)), name
        assert 320 <= job.width <= 600
        text = next(root.iter(f"{SVG}text"))
        assert text.get("font-family").startswith("system-ui")


def test_lines_break_where_the_territory_changed(rendered):
    out, _ = rendered
    root = svg_root(out / "province-lao-cai-villages_fibre_share-vi.svg")
    lines = [
        path
        for group in root.iter(f"{SVG}g")
        if "mark-line" in group.get("class", "")
        for path in group.iter(f"{SVG}path")
    ]
    assert len(lines) == 3  # former Lào Cai, its VNPT-only figure, and the merged Lào Cai: never one line
    assert len({path.get("stroke") for path in lines}) == 3
    merger = next(
        line
        for group in root.iter(f"{SVG}g")
        if "mark-rule role-mark" in group.get("class", "")
        for line in group.iter(f"{SVG}line")
    )
    merger_x = float(re.search(r"translate\(([\d.]+)", merger.get("transform")).group(1))
    for path in lines:  # each series lies wholly on one side of 1 July 2025
        xs = [float(x) for x in re.findall(r"[ML]([\d.]+),", path.get("d"))]
        assert max(xs) < merger_x or min(xs) > merger_x
    legend = texts(root, "role-legend-label")
    assert "Lào Cai (trước 1/7/2025)" in legend and "Lào Cai (từ 1/7/2025)" in legend
    assert "Lào Cai (trước 1/7/2025) — Chỉ mạng VNPT/VinaPhone" in legend


def test_history_rows_alt_text_and_what_is_left_out(rendered):
    _, jobs = rendered
    job = jobs["province-lao-cai-villages_fibre_share-vi"]
    assert [row["Thời điểm"] for row in job.rows] == [
        "2024",
        "tháng 5/2025",
        "tháng 6/2025",
        "2025",
        "31/10/2025",
        "2030",
    ]
    assert 55.5 not in [row["value"] for row in job.rows]  # a national figure is not the province's
    assert [row["Loại"] for row in job.rows].count("mục tiêu") == 2
    assert "Mới nhất: gần 99,6 %, 31/10/2025" in job.alt.replace("\u00a0", " ")
    assert "Mục tiêu: 100 % năm 2025; 100 % năm 2030" in job.alt.replace("\u00a0", " ")
    assert "VNPT" in job.alt and "1/7/2025" in job.alt


def test_an_unchanged_province_has_one_series_and_no_legend(rendered):
    out, jobs = rendered
    root = svg_root(out / "province-ha-noi-villages_fibre_share-vi.svg")
    assert texts(root, "role-legend") == []
    assert "địa bàn" not in jobs["province-ha-noi-villages_fibre_share-vi"].alt


def test_a_rank_axis_puts_first_place_on_top(dataset):
    job = charts.province_indicator_chart(dataset, "lao-cai", "dti_rank", "vi")
    y_scales = [y["scale"] for y in _channels(job.spec, "y") if y.get("field") == "value"]
    assert y_scales and all(scale.get("reverse") for scale in y_scales)


def _channels(spec: dict, channel: str) -> list[dict]:
    """Every encoding of ``channel`` in a (possibly nested) layered spec."""
    found = [spec["encoding"][channel]] if channel in spec.get("encoding", {}) else []
    for layer in spec.get("layer", []):
        found += _channels(layer, channel)
    return found


def test_a_single_figure_is_no_history(dataset):
    assert charts.province_indicator_chart(dataset, "lai-chau", "dti_rank", "vi") is None


def test_nothing_to_draw_gives_none(dataset):
    assert charts.province_indicator_chart(dataset, "ha-noi", "dti_rank", "vi") is None
    assert charts.province_indicator_chart(dataset, "lao-cai", "no_such_indicator", "vi") is None
    assert charts.province_indicator_chart(dataset, "no-such-province", FIBRE, "vi") is None


# ---------------------------------------------------------------- progress (bullet) chart


def test_progress_compares_the_latest_actual_with_its_target(rendered):
    out, jobs = rendered
    job = jobs["progress-lai-chau-villages_fibre_share-vi"]
    assert [(row["Loại"], row["value"]) for row in job.rows] == [("thực tế", 92), ("mục tiêu", 80)]
    labels = texts(svg_root(out / f"{job.name}.svg"), "role-mark")
    assert "thực tế: 92\u00a0%" in labels and "mục tiêu 2025: 80\u00a0%" in labels
    assert all(x["scale"]["domain"] == [0, 100.0] for x in _channels(job.spec, "x") if "scale" in x)


def test_progress_merges_equal_targets_into_one_label(rendered):
    out, _ = rendered
    labels = texts(svg_root(out / "progress-lao-cai-villages_fibre_share-en.svg"), "role-mark")
    assert "target 2025, 2030: 100%" in labels
    assert "actual: ≈99.6%" in labels


def test_progress_needs_both_an_actual_and_a_target(dataset):
    assert charts.progress_chart(dataset, "ha-noi", FIBRE, "vi") is None  # no target
    assert charts.progress_chart(dataset, "lao-cai", "base_stations_total", "vi") is None  # no target
    only_target = make_dataset([f for f in FIGURES if f[0] == "lai-chau" and f[2]["kind"] == "target"])
    assert charts.progress_chart(only_target, "lai-chau", FIBRE, "vi") is None
    assert charts.progress_chart(dataset, "lao-cai", "dti_rank", "vi") is None  # a rank is no amount


# ---------------------------------------------------------------- ranking chart


def test_ranking_lists_provinces_best_first_with_their_territory(rendered):
    out, jobs = rendered
    job = jobs["ranking-villages_fibre_share-vi"]
    assert [(row["Hạng"], row["Tỉnh"]) for row in job.rows] == [(1, "Hà Nội"), (2, "Lào Cai"), (3, "Lai Châu")]
    assert job.rows[1]["Địa bàn"] == "Lào Cai (15), địa bàn hiện nay, từ 1/7/2025"  # as the pages name it
    root = svg_root(out / f"{job.name}.svg")
    labels = [
        node
        for group in root.iter(f"{SVG}g")
        if "role-axis-label" in group.get("class", "")
        for node in group.iter(f"{SVG}text")
        if node.text in ("Hà Nội", "Lào Cai", "Lai Châu")
    ]
    top_to_bottom = [
        node.text
        for node in sorted(
            labels, key=lambda n: float(re.search(r"translate\([\d.-]+,([\d.]+)", n.get("transform")).group(1))
        )
    ]
    assert top_to_bottom == ["Hà Nội", "Lào Cai", "Lai Châu"]
    assert {"100\u00a0%", "≈99,6\u00a0%", "92\u00a0%"} <= set(texts(root, "role-mark"))


def test_a_former_unit_is_not_ranked_against_current_provinces(rendered):
    """Lào Cai's DTI ranks describe the former Lào Cai (other land): no ranking of one province is drawn."""
    _, jobs = rendered
    assert "ranking-dti_rank-en" not in jobs


def _rank(slug: str, territory, value: int, base: int, year: int) -> tuple:
    figure = dict(indicator="dti_rank", value=value, unit="rank", denominator=base, kind="actual", as_of=year)
    return (slug, territory, figure)


def test_a_ranking_never_mixes_bases_or_years():
    """14/34 for 2024 and 30/63 for 2022 are different rankings: the cohort is one year and one base."""
    figures = [
        _rank("ha-noi", HA_NOI.current_territory, 1, 34, 2024),
        _rank("lai-chau", LAI_CHAU.current_territory, 14, 34, 2024),
        _rank("lao-cai", LAO_CAI.current_territory, 30, 63, 2022),
    ]
    cohort = charts.ranking_cohort(make_dataset(figures), "dti_rank")
    assert sorted(slug for slug, _ in cohort) == ["ha-noi", "lai-chau"]
    job = charts.ranking_chart(make_dataset(figures), "dti_rank", "en")
    assert [row["Province"] for row in job.rows] == ["Hà Nội", "Lai Châu"]
    assert "lowest first" in job.alt
    # the table reads a rank as the pages do (it printed a bare "14"); the bar's label stays short
    assert [row["Figure"] for row in job.rows] == ["rank 1 of 34", "rank 14 of 34"]
    assert [point["label"] for point in job.spec["data"]["values"]] == ["1", "14"]


def test_a_chart_prints_a_figure_as_its_page_does():
    """The decimals the source printed ("99,60%"), in the drawn label and in the table (it drew "99,6 %")."""
    figures = [
        (
            "ha-noi",
            HA_NOI.current_territory,
            dict(indicator=FIBRE, value=99.6, kind="actual", as_of=2024, quote="đạt 99,60%"),
        ),
        ("lai-chau", LAI_CHAU.current_territory, dict(indicator=FIBRE, value=80, kind="actual", as_of=2024)),
    ]
    job = charts.ranking_chart(make_dataset(figures), FIBRE, "vi")
    assert [point["label"] for point in job.spec["data"]["values"]] == ["99,60\u00a0%", "80\u00a0%"]
    assert job.rows[0]["Số liệu"] == "99,60\u00a0%" and job.rows[0]["Địa bàn"] == "không đổi địa bàn năm 2025"


def test_ranking_only_for_comparable_indicators(dataset):
    assert charts.ranking_chart(dataset, "base_stations_total", "vi") is None
    one_province = make_dataset([f for f in FIGURES if f[0] == "lai-chau"])
    assert charts.ranking_chart(one_province, FIBRE, "vi") is None


# ---------------------------------------------------------------- specs: valid, and data stays data


def test_one_spec_of_each_kind_is_valid_vega_lite(rendered):
    _, jobs = rendered
    for name in (
        "province-lao-cai-villages_fibre_share-vi",
        "progress-lai-chau-villages_fibre_share-vi",
        "ranking-villages_fibre_share-vi",
    ):
        alt.LayerChart.from_dict(jobs[name].spec, validate=True)


def test_specs_name_the_vega_lite_version_the_pinned_altair_validates():
    # specs are plain dicts now; their $schema must follow Altair (whose schema the test above checks against)
    assert SCHEMA_URL == alt.SCHEMA_URL


def test_text_from_data_stays_plain_text_and_out_ofexpressions(tmp_path):
    hostile = 'Cáp quang <script>alert(1)</script> "); alert(2); //'
    dataset = make_dataset(fibre_name=hostile, publisher='=HYPERLINK("http://x")')
    jobs = [
        charts.province_indicator_chart(dataset, "lao-cai", FIBRE, "vi"),
        charts.ranking_chart(dataset, FIBRE, "vi"),
    ]
    charts.render(jobs, tmp_path)
    for job in jobs:
        root = svg_root(tmp_path / f"{job.name}.svg")
        assert not list(root.iter(f"{SVG}script"))
        assert any("<script>" in text for text in texts(root, "role-title"))
        expressions = vega_expressions(vl_convert.vegalite_to_vega(job.spec))
        for piece in ("alert", "Lào Cai", "HYPERLINK", "Báo"):
            assert not any(piece in expr for expr in expressions), (job.name, piece)
        cells = [
            cell for row in csv.reader(io.StringIO((tmp_path / f"{job.name}.csv").read_text("utf-8"))) for cell in row
        ]
        assert '\'=HYPERLINK("http://x")' in cells


def test_vietnamese_locale_is_in_the_spec(rendered):
    _, jobs = rendered
    assert jobs["ranking-villages_fibre_share-vi"].spec["config"]["locale"]["number"]["decimal"] == ","
    assert jobs["ranking-villages_fibre_share-en"].spec["config"]["locale"]["number"]["decimal"] == "."


# ---------------------------------------------------------------- render: files, cache, determinism


def test_render_writes_three_files_per_chart_and_no_png(rendered):
    out, jobs = rendered
    for name in jobs:
        for suffix in (".svg", ".vl.json", ".csv"):
            assert (out / f"{name}{suffix}").stat().st_size > 0, name + suffix
    assert list(out.glob("*.png")) == []  # the reader's browser draws a PNG from the SVG when asked
    table = list(csv.DictReader(io.StringIO((out / "ranking-villages_fibre_share-vi.csv").read_text("utf-8"))))
    assert [row["Tỉnh"] for row in table] == ["Hà Nội", "Lào Cai", "Lai Châu"]
    assert table[1]["value"] == "99.6" and table[1]["Số liệu"] == "gần 99,6\u00a0%"


def test_cache_skips_unchanged_charts_and_redraws_changed_ones(dataset, tmp_path):
    jobs = [charts.ranking_chart(dataset, FIBRE, "vi"), charts.progress_chart(dataset, "lai-chau", FIBRE, "vi")]
    assert charts.render(jobs, tmp_path) == {"rendered": 2, "skipped": 0}
    assert charts.render(jobs, tmp_path) == {"rendered": 0, "skipped": 2}
    changed = [
        (slug, territory, {**fields, "value": 93}) if fields.get("value") == 92 else (slug, territory, fields)
        for slug, territory, fields in FIGURES
    ]
    new_jobs = [charts.ranking_chart(make_dataset(changed), FIBRE, "vi"), jobs[1]]
    assert charts.render(new_jobs, tmp_path) == {"rendered": 1, "skipped": 1}
    assert "93" in (tmp_path / "ranking-villages_fibre_share-vi.csv").read_text("utf-8")
    (tmp_path / f"{jobs[1].name}.csv").unlink()  # a missing file is drawn again
    assert charts.render(new_jobs, tmp_path) == {"rendered": 1, "skipped": 1}


def test_same_data_gives_the_same_bytes(dataset, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    jobs = [
        charts.province_indicator_chart(make_dataset(), "lao-cai", FIBRE, "vi"),
        charts.progress_chart(make_dataset(), "lao-cai", FIBRE, "en"),
    ]
    charts.render(jobs, first)
    charts.render(jobs, second)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_render_refuses_names_that_are_not_plain_file_stems(dataset, tmp_path):
    job = charts.ranking_chart(dataset, FIBRE, "vi")
    with pytest.raises(ValueError):
        charts.render([replace(job, name="../escape")], tmp_path)
    with pytest.raises(ValueError):
        charts.render([job, job], tmp_path)


# ---------------------------------------------------------------- the real data, when it is there


@pytest.mark.skipif(not any((REAL_DATA / "provinces").glob("*.yaml")), reason="no province files in data/ yet")
def test_real_data_charts_build_and_a_sample_renders(tmp_path):
    dataset = load_dataset(REAL_DATA)
    started = time.perf_counter()
    jobs = list(chart_jobs(dataset).values())
    assert jobs and len({job.name for job in jobs}) == len(jobs)
    sample = list({job.name.split("-")[0] + job.name[-3:]: job for job in jobs}.values())
    assert charts.render(sample, tmp_path)["rendered"] == len(sample)
    print(f"{len(jobs)} charts built in {time.perf_counter() - started:.1f} s; {len(sample)} rendered")
