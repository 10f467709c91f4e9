"""The editor's assistant: draft observations, each with its verbatim quote, from a Vietnamese article.

``python -m scorecard extract ARTICLE.txt --province SLUG [--source ID] [--write]`` reads a
text, finds its figures and prints them as YAML drafts in the project's format for an editor
to review against the text. Pieces: :mod:`.text` (reading, normalisation, sentences),
:mod:`.spans` (numbers and non-figures), :mod:`.passes` (readings across numbers),
:mod:`.classify` (kind, dates, whose), :mod:`.match` (indicators), :mod:`.output` (YAML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import passes
from .classify import classify
from .draft import Draft
from .match import match_indicator
from .spans import Reader
from .text import Article, clause_start, read_article
from .vocab import Vocabulary, load_vocabulary

__all__ = ["Draft", "Extraction", "extract_text", "load_vocabulary"]


@dataclass
class Extraction:
    """The drafts of one article, and the numbers that were read as non-figures (with why)."""

    article: Article
    drafts: list[Draft]
    skipped: list[tuple[int, int, str, str]]  # (start, end, text, why)
    province: str

    def quote(self, draft: Draft) -> str:
        return self.article.original_span(*draft.quote)


def extract_text(text: str, province: str, vocab: Vocabulary) -> Extraction:
    """Every figure of ``text`` as a draft, for the province ``province``."""
    raw = vocab.raw
    article = read_article(text, raw.get("furniture", []), raw.get("abbreviations", []))
    reader = Reader(article, vocab)
    word_ranks = passes.word_ranks(reader)
    drafts = reader.read()
    drafts = passes.merge_printed_percent(drafts, reader)
    drafts = passes.from_to_ranges(drafts, reader)
    drafts = sorted(drafts + word_ranks, key=lambda d: d.start)
    passes.rank_lists(drafts, reader)
    passes.ranks_in_the_same_frame(drafts, reader)
    _trailing_qualifiers(drafts, reader)
    passes.carry_qualifier(drafts, reader)
    article.date_spans = [(t.start, t.end) for t, why in reader.skipped if why.startswith("a date")]
    classify(drafts, article, vocab, province)
    for draft in drafts:
        _prefix(draft, reader)
        match_indicator(draft, article.folded, _window(draft, reader), vocab)
        _quote(draft, reader)
    skipped = [(t.start, t.end, t.raw, why) for t, why in reader.skipped]
    return Extraction(article, drafts, skipped, province)


def _trailing_qualifiers(drafts: list[Draft], reader: Reader) -> None:
    """'từ 50% trở lên' (at least), 'từ … trở xuống' (at most)."""
    vocab = reader.vocab
    for draft in drafts:
        after = reader.folded[draft.suffix_end or draft.end : (draft.suffix_end or draft.end) + 20]
        before = reader.folded[max(0, draft.start - 20) : draft.start]
        from_word = re.search(r"\b" + vocab.alternation("grammar", "range_from") + r"\s+$", before)
        if not from_word:
            continue
        if vocab.phrases("at_least_after").starting(after):
            draft.qualifier = "at_least"
        elif vocab.phrases("at_most_after").starting(after):
            draft.qualifier = "at_most"
        else:
            continue
        hit = re.match(r"\s*\S+(\s+\S+)?", after)
        draft.suffix_end = (draft.suffix_end or draft.end) + (hit.end() if hit else 0)
        draft.prefix_start = draft.start - len(from_word.group())


def _prefix(draft: Draft, reader: Reader) -> None:
    """Where the words that belong to the figure start: qualifier, change or rank words."""
    if draft.prefix_start is not None:
        return
    before = reader.before(draft.start, 4)
    words = before.split()
    keep = 0
    vocab = reader.vocab
    groups = (
        vocab.qualifier_words(),
        vocab.phrases("fillers"),
        vocab.phrases("changes", "up"),
        vocab.phrases("changes", "down"),
        vocab.phrases("changes", "ratio"),
        vocab.phrases("ranks", "before"),
        vocab.phrases("ranks", "group_before"),
    )
    for n in range(1, len(words) + 1):
        tail = " ".join(words[-n:])
        if any(group.starting(tail) for group in groups):
            keep = n
    fillers = vocab.phrases("fillers")
    while (
        keep
        and fillers.starting(" ".join(words[-keep:]))
        and not any(group.starting(" ".join(words[-keep:])) for group in groups if group is not fillers)
    ):
        keep -= len(fillers.starting(" ".join(words[-keep:]))[0].split())
    if keep > 0:
        tail_len = len(" ".join(words[-keep:]))
        draft.prefix_start = max(0, draft.start - tail_len - 1)
        while draft.prefix_start < draft.start and reader.body[draft.prefix_start].isspace():
            draft.prefix_start += 1


QUOTE_WORDS = 6  # words of what a figure counts kept in its quote when no alias names it


def _quote(draft: Draft, reader: Reader) -> None:
    """The shortest phrase that states the figure: its own words, plus what it counts."""
    body, folded, article = reader.body, reader.folded, reader.article
    sentence_start, sentence_end = article.sentence_at(draft.start)
    start = draft.prefix_start if draft.prefix_start is not None else draft.start
    own_end = draft.suffix_end or draft.end
    if body[own_end : own_end + 1] == ")" and "(" in body[start:own_end]:
        own_end += 1
    noun_start = own_end
    limit = sentence_end
    following = _NEXT_NUMBER.search(folded, own_end, sentence_end)
    if following:
        limit = following.start()
    stop = _noun_end(folded, noun_start, limit, reader.vocab)
    words = list(re.finditer(r"\S+", body[noun_start:stop]))[:QUOTE_WORDS]
    end = noun_start + words[-1].end() if words else own_end
    if draft.noun_end:
        end = max(own_end, draft.noun_end)
    if len(body[draft.end : end].split()) < 2:
        lead = clause_start(folded, start, sentence_start)
        lead_words = list(re.finditer(r"\S+", body[lead:start]))[-6:]
        if lead_words:
            start = lead + lead_words[0].start()
    text = body[start:end].rstrip(" ,;:.(")
    draft.quote = (start, start + len(text))


_NEXT_NUMBER = re.compile(r"(?<![\w/.,])\d[\d.,]*(?![\w])")


def _window(draft: Draft, reader: Reader) -> tuple[int, int, int, int, int]:
    """(before_start, start, end, clause_break, after_end) around a draft for indicator aliases.

    Before: from the clause start or the previous number. After: to the next number, and an
    alias must start before the clause's end (a list of nouns keeps its commas).
    """
    folded = reader.folded
    sentence_start, sentence_end = reader.article.sentence_at(draft.start)
    before = clause_start(folded, draft.start, max(sentence_start, draft.start - 70))
    previous = [m.end() for m in _NEXT_NUMBER.finditer(folded, before, draft.start)]
    before = max([before] + previous)
    end = draft.noun_from or draft.suffix_end or draft.end
    after = min(sentence_end, end + 140)
    following = _NEXT_NUMBER.search(folded, draft.suffix_end or draft.end, after)
    if following:
        after = following.start()
    return before, draft.start, end, _noun_end(folded, end, after, reader.vocab), after


def _noun_end(folded: str, start: int, limit: int, vocab: Vocabulary) -> int:
    """Where the phrase naming what a number counts ends: at a clause break or 'và', except
    inside brackets and before words that continue a list of nouns ("thôn, tổ dân phố")."""
    continuations = vocab.phrases("list_continuations")
    breaks = _noun_breaks(vocab)
    cursor = start
    while cursor < limit:
        match = breaks.search(folded, cursor, limit)
        if not match:
            return limit
        mark = match.group().strip()
        if mark == "(":
            close = folded.find(")", match.end(), limit)
            cursor = close + 1 if close > 0 else limit
            continue
        if mark == ")" or (mark == "," and continuations.starting(folded[match.end() : match.end() + 30])):
            cursor = match.end()
            continue
        return match.start()
    return limit


def _noun_breaks(vocab: Vocabulary) -> re.Pattern:
    """Clause marks, and the joining words of data/vocabulary.yaml ("và", "còn") between spaces."""
    if "noun_breaks" not in vocab.cache:
        words = vocab.alternation("grammar", "joiners")[3:-1] + "|" + vocab.alternation("grammar", "contrast")[3:-1]
        vocab.cache["noun_breaks"] = re.compile(r"[,;:()\[\]\n]|\s(?:" + words + r")\s|\s[–—-]\s")
    return vocab.cache["noun_breaks"]


def data_dir_default() -> Path:
    return Path(__file__).resolve().parents[2] / "data"
