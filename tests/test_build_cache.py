"""The build's caches (chart specs by input hash, images by spec hash) never change what is built:
a rebuild from cache gives the same bytes as a cold build, and a changed figure reaches its chart."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from scorecard.build import build
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
    figures = build(REPO / "data", warm, REPO, quiet=True)  # everything from cache now
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
    province = data / "provinces" / "lai-chau.yaml"
    text = province.read_text("utf-8")
    assert "value: 95\n" in text and "95% thôn bản" in text
    province.write_text(text.replace("value: 95\n", "value: 96\n", 1).replace("95% thôn bản", "96% thôn bản"), "utf-8")
    figures = build(data, docs, REPO, quiet=True)
    assert 0 < figures["rendered"] < figures["charts"]  # only the charts of that indicator
    rows = ranking.read_text("utf-8")
    assert "96" in rows and ",95," not in rows
