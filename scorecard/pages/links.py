"""Addresses: relative links between the site's pages, the language prefix, and outside addresses.

Vietnamese pages live at the site root and English ones under ``en/`` with the same paths,
so the language switch is a prefix. An address from ``data/`` reaches an ``href`` only through
:func:`safe_url`, which keeps http and https and nothing that could disguise where it leads.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

from ..ids import fact_id
from .render import macro


def prefix(lang: str) -> str:
    """Where a language's pages live under docs/: the root for Vietnamese, en/ for English."""
    return "" if lang == "vi" else "en/"


def figures_path(slug: str, lang: str) -> str:
    """Where a province's page of all its figures lives under docs/ (its scorecard is provinces/<slug>.md)."""
    return f"{prefix(lang)}provinces/{slug}/figures.md"


def figure_home(fact, lang: str) -> str:
    """The page that shows a figure in full (source, quote, "cite this figure"), as a docs path: its
    province's page of figures, or the country's page. Other pages link to its row there."""
    return f"{prefix(lang)}national.md" if fact.is_national else figures_path(fact.province, lang)


def figure_href(fact, from_path: str, lang: str) -> str:
    """The link from a page to a figure's own row (:func:`figure_home`, at the figure's anchor)."""
    return rel(from_path, figure_home(fact, lang)) + "#" + fact_id(fact)


def rel(from_path: str, to_path: str) -> str:
    """A relative link between two docs paths, as MkDocs serves them (directory URLs)."""
    depth = from_path.count("/") + (0 if from_path.endswith("index.md") else 1)
    target = to_path.removesuffix("index.md").removesuffix(".md")
    target = target + "/" if target and not target.endswith("/") and not to_path.endswith("index.md") else target
    return "../" * depth + target if depth else (target or "./")


def safe_url(url: str | None) -> Markup | None:
    """An address fit for href: http(s) only, with no control, invisible or direction character (which
    could disguise where it leads), escaped; anything else gives None."""
    if url and re.match(r"^https?://[^\s<>\"'`]+$", url) and all(unicodedata.category(c)[0] not in "CZ" for c in url):
        return escape(url)
    return None


def link(href: str, text: object) -> Markup:
    """A link between two of the site's own pages (``href`` from :func:`rel`), its text escaped."""
    return macro("link")(href, text)


def page_link(page_path: str, to_path: str, text: object) -> Markup:
    """A link from ``page_path`` to the page ``to_path`` (both docs paths)."""
    return link(rel(page_path, to_path), text)
