"""What changed between two versions of the data: figures added, removed and corrected.

A figure is matched across versions by what it is about (province, indicator, kind,
date or target year, scope, subject, territory and source; and the text's own period
when the figure has no date), not by its line, so moving a block is no change and a new
value for the same thing is a correction, shown with both values. The Markdown it
prints is the pull-request summary, the release notes and the site's "Changes" page.
"""

from __future__ import annotations

import argparse
import html
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from io import BytesIO
from itertools import zip_longest
from pathlib import Path

from .dataset import Dataset, Fact, group_facts, load_dataset
from .i18n import t
from .load import DATA_SUFFIXES, printable
from .model import Bilingual
from .wording import figure_text, when_text

_COMPARED = ("value", "qualifier", "numerator", "denominator", "low", "high", "unit", "period", "quote", "note")


def fact_key(fact: Fact, dataset: Dataset | None = None) -> tuple:
    """What a figure is about; two versions' figures with one key are the same figure."""
    obs = fact.observation
    # the land, not its id: the merged Lào Cai's id became "lao-cai" (from "lao-cai-15") with no figure changing
    land = fact.territory or _older_rule(dataset, fact)
    territory = (land.code, land.current) if land else obs.territory
    # Without a date of its own, the text's period ("Năm 2024", "6 tháng đầu năm 2025") is what
    # tells two figures of one source apart, as the conflict check counts them.
    period = _plain(obs.period) if obs.as_of is None and obs.target_year is None else None
    return (
        fact.province,
        obs.indicator,
        obs.kind,
        str(obs.as_of),
        obs.target_year,
        obs.scope,
        obs.subject,
        territory,
        obs.source,
        period,
    )


@dataclass(frozen=True)
class Change:
    """One difference: kind is 'added', 'removed' or 'changed' (a correction).

    It keeps both versions' datasets, so each figure reads as its own version's pages print it
    (its units and its source's date belong to that version).
    """

    kind: str
    key: tuple
    old: Fact | None
    new: Fact | None
    before: Dataset | None = field(default=None, compare=False, repr=False)
    after: Dataset | None = field(default=None, compare=False, repr=False)

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
        return [name for name in _COMPARED if not _same_text(getattr(old, name), getattr(new, name))]


def _plain(text: object) -> object:
    """One text for a key: a two-language text by its English, which keeps what it read before it got
    its Vietnamese (the periods of 2026.11 were plain; their words became ``en:``)."""
    return text.en if isinstance(text, Bilingual) else text


def _same_text(old: object, new: object) -> bool:
    """Equal values; a plain text and a two-language one are the same when the English is the old text
    (how the notes of 2026.11 became bilingual: the old text kept as ``en:``, a translation added)."""
    if isinstance(old, Bilingual) != isinstance(new, Bilingual):
        plain, both = (new, old) if isinstance(old, Bilingual) else (old, new)
        return both.en == plain
    return old == new


def _older_rule(dataset: Dataset | None, fact: Fact):
    """The land an older version meant by territory: former in a merged province (the former unit of
    the same name), which today's rules refuse as ambiguous, so its figures still match their twins."""
    unit = dataset.provinces.get(fact.province) if dataset is not None else None
    if unit is None or fact.observation.territory != "former":
        return None
    return next((t for t in unit.former if t.name == unit.name), None)


def _by_key(dataset: Dataset) -> dict[tuple, list[Fact]]:
    """The provinces' and the country's figures grouped by key, in file order (a repeated figure is kept,
    not silently dropped)."""
    return group_facts(dataset.every_fact(), lambda fact: fact_key(fact, dataset))


def compare(old: Dataset, new: Dataset) -> list[Change]:
    """Every added, removed and changed figure, in a stable order."""
    _read_with_words_of(old, new)
    old_by_key, new_by_key = _by_key(old), _by_key(new)
    changes: list[Change] = []
    for key in sorted(set(old_by_key) | set(new_by_key), key=lambda k: tuple(str(part) for part in k)):
        for before, after in zip_longest(old_by_key.get(key, []), new_by_key.get(key, [])):
            if before is None:
                changes.append(Change("added", key, None, after, old, new))
            elif after is None:
                changes.append(Change("removed", key, before, None, old, new))
            else:
                change = Change("changed", key, before, after, old, new)
                if change.changed_fields():
                    changes.append(change)
    return changes


def _read_with_words_of(old: Dataset, new: Dataset) -> None:
    """A version from before the qualifiers' words were in data/vocabulary.yaml (qualifiers:) reads its
    figures with the new version's words, so "gần 390" does not show as "390" for the old side."""
    if not old.vocabulary.qualifiers and new.vocabulary.qualifiers:
        old.vocabulary = old.vocabulary.model_copy(update={"qualifiers": new.vocabulary.qualifiers})
        for fact in old.every_fact():  # a text worked out with the old words is worked out again
            fact.forget()


# The table's columns, as the pages' figure tables name them (i18n keys).
_HEADERS = ("province", "indicator", "date", "figure", "source", "quote")


def _shown(change: Change) -> tuple[Dataset, Fact]:
    """The figure a row stands for (the new one, or the removed one) and the version it belongs to."""
    return (change.after, change.new) if change.new is not None else (change.before, change.old)


def _cell(text: str) -> str:
    """A Markdown table cell that cannot break the table or carry markup.

    Every kind of line break becomes a space (a CR alone starts a new table row), ``<``, ``>``,
    ``&`` and ``~`` become entities, and Markdown's punctuation is backslash-escaped. Quotes
    are not turned into entities: ``&#x27;`` would gain a backslash before its ``#`` and show
    as text on GitHub.
    """
    escaped = html.escape(" ".join(text.replace("\\", "\\\\").splitlines()), quote=False).replace("|", "\\|")
    for char in "`*_[]#!":
        escaped = escaped.replace(char, "\\" + char)
    # "~" as an entity: GitHub would strike "~a~" through, and Python-Markdown shows "\~" as is.
    return escaped.replace("~", "&#126;")


def _correction(change: Change, lang: str = "en") -> str:
    """The correction as "old → new (fields)"; the stored numbers when both look alike once rounded."""
    old, new = figure_text(change.before, change.old, lang), figure_text(change.after, change.new, lang)
    if old == new:
        old_obs, new_obs = change.old.observation, change.new.observation
        numbers = [
            name
            for name in ("value", "numerator", "denominator", "low", "high")
            if getattr(old_obs, name) != getattr(new_obs, name)
        ]
        if numbers:
            old = ", ".join(f"{name} {getattr(old_obs, name)!r}" for name in numbers)
            new = ", ".join(f"{name} {getattr(new_obs, name)!r}" for name in numbers)
    return f"{old} → {new} ({', '.join(change.changed_fields())})"


def _quote(change: Change) -> str:
    if change.kind == "changed" and change.old.observation.quote != change.new.observation.quote:
        return f"{change.old.observation.quote} → {change.new.observation.quote}"
    return (change.new or change.old).observation.quote


@dataclass(frozen=True)
class Summary:
    """What changed, as plain texts in one language: the Markdown of pull requests and release notes
    (:func:`to_markdown`) and the HTML of the Changes page (a template) are both made from it."""

    old_label: str
    new_label: str
    notes: tuple[str, ...]
    counts: str  # "3 added, 1 corrected, 0 removed"
    headers: tuple[str, ...]
    sections: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # (title, rows) per kind of change
    # per section, the figure each row is about as it is now (None for a removed one), for links to it
    now: tuple[tuple[Fact | None, ...], ...] = ()
    kinds: tuple[str, ...] = ()  # per section: "changed", "added" or "removed"


def summarise(
    changes: list[Change], old_label: str, new_label: str, notes: tuple[str, ...] = (), lang: str = "en"
) -> Summary:
    """Counts, then the rows of each kind of change (corrections first), in ``lang``."""
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in ("added", "changed", "removed")}
    sections, now, kinds = [], [], []
    for kind in ("changed", "added", "removed"):
        selected = [change for change in changes if change.kind == kind]
        if selected:
            sections.append((t(lang, "changes_title_" + kind), tuple(_row(change, lang) for change in selected)))
            now.append(tuple(change.new for change in selected))
            kinds.append(kind)
    return Summary(
        old_label,
        new_label,
        tuple(notes),
        ", ".join(f"{counts[kind]} {t(lang, 'changes_' + kind)}" for kind in ("added", "changed", "removed")),
        tuple(t(lang, key) for key in _HEADERS),
        tuple(sections),
        tuple(now),
        tuple(kinds),
    )


def _row(change: Change, lang: str) -> tuple[str, ...]:
    dataset, fact = _shown(change)
    figure = _correction(change, lang) if change.kind == "changed" else figure_text(dataset, fact, lang)
    when = when_text(dataset, fact, lang)
    return (change.province, change.indicator, when, figure, fact.observation.source, _quote(change))


def to_markdown(
    changes: list[Change], old_label: str, new_label: str, notes: tuple[str, ...] = (), lang: str = "en"
) -> str:
    """The changes as a Markdown summary: counts, then one table per kind of change.

    ``notes`` are printed first, one paragraph each (for example: a version whose files
    do not all load, so some of its figures could not be compared). ``lang`` is "en" for
    pull requests and release notes, "vi" for the Vietnamese Changes page.
    """
    summary = summarise(changes, old_label, new_label, notes, lang)
    lines = [f"## {t(lang, 'changes_title')}: {_cell(old_label)} → {_cell(new_label)}", ""]
    for note in summary.notes:
        lines += [f"**{t(lang, 'changes_warning')}:** {_cell(note)}", ""]
    lines += [f"{summary.counts}.", ""]
    if not changes:
        lines.append(t(lang, "changes_none"))
    for title, rows in summary.sections:
        lines += [f"### {title}", "", f"| {' | '.join(summary.headers)} |", "|---" * len(summary.headers) + "|"]
        lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


class VersionError(ValueError):
    """A version that names no folder or no revision."""


def parse_version(spec: str) -> tuple[str, str]:
    """``("rev", name)`` or ``("dir", path)``. A version is a git revision unless it says ``dir:``, so a
    folder a pull request adds (``HEAD/data``, ``v2026.10/data``) never stands in for a revision.
    ``rev:`` may be written too; git refuses ':' in branch and tag names, so neither prefix is ambiguous."""
    kind, colon, rest = spec.partition(":")
    if colon and kind in ("rev", "dir"):
        return kind, rest
    return "rev", spec


def commit_of(revision: str, repo: Path) -> str:
    """The full commit id ``revision`` names in ``repo`` (never read as an option), or VersionError."""
    done = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"],
        capture_output=True,
        text=True,
    )
    if revision.startswith("-") or done.returncode != 0:
        raise VersionError(f"cannot read a revision: '{printable(revision)}' names no commit of {printable(str(repo))}")
    return done.stdout.strip()


def data_at(revision: str, repo: Path, into: Path) -> Path:
    """Extract ``data/`` as it was at git ``revision`` into ``into``; return that folder."""
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", commit_of(revision, repo), "data"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "data"


def load_version(spec: str, repo: Path, scratch: Path) -> Dataset:
    """A dataset from ``dir:FOLDER`` (a data folder, or a checkout holding one) or from a git revision
    of ``repo`` (``rev:NAME`` or a bare NAME; see :func:`parse_version`)."""
    kind, name = parse_version(spec)
    if kind == "dir":
        path = Path(name)
        if not path.is_dir():
            raise VersionError(f"cannot read a folder: dir:{printable(name)} is not one")
        inner = path / "data"
        return load_dataset(inner if inner.is_dir() and not (path / "indicators.yaml").exists() else path)
    target = scratch / f"rev-{len(list(scratch.iterdir()))}"
    target.mkdir()
    return load_dataset(data_at(name, repo, target))


# What editors are meant to change; a pull request changing anything else changes code or generated files.
EDITOR_FILES = (("data/", DATA_SUFFIXES), ("content/", (".md",)))


def files_beyond_data(old: str, new: str, repo: Path) -> list[str]:
    """Files changed from ``old`` to ``new`` (since their merge base, as a pull request shows them) that are
    not files editors are meant to edit: code, workflows, configuration, or generated files."""
    old_commit, new_commit = commit_of(old, repo), commit_of(new, repo)
    base = subprocess.run(
        ["git", "-C", str(repo), "merge-base", old_commit, new_commit], capture_output=True, text=True
    ).stdout.strip()
    names = subprocess.run(
        ["git", "-C", str(repo), "diff", "-z", "--name-only", "--no-renames", base or old_commit, new_commit],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "surrogateescape")
    return [
        name
        for name in names.split("\0")
        if name and not any(name.startswith(folder) and name.endswith(ends) for folder, ends in EDITOR_FILES)
    ]


def beyond_data_warning(names: list[str]) -> str:
    """The summary's first lines when a pull request changes more than data: a reviewer of a "data"
    pull request must see that code (or a generated file) changed, before building it anywhere."""
    shown = ", ".join(_cell(printable(name)) for name in names[:20]) + (" …" if len(names) > 20 else "")
    return (
        f"> **⚠️ Warning: not only data.** This pull request changes {len(names)} file(s) outside data/ "
        f"and content/: review them as code before building it on your machine. {shown}\n\n"
    )


def unread_note(label: str, dataset: Dataset) -> str | None:
    """A warning when some files of a version could not be read, so their figures were not compared."""
    errors = dataset.errors()
    if not errors:
        return None
    return (
        f"{label} has {len(errors)} problem(s) that keep files or figures from loading, so they are not "
        f"compared (first: {errors[0]}). Run python -m scorecard validate on it."
    )


def cmd_diff(args: argparse.Namespace) -> int:
    beyond: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        try:
            old = load_version(args.old, args.repo, Path(scratch))
            new = load_version(args.new, args.repo, Path(scratch))
            if parse_version(args.old)[0] == parse_version(args.new)[0] == "rev":
                beyond = files_beyond_data(parse_version(args.old)[1], parse_version(args.new)[1], args.repo)
        except VersionError as err:
            print(err, file=sys.stderr)
            return 2
        except subprocess.CalledProcessError as err:
            print(f"cannot read a revision: {printable(err.stderr.decode(errors='replace').strip())}", file=sys.stderr)
            return 2
    notes = tuple(note for note in (unread_note(args.old, old), unread_note(args.new, new)) if note)
    for note in notes:
        print(f"warning: {printable(note)}", file=sys.stderr)
    if beyond:
        print(f"warning: {len(beyond)} file(s) changed outside data/ and content/", file=sys.stderr)
    summary = to_markdown(compare(old, new), args.old, args.new, notes)
    print((beyond_data_warning(beyond) if beyond else "") + summary, end="")
    return 0


def add_command(sub, default_data: Path) -> None:
    diff = sub.add_parser("diff", help="list figures added, removed and corrected between two versions")
    diff.add_argument("old", help="a git revision (tag, branch, commit; rev:NAME also works) or dir:FOLDER")
    diff.add_argument("new", help="a git revision or dir:FOLDER (a bare name is always a revision)")
    diff.add_argument("--repo", type=Path, default=default_data.parent, help="the git repository (default: this one)")
    diff.set_defaults(func=cmd_diff)
