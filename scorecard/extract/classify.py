"""What kind of figure each draft is (actual, target, forecast, change), whose it is, and when.

The signals are words of ``data/vocabulary.yaml`` read around the figure: a target context
("đặt mục tiêu", "phấn đấu") holds to the end of its paragraph unless an actual signal
("đã", "hiện") comes after it; a local signal ("(mục tiêu 70%)", "dự kiến") holds to the end
of its clause. Phrases that report a goal met or missed ("hoàn thành chỉ tiêu", "chưa đạt mục
tiêu") are not targets.
"""

from __future__ import annotations

import re
from datetime import date

from .draft import Draft
from .text import Article, clause_end, clause_start
from .vocab import Vocabulary

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
MERGER = date(2025, 7, 1)


def classify(drafts: list[Draft], article: Article, vocab: Vocabulary, province: str) -> None:
    """Fill kind, dates, subject, territory and scope of every draft, in place."""
    merger_era = _era(article, vocab)
    named_former = _named_former_unit(article, vocab, province)
    for draft in drafts:
        if draft.change:
            draft.kind = "change"
            draft.baseline = _baseline(draft, article, vocab)
        else:
            draft.kind = _kind(draft.start, article, vocab)
        _dates(draft, article, vocab)
        _subject(draft, article, vocab, province)
        _territory(draft, article, vocab, province, merger_era, named_former)
        _scope(draft, article, vocab)


def _kind(index: int, article: Article, vocab: Vocabulary, carry: bool = True) -> str:
    """The nearest kind signal before ``index``: clause-local ones first, then the paragraph's context.

    A paragraph with no signal and no date before the figure continues the goals of the paragraph
    before it ("Mục tiêu cụ thể, … tối thiểu 30% …" then "Tỷ lệ thôn … đạt 100%; …").
    """
    paragraph_start = article.paragraph_at(index)[0]
    signals = [s for s in vocab.kind_words().find_all(article.folded, paragraph_start, index) if s[3] != "neutral"]
    dated = any(paragraph_start <= start < index for start, _end in article.date_spans)
    if carry and not dated and not signals:
        previous = [p for p in article.paragraphs if p[1] <= paragraph_start]
        if previous and _kind(previous[-1][1] - 1, article, vocab, carry=False) == "target":
            return "target"
    return _nearest_signal(index, signals, article, vocab)


def _nearest_signal(index: int, signals: list, article: Article, vocab: Vocabulary) -> str:
    folded = article.folded
    sentence_from = article.sentence_at(index)[0]
    clause_from = clause_start(folded, index, sentence_from)
    weak_reset = False
    for start, end, _phrase, role in reversed(signals):
        if role == "actual_weak":
            weak_reset = weak_reset or start >= sentence_from
        elif role == "target_context":
            return "actual" if weak_reset and start < sentence_from else "target"
        elif role == "not_target":
            if start >= clause_from:
                return "actual"
        elif role == "target_local":
            if start >= sentence_from and not _closed(folded, end, index, vocab):
                return "target"
        elif role == "forecast_local":
            if start >= clause_from:
                return "forecast"
        else:
            return "actual"
    return "actual"


def _closed(folded: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """Whether a local signal's reach ends before the figure: a closing bracket, a ';' or a contrast word."""
    between = folded[start:end]
    if ")" in between or ";" in between:
        return True
    return bool(re.search(r"\b" + vocab.alternation("grammar", "contrast") + r"\b", between))


def _baseline(draft: Draft, article: Article, vocab: Vocabulary) -> str | None:
    """'so với năm 2023' after a change, verbatim."""
    sentence_end = article.sentence_at(draft.start)[1]
    window = article.folded[draft.end : min(sentence_end, draft.end + 60)]
    for start, _end, _phrase, _ in vocab.phrases("changes", "baseline").find_all(window):
        stop = re.search(r"[,;.)(]", window[start:])
        end = start + (stop.start() if stop else len(window) - start)
        return article.body[draft.end + start : draft.end + end].strip()
    return None


def _dates(draft: Draft, article: Article, vocab: Vocabulary) -> None:
    """target_year for targets; as_of / since / period for actuals, from the paragraph before the figure."""
    paragraph_start = article.paragraph_at(draft.start)[0]
    text = article.folded[paragraph_start : draft.start]
    sentence_end = article.sentence_at(draft.start)[1]
    if draft.kind == "target":
        years = [int(y) for y in _YEAR.findall(text)] or [
            int(y) for y in _YEAR.findall(article.folded[draft.end : sentence_end])
        ]
        if years:
            draft.target_year = years[-1]
        return
    _actual_dates(draft, article, vocab, text)


def _actual_dates(draft: Draft, article: Article, vocab: Vocabulary, text: str) -> None:
    words = vocab.raw.get("period_words", {})
    first_months = [fold_word for fold_word in words.get("first_months", [])]
    for phrase in first_months:
        match = re.search(r"(\d{1,2})\s+" + re.escape(phrase) + r"\s+((?:19|20)\d\d)", text)
        if match:
            draft.since, draft.as_of = f"{match[2]}-01", f"{match[2]}-{int(match[1]):02d}"
            draft.period = match.group(0)
            return
    months = [w for w in words.get("until_month", [])]
    published = article.published
    for phrase in months:
        match = re.search(re.escape(phrase) + r"\s+(\d{1,2})(?!\s*/)", text)
        if match and published:
            draft.as_of, draft.period = f"{published.year}-{int(match[1]):02d}", match.group(0)
            return
    years = _YEAR.findall(text)
    if years:
        draft.as_of = int(years[-1])
        return
    now = vocab.phrases("period_words", "now").find_all(text)
    if now:
        draft.period = now[-1][2]


def _subject(draft: Draft, article: Article, vocab: Vocabulary, province: str) -> None:
    """The nearest place, country or other subject named before the figure in its sentence."""
    sentence_start = article.sentence_at(draft.start)[0]
    folded = article.folded
    places = [(s, "place", v) for s, _e, _p, v in vocab.places.find_all(folded, sentence_start, draft.start)]
    names = vocab.phrases("national_in_names").find_all(folded, sentence_start, draft.start)
    national = [
        (s, "national", None)
        for s, _e, _p, _v in vocab.phrases("national").find_all(folded, sentence_start, draft.start)
        if not any(n[0] <= s < n[1] for n in names)
    ]
    named = vocab.phrases("other_subjects", case_sensitive=True).find_all(article.body, sentence_start, draft.start)
    others = [(s, "other", None) for s, _e, _p, _v in named]
    mentions = sorted(places + national + others)
    if not mentions:
        clause_to = clause_end(folded, draft.end, article.sentence_at(draft.start)[1])
        names = vocab.phrases("national_in_names").find_all(folded, draft.end, clause_to)
        after = vocab.phrases("national").find_all(folded, draft.end, clause_to)
        if any(not any(n[0] <= a[0] < n[1] for n in names) for a in after):
            draft.subject = "national"  # "6.000-7.000 BTS 5G trong cả nước"
        return
    _start, role, value = mentions[-1]
    if role == "national":
        draft.subject = "national"
    elif role == "other":
        draft.subject = "other"
    elif value[0] != province:
        draft.subject = value[0]
    if role == "place" and value[1]:
        draft.territory = value[1]


def _era(article: Article, vocab: Vocabulary) -> str | None:
    """'before' / 'after' the merger of 1 July 2025, from the date printed or the text's signs."""
    published = article.published
    if published:
        return "after" if published >= MERGER else "before"
    text = article.folded[: article.end]
    after = vocab.phrases("after_merger_signs").find_all(text)
    before = vocab.phrases("before_merger_signs").find_all(text)
    if after and not before:
        return "after"
    return "before" if before and not after else None


def _named_former_unit(article: Article, vocab: Vocabulary, province: str) -> str | None:
    """The one former unit of ``province`` the article names (Nam Định for ninh-binh), if only one."""
    named = {
        value[1] if value[1] else vocab.same_name_former.get(value[0])
        for _s, _e, _p, value in vocab.places.find_all(article.folded, 0, article.end)
        if value[0] == province
    }
    named.discard(None)
    return named.pop() if len(named) == 1 else None


def _territory(
    draft: Draft, article: Article, vocab: Vocabulary, province: str, era: str | None, named: str | None
) -> None:
    """For a province's figures (this one's or another's): the former unit they describe, or current."""
    slug = province if draft.subject == "province" else draft.subject
    if slug not in vocab.former_of or slug in vocab.unchanged:
        if slug in vocab.unchanged:
            draft.territory = None
        return
    if draft.territory:
        return
    dated = draft.as_of or draft.target_year
    year = int(str(dated)[:4]) if dated else None
    if draft.denominator == 63 or (year and year < 2025) or (year is None and era == "before"):
        draft.territory = (named if slug == province else None) or vocab.same_name_former.get(slug)
        if draft.territory is None:
            draft.notes.append("describes a former unit: name it in territory")
    elif draft.denominator == 34 or (year and year > 2025) or era == "after" or draft.kind == "target":
        draft.territory = "current"
    else:
        draft.notes.append("territory not known from the text: check the date")


def _scope(draft: Draft, article: Article, vocab: Vocabulary) -> None:
    """An operator's network when the figure's sentence names one (VinaPhone, Viettel), not a product."""
    start, end = article.sentence_at(draft.start)
    products = vocab.phrases("operator_products").find_all(article.folded, start, end)
    for scope in vocab.raw.get("operators") or {}:
        for a, _b, _phrase, _ in vocab.phrases("operators", scope).find_all(article.folded, start, end):
            if not any(p[0] <= a < p[1] for p in products):
                draft.scope = scope
                return
