"""MkDocs hook for ``scripts/serve.sh`` only: regenerate the pages before each live rebuild.

Nothing the published site needs lives here. The Content-Security-Policy is in the theme
override (``overrides/main.html``), so MkDocs, mike (which runs MkDocs) and Zensical (which
runs no MkDocs hook) all emit it; this hook only makes an edit to ``data/`` show up in the
browser under ``mkdocs serve``.
"""

from __future__ import annotations

import os
from pathlib import Path


def on_pre_build(config) -> None:
    """Under ``scripts/serve.sh`` (SCORECARD_LIVE=1), regenerate pages before each rebuild, so an
    edit to data/ shows up in the browser; a changed-nothing run takes under a second."""
    if os.environ.get("SCORECARD_LIVE") != "1":
        return
    import sys

    repo = Path(__file__).resolve().parent.parent
    if str(repo) not in sys.path:  # mkdocs runs from the venv's bin; the package lives in the repository
        sys.path.insert(0, str(repo))
    from scorecard.build import BuildError, build

    try:
        build(repo / "data", Path(config["docs_dir"]), repo, quiet=True)
    except BuildError as err:  # keep serving the last good pages; say what to fix
        print(f"data errors, pages not updated:\n{err}", flush=True)
