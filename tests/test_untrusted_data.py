"""A pull request is untrusted input (issue 14): what reaches the validator through data/.

Each test puts into a copy of the minimal tree what a hostile or careless pull request
can: a link where a data file belongs, a device, a folder named like a file, a twin
``.yml``, numbers no float holds, dates no chart can draw, release fields without bounds,
digits that only look like ASCII ones. Each must end in a ``file:line:column:`` message
(never a traceback, never a hang, never silence).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO, Run, write

from scorecard.dataset import load_dataset
from scorecard.load import DataFileError, Problem, read_data_file
from scorecard.numbers import decimals_of, format_number

LAI_CHAU = "provinces/lai-chau.yaml"
ONLINE_92 = "    value: 92\n    unit: percent\n    kind: actual\n    period: Hiện\n"


def validate_bounded(data: Path) -> Run:
    """``python -m scorecard validate`` in a child process held to 1 GB and 60 s, so a loader that reads
    /dev/zero or waits on a pipe fails the test instead of exhausting the machine (a signal cannot stop a
    read that never returns to Python)."""

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    try:
        done = subprocess.run(
            [sys.executable, "-m", "scorecard", "validate", "--data", str(data)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("validate was still running after 60 s: the file is being read, not refused")
    return Run(done.returncode, done.stdout, done.stderr)


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def refused(run, where: str, *words: str) -> str:
    """The validator failed, and the line at ``where`` (``data/...:line:column:``) says each of ``words``."""
    assert run.code == 1, run.out + run.err
    assert "Traceback" not in run.out + run.err
    return run.line_saying(where, list(words))


# ---------------------------------------------------------------- links, devices, folders, twins


def test_a_link_to_dev_zero_is_refused_at_once(data_dir, validate):
    (data_dir / "provinces" / "ha-noi.yaml").symlink_to("/dev/zero")
    run = validate_bounded(data_dir)  # the old loader read /dev/zero until memory ran out (9 GB in 22 s)
    refused(run, "data/provinces/ha-noi.yaml:1:1:", "symbolic link", "ordinary files")


def test_a_link_to_a_yaml_file_outside_the_repository_is_not_read(data_dir, validate, tmp_path):
    outside = tmp_path / "outside.yaml"
    shutil.copyfile(data_dir / LAI_CHAU, outside)
    # a valid file: only the link is wrong
    (data_dir / LAI_CHAU).unlink()
    (data_dir / LAI_CHAU).symlink_to(outside)
    run = validate(data_dir)
    refused(run, "data/provinces/lai-chau.yaml:1:1:", "symbolic link")
    assert not any(fact.province == "lai-chau" for fact in load_dataset(data_dir).facts)


def test_a_linked_provinces_folder_is_not_read(data_dir, validate, tmp_path):
    shutil.move(data_dir / "provinces", tmp_path / "elsewhere")
    (data_dir / "provinces").symlink_to(tmp_path / "elsewhere")
    run = validate(data_dir)
    refused(run, "data/provinces:1:1:", "symbolic link")
    assert load_dataset(data_dir).facts == []


def test_a_pipe_named_like_a_province_file_is_refused_without_waiting(data_dir, validate):
    os.mkfifo(data_dir / "provinces" / "ha-noi.yaml")
    run = validate_bounded(data_dir)  # the old loader waited for a writer forever
    refused(run, "data/provinces/ha-noi.yaml:1:1:", "not an ordinary file")


def test_a_folder_named_like_a_province_file_is_refused(data_dir, validate):
    (data_dir / "provinces" / "x.yaml").mkdir()
    run = validate(data_dir)
    refused(run, "data/provinces/x.yaml:1:1:", "folder, not a file")


def test_a_yml_twin_of_a_yaml_file_is_refused_not_counted_twice(data_dir, validate):
    shutil.copyfile(data_dir / LAI_CHAU, data_dir / "provinces" / "lai-chau.yml")
    run = validate(data_dir)
    refused(run, "data/provinces/lai-chau.yml:1:1:", "lai-chau.yml and lai-chau.yaml", "counted twice", "delete")


def test_a_yml_twin_of_a_top_level_file_is_refused(data_dir, validate):
    shutil.copyfile(data_dir / "release.yaml", data_dir / "release.yml")
    run = validate(data_dir)
    refused(run, "data/release.yml:1:1:", "release.yml and release.yaml")


def test_a_link_or_a_stray_file_elsewhere_in_data_is_refused(data_dir, validate, tmp_path):
    (tmp_path / "secret.yaml").write_text("a: 1\n", encoding="utf-8")
    (data_dir / "notes.yaml").symlink_to(tmp_path / "secret.yaml")
    (data_dir / "notes.txt").write_text("not data\n", encoding="utf-8")
    run = validate(data_dir)
    refused(run, "data/notes.yaml:1:1:", "symbolic link")
    refused(run, "data/notes.txt:1:1:", "only YAML data files")


def test_the_one_read_function_refuses_each_unsafe_kind(tmp_path):
    data = tmp_path / "data"
    (data / "tables").mkdir(parents=True)  # a folder that does not exist yet reads the same way
    (data / "tables" / "ok.yaml").write_text("a: 1\n", encoding="utf-8")
    assert read_data_file(data / "tables" / "ok.yaml", data) == b"a: 1\n"
    (data / "tables" / "link.yaml").symlink_to(data / "tables" / "ok.yaml")
    (data / "tables" / "big.yaml").write_bytes(b"#" * 1_000_001)
    (data / "tables" / "ok.yml").write_text("a: 2\n", encoding="utf-8")
    expected = {
        "link.yaml": ("data/tables/link.yaml", "symbolic link"),
        "big.yaml": ("data/tables/big.yaml", "over the limit"),
        "ok.yaml": ("data/tables/ok.yml", "both here"),
    }
    for name, (shown, words) in expected.items():
        with pytest.raises(DataFileError) as err:
            read_data_file(data / "tables" / name, data)
        assert (err.value.problem.path, err.value.problem.line, err.value.problem.column) == (shown, 1, 1)
        assert words in err.value.problem.message


# ---------------------------------------------------------------- file names are the editor's text too


def test_a_file_name_cannot_write_a_workflow_command_or_an_escape(data_dir, validate):
    name = "x\n::error file=README.md::forged\x1b[31m.yaml"
    write(data_dir, f"provinces/{name}", "name: X\ncode: '99'\nobservations: []\n")
    run = validate(data_dir)
    assert run.code == 1
    printed = run.out + run.err
    assert "\x1b" not in printed
    assert not any(line.startswith("::") for line in printed.splitlines()), printed
    run.line_saying("data/provinces/x\\n::error file=README.md::forged\\x1b[31m.yaml:1:1:", ["not one of the 34"])


def test_problem_escapes_its_path_as_it_escapes_its_message():
    problem = Problem("data/a\n::warning::b\u202e.yaml", 1, 1, "text\nmore")
    assert str(problem) == "data/a\\n::warning::b\\u202e.yaml:1:1: text\\nmore"


# ---------------------------------------------------------------- numbers no figure can be


@pytest.mark.parametrize(
    ("value", "words"),
    [
        pytest.param("9" * 401, "(401 characters) is too large", id="401 digits (OverflowError)"),
        pytest.param("9" * 5000, "(5000 characters) is too large", id="5000 digits (ValueError)"),
        pytest.param("1.0e999", "1.0e999 is too large", id="1.0e999 (infinite)"),
        pytest.param("-0.0", "zero with a minus sign; write 0", id="-0.0 (shown as -0 %)"),
    ],
)
def test_numbers_no_float_holds_are_refused_at_their_place(data_dir, validate, value, words):
    edit(data_dir, LAI_CHAU, "    value: 92\n", f"    value: {value}\n")
    refused(validate(data_dir), "data/provinces/lai-chau.yaml:15:12:", words)


@pytest.mark.parametrize(
    ("number", "decimals", "vi"),
    [
        (0.00005, 5, "0,00005"),
        (1e-7, 7, "0,0000001"),
        (99.6, 1, "99,6"),
        (92.0, 0, "92"),
        (1e16, 0, "10.000.000.000.000.000"),
    ],
)
def test_decimals_of_reads_exponent_reprs(number, decimals, vi):
    assert decimals_of(number) == decimals  # repr(0.00005) is '5e-05': there is no '.' to split on
    assert format_number(number, "vi", decimals) == vi


# ---------------------------------------------------------------- dates no chart can draw


@pytest.mark.parametrize("year", ["10000", "999", "0"])
def test_an_impossible_target_year_is_refused(data_dir, validate, year):
    lao_cai = "provinces/lao-cai.yaml"  # its source prints no date, so no other rule catches it
    old = "    kind: actual\n    period: Đến nay\n    territory: lao-cai-10\n"
    text = (data_dir / lao_cai).read_text(encoding="utf-8")
    assert old in text
    (data_dir / lao_cai).write_text(
        text.replace(old, f"    kind: target\n    target_year: {year}\n    territory: lao-cai-10\n", 1), "utf-8"
    )
    refused(validate(data_dir), "data/provinces/lao-cai.yaml:", "target_year", "not a plausible year")


def test_an_as_of_in_year_one_is_refused(data_dir, validate):
    edit(data_dir, LAI_CHAU, ONLINE_92, ONLINE_92.replace("    period: Hiện\n", '    as_of: "0001"\n'))
    refused(validate(data_dir), "data/provinces/lai-chau.yaml:18:5:", "0001 is not a plausible year")


@pytest.mark.parametrize("published", ["9999-12-31", "2099-01-01"])
def test_a_source_published_after_today_is_refused(data_dir, validate, published):
    edit(data_dir, "sources.yaml", "published: 2025-11-01", f"published: {published}")
    refused(validate(data_dir), "data/sources.yaml:10:5:", f"dated {published}, after today")


def test_an_as_of_written_as_a_number_or_as_text_is_one_date_for_the_conflict_check(data_dir, validate):
    block = (
        "  - indicator: villages_mobile_broadband_share\n    value: {v}\n    unit: percent\n    kind: actual\n"
        "    as_of: {as_of}\n    territory: lao-cai-10\n    source: baolaocai-tao-dot-pha-ha-tang-so\n"
        '    quote: "{v}% thôn bản"\n'
    )
    path = data_dir / "provinces" / "lao-cai.yaml"
    path.write_text(
        path.read_text("utf-8") + block.format(v=90, as_of="2024") + block.format(v=95, as_of='"2024"'), "utf-8"
    )
    run = validate(data_dir)
    refused(run, "data/provinces/lao-cai.yaml:", "the same source already gives villages_mobile_broadband_share = 90")


# ---------------------------------------------------------------- the registries


def test_a_duplicate_pillar_id_is_refused(data_dir, validate):
    edit(
        data_dir,
        "indicators.yaml",
        "  - id: connectivity\n",
        "  - id: public_services\n    name: {vi: X, en: X}\n  - id: connectivity\n",
    )
    refused(validate(data_dir), "data/indicators.yaml:8:", "pillar id 'public_services' is defined twice", "line 6")


def test_a_duplicate_indicator_id_is_refused(data_dir, validate):
    # the same rule (and words) as for pillars and scopes: the second definition is reported at its line
    edit(data_dir, "indicators.yaml", "  - id: online_dossiers_share\n", "  - id: online_services_end_to_end\n")
    refused(
        validate(data_dir),
        "data/indicators.yaml:28:",
        "indicator id 'online_services_end_to_end' is defined twice",
        "line 17",
    )


def test_a_duplicate_scope_id_is_refused(data_dir, validate):
    scope = "  - id: vnpt_network\n"
    edit(data_dir, "indicators.yaml", scope, scope + "    name: {vi: A, en: A}\n" + scope)
    refused(validate(data_dir), "data/indicators.yaml:", "scope id 'vnpt_network' is defined twice")


def test_an_indicator_of_a_pillar_that_is_not_defined_is_refused(data_dir, validate):
    edit(
        data_dir,
        "indicators.yaml",
        "  - id: connectivity\n    name: {vi: Hạ tầng số, en: Digital infrastructure and connectivity}\n",
        "",
    )
    run = validate(data_dir)
    refused(run, "data/indicators.yaml:", "the pillar 'connectivity' of", "is not under pillars:")


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        pytest.param(
            '{name: Lào Cai, code: "10"}',
            "{name: Lào Cai}",
            "data/former-units.yaml:24:9:",
            "'code' is missing",
            id="missing code",
        ),
        pytest.param(
            '    former_units:\n      - {name: Lào Cai, code: "10"}\n      - {name: Yên Bái, code: "15"}\n',
            '    former_units: "Lào Cai, Yên Bái"\n',
            "data/former-units.yaml:23:5:",
            "must be a list",
            id="former_units as text",
        ),
        pytest.param(
            '  "15":\n',
            '  "16":\n',
            "data/former-units.yaml:7:1:",
            "current unit 15 (Lào Cai) is missing",
            id="a unit missing",
        ),
    ],
)
def test_former_units_has_a_schema(data_dir, validate, old, new, where, words):
    edit(data_dir, "former-units.yaml", old, new)
    refused(validate(data_dir), where, words)


# ---------------------------------------------------------------- quotes and addresses


@pytest.mark.parametrize("digits", ["９２", "٩٢", "९२"], ids=["fullwidth", "arabic-indic", "devanagari"])
def test_digits_that_are_not_ascii_do_not_state_the_ascii_value(data_dir, validate, digits):
    edit(data_dir, LAI_CHAU, '"92% hồ sơ', f'"{digits}% hồ sơ')
    refused(validate(data_dir), "data/provinces/lai-chau.yaml:15:5:", "the quote does not contain value 92")


def test_a_source_address_ending_in_a_line_break_is_refused(data_dir, validate):
    old = "url: https://baolaocai.vn/tao-dot-pha-ve-ha-tang-so-post389600.html"
    edit(data_dir, "sources.yaml", old, 'url: "https://baolaocai.vn/a\\n"')
    refused(validate(data_dir), "data/sources.yaml:", "'url': an address must start with http://")


# ---------------------------------------------------------------- the release record


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        pytest.param(
            'released: "2026-11-22"', "released: 0", "'released': write the date as YYYY-MM-DD", id="released 0"
        ),
        pytest.param(
            "  en: Vietnam Provincial Digital Transformation Scorecard\n",
            "",
            "the title needs both vi: and en:",
            id="title without English",
        ),
        pytest.param(
            "license_url: https://creativecommons.org/licenses/by/4.0/",
            'license_url: "javascript:alert(1)"',
            "'license_url': an address must start with http://",
            id="javascript: licence address",
        ),
        pytest.param(
            "site_url:\n", 'site_url: "https://x.org/\\n"\n', "'site_url': an address", id="site_url with a line break"
        ),
        pytest.param(
            'version: "2026.11"', 'version: "2026.11</title>"', "'version': write the version as YYYY.MM", id="version"
        ),
    ],
)
def test_the_release_record_is_validated_at_its_place(data_dir, validate, old, new, words):
    edit(data_dir, "release.yaml", old, new)
    refused(validate(data_dir), "data/release.yaml:", words)


def test_release_authors_have_a_length_limit(data_dir, validate):
    authors = re.search(r"^authors: .*$", (data_dir / "release.yaml").read_text("utf-8"), re.M)[0]
    edit(data_dir, "release.yaml", authors, "authors: " + "A" * 900_000)
    refused(validate(data_dir), "data/release.yaml:10:1:", "'authors' is too long", "at most 2000")


def test_the_minimal_tree_still_validates(data_dir, validate):
    assert (data_dir / "release.yaml").read_bytes() == (FIXTURE / "release.yaml").read_bytes()
    run = validate(data_dir)
    assert run.code == 0, run.out
