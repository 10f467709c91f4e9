"""Read one YAML file into plain Python data, keeping where every value was written.

PyYAML on its own loses data quietly (a duplicate key keeps the last value), resolves
``no`` to ``False`` and ``2025-05-01`` to a date, and expands aliases without limit.
Editors are not programmers, so this loader refuses all of that up front and says
where: every problem is a :class:`Problem` with the file, line and column.

The result of :func:`load_yaml` is a :class:`Loaded` holding the data (dicts, lists,
str, int, float, bool, None) and ``positions``: a map from a path such as
``("observations", 3, "value")`` to the (line, column) where that value starts, so
later checks can point at the exact spot too.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12
MAX_NUMBER = 1e18  # no figure is this large; beyond it floats lose whole numbers, and 10**400 is no float at all
DATA_SUFFIXES = (".yaml", ".yml")

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in a data file, located for the editor."""

    path: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        """One line, whatever text of the editor's the message repeats: line breaks, controls and
        direction marks are shown as escapes (\\n, \\x1b, \\u202e), never sent to the terminal."""
        label = "" if self.severity == "error" else "warning: "
        return f"{printable(self.path)}:{self.line}:{self.column}: {label}{printable(self.message)}"


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` on one line, safe for a terminal or a CI log: line breaks, ANSI escapes, controls and
    direction marks become escapes (\\n, \\x1b, \\u202e). A file name is the editor's text too: a
    name holding a line break and ``::error::`` would otherwise write a line GitHub Actions obeys."""
    return _UNPRINTABLE.sub(lambda char: char[0].encode("unicode_escape").decode("ascii"), text)


@dataclass
class Loaded:
    """The data of one file and where each value of it was written."""

    path: str
    data: object
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def where(self, key_path: PathKey) -> tuple[int, int]:
        """The position of ``key_path``, or of its nearest written ancestor."""
        key_path = tuple(key_path)
        while key_path:
            if key_path in self.positions:
                return self.positions[key_path]
            key_path = key_path[:-1]
        return self.positions.get((), (1, 1))


class DataFileError(Exception):
    """A file that cannot be read at all; carries the problem to print."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


# Plain scalars resolve like YAML 1.2's core schema, narrowed: only true/false are
# booleans (so "no" and "NO" stay text), dates stay text (the model parses them at the
# precision the editor wrote), and numbers are plain decimals.
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


def _scalar_value(node: ScalarNode) -> object:
    text = node.value
    if node.tag not in (
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "?",
    ) and not node.tag.startswith("tag:yaml.org,2002:"):
        raise _located(node, f"the tag {node.tag!r} is not allowed; remove it and write a plain value")
    if node.style:  # quoted or block text is always text (plain is None in PyYAML, "" in libyaml)
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text) or _FLOAT.match(text):
        return _number(node, text)
    return text


def _number(node: ScalarNode, text: str) -> int | float:
    """A plain number, refused where later arithmetic would fail or mislead: 401 digits overflow a
    float, 5,000 exceed Python's limit for reading an integer, 1.0e999 is infinite, and -0.0 shows as "-0"."""
    digits = len(text.lstrip("+-").split(".")[0].split("e")[0].split("E")[0].lstrip("0"))
    number = int(text) if _INT.match(text) and digits <= 19 else float(text) if digits <= 19 else math.inf
    if not math.isfinite(number) or abs(number) >= MAX_NUMBER:
        raise _located(node, f"the number {_shortened(text)} is too large for a figure; check it against the source")
    if number == 0 and text.startswith("-"):
        raise _located(node, f"{text} is zero with a minus sign; write 0")
    return number


def _shortened(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:12]}…{text[-6:]} ({len(text)} characters)"


class _LocatedError(Exception):
    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _located(node, message: str) -> _LocatedError:
    mark = node.start_mark
    return _LocatedError(mark.line + 1, mark.column + 1, message)


def _refuse_aliases_tags_and_depth(text: str) -> None:
    """Scan the YAML events (in C, fast) and refuse what data files never need.

    Refusing aliases at the first ``*`` is what makes a "billion laughs" file fail in
    microseconds instead of expanding; explicit tags (``!!python/object``) and nesting
    deeper than ``MAX_DEPTH`` are refused here too, before anything is composed, so a
    file of a thousand ``[`` cannot exhaust the stack either.
    """
    scanner = yaml.CSafeLoader(text)
    open_collections = 0
    try:
        while scanner.check_event():
            event = scanner.get_event()
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent):
                raise _LocatedError(
                    mark.line + 1,
                    mark.column + 1,
                    "aliases (*name) are not allowed in data files; write the value out in full",
                )
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if event.anchor:
                    raise _LocatedError(
                        mark.line + 1,
                        mark.column + 1,
                        "anchors (&name) are not allowed in data files; write each value out in full",
                    )
                if event.tag is not None and event.tag != "!":
                    raise _LocatedError(
                        mark.line + 1,
                        mark.column + 1,
                        f"the tag {event.tag!r} is not allowed; remove it and write a plain value",
                    )
                if open_collections > MAX_DEPTH:
                    raise _LocatedError(
                        mark.line + 1,
                        mark.column + 1,
                        f"the data is nested more than {MAX_DEPTH} levels deep; flatten it",
                    )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                open_collections += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                open_collections -= 1
    finally:
        scanner.dispose()


def _build(node, key_path: PathKey, positions: dict, depth: int) -> object:
    """Turn a composed node into plain data, recording positions and refusing duplicates."""
    if depth > MAX_DEPTH:
        raise _located(node, f"the data is nested more than {MAX_DEPTH} levels deep; flatten it")
    positions[key_path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        return _scalar_value(node)
    if isinstance(node, SequenceNode):
        return [_build(item, (*key_path, i), positions, depth + 1) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, object] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise _located(key_node, "a key must be a plain name such as 'value:'")
            key = key_node.value
            if key in result:
                raise _located(
                    key_node,
                    f"the key '{key}' appears twice in the same block (first on line {first_seen[key]}); "
                    "keep one of them, so no value is silently lost",
                )
            first_seen[key] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*key_path, key), positions, depth + 1)
            positions[(*key_path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    raise _located(node, "unsupported YAML node")


def _decode(raw: bytes, shown: str) -> tuple[str, list[Problem]]:
    warnings: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        warnings.append(
            Problem(
                shown,
                1,
                1,
                "the file starts with a byte-order mark (BOM); it was read, but save it as 'UTF-8' without BOM",
                "warning",
            )
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(Problem(shown, 1, 1, "the file is saved as UTF-16; save it again as UTF-8"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1  # characters, not bytes
        raise DataFileError(
            Problem(
                shown,
                line,
                column,
                f"this byte (0x{raw[err.start]:02x}) is not UTF-8 text; "
                "save the file as UTF-8 (Vietnamese letters need it)",
            )
        ) from None
    return text, warnings


# A tab, a control character but the line breaks, DEL; what YAML itself refuses (C1 controls, U+FFFE/U+FFFF);
# and what YAML counts as a line break but not every editor does, which would shift every line number after
# it: the line and paragraph separators, and a carriage return without its line feed (old Mac line ends;
# Windows' CR LF is fine). One search finds the first; a file without one is read once.
_REFUSED_CHARS = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]|\r(?!\n)")


def _refuse_tabs_and_controls(text: str, shown: str) -> None:
    """The first character an editor cannot see or YAML refuses, located by line and column."""
    found = _REFUSED_CHARS.search(text)
    if found is None:
        return
    char, start = found.group(), found.start()
    line_number, column = text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
    if char == "\t":
        message = "a tab character; YAML needs spaces: replace the tab with spaces"
    elif char == "\r":
        message = "a carriage return (U+000D) without a line break after it; save the file with ordinary line breaks"
    elif ord(char) < 32 or ord(char) == 127:
        message = f"an invisible control character (U+{ord(char):04X}); delete it"
    else:
        message = f"an invisible or non-text character (U+{ord(char):04X}); delete it"
    raise DataFileError(Problem(shown, line_number, column, message))


def _inside(text: str, line: int, column: int) -> tuple[int, int]:
    """A position within the text: libyaml puts an error at the end of a file without a final line
    break one line past its last, where no editor can go; that becomes the end of the last line."""
    lines = text.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(column, len(lines[line - 1]) + 1)


def shown_path(path: Path, data_dir: Path) -> str:
    """The path as an editor knows it: data/provinces/lao-cai.yaml."""
    try:
        return path.relative_to(data_dir.parent).as_posix()
    except ValueError:
        return str(path)


def read_data_file(path: Path, data_dir: Path, shown: str | None = None) -> bytes:
    """The bytes of the data file ``path`` inside ``data_dir``: the one way a data file is read.

    A pull request can put anything where a data file is expected, so nothing is read
    that is not an ordinary file of the folder itself: a symbolic link (to /dev/zero,
    which reads forever, or to a file outside the repository, whose content would be
    published), a device or pipe, a folder named ``x.yaml``, a ``.yml`` twin beside a
    ``.yaml`` (both would be read, every figure twice), or more than ``MAX_FILE_BYTES``.
    Each is a :class:`DataFileError` at line 1 of the file (named ``shown``, by default as
    the editor knows it), saying what to do. The file is opened without following links
    and read at most one byte past the limit, so it cannot turn into something else
    between the check and the read.
    """
    shown = shown or shown_path(path, data_dir)
    _refuse_links_below(path, data_dir, shown)
    _refuse_twin(path, data_dir)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DataFileError(Problem(shown, 1, 1, f"the file {path.name} is missing from the data folder")) from None
    except OSError as err:  # a link made after the check (ELOOP), or no permission
        raise DataFileError(Problem(shown, 1, 1, f"the file cannot be read ({err.strerror}); check it")) from None
    try:
        status = os.fstat(fd)
        _refuse_not_regular(status, shown)
        body = os.read(fd, MAX_FILE_BYTES + 1) if status.st_size <= MAX_FILE_BYTES else b""
    finally:
        os.close(fd)
    size = max(status.st_size, len(body))
    if size > MAX_FILE_BYTES:
        raise DataFileError(
            Problem(
                shown,
                1,
                1,
                f"the file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,}; "
                "split it or remove what does not belong",
            )
        )
    return body


def _refuse_links_below(path: Path, data_dir: Path, shown: str) -> None:
    """No symbolic link between the data folder and the file (data/provinces -> /etc included)."""
    try:
        parts = path.relative_to(data_dir).parts
    except ValueError:
        raise DataFileError(Problem(shown, 1, 1, "the file is not inside the data folder")) from None
    current = data_dir
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise DataFileError(
                Problem(
                    shown if current == path else shown_path(current, data_dir),
                    1,
                    1,
                    "this is a symbolic link; data files must be ordinary files inside data/: "
                    "put the file itself here (copy it) and delete the link",
                )
            )


def _refuse_not_regular(status: os.stat_result, shown: str) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise DataFileError(
            Problem(shown, 1, 1, "this is a folder, not a file; only data files may have a data file's name: rename it")
        )
    if not stat.S_ISREG(status.st_mode):
        raise DataFileError(
            Problem(shown, 1, 1, "this is not an ordinary file (a device, pipe or socket); delete it from data/")
        )


def _refuse_twin(path: Path, data_dir: Path) -> None:
    """``x.yml`` beside ``x.yaml`` is one file twice: refused at the ``.yml`` whichever of the two is read."""
    if path.suffix not in DATA_SUFFIXES:
        return
    yml, yaml_file = path.with_suffix(".yml"), path.with_suffix(".yaml")
    if os.path.lexists(yml) and os.path.lexists(yaml_file):
        raise DataFileError(
            Problem(
                shown_path(yml, data_dir),
                1,
                1,
                f"{yml.name} and {yaml_file.name} are both here: they would be read as two files and every "
                f"figure counted twice; keep {yaml_file.name} (move what it lacks there) and delete {yml.name}",
            )
        )


def load_data_file(path: Path, data_dir: Path, shown: str | None = None) -> Loaded:
    """Read the data file ``path`` of ``data_dir`` (see :func:`read_data_file`) as strict YAML."""
    shown = shown or shown_path(path, data_dir)
    text, warnings = _decode(read_data_file(path, data_dir, shown), shown)
    return load_yaml_text(text, shown, warnings)


def load_yaml(path: Path, shown: str | None = None) -> Loaded:
    """Read one YAML file, its folder standing for the data folder (see :func:`load_data_file`)."""
    return load_data_file(Path(path), Path(path).parent, shown or str(path))


def load_yaml_text(text: str, shown: str, warnings: list[Problem] | None = None) -> Loaded:
    """Parse YAML ``text`` (already decoded) as :func:`load_yaml` does."""
    _refuse_tabs_and_controls(text, shown)
    loader = yaml.CSafeLoader(text)
    try:
        _refuse_aliases_tags_and_depth(text)
        node = loader.get_single_node()
        if node is None:
            raise DataFileError(Problem(shown, 1, 1, "the file is empty; it needs at least its top-level keys"))
        positions: dict[PathKey, tuple[int, int]] = {}
        data = _build(node, (), positions, 0)
    except _LocatedError as err:
        raise DataFileError(Problem(shown, err.line, err.column, err.message)) from None
    except yaml.reader.ReaderError as err:  # libyaml refuses C1 controls (U+0080-U+009F) and U+FFFE/U+FFFF
        before = text[: err.position]
        line, column = before.count("\n") + 1, err.position - (before.rfind("\n") + 1) + 1
        raise DataFileError(
            Problem(shown, line, column, f"an invisible or non-text character (U+{err.character:04X}); delete it")
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = _inside(text, *((mark.line + 1, mark.column + 1) if mark else (1, 1)))
        what = err.problem or "this is not valid YAML"
        raise DataFileError(
            Problem(
                shown,
                line,
                column,
                f"YAML syntax: {what}; check the indentation and the ':' "
                "after each key, and put text containing ': ' or '#' in quotes",
            )
        ) from None
    finally:
        loader.dispose()
    return Loaded(shown, data, positions, warnings or [])
