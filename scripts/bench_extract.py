"""Score `python -m scorecard extract` on hand-labelled articles: precision, recall and F1.

    python scripts/bench_extract.py              # both sets, one line each
    python scripts/bench_extract.py --misses     # and every miss and false alarm of the TUNE set
    python scripts/bench_extract.py --seeds      # drafts of the five seeds against data/provinces

A draft matches a label when its number lies inside the label's quote and value (or a/b, or
the range), kind and qualifier are equal; one draft per label. Drafts inside a label's
``non_figures`` spans are counted apart (the goal is 0 for dates and document numbers);
drafts inside ``ignore`` spans are neither hits nor false alarms. The held-out set is only
ever scored in aggregate: its misses are not printed, so no rule is tuned on it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorecard.extract import extract_text, load_vocabulary  # noqa: E402
from scorecard.extract.text import split_header  # noqa: E402

ARTICLES = ROOT / "tests" / "fixtures" / "articles"


@dataclass
class Score:
    hits: int = 0
    drafts: int = 0
    labels: int = 0
    on_non_figures: int = 0
    whose_right: int = 0
    indicator_right: int = 0
    indicator_labelled: int = 0
    misses: list[str] = field(default_factory=list)
    non_figure_hits: list[str] = field(default_factory=list)  # which labelled non-figure got a draft

    def add(self, other: Score) -> None:
        for name in ("hits", "drafts", "labels", "on_non_figures", "whose_right", "indicator_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.indicator_labelled += other.indicator_labelled
        self.misses += other.misses
        self.non_figure_hits += other.non_figure_hits

    def line(self, name: str) -> str:
        p = self.hits / self.drafts if self.drafts else 0.0
        r = self.hits / self.labels if self.labels else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        whose = self.whose_right / self.hits if self.hits else 0.0
        ind = f"{self.indicator_right}/{self.indicator_labelled}" if self.indicator_labelled else "-"
        return (
            f"{name:8} precision {p:6.1%}  recall {r:6.1%}  F1 {f1:6.1%}  "
            f"({self.hits} hits, {self.drafts} drafts, {self.labels} labels)  "
            f"drafts on non-figures: {self.on_non_figures}  whose right: {whose:.0%}  indicator right: {ind}"
        )


def value_key(label: dict):
    if label.get("value") is not None:
        return round(float(label["value"]), 6)
    if label.get("low") is not None:
        return ("range", float(label["low"]), float(label["high"]))
    return ("ratio", float(label["numerator"]), float(label["denominator"]))


def _spans(body: str, text: str, occurrence: int | None = None) -> list[tuple[int, int]]:
    found, start = [], 0
    while (at := body.find(text, start)) >= 0:
        found.append((at, at + len(text)))
        start = at + 1
    if occurrence:
        return [found[occurrence - 1]]
    return found


def _draft_key(draft):
    key = draft.value_key
    if isinstance(key, tuple):
        key = (key[0],) + tuple(None if v is None else float(v) for v in key[1:])
    return (key, draft.kind, draft.qualifier)


def score_article(txt: Path, vocab) -> Score:
    labels = yaml.safe_load(txt.with_suffix(".yaml").read_text(encoding="utf-8"))
    extraction = extract_text(txt.read_text(encoding="utf-8"), labels["province"], vocab)
    body = split_header(txt.read_text(encoding="utf-8"))[1]
    where = extraction.article.where
    score = Score(labels=len(labels["figures"]))
    gold = []
    for label in labels["figures"]:
        (span,) = _spans(body, label["quote"], label.get("occurrence")) or [(-1, -1)]
        gold.append((span, (value_key(label), label["kind"], label.get("qualifier", "exact")), label))
    non_figures = [s for text in labels.get("non_figures", []) for s in _spans(body, text)]
    ignored = [s for text in labels.get("ignore", []) for s in _spans(body, text)]
    used: set[int] = set()
    for draft in extraction.drafts:
        at = where[draft.start]
        inside = [i for i, (span, key, _) in enumerate(gold) if span[0] <= at < span[1] and i not in used]
        hit = next((i for i in inside if gold[i][1] == _draft_key(draft)), None)
        if hit is not None:
            used.add(hit)
            score.hits += 1
            score.drafts += 1
            _secondary(score, draft, gold[hit][2])
            continue
        if any(a <= at < b for a, b in ignored):
            continue
        score.drafts += 1
        hit_spans = [(a, b) for a, b in non_figures if a <= at < b]
        if hit_spans:
            score.on_non_figures += 1
            score.non_figure_hits.append(f"{txt.name}: «{body[hit_spans[0][0] : hit_spans[0][1]]}»")
        near = gold[inside[0]][1] if inside else None
        score.misses.append(
            f"{txt.name}: false alarm {_draft_key(draft)} «{extraction.quote(draft)}»"
            + (f" (label there: {near})" if near else "")
        )
    for i, (_span, key, label) in enumerate(gold):
        if i not in used:
            score.misses.append(f"{txt.name}: missed {key} «{label['quote']}»")
    return score


def _secondary(score: Score, draft, label: dict) -> None:
    whose = label.get("whose", "province")
    score.whose_right += draft.subject == whose
    if label.get("indicator"):
        score.indicator_labelled += 1
        score.indicator_right += draft.indicator == label["indicator"]


def score_set(name: str, vocab) -> Score:
    total = Score()
    for txt in sorted((ARTICLES / name).glob("*.txt")):
        total.add(score_article(txt, vocab))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print the tune set's misses and false alarms")
    parser.add_argument("--seeds", action="store_true", help="compare the seeds' drafts with data/provinces")
    parser.add_argument("--set", choices=("tune", "heldout", "both"), default="both", help="which set to score")
    args = parser.parse_args(argv)
    vocab = load_vocabulary(ROOT / "data")
    if args.set in ("tune", "both"):
        tune = score_set("tune", vocab)
        if args.misses:
            print("\n".join(tune.misses))
        print(tune.line("tune"))
    if args.set in ("heldout", "both"):
        heldout = score_set("heldout", vocab)
        print(heldout.line("held-out"))
        for hit in heldout.non_figure_hits:  # which kind of non-figure (date? document?), not the misses
            print(f"  held-out draft on a non-figure: {hit}")
    if args.seeds:
        differences = seed_differences(ROOT / "data", vocab)
        print("\n".join(differences) or "the seeds' drafts reproduce every figure of data/provinces")
        print(f"{len(differences)} difference(s) between the seeds' drafts and data/provinces")
    return 0


# The five seed articles (tests/fixtures/articles/tune/seed-*) and their source ids in data/.
SEEDS = {
    "doingoailaocai-24110-ha-tang-so-iot": ("seed-000-doingoailaocai-24110", "lao-cai"),
    "dantri-2025-11-01-lai-chau": ("seed-001-dantri-lai-chau", "lai-chau"),
    "baolaocai-tao-dot-pha-ha-tang-so": ("seed-002-baolaocai-ha-tang-so", "lao-cai"),
    "doingoailaocai-20985-chuyen-doi-so-2024": ("seed-003-doingoailaocai-20985", "lao-cai"),
    "ictnews-vnpt-lao-cai-chuyen-doi-so": ("seed-004-ictnews-vnpt-lao-cai", "lao-cai"),
}
COMPARED = ("indicator", "value", "unit", "kind", "qualifier", "numerator", "denominator", "target_year", "scope")


def seed_differences(data_dir: Path, vocab) -> list[str]:
    """Each field where a seed's draft differs from the observation in data/provinces (or is missing)."""
    lines = []
    for source, (name, province) in SEEDS.items():
        text = (ARTICLES / "tune" / f"{name}.txt").read_text(encoding="utf-8")
        extraction = extract_text(text, province, vocab)
        body = split_header(text)[1]
        data = yaml.safe_load((data_dir / "provinces" / f"{province}.yaml").read_text(encoding="utf-8"))
        for obs in (o for o in data["observations"] if o["source"] == source):
            lines += _compare(obs, extraction, body, name)
    return lines


def _compare(obs: dict, extraction, body: str, name: str) -> list[str]:
    at = body.find(obs["quote"])
    where = extraction.article.where
    drafts = [d for d in extraction.drafts if at <= where[d.start] < at + len(obs["quote"])]
    wanted = {"qualifier": "exact", **obs}
    best = max(drafts, key=lambda d: sum(_field(d, f) == wanted.get(f) for f in COMPARED), default=None)
    label = f"{name}: {obs['indicator']} «{obs['quote'][:60]}»"
    if best is None:
        return [f"{label}: no draft"]
    diffs = [f"{f} {_field(best, f)!r} (data: {wanted.get(f)!r})" for f in COMPARED if _field(best, f) != wanted.get(f)]
    return [f"{label}: " + "; ".join(diffs)] if diffs else []


def _field(draft, name: str):
    value = getattr(draft, name)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


if __name__ == "__main__":
    sys.exit(main())
