"""Whether a build step would make what it made last time: then it has nothing to do.

A step (generating docs/, or MkDocs turning docs/ into site/) is a function of its inputs. Its stamp
holds a key made of every input (file trees by their contents, the versions of the libraries that
draw or write, the settings) and the digest of what the step left behind. When the key is the same
and the output is still, byte for byte, what the step wrote, the step is skipped: an unchanged
tree of 20,000 figures costs the reading of its files, not two minutes of rendering.

The stamp lives in the build's state folder (:func:`scorecard.output.state_dir`), outside the work
tree, like the chart cache: no commit can plant one. Anything the key does not know about, such as an
output edited by hand, changes the output's digest, so the step runs again.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .output import file_digest, state_dir, write_output

SKIPPED = frozenset({"__pycache__", ".pytest_cache", ".ruff_cache"})  # what Python and tools leave beside code


def tree_digest(root: Path) -> str:
    """sha256 over every file under ``root`` (its path and its bytes) in a fixed order; a link counts
    as its target's text, never followed. A missing folder has a digest too (of nothing)."""
    root = Path(root)
    if root.is_file() and not root.is_symlink():
        return file_digest(root)
    digest = hashlib.sha256()
    for path in _files(root):
        digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        if path.is_symlink():
            digest.update(b"link:" + str(path.readlink()).encode("utf-8", "surrogateescape"))
        else:
            digest.update(file_digest(path).encode("ascii"))
    return digest.hexdigest()


def _files(root: Path) -> list[Path]:
    """Every file and link under ``root``, sorted; os.walk does not follow linked folders, so they are
    taken as links."""
    found = []
    for parent, folders, names in os.walk(root):
        folders[:] = [name for name in folders if name not in SKIPPED]
        found += [Path(parent) / name for name in names]
        found += [Path(parent) / name for name in folders if (Path(parent) / name).is_symlink()]
    return sorted(found)


def versions(*packages: str) -> dict[str, str | None]:
    """The installed version of each library whose output ends up in the site."""
    found = {}
    for name in packages:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def key_of(inputs: dict) -> str:
    """One key for a step's inputs (trees already reduced to digests, settings, versions)."""
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _stamp_file(output: Path, step: str) -> Path:
    return state_dir(output) / f"stamp-{step}.json"


def unchanged(output: Path, step: str, key: str) -> dict | None:
    """What the step reported last time, when its key and its output are what they were; else None."""
    try:
        stamp = json.loads(_stamp_file(output, step).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("key") != key or not Path(output).is_dir():
        return None
    if stamp.get("output") != tree_digest(output):
        return None
    report = stamp.get("report")
    return report if isinstance(report, dict) else {}


def remember(output: Path, step: str, key: str, report: dict) -> None:
    """Keep the step's key, the digest of what it left in ``output`` and its report for next time."""
    path = _stamp_file(output, step)
    body = {"key": key, "output": tree_digest(output), "report": report}
    write_output(path, (json.dumps(body, indent=1, sort_keys=True) + "\n").encode("utf-8"), path.parent)


def forget(output: Path, step: str) -> None:
    """Drop the step's stamp (a failed run leaves an output nobody vouches for)."""
    _stamp_file(output, step).unlink(missing_ok=True)
