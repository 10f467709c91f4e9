"""How a figure reads, everywhere: its value as printed, its date, its territory, its kind, and
which one is a province's "latest".

Pages, charts and alt text all ask this module, so a figure cannot read "0,7167" in one
table and "0,72" in the next, and a page and its chart cannot name different "latest"
figures. Only words of the interface come from :mod:`i18n`; what a unit or an indicator is
called comes from ``data/``.
"""

from __future__ import annotations

from datetime import date

from .dataset import Dataset, Fact
from .i18n import date_text, t
from .model import as_of_bounds
from .numbers import format_amount, format_number, printed_decimals

LEVEL_KINDS = ("actual", "target", "forecast")  # kinds that state a level; a change never draws as one


# ---------------------------------------------------------------- the value


def decimals(fact: Fact) -> int | None:
    """The decimals the source printed the value with (0,7160 keeps four), else the default."""
    if fact.value is None or fact.value_computed:
        return None
    return printed_decimals(fact.observation.quote, fact.value)


def amount_text(dataset: Dataset, fact: Fact, number: float, lang: str) -> str:
    """A number with its unit's symbol, at the printed precision: "99,6 %", "0,7167 điểm", "+4 bậc"."""
    obs = fact.observation
    places = None  # a share computed from a/b is shown to one decimal at most: 99,6 %, 100 %
    if fact.value_computed:
        number = round(number, 1)
    else:
        places = printed_decimals(obs.quote, number)
    if obs.unit in ("percent", "VND", "km", "Mbps"):
        text = format_amount(number, obs.unit, lang, places)
    else:
        unit = dataset.units.get(obs.unit)
        symbol = getattr(unit.symbol, lang) if unit is not None and unit.symbol is not None else ""
        text = format_number(number, lang, places) + (f"\u00a0{symbol}" if symbol else "")
    if obs.kind == "change" and number > 0:
        text = "+" + text
    return text


def qualifier_word(dataset: Dataset, qualifier: str, lang: str) -> str:
    """The words a qualifier reads as before a figure ("gần" / "nearly"), from data/vocabulary.yaml's
    qualifiers:; none for exact (the checks refuse a vocabulary that leaves another one out)."""
    words = dataset.vocabulary.qualifiers.get(qualifier)
    return getattr(words, lang) if words is not None else ""


def qualifier_sign(dataset: Dataset, qualifier: str) -> str:
    """The short sign a chart or a map tile draws for a qualifier ("≈", "≥"), from data/vocabulary.yaml;
    none for exact."""
    words = dataset.vocabulary.qualifiers.get(qualifier)
    return words.sign if words is not None else ""


def unit_label(dataset: Dataset, unit_id: str, lang: str) -> str:
    """A unit's word for a Unit column or an axis ("%", "thứ hạng"), from data/units.yaml: its label, else
    its symbol, else its name; the id itself for a unit the file does not define."""
    unit = dataset.units.get(unit_id)
    if unit is None:
        return unit_id
    return getattr(unit.label or unit.symbol or unit.name, lang)


def figure_text(dataset: Dataset, fact: Fact, lang: str) -> str:
    """A figure as a reader says it: "gần 390.000", "675/675 (100 %)", "hạng 30/63", "+0,2052 điểm"."""
    return fact.remembered(("text", lang), lambda: _figure_text(dataset, fact, lang))


def _figure_text(dataset: Dataset, fact: Fact, lang: str) -> str:
    obs = fact.observation
    words = qualifier_word(dataset, obs.qualifier, lang)
    if obs.unit == "rank" and fact.value is not None and obs.kind != "change":
        if obs.denominator is not None:
            core = t(lang, "rank_of").format(
                value=format_number(fact.value, lang), of=format_number(obs.denominator, lang)
            )
        else:
            core = t(lang, "rank_within").format(value=format_number(fact.value, lang))
            words = ""
    elif fact.value is None:
        core = f"{format_number(obs.low, lang, printed_decimals(obs.quote, obs.low))}–"
        core += amount_text(dataset, fact, obs.high, lang)  # "60–80 %": the unit once, after the range
    else:
        core = amount_text(dataset, fact, fact.value, lang)
        if obs.numerator is not None and obs.denominator is not None:
            # the qualifier belongs to the share ("1.024/1.569 (khoảng 65 %)"); the counts are as printed
            share = f"{words} {core}".strip()
            core, words = f"{format_number(obs.numerator, lang)}/{format_number(obs.denominator, lang)} ({share})", ""
    if obs.in_words:
        core = f"{core} («{obs.in_words}»)"
    return f"{words} {core}".strip()


# ---------------------------------------------------------------- the date


def when(dataset: Dataset, fact: Fact) -> int | str | None:
    """The date a figure describes: its ``as_of``, else its source's publication date."""
    if fact.observation.as_of is not None:
        return fact.observation.as_of
    source = dataset.sources.get(fact.observation.source)
    return source.published_text if source is not None else None


def sort_key(dataset: Dataset, fact: Fact) -> tuple:
    """The one order of figures in time: latest end, then latest start, then the last listed.

    An undated figure is placed at its source's publication date ("hiện nay" in an article
    of 2025-11-01 is November 2025); one with no date at all sorts first, as the oldest.
    """
    return fact.remembered("time", lambda: _sort_key(dataset, fact))


def _sort_key(dataset: Dataset, fact: Fact) -> tuple:
    obs = fact.observation
    if obs.kind == "target":
        return (date(obs.target_year or 9999, 12, 31), date.min, fact.index)
    moment = when(dataset, fact)
    if moment is None:
        return (date.min, date.min, fact.index)
    first, last = as_of_bounds(moment)
    if obs.since is not None:
        first = as_of_bounds(obs.since)[0]
    return (last, first, fact.index)


def when_text(dataset: Dataset, fact: Fact, lang: str) -> str:
    """When a figure applies: its date or span, its target year, or the source's date for "hiện nay"."""
    return fact.remembered(("when", lang), lambda: _when_text(dataset, fact, lang))


def _when_text(dataset: Dataset, fact: Fact, lang: str) -> str:
    obs = fact.observation
    own_words = period_text(obs.period, lang)
    period = f" ({own_words})" if own_words else ""
    if obs.kind == "target" or (obs.kind == "forecast" and obs.target_year):
        year = str(obs.target_year) if obs.target_year else t(lang, "no_year")
        return f"{t(lang, obs.kind)} {year}{_past(dataset, fact, lang)}{period}"
    if obs.as_of is not None and obs.since is not None:
        span = t(lang, "since_until").format(start=date_text(obs.since, lang), end=date_text(obs.as_of, lang))
        return span + period
    if obs.as_of is not None:
        return date_text(obs.as_of, lang) + period
    source = dataset.sources.get(obs.source)
    if source is not None and source.published_text is not None:
        return t(lang, "as_reported").format(date=date_text(source.published_text, lang)) + period
    vietnamese = period_text(obs.period, "vi")
    if vietnamese and "không ghi" in vietnamese:  # the editor already said the date is not printed
        return own_words
    return f"{own_words} ({t(lang, 'date_not_stated')})".strip()


def when_short(dataset: Dataset, fact: Fact, lang: str) -> str:
    """The date alone, for compact tables: "tháng 5/2025", "mục tiêu 2030", "theo bài đăng 1/11/2025"."""
    obs = fact.observation
    if obs.kind == "target" or (obs.kind == "forecast" and obs.target_year):
        return f"{t(lang, obs.kind)} {obs.target_year or t(lang, 'no_year')}{_past(dataset, fact, lang)}"
    if obs.as_of is not None:
        return date_text(obs.as_of, lang)
    source = dataset.sources.get(obs.source)
    if source is not None and source.published_text is not None:
        return t(lang, "as_reported").format(date=date_text(source.published_text, lang))
    return t(lang, "date_not_stated")


def _past(dataset: Dataset, fact: Fact, lang: str) -> str:
    """ " (mục tiêu đã qua)" for a target whose year had ended when its source reported it."""
    obs = fact.observation
    source = dataset.sources.get(obs.source)
    if obs.kind != "target" or obs.target_year is None or source is None or source.published_text is None:
        return ""
    return f" ({t(lang, 'past_target')})" if as_of_bounds(source.published_text)[0].year > obs.target_year else ""


# ---------------------------------------------------------------- whose, where, which kind


def merged_text(dataset: Dataset, lang: str) -> str:
    """The day the current units began, as the interface writes it ("1/7/2025" / "1 July 2025"); the day
    is ``merged_on`` in data/former-units.yaml, never a constant of the code."""
    return date_text(dataset.reorg.merged_on.isoformat(), lang)


def territory_break(dataset: Dataset, lang: str) -> str:
    """The warning of a merged province's pages: its territory changed on the merger day."""
    return t(lang, "territory_break").format(date=merged_text(dataset, lang))


def territory_text(dataset: Dataset, fact: Fact, lang: str) -> str:
    """Which land a figure covers: "Yên Bái (15), địa bàn cũ, trước 1/7/2025"."""
    territory = fact.territory
    if territory is None:
        return t(lang, "national") if fact.is_national else ""
    merged_on = dataset.reorg.merged_on
    if territory.unchanged:
        return t(lang, "unchanged_territory").format(year=merged_on.year)
    key = "current_territory" if territory.current else "former_territory"
    return f"{territory.name} ({territory.code}), {t(lang, key).format(date=merged_text(dataset, lang))}"


def territory_short(dataset: Dataset, fact: Fact, lang: str) -> str:
    """A former unit named briefly, for compact tables: "Hà Giang (02), trước 1/7/2025"."""
    territory = fact.territory
    if territory is None or territory.current:
        return ""
    day = merged_text(dataset, lang)
    return t(lang, "former_short").format(name=territory.name, code=territory.code, date=day)


def subject_name(dataset: Dataset, fact: Fact, lang: str) -> str:
    """Who a line about a figure names first: the country, or the province whose file holds the figure."""
    return t(lang, "national") if fact.is_national else dataset.provinces[fact.province].name


def indicator_name(dataset: Dataset, indicator_id: str, lang: str) -> str:
    """An indicator's name in the page's language; its id when data/indicators.yaml has no such entry."""
    indicator = dataset.indicators.get(indicator_id)
    return getattr(indicator.name, lang) if indicator else indicator_id


def whose_text(dataset: Dataset, fact: Fact, lang: str) -> str:
    """Whose figure it is: the province (or former unit), the country, or one level or network of it; for a
    figure a province's source gives of the country or of another province (``subject``), that one."""
    subject = fact.observation.subject
    if fact.is_national or subject == "national":
        name = t(lang, "national")
    elif subject != "province":
        peer = dataset.provinces.get(subject)
        name = peer.name if peer else subject
    elif fact.territory is not None and not fact.territory.current:
        name = fact.territory.name
    else:
        unit = dataset.provinces.get(fact.province)
        name = unit.name if unit else fact.province
    return with_scope(dataset, fact, name, lang)


def with_scope(dataset: Dataset, fact: Fact, name: str, lang: str) -> str:
    """``name``, and the level or network of it the figure covers when it covers less: "Lào Cai: VNPT"."""
    scope = dataset.scopes.get(fact.observation.scope) if fact.observation.scope else None
    return f"{name}: {getattr(scope.name, lang)}" if scope else name


def kind_text(fact: Fact, lang: str) -> str:
    """actual / target / forecast / change, in the page's language."""
    return t(lang, fact.observation.kind)


# ---------------------------------------------------------------- editors' notes


def note_text(note: object, lang: str) -> tuple[str, str] | None:
    """An editor's note in the page's language, and the language it is written in.

    A bilingual note gives each page its own text; a plain one is Vietnamese (the editors'
    language), so the English page shows it marked ``lang="vi"`` rather than pretending
    it is English. No note: None.
    """
    if note is None:
        return None
    if isinstance(note, str):
        return note, "vi"
    return getattr(note, lang), lang


def period_text(period: object, lang: str) -> str:
    """A figure's or a source's own words for its time, in the page's language when written in both."""
    text = note_text(period, lang)
    return text[0] if text else ""


# ---------------------------------------------------------------- which figure is "latest"


def own_facts(facts: list[Fact]) -> list[Fact]:
    """The province's own figures: not a national or peer figure quoted for comparison."""
    return [fact for fact in facts if fact.observation.subject == "province" and not fact.is_national]


def latest_actual(dataset: Dataset, facts: list[Fact], indicator_id: str, whole_province: bool = True) -> Fact | None:
    """The one rule of "latest": the most recent own actual of an indicator, ordered by :func:`sort_key`.

    Whole province only by default (a figure of one network or one level of government
    is not the province's); never a change, a target or a forecast.
    """
    return _latest(dataset, own_facts(facts), indicator_id, whole_province)


def national_latest(dataset: Dataset, indicator_id: str) -> Fact | None:
    """The country's latest actual of an indicator, by the same rule as a province's."""
    return _latest(dataset, dataset.national_facts, indicator_id, whole_province=True)


def _latest(dataset: Dataset, facts: list[Fact], indicator_id: str, whole_province: bool) -> Fact | None:
    candidates = [
        f
        for f in facts
        if f.indicator == indicator_id
        and f.observation.kind == "actual"
        and f.value is not None
        and (f.observation.scope is None or not whole_province)
    ]
    return max(candidates, key=lambda f: sort_key(dataset, f), default=None)


def next_target(dataset: Dataset, facts: list[Fact], indicator_id: str) -> Fact | None:
    """The nearest target of an indicator (the earliest target year still listed)."""
    candidates = [
        f
        for f in own_facts(facts)
        if f.indicator == indicator_id and f.observation.kind == "target" and f.observation.scope is None
    ]
    return min(candidates, key=lambda f: sort_key(dataset, f), default=None)
