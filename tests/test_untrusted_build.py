"""A pull request is untrusted input (issue 14): what reaches the build through docs/.

Everything the build makes lives in docs/ (ignored by git, but a commit can still hold it,
and ``git checkout`` overwrites ignored files without a word). A committed stale-page
list must delete nothing, a committed chart or chart-cache entry must not be published,
a committed link must not be written through, and the build starts from what data/ says.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE, REPO

from scorecard import build as build_module
from scorecard import charts
from scorecard.build import CHARTS_DIR, build, chart_jobs
from scorecard.dataset import load_dataset
from scorecard.output import state_dir

SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(REPO / "data")


@pytest.fixture(scope="module")
def one_job(dataset) -> charts.ChartJob:
    """The first chart the real data makes, as an attacker would compute it (the code is public)."""
    return next(iter(chart_jobs(dataset).values()))


def _victim(tmp_path: Path, name: str = "victim.txt") -> Path:
    victim = tmp_path / "outside" / name
    victim.parent.mkdir(parents=True, exist_ok=True)
    victim.write_text("precious\n", encoding="utf-8")
    return victim


# ---------------------------------------------------------------- 1. no file deletion


def test_a_committed_stale_page_list_deletes_nothing(tmp_path):
    docs = tmp_path / "repo" / "docs"
    absolute, relative = _victim(tmp_path, "absolute.txt"), _victim(tmp_path, "relative.txt")
    planted = docs / "generated" / ".pages-manifest"  # where the build kept its list before
    planted.parent.mkdir(parents=True)
    planted.write_text(f"{absolute}\n../../outside/relative.txt\n", encoding="utf-8")
    build(FIXTURE, docs, REPO, quiet=True)
    assert absolute.read_text(encoding="utf-8") == "precious\n"
    assert relative.read_text(encoding="utf-8") == "precious\n"


def test_even_the_builds_own_list_removes_only_inside_the_output_folder(tmp_path):
    docs = tmp_path / "repo" / "docs"
    absolute, relative = _victim(tmp_path, "absolute.txt"), _victim(tmp_path, "relative.txt")
    build(FIXTURE, docs, REPO, quiet=True)
    own = state_dir(docs) / build_module.MANIFEST
    assert own.is_file() and not own.is_relative_to(tmp_path / "repo")  # outside anything a commit holds
    own.write_text(f"{absolute}\n../../outside/relative.txt\nindex.md/../../../outside/relative.txt\n", "utf-8")
    build(FIXTURE, docs, REPO, quiet=True)
    assert absolute.exists() and relative.exists()


def test_a_linked_charts_folder_is_replaced_not_emptied(tmp_path):
    outside = _victim(tmp_path).parent
    docs = tmp_path / "docs"
    (docs / "generated").mkdir(parents=True)
    (docs / CHARTS_DIR).symlink_to(outside)  # committed: docs/generated/charts -> somewhere of yours
    build(REPO / "data", docs, REPO, quiet=True)
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]
    assert (docs / CHARTS_DIR).is_dir() and not (docs / CHARTS_DIR).is_symlink()


@pytest.mark.parametrize("relative", ["index.md", "generated/downloads/observations.csv", "en/sources.md"])
def test_a_committed_link_in_docs_is_replaced_not_written_through(tmp_path, relative):
    victim = _victim(tmp_path)
    docs = tmp_path / "docs"
    (docs / relative).parent.mkdir(parents=True)
    (docs / relative).symlink_to(victim)
    build(FIXTURE, docs, REPO, quiet=True)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (docs / relative).is_file() and not (docs / relative).is_symlink()


def test_a_linked_docs_folder_is_refused(tmp_path):
    outside = _victim(tmp_path).parent
    (tmp_path / "docs").symlink_to(outside)
    with pytest.raises(build_module.BuildError, match="symbolic link"):
        build(FIXTURE, tmp_path / "docs", REPO, quiet=True)
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]


# ---------------------------------------------------------------- 3. no smuggled chart, no forged alt text


def _plant_chart(charts_dir: Path, job: charts.ChartJob) -> None:
    """A chart with a script, and the cache entry (in the old place and format) that vouched for it."""
    charts_dir.mkdir(parents=True, exist_ok=True)
    for suffix in charts.SUFFIXES:
        (charts_dir / f"{job.name}{suffix}").write_text("forged\n", encoding="utf-8")
    (charts_dir / f"{job.name}.svg").write_text(SCRIPT_SVG, encoding="utf-8")
    (charts_dir / ".chart-cache.json").write_text(json.dumps({job.name: charts.job_key(job)}), encoding="utf-8")


def test_a_committed_chart_with_its_cache_entry_is_drawn_again(tmp_path, one_job):
    docs = tmp_path / "docs"
    _plant_chart(docs / CHARTS_DIR, one_job)
    figures = build(REPO / "data", docs, REPO, quiet=True)
    svg = (docs / CHARTS_DIR / f"{one_job.name}.svg").read_text(encoding="utf-8")
    assert "<script" not in svg and svg.startswith("<svg")
    assert figures["skipped"] == 0
    assert not (docs / CHARTS_DIR / ".chart-cache.json").exists()  # not ours: removed as stale


def test_a_chart_overwritten_after_a_build_is_drawn_again(tmp_path, one_job):
    """``git checkout`` of a pull request overwrites ignored files: the build's own cache still says the
    chart is up to date, but the file is no longer what the build wrote."""
    docs = tmp_path / "docs"
    build(REPO / "data", docs, REPO, quiet=True)
    drawn = (docs / CHARTS_DIR / f"{one_job.name}.svg").read_bytes()
    (docs / CHARTS_DIR / f"{one_job.name}.svg").write_text(SCRIPT_SVG, encoding="utf-8")
    figures = build(REPO / "data", docs, REPO, quiet=True)
    assert (docs / CHARTS_DIR / f"{one_job.name}.svg").read_bytes() == drawn
    assert figures["rendered"] == 1


def test_a_committed_chart_jobs_entry_cannot_publish_alt_text(tmp_path, dataset):
    docs = tmp_path / "docs"
    inputs = build_module._chart_inputs(dataset)  # what an attacker can compute from the public code and data
    forged = {}
    for (kind, slug, indicator_id, lang), make in build_module._chart_makers(dataset):
        job = make(dataset, slug, indicator_id, lang) if slug else make(dataset, indicator_id, lang)
        digest = hashlib.sha256(f"{inputs['common']}|{inputs[indicator_id]}|{kind}|{slug}|{lang}".encode()).hexdigest()
        forged[digest] = None if job is None else {**dataclasses.asdict(job), "alt": "FORGED ALT TEXT"}
    (docs / CHARTS_DIR).mkdir(parents=True)
    (docs / CHARTS_DIR / ".chart-jobs.json").write_text(json.dumps(forged, ensure_ascii=False), encoding="utf-8")
    build(REPO / "data", docs, REPO, quiet=True)
    pages = [p for p in docs.rglob("*.md") if "FORGED ALT TEXT" in p.read_text(encoding="utf-8")]
    assert pages == []
    assert any("<img src=" in p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))  # charts are shown


def test_the_build_keeps_no_state_in_docs(tmp_path):
    docs = tmp_path / "docs"
    build(REPO / "data", docs, REPO, quiet=True)
    hidden = [p.relative_to(docs).as_posix() for p in docs.rglob(".*")]
    assert hidden == []
    assert sorted(p.name for p in state_dir(docs).iterdir()) == [build_module.MANIFEST, "stamp-generate.json"]
    remembered = sorted(p.name for p in state_dir(docs / CHARTS_DIR).iterdir())
    assert remembered == sorted([build_module.JOBS_CACHE, charts.CACHE_FILE])


# ---------------------------------------------------------------- crashes of the build after validate passed


@pytest.mark.parametrize(("value", "quote"), [("0.00005", "0,00005"), ("1.0e-7", "0,0000001")])
def test_a_value_whose_repr_has_an_exponent_builds(tmp_path, value, quote):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "provinces" / "lai-chau.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    value: 92\n", f"    value: {value}\n").replace('"92% hồ', f'"{quote}% hồ'), "utf-8"
    )
    build(data, tmp_path / "docs", REPO, quiet=True)  # IndexError in decimals_of before
    page = (tmp_path / "docs" / "provinces" / "lai-chau" / "figures.md").read_text(encoding="utf-8")
    assert f"{quote}% hồ sơ" in page
