"""A pull request is untrusted input (issue 14): what it can do through git.

A folder the pull request adds must not stand in for a revision in the record of changes
(the pull-request summary and the public Changes page); a summary must say at its top that
files other than data changed; and a commit that tracks a generated file, or anything in
data/ but YAML data files, is refused by ``python -m scorecard check-tracked``, which the
test command, the pull-request workflow and ``scripts/serve.sh`` run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import test_diff
import yaml
from conftest import FIXTURE, REPO
from test_diff import git

from scorecard.build import build

CORRECTION = "1 added, 1 corrected, 1 removed."
history = test_diff.history  # two commits of the minimal data: (repo, first, second)


def scorecard(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m scorecard ...`` run from ``cwd`` (where a hostile folder may be), this package imported."""
    return subprocess.run(
        [sys.executable, "-m", "scorecard", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# ---------------------------------------------------------------- 2. no forged record of changes


@pytest.mark.parametrize("folder", ["HEAD", "v2026.10"])
def test_a_folder_named_like_a_revision_cannot_stand_in_for_it(history, folder):
    repo, first, _ = history
    shutil.copytree(FIXTURE, repo / folder / "data")  # the first version's data, under the revision's name
    git(repo, "add", folder)
    git(repo, "commit", "-q", "-m", "a folder named like a revision")
    for old, new in ((first, "HEAD"), ("v2026.10", "HEAD"), ("rev:v2026.10", "rev:HEAD")):
        run = scorecard("diff", old, new, "--repo", str(repo), cwd=repo)  # run where the folder is, as CI does
        assert run.returncode == 0, run.stderr
        assert CORRECTION in run.stdout and "No figure changed" not in run.stdout, (old, new, run.stdout)


def test_a_folder_is_compared_only_when_it_says_dir(history, tmp_path):
    repo, first, _ = history
    old_dir = tmp_path / "old-checkout"
    git(repo, "worktree", "add", "-q", str(old_dir), first)
    run = scorecard("diff", f"dir:{old_dir / 'data'}", f"dir:{repo / 'data'}", cwd=tmp_path)
    assert run.returncode == 0 and CORRECTION in run.stdout, run.stderr
    bare = scorecard("diff", str(old_dir / "data"), f"dir:{repo / 'data'}", "--repo", str(repo), cwd=tmp_path)
    assert bare.returncode == 2 and "cannot read a revision" in bare.stderr and "Traceback" not in bare.stderr


def test_a_revision_is_never_read_as_an_option(history, tmp_path):
    repo, _, _ = history
    written = tmp_path / "written.tar"
    run = scorecard("diff", "--repo", str(repo), "--", f"--output={written}", "HEAD", cwd=repo)
    assert run.returncode == 2 and "names no commit" in run.stderr and "Traceback" not in run.stderr
    assert not written.exists()


def test_the_changes_page_compares_with_the_tag_not_a_folder_named_like_it(history, tmp_path, monkeypatch):
    repo, _, _ = history
    shutil.copytree(repo / "data", repo / "v2026.10" / "data")  # today's data, named like the previous release
    git(repo, "add", "v2026.10")
    git(repo, "commit", "-q", "-m", "a folder named like the previous release")
    monkeypatch.chdir(repo)
    build(repo / "data", tmp_path / "docs", repo, quiet=True)
    changes = (tmp_path / "docs" / "en" / "changes.md").read_text(encoding="utf-8")
    assert CORRECTION in changes and "No figure changed" not in changes


# ---------------------------------------------------------------- the summary says when more than data changed


def _commit_beyond_data(repo: Path, names: dict[str, str]) -> None:
    for name, text in names.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-f", *names)
    git(repo, "commit", "-q", "-m", "not only data")


def test_the_summary_starts_with_a_warning_when_code_changed(history):
    repo, first, _ = history
    data_only = scorecard("diff", f"rev:{first}", "rev:HEAD", "--repo", str(repo), cwd=repo)
    assert data_only.returncode == 0 and data_only.stdout.startswith("## Data changes:"), data_only.stdout
    _commit_beyond_data(
        repo,
        {
            "scorecard/build.py": "import os\n",
            "docs/generated/charts/x.svg": "<svg/>\n",
            "data/notes.txt": "not data\n",
            "content/about.md": "An editor's page\n",
        },
    )
    run = scorecard("diff", f"rev:{first}", "rev:HEAD", "--repo", str(repo), cwd=repo)
    assert run.returncode == 0, run.stderr
    first_line = run.stdout.splitlines()[0]
    assert first_line.startswith("> **⚠️ Warning: not only data.**"), run.stdout
    assert "3 file(s) outside data/" in first_line
    for name in ("scorecard/build.py", "docs/generated/charts/x.svg", "data/notes.txt"):
        assert name.replace("_", "\\_") in first_line
    assert "content/about.md" not in first_line  # an editor's file
    assert CORRECTION in run.stdout


def test_a_changed_file_name_cannot_write_a_workflow_command(history):
    repo, first, _ = history
    _commit_beyond_data(repo, {"x\n::error file=a::forged\x1b[31m.py": "x\n"})
    run = scorecard("diff", f"rev:{first}", "rev:HEAD", "--repo", str(repo), cwd=repo)
    assert run.returncode == 0, run.stderr
    for text in (run.stdout, run.stderr):
        assert "\x1b" not in text
        assert not any(line.startswith("::") for line in text.splitlines()), text


# ---------------------------------------------------------------- 3. CI refuses tracked generated files


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A git checkout with the project's .gitignore and the minimal data, all committed."""
    repo = tmp_path / "checkout"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copyfile(REPO / ".gitignore", repo / ".gitignore")
    shutil.copytree(FIXTURE, repo / "data")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "data")
    return repo


def check_tracked(repo: Path) -> subprocess.CompletedProcess:
    return scorecard("check-tracked", "--repo", str(repo), cwd=repo)


def test_a_clean_checkout_passes(checkout):
    run = check_tracked(checkout)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("docs/generated/charts/x.svg", "generated by the build (.gitignore)"),
        ("docs/generated/charts/.chart-cache.json", "generated by the build"),
        ("docs/index.md", "generated by the build"),
        ("data/notes.txt", "not a data file"),
        ("data/provinces/lai-chau.yaml/evil.yaml", "not a data file"),  # a folder named like a data file
    ],
)
def test_a_tracked_generated_or_non_data_file_is_refused(checkout, name, words):
    if name.endswith("lai-chau.yaml/evil.yaml"):
        (checkout / "data/provinces/lai-chau.yaml").unlink()
        name = "data/provinces/lai-chau.yaml/evil"
    path = checkout / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<svg><script>alert(1)</script></svg>\n", encoding="utf-8")
    git(checkout, "add", "-A", "-f", ".")
    git(checkout, "commit", "-q", "-m", "smuggled")
    run = check_tracked(checkout)
    assert run.returncode == 1, run.stdout + run.stderr
    assert any(line.startswith(f"{name}: ") and words in line for line in run.stdout.splitlines()), run.stdout


def test_a_tracked_link_in_data_is_refused(checkout):
    (checkout / "data/provinces/ha-noi.yaml").symlink_to("/dev/zero")
    git(checkout, "add", "data")
    git(checkout, "commit", "-q", "-m", "a link")
    run = check_tracked(checkout)
    assert run.returncode == 1
    assert "data/provinces/ha-noi.yaml: a symbolic link" in run.stdout


def test_a_tracked_file_name_is_printed_escaped(checkout):
    name = "docs/x\n::error file=a::forged.svg"
    (checkout / name).parent.mkdir(parents=True, exist_ok=True)
    (checkout / name).write_text("x\n", encoding="utf-8")
    git(checkout, "add", "-f", name)
    git(checkout, "commit", "-q", "-m", "a name")
    run = check_tracked(checkout)
    assert run.returncode == 1
    assert not any(line.startswith("::") for line in run.stdout.splitlines()), run.stdout
    assert "docs/x\\n::error file=a::forged.svg: generated by the build" in run.stdout


def test_the_check_runs_in_the_test_command_the_pull_request_workflow_and_serve():
    test_command = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert test_command.index("python -m scorecard check-tracked") < test_command.index("python -m pytest")
    assert "bash scripts/test.sh" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    serve = (REPO / "scripts" / "serve.sh").read_text(encoding="utf-8")
    assert serve.index("python -m scorecard check-tracked") < serve.index("python scripts/build_charts.py")
    steps = yaml.safe_load((REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))["jobs"]
    runs = [step.get("run", "") for step in next(iter(steps.values()))["steps"]]
    check = next(i for i, run in enumerate(runs) if run.strip() == "python -m scorecard check-tracked")
    assert check < next(i for i, run in enumerate(runs) if "python scripts/build_charts.py" in run)


def test_this_checkout_tracks_nothing_generated():
    run = check_tracked(REPO)
    assert run.returncode == 0, run.stdout + run.stderr
