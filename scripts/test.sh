#!/usr/bin/env bash
# The README's test command: install what is missing, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH" NO_MKDOCS_2_WARNING=1
python -m scorecard check-tracked  # no generated file and nothing but data files in data/ may be committed
python -m scorecard validate --quiet
python -m pytest "$@"
