"""The strict YAML loader: every broken file is refused with its exact place, nothing is lost quietly.

Each case writes one broken file into a copy of the minimal tree, runs
``python -m scorecard validate`` and checks the ``path:line:column:`` and key words
of the one line that reports it.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURE, write, write_bytes

from scorecard.load import MAX_FILE_BYTES, DataFileError, load_yaml_text

LAI_CHAU = "provinces/lai-chau.yaml"
SHOWN = "data/provinces/lai-chau.yaml"

# A valid Lai Châu file; cases below break one thing in it.
HEAD = 'name: Lai Châu\ncode: "12"\nobservations:\n'
OBSERVATION = """\
  - indicator: online_dossiers_share
    value: 92
    unit: percent
    kind: actual
    period: Hiện
    source: dantri-2025-11-01-lai-chau
    quote: "92% hồ sơ xử lý trực tuyến"
"""


def _with(old: str, new: str) -> str:
    """The valid Lai Châu file with one line changed."""
    assert old in OBSERVATION, old
    return HEAD + OBSERVATION.replace(old, new)


TEXT_CASES = [
    pytest.param(
        LAI_CHAU,
        _with('quote: "92% hồ sơ xử lý trực tuyến"', "quote: 92% hồ sơ: xử lý trực tuyến"),
        f"{SHOWN}:10:21:",
        ["YAML syntax", "mapping values are not allowed", "put text containing ': '"],
        id="yaml that does not parse",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    unit: percent\n", "    unit: percent\n    value: 95\n"),
        f"{SHOWN}:7:5:",
        ["the key 'value' appears twice", "first on line 5"],
        id="duplicate key",
    ),
    pytest.param(
        "sources.yaml",
        (FIXTURE / "sources.yaml")
        .read_text(encoding="utf-8")
        .replace("    language: vi\n", "    language: vi\n    publisher: Báo Lào Cai\n", 1),
        "data/sources.yaml:12:5:",
        ["the key 'publisher' appears twice", "first on line 7"],
        id="duplicate key in sources",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", "\tvalue: 92\n"),
        f"{SHOWN}:5:1:",
        ["a tab character", "replace the tab with spaces"],
        id="tab indentation",
    ),
    pytest.param(
        LAI_CHAU,
        _with('quote: "92% hồ sơ xử lý trực tuyến"', 'quote: "92% hồ sơ\txử lý trực tuyến"'),
        f"{SHOWN}:10:22:",
        ["a tab character"],
        id="tab inside quoted text",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", "    value: 92\u0007\n"),
        f"{SHOWN}:5:14:",
        ["invisible control character (U+0007)"],
        id="control character",
    ),
    pytest.param(
        LAI_CHAU,
        _with('quote: "92% hồ sơ xử lý trực tuyến"', 'quote: "\u009392% hồ sơ xử lý trực tuyến\u0094"'),
        f"{SHOWN}:10:13:",
        ["invisible or non-text character (U+0093)"],
        id="C1 control character (a mis-decoded quote mark)",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    period: Hiện\n", "    period: Hiện\ufffe\n"),
        f"{SHOWN}:8:17:",
        ["invisible or non-text character (U+FFFE)"],
        id="non-character U+FFFE",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    period: Hiện\n", "    period: Hiện\u2028\n"),
        f"{SHOWN}:8:17:",
        ["invisible or non-text character (U+2028)"],
        id="line separator U+2028 (YAML would count it as a new line)",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", "    value: 92\r"),
        f"{SHOWN}:5:14:",
        ["a carriage return (U+000D) without a line break", "ordinary line breaks"],
        id="carriage return alone (YAML would count it as a new line, an editor may not)",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", "    value: &v 92\n"),
        f"{SHOWN}:5:12:",
        ["anchors (&name) are not allowed"],
        id="anchor",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", "    value: *v\n"),
        f"{SHOWN}:5:12:",
        ["aliases (*name) are not allowed"],
        id="alias",
    ),
    pytest.param(
        LAI_CHAU,
        'a: &a ["lol", "lol", "lol"]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n',
        f"{SHOWN}:1:4:",
        ["anchors (&name) are not allowed"],
        id="billion laughs",
    ),
    pytest.param(
        LAI_CHAU,
        HEAD.replace("observations:\n", "observations: " + "[" * 13 + "]" * 13 + "\n"),
        f"{SHOWN}:3:27:",
        ["nested more than 12 levels deep"],
        id="too-deep nesting",
    ),
    pytest.param(
        LAI_CHAU,
        HEAD.replace("observations:\n", "observations: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        f"{SHOWN}:3:27:",
        ["nested more than 12 levels deep"],
        id="nesting deeper than python recursion",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", '    value: !!python/object/apply:os.system ["echo hacked"]\n'),
        f"{SHOWN}:5:12:",
        ["the tag", "python/object/apply:os.system", "is not allowed"],
        id="python object tag",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", "    value: !!python/object:builtins.int 92\n"),
        f"{SHOWN}:5:12:",
        ["the tag", "python/object:builtins.int", "is not allowed"],
        id="python object tag on a scalar",
    ),
    pytest.param(
        LAI_CHAU,
        _with("    value: 92\n", "    value: !Ref {id: x}\n"),
        f"{SHOWN}:5:12:",
        ["the tag '!Ref' is not allowed"],
        id="custom local tag",
    ),
    pytest.param(
        LAI_CHAU,
        "# nothing but a comment\n",
        f"{SHOWN}:1:1:",
        ["the file is empty"],
        id="empty file",
    ),
]


@pytest.mark.parametrize(("relative", "text", "where", "words"), TEXT_CASES)
def test_broken_text_is_refused_at_its_place(data_dir, validate, relative, text, where, words):
    write_bytes(data_dir, relative, text.encode("utf-8"))
    run = validate(data_dir)
    assert run.code == 1
    line = run.line_starting(where)
    for word in words:
        assert word in line, line


BYTE_CASES = [
    pytest.param(
        HEAD.replace("Lai Châu", "Lai Ch\u00e2u").encode("latin-1"),
        f"{SHOWN}:1:13:",
        ["this byte (0xe2) is not UTF-8", "save the file as UTF-8"],
        id="latin-1 file",
    ),
    pytest.param(
        (HEAD + '  - quote: "Lào Cai ').encode("utf-8") + b'\x93x\x94"\n',
        # the column counts characters as an editor shows them (à is 2 bytes in UTF-8)
        f"{SHOWN}:4:21:",
        ["this byte (0x93) is not UTF-8"],
        id="windows-1252 quote mark after vietnamese text",
    ),
    pytest.param(
        (HEAD + OBSERVATION).encode("utf-16"),
        f"{SHOWN}:1:1:",
        ["saved as UTF-16", "save it again as UTF-8"],
        id="utf-16 file",
    ),
]


@pytest.mark.parametrize(("body", "where", "words"), BYTE_CASES)
def test_file_that_is_not_utf8_is_refused(data_dir, validate, body, where, words):
    write_bytes(data_dir, LAI_CHAU, body)
    run = validate(data_dir)
    assert run.code == 1
    line = run.line_starting(where)
    for word in words:
        assert word in line, line


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_refused_on_line_1(data_dir, validate, encoding):
    write_bytes(data_dir, LAI_CHAU, (HEAD + OBSERVATION).encode(encoding))
    run = validate(data_dir)
    assert run.code == 1
    assert any(line.startswith(f"{SHOWN}:1:") for line in run.errors), run.out


def test_byte_order_mark_is_only_a_warning(data_dir, validate):
    path = data_dir / LAI_CHAU
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    run = validate(data_dir)
    assert run.code == 0, run.out
    line = run.line_starting(f"{SHOWN}:1:1: warning: ")
    assert "byte-order mark (BOM)" in line
    assert "without BOM" in line


def test_windows_line_ends_are_read(data_dir, validate):
    """A carriage return alone is refused (it would shift line numbers); Windows' CR LF is an ordinary line end."""
    path = data_dir / LAI_CHAU
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    run = validate(data_dir)
    assert run.code == 0, run.out


def test_file_over_the_size_limit_is_refused(data_dir, validate):
    filler = "# " + "x" * 98 + "\n"
    text = HEAD + OBSERVATION + filler * (MAX_FILE_BYTES // len(filler) + 1)
    write(data_dir, LAI_CHAU, text)
    assert (data_dir / LAI_CHAU).stat().st_size > MAX_FILE_BYTES
    run = validate(data_dir)
    assert run.code == 1
    line = run.line_starting(f"{SHOWN}:1:1:")
    assert "over the limit of 1,000,000" in line


def test_file_just_under_the_size_limit_is_read(data_dir, validate):
    filler = "# " + "x" * 98 + "\n"
    text = HEAD + OBSERVATION
    text += filler * ((MAX_FILE_BYTES - len(text.encode("utf-8"))) // len(filler))
    write(data_dir, LAI_CHAU, text)
    assert (data_dir / LAI_CHAU).stat().st_size <= MAX_FILE_BYTES
    run = validate(data_dir)
    assert run.code == 0, run.out


# ---------------------------------------------------------------- what plain values become


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a: no", "no", id="no stays text"),
        pytest.param("a: NO", "NO", id="NO stays text (Norway problem)"),
        pytest.param("a: yes", "yes", id="yes stays text"),
        pytest.param("a: true", True, id="true is a boolean"),
        pytest.param("a: 2025-05-01", "2025-05-01", id="a date stays text"),
        pytest.param("a: 2025-05", "2025-05", id="a month stays text"),
        pytest.param('a: "92"', "92", id="quoted number stays text"),
        pytest.param("a: 92", 92, id="plain whole number"),
        pytest.param("a: 99.6", 99.6, id="plain decimal"),
        pytest.param("a: 1.655", 1.655, id="1.655 is a decimal, not 1655"),
        pytest.param("a: 0x1F", "0x1F", id="hex stays text"),
        pytest.param("a: 1_000", "1_000", id="underscored number stays text"),
        pytest.param("a: .inf", ".inf", id="infinity stays text"),
        pytest.param("a: ~", None, id="tilde is empty"),
        pytest.param("a:", None, id="nothing is empty"),
    ],
)
def test_plain_values_resolve_narrowly(text, expected):
    value = load_yaml_text(text + "\n", "f.yaml").data["a"]
    assert value == expected
    assert type(value) is type(expected)


def test_positions_point_at_each_key():
    loaded = load_yaml_text(HEAD + OBSERVATION, "f.yaml")
    assert loaded.where(("code",)) == (2, 1)
    assert loaded.where(("observations", 0)) == (4, 5)
    assert loaded.where(("observations", 0, "quote")) == (10, 5)
    # a path that is not written falls back to its nearest written ancestor
    assert loaded.where(("observations", 0, "note")) == (4, 5)


def test_merge_key_is_refused():
    with pytest.raises(DataFileError) as caught:
        load_yaml_text("a: {x: 1}\nb:\n  <<: {x: 1}\n", "f.yaml")
    assert str(caught.value).startswith("f.yaml:3:3:")
    assert "a key must be a plain name" in str(caught.value)
