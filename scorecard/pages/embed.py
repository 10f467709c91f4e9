"""A page of its own for every chart, to embed in another site: ``embed/<chart>/index.html``.

Written as plain HTML (not through MkDocs: no theme, no script, no font), so a newsroom's iframe
loads one small page and one SVG. Every address in it is relative to the data version it belongs
to, so an embed made from version 2026.12 keeps showing 2026.12's chart and numbers after later
releases (mike publishes each version in its own folder). The chart block on the scorecard page
gives the iframe code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..dataset import Dataset
from .chart_block import chart_credit, data_table
from .citations import page_url
from .links import prefix, rel
from .page import Page
from .render import render

if TYPE_CHECKING:
    from ..charts import ChartJob

EMBED_DIR = "embed"


def embed_path(job: ChartJob) -> str:
    return f"{EMBED_DIR}/{job.name}/index.html"


def source_page(key: tuple, lang: str) -> str:
    """The scorecard page a chart belongs to: its indicator's for a ranking, else its province's."""
    kind, slug, indicator_id, _ = key
    if kind == "ranking":
        return f"{prefix(lang)}indicators/{indicator_id}.md"
    return f"{prefix(lang)}provinces/{slug}.md"


def embed_page(dataset: Dataset, key: tuple, job: ChartJob, charts_dir: str, site_url: str | None) -> Page:
    lang = key[3]
    path = embed_path(job)
    served = path.removesuffix(".html") + ".md"  # links are made as from an index page: embed/<chart>/
    home = source_page(key, lang)
    version = dataset.release.version if dataset.release else "dev"
    text = render(
        "embed.html",
        lang=lang,
        title=job.alt.split(". ")[0],
        page_url=page_url(home, version, site_url)[1],
        svg=rel(served, f"{charts_dir}/{job.name}").rstrip("/") + ".svg",
        favicon=rel(served, "assets/favicon.svg").rstrip("/"),
        width=job.width,
        height=job.height,
        alt=job.alt,
        credit=chart_credit(dataset, job, lang),
        page_href=rel(served, home),
        table=data_table(job),
    )
    return Page(path, str(text) + "\n")


def embed_pages(dataset: Dataset, charts: dict, charts_dir: str, site_url: str | None = None) -> list[Page]:
    """One embed page per chart, in the charts' order."""
    return [embed_page(dataset, key, job, charts_dir, site_url) for key, job in charts.items()]
