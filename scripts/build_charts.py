#!/usr/bin/env python3
"""Build the generated part of docs/ (charts, pages, downloads) from data/; then run mkdocs build.

Usage: python scripts/build_charts.py [--data DIR] [--docs DIR] [--site-url URL] [--previous TAG]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorecard.build import BuildError, build  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL") or None,
        help="the published address (default: $SITE_URL, else data/release.yaml)",
    )
    parser.add_argument(
        "--previous",
        help="the git tag of the previous data release (default: the newest v* tag), or dir:FOLDER for a data folder",
    )
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    try:
        figures = build(args.data, args.docs, ROOT, args.site_url, args.previous, args.quiet)
    except BuildError as err:
        print(err, file=sys.stderr)
        print("build refused: fix the data errors above (python -m scorecard validate)", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"done in {figures['seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
