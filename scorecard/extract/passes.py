"""Reading that needs more than one number: a/b with its printed percent, lists sharing a
qualifier or a rank word, ranges written "từ A đến B", and ranks written in words."""

from __future__ import annotations

import re

from .draft import Draft
from .spans import Reader


def merge_printed_percent(drafts: list[Draft], reader: Reader) -> list[Draft]:
    """'1.562/1.568 (khoảng 99,6%)': one figure, value the printed percent, when the two agree."""
    kept: list[Draft] = []
    for draft in drafts:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.numerator is not None
            and previous.denominator
            and previous.value is None
            and draft.unit == "percent"
            and draft.value is not None
            and abs(100 * previous.numerator / previous.denominator - draft.value) < 1.5
            and draft.start - previous.end < 90
            and reader.article.sentence_at(draft.start) == reader.article.sentence_at(previous.start)
        ):
            previous.value = draft.value
            if draft.qualifier != "exact":
                previous.qualifier = draft.qualifier
            previous.noun_from = previous.suffix_end or previous.end
            previous.suffix_end = draft.suffix_end or draft.end
            continue
        kept.append(draft)
    return kept


def carry_qualifier(drafts: list[Draft], reader: Reader) -> None:
    """'tối thiểu 150 Mbps cho hộ gia đình, 200 Mbps cho cơ quan': the qualifier holds for the list."""
    for previous, draft in zip(drafts, drafts[1:], strict=False):
        carried = reader.vocab.raw.get("distributive_qualifiers", [])
        if previous.qualifier not in carried or draft.qualifier != "exact" or previous.unit != draft.unit:
            continue
        gap = reader.body[previous.suffix_end or previous.end : draft.start]
        if "," not in gap or len(gap.split()) > 6:
            continue
        if reader.vocab.phrases("fillers").find_all(reader.folded, draft.start - 12, draft.start):
            continue
        draft.qualifier = previous.qualifier
        draft.notes.append(f"qualifier carried from the list's first figure ({previous.qualifier})")


def rank_lists(drafts: list[Draft], reader: Reader) -> None:
    """'giữ vị trí thứ 5, 6, 7': each number after a rank, joined by commas, is a rank too."""
    for previous, draft in zip(drafts, drafts[1:], strict=False):
        if not previous.rank or draft.rank or draft.unit != "count":
            continue
        gap = reader.body[previous.end : draft.start]
        if re.fullmatch(r"\s*(,|" + reader.vocab.alternation("grammar", "joiners") + r")\s*", gap):
            draft.rank, draft.unit, draft.prefix_start = True, "rank", previous.prefix_start or previous.start


def word_ranks(reader: Reader) -> list[Draft]:
    """'Hà Nội dẫn đầu cả nước', 'đứng thứ hai': ranks in words, not after 'N tỉnh'."""
    vocab, article = reader.vocab, reader.article
    words = vocab.phrases("ranks", "words")
    gap = int(vocab.raw["ranks"].get("words_after_number_gap", 5))
    found = []
    weekdays = vocab.phrases("weekdays", case_sensitive=True).find_all(article.body, 0, article.end)
    for start, end, _phrase, value in words.find_all(article.folded, 0, article.end):
        if any(a <= start < b for a, b, _p, _v in weekdays):
            continue
        sentence_start = article.sentence_at(start)[0]
        before = article.folded[sentence_start:start].split()[-gap:]
        ordinal = vocab.phrases("grammar", "ordinal")
        if vocab.phrases("ranks", "words_not_after").ending(" ".join(before)) or _counted_group(before, ordinal):
            continue
        if vocab.phrases("ranks", "words_not_before").starting(article.folded[end : end + 12]):
            continue
        if re.match(r"^\s*(" + vocab.alternation("grammar", "topic") + r")?\s*\d", article.folded[end : end + 8]):
            continue  # "đứng đầu về 4 chỉ số": the number after is read on its own
        draft = Draft(start, end, float(value), unit="rank", rank=True, in_words=article.body[start:end])
        _word_rank_out_of(draft, reader)
        found.append(draft)
    return found


def _counted_group(words: list[str], ordinal) -> bool:
    """'20 tỉnh, thành phố dẫn đầu': a whole number (not a year, not an ordinal) just before."""
    for k, word in enumerate(words):
        bare = word.strip(",.;:()")
        if re.fullmatch(r"\d+(\.\d{3})*", bare) and not re.fullmatch(r"(19|20)\d\d", bare):
            if k == 0 or not ordinal.ending(words[k - 1]):
                return True
    return False


def _word_rank_out_of(draft: Draft, reader: Reader) -> None:
    out_of = reader.vocab.alternation("ranks", "out_of")
    match = re.match(r"^\s+" + out_of + r"\s+(?=\d)", reader.folded[draft.end : draft.end + 16])
    if match:
        j = reader.token_at(draft.end + match.end())
        if j is not None:
            reader.consumed.add(j)
            draft.denominator = reader.tokens[j].value
            draft.suffix_end = reader.tokens[j].end


def from_to_ranges(drafts: list[Draft], reader: Reader) -> list[Draft]:
    """'từ khoảng 0,5 đến gần 0,6': one range, with the first number's qualifier."""
    kept: list[Draft] = []
    for draft in drafts:
        previous = kept[-1] if kept else None
        if previous is not None and previous.value is not None and draft.value is not None:
            gap = reader.folded[previous.suffix_end or previous.end : draft.start]
            head = reader.folded[max(0, (previous.prefix_start or previous.start) - 12) : previous.start]
            to_word, from_word = (
                reader.vocab.alternation("grammar", "range_to"),
                reader.vocab.alternation("grammar", "range_from"),
            )
            if re.fullmatch(r"\s*" + to_word + r"\s+(\S+\s+)?", gap) and re.search(
                r"\b" + from_word + r"\s+(\S+\s+)?$", head
            ):
                previous.low, previous.high, previous.value = previous.value, draft.value, None
                previous.end, previous.suffix_end = draft.end, draft.suffix_end or draft.end
                continue
        kept.append(draft)
    return kept


def ranks_in_the_same_frame(drafts: list[Draft], reader: Reader) -> None:
    """'xếp hạng 32/63 …, tăng 20 bậc so với DTI 2020 (52/63)': an a/b out of the same N as a rank
    earlier in the sentence is a rank too."""
    for k, draft in enumerate(drafts):
        if draft.numerator is None or draft.value is not None or draft.rank:
            continue
        sentence = reader.article.sentence_at(draft.start)
        for earlier in drafts[:k]:
            if (
                earlier.rank
                and earlier.denominator == draft.denominator
                and reader.article.sentence_at(earlier.start) == sentence
            ):
                draft.rank, draft.unit, draft.value, draft.numerator = True, "rank", draft.numerator, None
                break
