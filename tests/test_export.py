"""The downloads: observations as CSV and JSON, and a datapackage.json that describes them.

Exports go through the command line (``python -m scorecard export``) into ``tmp_path``
and are read back with the standard ``csv`` and ``json`` modules, as a reader would.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import frictionless
import pytest
import yaml
from conftest import FIXTURE, REAL_DATA

from scorecard.__main__ import main

# The CSV's columns and their Frictionless types, in order: the documented contract with readers,
# written out here rather than read from scorecard.export, so a change to it shows up as a failure.
COLUMNS = [
    ("province", "string"),
    ("province_name", "string"),
    ("province_code", "string"),
    ("indicator", "string"),
    ("pillar", "string"),
    ("value", "number"),
    ("value_computed", "boolean"),
    ("unit", "string"),
    ("qualifier", "string"),
    ("numerator", "number"),
    ("denominator", "number"),
    ("low", "number"),
    ("high", "number"),
    ("kind", "string"),
    ("as_of", "string"),
    ("target_year", "integer"),
    ("period", "string"),
    ("period_en", "string"),
    ("territory", "string"),
    ("territory_name", "string"),
    ("territory_current", "boolean"),
    ("scope", "string"),
    ("subject", "string"),
    ("source", "string"),
    ("source_url", "string"),
    ("quote", "string"),
    ("note", "string"),
    ("note_en", "string"),
]
COLUMN_NAMES = [name for name, _ in COLUMNS]
DANTRI = "dantri-2025-11-01-lai-chau"


def export(data: Path, fmt: str, out: Path) -> int:
    return main(["export", "--data", str(data), "--format", fmt, "--out", str(out)])


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def only(rows: list[dict], **expected) -> dict:
    """The one row whose columns have the ``expected`` values (numbers compared as numbers)."""
    found = [row for row in rows if all(_same(row.get(name), value) for name, value in expected.items())]
    assert len(found) == 1, f"expected one row with {expected}, found {len(found)}: {found}"
    return found[0]


def _same(cell: object, expected: object) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if cell in (None, ""):
            return False
        return abs(float(cell) - expected) < 1e-9
    return cell == expected


@pytest.fixture
def csv_rows(data_dir, tmp_path) -> list[dict[str, str]]:
    assert export(data_dir, "csv", tmp_path / "out" / "observations.csv") == 0
    return read_csv(tmp_path / "out" / "observations.csv")[1]


@pytest.fixture
def json_rows(data_dir, tmp_path) -> list[dict]:
    assert export(data_dir, "json", tmp_path / "out" / "observations.json") == 0
    return read_json(tmp_path / "out" / "observations.json")["observations"]


# ---------------------------------------------------------------- the table


def test_csv_has_the_documented_columns(data_dir, tmp_path):
    assert export(data_dir, "csv", tmp_path / "observations.csv") == 0
    header, rows = read_csv(tmp_path / "observations.csv")
    assert header == COLUMN_NAMES
    assert len(rows) == 13  # every figure of the minimal tree, one row each


def test_csv_row_holds_the_figure_as_entered(csv_rows):
    row = only(csv_rows, province="lai-chau", indicator="online_dossiers_share")
    assert row["province_code"] == "12"
    assert row["province_name"] == "Lai Châu"
    assert row["value"] == "92"
    assert row["value_computed"] == "false"
    assert row["unit"] == "percent"
    assert row["qualifier"] == "exact"
    assert row["numerator"] == row["denominator"] == ""
    assert row["kind"] == "actual"
    assert row["as_of"] == row["target_year"] == ""
    assert row["period"] == "Hiện"
    assert row["territory"] == "lai-chau-12"
    assert row["scope"] == ""
    assert row["source"] == DANTRI
    assert row["source_url"].startswith("https://dantri.com.vn/")
    assert row["quote"] == "92% hồ sơ xử lý trực tuyến"


def test_csv_row_keeps_fraction_qualifier_and_former_territory(csv_rows):
    row = only(csv_rows, province="lao-cai", indicator="villages_mobile_broadband_share")
    assert (row["value"], row["numerator"], row["denominator"]) == ("99.6", "1562", "1568")
    assert row["qualifier"] == "about"
    assert row["province_code"] == "15"
    assert row["territory"] == "lao-cai-10"
    assert row["territory_current"] == "false"
    assert row["quote"].startswith("1.562/1.568 (khoảng 99,6%)")


def test_csv_writes_dates_and_large_amounts_plainly(csv_rows):
    stations = only(csv_rows, province="lai-chau", indicator="base_stations_total")
    assert stations["as_of"] == "2025-05"
    savings = only(csv_rows, province="lai-chau", indicator="procedure_cost_savings")
    assert savings["value"] == "23600000000"  # not 2.36e+10
    assert savings["qualifier"] == "nearly"


def test_percent_without_printed_value_is_computed_in_csv(csv_rows):
    row = only(csv_rows, province="lai-chau", indicator="online_services_end_to_end")
    assert (row["numerator"], row["denominator"]) == ("675", "675")
    assert row["value"] == "100"
    assert row["value_computed"] == "true"


def test_percent_without_printed_value_is_computed_in_json(json_rows):
    row = only(json_rows, province="lai-chau", indicator="online_services_end_to_end")
    assert row["value"] == 100
    assert row["value_computed"] is True
    printed = only(json_rows, province="lai-chau", indicator="online_dossiers_share")
    assert printed["value_computed"] is False


def test_json_holds_the_same_rows_as_csv(csv_rows, json_rows, data_dir):
    assert len(json_rows) == len(csv_rows) == 13
    assert [(row["province"], row["indicator"]) for row in json_rows] == [
        (row["province"], row["indicator"]) for row in csv_rows
    ]
    assert set(json_rows[0]) == set(csv_rows[0])
    subscribers = only(json_rows, province="lai-chau", indicator="mobile_subscribers")
    assert subscribers["value"] == 390000
    assert subscribers["qualifier"] == "nearly"
    assert subscribers["quote"] == "gần 390.000 thuê bao di động"


def test_rows_come_in_province_code_then_file_order(csv_rows):
    codes = [row["province_code"] for row in csv_rows]
    assert codes == sorted(codes)
    assert [row["indicator"] for row in csv_rows if row["province"] == "lai-chau"][:2] == [
        "online_services_end_to_end",
        "online_dossiers_share",
    ]


@pytest.mark.parametrize(
    "note",
    [
        pytest.param('=HYPERLINK("http://x")', id="equals"),
        pytest.param("+cmd|' /C calc'!A0", id="plus"),
        pytest.param("-2+3+cmd|' /C calc'!A0", id="minus"),
        pytest.param("@SUM(1+1)*cmd|' /C calc'!A0", id="at"),
    ],
)
def test_csv_formula_in_a_note_is_neutralised(data_dir, tmp_path, note):
    path = data_dir / "provinces" / "lai-chau.yaml"
    text = path.read_text(encoding="utf-8")
    quote = '    quote: "92% hồ sơ xử lý trực tuyến"\n'
    assert text.count(quote) == 1
    path.write_text(text.replace(quote, quote + f"    note: {json.dumps(note)}\n"), encoding="utf-8")

    assert export(data_dir, "csv", tmp_path / "observations.csv") == 0
    row = only(read_csv(tmp_path / "observations.csv")[1], province="lai-chau", indicator="online_dossiers_share")
    assert row["note"] == "'" + note

    assert export(data_dir, "json", tmp_path / "observations.json") == 0
    rows = read_json(tmp_path / "observations.json")["observations"]
    assert only(rows, province="lai-chau", indicator="online_dossiers_share")["note"] == note  # JSON keeps it as is


def test_export_refuses_data_with_errors(data_dir, tmp_path):
    path = data_dir / "provinces" / "lai-chau.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 92\n", 'value: "92"\n'), encoding="utf-8")
    assert export(data_dir, "csv", tmp_path / "out" / "observations.csv") == 1
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- the data package


@pytest.fixture
def exported_all(data_dir, tmp_path) -> Path:
    out = tmp_path / "all"
    assert export(data_dir, "all", out) == 0
    return out


def test_datapackage_has_licence_and_version(exported_all):
    package = read_json(exported_all / "datapackage.json")
    release = yaml.safe_load((FIXTURE / "release.yaml").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["version"] == release["version"] == "2026.11"  # the fixture's release
    assert package["released"] == "2026-11-22"
    assert "created" not in package  # the standard wants a time of day there, and none is known


def test_datapackage_resources_match_the_written_files(exported_all):
    package = read_json(exported_all / "datapackage.json")
    paths = [resource["path"] for resource in package["resources"]]
    assert paths == ["observations.csv", "observations.json", "indicators.json", "sources.json"]
    for resource in package["resources"]:
        body = (exported_all / resource["path"]).read_bytes()
        assert resource["bytes"] == len(body), resource["path"]
        assert resource["hash"] == "sha256:" + hashlib.sha256(body).hexdigest(), resource["path"]


def test_datapackage_schema_documents_each_csv_column_with_its_type(exported_all):
    package = read_json(exported_all / "datapackage.json")
    table = next(resource for resource in package["resources"] if resource["path"] == "observations.csv")
    assert [(field["name"], field["type"]) for field in table["schema"]["fields"]] == COLUMNS
    assert all(field["description"].strip() for field in table["schema"]["fields"])
    assert table["profile"] == "tabular-data-resource"
    assert table["dialect"] == {"delimiter": ",", "lineTerminator": "\n", "header": True}


def test_single_format_export_datapackage_lists_only_files_that_exist(data_dir, tmp_path):
    out = tmp_path / "csv-only"
    assert export(data_dir, "csv", out / "observations.csv") == 0
    package = read_json(out / "datapackage.json")
    assert sorted(path.name for path in out.iterdir()) == ["datapackage.json", "observations.csv"]
    (table,) = package["resources"]
    assert (table["name"], table["path"], table["format"]) == ("observations", "observations.csv", "csv")
    assert [field["name"] for field in table["schema"]["fields"]] == COLUMN_NAMES
    assert table["bytes"] == (out / "observations.csv").stat().st_size


# Frictionless, the reference implementation of the Data Package standard, reads the package as a
# reader's tool would: the descriptor, each file's size and hash, and every CSV cell against its type.


def frictionless_errors(descriptor: Path) -> list[list]:
    report = frictionless.validate(str(descriptor))
    return report.flatten(["type", "rowNumber", "fieldName", "message"])


def test_frictionless_finds_the_exported_package_valid(exported_all):
    assert frictionless_errors(exported_all / "datapackage.json") == []


def test_frictionless_finds_a_single_format_package_valid(data_dir, tmp_path):
    assert export(data_dir, "csv", tmp_path / "csv-only" / "observations.csv") == 0
    assert frictionless_errors(tmp_path / "csv-only" / "datapackage.json") == []


def test_frictionless_sees_a_cell_that_is_not_its_columns_type(exported_all):
    """The validation above can fail: a word in the value column is a type error (and changes the hash)."""
    path = exported_all / "observations.csv"
    header, rows = read_csv(path)
    rows[0]["value"] = "nhiều"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    errors = frictionless_errors(exported_all / "datapackage.json")
    assert ["type-error", 2, "value"] in [error[:3] for error in errors]
    assert "hash-count" in [error[0] for error in errors]


def test_same_data_exported_twice_gives_identical_bytes(data_dir, tmp_path):
    assert export(data_dir, "all", tmp_path / "first") == 0
    assert export(data_dir, "all", tmp_path / "second") == 0
    first = {path.name: path.read_bytes() for path in sorted((tmp_path / "first").iterdir())}
    second = {path.name: path.read_bytes() for path in sorted((tmp_path / "second").iterdir())}
    assert sorted(first) == [
        "datapackage.json",
        "indicators.json",
        "observations.csv",
        "observations.json",
        "sources.json",
    ]
    assert first == second


def test_csv_is_utf8_with_unix_line_ends(exported_all):
    body = (exported_all / "observations.csv").read_bytes()
    assert not body.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in body
    assert "Lai Châu" in body.decode("utf-8")


# ---------------------------------------------------------------- the real data holds the seed figures
# These read data/ (not the fixture) and fail until the data entry is complete and valid.


@pytest.fixture(scope="module")
def real_rows(tmp_path_factory) -> list[dict[str, str]]:
    out = tmp_path_factory.mktemp("real") / "observations.csv"
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SOURCE_DATE_EPOCH", raising=False)  # judge dates against today
        assert export(REAL_DATA, "csv", out) == 0, "the real data does not export: run python -m scorecard validate"
    return read_csv(out)[1]


REAL_FIGURES = [
    # Lai Châu, Báo Dân trí 2025-11-01
    pytest.param(
        dict(province="lai-chau", indicator="online_services_end_to_end", numerator=675, denominator=675),
        dict(value=100, value_computed="true"),
        "675/675",
        id="lai-chau 675/675 end-to-end services",
    ),
    pytest.param(
        dict(province="lai-chau", indicator="online_dossiers_share", value=92),
        dict(qualifier="exact", unit="percent"),
        "92% hồ sơ xử lý trực tuyến",
        id="lai-chau 92% online dossiers",
    ),
    pytest.param(
        dict(province="lai-chau", indicator="base_stations_total", value=2104),
        dict(qualifier="exact", scope=""),
        "2.104 trạm BTS",
        id="lai-chau 2.104 BTS",
    ),
    pytest.param(
        dict(province="lai-chau", indicator="base_stations_5g", value=55),
        dict(qualifier="exact"),
        "55 trạm 5G",
        id="lai-chau 55 5G stations",
    ),
    pytest.param(
        dict(province="lai-chau", indicator="mobile_subscribers", value=390000),
        dict(qualifier="nearly"),
        "gần 390.000",
        id="lai-chau nearly 390.000 mobile subscribers",
    ),
    pytest.param(
        dict(province="lai-chau", indicator="online_course_enrolments", value=2191),
        dict(qualifier="more_than"),
        "hơn 2.191",
        id="lai-chau more than 2.191 learners",
    ),
    # Lào Cai
    pytest.param(
        dict(province="lao-cai", indicator="services_integrated_national_portal", numerator=1655, denominator=1655),
        dict(value=100, value_computed="true"),
        "1.655/1.655",
        id="lao-cai 1.655/1.655 on national portal",
    ),
    pytest.param(
        dict(province="lao-cai", indicator="villages_mobile_broadband_share", numerator=1562, denominator=1568),
        dict(value=99.6, qualifier="about", territory="lao-cai-10"),
        "1.562/1.568",
        id="lao-cai 1.562/1.568 about 99,6% villages",
    ),
    pytest.param(
        dict(province="lao-cai", indicator="base_stations_total", value=2915),
        dict(scope="", territory="lao-cai-10"),
        "2.915",
        id="lao-cai 2.915 stations",
    ),
    pytest.param(
        dict(province="lao-cai", indicator="base_stations_2g", value=766), dict(scope=""), "766", id="lao-cai 766 2G"
    ),
    pytest.param(
        dict(province="lao-cai", indicator="base_stations_3g", value=835), dict(scope=""), "835", id="lao-cai 835 3G"
    ),
    pytest.param(
        dict(province="lao-cai", indicator="base_stations_4g", value=1309),
        dict(scope=""),
        "1.309",
        id="lao-cai 1.309 4G",
    ),
    pytest.param(
        dict(province="lao-cai", indicator="base_stations_5g", value=5), dict(scope=""), "5 trạm 5G", id="lao-cai 5 5G"
    ),
    pytest.param(
        dict(province="lao-cai", indicator="moocs_rank", value=30),
        dict(denominator=63, unit="rank"),
        "30/63",
        id="lao-cai MOOCs rank 30/63",
    ),
    pytest.param(
        dict(province="lao-cai", indicator="attacks_blocked", value=57800),
        dict(qualifier="more_than"),
        "hơn 57.800",
        id="lao-cai more than 57.800 attacks blocked",
    ),
    pytest.param(
        dict(province="lao-cai", indicator="malware_emails_blocked", value=1240000),
        dict(unit="count"),
        "1,24 triệu",
        id="lao-cai 1,24 triệu malware emails",
    ),
    # Lào Cai, VNPT at the end of 2020: the operator's network only
    pytest.param(
        dict(province="lao-cai", indicator="base_stations_total", value=1000),
        dict(scope="vnpt_network", as_of="2020", territory="lao-cai-10"),
        "1.000 trạm BTS",
        id="lao-cai VNPT 1.000 stations 2020",
    ),
    pytest.param(
        dict(province="lao-cai", indicator="mobile_subscribers", value=222402),
        dict(scope="vnpt_network", as_of="2020"),
        "222.402",
        id="lao-cai VNPT 222.402 subscribers 2020",
    ),
    # Lào Cai, plan for 2026-2030 of the merged province
    pytest.param(
        dict(province="lao-cai", indicator="coverage_5g_share", value=90, target_year=2030),
        dict(kind="target", qualifier="at_least", as_of="", territory="lao-cai"),
        "tối thiểu 90%",
        id="lao-cai 2030 target 5G coverage at least 90",
    ),
]


@pytest.mark.real_data
@pytest.mark.parametrize(("key", "expected", "quoted"), REAL_FIGURES)
def test_real_export_holds_the_seed_figure(real_rows, key, expected, quoted):
    row = only(real_rows, **key)
    for name, value in expected.items():
        assert _same(row[name], value), f"{name}: {row[name]!r} != {value!r} in {row}"
    assert quoted in row["quote"], row["quote"]


@pytest.mark.real_data
def test_real_export_lao_cai_stations_add_up(real_rows):
    total = only(real_rows, province="lao-cai", indicator="base_stations_total", value=2915)
    parts = [
        only(real_rows, province="lao-cai", indicator=f"base_stations_{g}", source=total["source"], scope="")
        for g in ("2g", "3g", "4g", "5g")
    ]
    assert [int(float(part["value"])) for part in parts] == [766, 835, 1309, 5]
    assert sum(int(float(part["value"])) for part in parts) == 2915


@pytest.mark.real_data
def test_real_export_vnpt_2020_network_figures_carry_the_scope(real_rows):
    stations = [
        row
        for row in real_rows
        if row["province"] == "lao-cai" and row["as_of"] == "2020" and row["indicator"].startswith("base_stations_")
    ]
    assert {row["indicator"] for row in stations} == {
        "base_stations_total",
        "base_stations_2g",
        "base_stations_3g",
        "base_stations_4g",
    }
    assert {row["scope"] for row in stations} == {"vnpt_network"}


@pytest.mark.real_data
def test_real_export_2030_figures_are_targets(real_rows):
    for_2030 = [row for row in real_rows if row["target_year"] == "2030"]
    assert len(for_2030) >= 3
    assert {row["kind"] for row in for_2030} == {"target"}
    assert all(row["as_of"] == "" for row in for_2030)
