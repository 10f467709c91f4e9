"""The words the extractor reads by, loaded from data/: vocabulary.yaml, indicator aliases, unit names.

Nothing in the extractor's code names a Vietnamese word: qualifiers, kind signals, units,
non-figure contexts and place names come from ``data/vocabulary.yaml``; what a figure
counts comes from the ``aliases:`` of ``data/indicators.yaml``; provinces and former units
from the registry and ``data/former-units.yaml``. A new phrase is a YAML edit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..load import load_yaml
from ..territory import build_registry
from .text import fold


class Phrases:
    """A set of phrases matched on whole words of folded text, the longest first."""

    def __init__(self, phrases, value=None, case_sensitive: bool = False):
        items = phrases.items() if isinstance(phrases, dict) else ((p, value) for p in phrases)
        norm = (lambda text: unicodedata.normalize("NFC", text)) if case_sensitive else fold
        self.items = sorted(((norm(str(p)).strip(), v) for p, v in items), key=lambda item: -len(item[0]))
        self.items = [item for item in self.items if item[0]]

    def ending(self, text: str):
        """The (phrase, value) that ``text`` ends with, as whole words, or None."""
        text = text.rstrip()
        for phrase, value in self.items:
            if text.endswith(phrase) and _word_edge(text, len(text) - len(phrase) - 1):
                return phrase, value
        return None

    def starting(self, text: str):
        """The (phrase, value) that ``text`` starts with, as whole words, or None."""
        text = text.lstrip()
        for phrase, value in self.items:
            if text.startswith(phrase) and _word_edge(text, len(phrase)):
                return phrase, value
        return None

    def find_all(self, text: str, start: int = 0, end: int | None = None, overlapping: bool = False):
        """Every (start, end, phrase, value) in ``text[start:end]``; the longest wins an overlap
        unless ``overlapping`` (then every match is returned)."""
        end = len(text) if end is None else end
        taken: list[tuple[int, int, str, object]] = []
        for phrase, value in self.items:
            for match in re.finditer(re.escape(phrase), text[start:end]):
                a, b = start + match.start(), start + match.end()
                if not (_word_edge(text, a - 1) and _word_edge(text, b)):
                    continue
                if overlapping or not any(a < t[1] and t[0] < b for t in taken):
                    taken.append((a, b, phrase, value))
        return sorted(taken)


def _word_edge(text: str, index: int) -> bool:
    """True when ``text[index]`` is outside the text or not a letter or digit (a word boundary)."""
    return index < 0 or index >= len(text) or not text[index].isalnum()


@dataclass
class Indicator:
    id: str
    unit: str
    name: str
    aliases: list[str]


@dataclass
class Vocabulary:
    """Everything the extractor reads by, compiled once."""

    raw: dict
    indicators: list[Indicator]
    places: Phrases  # folded name → (slug, former-unit id or None)
    former_of: dict[str, list[str]]  # slug → its former-unit ids
    same_name_former: dict[str, str]  # slug → the former unit of the same name (lao-cai → lao-cai-10)
    unchanged: set[str] = field(default_factory=set)
    cache: dict = field(default_factory=dict)

    def phrases(self, *path: str, value=None, case_sensitive: bool = False) -> Phrases:
        """The phrases at ``path`` in vocabulary.yaml (a list, or a mapping to values)."""
        key = (path, value, case_sensitive)
        if key not in self.cache:
            node = self.raw
            for part in path:
                node = node.get(part, []) if isinstance(node, dict) else []
            self.cache[key] = Phrases(node or [], value, case_sensitive)
        return self.cache[key]

    def alternation(self, *path: str) -> str:
        """A regex alternation of the folded words at ``path`` ("từ" → ``(?:từ)``)."""
        key = ("alternation", path)
        if key not in self.cache:
            node = self.raw
            for part in path:
                node = node.get(part, []) if isinstance(node, dict) else []
            words = sorted((fold(str(w)).strip() for w in node or []), key=len, reverse=True)
            self.cache[key] = "(?:" + "|".join(re.escape(w) for w in words) + ")" if words else "(?!)"
        return self.cache[key]

    def qualifier_words(self) -> Phrases:
        if "qualifiers" not in self.cache:
            mapping = {word: name for name, words in self.raw["qualifiers"].items() for word in words}
            self.cache["qualifiers"] = Phrases(mapping)
        return self.cache["qualifiers"]

    def kind_words(self) -> Phrases:
        """Every kind signal with its role: target_context, target_local, forecast_local, actual, not_target."""
        if "kinds" not in self.cache:
            mapping = {}
            roles = (
                "target_local",
                "forecast_local",
                "actual",
                "actual_weak",
                "target_context",
                "not_target",
                "neutral",
            )
            for role in roles:
                mapping.update({word: role for word in self.raw["kinds"].get(role, [])})
            self.cache["kinds"] = Phrases(mapping)
        return self.cache["kinds"]


def load_vocabulary(data_dir: Path) -> Vocabulary:
    """Read vocabulary.yaml, the indicators' aliases and the registry of units from ``data_dir``."""
    raw = load_yaml(data_dir / "vocabulary.yaml", "data/vocabulary.yaml").data.get("extract", {})
    registry_data = load_yaml(data_dir / "indicators.yaml", "data/indicators.yaml").data
    indicators = [
        Indicator(item["id"], item["unit"], item["name"]["vi"], list(item.get("aliases") or []))
        for item in registry_data.get("indicators", [])
    ]
    units = build_registry(load_yaml(data_dir / "former-units.yaml", "data/former-units.yaml").data)
    names: dict[str, tuple[str, str | None]] = {}
    former_of: dict[str, list[str]] = {}
    same_name: dict[str, str] = {}
    unchanged = set()
    for slug, unit in units.items():
        former_of[slug] = [t.id for t in unit.former]
        if unit.unchanged:
            unchanged.add(slug)
        for territory in unit.former:
            if territory.name == unit.name and not unit.unchanged:
                same_name[slug] = territory.id
            names.setdefault(territory.name, (slug, None if unit.unchanged else territory.id))
        names[unit.name] = (slug, None)
        names[unit.full_name] = (slug, None)
    for slug, variants in (raw.get("place_names") or {}).items():
        for variant in variants:
            names.setdefault(variant, (slug, None))
    return Vocabulary(raw, indicators, Phrases(names), former_of, same_name, unchanged)
