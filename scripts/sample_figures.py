#!/usr/bin/env python3
"""Draw a random sample of figures for a second reader to check against their sources.

Usage: python scripts/sample_figures.py [--n 30] [--seed 2026] [--data DIR]

Prints each drawn figure with where it is written (file:line), its value as the site
reads it, the verbatim quote and the source's publisher and address. The draw depends
only on the seed and the data, so a reviewer can repeat it and get the same sample.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorecard.dataset import load_dataset  # noqa: E402
from scorecard.wording import figure_text, when_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args()
    dataset = load_dataset(args.data)
    facts = sorted(dataset.every_fact(), key=lambda f: (f.file, f.index))
    drawn = random.Random(args.seed).sample(facts, min(args.n, len(facts)))  # noqa: S311 (a repeatable draw, not a secret)
    for number, fact in enumerate(drawn, start=1):
        obs = fact.observation
        source = dataset.sources.get(obs.source)
        print(f"{number}. {fact.file}:{fact.line}  {obs.indicator} ({obs.kind})")
        print(f"   reads: {figure_text(dataset, fact, 'en')}, {when_text(dataset, fact, 'en')}")
        print(f"   quote: {obs.quote}")
        if source is not None:
            print(f"   source: {source.id} — {source.publisher}, {source.url or 'no address'}")
    print(f"{len(drawn)} of {len(facts)} figures, seed {args.seed}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
