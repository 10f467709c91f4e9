"""What a page builder returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One generated Markdown file: its path under docs/ and its text."""

    path: str
    text: str
