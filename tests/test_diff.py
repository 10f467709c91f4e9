"""``python -m scorecard diff``: figures added, removed and corrected between two versions.

A scratch git repository holds two commits of a small data tree (the minimal fixture):
the second corrects one figure, adds one, removes one, moves one block and leaves the
rest alone. The diff must list exactly the three real changes, show the old and the new
value of the correction, and stay a well-formed Markdown table whatever a quote says.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE, REPO

from scorecard.dataset import load_dataset
from scorecard.diff import compare, to_markdown
from scorecard.pages.province import province_figures_page

SITE = {"site_url": None, "charts_dir": "c"}

LAI_CHAU = "data/provinces/lai-chau.yaml"
LAO_CAI = "data/provinces/lao-cai.yaml"

ONLINE_92 = """\
  - indicator: online_dossiers_share
    value: 92
    unit: percent
    kind: actual
    period: Hiện
    source: dantri-2025-11-01-lai-chau
    quote: "92% hồ sơ xử lý trực tuyến"
"""
# A real figure of data/provinces/lai-chau.yaml that the fixture does not have yet.
VILLAGES_95 = """
  - indicator: villages_mobile_broadband_share
    value: 95
    unit: percent
    kind: actual
    as_of: "2025-05"
    period: Đến tháng 5
    source: dantri-2025-11-01-lai-chau
    quote: "phủ sóng băng rộng di động tại 95% thôn bản"
"""
BASE_2G = """\
  - indicator: base_stations_2g
    value: 766
    unit: count
    kind: actual
    period: Đến nay
    territory: lao-cai-10
    source: baolaocai-tao-dot-pha-ha-tang-so
    quote: "766 trạm 2G, 835 trạm 3G, 1.309 trạm 4G và 5 trạm 5G"

"""
RANK_BLOCK_START = "  - indicator: online_dossiers_rank\n"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(repo.parent)}
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout.strip()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_second_version(repo: Path) -> None:
    """Correct one figure, add one, remove one, move one block; leave everything else."""
    lai_chau, lao_cai = repo / LAI_CHAU, repo / LAO_CAI
    edit(lai_chau, ONLINE_92, ONLINE_92.replace("value: 92", "value: 93").replace('"92%', '"93%'))
    lai_chau.write_text(lai_chau.read_text(encoding="utf-8") + VILLAGES_95, encoding="utf-8")
    text = lao_cai.read_text(encoding="utf-8")
    lao_cai.write_text(text[: text.index(RANK_BLOCK_START)].rstrip("\n") + "\n", encoding="utf-8")
    edit(lao_cai, BASE_2G, "")  # move the 2G block to the end: no change
    lao_cai.write_text(lao_cai.read_text(encoding="utf-8") + "\n" + BASE_2G.rstrip("\n") + "\n", encoding="utf-8")


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, str, str]:
    """A git repository with two commits of data/: (repo, first commit, second commit)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURE, repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "first version")
    git(repo, "tag", "v2026.10")
    first = git(repo, "rev-parse", "HEAD")
    make_second_version(repo)
    git(repo, "commit", "-q", "-a", "-m", "second version")
    return repo, first, git(repo, "rev-parse", "HEAD")


def run_diff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scorecard", "diff", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Province")]


def unescaped_pipes(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row.replace("\\\\", "")))


# ---------------------------------------------------------------- the three real changes


def test_compare_lists_exactly_the_added_removed_and_corrected_figures(history):
    repo, first, _ = history
    old_dir = repo.parent / "old"
    git(repo, "worktree", "add", "-q", str(old_dir), first)
    changes = compare(load_dataset(old_dir / "data"), load_dataset(repo / "data"))
    listed = {(c.kind, c.province, c.indicator) for c in changes}
    assert listed == {
        ("changed", "lai-chau", "online_dossiers_share"),
        ("added", "lai-chau", "villages_mobile_broadband_share"),
        ("removed", "lao-cai", "online_dossiers_rank"),
    }
    (correction,) = [c for c in changes if c.kind == "changed"]
    assert correction.old.observation.value == 92 and correction.new.observation.value == 93
    assert correction.changed_fields() == ["value", "quote"]


def test_the_command_shows_old_and_new_values_between_two_commits(history):
    repo, first, second = history
    run = run_diff(first, second, "--repo", str(repo))
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "1 added, 1 corrected, 1 removed." in out
    assert "92% → 93% (value, quote)" in out
    assert "92% hồ sơ xử lý trực tuyến → 93% hồ sơ xử lý trực tuyến" in out
    assert "villages\\_mobile\\_broadband\\_share" in out and "phủ sóng băng rộng di động tại 95% thôn bản" in out
    assert "online\\_dossiers\\_rank" in out
    # Unchanged figures, and the block that only moved, are not listed.
    for unchanged in ("base\\_stations\\_2g", "base\\_stations\\_3g", "mobile\\_subscribers", "procedure\\_cost"):
        assert unchanged not in out
    assert len(table_rows(out)) == 3
    assert out.index("### Corrections") < out.index("### Added") < out.index("### Removed")


def test_tags_and_branch_names_work_as_revisions(history):
    repo, _, _ = history
    run = run_diff("v2026.10", "main", "--repo", str(repo))
    assert run.returncode == 0, run.stderr
    assert "1 added, 1 corrected, 1 removed." in run.stdout
    same = run_diff("main", "HEAD", "--repo", str(repo))
    assert "0 added, 0 corrected, 0 removed." in same.stdout and "No figure changed." in same.stdout


def test_an_unknown_revision_is_reported_not_a_traceback(history):
    repo, first, _ = history
    run = run_diff(first, "no-such-branch", "--repo", str(repo))
    assert run.returncode == 2
    assert "cannot read a revision" in run.stderr and "Traceback" not in run.stderr


def test_two_data_folders_can_be_compared(history, tmp_path):
    repo, first, _ = history
    old_dir = tmp_path / "old-checkout"
    git(repo, "worktree", "add", "-q", str(old_dir), first)
    for old, new in ((old_dir / "data", repo / "data"), (old_dir, repo)):  # the data folder or its parent
        run = run_diff(f"dir:{old}", f"dir:{new}")
        assert run.returncode == 0, run.stderr
        assert "1 added, 1 corrected, 1 removed." in run.stdout, run.stdout


# ---------------------------------------------------------------- what identifies a figure


def _tree(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name / "data"
    shutil.copytree(FIXTURE, target)
    return target


def test_two_undated_figures_of_one_source_are_both_kept(tmp_path):
    """Without a date, the period tells figures apart: neither may be dropped silently."""
    old, new = _tree(tmp_path, "old"), _tree(tmp_path, "new")
    extra = ONLINE_92.replace("period: Hiện", "period: Năm 2024")
    edit(new / "provinces/lai-chau.yaml", ONLINE_92, ONLINE_92 + "\n" + extra)
    changes = compare(load_dataset(old), load_dataset(new))
    assert [(c.kind, c.indicator, c.new.observation.period) for c in changes] == [
        ("added", "online_dossiers_share", "Năm 2024")
    ]


def test_a_repeated_figure_is_reported_not_lost(tmp_path):
    old, new = _tree(tmp_path, "old"), _tree(tmp_path, "new")
    edit(new / "provinces/lai-chau.yaml", ONLINE_92, ONLINE_92 + "\n" + ONLINE_92)
    changes = compare(load_dataset(old), load_dataset(new))
    assert [(c.kind, c.indicator) for c in changes] == [("added", "online_dossiers_share")]


def test_a_new_period_wording_of_a_dated_figure_is_a_correction(tmp_path):
    old, new = _tree(tmp_path, "old"), _tree(tmp_path, "new")
    block = "    value: 2104\n    unit: count\n    kind: actual\n    as_of: 2025-05\n"
    edit(
        new / "provinces/lai-chau.yaml",
        block,
        block.replace("    as_of: 2025-05\n", "    as_of: 2025-05\n    period: Đến tháng 5\n"),
    )
    (change,) = compare(load_dataset(old), load_dataset(new))
    assert change.kind == "changed" and change.changed_fields() == ["period"]


def test_a_version_that_does_not_load_is_flagged(tmp_path):
    old, new = _tree(tmp_path, "old"), _tree(tmp_path, "new")
    (new / "provinces/lao-cai.yaml").write_text("name: Lào Cai\ncode: [\n", encoding="utf-8")
    run = run_diff(f"dir:{old}", f"dir:{new}")
    assert run.returncode == 0
    assert "**Warning:**" in run.stdout and "not compared" in run.stdout
    assert "warning:" in run.stderr


# ---------------------------------------------------------------- hostile text


HOSTILE = (
    "<script>alert(1)</script> | col | <img src=x onerror=alert(1)> [link](javascript:alert(1)) "
    "**bold** `code` ![i](x) ~~struck~~ it's a\\rb\\nc \\\\| d"
)


def _with_hostile_quote(tmp_path: Path) -> tuple[Path, Path]:
    old, new = _tree(tmp_path, "old"), _tree(tmp_path, "new")
    # The quote is a YAML double-quoted string, so \\r and \\n become real line breaks.
    edit(
        new / "provinces/lai-chau.yaml",
        '    quote: "92% hồ sơ xử lý trực tuyến"\n',
        f'    quote: "92% {HOSTILE.replace(chr(34), "")}"\n',
    )
    return old, new


def test_a_hostile_quote_cannot_break_the_table_or_inject_html(tmp_path):
    old, new = _with_hostile_quote(tmp_path)
    quote = load_dataset(new).facts_for("lai-chau")[1].observation.quote
    assert "\r" in quote and "\n" in quote and "<script>" in quote  # the attack really reached the diff
    out = to_markdown(compare(load_dataset(old), load_dataset(new)), "old", "new")
    rows = table_rows(out)
    assert len(rows) == 1
    assert all(unescaped_pipes(row) == 7 for row in rows), rows  # six cells, no more
    assert "<script" not in out and "<img" not in out and "\r" not in out
    html = markdown.markdown(out, extensions=["tables"])
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<code>" not in html
    assert html.count("<tr>") == 2  # the header and the one correction
    cells = re.findall(r"<td>(.*?)</td>", html, flags=re.S)
    assert len(cells) == 6
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in cells[5]  # shown, as text
    assert "it's" in cells[5] and "&#x27;" not in cells[5]
    assert "&#126;&#126;struck&#126;&#126;" in cells[5] and "<del>" not in html  # no strikethrough on GitHub either


def test_the_command_escapes_a_hostile_quote_too(tmp_path):
    old, new = _with_hostile_quote(tmp_path)
    run = run_diff(f"dir:{old}", f"dir:{new}")
    assert run.returncode == 0, run.stderr
    (row,) = table_rows(run.stdout)
    assert unescaped_pipes(row) == 7
    assert "<script" not in run.stdout


def test_hostile_labels_are_escaped():
    out = to_markdown([], "<img src=x onerror=alert(1)>", "a | b\nc")
    html = markdown.markdown(out, extensions=["tables"])
    assert "<img" not in html
    assert out.splitlines()[0].endswith("a \\| b c")  # one heading line, the pipe escaped


# ---------------------------------------------------------------- figures read as on the pages


def test_a_large_fraction_and_its_date_read_as_on_the_province_page(tmp_path):
    """The Changes page once printed "1.562e+06/1.568e+06" and "as of Hiện"; it now writes what pages write."""
    old, new = _tree(tmp_path, "old"), _tree(tmp_path, "new")
    lai_chau = new / "provinces/lai-chau.yaml"
    edit(lai_chau, "    numerator: 675\n    denominator: 675\n", "    numerator: 1562000\n    denominator: 1568000\n")
    edit(lai_chau, '"675/675 dịch vụ công', '"1.562.000/1.568.000 dịch vụ công')
    changes = compare(load_dataset(old), load_dataset(new))
    page = province_figures_page(load_dataset(new), load_dataset(new).provinces["lai-chau"], "vi", SITE)
    on_page = BeautifulSoup(page.text, "html.parser").get_text(" ", strip=True)
    for lang, figure, when in (
        ("vi", "1.562.000/1.568.000 (99,6\u00a0%)", "theo bài đăng 1/11/2025 (Hiện)"),
        ("en", "1,562,000/1,568,000 (99.6%)", "as reported on 1 November 2025 (Hiện)"),
    ):
        out = to_markdown(changes, "old", "new", lang=lang)
        assert f"→ {figure} (numerator, denominator, quote)" in out, out
        assert f"| {when} |" in out and "e+06" not in out and "as of" not in out
    assert "1.562.000/1.568.000 (99,6\u00a0%)" in on_page and "theo bài đăng 1/11/2025 (Hiện)" in on_page


def test_a_corrected_country_figure_is_listed_like_a_provinces(tmp_path):
    """The country's own figures (data/national.yaml) are compared too: a corrected one is a correction,
    with its old and new value, on the Changes page and in the pull request's summary."""
    old, data_dir = tmp_path / "old", tmp_path / "data"
    shutil.copytree(REPO / "data", old)
    shutil.copytree(REPO / "data", data_dir)
    national = data_dir / "national.yaml"
    national.write_text(
        national.read_text(encoding="utf-8")
        .replace("value: 0.7955", "value: 0.7956", 1)
        .replace("DTI quốc gia năm 2024 đạt 0,7955", "DTI quốc gia năm 2024 đạt 0,7956", 1),
        encoding="utf-8",
    )
    changes = compare(load_dataset(old), load_dataset(data_dir))
    assert [(c.kind, c.province, c.indicator) for c in changes] == [("changed", "national", "dti_national_score")]
    assert "0.7955\u00a0points → 0.7956\u00a0points (value, quote)" in to_markdown(changes, "old", "new")
