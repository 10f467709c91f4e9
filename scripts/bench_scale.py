#!/usr/bin/env python3
"""How the build scales: a synthetic data tree, built cold and again, measured. It only measures.

The tree is made in a scratch folder: a copy of data/ (registries, the two real provinces, the
former units, the release) plus synthetic indicators, one synthetic source per province and year,
and one figure per province, indicator and year, each with a quote that states its value the way
a Vietnamese text does (87,5% ... / 12.345 ...), so the tree passes the validator as real data must.
Every synthetic record says so in its name. The same arguments always make the same tree.

Printed: validation time (new process), cold build (generate + MkDocs), no-change rebuild, the
search index (bytes, gzipped) and the site (MB). The default is the issue's size, 34 provinces x
60 indicators x 10 years (about 20,000 figures); ``--provinces 5 --indicators 6 --years 3`` is a
quick check. ``--zensical`` also times a Zensical build of the same pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorecard.build import BuildError, build, mkdocs_env, prepare_site, run_builder  # noqa: E402
from scorecard.numbers import format_number  # noqa: E402
from scorecard.territory import build_registry, official_units  # noqa: E402

LAST_YEAR = 2025  # figures for 2016-2024 cover the former territory; 2025-09 the merged province


def synthetic_indicators(count: int, pillars: list[str]) -> list[dict]:
    """``count`` indicators, alternately a percentage and a count, spread over the pillars; one in fifteen
    a headline indicator."""
    indicators = []
    for number in range(1, count + 1):
        percent = number % 2 == 1
        indicators.append(
            {
                "id": f"synthetic_{number:02d}",
                "pillar": pillars[(number - 1) % len(pillars)],
                "unit": "percent" if percent else "count",
                "name": {"vi": f"Chỉ tiêu tổng hợp {number:02d}", "en": f"Synthetic indicator {number:02d}"},
                "definition": {
                    "vi": f"Chỉ tiêu tổng hợp số {number:02d}, chỉ dùng để đo thời gian dựng trang.",
                    "en": f"Synthetic indicator number {number:02d}, only for measuring the build.",
                },
                "higher_is_better": True,
                "comparable": True,
                # one in fifteen is a headline indicator (the real data: 5 of 89), so the provinces'
                # cards and history charts are measured at a realistic share
                "headline": number % 15 == 1,
            }
        )
    return indicators


def years(count: int) -> list[int]:
    return list(range(LAST_YEAR - count + 1, LAST_YEAR + 1))


def synthetic_sources(units: list[tuple[str, str, str]], year_list: list[int]) -> list[dict]:
    """One source per province and year, published after the year it reports on."""
    return [
        {
            "id": f"synthetic-{slug}-{year}",
            "title": f"Báo cáo tổng hợp (mẫu) về chuyển đổi số tỉnh {name} năm {year}",
            "publisher": f"Nguồn tổng hợp {name}",
            "url": f"https://example.org/synthetic/{slug}/{year}",
            "published": f"{year}-10-15" if year == LAST_YEAR else f"{year + 1}-01-15",
            "language": "vi",
            "note": {
                "vi": "Nguồn tổng hợp do scripts/bench_scale.py tạo để đo việc dựng trang, không phải bài thật.",
                "en": "Synthetic source made by scripts/bench_scale.py for measuring the build; not a real text.",
            },
        }
        for slug, name, _ in units
        for year in year_list
    ]


def former_labels(data: Path) -> dict[str, str | None]:
    """What to write in ``territory:`` for a figure before the merger, by province: nothing where the date
    tells (the former unit of the same name), else the former unit with the province's code (Hồ Chí Minh,
    whose former unit is named "TP. Hồ Chí Minh")."""
    registry = build_registry(yaml.safe_load((data / "former-units.yaml").read_text("utf-8")))
    labels = {}
    for slug, unit in registry.items():
        if unit.territory("former") is not None:
            labels[slug] = None
        else:
            labels[slug] = next(t.id for t in unit.former if t.code == unit.code)
    return labels


def observation(rng: random.Random, indicator: dict, slug: str, year: int, former: str | None) -> dict:
    """One figure with a quote that states it as a Vietnamese text would."""
    if indicator["unit"] == "percent":
        value = round(rng.uniform(20, 99.9), 1)
        value = int(value) if value.is_integer() else value
        quote = f"{indicator['name']['vi'].lower()} đạt {format_number(value, 'vi')}%"
    else:
        value = rng.randrange(100, 2_000_000)
        quote = f"có {format_number(value, 'vi')} lượt theo {indicator['name']['vi'].lower()}"
    row = {
        "indicator": indicator["id"],
        "value": value,
        "unit": indicator["unit"],
        "kind": "actual",
        "as_of": f"{year}-09" if year == LAST_YEAR else year,
        "source": f"synthetic-{slug}-{year}",
        "quote": quote,
    }
    if former and year < LAST_YEAR:
        row["territory"] = former
    return row


def _yaml_list(items: list[dict], indent: str = "  ") -> str:
    """Items as a YAML block list, each value written as JSON (a subset of YAML), so nothing is re-quoted."""
    lines = []
    for item in items:
        for position, (key, value) in enumerate(item.items()):
            lead = f"{indent}- " if position == 0 else f"{indent}  "
            lines.append(f"{lead}{key}: {json.dumps(value, ensure_ascii=False)}")
        lines.append("")
    return "\n".join(lines) + "\n"


def make_tree(target: Path, provinces: int, indicator_count: int, year_count: int, seed: int = 13) -> int:
    """Write the synthetic tree into ``target``; return the number of synthetic figures."""
    shutil.copytree(ROOT / "data", target)
    rng = random.Random(seed)  # noqa: S311 (made-up figures, the same on every run; nothing secret)
    units = list(official_units())[:provinces]
    pillars = [pillar["id"] for pillar in yaml.safe_load((target / "indicators.yaml").read_text("utf-8"))["pillars"]]
    indicators, year_list = synthetic_indicators(indicator_count, pillars), years(year_count)
    with (target / "indicators.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n  # synthetic (scripts/bench_scale.py)\n" + _yaml_list(indicators))
    with (target / "sources.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n  # synthetic (scripts/bench_scale.py)\n" + _yaml_list(synthetic_sources(units, year_list)))
    figures, former = 0, former_labels(target)
    for slug, name, code in units:
        rows = [observation(rng, ind, slug, year, former[slug]) for year in year_list for ind in indicators]
        figures += len(rows)
        path = target / "provinces" / f"{slug}.yaml"
        if path.exists():  # a real province: its own figures stay, the synthetic ones follow
            text = path.read_text("utf-8").rstrip("\n") + "\n\n  # synthetic (scripts/bench_scale.py)\n"
        else:
            text = f"name: {json.dumps(name, ensure_ascii=False)}\ncode: {json.dumps(code)}\nobservations:\n"
        path.write_text(text + _yaml_list(rows), encoding="utf-8")
    return figures


def _timed(label: str, step, *args, **kwargs):
    """Run ``step``; return its result and seconds taken, and say on stderr that it finished (long runs)."""
    started = time.perf_counter()
    result = step(*args, **kwargs)
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return result, seconds


def _validate(data: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "scorecard", "validate", "--quiet", "--data", str(data)],
        check=True,
        cwd=ROOT,
        env=mkdocs_env(),
        stdout=subprocess.DEVNULL,
    )


def _site_figures(site: Path) -> dict[str, float]:
    index = site / "search" / "search_index.json"
    body = index.read_bytes()
    return {
        "index_bytes": len(body),
        "index_gzip": len(gzip.compress(body, compresslevel=6, mtime=0)),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "html_pages": sum(1 for _ in site.rglob("*.html")),
    }


def measure(work: Path, zensical: bool) -> dict:
    data = work / "data"
    _, validate_s = _timed("validate", _validate, data)
    config, generate_cold = _timed("generate (cold)", prepare_site, data, work / "build", ROOT)
    _, mkdocs_cold = _timed("mkdocs (cold)", run_builder, config, "mkdocs")
    figures, generate_again = _timed("generate (no change)", build, data, work / "build" / "docs", ROOT, quiet=True)
    _, mkdocs_again = _timed("mkdocs (no change)", run_builder, config, "mkdocs")
    result = {
        "validate_s": validate_s,
        "generate_cold_s": generate_cold,
        "mkdocs_cold_s": mkdocs_cold,
        "generate_again_s": generate_again,
        "mkdocs_again_s": mkdocs_again,
        **figures,
        **_site_figures(work / "build" / "site"),
    }
    if zensical:
        try:
            _, result["zensical_s"] = _timed("zensical", run_builder, config, "zensical", site_name="site-zensical")
        except BuildError as error:  # a limit of Zensical's is a finding, not a reason to lose the rest
            result["zensical_error"] = str(error).strip().splitlines()[-1]
    return result


def report(size: str, synthetic: int, r: dict) -> str:
    mb = 1024 * 1024
    lines = [
        f"tree: {size}: {synthetic} synthetic figures ({r['figures']} in all), {r['charts']} charts, "
        f"{r['html_pages']} HTML pages",
        f"validate (new process):  {r['validate_s']:7.1f} s",
        f"cold build:              {r['generate_cold_s'] + r['mkdocs_cold_s']:7.1f} s  "
        f"(generate {r['generate_cold_s']:.1f} + mkdocs {r['mkdocs_cold_s']:.1f})   goal <= 60 s",
        f"no-change rebuild:       {r['generate_again_s'] + r['mkdocs_again_s']:7.1f} s  "
        f"(generate {r['generate_again_s']:.1f} + mkdocs {r['mkdocs_again_s']:.1f})   goal <= 5 s",
        f"search index:            {r['index_gzip'] / 1024:7.0f} kB gzip ({r['index_bytes'] / mb:.1f} MB raw)"
        "   goal <= 500 kB",
        f"site:                    {r['site_bytes'] / mb:7.1f} MB   goal <= 150 MB per version",
    ]
    if "zensical_s" in r:
        lines.append(f"zensical build (same pages): {r['zensical_s']:.1f} s")
    if "zensical_error" in r:
        lines.append(f"zensical build failed: {r['zensical_error']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--provinces", type=int, default=34, help="how many provinces (1-34), default 34")
    parser.add_argument("--indicators", type=int, default=60, help="synthetic indicators, default 60")
    parser.add_argument("--years", type=int, default=10, help=f"years of figures up to {LAST_YEAR}, default 10")
    parser.add_argument("--zensical", action="store_true", help="also time a Zensical build of the same pages")
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and keep it, instead of a scratch one")
    args = parser.parse_args(argv)
    if not 1 <= args.provinces <= 34 or not 1 <= args.indicators <= 99 or not 1 <= args.years <= 30:
        parser.error("--provinces 1-34, --indicators 1-99, --years 1-30")
    size = f"{args.provinces} provinces x {args.indicators} indicators x {args.years} years"
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        synthetic = make_tree(work / "data", args.provinces, args.indicators, args.years)
        print(f"made {size} ({synthetic} synthetic figures) in {work}", file=sys.stderr, flush=True)
        print(report(size, synthetic, measure(work, args.zensical)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
