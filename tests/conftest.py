"""Shared helpers for the data-layer tests.

Every test works on its own copy of ``tests/fixtures/minimal`` (a small, valid data
tree) in ``tmp_path``; the copy is named ``data`` so problems print as they do for
editors: ``data/provinces/lai-chau.yaml:5:5: ...``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from scorecard.__main__ import main
from scorecard.output import STATE_ENV

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
REPO = Path(__file__).resolve().parent.parent
REAL_DATA = REPO / "data"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_data: checks the real data/ folder; fails until the data entry is complete (expected, keep it)",
    )
    # The build remembers what it wrote outside the work tree (scorecard/output.py); the tests' builds
    # remember it in a folder of this run's own, not in the user's cache, and forget it afterwards.
    if STATE_ENV not in os.environ:
        os.environ[STATE_ENV] = tempfile.mkdtemp(prefix="scorecard-state-")
        config.add_cleanup(lambda: shutil.rmtree(os.environ.pop(STATE_ENV), ignore_errors=True))


@dataclass
class Run:
    """The result of one ``python -m scorecard validate``: exit code and printed lines."""

    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def errors(self) -> list[str]:
        return [line for line in self.lines if ": warning: " not in line and not line.startswith("  … and ")]

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.lines if ": warning: " in line]

    def line_starting(self, prefix: str) -> str:
        """The one printed line that starts with ``prefix`` (a ``path:line:column:``)."""
        found = [line for line in self.lines if line.startswith(prefix)]
        assert len(found) == 1, f"expected one line starting {prefix!r}, got {found}; output:\n{self.out}{self.err}"
        return found[0]

    def line_saying(self, prefix: str, words: list[str]) -> str:
        """The printed line that starts with ``prefix`` and contains every one of ``words``."""
        at_place = [line for line in self.lines if line.startswith(prefix)]
        found = [line for line in at_place if all(word in line for word in words)]
        assert found, f"no line at {prefix!r} says {words}; lines there: {at_place}; output:\n{self.out}{self.err}"
        return found[0]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    """A fresh, writable copy of the minimal valid data tree.

    Its dates are judged against today, whatever SOURCE_DATE_EPOCH the shell has set
    (a test may still set it itself).
    """
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def validate(capsys):
    """Run the validator's command line on a data folder and capture what it prints."""

    def run(data: Path) -> Run:
        capsys.readouterr()  # drop anything printed before
        code = main(["validate", "--data", str(data)])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def write(data: Path, relative: str, text: str) -> Path:
    """Write ``text`` (dedented, UTF-8) to ``data/relative``, replacing what was there."""
    path = data / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def write_bytes(data: Path, relative: str, body: bytes) -> Path:
    path = data / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return path


def tree_hashes(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright (never a browser download), for the tests marked browser."""
    from playwright.sync_api import sync_playwright

    from tests._site import CHROMIUM, FLAGS

    assert os.path.exists(CHROMIUM), f"Chromium not found at {CHROMIUM}: run .ci/run, or apt-get install -y chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def base_url():
    """The real site (tests._site.real_site), served on 127.0.0.1 for the browser tests of a module."""
    from tests._site import real_site, serve

    url, server = serve(real_site())
    yield url
    server.shutdown()
