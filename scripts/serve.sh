#!/usr/bin/env bash
# The README's build command: install what is missing, build charts and pages, serve the site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH" NO_MKDOCS_2_WARNING=1
# A checkout that tracks generated files (a smuggled chart or page) is not built: see scorecard/tracked.py.
python -m scorecard check-tracked
python scripts/build_charts.py
mkdocs build --strict   # not --quiet: MkDocs 1.6 then lets warnings through --strict
echo "serving on http://127.0.0.1:${PORT:-8000}/ (Ctrl+C to stop)"
# SCORECARD_LIVE makes the build hook regenerate the pages whenever data/ or content/ changes.
SCORECARD_LIVE=1 exec mkdocs serve --dev-addr "127.0.0.1:${PORT:-8000}" --watch data --watch content --watch scorecard "$@"
