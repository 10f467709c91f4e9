"""MkDocs hook: a Content-Security-Policy on every page that forbids any inline script but Material's own.

Material puts two small inline scripts on each page (one varies with the page's depth),
so a fixed policy would have to allow every inline script. Here, after rendering, only
inline scripts that are recognisably Material's own (by how they begin) are hashed and
allowed: a ``<script>`` that reached a page any other way is not in the policy, so the
browser refuses to run it. Hooks are part of MkDocs itself (``hooks:`` in mkdocs.yml),
not a plugin.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_DATA_TYPES = ("application/json", "application/ld+json", "importmap")
# How Material's own inline scripts begin (base.html): the storage scope, and the anchor-target fix.
MATERIAL_SCRIPTS = ("__md_scope=new URL(", "var target=document.getElementById(location.hash.slice(1))")

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def script_hashes(html: str) -> list[str]:
    """The CSP hash of each of Material's inline scripts on the page, in page order; no other script's."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if any(f'type="{kind}"' in match["attrs"] for kind in _DATA_TYPES):
            continue  # data blocks are never executed
        if not match["body"].lstrip().startswith(MATERIAL_SCRIPTS):
            continue  # not ours: left out of the policy, so it cannot run
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(hashes))


def on_post_page(output: str, page, config) -> str:
    """Insert the policy as the first element of <head>, before any script can run."""
    meta = (
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(script_hashes(output)))}">'
    )
    return output.replace("<head>", "<head>\n    " + meta, 1)


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
