"""Charts: Vega-Lite specs rendered once, at build time, to static SVG with vl-convert.

Each chart function turns the dataset into a :class:`ChartJob` (a Vega-Lite spec, the rows
it shows, its pixel size and a text alternative); :func:`render` writes every job's
``.svg``, ``.vl.json`` and ``.csv``, skipping jobs whose spec and rows have not
changed. Pages show the SVG with no JavaScript; the Vega-Lite JSON is for the optional
interactive view.

Where each job lives: ``theme`` (look, axes, the spec's frame), ``words`` (every word a chart
shows), ``queries`` (which figures a chart shows), one module per chart (``history``,
``progress``, ``ranking``) and ``render`` (files, cache, CSV).

Rules the charts keep:

* A line joins figures of one territory only: the former Lào Cai (before 1 July 2025) and
  the merged Lào Cai are separate series, so a merger never looks like growth.
* Text from ``data/`` (names, titles) reaches a spec only as plain values: titles, data
  fields and legend labels. Nothing from data goes into an expression, a URL or markup.
* The same data gives the same bytes: no timestamps, times in UTC, sorted output.
"""

from .history import province_indicator_chart
from .progress import progress_chart
from .queries import ranking_cohort
from .ranking import ranking_chart
from .render import CACHE_FILE, RENDER_REVISION, SUFFIXES, ChartJob, job_key, render, start_render, to_csv
from .theme import PALETTE, WIDTH, theme
from .words import chart_words, territory_label

__all__ = [
    "CACHE_FILE",
    "PALETTE",
    "RENDER_REVISION",
    "SUFFIXES",
    "WIDTH",
    "ChartJob",
    "chart_words",
    "job_key",
    "progress_chart",
    "province_indicator_chart",
    "ranking_chart",
    "ranking_cohort",
    "render",
    "start_render",
    "territory_label",
    "theme",
    "to_csv",
]
