"""Vietnamese number formats, both ways: reading them in quotes and writing them on pages.

Vietnamese groups thousands with "." and marks decimals with ",": "1.655" is one
thousand six hundred and fifty-five, "99,6" is ninety-nine point six, and
"1,24 triệu" is 1 240 000. Editors type plain numbers (1655, 99.6) in YAML; the quote
check reads the numbers back out of the verbatim quote to catch a mistyped value.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "gbps": 1e3}
# A number as Vietnamese texts print it. Digits are ASCII only ([0-9], never \d, which would
# also read fullwidth "９２"). A point followed by anything but a group of exactly three digits
# cannot group thousands, so "0.7024 điểm" (a score some sources print with an English decimal
# point) is read as 0.7024, never as 0 followed by noise.
NUMBER_PATTERN = re.compile(
    r"(?<![\d.,])("
    r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9])"  # 1.655 / 1.562,5
    r"|[0-9]+\.(?![0-9]{3}(?![0-9]))[0-9]+"  # 0.7024: an English decimal point
    r"|0\.[0-9]{3}(?![0-9])"  # 0.702: no Vietnamese text groups a leading zero
    r"|[0-9]+(?:,[0-9]+)?"  # 92 / 99,6
    r")(?![\d])(?:\s*(nghìn|ngàn|triệu|tỷ|tỉ|Gbps))?",
    re.IGNORECASE,
)
_ENGLISH_DECIMAL = re.compile(r"^(?:0\.[0-9]+|[0-9]+\.(?![0-9]{3}$)[0-9]+)$")


def scale_of(word: str) -> float:
    """The factor of a scale word written after a number ("triệu" → 1e6, "Gbps" → 1000 Mbps)."""
    return _SCALES[word.lower()]


def parse_vi_number(text: str) -> float:
    """``"1.655"`` → 1655, ``"99,6"`` → 99.6, ``"0.7024"`` → 0.7024 (no scale word)."""
    if _ENGLISH_DECIMAL.match(text):
        return float(text)
    return float(text.replace(".", "").replace(",", "."))


def printed_decimals(text: str, number: float) -> int | None:
    """How many decimals ``text`` prints ``number`` with ("0,7160" → 4), or None if it does not print it.

    Pages show a figure at the precision its source printed, which a float cannot keep
    (0.7160 is stored as 0.716).
    """
    for match in NUMBER_PATTERN.finditer(text):
        printed = match.group(1)
        if math.isclose(parse_vi_number(printed), number, rel_tol=1e-9, abs_tol=1e-12):
            if _ENGLISH_DECIMAL.match(printed):
                return len(printed.split(".")[1])
            return len(printed.split(",")[1]) if "," in printed else 0
    return None


_ENGLISH_NUMBER = re.compile(
    r"(?<![0-9.,])([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?![0-9])"
    r"(?:\s*(thousand|million|billion|Gbps))?",
    re.IGNORECASE,
)
_ENGLISH_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "gbps": 1e3}


def numbers_in_text(text: str, lang: str = "vi") -> list[float]:
    """Every number a text states, each also with its scale word applied.

    "1,24 triệu" gives both 1.24 and 1 240 000; "1 Gbps" gives 1 and 1000 (Mbps), so a
    value stored in base units or as written both match. A source in English (lang "en")
    is read in English notation: "1,125" is one thousand one hundred and twenty-five.
    """
    if lang == "en":
        return [
            number
            for match in _ENGLISH_NUMBER.finditer(text)
            for number in _with_scale(float(match.group(1).replace(",", "")), match.group(2), _ENGLISH_SCALES)
        ]
    found: list[float] = []
    for match in NUMBER_PATTERN.finditer(text):
        number = parse_vi_number(match.group(1))
        found.append(number)
        if match.group(2):
            found.append(number * _SCALES[match.group(2).lower()])
    return found


def _with_scale(number: float, word: str | None, scales: dict[str, float]) -> list[float]:
    return [number, number * scales[word.lower()]] if word else [number]


def text_states(text: str, number: float, lang: str = "vi") -> bool:
    """Whether ``text`` states ``number`` (allowing for float representation only)."""
    return any(math.isclose(number, candidate, rel_tol=1e-9, abs_tol=1e-9) for candidate in numbers_in_text(text, lang))


def decimals_of(number: float) -> int:
    """How many decimals a stored figure was written with (99.6 → 1, 92 → 0, 0.00005 → 5, 1e-07 → 7).

    Read from the shortest text that gives the float back (its ``repr``) as a Decimal, whose
    exponent counts decimals whether that text is "99.6" or "5e-05".
    """
    if float(number).is_integer():
        return 0
    return max(0, -Decimal(repr(float(number))).as_tuple().exponent)


def format_number(number: float, lang: str, decimals: int | None = None) -> str:
    """A number as readers of ``lang`` expect it: vi "1.655" / "99,6", en "1,655" / "99.6"."""
    if decimals is None:
        decimals = min(decimals_of(number), 2)
    text = f"{number:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return text


def format_amount(number: float, unit: str, lang: str, decimals: int | None = None) -> str:
    """A value with its unit, compact for large money amounts ("23,6 tỷ đồng")."""
    if unit == "percent":
        text = format_number(number, lang, decimals)
        return f"{text}\u00a0%" if lang == "vi" else f"{text}%"
    if unit == "VND":
        for scale, vi_word, en_word in ((1e9, "tỷ", "billion"), (1e6, "triệu", "million")):
            if abs(number) >= scale:
                short = format_number(number / scale, lang)
                return f"{short} {vi_word} đồng" if lang == "vi" else f"VND {short} {en_word}"
        return f"{format_number(number, lang)} đồng" if lang == "vi" else f"VND {format_number(number, lang)}"
    if unit == "Mbps" and number >= 1000 and number % 1000 == 0:
        return f"{format_number(number / 1000, lang)} Gbps"
    suffix = {"km": "km", "Mbps": "Mbps"}.get(unit)
    text = format_number(number, lang, decimals)
    return f"{text}\u00a0{suffix}" if suffix else text
