#!/usr/bin/env bash
# Create .venv (Python 3.11) and install the pinned requirements; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
# The vega libraries for the opt-in interactive charts, from the npm registry (pinned by package-lock.json).
if command -v npm >/dev/null 2>&1; then
  lock=node_modules/.lock.sha256
  want_js=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$lock" ] || [ "$(cat "$lock")" != "$want_js" ]; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$want_js" > "$lock"
  fi
else
  echo "npm not found: the interactive charts will be left out of the build" >&2
fi
