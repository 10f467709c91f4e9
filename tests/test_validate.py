"""The validator: every kind of wrong figure is reported at its exact place, in plain words.

Each case writes one small province file into a copy of the minimal tree, runs
``python -m scorecard validate --data DIR`` and checks the ``path:line:column:`` and
the key words of the line that reports the problem. Line 1-3 of each province file is
its head (name, code, ``observations:``), so the first figure starts on line 4.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import pytest
from conftest import REAL_DATA, REPO, tree_hashes, write

from scorecard.dataset import load_dataset

LAI_CHAU = "provinces/lai-chau.yaml"
LAO_CAI = "provinces/lao-cai.yaml"
DANTRI = "dantri-2025-11-01-lai-chau"  # published 2025-11-01
BAOLAOCAI = "baolaocai-tao-dot-pha-ha-tang-so"  # no date printed


def _observations(text: str) -> str:
    """The observations block as an editor writes it: '  - indicator:' then keys at column 5."""
    return textwrap.indent(textwrap.dedent(text), "  ")


def lai_chau(observations: str) -> str:
    return 'name: Lai Châu\ncode: "12"\nobservations:\n' + _observations(observations)


def lao_cai(observations: str) -> str:
    return 'name: Lào Cai\ncode: "15"\nobservations:\n' + _observations(observations)


def check_reported(run, where: str, words: list[str]) -> None:
    """The validator failed, and a line at ``where`` says every one of ``words``."""
    assert run.code == 1, run.out
    run.line_saying(where, words)


# ---------------------------------------------------------------- shape of one figure

SHAPE_CASES = [
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: "92"
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:5:5:",
        ["'value' must be a number, not '92'", "remove the quotes"],
        id="number in quotes",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 99,6
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "99,6% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:5:5:",
        ["'value' must be a number, not '99,6'", "write 99,6 as 99.6"],
        id="vietnamese decimal comma in a value",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 100
            unit: percent
            kind: target
            target_year: "2030"
            source: {DANTRI}
            quote: "100% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:8:5:",
        ["'target_year' must be a whole number, not '2030'", "remove the quotes"],
        id="year in quotes",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 92
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
        """),
        "data/provinces/lai-chau.yaml:4:5:",
        ["the field 'quote' is missing"],
        id="missing quote",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            valeu: 92
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:5:5:",
        ["unknown field 'valeu'", "did you mean 'value'?"],
        id="unknown field",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 92
            unit: percent
            qualifier: approximately
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:7:5:",
        ["'approximately' is not allowed for 'qualifier'", "about"],
        id="unknown qualifier",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 92
            unit: percent
            kind: actual
            as_of: 2025-13
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:8:5:",
        ["2025-13 is not a real date"],
        id="impossible as_of",
    ),
    pytest.param(
        "name: Lai Châu\ncode: 12\nobservations: []\n",
        "data/provinces/lai-chau.yaml:2:1:",
        ["'code' must be text, not 12"],
        id="code without quotes",
    ),
]


@pytest.mark.parametrize(("text", "where", "words"), SHAPE_CASES)
def test_wrong_shape_is_reported(data_dir, validate, text, where, words):
    write(data_dir, LAI_CHAU, text)
    check_reported(validate(data_dir), where, words)


# ---------------------------------------------------------------- references to the registries

REFERENCE_CASES = [
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossier_share
            value: 92
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:4:5:",
        ["unknown indicator 'online_dossier_share'", "Did you mean 'online_dossiers_share'?"],
        id="unknown indicator",
    ),
    pytest.param(
        lai_chau("""\
          - indicator: online_dossiers_share
            value: 92
            unit: percent
            kind: actual
            period: Hiện
            source: dantri-2025-11-01-lai-chou
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:9:5:",
        ["unknown source 'dantri-2025-11-01-lai-chou'", f"Did you mean '{DANTRI}'?"],
        id="unknown source",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: mobile_subscribers
            value: 390000
            unit: count
            qualifier: nearly
            kind: actual
            as_of: 2025-05
            scope: vnpt_netwrok
            source: {DANTRI}
            quote: "gần 390.000 thuê bao di động"
        """),
        "data/provinces/lai-chau.yaml:10:5:",
        ["unknown scope 'vnpt_netwrok'", "Did you mean 'vnpt_network'?"],
        id="unknown scope",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 92
            unit: count
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:6:5:",
        ["the unit of 'online_dossiers_share' is 'percent', not 'count'"],
        id="unit differs from the indicator's",
    ),
]


@pytest.mark.parametrize(("text", "where", "words"), REFERENCE_CASES)
def test_unknown_reference_is_reported_with_a_suggestion(data_dir, validate, text, where, words):
    write(data_dir, LAI_CHAU, text)
    check_reported(validate(data_dir), where, words)


# ---------------------------------------------------------------- impossible values and dates

IMPOSSIBLE_CASES = [
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 920
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "920% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:5:5:",
        ["value 920 is outside 0–100 for a percent"],
        id="percent above 100",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: -5
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "-5% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:5:5:",
        ["value -5 is outside 0–100"],
        id="negative percent",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_services_end_to_end
            unit: percent
            numerator: 676
            denominator: 675
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "676/675 dịch vụ công trực tuyến toàn trình"
        """),
        "data/provinces/lai-chau.yaml:6:5:",
        ["numerator 676 is above its denominator 675"],
        id="numerator above denominator",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: base_stations_5g
            value: -55
            unit: count
            kind: actual
            as_of: 2025-05
            source: {DANTRI}
            quote: "2.104 trạm BTS (55 trạm 5G)"
        """),
        "data/provinces/lai-chau.yaml:5:5:",
        ["value -55 is negative; a count cannot be"],
        id="negative count",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 92
            unit: percent
            kind: actual
            as_of: 2099-05
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:8:5:",
        ["as_of 2099-05 is in the future", "is it a target?"],
        id="actual dated in the future",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 92
            unit: percent
            kind: actual
            source: {BAOLAOCAI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:4:5:",
        ["this figure needs as_of"],
        id="actual without a date from an undated source",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_rank
            value: 70
            unit: rank
            denominator: 63
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "đứng thứ 70/63 tỉnh"
        """),
        "data/provinces/lai-chau.yaml:5:5:",
        ["rank 70 is beyond the 63 ranked"],
        id="rank beyond those ranked",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:4:5:",
        ["no figure: give value:"],
        id="no figure at all",
    ),
]


@pytest.mark.parametrize(("text", "where", "words"), IMPOSSIBLE_CASES)
def test_impossible_value_is_reported(data_dir, validate, text, where, words):
    write(data_dir, LAI_CHAU, text)
    check_reported(validate(data_dir), where, words)


def test_future_is_judged_against_source_date_epoch(data_dir, validate, monkeypatch):
    """With SOURCE_DATE_EPOCH at 2025-03-01, the fixture's May 2025 figures lie in the future."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2025, 3, 1, 12, tzinfo=UTC).timestamp())))
    run = validate(data_dir)
    check_reported(run, "data/provinces/lai-chau.yaml:26:5:", ["as_of 2025-05 is in the future"])
    assert sum("is in the future" in line for line in run.errors) == 3  # stations, 5G stations, subscribers


# ---------------------------------------------------------------- figures checked against each other

CROSS_CASES = [
    pytest.param(
        lao_cai(f"""\
          - indicator: villages_mobile_broadband_share
            value: 96.4
            unit: percent
            qualifier: about
            numerator: 1562
            denominator: 1568
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "1.562/1.568 (khoảng 99,6%) trung tâm thôn [...]; 1.512/1.568 (khoảng 96,4%) thôn"
        """),
        "data/provinces/lao-cai.yaml:5:5:",
        ["value 96.4% disagrees with 1562/1568 = 99.62%"],
        id="percent disagrees with its own fraction",
    ),
    pytest.param(
        lao_cai(f"""\
          - indicator: base_stations_total
            value: 2915
            unit: count
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "2.915 trạm thu phát sóng thông tin di động"
          - indicator: base_stations_2g
            value: 835
            unit: count
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "766 trạm 2G, 835 trạm 3G, 1.309 trạm 4G và 5 trạm 5G"
          - indicator: base_stations_3g
            value: 835
            unit: count
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "766 trạm 2G, 835 trạm 3G, 1.309 trạm 4G và 5 trạm 5G"
          - indicator: base_stations_4g
            value: 1309
            unit: count
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "766 trạm 2G, 835 trạm 3G, 1.309 trạm 4G và 5 trạm 5G"
          - indicator: base_stations_5g
            value: 5
            unit: count
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "766 trạm 2G, 835 trạm 3G, 1.309 trạm 4G và 5 trạm 5G"
        """),
        "data/provinces/lao-cai.yaml:5:5:",
        ["the parts do not add up", "= 2,984", "base_stations_total is 2,915"],
        id="parts do not add up to the total",
    ),
    pytest.param(
        lao_cai(f"""\
          - indicator: base_stations_total
            value: 2915
            unit: count
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "2.915 trạm thu phát sóng thông tin di động"
          - indicator: base_stations_5g
            value: 5309
            unit: count
            kind: actual
            period: Đến nay
            territory: lao-cai-10
            source: {BAOLAOCAI}
            quote: "766 trạm 2G, 835 trạm 3G, 1.309 trạm 4G và 5.309 trạm 5G"
        """),
        "data/provinces/lao-cai.yaml:5:5:",
        ["the parts do not add up", "base_stations_5g = 5,309"],
        id="a part alone above the total",
    ),
    pytest.param(
        lai_chau(f"""\
          - indicator: online_dossiers_share
            value: 92
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "92% hồ sơ xử lý trực tuyến"
          - indicator: online_dossiers_share
            value: 95
            unit: percent
            kind: actual
            period: Hiện
            source: {DANTRI}
            quote: "95% hồ sơ xử lý trực tuyến"
        """),
        "data/provinces/lai-chau.yaml:12:5:",
        ["the same source already gives online_dossiers_share = 92", "(line 4)"],
        id="same source gives two values",
    ),
]


@pytest.mark.parametrize(("text", "where", "words"), CROSS_CASES)
def test_figures_that_disagree_are_reported(data_dir, validate, text, where, words):
    relative = LAO_CAI if text.startswith("name: Lào Cai") else LAI_CHAU
    write(data_dir, relative, text)
    check_reported(validate(data_dir), where, words)


@pytest.mark.parametrize(
    ("quote", "qualifier"),
    [
        ("gần 92% hồ sơ xử lý trực tuyến", "nearly"),
        ("hơn 92% hồ sơ xử lý trực tuyến", "more_than"),
        ("khoảng 92% hồ sơ xử lý trực tuyến", "about"),
        ("tối thiểu 92% hồ sơ xử lý trực tuyến", "at_least"),
    ],
    ids=["gần", "hơn", "khoảng", "tối thiểu"],
)
def test_qualifier_word_before_an_exact_figure_is_a_warning(data_dir, validate, quote, qualifier):
    figure = f"""\
      - indicator: online_dossiers_share
        value: 92
        unit: percent
        kind: actual
        period: Hiện
        source: {DANTRI}
        quote: "{quote}"
    """
    write(data_dir, LAI_CHAU, lai_chau(figure))
    run = validate(data_dir)
    assert run.code == 0, run.out
    line = run.line_starting("data/provinces/lai-chau.yaml:4:5: warning: ")
    assert f"write qualifier: {qualifier}" in line


def test_an_exact_figure_after_no_qualifier_word_gives_no_such_warning(data_dir, validate):
    write(
        data_dir,
        LAI_CHAU,
        lai_chau(f"""\
      - indicator: online_dossiers_share
        value: 92
        unit: percent
        kind: actual
        period: Hiện
        source: {DANTRI}
        quote: "92% hồ sơ xử lý trực tuyến, hơn năm trước"
    """),
    )
    run = validate(data_dir)
    assert run.code == 0 and "write qualifier" not in run.out


def test_repeated_figure_is_only_a_warning(data_dir, validate):
    one = f"""\
      - indicator: online_dossiers_share
        value: 92
        unit: percent
        kind: actual
        period: Hiện
        source: {DANTRI}
        quote: "92% hồ sơ xử lý trực tuyến"
    """
    write(data_dir, LAI_CHAU, lai_chau(textwrap.dedent(one) * 2))
    run = validate(data_dir)
    assert run.code == 0, run.out
    line = run.line_starting("data/provinces/lai-chau.yaml:11:5: warning: ")
    assert "repeats the figure on line 4" in line


@pytest.mark.parametrize(
    ("value", "qualifier", "passes"),
    [
        pytest.param("99.6", "about", True, id="99,6 about 1562/1568"),
        pytest.param("99.6", "exact", True, id="99,6 exact 1562/1568 (rounded to one decimal)"),
        pytest.param("99.62", "exact", True, id="99,62 exact (rounded to two decimals)"),
        pytest.param("99.7", "about", True, id="99,7 about is within one point"),
        pytest.param("99.7", "exact", False, id="99,7 exact is beyond rounding"),
        pytest.param("100", "exact", True, id="100 exact (rounded to a whole number)"),
        pytest.param("99", "exact", True, id="99 exact is 99.617 cut to a whole number"),
        pytest.param("98", "exact", False, id="98 exact is beyond rounding and cutting"),
        pytest.param("98.5", "about", False, id="98,5 about is more than one point off"),
    ],
)
def test_percent_against_its_fraction_allows_rounding_only(data_dir, validate, value, qualifier, passes):
    written = value.replace(".", ",")
    write(
        data_dir,
        LAO_CAI,
        lao_cai(f"""\
      - indicator: villages_mobile_broadband_share
        value: {value}
        unit: percent
        qualifier: {qualifier}
        numerator: 1562
        denominator: 1568
        kind: actual
        period: Đến nay
        territory: lao-cai-10
        source: {BAOLAOCAI}
        quote: "1.562/1.568 (khoảng {written}%) trung tâm thôn"
    """),
    )
    run = validate(data_dir)
    if passes:
        assert run.code == 0, run.out
    else:
        check_reported(run, "data/provinces/lao-cai.yaml:5:5:", [f"value {value}% disagrees with 1562/1568"])


# ---------------------------------------------------------------- the quote states the figure as written


@pytest.mark.parametrize(
    ("indicator", "unit", "figure", "quote", "passes"),
    [
        pytest.param("base_stations_total", "count", "value: 2104", "2.104 trạm BTS", True, id="2104 in '2.104'"),
        pytest.param(
            "base_stations_total",
            "count",
            "value: 1655",
            "tích hợp 1.655/1.655 dịch vụ công",
            True,
            id="1655 in '1.655'",
        ),
        pytest.param(
            "base_stations_total",
            "count",
            "value: 1.655",
            "tích hợp 1.655/1.655 dịch vụ công",
            False,
            id="1.655 typed as a decimal is not '1.655'",
        ),
        pytest.param(
            "online_services_end_to_end",
            "percent",
            "numerator: 1.655\ndenominator: 1655",
            "tích hợp 1.655/1.655 dịch vụ công",
            False,
            id="numerator 1.655 is not '1.655'",
        ),
        pytest.param("online_dossiers_share", "percent", "value: 99.6", "khoảng 99,6%", True, id="99.6 in '99,6'"),
        pytest.param("online_dossiers_share", "percent", "value: 96", "khoảng 99,6%", False, id="96 not in '99,6'"),
        pytest.param(
            "online_dossiers_share", "percent", "value: 6", "khoảng 99,6%", False, id="6 is not the decimals of '99,6'"
        ),
        pytest.param(
            "mobile_subscribers",
            "count",
            "value: 1240000",
            "1,24 triệu email chứa mã độc",
            True,
            id="1240000 in '1,24 triệu'",
        ),
        pytest.param(
            "mobile_subscribers",
            "count",
            "value: 124000",
            "1,24 triệu email chứa mã độc",
            False,
            id="124000 not in '1,24 triệu'",
        ),
        pytest.param(
            "procedure_cost_savings",
            "VND",
            "value: 23600000000",
            "tiết kiệm gần 23,6 tỷ đồng",
            True,
            id="23600000000 in '23,6 tỷ đồng'",
        ),
        pytest.param(
            "procedure_cost_savings",
            "VND",
            "value: 2360000000",
            "tiết kiệm gần 23,6 tỷ đồng",
            False,
            id="2360000000 not in '23,6 tỷ đồng'",
        ),
    ],
)
def test_quote_must_state_the_figure_as_written(data_dir, validate, indicator, unit, figure, quote, passes):
    figure_lines = figure.replace("\n", "\n        ")
    write(
        data_dir,
        LAI_CHAU,
        lai_chau(f"""\
      - indicator: {indicator}
        {figure_lines}
        unit: {unit}
        kind: actual
        period: Hiện
        source: {DANTRI}
        quote: "{quote}"
    """),
    )
    run = validate(data_dir)
    if passes:
        assert run.code == 0, run.out
    else:
        name = figure.split(":")[0]
        check_reported(
            run, "data/provinces/lai-chau.yaml:5:5:", [f"the quote does not contain {name}", "copy the quote exactly"]
        )


def test_decimal_typed_for_thousands_is_explained(data_dir, validate):
    write(
        data_dir,
        LAI_CHAU,
        lai_chau(f"""\
      - indicator: base_stations_total
        value: 1.655
        unit: count
        kind: actual
        period: Hiện
        source: {DANTRI}
        quote: "tích hợp 1.655/1.655 dịch vụ công"
    """),
    )
    run = validate(data_dir)
    where = "data/provinces/lai-chau.yaml:5:5:"
    check_reported(run, where, ["a count must be a whole number, not 1.655", "write 1655"])
    # the value is shown as typed (1,655), not rounded to two decimals (1,66)
    check_reported(run, where, ["the quote does not contain value 1,655 ", "Vietnamese writes 1.655 for 1655"])


# ---------------------------------------------------------------- territory of a merged province


def _lao_cai_figure(extra: str, source: str = BAOLAOCAI) -> str:
    return lao_cai(f"""\
      - indicator: villages_mobile_broadband_share
        value: 99.6
        unit: percent
        qualifier: about
        numerator: 1562
        denominator: 1568
        kind: actual
        source: {source}
        quote: "1.562/1.568 (khoảng 99,6%) trung tâm thôn"
    """) + textwrap.indent(textwrap.dedent(extra), "    ")


UNCLEAR = (
    "Lào Cai was formed on 2025-07-01 from Lào Cai (territory: lao-cai-10), Yên Bái (territory: yen-bai-15); "
    "this figure is from before (or its date is not known), so write which one it describes"
)


@pytest.mark.parametrize(
    ("extra", "where", "message"),
    [
        pytest.param("period: Đến nay\n", "4:5", UNCLEAR, id="no as_of and no territory"),
        pytest.param("as_of: 2025\n", "4:5", UNCLEAR, id="year 2025 spans the merger"),
        pytest.param(
            "as_of: 2025-07\nterritory: yen-bai\n",
            "14:5",
            "territory 'yen-bai' is not part of Lào Cai; write current, or one of its former units: "
            "Lào Cai (territory: lao-cai-10), Yên Bái (territory: yen-bai-15)",
            id="unknown territory",
        ),
        pytest.param("as_of: 2024\n", "4:5", UNCLEAR, id="2024 is never guessed to be the former lao-cai-10"),
        pytest.param("as_of: 2025-06-30\n", "4:5", UNCLEAR, id="the day before the merger names its unit"),
        pytest.param(
            "as_of: 2024\nterritory: former\n",
            "14:5",
            "'former' is ambiguous: Lào Cai was formed on 2025-07-01 from Lào Cai (territory: lao-cai-10)",
            id="former is ambiguous for a merged province",
        ),
    ],
)
def test_figure_of_a_merged_province_must_say_which_territory(data_dir, validate, extra, where, message):
    write(data_dir, LAO_CAI, _lao_cai_figure(extra))
    check_reported(validate(data_dir), f"data/provinces/lao-cai.yaml:{where}:", [message])


@pytest.mark.parametrize(
    ("extra", "source", "territory"),
    [
        pytest.param("as_of: 2024\nterritory: lao-cai-10\n", BAOLAOCAI, "lao-cai-10", id="2024, former lao-cai-10"),
        pytest.param("as_of: 2023\nterritory: yen-bai-15\n", BAOLAOCAI, "yen-bai-15", id="2023, former Yên Bái"),
        pytest.param("as_of: 2025-07-01\n", BAOLAOCAI, "lao-cai", id="the merger day is current"),
        pytest.param("as_of: 2025-08\n", BAOLAOCAI, "lao-cai", id="2025-08 is the current lao-cai"),
        pytest.param("period: Hiện\n", DANTRI, "lao-cai", id="no date: from the source published 2025-11-01"),
        pytest.param("period: Đến nay\nterritory: yen-bai-15\n", BAOLAOCAI, "yen-bai-15", id="a former unit named"),
        pytest.param("as_of: 2025-08\nterritory: lao-cai-10\n", BAOLAOCAI, "lao-cai-10", id="written territory wins"),
    ],
)
def test_territory_is_derived_from_the_date(data_dir, validate, extra, source, territory):
    write(data_dir, LAO_CAI, _lao_cai_figure(extra, source))
    run = validate(data_dir)
    assert run.code == 0, run.out
    facts = load_dataset(data_dir).facts_for("lao-cai")
    assert [fact.territory.id for fact in facts] == [territory]


def test_unchanged_province_needs_no_territory(data_dir):
    facts = load_dataset(data_dir).facts_for("lai-chau")
    assert facts
    assert {fact.territory.id for fact in facts} == {"lai-chau-12"}


# ---------------------------------------------------------------- which province a file is


def test_file_named_after_no_province_is_reported(data_dir, validate):
    (data_dir / LAO_CAI).rename(data_dir / "provinces" / "lao-kai.yaml")
    check_reported(
        validate(data_dir),
        "data/provinces/lao-kai.yaml:1:1:",
        ["'lao-kai' is not one of the 34 provinces' file names", "Did you mean 'lao-cai'?"],
    )


@pytest.mark.parametrize(
    ("head", "where", "words"),
    [
        pytest.param(
            'name: Lai Chau\ncode: "12"\n',
            "2:1",
            ["the official name is 'Lai Châu', not 'Lai Chau'"],
            id="wrong official name",
        ),
        pytest.param(
            'name: Lai Châu\ncode: "11"\n',
            "3:1",
            ['the official code of Lai Châu is "12", not "11"'],
            id="wrong official code",
        ),
    ],
)
def test_wrong_name_or_code_is_reported(data_dir, validate, head, where, words):
    path = data_dir / LAI_CHAU
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name: Lai Châu\ncode: "12"\n', head, 1), encoding="utf-8")
    check_reported(validate(data_dir), f"data/provinces/lai-chau.yaml:{where}:", words)


# ---------------------------------------------------------------- hostile text


@pytest.mark.parametrize(
    ("old", "new", "where", "char"),
    [
        pytest.param('quote: "92% hồ sơ', 'quote: "9\u200b2% hồ sơ', "20:5", "U+200B", id="zero-width space"),
        pytest.param('quote: "92% hồ sơ', 'quote: "\u202e92% hồ sơ', "20:5", "U+202E", id="right-to-left override"),
        pytest.param(
            'period: Hiện\n    source: dantri-2025-11-01-lai-chau\n    quote: "92%',
            'period: Hi\u2066ện\n    source: dantri-2025-11-01-lai-chau\n    quote: "92%',
            "18:5",
            "U+2066",
            id="directional isolate",
        ),
    ],
)
def test_invisible_characters_in_text_are_errors(data_dir, validate, old, new, where, char):
    path = data_dir / LAI_CHAU
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    check_reported(validate(data_dir), f"data/provinces/lai-chau.yaml:{where}:", [f"invisible character ({char})"])


def test_invisible_character_in_a_source_title_is_an_error(data_dir, validate):
    path = data_dir / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "Tạo đột phá', 'title: "Tạo\u200d đột phá'), encoding="utf-8")
    check_reported(validate(data_dir), "data/sources.yaml:14:5:", ["invisible character (U+200D)"])


# ---------------------------------------------------------------- what passes


def test_warnings_do_not_fail(data_dir, validate):
    run = validate(data_dir)
    assert run.code == 0, run.out
    line = run.line_starting("data/sources.yaml:5:5: warning: ")
    assert f"source '{DANTRI}' has no author" in line


def test_minimal_tree_is_valid_and_checks_figures(data_dir, validate):
    run = validate(data_dir)
    assert run.code == 0, run.out
    assert run.errors == []
    summary = re.search(r"(\d+) error\(s\), (\d+) warning\(s\) in (\d+) file\(s\): (\d+) figures", run.err)
    assert summary, run.err
    errors, _, files, figures = map(int, summary.groups())
    assert errors == 0
    assert files == 8  # release, former units, units, vocabulary, indicators, sources, two provinces
    assert figures == 13  # 6 in lai-chau.yaml + 7 in lao-cai.yaml, every one read and checked
    assert len(load_dataset(data_dir).facts) == figures


def test_empty_data_folder_fails(tmp_path, validate):
    (tmp_path / "data").mkdir()
    run = validate(tmp_path / "data")
    assert run.code == 1


# ---------------------------------------------------------------- the validator only reads


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(None, id="valid tree"),
        pytest.param('name: Lai Châu\ncode: "12"\nobservations: [\n', id="yaml that does not parse"),
        pytest.param('name: Lai Châu\ncode: "12"\nobservations:\n  - valeu: 92\n', id="wrong fields"),
    ],
)
def test_validator_never_writes_to_the_data_folder(data_dir, validate, broken):
    if broken is not None:
        write(data_dir, LAI_CHAU, broken)
    (data_dir / "indicators.yaml").write_bytes(b"\xef\xbb\xbf" + (data_dir / "indicators.yaml").read_bytes())
    before = tree_hashes(data_dir)
    run = validate(data_dir)
    assert run.code == (0 if broken is None else 1), run.out
    assert tree_hashes(data_dir) == before


# ---------------------------------------------------------------- the real data


@pytest.mark.real_data
def test_real_data_validates():
    """`python -m scorecard validate` on data/ exits 0. Fails until the data entry is finished."""
    result = subprocess.run(
        [sys.executable, "-m", "scorecard", "validate", "--data", str(REAL_DATA)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={name: value for name, value in os.environ.items() if name != "SOURCE_DATE_EPOCH"},
    )
    errors = [line for line in result.stdout.splitlines() if ": warning: " not in line]
    shown = "\n".join(errors[:40])
    assert result.returncode == 0, f"the real data has errors:\n{shown}\n{result.stderr}"
    assert re.search(r"[1-9]\d* figures", result.stderr), result.stderr


def test_a_missing_registry_file_is_reported_once_at_its_path(data_dir, validate):
    (data_dir / "indicators.yaml").unlink()
    (data_dir / "sources.yaml").unlink()
    run = validate(data_dir)
    assert run.code != 0
    for name in ("indicators.yaml", "sources.yaml"):
        assert [line for line in run.errors if "missing" in line and name in line] == [
            f"data/{name}:1:1: the file {name} is missing from the data folder"
        ]
