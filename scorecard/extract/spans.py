"""Numbers in the text and what each one is: a figure (value, unit, a/b, range, rank) or not.

The Vietnamese number syntax itself ("1.655", "99,6", "0.7024") is read by
:mod:`scorecard.numbers`; this module decides, from the characters and words around a
number, whether it is a date, a document number, a plan period, a version, the frame of a
ranking... or a figure, and then reads its unit, denominator or range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers import NUMBER_PATTERN, parse_vi_number
from .draft import Draft
from .text import Article, clause_start, fold
from .vocab import Vocabulary

_YEAR = re.compile(r"^(19|20)\d\d$")
_DOC_AFTER = re.compile(r"^(?:/\d{2,4})?[/-][A-ZĐ]")
_DATE_AFTER = re.compile(r"^/\d{1,2}/\d{2,4}\b")
_MONTH_YEAR_AFTER = re.compile(r"^/(19|20)\d\d\b")
_DOT_SMALL = re.compile(r"^\.\d{1,2}(?!\d)")
_DOT_DATE = re.compile(r"^\d{1,2}\.(19|20)\d\d$")
_RANGE_DASH = re.compile(r"^\s?[-–]\s?$")


@dataclass
class Token:
    """A number as printed: its span in the body, its text and its value."""

    start: int
    end: int
    raw: str
    value: float


def tokens(article: Article) -> list[Token]:
    """Every number in the article's own text (not in the page furniture after it)."""
    found = []
    for match in NUMBER_PATTERN.finditer(article.body, 0, article.end):
        raw = match.group(1)
        found.append(Token(match.start(1), match.end(1), raw, parse_vi_number(raw)))
    return found


class Reader:
    """Reads the numbers of one article into drafts, skipping those that are not figures."""

    def __init__(self, article: Article, vocab: Vocabulary):
        self.article, self.vocab = article, vocab
        self.body, self.folded = article.body, article.folded
        self.tokens = tokens(article)
        self.consumed: set[int] = set()
        self.skipped: list[tuple[Token, str]] = []  # (token, why) for the non-figures

    # ------------------------------------------------------------ context helpers
    def before(self, index: int, words: int = 8) -> str:
        """Folded clause text before ``index`` (the last ``words`` words)."""
        start = clause_start(self.folded, index, self.article.sentence_at(index)[0])
        return " ".join(self.folded[start:index].split()[-words:])

    def after(self, index: int, limit: int = 60) -> str:
        """Folded text after ``index`` to the end of the sentence (not the clause: units follow commas)."""
        end = min(self.article.sentence_at(index)[1], index + limit)
        return self.folded[index:end]

    def token_at(self, index: int) -> int | None:
        return next((i for i, t in enumerate(self.tokens) if t.start == index), None)

    def skip(self, i: int, why: str, glued: set[int] | frozenset = frozenset()) -> None:
        """Set token ``i`` aside as not a figure; ``glued`` are the tokens read with it (5/8/2021)."""
        self.consumed.add(i)
        token = self.tokens[i]
        end = max([token.end] + [self.tokens[j].end for j in glued])
        self.skipped.append((Token(token.start, end, self.body[token.start : end], token.value), why))

    # ------------------------------------------------------------ reading
    def read(self) -> list[Draft]:
        drafts = []
        for i in range(len(self.tokens)):
            if i in self.consumed:
                continue
            already = set(self.consumed)
            why = self.not_a_figure(i)
            if why:
                self.skip(i, why, self.consumed - already)
                continue
            draft = self.figure(i)
            if draft is not None:
                drafts.append(draft)
        return drafts

    def not_a_figure(self, i: int) -> str | None:
        """Why token ``i`` is not a figure (date, document, version…), or None when it may be one."""
        return self._glued_not_figure(i) or self._written_not_figure(i) or self._context_not_figure(self.tokens[i], i)

    def _glued_not_figure(self, i: int) -> str | None:
        """Codes and names the number is glued into: QH15, 4G, 24/7, 10:00, a file name."""
        token, body = self.tokens[i], self.body
        rest = body[token.end : token.end + 12]
        before_char = body[token.start - 1 : token.start]
        two_before = body[max(0, token.start - 2) : max(0, token.start - 1)]
        if before_char.isalpha() or (before_char and before_char in "/-" and two_before.isalpha()):
            return "part of a code or a name"
        if self._unit_after(token) is None and rest[:1].isalpha():
            return "part of a name (4G, 3D)"
        fixed = next((t for t in self.vocab.raw.get("tokens", []) if body.startswith(t, token.start)), None)
        if fixed:
            self._consume_following(i, token.start + len(fixed))
            return "a fixed expression"
        if rest[:1] == ":" and rest[1:2].isdigit() or before_char == ":":
            self._consume_following(i, token.end + 3)
            return "a time"
        if len(re.sub(r"\D", "", token.raw)) > 12 or re.match(r"^[\w-]*\.(jpe?g|png|gif|webp)\b", rest):
            return "part of a file name or a code"
        return None

    def _written_not_figure(self, i: int) -> str | None:
        """Document numbers, dates, versions and years, from how they are written."""
        token = self.tokens[i]
        rest = self.body[token.end : token.end + 12]
        if _DOC_AFTER.match(rest) or self._after_document_word(token.start):
            self._consume_following(i, token.end + 20, stop_at_space=True)
            return "a document number"
        dated = _DATE_AFTER.match(rest) or _MONTH_YEAR_AFTER.match(rest) or _DOT_DATE.match(token.raw)
        before = self.before(token.start, 3)
        date_word = self.vocab.phrases("non_figures", "date_before").ending(before) or self.vocab.phrases(
            "non_figures", "day_month_before"
        ).ending(before)
        if dated or (self._day_month(i) and date_word):
            self._consume_following(i, token.end + 6, stop_at_space=True)
            return "a date"
        if _DOT_SMALL.match(rest) and not self._english_decimal(rest):
            self._consume_following(i, token.end + 3, stop_at_space=True)
            return "a date or a version (19.9, 4.0)"
        if _YEAR.match(token.raw) and re.match(r"^-\d{2}(-\d{2})?\b", rest):
            self._consume_following(i, token.end + 6, stop_at_space=True)
            return "a date (YYYY-MM-DD)"
        if _YEAR.match(token.raw) and self._unit_after(token) is None:
            return "a year"
        if self._one_of_group(token):
            return "the 1 of '1 trong N' (the N is the figure)"
        return None

    def _day_month(self, i: int) -> bool:
        """'26/10': a day and a month (a ≤ 31, b ≤ 12), which a date word before makes a date."""
        token = self.tokens[i]
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if not nxt or self.body[token.end : nxt.start] != "/":
            return False
        return token.value.is_integer() and 1 <= token.value <= 31 and nxt.value.is_integer() and 1 <= nxt.value <= 12

    def _english_decimal(self, rest: str) -> bool:
        """'98.5%', '7.5 điểm': a decimal point, not a date, when a percent or score follows."""
        tail = fold(rest[re.match(r"^\.\d{1,2}", rest).end() :]).lstrip()
        return tail.startswith("%") or bool(self.vocab.phrases("score_words").starting(tail))

    def _one_of_group(self, token: Token) -> bool:
        text = self.folded[token.start : token.start + 20]
        return any(
            phrase[0].isdigit() and re.match(re.escape(phrase) + r"\s+\d", text)
            for phrase, _ in self.vocab.phrases("ranks", "group_before").items
        )

    def _consume_following(self, i: int, until: int, stop_at_space: bool = False) -> None:
        """Mark the numbers glued to token ``i`` (the 8 of 5/8/2021) as read, up to ``until``."""
        end = until
        if stop_at_space:
            space = re.search(r"\s", self.body[self.tokens[i].end : until])
            end = self.tokens[i].end + space.start() if space else until
        for j in range(i + 1, len(self.tokens)):
            if self.tokens[j].start >= end:
                break
            self.consumed.add(j)

    def _after_document_word(self, index: int) -> bool:
        words = self.before(index, 4)
        words = re.sub(r"\s*" + self.vocab.alternation("grammar", "number_sign") + r"\s*$", "", words)
        return bool(self.vocab.phrases("non_figures", "document_before").ending(words))

    def _context_not_figure(self, token: Token, i: int) -> str | None:
        before = self.before(token.start, 4)
        vocab = self.vocab
        if vocab.phrases("non_figures", "date_before").ending(before) and not self._unit_after(token):
            if not vocab.phrases("ranks", "before").ending(before):
                self._consume_joined(i)  # "Ngày 15-10", "từ ngày 1 – 31/8/2025"
                return "a date (after a date word)"
        hit = vocab.phrases("non_figures", "before").ending(before)
        sign = vocab.phrases("grammar", "number_sign").ending(before) if hit else None
        if hit and not (
            sign
            and hit[0] == sign[0]
            and vocab.phrases("non_figures", "number_sign_ok_after").ending(before[: -len(sign[0])])
        ):
            if not self._group_rank(token):
                self._consume_joined(i)
                return f"after '{hit[0]}' (a version, period, name or frame)"
        if self._unit_after(token) is None:
            after = self.folded[token.end : token.end + 40]
            hit = vocab.phrases("non_figures", "after").starting(after)
            if hit and not vocab.phrases("changes", "up").ending(before) and not self._change_word(before):
                return f"before '{hit[0]}' (structure, duration or age)"
            if self._index_scale(token, before):
                return "the scale of an index (400 điểm)"
        return None

    def _index_scale(self, token: Token, before: str) -> bool:
        """'Chính phủ số (400 điểm)', 'tổng điểm 1.000': how many points an index has."""
        after = self.folded[token.end : token.end + 12]
        if self.vocab.phrases("non_figures", "scale_before").ending(before):
            return True
        whole = "," not in token.raw and not token.raw.startswith("0.")
        return (
            whole
            and self.body[token.start - 1 : token.start] == "("
            and bool(self.vocab.phrases("score_words").starting(after))
        )

    def _consume_joined(self, i: int) -> None:
        """'mức độ 3 và 4': numbers joined to a non-figure by 'và', ',' or a dash are not figures either."""
        for j in range(i + 1, len(self.tokens)):
            gap = self.folded[self.tokens[j - 1].end : self.tokens[j].start]
            if not re.fullmatch(r"\s*(,|-|–|" + self.vocab.alternation("grammar", "joiners") + r")\s*", gap):
                break
            self.consumed.add(j)

    # ------------------------------------------------------------ units and shapes
    def _unit_after(self, token: Token):
        """(unit, factor, end index) of the unit written right after the number, or None."""
        after = self.folded[token.end : token.end + 30]
        stripped = after.lstrip()
        gap = len(after) - len(stripped)
        if gap > 1:
            return None
        scale_hit = None
        for word, factor in (self.vocab.raw.get("scales") or {}).items():
            if stripped.startswith(word) and (len(stripped) == len(word) or not stripped[len(word)].isalnum()):
                scale_hit = (word, factor)
                break
        rest = stripped[len(scale_hit[0]) :].lstrip() if scale_hit else stripped
        offset = token.end + gap + (len(stripped) - len(rest))
        for name, spec in sorted((self.vocab.raw.get("units") or {}).items(), key=lambda item: -len(item[0])):
            folded_name = name.lower()
            if rest.startswith(folded_name) and (
                not folded_name[-1].isalnum() or len(rest) == len(folded_name) or not rest[len(folded_name)].isalnum()
            ):
                if scale_hit and spec["unit"] != "VND":
                    continue
                factor = float(spec.get("factor", 1))
                if scale_hit and spec.get("scaled"):
                    factor = float(scale_hit[1])
                return spec["unit"], factor, offset + len(folded_name)
        if scale_hit:
            return "count", float(scale_hit[1]), token.end + gap + len(scale_hit[0])
        return None

    def _change_word(self, before: str):
        """('up' | 'down' | 'ratio', phrase) when a change word ends ``before`` (fillers and qualifiers aside)."""
        text = self._peel(before)[0]
        for direction in ("up", "down", "ratio"):
            hit = self.vocab.phrases("changes", direction).ending(text)
            if hit:
                return direction, hit[0]
        return None

    def _peel(self, before: str) -> tuple[str, str | None]:
        """``before`` without its trailing fillers and qualifier; and the qualifier found."""
        qualifier = None
        fillers = self.vocab.phrases("fillers")
        change_fillers = self.vocab.phrases("change_fillers")
        changes = [self.vocab.phrases("changes", direction) for direction in ("up", "down", "ratio")]
        for _ in range(5):
            if any(change.ending(before) for change in changes):
                break  # "cao hơn 0,28%": the "hơn" belongs to the change word
            hit = None if qualifier else self.vocab.qualifier_words().ending(before)
            if hit:
                qualifier = hit[1]
            else:
                hit = fillers.ending(before) or change_fillers.ending(before)
            if not hit:
                break
            before = before.rstrip()[: -len(hit[0])].rstrip()
        return before, qualifier

    def _group_rank(self, token: Token) -> bool:
        """'1 trong 17 tỉnh … đứng đầu', 'lọt vào Top 10': a rank of at most N."""
        before = self.folded[max(0, token.start - 40) : token.start]
        if not self.vocab.phrases("ranks", "group_before").ending(before.rstrip(" (")):
            return False
        sentence_end = self.article.sentence_at(token.start)[1]
        after = self.folded[token.end : min(sentence_end, token.end + 70)]
        top = self.vocab.phrases("non_figures", "before").ending(before)
        return bool(top) or any(self.vocab.phrases("ranks", "group_after").find_all(after))

    def figure(self, i: int) -> Draft | None:
        """Read token ``i`` as a figure: a/b, range, rank, change, or a value with its unit."""
        token = self.tokens[i]
        draft = Draft(token.start, token.end, token.value)
        before = self.before(token.start)
        peeled, qualifier = self._peel(before)
        draft.qualifier = qualifier or "exact"
        if self._group_rank(token):
            draft.rank, draft.unit, draft.qualifier = True, "rank", "at_most"
            return draft
        if self._places_after(token) and not self._places_counted(token):
            self.skip(i, "the frame of a ranking (N provinces)")
            return None
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        between = self.body[token.end : nxt.start] if nxt else ""
        if nxt and between == "/":
            return self._fraction(i, draft, peeled)
        if nxt and _RANGE_DASH.match(between):
            after_range = self.folded[nxt.end : nxt.end + 12]
            if self.vocab.phrases("non_figures", "after").starting(after_range):
                self.consumed.add(i + 1)
                self.skip(i, "a range of a technical value (2.500-2.600 MHz)")
                return None
            return self._range(i, draft)
        self._shape(token, draft, peeled, before)
        return draft

    def _places_after(self, token: Token) -> bool:
        if self._unit_after(token):
            return False
        after = self.folded[token.end : token.end + 60]
        if self.vocab.phrases("non_figures", "places").starting(after):
            return True
        hit = self.vocab.phrases("non_figures", "places_in_ranking").starting(after)
        if not hit:
            return False
        rest = " ".join(after.lstrip()[len(hit[0]) :].split()[:4])
        return bool(self.vocab.phrases("non_figures", "ranking_words").find_all(rest))

    def _places_counted(self, token: Token) -> bool:
        """'25 tỉnh, thành phố đã “phủ xanh”': a count of provinces that did something is a figure."""
        after = self.folded[token.end : token.end + 60]
        hit = self.vocab.phrases("non_figures", "places").starting(after)
        rest = after.lstrip()[len(hit[0]) :] if hit else ""
        continuations = self.vocab.phrases("list_continuations")
        while rest.startswith(","):
            more = continuations.starting(rest[1:])
            if not more:
                break
            rest = rest[1:].lstrip()[len(more[0]) :]
        counted = self.vocab.phrases("non_figures", "places_counted_before")
        marks = [p for p, _ in counted.items if not p[0].isalnum()]
        return bool(counted.starting(rest)) or any(rest.lstrip().startswith(mark) for mark in marks)

    def _rank_word(self, text: str):
        return self.vocab.phrases("ranks", "before").ending(text)

    def _fraction(self, i: int, draft: Draft, peeled: str) -> Draft:
        """'1.562/1.568' coverage, or '17/63' a rank out of 63."""
        b = self.tokens[i + 1]
        self.consumed.add(i + 1)
        draft.end = b.end
        if self._rank_word(peeled):
            draft.rank, draft.unit, draft.denominator = True, "rank", b.value
        else:
            draft.numerator, draft.denominator, draft.value, draft.unit = draft.value, b.value, None, "percent"
        draft.suffix_end = b.end
        return draft

    def _range(self, i: int, draft: Draft) -> Draft:
        b = self.tokens[i + 1]
        self.consumed.add(i + 1)
        unit = self._unit_after(b)
        draft.low, draft.high, draft.value, draft.end = draft.value, b.value, None, b.end
        if unit:
            draft.unit, draft.suffix_end = unit[0], unit[2]
            draft.low, draft.high = draft.low * unit[1], draft.high * unit[1]
        else:
            draft.unit = "count"
        return draft

    def _shape(self, token: Token, draft: Draft, peeled: str, before: str) -> None:
        """Unit, change and rank of a single number."""
        unit = self._unit_after(token)
        after = self.folded[token.end : token.end + 40].lstrip()
        change = self._change_word(before)
        if unit:
            draft.unit, draft.suffix_end = unit[0], unit[2]
            draft.value = round(draft.value * unit[1], 6)
        if change and change[0] == "ratio" and self.vocab.phrases("changes", "ratio_after").starting(after):
            draft.change, draft.unit = True, "ratio"
        elif change and self.vocab.phrases("changes", "rank_places").starting(after) and not unit:
            draft.change, draft.unit = True, "rank_places"
        elif change and change[0] != "ratio":
            draft.change = True
            draft.unit = draft.unit or "count"
        if draft.change and change[0] == "down":
            draft.value = -draft.value
        if draft.change:
            return
        if self._rank_word(peeled) and not unit:
            draft.rank, draft.unit = True, "rank"
            self._rank_out_of(token, draft)
            return
        if not unit:
            draft.unit = self._bare_unit(token, after)

    def _rank_out_of(self, token: Token, draft: Draft) -> None:
        """'đứng thứ 71 trong 193 quốc gia': the 193 is the denominator."""
        sign = self.vocab.alternation("grammar", "number_sign")
        match = re.match(r"^\s+(\S+(?:\s+" + sign + r")?)\s+(?=\d)", self.folded[token.end : token.end + 20])
        if match and self.vocab.phrases("ranks", "out_of").starting(match.group(1)):
            j = self.token_at(token.end + match.end())
            if j is not None:
                self.consumed.add(j)
                draft.denominator = self.tokens[j].value

    def _bare_unit(self, token: Token, after: str) -> str | None:
        """A number with no unit word: a score (0,7955), a rate per 100 people, a level, or a count."""
        raw = token.raw
        decimals = len(re.split(r"[.,]", raw)[-1]) if re.search(r"[.,]\d+$", raw) and "." not in raw[:-4] else 0
        if self.vocab.phrases("score_words").starting(after) and ("," in raw or raw.startswith("0.")):
            return "score"
        if token.value < 1.5 and decimals >= 3:
            return "score"
        window = self.folded[token.end : token.end + 40]
        if any(marker in window for marker in self.vocab.raw.get("per_100_people", [])):
            self._consume_per_100(token)
            return "per_100_people"
        if self.vocab.phrases("level_before").ending(self.before(token.start, 2)):
            return "level"
        if self.vocab.phrases("per_person_before").find_all(self.before(token.start, 6)):
            return "per_person"
        if any(marker in window for marker in self.vocab.raw.get("per_person_after", [])):
            return "per_person"
        return None if "," in raw else "count"

    def _consume_per_100(self, token: Token) -> None:
        for j, other in enumerate(self.tokens):
            if token.end < other.start < token.end + 40 and self.body[other.start - 1] == "/":
                self.consumed.add(j)
