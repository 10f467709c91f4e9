"""The drafts as YAML in the project's own format, and the draft files `--write` creates.

A draft file is clearly marked (``draft: true``, a header comment, and it lives in
``data/drafts/``, which nothing that builds the site reads); ``python -m scorecard validate``
lists each one as a draft until an editor has moved its figures into a province's file.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..load import Problem
from . import Extraction
from .draft import Draft

DRAFTS_DIR = "drafts"
_HEADER = """\
# DRAFT, not data: written by `python -m scorecard extract`. Nothing here is published.
# Review every figure against the article: value, unit, kind, qualifier, whose figure it is,
# the date, and that the quote is the shortest phrase stating it. Then move the accepted ones
# into data/provinces/{province}.yaml (a national figure into data/national.yaml, another
# province's into that province's file), fill in `source:`, and delete this file.
"""


def observation(draft: Draft, extraction: Extraction, source: str | None) -> dict:
    """One draft as an observation mapping, keys in the order of the field guide."""
    item: dict = {"indicator": draft.indicator}
    if draft.indicator is None:
        item["suggested_name"] = draft.suggested_name
    for key in ("value", "unit", "kind", "qualifier", "numerator", "denominator", "low", "high", "in_words"):
        value = getattr(draft, key)
        if value is not None or key in ("value", "qualifier"):
            item[key] = _plain(value)
    for key in ("as_of", "since", "target_year", "period", "baseline"):
        if getattr(draft, key) is not None:
            item[key] = getattr(draft, key)
    item["subject"] = draft.subject
    for key in ("territory", "scope"):
        if getattr(draft, key) is not None:
            item[key] = getattr(draft, key)
    item["source"] = source
    item["quote"] = extraction.quote(draft)
    if draft.notes:
        item["note"] = "; ".join(draft.notes)
    return item


def _plain(value):
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def to_yaml(extraction: Extraction, source: str | None, article_name: str) -> str:
    """The whole draft document: header comment, marker, observations, and the numbers set aside."""
    document = {
        "draft": True,
        "province": extraction.province,
        "article": article_name,
        "url": extraction.article.header.get("url"),
        "observations": [observation(d, extraction, source) for d in extraction.drafts],
        "not_figures": [{"text": text, "why": why} for _s, _e, text, why in extraction.skipped],
    }
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return _HEADER.format(province=extraction.province) + body


def draft_path(data_dir: Path, province: str, source: str | None, article: Path) -> Path:
    """data/drafts/<province>-<source or article name>.yaml"""
    stem = source or re.sub(r"[^a-z0-9-]+", "-", article.stem.lower()).strip("-") or "article"
    return data_dir / DRAFTS_DIR / f"{province}-{stem}.yaml"


def write_draft(path: Path, text: str) -> None:
    """Create ``path``; never overwrite (an editor may have started reviewing it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)


def draft_notices(data_dir: Path) -> list[Problem]:
    """One warning per draft file, for `validate`: drafts are not data until accepted."""
    notices = []
    for path in sorted((data_dir / DRAFTS_DIR).glob("*.yaml")) if (data_dir / DRAFTS_DIR).is_dir() else []:
        try:
            count = len((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("observations") or [])
        except (yaml.YAMLError, AttributeError, UnicodeDecodeError):
            count = "?"
        shown = f"data/{DRAFTS_DIR}/{path.name}"
        notices.append(
            Problem(
                shown,
                1,
                1,
                f"draft with {count} figure(s) from `python -m scorecard extract`, not part of the data: review each "
                "figure against its article, move the accepted ones into data/provinces/, then delete the draft",
                severity="warning",
            )
        )
    return notices
