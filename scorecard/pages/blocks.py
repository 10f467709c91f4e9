"""Small blocks several pages share: the hidden search keywords and a paragraph."""

from __future__ import annotations

from markupsafe import Markup

from ..territory import ascii_slug
from .render import macro


def search_keywords(*texts: str) -> Markup:
    """Diacritic-free spellings of names, so search finds "lao cai" as well as "Lào Cai"."""
    words = " ".join(dict.fromkeys(ascii_slug(text).replace("-", " ") for text in texts if text))
    return macro("keywords")(words)


def paragraph(content: object) -> Markup:
    """A paragraph of text (or of Markup, such as a link)."""
    return macro("paragraph")(content)
