"""Assemble the generated part of ``docs/``: charts, pages, downloads and the vendored vega files.

Steps, in order: load and check the data (refuse to build on any error), render the
charts (one vl-convert process, cached by content hash), export the downloads, write
the pages, and delete generated files that no longer belong (a removed province's page).
Files whose bytes did not change are not rewritten, so ``mkdocs serve`` reloads only what
changed and two builds of the same data give the same bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import charts as chart_module
from . import stamp
from .api import API_DIR, api_files
from .checks import check_dataset
from .dataset import Dataset, load_dataset
from .diff import VersionError, compare, load_version, summarise
from .export import export_files, write_files
from .i18n import LANGS, t
from .load import DataFileError, read_data_file
from .output import inside, real_folder, remove_output, state_dir, write_output
from .pages import all_pages
from .pages.tables import FIGURES_STYLESHEET, figures_stylesheet
from .release import MANIFEST_NAME, manifest_text

CHARTS_DIR = "generated/charts"
DOWNLOADS_DIR = "generated/downloads"
VENDOR_FILES = {
    "vega.min.js": "node_modules/vega/build/vega.min.js",
    "vega-lite.min.js": "node_modules/vega-lite/build/vega-lite.min.js",
    "vega-embed.min.js": "node_modules/vega-embed/build/vega-embed.min.js",
    "vega-interpreter.js": "node_modules/vega-interpreter/build/vega-interpreter.js",
}
# Both in the build's own state folder (output.state_dir), never in docs/, where a commit could put them:
MANIFEST = "pages-manifest"  # every file the last build wrote, so a removed province's page goes too
JOBS_CACHE = "chart-jobs.json"  # every chart's spec, by a hash of what it was made from


class BuildError(Exception):
    """The data has errors; nothing was built."""


def _say(message: str, quiet: bool) -> None:
    if not quiet:
        print(message, file=sys.stderr, flush=True)


def chart_jobs(dataset: Dataset, cache_dir: Path | None = None) -> dict[tuple, chart_module.ChartJob]:
    """Every chart the pages show, keyed by (kind, province or None, indicator, lang).

    Building an Altair spec costs far more than deciding it is unchanged, so each chart is
    remembered under a hash of its inputs (the chart code, the registries and that
    indicator's figures): a rebuild after no change makes no spec at all. The memory is kept in
    the build's state folder for ``cache_dir`` (outside the work tree), so no commit can plant a
    chart, or its alt text, that the data does not make.
    """
    cache_file = state_dir(cache_dir) / JOBS_CACHE if cache_dir else None
    remembered = _remembered(cache_file)
    inputs = _chart_inputs(dataset)
    jobs: dict[tuple, chart_module.ChartJob] = {}
    kept: dict[str, dict | None] = {}
    for key, make in _chart_makers(dataset):
        kind, slug, indicator_id, lang = key
        digest = hashlib.sha256(f"{inputs['common']}|{inputs[indicator_id]}|{kind}|{slug}|{lang}".encode()).hexdigest()
        if digest in remembered:
            made = remembered[digest]
        else:
            job = make(dataset, slug, indicator_id, lang) if slug else make(dataset, indicator_id, lang)
            made = dataclasses.asdict(job) if job is not None else None
        kept[digest] = made
        if made is not None:
            jobs[key] = chart_module.ChartJob(**made)
    if cache_file:
        # insertion order, not sorted keys: a row's columns must come back in the order they were made
        write_text_if_changed(cache_file, json.dumps(kept, ensure_ascii=False) + "\n")
    return jobs


def _remembered(cache_file: Path | None) -> dict:
    try:
        remembered = json.loads(cache_file.read_text("utf-8")) if cache_file and cache_file.is_file() else {}
    except (OSError, ValueError):
        return {}  # a damaged memory: make every spec again
    return remembered if isinstance(remembered, dict) else {}


def _chart_makers(dataset: Dataset):
    """(key, chart function) for every chart the pages may show, in a fixed order.

    Every comparable indicator gets a ranking; a province gets a history and a progress chart
    for the headline indicators only (``headline: true`` in data/indicators.yaml), the ones its
    cards show. The other indicators' history is the table of every figure: drawing a chart for
    each province and indicator made the build and the pages grow with the data (4,218 charts,
    463 s and 681 MB for 34 provinces x 60 indicators x 10 years, scripts/bench_scale.py).
    """
    headline = {indicator_id for indicator_id, indicator in dataset.indicators.items() if indicator.headline}
    for lang in ("vi", "en"):
        for slug in dataset.provinces:
            for indicator_id in sorted({f.indicator for f in dataset.facts_for(slug)} & headline):
                yield ("progress", slug, indicator_id, lang), chart_module.progress_chart
                yield ("history", slug, indicator_id, lang), chart_module.province_indicator_chart
        for indicator_id in dataset.indicators:
            yield ("ranking", None, indicator_id, lang), chart_module.ranking_chart


def _chart_inputs(dataset: Dataset) -> dict[str, str]:
    """A digest of everything charts are made from: the code and registries ('common'), and each
    indicator's own figures (with their territories) by indicator id."""
    package = Path(__file__).resolve().parent
    common = hashlib.sha256()
    modules = sorted((package / "charts").glob("*.py")) + [
        package / m for m in ("i18n.py", "numbers.py", "territory.py")
    ]
    for module in modules:
        common.update(module.read_bytes())
    for registry in (dataset.indicators, dataset.sources, dataset.scopes):
        common.update("".join(item.model_dump_json() for item in registry.values()).encode())
    common.update(repr(sorted((u.slug, u.name, u.former) for u in dataset.provinces.values())).encode())
    digests = {"common": common.hexdigest()}
    for indicator_id in dataset.indicators:
        figures = [
            (f.province, f.observation.model_dump_json(), f.value, f.territory, f.index)
            for f in dataset.facts_of(indicator_id)
        ]
        digests[indicator_id] = hashlib.sha256(repr(figures).encode()).hexdigest()
    return digests


def write_text_if_changed(path: Path, text: str, root: Path | None = None) -> bool:
    """Write ``text`` unless the file already holds exactly it; True when written. Inside ``root``
    (by default the file's own folder) a link is replaced, never written through."""
    return write_output(path, text.encode("utf-8"), root or path.parent)


def _remove_stale(docs_dir: Path, written: set[str]) -> int:
    """Remove what the last build wrote and this one did not, and anything in the charts folder this build
    did not write; only files inside ``docs_dir``, whatever a path says (see output.remove_output)."""
    manifest = state_dir(docs_dir) / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split("\n")) - {""} if manifest.is_file() else set()
    charts_dir = docs_dir / CHARTS_DIR  # wholly generated: anything there the build did not write is stale
    if charts_dir.is_dir() and not charts_dir.is_symlink():
        previous |= {p.relative_to(docs_dir).as_posix() for p in charts_dir.iterdir()}
    removed = sum(remove_output(docs_dir, stale) for stale in sorted(previous - written))
    write_text_if_changed(manifest, "\n".join(sorted(written)) + "\n")
    return removed


def _changes(dataset: Dataset, repo: Path, previous: str | None) -> dict:
    """The Changes page's content: a diff against the previous release tag, when there is one."""
    if previous is None:
        previous = previous_release_tag(repo, dataset.release.version if dataset.release else "")
    if previous is None and dataset.release is not None:
        previous = dataset.release.previous_revision  # a clone without the release tags still has the commit
    if previous is None:
        return {"changes_note": {lang: t(lang, "changes_first") for lang in LANGS}}
    with tempfile.TemporaryDirectory() as scratch:
        try:
            old = load_version(previous, repo, Path(scratch))
        except (subprocess.CalledProcessError, FileNotFoundError, OSError, VersionError):
            return {"changes_note": {lang: t(lang, "changes_unreadable").format(previous=previous) for lang in LANGS}}
    changes, version = compare(old, dataset), dataset.release.version if dataset.release else "HEAD"
    before = old.release.version if old.release is not None else previous  # "2026.11", not a commit hash
    return {"changes_summary": {lang: summarise(changes, before, version, lang=lang) for lang in LANGS}}


def previous_release_tag(repo: Path, current_version: str) -> str | None:
    """The newest ``v*`` git tag that is not the current version, or None (no git, no tags)."""
    try:
        tags = subprocess.run(
            ["git", "-C", str(repo), "tag", "--list", "v*", "--sort=-v:refname", "--merged", "HEAD"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    older = [tag for tag in tags if tag != f"v{current_version}"]
    return older[0] if older else None


def _hand_written(content_dir: Path) -> dict[str, str]:
    """The hand-written pages (methodology, about) by their path under docs/."""
    pages = {}
    for path in sorted(content_dir.rglob("*.md")):
        try:  # read as data files are: a link to ~/.ssh/id_rsa named about.md is refused, not published
            pages[path.relative_to(content_dir).as_posix()] = read_data_file(path, content_dir).decode("utf-8")
        except DataFileError as err:
            raise BuildError(str(err.problem)) from None
    return pages


def build(
    data_dir: Path,
    docs_dir: Path,
    repo: Path,
    site_url: str | None = None,
    previous: str | None = None,
    quiet: bool = False,
) -> dict:
    """Generate everything under ``docs_dir``; return figures for the build log and the benchmark.

    Skipped when the data, the hand-written pages, this package, the libraries, the settings and the
    release tags are what they were at the last build and docs/ is still what it wrote (scorecard.stamp).
    """
    started = time.perf_counter()
    if Path(docs_dir).is_symlink():
        raise BuildError(f"{docs_dir} is a symbolic link; the build writes only into a real folder")
    key = stamp.key_of(_generate_inputs(data_dir, repo, site_url, previous))
    last = stamp.unchanged(docs_dir, "generate", key)
    if last is not None:
        _say("nothing changed since the last build (data, pages, code, settings): docs/ is up to date", quiet)
        return {**last, "unchanged": True, "seconds": round(time.perf_counter() - started, 2)}
    stamp.forget(docs_dir, "generate")
    report = _generate(data_dir, docs_dir, repo, site_url, previous, quiet)
    stamp.remember(docs_dir, "generate", key, report)
    return {**report, "seconds": round(time.perf_counter() - started, 2)}


def _generate_inputs(data_dir: Path, repo: Path, site_url: str | None, previous: str | None) -> dict:
    """Everything the generated docs/ is made from, for its stamp: file trees by digest, the release
    tags (the Changes page compares with the last one), the settings and the drawing libraries."""
    return {
        "data": stamp.tree_digest(data_dir),
        "content": stamp.tree_digest(repo / "content"),
        "code": stamp.tree_digest(Path(__file__).parent),
        "vendor": {name: stamp.tree_digest(repo / source) for name, source in VENDOR_FILES.items()},
        "tags": _release_tags(repo),
        "settings": [site_url, previous],
        "libraries": stamp.versions("vl-convert-python", "Jinja2", "MarkupSafe", "Markdown", "PyYAML", "pydantic"),
    }


def _release_tags(repo: Path) -> str | None:
    """The v* tags reachable from HEAD, with the commits they name (None without git)."""
    try:
        return subprocess.run(
            [
                "git",
                "-C",
                str(repo),
                "for-each-ref",
                "--merged",
                "HEAD",
                "--format=%(refname) %(objectname)",
                "refs/tags/v*",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None


def _generate(data_dir: Path, docs_dir: Path, repo: Path, site_url: str | None, previous: str | None, quiet: bool):
    dataset = load_dataset(data_dir)
    errors = [p for p in check_dataset(dataset) if p.severity == "error"]
    if errors:
        raise BuildError("\n".join(str(p) for p in errors))
    _say(
        f"data: {len(dataset.facts)} figures, {len(dataset.indicators)} indicators, {len(dataset.sources)} sources",
        quiet,
    )

    jobs = chart_jobs(dataset, docs_dir / CHARTS_DIR)
    drawing = chart_module.start_render(list(jobs.values()), real_folder(docs_dir / CHARTS_DIR, docs_dir))
    try:  # the charts are drawn by other processes while this one writes the rest
        changed, removed, pages = _write_rest(dataset, jobs, data_dir, docs_dir, repo, site_url, previous, quiet)
    finally:
        counts = drawing.wait()
    _say(f"charts: {len(jobs)} ({counts.get('rendered', 0)} rendered, {counts.get('skipped', 0)} unchanged)", quiet)
    _say(f"pages: {len(pages)} ({changed} changed, {removed} removed)", quiet)
    vendored = _vendor(repo, docs_dir)
    _say(f"vendor: {vendored} vega file(s) for the interactive view", quiet)
    return {"figures": len(dataset.facts), "charts": len(jobs), "pages": len(pages), "pages_changed": changed, **counts}


def _write_rest(dataset, jobs, data_dir, docs_dir, repo, site_url, previous, quiet) -> tuple[int, int, list]:
    """The downloads, the API and the pages; how many pages changed and were removed, and the pages."""

    files = export_files(dataset)
    downloads = real_folder(docs_dir / DOWNLOADS_DIR, docs_dir)
    write_files({**files, MANIFEST_NAME: manifest_text(data_dir, files)}, downloads)
    _say(f"downloads: {', '.join(sorted(files))}", quiet)
    api = _write_api(dataset, docs_dir, site_url)
    _say(f"api: {len(api)} files in {API_DIR}/", quiet)

    ctx = {
        "site_url": site_url or (dataset.release.site_url if dataset.release else None),
        "charts_dir": CHARTS_DIR,
        **_changes(dataset, repo, previous),
    }
    pages = all_pages(dataset, jobs, ctx, _hand_written(repo / "content"))
    written = {page.path for page in pages} | {
        f"{CHARTS_DIR}/{job.name}{suffix}" for job in jobs.values() for suffix in chart_module.SUFFIXES
    }
    written |= api  # so a removed province's API file goes the way its page goes
    write_text_if_changed(docs_dir / FIGURES_STYLESHEET, figures_stylesheet(), docs_dir)
    written.add(FIGURES_STYLESHEET)
    changed = sum(write_text_if_changed(docs_dir / page.path, page.text, docs_dir) for page in pages)
    removed = _remove_stale(docs_dir, written)
    return changed, removed, pages


def _write_api(dataset: Dataset, docs_dir: Path, site_url: str | None) -> set[str]:
    """Write the JSON API into docs/api/v1/ (scorecard/api.py); return its files' paths under docs/.

    Every name is made from a registry slug or id, and is checked to stay inside the folder anyway."""
    files = api_files(dataset, site_url or (dataset.release.site_url if dataset.release else None))
    folder = real_folder(docs_dir / API_DIR, docs_dir)
    if any(inside(folder, name) is None for name in files):
        raise BuildError(f"an API file name leaves {API_DIR}/: {sorted(n for n in files if inside(folder, n) is None)}")
    write_files(files, folder)
    written = {f"{API_DIR}/{name}" for name in files}
    # wholly generated, like the charts folder: a file there this build did not write (a removed indicator's,
    # or one a commit planted) is removed, never published; os.walk does not follow links
    for parent, folders, names in os.walk(folder):
        for name in folders + names:
            relative = (Path(parent) / name).relative_to(docs_dir).as_posix()
            if relative not in written and (name in names or (Path(parent) / name).is_symlink()):
                remove_output(docs_dir, relative)
    return written


ASSETS = ("assets/scorecard.css", "assets/interactive.js", "assets/favicon.svg")


def prepare_site(data_dir: Path, work_dir: Path, repo: Path, site_url: str | None = None, quiet: bool = True) -> Path:
    """Generate every page of ``data_dir`` into ``work_dir``/docs with a config beside it; return the config.

    Tests, benchmarks and release checks use this so they never touch the work tree's
    docs/: the theme assets are copied, every page is generated beside them, and a small
    mkdocs.yml that inherits the real one points at them (mike can deploy from it too).
    """
    docs_dir = work_dir / "docs"
    for name in ASSETS:
        target = docs_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(repo / "docs" / name, target)
    build(data_dir, docs_dir, repo, site_url=site_url, quiet=quiet)
    config = work_dir / "mkdocs.yml"
    # docs_dir and site_dir relative to this file: Zensical refuses folders outside the config's own
    config.write_text(
        f"INHERIT: {repo / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme:\n  name: material\n  custom_dir: {repo / 'overrides'}\n"
        f"hooks:\n  - {repo / 'scorecard' / 'mkdocs_hooks.py'}\n",
        encoding="utf-8",
    )
    return config


def mkdocs_env(site_url: str | None = None, **extra: str) -> dict[str, str]:
    """The environment mkdocs (and mike, which runs it) needs: our venv first on PATH, no banner."""
    import os

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    if site_url:
        env["SITE_URL"] = site_url
    return env


def build_site(data_dir: Path, work_dir: Path, repo: Path, site_url: str | None = None, quiet: bool = True) -> Path:
    """Build the whole site from ``data_dir`` inside ``work_dir`` (strictly); return its site/ folder."""
    config = prepare_site(data_dir, work_dir, repo, site_url, quiet)
    return run_builder(config, "mkdocs", site_url)


BUILDERS = ("mkdocs", "zensical")


def run_builder(config: Path, builder: str, site_url: str | None = None, site_name: str = "site") -> Path:
    """Build a prepared config strictly with MkDocs or Zensical into ``site_name`` beside it; return that folder.

    Zensical has no ``--site-dir``: it gets a config that inherits ``config`` and only moves the output,
    so both builders read the same mkdocs.yml.
    """
    if builder == "zensical":
        if site_name != "site":
            config = _inheriting(config, site_name)
        command = [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(config)]
    elif builder == "mkdocs":
        # not --quiet: MkDocs 1.6 then stops counting warnings, and --strict lets a broken link through
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
        command += ["--site-dir", str(config.parent / site_name)]
    else:
        raise ValueError(f"unknown builder {builder!r}: one of {BUILDERS}")
    site = config.parent / site_name
    key = stamp.key_of(_site_inputs(config, builder, site_url, site_name))
    if stamp.unchanged(site, builder, key) is not None:
        return site  # same pages, config, theme and builder as the site there, which is as it was built
    stamp.forget(site, builder)
    done = subprocess.run(command, env=mkdocs_env(site_url), cwd=config.parent, capture_output=True, text=True)
    if done.returncode:
        raise BuildError(f"{builder} build failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    stamp.remember(site, builder, key, {})
    return site


def _site_inputs(config: Path, builder: str, site_url: str | None, site_name: str) -> dict:
    """What a built site is made from, for its stamp: the config and every file it inherits, the pages
    folder beside it, the theme's overrides and hooks in this repository, and the builders' versions."""
    configs, seen = [], config
    while seen is not None and seen.is_file() and len(configs) < 10:
        configs.append(seen.read_text("utf-8"))
        inherit = _setting(configs[-1:], "INHERIT")
        seen = (seen.parent / inherit) if inherit else None
    repo = Path(__file__).resolve().parent.parent
    docs = _setting(configs, "docs_dir") or "docs"
    return {
        "builder": [builder, site_url, site_name],
        "configs": configs,
        "docs": stamp.tree_digest(config.parent / docs),
        "overrides": stamp.tree_digest(repo / "overrides"),
        "code": stamp.tree_digest(Path(__file__).parent),  # the hooks
        "libraries": stamp.versions("mkdocs", "mkdocs-material", "zensical", "Markdown", "pymdown-extensions"),
    }


def _setting(configs: list[str], name: str) -> str | None:
    """A top-level setting (``name: value``) of the nearest config text that has it, read as a line: the
    config may hold tags (``!ENV``) that a YAML reader without MkDocs' loader refuses."""
    prefix = f"{name}:"
    lines = (line for text in configs for line in text.splitlines())
    return next((line[len(prefix) :].strip() for line in lines if line.startswith(prefix)), None)


def _inheriting(config: Path, site_name: str) -> Path:
    child = config.with_name(f"{site_name}.yml")
    child.write_text(f"INHERIT: {config.name}\nsite_dir: {site_name}\n", encoding="utf-8")
    return child


def _vendor(repo: Path, docs_dir: Path) -> int:
    """Copy the pinned vega builds from node_modules (installed by scripts/setup.sh) into assets/vendor."""
    copied = 0
    for name, source in VENDOR_FILES.items():
        origin = repo / source
        if not origin.exists():
            continue
        body = origin.read_bytes()
        if name == "vega-interpreter.js":
            body = _interpreter_as_script(body.decode("utf-8")).encode("utf-8")
        write_text_if_changed(docs_dir / "assets" / "vendor" / name, body.decode("utf-8"), docs_dir)
        copied += 1
    return copied


def _interpreter_as_script(module: str) -> str:
    """vega-interpreter ships only as an ES module importing vega-util; the vega build the page has
    already loaded exposes those three helpers, so wrap it as a plain script defining ``vegaInterpreter``.
    It lets the interactive view run without eval, under a Content-Security-Policy without 'unsafe-eval'."""
    first = "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';"
    last = "export { expression as expressionInterpreter };"
    if first not in module or last not in module:
        raise BuildError("vega-interpreter changed shape: update _interpreter_as_script in scorecard/build.py")
    return (
        '(function () {\n"use strict";\nconst { ascending, isString, DisallowedObjectProperties } = window.vega;\n'
        + module.replace(first, "").replace(last, "window.vegaInterpreter = { expressionInterpreter: expression };")
        + "\n})();\n"
    )
