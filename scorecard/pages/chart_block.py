"""A chart as a page shows it: the picture, its text alternative, its credit, its numbers and downloads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from ..dataset import Dataset
from ..i18n import t
from .citations import license_name
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


def chart_block(dataset: Dataset, job: ChartJob, page_path: str, lang: str, charts_dir: str) -> Markup:
    """A static SVG with its text alternative, its credit, a table of its numbers, downloads and the opt-in
    interactive view."""
    columns = [c for c in job.rows[0] if c != "value"] if job.rows else []  # the raw number stays in the CSV
    rows = [["" if row[c] is None else str(row[c]) for c in columns] for row in job.rows]
    return render(
        "chart_block.html",
        lang=lang,
        base=rel(page_path, f"{charts_dir}/{job.name}").rstrip("/"),
        width=job.width,
        height=job.height,
        alt=job.alt,
        credit=chart_credit(dataset, job, lang),
        table=table([str(c) for c in columns], rows),
    )
