"""Releases: two data versions deployed with mike into a temporary git repository, each served
with its own data and citing its own version; the version selector appears under mike."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scorecard.build import mkdocs_env, prepare_site
from tests._site import POLICY, REPO, serve

OLD, NEW = "2026.10", "2026.11"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def _data_version(tmp: Path, version: str, dossiers_share: int) -> Path:
    """A copy of the real data with its version and Lai Châu's online-dossier share set."""
    data = tmp / f"data-{version}"
    shutil.copytree(REPO / "data", data)
    release = data / "release.yaml"
    release.write_text(release.read_text("utf-8").replace('version: "2026.12"', f'version: "{version}"'), "utf-8")
    province = data / "provinces" / "lai-chau.yaml"
    text = province.read_text("utf-8")
    assert "value: 92\n" in text
    province.write_text(
        text.replace("value: 92\n", f"value: {dossiers_share}\n", 1).replace(
            '"92% hồ sơ xử lý trực tuyến"', f'"{dossiers_share}% hồ sơ xử lý trực tuyến"'
        ),
        "utf-8",
    )
    return data


def _deploy(repo: Path, tmp: Path, version: str, data: Path, *aliases: str) -> None:
    config = prepare_site(data, tmp / f"work-{version}", REPO, site_url="https://example.test/scorecard/")
    subprocess.run(
        [
            shutil.which("mike", path=mkdocs_env()["PATH"]) or "mike",
            "deploy",
            "-F",
            str(config),
            "--update-aliases",
            version,
            *aliases,
        ],
        check=True,
        cwd=repo,
        capture_output=True,
        env=mkdocs_env("https://example.test/scorecard/", VERSION_PROVIDER="mike"),
    )


@pytest.fixture(scope="module")
def gh_pages(tmp_path_factory) -> Path:
    """The gh-pages branch after deploying 2026.10 then 2026.11 (alias latest), checked out to a folder."""
    tmp = tmp_path_factory.mktemp("mike")
    repo = tmp / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "test@example.test")
    _git(repo, "config", "user.name", "Test")
    (repo / "README.md").write_text("test\n")
    _git(repo, "add", "README.md")
    _git(repo, "commit", "-qm", "start")
    _deploy(repo, tmp, OLD, _data_version(tmp, OLD, 91))
    _deploy(repo, tmp, NEW, _data_version(tmp, NEW, 92), "latest")
    out = tmp / "gh-pages"
    archive = subprocess.run(["git", "-C", str(repo), "archive", "gh-pages"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(out, filter="data")
    return out


def _text(root: Path, *parts: str) -> str:
    return BeautifulSoup(root.joinpath(*parts, "index.html").read_text("utf-8"), "html.parser").get_text(
        " ", strip=True
    )


def test_both_versions_are_listed_with_latest_alias(gh_pages):
    versions = json.loads((gh_pages / "versions.json").read_text())
    by_version = {entry["version"]: entry for entry in versions}
    assert set(by_version) == {OLD, NEW}
    assert by_version[NEW]["aliases"] == ["latest"]


def test_each_version_serves_its_own_data_and_citation(gh_pages):
    old_page = _text(gh_pages, OLD, "provinces", "lai-chau")
    new_page = _text(gh_pages, NEW, "provinces", "lai-chau")
    assert "91\u00a0%" in old_page and "92\u00a0%" not in old_page
    assert "92\u00a0%" in new_page
    assert f"https://example.test/scorecard/{OLD}/provinces/lai-chau/" in old_page
    assert f"https://example.test/scorecard/{NEW}/provinces/lai-chau/" in new_page
    old_csv = (gh_pages / OLD / "generated" / "downloads" / "observations.csv").read_text("utf-8")
    assert "92% hồ sơ" not in old_csv and "91% hồ sơ" in old_csv


def test_every_page_mike_deploys_carries_the_content_security_policy(gh_pages):
    """mike runs MkDocs itself (no post-build step of ours runs): the policy comes from the theme override."""
    pages = sorted((gh_pages / NEW).rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        meta = BeautifulSoup(path.read_text("utf-8"), "html.parser").find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"}
        )
        assert meta is not None and meta["content"] == POLICY, path


@pytest.mark.browser
def test_version_selector_appears_when_served_under_mike(gh_pages, browser):
    url, server = serve(gh_pages)
    try:
        page = browser.new_page()
        page.goto(url + f"{NEW}/provinces/lai-chau/", wait_until="networkidle")
        selector = page.locator(".md-version")
        selector.wait_for(timeout=10000)
        assert NEW in selector.inner_text()
        assert page.locator(".md-version__link", has_text=OLD).count() == 1
        page.close()
    finally:
        server.shutdown()


def test_release_check_refuses_a_published_version_with_other_content(gh_pages, tmp_path):
    from scorecard.dataset import load_dataset
    from scorecard.export import export_files
    from scorecard.release import check_release, manifest_text

    published = (gh_pages / NEW / "generated" / "downloads" / "SHA256SUMS").read_text("utf-8")
    same = _data_version(tmp_path, NEW, 92)
    assert check_release(manifest_text(same, export_files(load_dataset(same))), published, NEW) == []
    corrected = _data_version(tmp_path / "corrected", NEW, 93)
    problems = check_release(manifest_text(corrected, export_files(load_dataset(corrected))), published, NEW)
    assert len(problems) == 1
    assert "already published with different content" in problems[0]
    assert "data/provinces/lai-chau.yaml" in problems[0] and "downloads/observations.csv" in problems[0]
    assert check_release("anything\n", None, "2027.01") == []  # a new version may always be published


def test_release_check_reads_the_published_manifest_from_git(gh_pages):
    from scorecard.release import published_manifest

    repo = gh_pages.parent / "repo"
    assert "downloads/observations.csv" in published_manifest(repo, "gh-pages", OLD)
    assert published_manifest(repo, "gh-pages", "1999.01") is None


def test_changes_page_shows_a_correction_with_both_values(tmp_path):
    from scorecard.build import build

    old = _data_version(tmp_path / "old", OLD, 91)
    new = _data_version(tmp_path / "new", NEW, 92)
    docs = tmp_path / "docs"
    build(new, docs, REPO, previous=f"dir:{old}", quiet=True)  # a folder says so: a bare name is a revision
    for path, corrected in (("changes.md", "Đính chính"), ("en/changes.md", "Corrections")):
        text = (docs / path).read_text("utf-8")
        soup = BeautifulSoup(text, "html.parser")
        assert f"{NEW}" in soup.get_text()
        rows = [row.get_text(" ", strip=True) for row in soup.select("table tr")]
        correction = [row for row in rows if "online_dossiers_share" in row]
        assert len(correction) == 1, rows
        assert ("91\u00a0% → 92\u00a0%" if path == "changes.md" else "91% → 92%") in correction[0]
        assert corrected in soup.get_text()
        counts = "0 thêm, 1 sửa, 0 bỏ" if path == "changes.md" else "0 added, 1 corrected, 0 removed"
        assert counts in soup.get_text()


def test_changes_page_of_the_first_version_says_so(tmp_path):
    from scorecard.build import build

    docs, data = tmp_path / "docs", tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    release = data / "release.yaml"
    release.write_text(re.sub(r"\nprevious_revision: .*\n", "\n", release.read_text("utf-8")), "utf-8")
    build(data, docs, tmp_path, previous=None, quiet=True)  # tmp_path: no git, so no earlier tag
    english, vietnamese = (docs / "en" / "changes.md").read_text("utf-8"), (docs / "changes.md").read_text("utf-8")
    assert "first data version" in english and "phiên bản dữ liệu đầu tiên" not in english
    assert "phiên bản dữ liệu đầu tiên" in vietnamese and "first data version" not in vietnamese


def test_changes_page_lists_what_this_release_added_since_the_previous_revision(tmp_path):
    """release.yaml names the commit of the previous version: the page diffs against it without tags."""
    from scorecard.build import build

    docs = tmp_path / "docs"
    build(REPO / "data", docs, REPO, previous=None, quiet=True)
    text = BeautifulSoup((docs / "en" / "changes.md").read_text("utf-8"), "html.parser").get_text(" ", strip=True)
    added, removed = (int(re.search(rf"(\d+) {word}", text).group(1)) for word in ("added", "removed"))
    assert added > 600, text[:300]  # the country-wide figures of this round
    assert removed == 0  # the 92 seed figures were re-labelled (territory lao-cai-10, id lao-cai), not removed
    assert "Data changes: 2026.11 → 2026.12" in text
    # an added figure is a line that leads to its row (source, quote, citation) on the page that holds it
    soup = BeautifulSoup((docs / "en" / "changes.md").read_text("utf-8"), "html.parser")
    links = soup.select("div.sc-links dd a")  # by province, a line per indicator: "Figure (date)" links
    assert len(links) == added and all(re.search(r"\d.* \(.+\)$", a.get_text()) for a in links)
    for a in links[::40]:
        where, anchor = a["href"].split("#")
        held = docs / posixpath.normpath(posixpath.join("en/changes/", where)).removesuffix("/")
        target = BeautifulSoup(held.with_suffix(".md").read_text("utf-8"), "html.parser").find("tr", id=anchor)
        assert target is not None and target.select_one("q") is not None, a["href"]
        line = a.find_parent("dd").get_text()
        assert line.startswith(target.find("a").get_text() + (" (" if "before" in line else ": ")), line
        # the line names the row's indicator (and the former unit, which the row's territory names)
        territory = target.find_all("td")[5].get_text()
        assert ("before" in line) == ("former territory" in territory), (line, territory)
