"""MkDocs hook: a Content-Security-Policy on every page that forbids any inline script but Material's own.

Material puts two small inline scripts on each page (one varies with the page's depth),
so a fixed policy would have to allow every inline script. Here each page's own inline
scripts are hashed after rendering and only those hashes are allowed: a ``<script>``
that reached a page any other way would not run. Hooks are part of MkDocs itself
(``hooks:`` in mkdocs.yml), not a plugin.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_DATA_TYPES = ("application/json", "application/ld+json", "importmap")

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def script_hashes(html: str) -> list[str]:
    """The CSP hash of every inline script the browser would run, in page order."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if any(f'type="{kind}"' in match["attrs"] for kind in _DATA_TYPES):
            continue  # data blocks are never executed
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return list(dict.fromkeys(hashes))


def on_post_page(output: str, page, config) -> str:
    """Insert the policy as the first element of <head>, before any script can run."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(script_hashes(output)))}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)
