"""The editors' scaffolds: ``new-province`` and ``new-source``.

Each writes into a scratch copy of the minimal data tree and the result is checked with
the validator itself, so a scaffold can never hand an editor a file that fails. Both
refuse rather than overwrite, and refuse what the validator would refuse.
"""

from __future__ import annotations

import re

import pytest
from conftest import tree_hashes

from scorecard.__main__ import main
from scorecard.dataset import load_dataset
from scorecard.load import load_yaml
from scorecard.territory import official_units


@pytest.fixture
def run(capsys):
    """Run ``python -m scorecard ARGS``; return (exit code, stdout, stderr)."""

    def call(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return call


# ---------------------------------------------------------------- new-province


def test_new_province_creates_a_file_that_validates(data_dir, run, validate):
    code, out, _ = run("new-province", "son-la", "--data", str(data_dir))
    assert code == 0
    target = data_dir / "provinces" / "son-la.yaml"
    assert str(target) in out
    loaded = load_yaml(target)
    assert loaded.data == {"name": "Sơn La", "code": "14", "observations": []}
    result = validate(data_dir)
    assert result.code == 0, result.out
    assert not [line for line in result.errors if "son-la" in line]
    assert "son-la" in load_dataset(data_dir).province_files


def test_every_one_of_the_34_provinces_gets_its_official_name_and_code(data_dir, run, validate):
    units = official_units()
    assert len(units) == 34
    for slug, name, code in units:
        if (data_dir / "provinces" / f"{slug}.yaml").exists():
            continue
        assert run("new-province", slug, "--data", str(data_dir))[0] == 0
        data = load_yaml(data_dir / "provinces" / f"{slug}.yaml").data
        assert (data["name"], data["code"]) == (name, code)
    result = validate(data_dir)
    assert result.code == 0, result.out
    assert len(list((data_dir / "provinces").glob("*.yaml"))) == 34


@pytest.mark.parametrize("slug", ["sonla", "son_la", "Son La", "Sơn La", "../son-la", "son-la.yaml", "ha-giang-x", ""])
def test_new_province_refuses_an_unknown_name_and_lists_the_34(data_dir, run, slug):
    before = tree_hashes(data_dir.parent)
    code, _, err = run("new-province", slug, "--data", str(data_dir))
    assert code == 2
    assert "is not one of the 34 provinces" in err
    listed = re.findall(r"^  ([a-z-]+)\s+(.+) \((\d\d)\)$", err, flags=re.M)
    assert listed == [(s, n, c) for s, n, c in official_units()]
    assert tree_hashes(data_dir.parent) == before  # nothing written, anywhere


def test_new_province_never_overwrites_a_file(data_dir, run):
    before = tree_hashes(data_dir)
    code, _, err = run("new-province", "lai-chau", "--data", str(data_dir))
    assert code == 1
    assert "already exists; nothing was changed" in err
    assert tree_hashes(data_dir) == before


# ---------------------------------------------------------------- new-source

SOURCE = [
    "--title",
    "Sơn La đẩy mạnh chuyển đổi số",
    "--publisher",
    "Báo Sơn La",
    "--url",
    "https://baosonla.vn/son-la-day-manh-chuyen-doi-so.html",
    "--published",
    "2025-10-02",
]


def test_new_source_appends_an_entry_that_validates(data_dir, run, validate):
    before = (data_dir / "sources.yaml").read_text(encoding="utf-8")
    code, out, err = run("new-source", *SOURCE, "--data", str(data_dir))
    assert code == 0, err
    source_id = "bao-son-la-2025-10-02-son-la-day-manh-chuyen-doi-so"
    assert f"source: {source_id}" in out
    after = (data_dir / "sources.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)  # appended; nothing above it touched
    source = load_dataset(data_dir).sources[source_id]
    assert source.title == "Sơn La đẩy mạnh chuyển đổi số" and source.publisher == "Báo Sơn La"
    assert source.url == "https://baosonla.vn/son-la-day-manh-chuyen-doi-so.html"
    assert source.published.isoformat() == "2025-10-02" and source.author is None and source.language == "vi"
    result = validate(data_dir)
    assert result.code == 0, result.out
    assert not result.errors


def test_a_figure_can_cite_the_new_source(data_dir, run, validate):
    """The whole editor's path: new province, new source, one figure, validator passes."""
    assert run("new-province", "son-la", "--data", str(data_dir))[0] == 0
    assert run("new-source", *SOURCE, "--id", "baosonla-test", "--data", str(data_dir))[0] == 0
    path = data_dir / "provinces" / "son-la.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "observations: []\n",
        (
            "observations:\n"
            "  - indicator: online_dossiers_share\n"
            "    value: 90\n"
            "    unit: percent\n"
            "    kind: actual\n"
            "    as_of: 2025-09\n"
            "    source: baosonla-test\n"
            '    quote: "90% hồ sơ xử lý trực tuyến"\n'
        ),
    )  # test data only, not a real figure
    path.write_text(text, encoding="utf-8")
    result = validate(data_dir)
    assert result.code == 0, result.out
    assert len(load_dataset(data_dir).facts_for("son-la")) == 1


def test_new_source_refuses_a_duplicate_id(data_dir, run):
    before = tree_hashes(data_dir)
    code, _, err = run("new-source", *SOURCE, "--id", "dantri-2025-11-01-lai-chau", "--data", str(data_dir))
    assert code == 1
    assert "already exists" in err
    assert tree_hashes(data_dir) == before
    assert run("new-source", *SOURCE, "--data", str(data_dir))[0] == 0
    after_first = tree_hashes(data_dir)
    assert run("new-source", *SOURCE, "--data", str(data_dir))[0] == 1  # the same source twice
    assert tree_hashes(data_dir) == after_first


def test_a_duplicate_id_is_found_however_it_is_written(data_dir, run):
    sources = data_dir / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8") + '  - {id: "quoted-id", title: T, publisher: P,'
        ' published: "2025-01-01"}\n',
        encoding="utf-8",
    )
    before = tree_hashes(data_dir)
    assert run("new-source", *SOURCE, "--id", "quoted-id", "--data", str(data_dir))[0] == 1
    assert tree_hashes(data_dir) == before


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/file",
        "https://example.org/a b",
        'https://example.org/"onmouseover="alert(1)',
        "https://example.org/<script>",
        "//example.org/x",
    ],
)
def test_new_source_refuses_an_address_that_is_not_http(data_dir, run, url):
    before = tree_hashes(data_dir)
    code, _, err = run(
        "new-source", "--title", "T", "--publisher", "P", "--url", url, "--id", "x", "--data", str(data_dir)
    )
    assert code == 1
    assert "--url" in err and "http" in err
    assert tree_hashes(data_dir) == before


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--published", "2025-13-01", "not a real date"),
        ("--published", "01/10/2025", "YYYY-MM-DD"),
        ("--id", "Báo Sơn La", "--id"),
        ("--title", "Sơn La\u200b đẩy mạnh", "invisible"),
        ("--publisher", "Báo\x07 Sơn La", "invisible"),
    ],
)
def test_new_source_refuses_what_the_validator_would(data_dir, run, option, value, words):
    before = tree_hashes(data_dir)
    args = dict(zip(SOURCE[::2], SOURCE[1::2], strict=True)) | {option: value}
    code, _, err = run("new-source", *[part for item in args.items() for part in item], "--data", str(data_dir))
    assert code == 1
    assert words in err
    assert tree_hashes(data_dir) == before


def test_text_with_quotes_colons_and_line_breaks_is_written_safely(data_dir, run, validate):
    title = 'Lai Châu: "chuyển đổi số" # 1 \\ tiến lên\n\tphần 2'
    code, _, err = run(
        "new-source",
        "--title",
        title,
        "--publisher",
        "Báo: Dân trí",
        "--author",
        "A. B. #1",
        "--period",
        'Không ghi ngày; "đến nay"',
        "--language",
        "en",
        "--id",
        "tricky",
        "--data",
        str(data_dir),
    )
    assert code == 0, err
    source = load_dataset(data_dir).sources["tricky"]
    assert source.title == 'Lai Châu: "chuyển đổi số" # 1 \\ tiến lên phần 2'  # breaks and tabs became spaces
    assert source.publisher == "Báo: Dân trí" and source.author == "A. B. #1"
    assert source.period == 'Không ghi ngày; "đến nay"' and source.language == "en"
    assert validate(data_dir).code == 0


def test_a_sources_file_the_entry_cannot_join_is_left_alone(data_dir, run):
    sources = data_dir / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")  # flow style: an appended block would break it
    before = tree_hashes(data_dir)
    code, _, err = run("new-source", *SOURCE, "--data", str(data_dir))
    assert code == 1
    assert "would no longer read" in err
    assert tree_hashes(data_dir) == before


def test_a_missing_final_newline_is_handled(data_dir, run, validate):
    sources = data_dir / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    assert run("new-source", *SOURCE, "--data", str(data_dir))[0] == 0
    assert validate(data_dir).code == 0
