"""The Markdown parts of a generated page: its front matter and its headings.

These stay Python strings: they are Markdown, not HTML, and Markdown has escaping rules of
its own. Text from ``data/`` reaches them HTML-escaped *and* with Markdown's marks
backslashed, because the theme prints the title and description unescaped (``<title>``,
``<meta>``, the header and the search index) and Python-Markdown reads headings.
"""

from __future__ import annotations

import html
import re


def esc(text: object) -> str:
    """Text from the data as HTML text, for the Markdown parts (the HTML parts are autoescaped)."""
    return html.escape(str(text), quote=True)


def md_esc(text: object) -> str:
    """Text from the data, safe in a Markdown heading: on one line, HTML-escaped, Markdown marks backslashed.

    Only marks Python-Markdown unescapes get a backslash: ``~`` keeps none, or the backslash would show.
    """
    return re.sub(r"([\\`*_{}\[\]()#+!|>-])", r"\\\1", esc(" ".join(str(text).splitlines())))


def front_matter(title: str, description: str, searched: bool = True) -> str:
    """The page's title and description, HTML-escaped: the theme prints both unescaped (<title>, <meta>,
    the header and the search index), so data text must arrive there as HTML text already. A page that
    is not ``searched`` is left out of the search index whole (the theme does not even read it)."""
    quote = lambda text: '"' + esc(" ".join(text.splitlines())).replace("\\", "\\\\") + '"'  # noqa: E731
    search = "" if searched else "search:\n  exclude: true\n"
    return f"---\ntitle: {quote(title)}\ndescription: {quote(description)}\n{search}---\n\n"


def page_text(parts: list[str]) -> str:
    """A page from its parts (Markdown and rendered HTML blocks), each separated by a blank line."""
    return "\n\n".join(str(part) for part in parts) + "\n"
