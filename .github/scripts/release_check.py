"""Refuse to publish a data version twice, or under a number the data does not carry.

Run by .github/workflows/deploy.yml before ``mike deploy`` when a tag ``vYYYY.MM`` (or
``vYYYY.MM.N``) is pushed:

    python .github/scripts/release_check.py v2026.11

It exits 1, saying why, when

* the tag is not ``v`` + ``YYYY.MM`` or ``YYYY.MM.N``;
* ``version`` in data/release.yaml (or in CITATION.cff) is not the tag's number;
* gh-pages already has that version (``mike list``) and its published SHA256SUMS differ
  from this build's (or cannot be read): a published version is never rebuilt with
  different data; corrections go into a new version. Re-deploying identical content
  (a re-run after a failed deploy) is allowed.

The gh-pages branch is fetched from the remote first when the remote has one; a remote
without it (the first release) has published nothing yet.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the scorecard package of this checkout

TAG = re.compile(r"^v(?P<version>\d{4}\.(?:0[1-9]|1[0-2])(?:\.[1-9]\d*)?)$")


def fail(message: str) -> int:
    print(f"release check: {message}", file=sys.stderr)
    return 1


def declared_versions(repo: Path) -> dict[str, str | None]:
    """The version each release file states (None when the file or its version is missing)."""
    found: dict[str, str | None] = {}
    for name in ("data/release.yaml", "CITATION.cff"):
        path = repo / name
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        value = data.get("version") if isinstance(data, dict) else None
        found[name] = value if isinstance(value, str) else (None if value is None else repr(value))
    return found


def fetch_pages_branch(repo: Path, remote: str, branch: str) -> None:
    """Bring ``remote``/``branch`` up to date; raise when the remote cannot be asked at all."""
    probe = subprocess.run(
        ["git", "-C", str(repo), "ls-remote", "--exit-code", "--heads", remote, branch],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode == 2:  # the remote has no such branch: nothing was ever published
        return
    if probe.returncode != 0:
        raise RuntimeError(f"cannot ask {remote} for {branch}: {probe.stderr.strip()}")
    subprocess.run(
        ["git", "-C", str(repo), "fetch", "--no-tags", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"],
        capture_output=True,
        text=True,
        check=True,
    )


def published_versions(repo: Path, remote: str, branch: str, mike: str = "mike") -> dict[str, list[str]]:
    """Every version on the pages branch with its aliases, as ``mike list`` reports them."""
    listing = subprocess.run(
        [mike, "list", "--json", "--remote", remote, "--branch", branch],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if listing.returncode != 0:
        raise RuntimeError(f"mike list failed: {listing.stderr.strip()}")
    return {entry["version"]: list(entry.get("aliases", [])) for entry in json.loads(listing.stdout or "[]")}


def _identical_to_published(repo: Path, ref: str, version: str) -> bool:
    """Whether this checkout's data and downloads hash exactly as the published version's SHA256SUMS."""
    from scorecard.checks import check_dataset
    from scorecard.dataset import load_dataset
    from scorecard.export import export_files
    from scorecard.release import check_release, manifest_text, published_manifest

    published = published_manifest(repo, ref, version)
    dataset = load_dataset(repo / "data")
    if published is None or any(p.severity == "error" for p in check_dataset(dataset)):
        return False
    return check_release(manifest_text(repo / "data", export_files(dataset)), published, version) == []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tag", help="the pushed tag, e.g. v2026.11 (GITHUB_REF_NAME)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="the repository (default: here)")
    parser.add_argument("--remote", default="origin")
    parser.add_argument("--branch", default="gh-pages")
    parser.add_argument("--mike", default="mike", help="the mike command")
    args = parser.parse_args(argv)

    match = TAG.match(args.tag)
    if not match:
        return fail(f"the tag '{args.tag}' is not a data version: use vYYYY.MM (v2026.11) or vYYYY.MM.N (v2026.11.1)")
    version = match["version"]
    for name, declared in declared_versions(args.repo).items():
        if declared != version:
            return fail(
                f'{name} says version {declared!r} but the tag is {args.tag}; set version: "{version}" '
                "in data/release.yaml and CITATION.cff, commit, and tag that commit"
            )
    try:
        fetch_pages_branch(args.repo, args.remote, args.branch)
        published = published_versions(args.repo, args.remote, args.branch, args.mike)
    except (RuntimeError, subprocess.CalledProcessError) as err:
        return fail(f"cannot tell which versions are published, so nothing is published: {err}")
    if version in published and _identical_to_published(args.repo, f"{args.remote}/{args.branch}", version):
        print(f"release check: {version} is already published with identical content; re-deploying changes nothing")
        return 0
    if version in published:
        return fail(
            f"version {version} is already published on {args.branch} (mike list: {sorted(published)}). "
            "A published version is never rebuilt with different data: release the correction as a new "
            f"version (for example v{version}.1 or the next month) and list it on the Changes page"
        )
    print(f"release check: {version} is new (published: {', '.join(sorted(published)) or 'none yet'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
