"""Vietnamese number formats, both ways: reading them in quotes and writing them on pages.

Vietnamese groups thousands with "." and marks decimals with ",": "1.655" is one
thousand six hundred and fifty-five, "99,6" is ninety-nine point six, and
"1,24 triệu" is 1 240 000. Editors type plain numbers (1655, 99.6) in YAML; the quote
check reads the numbers back out of the verbatim quote to catch a mistyped value.
"""

from __future__ import annotations

import math
import re

_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "gbps": 1e3}
# An English decimal point is read only where it cannot be a thousands separator: after a
# lone 0 ("0.7024 điểm", as some sources print index scores) or before four or more digits.
_ENGLISH_DECIMAL = r"0\.\d+|\d{1,3}\.\d{4,}"
NUMBER_PATTERN = re.compile(
    r"(?<![\d.,])("
    + _ENGLISH_DECIMAL
    + r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d])(?:\s*(nghìn|ngàn|triệu|tỷ|tỉ|Gbps))?",
    re.IGNORECASE,
)
_ENGLISH_DECIMAL_WHOLE = re.compile(rf"^(?:{_ENGLISH_DECIMAL})$")


def parse_vi_number(text: str) -> float:
    """``"1.655"`` → 1655, ``"99,6"`` → 99.6, ``"0.7024"`` → 0.7024 (no scale word)."""
    if _ENGLISH_DECIMAL_WHOLE.match(text):
        return float(text)
    return float(text.replace(".", "").replace(",", "."))


def scale_of(word: str) -> float:
    """The factor of a scale word written after a number ("triệu" → 1e6, "Gbps" → 1000 Mbps)."""
    return _SCALES[word.lower()]


def numbers_in_text(text: str) -> list[float]:
    """Every number a Vietnamese text states, each also with its scale word applied.

    "1,24 triệu" gives both 1.24 and 1 240 000; "1 Gbps" gives 1 and 1000 (Mbps), so a
    value stored in base units or as written both match.
    """
    found: list[float] = []
    for match in NUMBER_PATTERN.finditer(text):
        number = parse_vi_number(match.group(1))
        found.append(number)
        if match.group(2):
            found.append(number * _SCALES[match.group(2).lower()])
    return found


def text_states(text: str, number: float) -> bool:
    """Whether ``text`` states ``number`` (allowing for float representation only)."""
    return any(math.isclose(number, candidate, rel_tol=1e-9, abs_tol=1e-9) for candidate in numbers_in_text(text))


def decimals_of(number: float) -> int:
    """How many decimals a stored figure was written with (99.6 → 1, 92 → 0)."""
    if float(number).is_integer():
        return 0
    return len(repr(float(number)).split(".")[1])


def format_number(number: float, lang: str, decimals: int | None = None) -> str:
    """A number as readers of ``lang`` expect it: vi "1.655" / "99,6", en "1,655" / "99.6"."""
    if decimals is None:
        decimals = min(decimals_of(number), 2)
    text = f"{number:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return text


def format_amount(number: float, unit: str, lang: str) -> str:
    """A value with its unit, compact for large money amounts ("23,6 tỷ đồng")."""
    if unit == "percent":
        return f"{format_number(number, lang)}\u00a0%" if lang == "vi" else f"{format_number(number, lang)}%"
    if unit == "VND":
        for scale, vi_word, en_word in ((1e9, "tỷ", "billion"), (1e6, "triệu", "million")):
            if abs(number) >= scale:
                short = format_number(number / scale, lang)
                return f"{short} {vi_word} đồng" if lang == "vi" else f"VND {short} {en_word}"
        return f"{format_number(number, lang)} đồng" if lang == "vi" else f"VND {format_number(number, lang)}"
    if unit == "Mbps" and number >= 1000 and number % 1000 == 0:
        return f"{format_number(number / 1000, lang)} Gbps"
    suffix = {"km": "km", "Mbps": "Mbps"}.get(unit)
    text = format_number(number, lang)
    return f"{text}\u00a0{suffix}" if suffix else text
