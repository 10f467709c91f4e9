"""Writing the charts: each job's ``.svg``, ``.vl.json`` and ``.csv``, skipped when unchanged.

No PNG: a reader who wants one gets it from the SVG in the browser (docs/assets/interactive.js draws it at
twice the size). Drawn at build time it was the slowest third of the drawing and, at 20,000 figures, 82 MB
of every version of the site, for a file few readers fetch.

A job's key is a hash of what decides its files; the cache of keys and file digests lives
in the build's state folder, outside the work tree, so a committed chart with a forged
entry is drawn again, never published.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import vl_convert

from ..export import csv_cell
from ..output import file_digest, state_dir, write_output

RENDER_REVISION = "3"  # bump to re-render every chart after changing render() itself
CACHE_FILE = "chart-cache.json"  # in the build's state folder (output.state_dir), never beside the charts
SUFFIXES = (".svg", ".vl.json", ".csv")  # the files each chart is written as
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class ChartJob:
    """One chart to render: its spec, the rows it shows, its pixel size and its text alternative."""

    name: str  # file stem, e.g. "province-lao-cai-villages_fibre_share-vi"
    spec: dict  # Vega-Lite JSON
    rows: list[dict]  # the data shown, for the CSV and the page's data table (headers in the chart's language)
    width: int
    height: int
    alt: str  # text alternative in the chart's language: title, latest value (with date), target


def job_key(job: ChartJob) -> str:
    """What decides a chart's files: spec, rows, size and the renderer's version (not the alt text)."""
    payload = {
        "spec": job.spec,
        "rows": job.rows,
        "size": [job.width, job.height],
        "renderer": [version("vl-convert-python"), RENDER_REVISION],
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_csv(rows: list[dict]) -> str:
    """The chart's rows as UTF-8 CSV; a text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def render(jobs: list[ChartJob], out_dir: Path, state: Path | None = None) -> dict:
    """Write ``<name>.svg/.vl.json/.csv`` for each job, skipping jobs unchanged since the last run.

    vl-convert's engine starts once per process (~0.5 s), then a chart takes ~0.05 s. The cache
    maps each name to the hash of what it was drawn from and the sha256 of each file written; a
    job is skipped only when its hash matches and its three files are still, byte for byte, what was
    written. The cache lives in ``state`` (by default the build's state folder for ``out_dir``,
    outside the work tree), so a chart committed with a forged entry is drawn again, never
    published. Files of charts no longer in ``jobs`` are left alone.
    """
    return start_render(jobs, out_dir, state).wait()


PARALLEL_FROM = 40  # charts to draw before other processes are worth their start (~1 s: Python and the engine)


def start_render(jobs: list[ChartJob], out_dir: Path, state: Path | None = None) -> Drawing:
    """Begin :func:`render`; its :meth:`Drawing.wait` finishes it. From ``PARALLEL_FROM`` charts on they
    are drawn by one process per core while the caller goes on (the pages need the jobs, not the
    files): vl-convert draws one chart at a time per process, so a cold build of hundreds of charts
    used to wait on one core. Each process takes every n-th chart; the files are the same bytes."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = [job.name for job in jobs]
    if len(set(names)) != len(names) or not all(_NAME.match(name) for name in names):
        raise ValueError("chart names must be unique and use only a-z, 0-9, '-' and '_'")
    manifest_path = (state or state_dir(out_dir)) / CACHE_FILE
    manifest = _cache(manifest_path)
    to_draw = []
    for job in jobs:
        key = job_key(job)
        entry = manifest.get(job.name)
        files = {suffix: file_digest(out_dir / f"{job.name}{suffix}") for suffix in SUFFIXES}
        if not (isinstance(entry, dict) and entry.get("key") == key and entry.get("files") == files):
            to_draw.append((job, key))
    return Drawing(to_draw, len(jobs), manifest, manifest_path, out_dir)


class Drawing:
    """Charts being drawn (in other processes when there are many); :meth:`wait` writes the cache."""

    def __init__(self, to_draw: list, total: int, manifest: dict, manifest_path: Path, out_dir: Path) -> None:
        self.to_draw, self.total, self.manifest, self.manifest_path = to_draw, total, manifest, manifest_path
        self.jobs, self.out_dir = [job for job, _ in to_draw], out_dir
        self.workers = min(os.cpu_count() or 1, 4) if len(self.jobs) >= PARALLEL_FROM and _can_spawn() else 0
        if self.workers:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            self.shares = [self.pool.submit(_draw_many, self._share(n), out_dir) for n in range(self.workers)]
        else:
            self.drawn = _draw_many(self.jobs, out_dir)

    def _share(self, n: int) -> list[ChartJob]:
        return self.jobs[n :: self.workers]

    def wait(self) -> dict:
        """Every chart drawn and the cache written; how many were drawn and how many skipped."""
        if self.workers:
            try:
                drawn: list[dict[str, str]] = [{}] * len(self.to_draw)
                for n, share in enumerate(self.shares):
                    try:
                        drawn[n :: self.workers] = share.result()
                    except BrokenProcessPool:  # a process could not start (say, a script re-run on import)
                        drawn[n :: self.workers] = _draw_many(self._share(n), self.out_dir)
            finally:
                self.pool.shutdown(cancel_futures=True)
        else:
            drawn = self.drawn
        for (job, key), digests in zip(self.to_draw, drawn, strict=True):
            self.manifest[job.name] = {"key": key, "files": digests}
        body = (json.dumps(self.manifest, indent=1, sort_keys=True) + "\n").encode()
        write_output(self.manifest_path, body, self.manifest_path.parent)
        return {"rendered": len(self.to_draw), "skipped": self.total - len(self.to_draw)}


def _can_spawn() -> bool:
    """Whether a new process can start: it imports the caller's main script again, so that script must
    be a file (not a program read from standard input)."""
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    return main is None or Path(main).is_file()


def _draw_many(jobs: list[ChartJob], out_dir: Path) -> list[dict[str, str]]:
    return [_draw(job, {suffix: out_dir / f"{job.name}{suffix}" for suffix in SUFFIXES}, out_dir) for job in jobs]


def _cache(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # no cache yet, or a damaged one: render everything
    return manifest if isinstance(manifest, dict) else {}


def _draw(job: ChartJob, files: dict[str, Path], out_dir: Path) -> dict[str, str]:
    """Write the job's three files (a link at their place is replaced); their sha256 by suffix."""
    svg = vl_convert.vegalite_to_svg(job.spec)
    bodies = {
        ".svg": svg.encode("utf-8"),
        # compact, like the API: a browser parses it, and indented it was 40 % of its bytes
        ".vl.json": (json.dumps(job.spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode(),
        ".csv": to_csv(job.rows).encode("utf-8"),
    }
    for suffix, body in bodies.items():
        write_output(files[suffix], body, out_dir)
    return {suffix: hashlib.sha256(body).hexdigest() for suffix, body in bodies.items()}
