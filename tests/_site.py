"""The real site, built once per test run into a scratch folder, and served on 127.0.0.1.

Building costs seconds (charts, pages, mkdocs), so every test module that needs the
built site shares this one build; nothing is written into the work tree's docs/.
"""

from __future__ import annotations

import atexit
import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

from scorecard.build import build_site, run_builder

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.test/scorecard/"
# The Content-Security-Policy every page must carry (written out here, apart from overrides/main.html that makes it).
POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)
# Debian's Chromium, headless, with the flags that keep it off this machine's closed network.
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@functools.cache
def real_site() -> Path:
    """site/ built from the real data/ (with a fixed SITE_URL, so citations are absolute)."""
    work = Path(tempfile.mkdtemp(prefix="scorecard-site-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    return build_site(REPO / "data", work, REPO, site_url=SITE_URL)


@functools.cache
def zensical_site() -> Path:
    """The same generated pages and the same mkdocs.yml as real_site(), built by Zensical instead."""
    return run_builder(real_site().parent / "mkdocs.yml", "zensical", SITE_URL, site_name="site-zensical")


def built_site(builder: str) -> Path:
    """real_site() for "mkdocs", zensical_site() for "zensical"."""
    return {"mkdocs": real_site, "zensical": zensical_site}[builder]()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``directory`` on 127.0.0.1 on a free port; return its base URL and the server."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def open_page(browser, url, **context_options):
    """A page with every request, failure and console error recorded."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    record = {"requests": [], "failed": [], "errors": []}
    page.on("request", lambda request: record["requests"].append(request.url))
    page.on("requestfailed", lambda request: record["failed"].append(request.url))
    page.on(
        "response",
        lambda response: (
            record["failed"].append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    page.on("console", lambda message: record["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: record["errors"].append(str(error)))
    page.goto(url, wait_until="networkidle")
    return page, record
