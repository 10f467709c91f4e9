"""The data model holds what real articles about all 34 provinces say (the data-model issue).

Each case is a phrase quoted in data/ from a real source (its source id is named beside
it), written into a scratch copy of the minimal tree with the real registries, then run
through the validator's command line and, where it reads on a page, through the page
builders. The scratch source stands in for the real one so the tree stays small.
"""

from __future__ import annotations

import shutil
import textwrap

import pytest
from bs4 import BeautifulSoup

from scorecard.__main__ import main
from scorecard.checks import check_dataset
from scorecard.dataset import load_dataset
from scorecard.pages import indicator_page, national_page, province_page
from scorecard.pages.province import province_figures_page
from tests._site import REPO
from tests.conftest import Run, write

CTX = {"site_url": None, "charts_dir": "c"}
SOURCE = """\
sources:
  - id: real-phrases
    title: "Bài thử với câu trích thật"
    publisher: "Báo thử"
    url: https://example.test/real-phrases
    published: "2025-11"
    language: vi
  - id: english-source
    title: "An English edition"
    publisher: "Báo thử (English)"
    url: https://example.test/english
    published: "2024-03-15"
    language: en
"""


@pytest.fixture
def tree(data_dir):
    """The minimal tree with the real registries (indicators, units, words) and the test sources."""
    for name in ("indicators.yaml", "units.yaml", "vocabulary.yaml", "former-units.yaml"):
        shutil.copy(REPO / "data" / name, data_dir / name)
    write(data_dir, "sources/test.yaml", SOURCE)
    return data_dir


def province(slug: str, name: str, code: str, observations: str) -> str:
    return f'name: {name}\ncode: "{code}"\nobservations:\n' + textwrap.indent(textwrap.dedent(observations), "  ")


def figure(**fields) -> str:
    """One observation block from keyword fields (strings are written quoted)."""
    lines = []
    for key, value in fields.items():
        shown = f'"{value}"' if isinstance(value, str) and key in ("quote", "as_of", "since", "in_words") else value
        lines.append(f"{key}: {shown}")
    return "- " + "\n  ".join(lines) + "\n"


def run_validate(data, capsys) -> Run:
    capsys.readouterr()
    code = main(["validate", "--data", str(data)])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def check_reported(run: Run, where: str, words: list[str]) -> None:
    """The validator failed, and a line at ``where`` says every one of ``words``."""
    assert run.code == 1, run.out
    run.line_saying(where, words)


def errors_of(data) -> list[str]:
    return [str(p) for p in check_dataset(load_dataset(data)) if p.severity == "error"]


def page_text(page) -> str:
    return BeautifulSoup(page.text, "html.parser").get_text(" ", strip=True)


def province_text(dataset, slug: str) -> str:
    """What a province's two pages say: its scorecard and the page of all its figures."""
    unit = dataset.provinces[slug]
    scorecard = page_text(province_page(dataset, unit, "vi", {}, CTX))
    return scorecard + " " + page_text(province_figures_page(dataset, unit, "vi", CTX))


# ---------------------------------------------------------------- former units are never guessed

# tuyen-quang.yaml, source baohagiang-era figures: "năm 2022, tỉnh đứng thứ 57/63" style rows of the DTI 2022 table
HA_GIANG = dict(
    indicator="dti_rank", value=57, unit="rank", denominator=63, kind="actual", as_of=2022,
    source="real-phrases", quote="57 Hà Giang",
)  # fmt: skip


def test_a_pre_merger_figure_must_name_its_former_unit(tree, capsys):
    write(tree, "provinces/tuyen-quang.yaml", province("tuyen-quang", "Tuyên Quang", "08", figure(**HA_GIANG)))
    check_reported(
        run_validate(tree, capsys),
        "data/provinces/tuyen-quang.yaml:4:5:",
        ["Tuyên Quang was formed on 2025-07-01 from Tuyên Quang (territory: tuyen-quang-08), "
         "Hà Giang (territory: ha-giang-02)", "write which one it describes"],
    )  # fmt: skip


def test_former_is_ambiguous_for_a_merged_province(tree, capsys):
    # ho-chi-minh.yaml: Bình Dương figures ("Bình Dương xếp thứ 1/63 ..."), filed under the merged city
    text = figure(**HA_GIANG | {"quote": "57 Hà Giang", "territory": "former"})
    write(tree, "provinces/ho-chi-minh.yaml", province("ho-chi-minh", "Hồ Chí Minh", "79", text))
    check_reported(
        run_validate(tree, capsys),
        "data/provinces/ho-chi-minh.yaml:12:5:",
        ["'former' is ambiguous", "Bình Dương (territory: binh-duong-74)", "Bà Rịa – Vũng Tàu"],
    )


def test_a_named_former_unit_reads_on_the_page(tree):
    write(
        tree,
        "provinces/tuyen-quang.yaml",
        province("tuyen-quang", "Tuyên Quang", "08", figure(**HA_GIANG | {"territory": "ha-giang-02"})),
    )
    assert errors_of(tree) == []
    dataset = load_dataset(tree)
    text = province_text(dataset, "tuyen-quang")
    assert "Hà Giang (02), địa bàn cũ, trước 1/7/2025" in text
    assert "hạng 57/63" in text


def test_a_ranking_of_34_describes_the_current_unit_whatever_year_it_measures(tree):
    # vtcnews-2025-10-21-dti-2024: the DTI 2024 ranking of the 34 units after the merger
    rank = dict(indicator="dti_rank", value=14, unit="rank", denominator=34, kind="actual", as_of=2024,
                source="real-phrases", quote="xếp thứ 14/34")  # fmt: skip
    write(tree, "provinces/tuyen-quang.yaml", province("tuyen-quang", "Tuyên Quang", "08", figure(**rank)))
    assert errors_of(tree) == []
    (fact,) = load_dataset(tree).facts_for("tuyen-quang")
    assert fact.territory.id == "tuyen-quang" and fact.territory.current


def test_new_province_says_where_a_former_unit_goes(tree, capsys):
    assert main(["new-province", "ha-giang", "--data", str(tree)]) == 2
    err = capsys.readouterr().err
    assert "Hà Giang (code 02) is no longer a province" in err
    assert "data/provinces/tuyen-quang.yaml with territory: ha-giang-02" in err


# ---------------------------------------------------------------- whose figure it is

# dlct-dongnai-n36886-bao-cao-6-thang-2024: "cả nước đạt 42%" (dossiers handled fully online, H1 2024)
NATIONAL = """\
name: Việt Nam
observations:
  - indicator: online_dossiers_share
    value: 42
    unit: percent
    kind: actual
    since: "2024-01"
    as_of: "2024-06"
    source: real-phrases
    quote: "cả nước đạt 42%"
"""


def test_national_figures_have_their_page_and_stand_beside_the_provinces(tree):
    write(tree, "national.yaml", NATIONAL)
    assert errors_of(tree) == []
    dataset = load_dataset(tree)
    assert [f.value for f in dataset.national_facts] == [42]
    national = page_text(national_page(dataset, "vi", CTX))
    assert "42\u00a0%" in national and "từ tháng 1/2024 đến tháng 6/2024" in national and "Cả nước" in national
    indicator = page_text(indicator_page(dataset, "online_dossiers_share", "vi", {}, CTX))
    assert "Số liệu cả nước" in indicator and "cả nước đạt 42%" in indicator
    lai_chau = province_text(dataset, "lai-chau")
    assert "cả nước đạt 42%" not in lai_chau  # never a province's own figure


def test_a_figure_of_one_level_of_government_says_whose_it_is(tree):
    # tay-ninh.yaml, thanhtra-2026-01-02-tay-ninh-toan-trinh style: a share for the commune level only
    text = figure(indicator="online_dossiers_share", value=95.13, unit="percent", kind="actual",
                  as_of="2025-12", scope="commune_level", source="real-phrases", quote="cấp xã đạt 95,13%")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    assert errors_of(tree) == []
    dataset = load_dataset(tree)
    text = province_text(dataset, "lai-chau")
    assert "Lai Châu: Chỉ cấp xã" in text


# ---------------------------------------------------------------- kinds and units

CHANGES = [
    # (fields, what the page reads) — each quote is in data/ from a real source
    pytest.param(
        dict(indicator="dti_rank", value=3, unit="rank_places", quote="tăng 3 bậc, đứng thứ 20/63 tỉnh, thành phố"),
        "+3\u00a0bậc",
        id="tăng 3 bậc (baodaknong, Lâm Đồng)",
    ),
    pytest.param(
        dict(indicator="dti_rank", value=-3, unit="rank_places", quote="giảm 3 bậc so với năm 2022"),
        "-3\u00a0bậc",
        id="giảm 3 bậc is negative",
    ),
    pytest.param(
        dict(
            indicator="dti_score",
            value=0.105,
            unit="score",
            quote="cao hơn 0,105 so với mức điểm bình quân của cả nước",
        ),  # fmt: skip
        "+0,105\u00a0điểm",
        id="cao hơn 0,105 so với (a comparison, not 'more than')",
    ),
    pytest.param(
        dict(indicator="dti_score", value=8.6, unit="relative_percent", quote="tăng 8,6% so với năm 2023"),
        "+8,6\u00a0%",
        id="tăng 8,6% of a score is a relative change",
    ),
]


@pytest.mark.parametrize(("fields", "reads"), CHANGES)
def test_a_change_is_a_change_not_a_level(tree, capsys, fields, reads):
    text = figure(**fields, kind="change", as_of=2024, source="real-phrases")
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    run = run_validate(tree, capsys)
    assert run.code == 0, run.out
    assert "qualifier" not in run.out  # no 'write qualifier: more_than' on "cao hơn … so với"
    dataset = load_dataset(tree)
    page = province_text(dataset, "lai-chau")
    assert reads in page and "thay đổi" in page
    assert "Mới nhất" not in page or reads not in page.split("Mới nhất")[1].split("Mục tiêu")[0]


def test_a_change_in_a_level_unit_of_another_kind_is_refused(tree, capsys):
    text = figure(indicator="dti_score", value=8.6, unit="percent", kind="change", as_of=2024,
                  source="real-phrases", quote="tăng 8,6% so với năm 2023")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    check_reported(
        run_validate(tree, capsys),
        "data/provinces/lai-chau.yaml:6:5:",
        ["a change of 'dti_score' is stated in 'score' or in", "relative_percent", "not 'percent'"],
    )


def test_a_forecast_is_kept_apart_from_actuals(tree):
    # an-giang.yaml: "ước đạt 7,18%" of GRDP from the digital economy (an estimate of a year not closed)
    text = figure(indicator="digital_economy_grdp_share", value=7.18, unit="percent", kind="forecast",
                  target_year=2025, source="real-phrases", quote="ước đạt 7,18%")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    assert errors_of(tree) == []
    dataset = load_dataset(tree)
    page = province_text(dataset, "lai-chau")
    assert "dự kiến 2025" in page and "7,18\u00a0%" in page


def test_an_unknown_unit_names_the_units_file(tree, capsys):
    text = figure(indicator="mobile_subscribers", value=78, unit="per_100_persons", kind="actual",
                  as_of=2024, source="real-phrases", quote="78 thuê bao/100 dân")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    check_reported(
        run_validate(tree, capsys),
        "data/provinces/lai-chau.yaml:6:5:",
        ["unknown unit 'per_100_persons'", "Did you mean", "data/units.yaml"],
    )


# ---------------------------------------------------------------- ranks and scores


def test_a_top_n_group_is_not_an_exact_rank(tree, capsys):
    # baobinhthuan (lam-dong.yaml): "nằm trong nhóm 20 tỉnh, thành phố dẫn đầu cả nước"
    text = figure(indicator="dti_rank", value=20, unit="rank", qualifier="at_most", kind="target",
                  target_year=2030, source="real-phrases",
                  quote="phấn đấu đến năm 2030 nằm trong nhóm 20 tỉnh, thành phố dẫn đầu cả nước")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    run = run_validate(tree, capsys)
    assert run.code == 0 and "qualifier" not in run.out, run.out
    dataset = load_dataset(tree)
    assert "trong nhóm 20 dẫn đầu" in province_text(dataset, "lai-chau")


def test_an_exact_rank_keeps_its_base(tree, capsys):
    text = figure(indicator="dti_rank", value=41, unit="rank", kind="actual", as_of=2021, source="real-phrases",
                  quote="năm 2021, tỉnh đứng thứ 41/63 tỉnh, thành phố trong cả nước về chuyển đổi số")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    check_reported(run_validate(tree, capsys), "data/provinces/lai-chau.yaml:4:5:", ["a rank needs its base"])


SCORE = dict(indicator="dti_score", unit="score", kind="actual", as_of=2022, source="real-phrases")


def test_a_score_keeps_its_printed_precision(tree):
    # dantri-2025-10-21: "Hà Nội ... giá trị DTI đạt 0,8241"; a trailing zero must survive as printed
    text = figure(**SCORE, value=0.716, quote="DTI đạt 0,7160 điểm")
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    assert errors_of(tree) == []
    dataset = load_dataset(tree)
    assert "0,7160\u00a0điểm" in province_text(dataset, "lai-chau")


@pytest.mark.parametrize(("value", "valid"), [(0.7024, True), (0, False)])
def test_an_english_decimal_point_is_read_as_printed(tree, value, valid):
    # dti-gov-xep-hang-2022 row: "3 Quảng Ninh 0.9581 … 0.7024"
    text = figure(
        **SCORE, value=value, quote="3 Quảng Ninh 0.9581 0.9000 0.7648 0.6250 0.5382 0.8385 0.5904 0.4505 0.7024"
    )
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    assert (errors_of(tree) == []) is valid


def test_english_sources_are_read_in_english_notation(tree):
    # en editions (dak-lak.yaml): "712/1,543 level-4 services"
    text = figure(indicator="mobile_subscribers", value=1543, unit="count", kind="actual", as_of=2021,
                  source="english-source", quote="712/1,543 level-4 services")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    assert errors_of(tree) == []


def test_a_number_in_words_is_recorded_and_checked(tree, capsys):
    # baobacninh (bac-ninh.yaml): "tỉnh Bắc Ninh đứng đầu cả nước về tỷ trọng Kinh tế số"
    base = dict(indicator="dti_rank", unit="rank", denominator=63, kind="actual", as_of=2022, in_words="đứng đầu",
                source="real-phrases", quote="tỉnh Bắc Ninh đứng đầu cả nước về tỷ trọng Kinh tế số")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", figure(**base, value=1)))
    assert errors_of(tree) == []
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", figure(**base, value=2)))
    check_reported(run_validate(tree, capsys), "data/provinces/lai-chau.yaml:12:5:", ["'đứng đầu' means 1, not 2"])


@pytest.mark.parametrize(("printed", "valid"), [("36.555", True), ("36.556", True), ("36.7", False)])
def test_a_fraction_agrees_with_its_percent_to_the_printed_precision(tree, printed, valid):
    """692/1.893 = 36,5557…: a text may round (36,556) or cut (36,555), never more."""
    shown = printed.replace(".", ",")
    text = figure(indicator="online_dossiers_share", value=float(printed), numerator=692, denominator=1893,
                  unit="percent", kind="actual", as_of=2024, source="real-phrases",
                  quote=f"692/1.893 hồ sơ, đạt {shown}%")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    assert (errors_of(tree) == []) is valid


# ---------------------------------------------------------------- dates


def test_a_past_target_and_a_figure_as_reported(tree):
    past = figure(indicator="online_dossiers_share", value=30, unit="percent", kind="target", target_year=2024,
                  source="real-phrases", quote="(mục tiêu 30%)")  # fmt: skip
    now = figure(indicator="online_dossiers_share", value=69.7, unit="percent", kind="actual", period="hiện nay",
                 source="real-phrases", quote="tỷ lệ hồ sơ trực tuyến hiện nay đạt 69,7%")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", past + now))
    assert errors_of(tree) == []
    dataset = load_dataset(tree)
    page = province_text(dataset, "lai-chau")
    assert "mục tiêu 2024 (mục tiêu đã qua)" in page
    assert "theo bài đăng tháng 11/2025" in page


# ---------------------------------------------------------------- the validator, for editors at scale


def test_a_broken_source_is_one_message_not_one_per_figure(tree, capsys):
    write(
        tree,
        "sources/test.yaml",
        SOURCE.replace('publisher: "Báo thử"\n', 'publisher: "Báo thử"\n    colour: red\n', 1),
    )
    text = figure(**SCORE, value=0.7024, quote="0.7024") * 3
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    run = run_validate(tree, capsys)
    assert run.code == 1
    assert len(run.errors) == 1, run.out
    assert "unknown field 'colour'" in run.errors[0]


def test_a_repeated_warning_is_counted(tree, capsys):
    text = "".join(
        figure(
            indicator="online_dossiers_share",
            value=v,
            unit="percent",
            qualifier="about",
            kind="actual",
            as_of=2019 + v - 60,
            source="real-phrases",
            quote=f"đạt {v}%",
        )  # fmt: skip
        for v in range(60, 66)
    )
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    run = run_validate(tree, capsys)
    assert run.code == 0
    assert sum("qualifier 'about' but the quote has none" in line for line in run.lines) == 3
    assert "… and 3 more warning(s) like this one" in run.out


def test_a_tiny_valid_number_does_not_crash(tree, capsys):
    text = figure(indicator="online_dossiers_share", value="1.0e-7", unit="percent", kind="actual", as_of=2024,
                  source="real-phrases", quote="đạt 0,0000001%")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text.replace('"1.0e-7"', "1.0e-7")))
    run = run_validate(tree, capsys)
    assert "Traceback" not in run.out + run.err


def test_new_indicator_scaffolds_every_field_in_both_languages(tree, capsys):
    args = ["new-indicator", "villages_5g_share", "--pillar", "connectivity", "--unit", "percent",
            "--name-vi", "Thôn có sóng 5G", "--name-en", "Villages with 5G",
            "--definition-vi", "Tỷ lệ thôn có sóng 5G.", "--definition-en", "Share of villages with 5G.",
            "--comparable", "--data", str(tree)]  # fmt: skip
    assert main(args) == 0
    assert errors_of(tree) == []
    indicator = load_dataset(tree).indicators["villages_5g_share"]
    assert indicator.name.vi == "Thôn có sóng 5G" and indicator.definition.en == "Share of villages with 5G."
    assert indicator.comparable and indicator.higher_is_better
    assert main(args) == 1  # never twice
    assert "already exists" in capsys.readouterr().err


def test_a_merged_unit_that_kept_a_former_code_is_still_other_land(tree):
    """The merged Đà Nẵng kept code 48: its territory is not the former city's (da-nang-48)."""
    old = figure(indicator="dti_score", value=0.8335, unit="score", kind="actual", as_of=2024, territory="da-nang-48",
                 source="real-phrases", quote="Đà Nẵng 0,8335")  # fmt: skip
    new = figure(indicator="dti_score", value=0.7069, unit="score", kind="actual", as_of=2024, territory="current",
                 source="real-phrases", quote="new Da Nang achieved 0,7069")  # fmt: skip
    write(tree, "provinces/da-nang.yaml", province("da-nang", "Đà Nẵng", "48", old + new))
    assert errors_of(tree) == []  # two figures, not one source contradicting itself
    territories = [f.territory for f in load_dataset(tree).facts_for("da-nang")]
    assert [t.id for t in territories] == ["da-nang-48", "da-nang"]
    assert [t.current for t in territories] == [False, True]


def test_a_ranking_of_63_is_never_the_merged_province(tree, capsys):
    # dtigov-2022-xep-hang-tinh: a DTI 2022 row ranks a former unit, whatever file it is filed in
    text = figure(**HA_GIANG | {"territory": "current"})
    write(tree, "provinces/tuyen-quang.yaml", province("tuyen-quang", "Tuyên Quang", "08", text))
    check_reported(
        run_validate(tree, capsys),
        "data/provinces/tuyen-quang.yaml:",
        ["a ranking of 63 units was made before Tuyên Quang was formed", "Hà Giang (territory: ha-giang-02)"],
    )


def test_a_change_of_rank_is_in_rank_places(tree, capsys):
    text = figure(indicator="dti_rank", value=18, unit="rank", kind="change", as_of=2023, source="real-phrases",
                  quote="tăng 18 bậc")  # fmt: skip
    write(tree, "provinces/lai-chau.yaml", province("lai-chau", "Lai Châu", "12", text))
    check_reported(
        run_validate(tree, capsys),
        "data/provinces/lai-chau.yaml:",
        ["a change of 'dti_rank' is stated in rank_places, not 'rank'"],
    )


def test_a_misnamed_sources_key_is_one_message(tree, capsys):
    write(tree, "sources/test.yaml", SOURCE.replace("sources:", "source:", 1))
    text = figure(**SCORE, value=0.7024, quote="0.7024") * 2
    write(
        tree,
        "provinces/lai-chau.yaml",
        province("lai-chau", "Lai Châu", "12", text.replace("as_of: 2022", "as_of: 2022", 1)),
    )
    run = run_validate(tree, capsys)
    assert run.code == 1
    assert not any("unknown source" in line for line in run.errors), run.out
    assert any("data/sources/test.yaml" in line for line in run.errors)
