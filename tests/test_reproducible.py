"""Reproducible builds: the same data and SOURCE_DATE_EPOCH give the same site, byte for byte.

The minimal data tree, with a few figures added so that every kind of chart is drawn, is
built twice into two different folders: once in this process, once in a fresh Python with
another hash seed, another time zone and another working directory. Every file of the
two sites (pages, sitemap.xml and its .gz, search index, SVG, CSV, Vega-Lite JSON,
downloads) must be identical, and no file may name the folder it was built in.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scorecard.build import build_site
from tests.conftest import FIXTURE, REPO, tree_hashes

EPOCH = "1795000000"  # 2026-11-18 (UTC), after the fixture's release date
SITE_URL = "https://example.test/scorecard/"  # with an address, the sitemap lists every page
MORE_FIGURES = {
    # Lai Châu: a second actual and a target beside the 92 % (history and progress charts)
    "provinces/lai-chau.yaml": """
  - indicator: online_dossiers_share
    value: 80
    unit: percent
    kind: actual
    as_of: 2024
    source: dantri-2025-11-01-lai-chau
    quote: "80% hồ sơ xử lý trực tuyến"

  - indicator: online_dossiers_share
    value: 100
    unit: percent
    kind: target
    target_year: 2030
    source: dantri-2025-11-01-lai-chau
    quote: "phấn đấu 100% hồ sơ xử lý trực tuyến"
""",
    # Lào Cai: the same indicator, so a ranking of two provinces is drawn
    "provinces/lao-cai.yaml": """
  - indicator: online_dossiers_share
    value: 85
    unit: percent
    kind: actual
    as_of: 2025-08
    territory: current
    source: baolaocai-tao-dot-pha-ha-tang-so
    quote: "85% hồ sơ xử lý trực tuyến"
""",
}
SECOND_BUILD = (
    "import sys\nfrom pathlib import Path\nfrom scorecard.build import build_site\n"
    "build_site(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), site_url=sys.argv[4])\n"
)


def _data(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    for name, text in MORE_FIGURES.items():
        with (target / name).open("a", encoding="utf-8") as file:
            file.write(text)
    return target


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    """The same data built twice with SOURCE_DATE_EPOCH set: here, and in another process and place."""
    data = _data(tmp_path_factory.mktemp("data") / "data")
    first_work = tmp_path_factory.mktemp("first")
    second_work = tmp_path_factory.mktemp("second-build-in-a-longer-folder-name")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        first = build_site(data, first_work, REPO, site_url=SITE_URL)
        env = {**os.environ, "PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "PYTHONPATH": str(REPO)}
        subprocess.run(
            [sys.executable, "-c", SECOND_BUILD, str(data), str(second_work), str(REPO), SITE_URL],
            check=True,
            env=env,
            cwd=second_work,
        )
    return first, second_work / "site"


def _first_difference(left: bytes, right: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), min(len(left), len(right)))
    return (
        f"{len(left)} vs {len(right)} bytes, first difference at byte {at}: {left[at - 40 : at + 40]!r} / "
        f"{right[at - 40 : at + 40]!r}"
    )


def test_both_builds_hold_the_same_files(sites):
    first, second = sites
    assert sorted(tree_hashes(first)) == sorted(tree_hashes(second))


def test_the_comparison_covers_every_kind_of_output(sites):
    names = list(tree_hashes(sites[0]))
    for suffix in (
        ".html",
        "sitemap.xml",
        "sitemap.xml.gz",
        "search_index.json",
        ".svg",
        ".vl.json",
        "observations.csv",
        "observations.json",
        "datapackage.json",
    ):
        assert any(name.endswith(suffix) for name in names), suffix
    charts = {name.rsplit("/", 1)[-1].split("-")[0] for name in names if "/charts/" in name}
    assert {"province", "progress", "ranking"} <= charts


def test_every_file_is_byte_identical(sites):
    first, second = sites
    left, right = tree_hashes(first), tree_hashes(second)
    differing = {
        name: _first_difference((first / name).read_bytes(), (second / name).read_bytes())
        for name in sorted(set(left) & set(right))
        if left[name] != right[name]
    }
    assert differing == {}, "\n".join(f"{name}: {how}" for name, how in differing.items())


def _readable(path: Path) -> bytes:
    """A file's bytes, and its content too when it is gzip (whose header may name a file), so no path hides."""
    body = path.read_bytes()
    return body + gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


@pytest.mark.parametrize("which", [0, 1], ids=["first", "second"])
def test_no_file_names_a_folder_of_the_machine_that_built_it(sites, which, tmp_path_factory):
    """Not the build folder, not the data folder (all under pytest's base folder), not the repository."""
    site = sites[which]
    folders = [str(tmp_path_factory.getbasetemp()).encode("utf-8"), str(REPO).encode("utf-8")]
    holding = [
        path.relative_to(site).as_posix()
        for path in sorted(site.rglob("*"))
        if path.is_file() and any(folder in _readable(path) for folder in folders)
    ]
    assert holding == []


def test_dates_in_the_sitemap_come_from_source_date_epoch(sites):
    day = datetime.fromtimestamp(int(EPOCH), UTC).date()
    sitemap = ET.fromstring((sites[0] / "sitemap.xml").read_bytes())
    dates = [element.text for element in sitemap.iter() if element.tag.endswith("lastmod")]
    assert len(dates) > 10 and set(dates) == {day.isoformat()}
    header = (sites[0] / "sitemap.xml.gz").read_bytes()
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()
    assert int.from_bytes(header[4:8], "little") == midnight  # gzip's MTIME field: MkDocs writes the day
