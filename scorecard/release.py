"""Immutable releases: a checksum manifest per data version, and a check before publishing.

Each built version carries ``SHA256SUMS`` (the format ``sha256sum -c`` reads) covering
every data file and every download. A journalist who cited version 2026.11 must find
the same numbers there next year, so :func:`check_release` refuses to deploy a version
number that is already published with a different manifest: corrections go into a new
version, whose Changes page lists them. ``.github/scripts/release_check.py`` runs the
check before every tagged deploy.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

MANIFEST_NAME = "SHA256SUMS"
PUBLISHED_PATH = "generated/downloads/" + MANIFEST_NAME  # inside a version's folder on gh-pages


def _sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def manifest_text(data_dir: Path, downloads: dict[str, str]) -> str:
    """``<sha256>  <path>`` for every data file (data/…) and every download (downloads/…), sorted."""
    lines = [
        (f"data/{path.relative_to(data_dir).as_posix()}", _sha256(path.read_bytes()))
        for path in sorted(data_dir.rglob("*"))
        if path.is_file() and not path.is_symlink()  # the validator refuses links; they are never followed
    ]
    lines += [(f"downloads/{name}", _sha256(text.encode("utf-8"))) for name, text in sorted(downloads.items())]
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(lines))


def published_manifest(repo: Path, ref: str, version: str) -> str | None:
    """The manifest of ``version`` as published on ``ref`` (e.g. origin/gh-pages), or None if absent."""
    result = subprocess.run(
        ["git", "-C", str(repo), "show", f"{ref}:{version}/{PUBLISHED_PATH}"], capture_output=True, text=True
    )
    return result.stdout if result.returncode == 0 else None


def check_release(new_manifest: str, old_manifest: str | None, version: str) -> list[str]:
    """Why ``version`` must not be published (empty when it may be)."""
    if old_manifest is None or old_manifest == new_manifest:
        return []
    old = dict(reversed(line.split("  ", 1)) for line in old_manifest.splitlines() if "  " in line)
    new = dict(reversed(line.split("  ", 1)) for line in new_manifest.splitlines() if "  " in line)
    changed = sorted(path for path in old.keys() | new.keys() if old.get(path) != new.get(path))
    return [
        f"version {version} is already published with different content ({len(changed)} file(s) differ: "
        f"{', '.join(changed[:8])}{' …' if len(changed) > 8 else ''}); a published version is never rewritten: "
        "set a new version in data/release.yaml and CITATION.cff"
    ]
