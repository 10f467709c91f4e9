"""The scale benchmark's synthetic tree passes the validator, as real data must (scripts/bench_scale.py)."""

from __future__ import annotations

import importlib.util

import yaml

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("bench_scale", REPO / "scripts" / "bench_scale.py")
bench_scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_scale)


def test_the_synthetic_tree_of_every_province_is_valid(tmp_path, validate):
    data = tmp_path / "data"
    assert bench_scale.make_tree(data, provinces=34, indicator_count=2, year_count=10) == 34 * 2 * 10
    run = validate(data)
    assert run.code == 0 and run.errors == [], run.out
    assert run.err.startswith("0 error(s)") and "34/34 provinces with data" in run.err, run.err


def test_the_synthetic_tree_is_the_same_on_every_run(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    bench_scale.make_tree(first, provinces=2, indicator_count=3, year_count=2)
    bench_scale.make_tree(second, provinces=2, indicator_count=3, year_count=2)
    for path in sorted(first.rglob("*.yaml")):
        assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path
    ha_noi = yaml.safe_load((first / "provinces" / "ha-noi.yaml").read_text("utf-8"))
    synthetic = [o for o in ha_noi["observations"] if o["source"].startswith("synthetic-")]  # beside the real ones
    assert [o["as_of"] for o in synthetic] == [2024] * 3 + ["2025-09"] * 3
