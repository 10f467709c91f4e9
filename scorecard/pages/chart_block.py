"""A chart as a page shows it: the picture, its text alternative, its credit, its numbers and downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from ..dataset import Dataset
from ..i18n import t
from .citations import license_name, page_url
from .links import rel
from .render import render
from .tables import table

if TYPE_CHECKING:
    from ..charts import ChartJob


def chart_credit(dataset: Dataset, job: ChartJob, lang: str) -> str:
    """The line a journalist copies under a chart: its sources, the scorecard, the data version, the licence."""
    publishers = sorted({str(row[t(lang, "source")]) for row in job.rows if row.get(t(lang, "source"))})
    release = dataset.release
    site = release.title[lang] if release else t(lang, "site_title")
    version = f", {t(lang, 'data_version').lower()} {release.version}" if release else ""
    licence = f", {license_name(release)}" if release else ""
    return f"{t(lang, 'source')}: {'; '.join(publishers)}. {site}{version}{licence}."


def data_table(job: ChartJob) -> Markup:
    """The chart's numbers as a table (the raw number column stays in the CSV)."""
    columns = [c for c in job.rows[0] if c != "value"] if job.rows else []
    rows = [["" if row[c] is None else str(row[c]) for c in columns] for row in job.rows]
    return table([str(c) for c in columns], rows)


def embed_code(dataset: Dataset, job: ChartJob, site_url: str | None) -> str:
    """The <iframe> a journalist pastes: this data version's embed page of the chart, at the chart's size."""
    release = dataset.release
    version = release.version if release else "dev"
    url = page_url(f"embed/{job.name}/index.md", version, site_url)[1]
    title = job.alt.split(". ")[0]
    return (
        f'<iframe src="{url}" width="{job.width + 20}" height="{job.height + 120}" title="{escape(title)}" '
        'loading="lazy" style="border:0;max-width:100%"></iframe>'
    )


def chart_block(
    dataset: Dataset, job: ChartJob, page_path: str, lang: str, charts_dir: str, site_url: str | None = None
) -> Markup:
    """A static SVG with its text alternative, its credit, a table of its numbers, downloads, the opt-in
    interactive view and the code to embed it elsewhere."""
    return render(
        "chart_block.html",
        lang=lang,
        base=rel(page_path, f"{charts_dir}/{job.name}").rstrip("/"),
        chart=job.name,
        width=job.width,
        height=job.height,
        alt=job.alt,
        credit=chart_credit(dataset, job, lang),
        table=data_table(job),
        embed=embed_code(dataset, job, site_url),
    )
