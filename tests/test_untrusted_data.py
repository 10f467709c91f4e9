"""A pull request is untrusted input (issue 14): what reaches the validator through data/.

Each test puts into a copy of the minimal tree what a hostile or careless pull request
can: dates no chart can draw, registries that silently drop a definition, digits that
only look like ASCII ones, an address with a line break. Each must end in a
``file:line:column:`` message (never a traceback, never silence).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE

from scorecard.numbers import decimals_of, format_number

LAI_CHAU = "provinces/lai-chau.yaml"
ONLINE_92 = "    value: 92\n    unit: percent\n    kind: actual\n    period: Hiện\n"


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


# ---------------------------------------------------------------- numbers no figure can be


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
    old = "    kind: actual\n    period: Đến nay\n    territory: former\n"
    text = (data_dir / lao_cai).read_text(encoding="utf-8")
    (data_dir / lao_cai).write_text(
        text.replace(old, f"    kind: target\n    target_year: {year}\n    territory: former\n", 1), "utf-8"
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
        "    as_of: {as_of}\n    territory: former\n    source: baolaocai-tao-dot-pha-ha-tang-so\n"
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


# ---------------------------------------------------------------- quotes and addresses


@pytest.mark.parametrize("digits", ["９２", "٩٢", "९२"], ids=["fullwidth", "arabic-indic", "devanagari"])
def test_digits_that_are_not_ascii_do_not_state_the_ascii_value(data_dir, validate, digits):
    edit(data_dir, LAI_CHAU, '"92% hồ sơ', f'"{digits}% hồ sơ')
    refused(validate(data_dir), "data/provinces/lai-chau.yaml:15:5:", "the quote does not contain value 92")


def test_a_source_address_ending_in_a_line_break_is_refused(data_dir, validate):
    old = "url: https://baolaocai.vn/tao-dot-pha-ve-ha-tang-so-post389600.html"
    edit(data_dir, "sources.yaml", old, 'url: "https://baolaocai.vn/a\\n"')
    refused(validate(data_dir), "data/sources.yaml:", "'url': an address must start with http://")


# ---------------------------------------------------------------- a valid tree stays valid


def test_the_minimal_tree_still_validates(data_dir, validate):
    assert (data_dir / "release.yaml").read_bytes() == (FIXTURE / "release.yaml").read_bytes()
    run = validate(data_dir)
    assert run.code == 0, run.out
