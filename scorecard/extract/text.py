"""Reading an article: its header, its body in NFC, and where paragraphs, sentences and clauses end.

Quotes must be copied character for character from the file the editor gave, so the body is
normalised (NFC, one spelling of each tone placement) only for matching words: every index
into the normalised text maps back to the original with :meth:`Article.original_span`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

_HEADER = re.compile(r"^(?P<key>[a-z-]+):\s*(?P<value>.*)$")
# Old-style tone placement on the first vowel of an open "oa/oe/uy" syllable ("hoà", "thuỷ").
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_PATTERN = re.compile("(" + "|".join(_OLD_TONES) + r")(?![^\W\d_])")
SPACES = "\u00a0\u2009\u202f\u200b"


def fold(text: str) -> str:
    """Text for matching words: NFC, lower case, new-style tones, plain spaces. Same length as ``text``."""
    folded = unicodedata.normalize("NFC", text).lower()
    folded = _OLD_TONE_PATTERN.sub(lambda m: _OLD_TONES[m.group(1)], folded)
    folded = folded.translate({ord(ch): " " for ch in SPACES})
    return folded if len(folded) == len(text) else text.lower()


def _nfc_with_map(text: str) -> tuple[str, list[int]]:
    """NFC of ``text`` and, for each character of it, the index it came from in ``text``."""
    out: list[str] = []
    where: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue  # a combining mark belongs to the character before it
        cluster = unicodedata.normalize("NFC", text[start:index])
        out.append(cluster)
        where.extend([start] * len(cluster))
        start = index
    where.append(len(text))
    return "".join(out), where


@dataclass
class Article:
    """One text: the header lines, the body to read, and its segmentation."""

    original: str  # the body as written in the file
    body: str  # NFC of the body
    folded: str  # fold(body): same length as body
    where: list[int]  # body index → original index
    header: dict[str, str] = field(default_factory=dict)
    end: int = 0  # where the article ends (page furniture starts)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    date_spans: list[tuple[int, int]] = field(default_factory=list)  # numbers read as dates

    @property
    def published(self) -> date | None:
        """The date-line of the header, or a ' date YYYY-MM-DD' stamp opening the text."""
        stamp = r"(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?\b"
        for text, pattern in ((self.header.get("date-line", ""), stamp), (self.body[:40], r"^\s*date\s+" + stamp)):
            match = re.search(pattern, text)
            if match:
                return date(int(match[1]), int(match[2]), int(match[3] or 1))
        return None

    def original_span(self, start: int, end: int) -> str:
        """The original characters behind ``body[start:end]``."""
        return self.original[self.where[start] : self.where[end]]

    def paragraph_at(self, index: int) -> tuple[int, int]:
        return next((p for p in self.paragraphs if p[0] <= index < p[1]), (0, len(self.body)))

    def sentence_at(self, index: int) -> tuple[int, int]:
        return next((s for s in self.sentences if s[0] <= index < s[1]), self.paragraph_at(index))


def split_header(text: str) -> tuple[dict[str, str], str]:
    """``url: …`` / ``date-line: …`` lines closed by ``---``, as saved with each article; else none."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    for number, line in enumerate(lines[:8]):
        if line.strip() == "---" and header:
            return header, "\n".join(lines[number + 1 :])
        match = _HEADER.match(line)
        if not match:
            break
        header[match["key"]] = match["value"].strip()
    return {}, text


def read_article(text: str, furniture: list[str], abbreviations: list[str]) -> Article:
    """Split off the header, normalise, and find where the article's own text ends."""
    header, original = split_header(text.replace("\r\n", "\n"))
    body, where = _nfc_with_map(original)
    article = Article(original, body, fold(body), where, header)
    article.end = _furniture_start(body, furniture)
    article.paragraphs = _paragraphs(body, article.end)
    article.sentences = _sentences(body, article.paragraphs, abbreviations)
    return article


def _furniture_start(body: str, markers: list[str]) -> int:
    """The start of the first line that is only a furniture marker ("Tin Liên Quan")."""
    wanted = {fold(marker).strip() for marker in markers}
    offset = 0
    for line in body.split("\n"):
        if fold(line).strip() in wanted:
            return offset
        offset += len(line) + 1
    return len(body)


def _paragraphs(body: str, end: int) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"[^\n]+", body[:end]):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+[\"'“(]*")


def _sentences(body: str, paragraphs: list[tuple[int, int]], abbreviations: list[str]) -> list[tuple[int, int]]:
    """Sentences inside each paragraph: a full stop, ! or ? then a space and a capital or digit."""
    short = {word.lower() for word in abbreviations}
    spans = []
    for start, end in paragraphs:
        cursor = start
        for match in _SENTENCE_END.finditer(body, start, end):
            following = body[match.end() : match.end() + 1]
            if not (following.isupper() or following.isdigit()):
                continue
            word = re.search(r"(\S+)[.!?…][\"'”’)]*\s*$", body[cursor : match.start()])
            if word and word.group(1).lower().strip("(") in short:
                continue
            spans.append((cursor, match.start()))
            cursor = match.start()
        spans.append((cursor, end))
    return spans


CLAUSE_BREAK = re.compile(r"[,;:()\[\]\n]|\s[–—-]\s")


def clause_start(folded: str, index: int, floor: int) -> int:
    """Where the clause holding ``index`` starts (after the last , ; : or bracket), not before ``floor``."""
    last = floor
    for match in CLAUSE_BREAK.finditer(folded, floor, index):
        last = match.end()
    return last


def clause_end(folded: str, index: int, ceiling: int) -> int:
    match = CLAUSE_BREAK.search(folded, index, ceiling)
    return match.start() if match else ceiling
