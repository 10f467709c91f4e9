#!/usr/bin/env python3
"""Print the build's speed: cold build, no-change rebuild, and page count (goals: ≤ 15 s, ≤ 3 s).

Runs in a scratch folder, so the work tree's docs/ is untouched. "Cold" starts from an
empty folder (every chart rendered); "no change" runs the same build again and then MkDocs,
both through scorecard.build, which skip a step whose inputs and output are unchanged
(scorecard/stamp.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorecard.build import build, prepare_site, run_builder  # noqa: E402
from scorecard.output import STATE_ENV  # noqa: E402


def _mkdocs(config: Path) -> float:
    started = time.perf_counter()
    run_builder(config, "mkdocs")
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        work = Path(scratch)
        os.environ[STATE_ENV] = str(work / "state")  # the build's memory: truly cold, and gone afterwards
        started = time.perf_counter()
        config = prepare_site(ROOT / "data", work, ROOT)
        generate_cold = time.perf_counter() - started
        mkdocs_cold = _mkdocs(config)

        started = time.perf_counter()
        figures = build(ROOT / "data", work / "docs", ROOT, quiet=True)
        generate_again = time.perf_counter() - started
        mkdocs_again = _mkdocs(config)

        html_pages = sum(1 for _ in (work / "site").rglob("*.html"))
    print(f"pages (generated Markdown): {figures['pages']}")
    print(f"pages (HTML in site/):      {html_pages}")
    print(f"charts:                     {figures['charts']}")
    print(
        f"cold build:      {generate_cold + mkdocs_cold:6.2f} s  "
        f"(generate {generate_cold:.2f} + mkdocs {mkdocs_cold:.2f})  goal ≤ 15 s"
    )
    print(
        f"no-change build: {generate_again + mkdocs_again:6.2f} s  (generate {generate_again:.2f} + mkdocs "
        f"{mkdocs_again:.2f}; {'nothing to do' if figures.get('unchanged') else 'built again'})  goal ≤ 3 s"
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "scorecard", "validate", "--quiet"], check=True, cwd=ROOT, capture_output=True
    )
    print(f"validate (whole data tree, new process): {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
