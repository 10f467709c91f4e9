"""The build's caches (chart specs by input hash, images by spec hash, the stamps of whole steps) never
change what is built: a rebuild from cache gives the same bytes as a cold build, a changed figure reaches
its chart, and a step is skipped only while its inputs and its output are what they were."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scorecard import stamp
from scorecard.build import build, prepare_site, run_builder
from tests._site import REPO


def _files(docs: Path) -> dict[str, str]:
    return {
        p.relative_to(docs).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(docs.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_a_rebuild_from_cache_equals_a_cold_build(tmp_path):
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    build(REPO / "data", warm, REPO, quiet=True)
    stamp.forget(warm, "generate")  # so the pages are generated again, the charts from their cache
    figures = build(REPO / "data", warm, REPO, quiet=True)
    assert figures["rendered"] == 0 and figures["skipped"] == figures["charts"] > 0
    build(REPO / "data", cold, REPO, quiet=True)
    assert _files(warm) == _files(cold)


def test_a_changed_figure_reaches_its_chart_through_the_cache(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    docs = tmp_path / "docs"
    build(data, docs, REPO, quiet=True)
    ranking = docs / "generated" / "charts" / "ranking-villages_mobile_broadband_share-vi.csv"
    assert "95" in ranking.read_text("utf-8")
    _lai_chau_95_to_96(data)
    figures = build(data, docs, REPO, quiet=True)
    assert 0 < figures["rendered"] < figures["charts"]  # only the charts of that indicator
    rows = ranking.read_text("utf-8")
    assert "96" in rows and ",95," not in rows


def _lai_chau_95_to_96(data: Path) -> None:
    province = data / "provinces" / "lai-chau.yaml"
    text = province.read_text("utf-8")
    assert "value: 95\n" in text and "95% thôn bản" in text
    province.write_text(text.replace("value: 95\n", "value: 96\n", 1).replace("95% thôn bản", "96% thôn bản"), "utf-8")


def test_an_unchanged_tree_is_left_as_it_is_and_any_change_builds_it_again(tmp_path):
    data, docs = tmp_path / "data", tmp_path / "docs"
    shutil.copytree(REPO / "data", data)
    first = build(data, docs, REPO, quiet=True)
    built = _files(docs)
    again = build(data, docs, REPO, quiet=True)
    assert again["unchanged"] and again["pages"] == first["pages"] and _files(docs) == built
    page = docs / "provinces" / "lai-chau.md"
    page.write_text("edited by hand", "utf-8")  # an output that is no longer what the build wrote
    mended = build(data, docs, REPO, quiet=True)
    assert "unchanged" not in mended and _files(docs) == built
    _lai_chau_95_to_96(data)  # an input that changed
    changed = build(data, docs, REPO, quiet=True)
    assert "unchanged" not in changed and changed["pages_changed"] > 0
    assert "96" in (docs / "generated" / "charts" / "ranking-villages_mobile_broadband_share-vi.csv").read_text()


def test_an_unchanged_site_is_not_built_again_and_a_changed_one_is(tmp_path):
    config = prepare_site(REPO / "data", tmp_path, REPO)
    home = run_builder(config, "mkdocs") / "index.html"
    written = home.stat().st_mtime_ns
    assert run_builder(config, "mkdocs") / "index.html" == home and home.stat().st_mtime_ns == written  # skipped
    home.write_text("tampered", "utf-8")
    run_builder(config, "mkdocs")  # the site is not what MkDocs made: built again
    assert "tampered" not in home.read_text("utf-8") and "<html" in home.read_text("utf-8")
    page = tmp_path / "docs" / "about.md"
    page.write_text(page.read_text("utf-8") + "\nA sentence added to the page.\n", "utf-8")
    run_builder(config, "mkdocs")  # a changed page: built again
    assert "A sentence added to the page." in (home.parent / "about" / "index.html").read_text("utf-8")


def test_charts_are_drawn_even_when_the_calling_script_cannot_be_imported_again(tmp_path):
    """Many charts are drawn in other processes, which import the caller's script again: a script without
    an ``if __name__ == "__main__"`` guard breaks them, and the charts are then drawn in the script's own
    process, the same files."""
    script = tmp_path / "no_guard.py"
    script.write_text(
        "from pathlib import Path\n"
        "from scorecard.build import chart_jobs\n"
        "from scorecard.charts import render\n"
        "from scorecard.dataset import load_dataset\n"
        f"jobs = list(chart_jobs(load_dataset(Path({str(REPO / 'data')!r}))).values())\n"
        f"print(len(jobs), render(jobs, Path({str(tmp_path / 'charts')!r}), Path({str(tmp_path / 'state')!r})))\n",
        "utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, check=True)
    count = int(done.stdout.split()[0])
    assert count >= 40 and f"'rendered': {count}" in done.stdout  # enough charts for other processes
    assert len(list((tmp_path / "charts").glob("*.svg"))) == count
