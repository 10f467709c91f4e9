#!/usr/bin/env python3
"""Print what readers' phones pay: first-load bytes (gzip), requests, Lighthouse and axe-core.

Builds the site in a scratch folder, serves it gzip-compressed on 127.0.0.1 (as GitHub
Pages does), and for the home page, one province page and one indicator page reports:
first-load transfer without the search index, the number of requests, Lighthouse mobile
scores (Debian's Chromium, CHROME_PATH=/usr/bin/chromium) and axe-core violations.
Screenshots at 360 px and 1280 px go to bench/screenshots/.

Budgets (issue "pages at a glance"): ≤ 80 kB gzip for a province page's first load; Lighthouse mobile
Performance ≥ 98, Accessibility, Best Practices and SEO 100; axe: 0 violations.
Lighthouse and axe-core come from scripts/bench/package.json (npm ci on first use).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorecard.build import build_site  # noqa: E402
from scorecard.output import STATE_ENV  # noqa: E402
from tests._site import CHROMIUM, FLAGS  # noqa: E402  (one definition for tests and benchmarks)

BENCH_TOOLS = ROOT / "scripts" / "bench"
PAGES = {
    "home": "",
    "province": "provinces/lao-cai/",
    "figures": "provinces/lao-cai/figures/",  # its 86 figures with their sources and quotes
    "unchanged": "provinces/ha-noi/",
    "indicator": "indicators/villages_mobile_broadband_share/",
    "compare": "compare/",
    "sources": "sources/lao-cai/",  # where a Lào Cai figure's "source" link leads (the one with most sources)
    "embed": "embed/ranking-online_dossiers_share-vi/",
}
BUDGET_BYTES = 80_000


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, like a real static host."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def transfer(browser, url: str) -> dict:
    """First-load bytes on the wire (gzip) and requests, the search index left out."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    sizes: dict[str, int] = {}
    client = page.context.new_cdp_session(page)
    client.send("Network.enable")
    urls: dict[str, str] = {}
    client.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
    client.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(urls.get(e["requestId"], e["requestId"]), int(e["encodedDataLength"])),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    page.close()
    counted = {u: n for u, n in sizes.items() if "search_index.json" not in u}
    return {
        "bytes": sum(counted.values()),
        "requests": len(counted),
        "search_index_bytes": sum(n for u, n in sizes.items() if "search_index.json" in u),
    }


def axe_violations(browser, url: str) -> list[str]:
    page = browser.new_page(bypass_csp=True)  # the site's policy rightly refuses the injected axe script
    page.goto(url, wait_until="networkidle")
    page.add_script_tag(path=str(BENCH_TOOLS / "node_modules" / "axe-core" / "axe.min.js"))
    result = page.evaluate(
        "async () => (await axe.run(document)).violations.map(v => v.id + ' (' + v.nodes.length + ')')"
    )
    page.close()
    return result


def lighthouse(url: str) -> dict:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run(
        [
            str(BENCH_TOOLS / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--form-factor=mobile",
            f"--chrome-flags={' '.join(FLAGS)}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
    )
    report = json.loads(out.read_text())
    out.unlink()
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    misses = [
        f"{audit_id} ({report['audits'][audit_id].get('displayValue', '')})"
        for category in report["categories"].values()
        for ref in category["auditRefs"]
        if ref.get("weight")
        and (audit_id := ref["id"])
        and report["audits"][audit_id].get("score") is not None
        and report["audits"][audit_id]["score"] < 1
    ]
    return {"scores": scores, "misses": misses}


def screenshots(browser, base: str, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, path in PAGES.items():
        for width in (360, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900 if width > 360 else 740})
            page.goto(base + path, wait_until="networkidle")
            target = out_dir / f"{name}-{width}.png"
            page.screenshot(path=str(target))
            written.append(target)
            page.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (the slowest part)")
    args = parser.parse_args()
    if not (BENCH_TOOLS / "node_modules").exists():
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            check=True,
            cwd=BENCH_TOOLS,
        )
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as scratch:
        os.environ[STATE_ENV] = str(Path(scratch) / "state")  # the build's memory goes with the scratch folder
        # served before it is built, so the site knows its address (canonical links are absolute, as published)
        base, server = serve(Path(scratch) / "site")
        build_site(ROOT / "data", Path(scratch), ROOT, site_url=base)
        failed = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for name, path in PAGES.items():
                moved = transfer(browser, base + path)
                violations = axe_violations(browser, base + path)
                line = (
                    f"{name:<10} first load {moved['bytes'] / 1000:6.1f} kB gzip in {moved['requests']:2d} requests"
                    f" (and the search index, which the theme fetches after the page and then keeps: "
                    f"{moved['search_index_bytes'] / 1000:.1f} kB); axe violations: "
                    f"{len(violations)} {violations if violations else ''}"
                )
                if not args.no_lighthouse:
                    result = lighthouse(base + path)
                    scores = result["scores"]
                    line += (
                        f"\n{'':<10} Lighthouse mobile: performance {scores['performance']}, accessibility "
                        f"{scores['accessibility']}, best practices {scores['best-practices']}, seo {scores['seo']}"
                    )
                    if result["misses"]:
                        line += f"\n{'':<10} below full marks: {', '.join(result['misses'])}"
                    failed += [
                        f"{name} {k}"
                        for k, goal in (
                            ("performance", 98),
                            ("accessibility", 100),
                            ("best-practices", 100),
                            ("seo", 100),
                        )
                        if scores[k] < goal
                    ]
                if name in ("province", "unchanged") and moved["bytes"] > BUDGET_BYTES:
                    failed.append(f"{name} transfer")
                failed += [f"{name} axe"] if violations else []
                print(line, flush=True)
            shots = screenshots(browser, base, ROOT / "bench" / "screenshots")
            browser.close()
        server.shutdown()
    print(f"screenshots: {', '.join(str(p.relative_to(ROOT)) for p in shots)}")
    print("budgets met" if not failed else f"over budget: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
