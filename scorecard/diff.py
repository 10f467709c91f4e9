"""What changed between two versions of the data: figures added, removed and corrected.

A figure is matched across versions by what it is about (province, indicator, kind,
date or target year, scope, subject, territory and source), not by its line, so moving
a block is no change and a new value for the same thing is a correction, shown with
both values. The Markdown it prints is the pull-request summary, the release notes and
the site's "Changes" page.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from .dataset import Dataset, Fact, load_dataset
from .numbers import format_amount

_COMPARED = ("value", "qualifier", "numerator", "denominator", "low", "high", "unit", "quote", "note")


def fact_key(fact: Fact) -> tuple:
    """What a figure is about; two versions' figures with one key are the same figure."""
    obs = fact.observation
    territory = fact.territory.id if fact.territory else obs.territory
    return (fact.province, obs.indicator, obs.kind, str(obs.as_of), obs.target_year, obs.scope, obs.subject,
            territory, obs.source)


@dataclass(frozen=True)
class Change:
    """One difference: kind is 'added', 'removed' or 'changed' (a correction)."""

    kind: str
    key: tuple
    old: Fact | None
    new: Fact | None

    @property
    def province(self) -> str:
        return self.key[0]

    @property
    def indicator(self) -> str:
        return self.key[1]

    def changed_fields(self) -> list[str]:
        if self.old is None or self.new is None:
            return []
        old, new = self.old.observation, self.new.observation
        return [name for name in _COMPARED if getattr(old, name) != getattr(new, name)]


def compare(old: Dataset, new: Dataset) -> list[Change]:
    """Every added, removed and changed figure, in a stable order."""
    old_by_key = {fact_key(fact): fact for fact in old.facts}
    new_by_key = {fact_key(fact): fact for fact in new.facts}
    changes: list[Change] = []
    for key in sorted(set(old_by_key) | set(new_by_key), key=lambda k: tuple(str(part) for part in k)):
        before, after = old_by_key.get(key), new_by_key.get(key)
        if before is None:
            changes.append(Change("added", key, None, after))
        elif after is None:
            changes.append(Change("removed", key, before, None))
        else:
            change = Change("changed", key, before, after)
            if change.changed_fields():
                changes.append(change)
    return changes


def _figure(fact: Fact, lang: str = "en") -> str:
    obs = fact.observation
    if fact.value is None:
        return f"{obs.low}–{obs.high}"
    text = format_amount(fact.value, obs.unit, lang)
    if obs.numerator is not None and obs.denominator is not None:
        text = f"{obs.numerator:g}/{obs.denominator:g} ({text})"
    if obs.qualifier != "exact":
        text = f"{obs.qualifier.replace('_', ' ')} {text}"
    return text


def _when(fact: Fact) -> str:
    obs = fact.observation
    return f"target {obs.target_year or '(no year)'}" if obs.kind == "target" else f"as of {obs.as_of or obs.period}"


def _cell(text: str) -> str:
    """A Markdown table cell that cannot break the table or carry markup."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for char in "`*_[]<>#!":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def to_markdown(changes: list[Change], old_label: str, new_label: str) -> str:
    """The changes as a Markdown summary: counts, then one table per kind of change."""
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in ("added", "changed", "removed")}
    lines = [f"## Data changes: {_cell(old_label)} → {_cell(new_label)}", "",
             f"{counts['added']} added, {counts['changed']} corrected, {counts['removed']} removed.", ""]
    if not changes:
        lines.append("No figure changed.")
    titles = {"changed": "Corrections (old → new)", "added": "Added", "removed": "Removed"}
    for kind in ("changed", "added", "removed"):
        selected = [c for c in changes if c.kind == kind]
        if not selected:
            continue
        lines += [f"### {titles[kind]}", "", "| Province | Indicator | When | Figure | Source |", "|---|---|---|---|---|"]
        for change in selected:
            fact = change.new or change.old
            if kind == "changed":
                figure = f"{_figure(change.old)} → {_figure(change.new)} ({', '.join(change.changed_fields())})"
            else:
                figure = _figure(fact)
            lines.append(f"| {_cell(change.province)} | {_cell(change.indicator)} | {_cell(_when(fact))} | "
                         f"{_cell(figure)} | {_cell(fact.observation.source)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def data_at(revision: str, repo: Path, into: Path) -> Path:
    """Extract ``data/`` as it was at git ``revision`` into ``into``; return that folder."""
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", revision, "data"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "data"


def load_version(spec: str, repo: Path, scratch: Path) -> Dataset:
    """A dataset from a data folder path, or from a git revision of ``repo``."""
    path = Path(spec)
    if path.is_dir():
        return load_dataset(path / "data" if (path / "data").is_dir() and not (path / "indicators.yaml").exists() else path)
    target = scratch / f"rev-{len(list(scratch.iterdir()))}"
    target.mkdir()
    return load_dataset(data_at(spec, repo, target))


def cmd_diff(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        try:
            old = load_version(args.old, args.repo, Path(scratch))
            new = load_version(args.new, args.repo, Path(scratch))
        except subprocess.CalledProcessError as err:
            print(f"cannot read a revision: {err.stderr.decode(errors='replace').strip()}", file=sys.stderr)
            return 2
    print(to_markdown(compare(old, new), args.old, args.new), end="")
    return 0


def add_command(sub, default_data: Path) -> None:
    diff = sub.add_parser("diff", help="list figures added, removed and corrected between two versions")
    diff.add_argument("old", help="a git revision (tag, branch, commit) or a data folder")
    diff.add_argument("new", help="a git revision or a data folder")
    diff.add_argument("--repo", type=Path, default=default_data.parent, help="the git repository (default: this one)")
    diff.set_defaults(func=cmd_diff)
