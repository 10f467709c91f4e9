"""Which indicator a draft is a figure of, from the ``aliases:`` of data/indicators.yaml.

The words right after a number usually name what it counts ("2.915 trạm thu phát sóng"); the
words before it name a share or an index ("tỷ lệ phủ sóng 5G đạt 40%"). An alias found after
the number weighs three times one found before; the longest, nearest alias whose indicator has the
draft's unit wins. No alias, no indicator: the draft keeps ``indicator: null`` and a suggested
name (the words after the number) for the editor.
"""

from __future__ import annotations

import re

from .draft import Draft
from .text import fold
from .vocab import Indicator, Phrases, Vocabulary

# An alias after the number (what it counts) weighs this many times one before it.
AFTER_WEIGHT = 3
# Units a change or a rank may be filed under.
_COMPATIBLE = {"rank_places": {"rank"}, "percentage_points": {"percent"}, "ratio": set()}


def alias_phrases(vocab: Vocabulary) -> Phrases:
    if "aliases" not in vocab.cache:
        mapping: dict[str, list[Indicator]] = {}
        for indicator in vocab.indicators:
            for alias in indicator.aliases:
                mapping.setdefault(alias, []).append(indicator)
        vocab.cache["aliases"] = Phrases(mapping)
    return vocab.cache["aliases"]


def match_indicator(draft: Draft, folded: str, window: tuple[int, int, int, int, int], vocab: Vocabulary) -> None:
    """Set ``draft.indicator`` (or ``suggested_name``) from the aliases around the figure.

    ``window`` is (before_start, number_start, number_end, clause_break, after_end) in the
    folded body; an alias after the number must start before ``clause_break``.
    """
    before_start, start, end, clause_break, after_end = window
    phrases = alias_phrases(vocab)
    best: tuple[float, str] | None = None
    for a, b, phrase, indicators in phrases.find_all(folded, end, after_end, overlapping=True):
        if a >= clause_break:
            continue
        score = AFTER_WEIGHT * len(phrase.split()) - 0.01 * (a - end)
        best = _better(best, score, indicators, draft, b)
    for _a, b, phrase, indicators in phrases.find_all(folded, before_start, start, overlapping=True):
        score = len(phrase.split()) - 0.01 * (start - b)
        best = _better(best, score, indicators, draft, b)
    if best:
        draft.indicator = best[1]
        if best[2] > end:
            draft.noun_end = best[2]
    else:
        draft.suggested_name = _suggest(folded, end, clause_break) or _suggest(folded, end, after_end) or None


def _better(best, score: float, indicators: list[Indicator], draft: Draft, alias_end: int):
    for indicator in indicators:
        if _fits(indicator, draft) and (best is None or score > best[0]):
            best = (score, indicator.id, alias_end)
    return best


def _fits(indicator: Indicator, draft: Draft) -> bool:
    if draft.kind == "change":
        allowed = _COMPATIBLE.get(draft.unit or "", {draft.unit})
        return indicator.unit in allowed or draft.unit == "percent"
    if draft.unit is None:
        return True
    return indicator.unit == draft.unit


def _suggest(folded: str, end: int, after_end: int) -> str:
    words = re.findall(r"[^\W\d_][\w&.-]*", folded[end:after_end])
    return " ".join(words[:6])


def normalise_alias(text: str) -> str:
    return fold(text).strip()
