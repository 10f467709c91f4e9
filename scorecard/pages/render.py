"""The one Jinja2 environment every page's HTML is rendered with.

Autoescaping is on for every template, so a value from ``data/`` is text unless it arrives
as :class:`markupsafe.Markup` (HTML this package rendered itself). ``StrictUndefined`` makes
a misspelt variable fail the build instead of printing nothing. The final newline of a
template file is dropped (Jinja's default, ``keep_trailing_newline=False``): each template is
one fragment of a Markdown page, and the page builders join fragments with blank lines.
Nothing here depends on the clock, the locale or dictionary order, so one commit always
renders the same bytes.
"""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..i18n import t

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@functools.cache
def environment() -> Environment:
    """The environment, made once: templates from scorecard/templates/, interface words as ``t``."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.globals["t"] = t
    return env


def render(name: str, **values: object) -> Markup:
    """The template ``name`` rendered with ``values``: escaped HTML, safe to place in a page."""
    return Markup(environment().get_template(name).render(**values))  # noqa: S704 (autoescaped)


def macro(name: str):
    """The macro ``name`` of macros.html, as a function returning :class:`Markup`."""
    return getattr(environment().get_template("macros.html").module, name)
