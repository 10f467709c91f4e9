"""Writing and removing generated files, and where the build remembers what it wrote.

A pull request can hold anything under ``docs/``: a stale-page list naming ``/home/you/file``
or ``../../file``, a chart with a ``<script>`` and the cache entry that vouches for it, a
link ``docs/index.md -> ~/.bashrc``. So the build's memory (which pages it wrote, which
charts are up to date) lives in :func:`state_dir`, outside the work tree where no commit
can reach; every write replaces a link instead of following it; and every removal stays
inside the output folder, whatever a list of paths says.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path, PurePosixPath

STATE_ENV = "SCORECARD_STATE_DIR"


def state_dir(folder: Path) -> Path:
    """The build's own memory for the output ``folder``: under ``$SCORECARD_STATE_DIR``, else the
    user's cache folder (``~/.cache/scorecard``), one sub-folder per output folder. Never inside it."""
    base = os.environ.get(STATE_ENV) or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scorecard"
    key = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return Path(base) / key


def inside(root: Path, relative: str) -> Path | None:
    """``root/relative`` when ``relative`` is a plain path down from ``root`` (no ``..``, not absolute,
    no empty or ``.`` part), else None."""
    if not relative or "\\" in relative or "\0" in relative:
        return None
    parts = PurePosixPath(relative).parts
    if PurePosixPath(relative).is_absolute() or any(part in ("", ".", "..") for part in parts):
        return None
    return Path(root, *parts)


def real_folder(folder: Path, root: Path) -> Path:
    """Make ``folder`` (inside ``root``) a real folder: a link or a file on the way is removed, not followed."""
    current = Path(root)
    current.mkdir(parents=True, exist_ok=True)
    for part in Path(folder).relative_to(root).parts:
        current = current / part
        if current.is_symlink() or (current.exists() and not current.is_dir()):
            current.unlink()
        current.mkdir(exist_ok=True)
    return folder


def write_output(path: Path, body: bytes, root: Path) -> bool:
    """Write ``body`` to ``path`` inside ``root`` unless it holds exactly that already; True when written.

    A link at the path or on the way to it is replaced by a real file or folder, never written through.
    """
    real_folder(path.parent, root)
    if path.is_symlink():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)  # does not follow the links inside
    elif path.is_file() and path.read_bytes() == body:
        return False
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(body)
    return True


def remove_output(root: Path, relative: str) -> bool:
    """Delete the file (or link) ``root/relative``; nothing outside ``root``, nothing reached through a link,
    no folder. True when something was removed."""
    target = inside(root, relative)
    if target is None:
        return False
    current = Path(root)
    for part in target.relative_to(root).parts[:-1]:
        current = current / part
        if current.is_symlink() or not current.is_dir():
            return False
    if target.is_symlink() or target.is_file():
        target.unlink()
        return True
    return False


def file_digest(path: Path) -> str | None:
    """sha256 of the ordinary file ``path`` (None for a link, a folder or nothing)."""
    if path.is_symlink() or not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()
