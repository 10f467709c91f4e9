"""Damaged and hostile data files: the validator never crashes, and always says where.

A property test starts from a valid province file (tests/fixtures/minimal/provinces/lai-chau.yaml),
damages it at random (values of the wrong type, odd numbers and text, missing and unknown
keys, broken indentation, duplicate keys, stray characters, a file cut off mid-character)
and runs the loader and every check on it in-process. Whatever the damage, the result is
either acceptance or a list of problems, each printed on one line as ``path:line:column: ...``
with a line and column inside the file.

Then the files built to exhaust a parser: the "billion laughs" of nested aliases, a very
deep nesting, a file just over the size limit, and a large but legitimate one.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.checks import check_dataset
from scorecard.dataset import load_dataset
from scorecard.load import MAX_FILE_BYTES, load_yaml
from tests.conftest import FIXTURE

SHOWN = "data/provinces/lai-chau.yaml"
BASE = FIXTURE / "provinces" / "lai-chau.yaml"
BASE_DATA = load_yaml(BASE).data
MAX_EXAMPLES = int(os.environ.get("SCORECARD_FUZZ_EXAMPLES", "500"))  # ~8 s; set the variable to fuzz longer
PRINTED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<message>.+)$")

# ---------------------------------------------------------------- what a damaged file may contain

ODD_TEXT = [
    "",
    " ",
    "NaN",
    ".nan",
    "-.inf",
    "inf",
    "1e309",
    "-0",
    "0x1F",
    "0o17",
    "1_000",
    "99,6",
    "1.655",
    "1.655,5",
    "2025-13-45",
    "2025-02-30",
    "9999",
    "-1",
    "~",
    "null",
    "no",
    "yes",
    "on",
    "true",
    "'",
    '"',
    ": ",
    "#",
    "- ",
    "&a",
    "*a",
    "!!python/object:os.system",
    "{",
    "[",
    "}",
    "]",
    "|",
    ">",
    "%YAML 1.1",
    "---",
    "...",
    "a\u0301\u0302\u0303\u0304",
    "\u202eevil",
    "\u200b",
    "\ufeff",
    "🚀📶",
    "👩\u200d💻",
    "\u2028",
    "\u0085",
    "\r",
    "\x00",
    "\x1b[31m",
    "\t",
    "\\",
    "x" * 3000,
    "Lào Cai\nLai Châu",
    "\ud7ff\ue000\U0010fffd",
]
odd_text = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),  # any code point but surrogates
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    odd_text,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3), max_leaves=6
)


def _paths(data, prefix=()) -> list[tuple]:
    """Every place in the data a value sits, the root included."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _copy(data):
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _retyped(value, kind: str):
    """The same value as another YAML type: "92" for 92, [92] for 92, {value: 92} ..."""
    return {
        "str": lambda v: str(v),
        "int": lambda v: len(str(v)),
        "float": lambda v: float(len(str(v))) + 0.5,
        "list": lambda v: [v],
        "dict": lambda v: {"value": v},
        "null": lambda v: None,
        "bool": lambda v: bool(v),
    }[kind](value)


@dataclass
class Damage:
    """One change to the data before it is written, or to the text after."""

    kind: str
    where: float  # 0..1: which place (path, line or byte), as a share of how many there are
    value: object = None

    def apply_to_data(self, data):
        paths = _paths(data)
        path = paths[min(int(self.where * len(paths)), len(paths) - 1)]
        if not path:
            return self.value if self.kind == "replace" else data
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        if self.kind == "replace":
            parent[key] = self.value
        elif self.kind == "retype":
            parent[key] = _retyped(parent[key], self.value)
        elif self.kind == "delete":
            del parent[key]
        elif self.kind == "add_key" and isinstance(parent[key], dict):
            parent[key][str(self.value)] = "unexpected"
        return data

    def apply_to_text(self, text: str) -> str:
        lines = text.split("\n")
        at = min(int(self.where * len(lines)), len(lines) - 1)
        if self.kind == "indent":
            lines[at] = " " * self.value + lines[at].lstrip(" ") if self.value >= 0 else lines[at][-self.value :]
        elif self.kind == "duplicate_line":
            lines.insert(at, lines[at])
        elif self.kind == "swap_lines" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif self.kind == "insert":
            column = min(int(self.where * 997) % (len(lines[at]) + 1), len(lines[at]))
            lines[at] = lines[at][:column] + self.value + lines[at][column:]
        elif self.kind == "drop_colon":
            lines[at] = lines[at].replace(": ", ":", 1)
        return "\n".join(lines)


where = st.floats(min_value=0, max_value=1, exclude_max=True)
data_damage = st.one_of(
    st.builds(Damage, st.just("replace"), where, values),
    st.builds(
        Damage, st.just("retype"), where, st.sampled_from(["str", "int", "float", "list", "dict", "null", "bool"])
    ),
    st.builds(Damage, st.just("delete"), where),
    st.builds(Damage, st.just("add_key"), where, odd_text),
)
text_damage = st.one_of(
    st.builds(Damage, st.just("indent"), where, st.integers(min_value=-4, max_value=9)),
    st.builds(Damage, st.just("duplicate_line"), where),
    st.builds(Damage, st.just("swap_lines"), where),
    st.builds(Damage, st.just("insert"), where, odd_text),
    st.builds(Damage, st.just("drop_colon"), where),
)


@dataclass
class Mutation:
    data: list[Damage]
    text: list[Damage]
    cut: float | None  # cut the file at this share of its bytes (maybe inside a character)

    def body(self) -> bytes:
        data = _copy(BASE_DATA)
        for damage in self.data:
            data = damage.apply_to_data(data)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
        for damage in self.text:
            text = damage.apply_to_text(text)
        body = text.encode("utf-8", errors="surrogatepass")
        return body[: int(self.cut * len(body))] if self.cut is not None else body


mutations = st.builds(Mutation, st.lists(data_damage, max_size=3), st.lists(text_damage, max_size=3), st.none() | where)


# ---------------------------------------------------------------- the property


def printed_problems(data_dir: Path) -> list[str]:
    """Load and check ``data_dir`` as the validator does; every problem as it is printed."""
    return [str(problem) for problem in check_dataset(load_dataset(data_dir))]


def assert_located(printed: list[str], data_dir: Path) -> None:
    """Each problem is one line ``path:line:column: message`` pointing inside its file."""
    for text in printed:
        match = PRINTED.match(text)
        assert match and "\n" not in text and "\r" not in text, f"not one located line: {text!r}"
        line, column = int(match["line"]), int(match["column"])
        assert line >= 1 and column >= 1, text
        path = data_dir.parent / match["path"]
        if path.is_file():
            lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
            assert line <= len(lines), f"line {line} of a file of {len(lines)} lines: {text!r}"
            assert column <= len(lines[line - 1]) + 1, f"column {column} of a line of {len(lines[line - 1])}: {text!r}"
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text), (
            f"a control or direction character reaches the terminal: {text!r}"
        )


def test_damaged_province_files_never_crash_the_validator(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(FIXTURE, data_dir)
    target = data_dir / "provinces" / "lai-chau.yaml"
    outcomes = {"accepted": 0, "refused": 0}

    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(mutation=mutations)
    def check(mutation: Mutation) -> None:
        target.write_bytes(mutation.body())
        printed = printed_problems(data_dir)
        assert_located(printed, data_dir)
        errors = [text for text in printed if ": warning: " not in text]
        outcomes["refused" if errors else "accepted"] += 1

    started = time.perf_counter()
    check()
    seconds = time.perf_counter() - started
    runs = outcomes["accepted"] + outcomes["refused"]
    print(
        f"\nfuzz: {runs} mutations in {seconds:.1f} s: {outcomes['accepted']} accepted, "
        f"{outcomes['refused']} refused with located problems"
    )
    assert runs >= MAX_EXAMPLES // 2
    assert outcomes["refused"] > 0  # the damage does damage


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('name: Lai Châu\ncode: "12"\nobservations:\n  - {"a\\nb": 1}\n', id="key with a line break"),
        pytest.param('name: Lai Châu\ncode: "12"\nobservations:\n  - {"\\e[2J": 1}\n', id="key with a terminal escape"),
        pytest.param(
            'name: Lai Châu\ncode: "12"\nobservations:\n  - {unit: "per\\ncent"}\n', id="value with a line break"
        ),
        pytest.param('name: "Lai Ch\\u202eâu"\ncode: "12"\n', id="value with a direction override"),
    ],
)
def test_problems_print_on_one_line_without_control_characters(data_dir, text):
    """A message that repeats the editor's text cannot break the one-line format or drive the terminal."""
    (data_dir / "provinces" / "lai-chau.yaml").write_text(text, encoding="utf-8")
    printed = printed_problems(data_dir)
    assert any(p.startswith(SHOWN) and ": warning: " not in p for p in printed)
    assert_located(printed, data_dir)


# ---------------------------------------------------------------- files built to exhaust a parser


def billion_laughs() -> str:
    """The classic: nine levels of ten aliases each, 10⁹ strings once expanded."""
    lines = ["name: Lai Châu", 'code: "12"', 'lol0: &lol0 "lol"']
    lines += [f"lol{n}: &lol{n} [" + ", ".join([f"*lol{n - 1}"] * 10) + "]" for n in range(1, 10)]
    return "\n".join(lines) + "\nobservations: *lol9\n"


def _too_slow(signum, frame):
    raise TimeoutError("still reading after 2 s: the file is being expanded, not refused")


def _measured(data_dir: Path) -> tuple[list[str], float, int, int]:
    """(printed problems, seconds, Python peak bytes, growth of the process's peak RSS in bytes).

    An alarm stops the reading after 2 s, so a parser that expands the file fails the test
    instead of running for hours.
    """
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        printed = printed_problems(data_dir)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024  # KiB on Linux
    return printed, seconds, peak, rss_growth


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        pytest.param(billion_laughs(), 3, ["anchors (&name) are not allowed"], id="billion laughs"),
        pytest.param(
            billion_laughs().replace("&lol0 ", "").replace('lol0: "lol"', "lol0: *undefined"),
            3,
            ["aliases (*name) are not allowed"],
            id="billion laughs without anchors",
        ),
        pytest.param(
            'name: Lai Châu\ncode: "12"\nobservations: ' + "[" * 50_000 + "]" * 50_000 + "\n",
            3,
            ["nested more than"],
            id="50000 nested lists",
        ),
    ],
)
def test_parser_bombs_fail_fast_with_a_clear_message(data_dir, text, line, words):
    (data_dir / "provinces" / "lai-chau.yaml").write_text(text, encoding="utf-8")
    printed, seconds, peak, rss_growth = _measured(data_dir)
    print(
        f"\n{len(text):,} bytes refused in {seconds * 1000:.1f} ms, Python peak {peak / 2**20:.2f} MiB, "
        f"RSS growth {rss_growth / 2**20:.1f} MiB"
    )
    errors = [p for p in printed if p.startswith(f"{SHOWN}:{line}:")]
    assert errors and all(word in errors[0] for word in words), printed
    assert seconds < 2
    assert peak < 50 * 2**20 and rss_growth < 50 * 2**20


def test_a_file_just_over_the_size_limit_is_refused_naming_the_limit(data_dir):
    path = data_dir / "provinces" / "lai-chau.yaml"
    filler, base = "# " + "x" * 97 + "\n", BASE.read_bytes().decode("utf-8")
    path.write_text(base + filler * ((MAX_FILE_BYTES - len(base.encode("utf-8"))) // len(filler) + 1), encoding="utf-8")
    assert MAX_FILE_BYTES < path.stat().st_size < MAX_FILE_BYTES + 200
    printed, seconds, _, _ = _measured(data_dir)
    refused = [p for p in printed if p.startswith(f"{SHOWN}:")]
    assert refused == [
        f"{SHOWN}:1:1: the file is {path.stat().st_size:,} bytes, over the limit of 1,000,000; "
        "split it or remove what does not belong"
    ]
    assert seconds < 2


def many_observations(size: int) -> str:
    """A valid province file of about ``size`` bytes: one figure repeated with a distinct period each."""
    head = 'name: Lai Châu\ncode: "12"\nobservations:\n'
    block = (
        "  - indicator: online_dossiers_share\n    value: 92\n    unit: percent\n    kind: actual\n"
        '    period: Đợt {n}\n    source: dantri-2025-11-01-lai-chau\n    quote: "92% hồ sơ xử lý trực tuyến"\n'
        '    note: "Bản ghi thứ {n} trong một tệp lớn, để đo thời gian kiểm tra."\n\n'
    )
    count = (size - len(head.encode("utf-8"))) // len(block.format(n=99999).encode("utf-8"))
    return head + "".join(block.format(n=n) for n in range(count))


def test_a_large_valid_file_is_read_and_checked(data_dir):
    path = data_dir / "provinces" / "lai-chau.yaml"
    path.write_text(many_observations(900_000), encoding="utf-8")
    size = path.stat().st_size
    started = time.perf_counter()
    dataset = load_dataset(data_dir)
    errors = [str(p) for p in check_dataset(dataset) if p.severity == "error"]
    seconds = time.perf_counter() - started
    figures = len(dataset.facts_for("lai-chau"))
    print(f"\n{size:,} bytes, {figures} figures: loaded and checked in {seconds:.2f} s")
    assert errors == []
    assert 850_000 < size <= 900_000 and figures > 3000
    assert seconds < 20
