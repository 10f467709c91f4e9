"""Rules across records: what the shape of one file cannot tell.

Each rule is a small function that takes the dataset and yields problems located at
the observation (or field) they are about. :func:`check_dataset` runs them all, so a
new rule is one function added to ``RULES``.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import get_args

from .dataset import Dataset, Fact
from .load import Problem
from .model import Qualifier, as_of_bounds
from .numbers import NUMBER_PATTERN, decimals_of, format_number, numbers_in_text, text_states

_QUALIFIER_WORDS = {
    "about": ("khoảng", "tương đương", "xấp xỉ", "chừng"),
    "at_least": ("tối thiểu", "ít nhất", "trở lên", "từ"),
    "more_than": ("hơn", "trên", "vượt"),
    "nearly": ("gần", "xấp xỉ"),
    "at_most": ("tối đa", "dưới", "không quá", "trong", "top", "nhóm", "dẫn đầu"),
}


def today() -> date:
    """Today, or the day SOURCE_DATE_EPOCH names, so checks can be replayed exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return date.fromtimestamp(int(epoch)) if epoch and epoch.isdigit() else date.today()


def _at(dataset: Dataset, fact: Fact, field: str | None, message: str, severity: str = "error") -> Problem:
    loaded = dataset.loaded[fact.file]
    key = ("observations", fact.index) + ((field,) if field else ())
    line, column = loaded.where(key)
    return Problem(fact.file, line, column, message, severity)


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


# ---------------------------------------------------------------- rules


def check_province_files(dataset: Dataset) -> Iterator[Problem]:
    """Each file is named after one of the 34 units, with its official name and code."""
    for slug, record in dataset.province_files.items():
        path = f"data/provinces/{slug}.yaml"
        loaded = next(
            (
                item
                for key, item in dataset.loaded.items()
                if key.endswith((f"provinces/{slug}.yaml", f"provinces/{slug}.yml"))
            ),
            None,
        )
        path = loaded.path if loaded else path
        unit = dataset.provinces.get(slug)
        if unit is None:
            yield Problem(
                path,
                1,
                1,
                f"'{slug}' is not one of the 34 provinces' file names."
                f"{_suggest(slug, dataset.provinces)} Run 'python -m scorecard new-province' to list them",
            )
            continue
        if record.name != unit.name:
            line, column = loaded.where(("name",))
            yield Problem(path, line, column, f"the official name is '{unit.name}', not '{record.name}'")
        if record.code != unit.code:
            line, column = loaded.where(("code",))
            yield Problem(path, line, column, f'the official code of {unit.name} is "{unit.code}", not "{record.code}"')


def check_references(dataset: Dataset) -> Iterator[Problem]:
    """Indicator, source, scope and subject ids exist; the unit is the indicator's."""
    for fact in dataset.every_fact():
        obs = fact.observation
        indicator = dataset.indicators.get(obs.indicator)
        if indicator is None and obs.indicator in dataset.broken_ids:
            pass  # the indicator's own entry is malformed and reported there: one mistake, one message
        elif indicator is None:
            yield _at(
                dataset,
                fact,
                "indicator",
                f"unknown indicator '{obs.indicator}'.{_suggest(obs.indicator, dataset.indicators)} "
                "Add it to data/indicators.yaml first",
            )
        elif not _unit_fits(dataset, obs.unit, obs.kind, indicator.unit):
            yield _at(dataset, fact, "unit", _unit_message(dataset, obs.unit, obs.kind, indicator))
        if obs.source not in dataset.sources and obs.source not in dataset.broken_ids:
            yield _at(
                dataset,
                fact,
                "source",
                f"unknown source '{obs.source}'.{_suggest(obs.source, dataset.sources)} "
                "Add it to a file in data/sources/ first",
            )
        if obs.scope is not None and obs.scope not in dataset.scopes:
            yield _at(
                dataset,
                fact,
                "scope",
                f"unknown scope '{obs.scope}'.{_suggest(obs.scope, dataset.scopes)} "
                "Scopes are listed under 'scopes:' in data/indicators.yaml",
            )
        if obs.subject not in ("province", "national") and obs.subject not in dataset.provinces:
            yield _at(
                dataset,
                fact,
                "subject",
                f"subject '{obs.subject}' must be 'province', 'national' or a province's "
                f"file name.{_suggest(obs.subject, dataset.provinces)}",
            )


def _unit_fits(dataset: Dataset, unit: str, kind: str, indicator_unit: str) -> bool:
    """A level is stated in its indicator's unit; a change may also use a unit of change of it
    (and must, for a unit that is level_only: "tăng 4 bậc" is 4 rank_places, not rank 4)."""
    if unit == indicator_unit:
        known = dataset.units.get(unit)
        return (known is not None and not (kind == "change" and known.level_only)) or not dataset.units
    return kind == "change" and unit in dataset.units and indicator_unit in dataset.units[unit].change_of


def _unit_message(dataset: Dataset, unit: str, kind: str, indicator) -> str:
    if dataset.units and unit not in dataset.units:
        return f"unknown unit '{unit}'.{_suggest(unit, dataset.units)} Units are listed in data/units.yaml"
    changes = sorted(u.id for u in dataset.units.values() if indicator.unit in u.change_of)
    if kind == "change":
        level = dataset.units.get(indicator.unit)
        listed = ", ".join(changes) or "no unit of change"
        allowed = listed if level is not None and level.level_only else f"'{indicator.unit}' or in {listed}"
        return f"a change of '{indicator.id}' is stated in {allowed}, not '{unit}'"
    hint = f"; if the text states a change ({', '.join(changes)}), write kind: change" if unit in changes else ""
    return (
        f"the unit of '{indicator.id}' is '{indicator.unit}', not '{unit}'; "
        f"convert the value or choose another indicator{hint}"
    )


def check_kind_and_dates(dataset: Dataset) -> Iterator[Problem]:
    """Actuals say when; targets say by when; nothing actual lies in the future."""
    now = today()
    for fact in dataset.every_fact():
        obs = fact.observation
        if obs.kind in ("actual", "change"):
            yield from _actual_dates(dataset, fact, now)
        elif obs.kind == "target":
            yield from _target_dates(dataset, fact)
        if obs.since is not None:
            yield from _span_dates(dataset, fact)
        if obs.baseline is not None and obs.kind != "change":
            yield _at(dataset, fact, "baseline", "baseline: is for kind: change (what the change is measured against)")


def _actual_dates(dataset: Dataset, fact: Fact, now: date) -> Iterator[Problem]:
    """An actual (or a change) says when; nothing actual lies in the future."""
    obs = fact.observation
    if obs.target_year is not None:
        yield _at(
            dataset, fact, "target_year", f"an {obs.kind} figure has no target_year; use as_of, or set kind: target"
        )
    source = dataset.sources.get(obs.source)
    dated_source = source is not None and source.published is not None
    if obs.as_of is None and obs.period is None and not dated_source:
        yield _at(
            dataset,
            fact,
            None,
            "this figure needs as_of (2024, 2025-05 or 2025-05-31), or, when "
            "the text gives no date, period: with the text's own words ('đến nay')",
        )
    if obs.as_of is not None and as_of_bounds(obs.as_of)[0] > now:
        yield _at(
            dataset,
            fact,
            "as_of",
            f"as_of {obs.as_of} is in the future; an actual figure cannot be "
            "dated after today (is it a target? a forecast?)",
        )


def _target_dates(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    """A target says by when (a target reported after its year is a past target, which is fine)."""
    obs = fact.observation
    if obs.as_of is not None:
        yield _at(dataset, fact, "as_of", "a target has no as_of; write the year to reach it as target_year")
    if obs.target_year is None:
        yield _at(
            dataset,
            fact,
            None,
            "this target has no target_year; fine when the text gives none, but say what it does give in period:",
            "warning",
        )


def _span_dates(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    """A span runs from since: to as_of:, in that order."""
    obs = fact.observation
    if obs.as_of is None:
        yield _at(dataset, fact, "since", "since: starts a span; write where it ends as as_of:")
    elif as_of_bounds(obs.since)[0] > as_of_bounds(obs.as_of)[1]:
        yield _at(dataset, fact, "since", f"the span starts ({obs.since}) after it ends ({obs.as_of}); swap them")


def check_values(dataset: Dataset) -> Iterator[Problem]:
    """Values exist and are possible for their unit."""
    for fact in dataset.every_fact():
        yield from _presence_problems(dataset, fact)
        yield from _number_problems(dataset, fact)
        yield from _rank_and_fraction_problems(dataset, fact)


def _presence_problems(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    """A figure is stated somehow: a value, a fraction for a percent, or a whole range."""
    obs = fact.observation
    if obs.value is None and (obs.low is None or obs.high is None) and not fact.value_computed:
        yield _at(
            dataset,
            fact,
            None,
            "no figure: give value:, or numerator: and denominator: for a percent, or low: and high: for a range",
        )
    if (obs.low is None) != (obs.high is None):
        yield _at(dataset, fact, "low" if obs.low is not None else "high", "a range needs both low: and high:")
    elif obs.low is not None and obs.low > obs.high:
        yield _at(dataset, fact, "low", f"low ({obs.low}) is above high ({obs.high}); swap them")


def _number_problems(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    """Each number is possible for its unit (bounds and whole numbers from data/units.yaml).

    A change may be negative ("giảm 3 bậc") and may exceed a level's bounds, so only a
    level (actual, target, forecast) is held to them.
    """
    obs = fact.observation
    unit = dataset.units.get(obs.unit)
    for name in ("value", "low", "high", "numerator", "denominator"):
        number = getattr(obs, name)
        if number is None:
            continue
        if name in ("numerator", "denominator"):
            if number < 0:
                yield _at(dataset, fact, name, f"{name} {number} is negative")
            continue
        if unit is None:
            continue
        yield from _bound_problems(dataset, fact, name, number, unit)


def _bound_problems(dataset: Dataset, fact: Fact, name: str, number: float, unit) -> Iterator[Problem]:
    obs = fact.observation
    level = obs.kind != "change"
    if level and unit.minimum is not None and unit.maximum is not None and not unit.minimum <= number <= unit.maximum:
        hint = "; store 92% as 92" if obs.unit == "percent" else ""
        yield _at(
            dataset, fact, name, f"{name} {number} is outside {unit.minimum}–{unit.maximum} for a {unit.id}{hint}"
        )
    elif level and unit.minimum is not None and number < unit.minimum:
        below = "is negative" if unit.minimum == 0 else f"is below {unit.minimum}"
        yield _at(dataset, fact, name, f"{name} {number} {below}; a {unit.id} cannot be")
    elif unit.whole and name == "value" and not float(number).is_integer():
        yield _at(
            dataset, fact, name, f"a {unit.id} must be a whole number, not {number} (1.655 means 1655: write 1655)"
        )


def _rank_and_fraction_problems(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    """A rank lies within the ranked; a numerator does not exceed its (non-zero) denominator."""
    obs = fact.observation
    if obs.unit == "rank" and obs.value is not None and obs.kind != "change":
        if obs.denominator is None and obs.qualifier == "exact":
            yield _at(
                dataset,
                fact,
                "denominator",
                "a rank needs its base: how many were ranked (denominator: 63 before the merger, 34 after)",
            )
        elif obs.denominator is not None and obs.value > obs.denominator:
            yield _at(dataset, fact, "value", f"rank {obs.value} is beyond the {obs.denominator} ranked")
    if obs.numerator is not None and obs.denominator is not None and obs.unit != "rank":
        if obs.denominator == 0:
            yield _at(dataset, fact, "denominator", "the denominator is 0")
        elif obs.numerator > obs.denominator:
            yield _at(
                dataset, fact, "numerator", f"numerator {obs.numerator} is above its denominator {obs.denominator}"
            )


def check_fraction_matches_percent(dataset: Dataset) -> Iterator[Problem]:
    """A stated percent agrees with its own a/b, to the rounding the text used."""
    for fact in dataset.every_fact():
        obs = fact.observation
        if obs.unit != "percent" or obs.value is None or obs.numerator is None or not obs.denominator:
            continue
        computed = 100 * obs.numerator / obs.denominator
        if obs.qualifier == "exact" and printed_as(obs.value, computed):
            continue
        tolerance = 1.0 if obs.qualifier != "exact" else 1e-9
        if abs(computed - obs.value) > tolerance:
            yield _at(
                dataset,
                fact,
                "value",
                f"value {obs.value}% disagrees with {obs.numerator}/{obs.denominator} = "
                f"{computed:.2f}%; check both against the source",
            )


def printed_as(value: float, computed: float) -> bool:
    """Whether ``value`` is ``computed`` printed at its own precision, rounded (36,556) or cut (36,555)."""
    places = decimals_of(value)
    scale = 10**places
    return any(
        abs(value - candidate) < 0.5 / scale for candidate in (round(computed, places), int(computed * scale) / scale)
    )


def check_parts_add_up(dataset: Dataset) -> Iterator[Problem]:
    """Parts an indicator lists (2G+3G+4G+5G) add up to the total stated beside them."""
    groups: dict[tuple, dict[str, Fact]] = defaultdict(dict)
    for fact in dataset.every_fact():
        groups[_context(fact)][fact.indicator] = fact
    for group in groups.values():
        for indicator_id, total in group.items():
            indicator = dataset.indicators.get(indicator_id)
            if indicator is None or not indicator.parts or total.value is None:
                continue
            present = [group[part] for part in indicator.parts if part in group]
            if not present or any(p.observation.qualifier != "exact" for p in (*present, total)):
                continue
            parts_sum = sum(p.value or 0 for p in present)
            complete = len(present) == len(indicator.parts)
            if parts_sum > total.value or (complete and parts_sum != total.value):
                names = " + ".join(p.indicator for p in present)
                yield _at(
                    dataset,
                    total,
                    "value",
                    f"the parts do not add up: {names} = {format_number(parts_sum, 'en')}, "
                    f"but {indicator_id} is {format_number(total.value, 'en')}; check each against the source",
                )


def _context(fact: Fact) -> tuple:
    obs = fact.observation
    territory = fact.territory.id if fact.territory else None
    return (
        fact.province,
        obs.source,
        obs.kind,
        obs.unit,
        obs.denominator if obs.unit == "rank" else None,  # a rank of 63 and one of 34 are two figures
        None if obs.since is None else str(obs.since),
        None if obs.as_of is None else str(obs.as_of),  # as_of: 2024 and as_of: "2024" are one date
        obs.target_year,
        obs.period,
        obs.scope,
        obs.subject,
        territory,
    )


def check_conflicts(dataset: Dataset) -> Iterator[Problem]:
    """One source must not give two different values for the same figure."""
    seen: dict[tuple, Fact] = {}
    for fact in dataset.every_fact():
        key = (*_context(fact), fact.indicator)
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = fact
            continue
        if (earlier.value, earlier.observation.low, earlier.observation.high) != (
            fact.value,
            fact.observation.low,
            fact.observation.high,
        ):
            yield _at(
                dataset,
                fact,
                "value",
                f"the same source already gives {fact.indicator} = {earlier.value} for the same "
                f"date and scope (line {earlier.line}); keep the right one or tell them apart (scope, as_of)",
            )
        else:
            yield _at(dataset, fact, None, f"this repeats the figure on line {earlier.line}; remove one", "warning")


_LONG_QUOTE = 250  # characters: longer than a sentence that states one figure


def check_quotes(dataset: Dataset) -> Iterator[Problem]:
    """The verbatim quote states every number typed in, as the source wrote it."""
    vocabulary = dataset.vocabulary
    for fact in dataset.every_fact():
        obs = fact.observation
        yield from _numbers_quoted(dataset, fact)
        if "\n" in obs.quote.strip() or len(obs.quote) > _LONG_QUOTE:
            broken = " across a paragraph break" if "\n" in obs.quote.strip() else ""
            yield _at(
                dataset,
                fact,
                "quote",
                f"the quote is {len(obs.quote)} characters{broken}; "
                "quote the shortest phrase that states the figure and put the rest in note:",
                "warning",
            )
        spoken = None
        if obs.qualifier == "exact" and not fact.value_computed and obs.kind != "change":
            spoken = qualifier_before(obs.quote, fact.value, vocabulary)
        if spoken:
            yield _at(
                dataset,
                fact,
                "qualifier",
                f"the quote says '{spoken[0]}' before the figure, but qualifier is exact; write qualifier: {spoken[1]}",
                "warning",
            )
        words = vocabulary.qualifier_words.get(obs.qualifier)
        if words and not any(word in obs.quote.lower() for word in words):
            yield _at(
                dataset,
                fact,
                "qualifier",
                f"qualifier '{obs.qualifier}' but the quote has none of: {', '.join(words)}; check the qualifier",
                "warning",
            )


def _numbers_quoted(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    """Each number typed in is in the quote, in figures or in the words recorded in in_words:."""
    obs = fact.observation
    if obs.in_words is not None:
        yield from _words_quoted(dataset, fact)
    source = dataset.sources.get(obs.source)
    lang = source.language if source is not None else "vi"
    for name in ("value", "numerator", "denominator", "low", "high"):
        number = getattr(obs, name)
        if number is None or text_states(obs.quote, number, lang):
            continue
        if obs.kind == "change" and text_states(obs.quote, abs(number), lang):
            continue  # "giảm 3 bậc" is -3: the text says the sign in words
        if name == "value" and obs.in_words is not None:
            continue  # checked against the words above
        if name == "denominator" and obs.unit == "rank":
            continue  # a ranking's base (63, 34) is a fact of the whole table, rarely printed in each row
        hint = " (Vietnamese writes 1.655 for 1655 and 99,6 for 99.6)" if name == "value" else ""
        written = format_number(number, "vi", decimals_of(number))  # as typed, not rounded to 2 decimals
        yield _at(
            dataset,
            fact,
            name,
            f"the quote does not contain {name} {written}{hint}; "
            "copy the quote exactly from the source, or correct the number",
        )


def _words_quoted(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    obs = fact.observation
    words = obs.in_words
    known = dataset.vocabulary.number_words.get(words.lower())
    if words.lower() not in obs.quote.lower():
        yield _at(dataset, fact, "in_words", f"the quote does not contain '{words}'; copy the words as printed")
    elif known is None:
        yield _at(
            dataset,
            fact,
            "in_words",
            f"'{words}' is not a number word the validator knows; add it under number_words: in data/vocabulary.yaml",
        )
    elif obs.value is not None and known != obs.value:
        yield _at(dataset, fact, "value", f"'{words}' means {known}, not {obs.value}; correct the value")


def qualifier_before(quote: str, value: float | None, vocabulary) -> tuple[str, str] | None:
    """The qualifier word written right before ``value`` in the quote ("gần 390.000"), with its qualifier.

    "hơn" after a comparative ("cao hơn 0,28 điểm %") compares two figures; it does not
    qualify the number, so it suggests nothing.
    """
    if value is None:
        return None
    for match in NUMBER_PATTERN.finditer(quote):
        if not any(abs(number - value) < 1e-9 for number in numbers_in_text(match.group(0))):
            continue
        before = quote[: match.start()].rstrip().lower()
        for entry in vocabulary.qualifier_before:
            if before.endswith(entry.word) and not _after_comparative(before, entry.word, vocabulary):
                return entry.word, entry.qualifier
    return None


def _after_comparative(before: str, word: str, vocabulary) -> bool:
    preceding = before.removesuffix(word).split()
    return word == "hơn" and bool(preceding) and preceding[-1] in vocabulary.comparatives


def check_territory(dataset: Dataset) -> Iterator[Problem]:
    """Every figure resolves to one territory, so no chart joins two silently."""
    for fact in dataset.facts:
        unit = dataset.provinces.get(fact.province)
        if unit is None or fact.territory is not None:
            continue
        obs = fact.observation
        if obs.territory is not None:
            yield _at(dataset, fact, "territory", _territory_message(dataset, unit, obs.territory))
        else:
            yield _at(
                dataset,
                fact,
                None,
                f"{unit.name} was formed on {dataset.reorg.merged_on.isoformat()} from {unit.former_units_text()}; "
                "this figure is from before (or its date is not known), so write which one it describes, "
                "or territory: current if it describes the merged province",
            )


def check_ranking_base(dataset: Dataset) -> Iterator[Problem]:
    """A ranking of more units than exist since the merger (30/63) was made before it: it ranks a
    former unit, never the merged province."""
    for fact in dataset.facts:
        obs, unit = fact.observation, dataset.provinces.get(fact.province)
        if unit is None or unit.unchanged or obs.unit != "rank" or obs.denominator is None:
            continue
        if obs.denominator > dataset.reorg.units_after and fact.territory is not None and fact.territory.current:
            yield _at(
                dataset,
                fact,
                "territory",
                f"a ranking of {format_number(obs.denominator, 'en')} units was made before {unit.name} was formed; "
                f"it ranks one of {unit.former_units_text()}: write that one",
            )


def _territory_message(dataset: Dataset, unit, label: str) -> str:
    if unit.unchanged:
        return (
            f"territory '{label}' is not part of {unit.name}, which was not merged; "
            "leave territory: out or write territory: current"
        )
    if label == "former":
        return (
            f"'former' is ambiguous: {unit.name} was formed on {dataset.reorg.merged_on.isoformat()} from "
            f"{unit.former_units_text()}; write the one this figure describes"
        )
    return (
        f"territory '{label}' is not part of {unit.name}; write current, or one of its former units: "
        f"{unit.former_units_text()}"
    )


def check_sources(dataset: Dataset) -> Iterator[Problem]:
    """Sources say who and where; a missing author or address is worth a warning."""
    used = {fact.observation.source for fact in dataset.every_fact()}
    addresses: dict[str, str] = {}
    for source in dataset.sources.values():
        path, index = dataset.source_files[source.id]
        line, column = dataset.loaded[path].where(("sources", index))

        def warn(message: str, path=path, line=line, column=column) -> Problem:
            return Problem(path, line, column, message, "warning")

        if source.author is None:
            yield warn(f"source '{source.id}' has no author (fine if none is printed)")
        if source.url is None:
            yield warn(f"source '{source.id}' has no address; readers cannot check it")
        if source.published is None and source.period is None:
            yield warn(f"source '{source.id}' has neither published: nor period:; say what the text tells of its date")
        if source.id not in used:
            yield warn(f"source '{source.id}' is not used by any figure")
        first = addresses.setdefault(source.url, source.id) if source.url else source.id
        if first != source.id:
            yield warn(f"source '{source.id}' has the same address as '{first}'; cite one id for one text")


def check_registry(dataset: Dataset) -> Iterator[Problem]:
    """Ids are unique, pillars, units and parts exist, and every indicator is used."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("indicators.yaml")), None)
    if loaded is None or not isinstance(loaded.data, dict):
        return
    yield from _duplicate_ids(loaded, "indicators", "indicator")
    used = {fact.indicator for fact in dataset.every_fact()}
    for index, raw in enumerate(loaded.data.get("indicators") or []):
        indicator = dataset.indicators.get(raw.get("id")) if isinstance(raw, dict) else None
        if indicator is None:
            continue
        line, column = loaded.where(("indicators", index))
        if dataset.units and indicator.unit not in dataset.units:
            where = loaded.where(("indicators", index, "unit"))
            yield Problem(
                loaded.path,
                *where,
                f"unknown unit '{indicator.unit}'.{_suggest(indicator.unit, dataset.units)} "
                "Units are listed in data/units.yaml",
            )
        for part in indicator.parts:
            if part not in dataset.indicators:
                yield Problem(
                    loaded.path, line, column, f"'{indicator.id}' lists part '{part}', which is not an indicator"
                )
        if indicator.id not in used:
            yield Problem(loaded.path, line, column, f"indicator '{indicator.id}' has no figure yet", "warning")


def _duplicate_ids(loaded, key: str, what: str) -> Iterator[Problem]:
    """One id, one definition: a second one would silently replace the first."""
    seen: dict[str, int] = {}
    items = loaded.data.get(key) if isinstance(loaded.data, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str):
            continue
        if ident in seen:
            line, column = loaded.where((key, index, "id"))
            first, _ = loaded.where((key, seen[ident], "id"))
            yield Problem(
                loaded.path,
                line,
                column,
                f"the {what} id '{ident}' is defined twice (first on line {first}); keep one definition",
            )
        else:
            seen[ident] = index


def check_duplicate_source_ids(dataset: Dataset) -> Iterator[Problem]:
    """Two sources with one id (in any of the source files) would make every citation ambiguous."""
    for path, loaded in dataset.loaded.items():
        if not (path.endswith("sources.yaml") or "/sources/" in path) or not isinstance(loaded.data, dict):
            continue
        items = loaded.data.get("sources")
        for index, source in enumerate(items if isinstance(items, list) else []):
            ident = source.get("id") if isinstance(source, dict) else None
            first = dataset.source_files.get(ident)
            if first is not None and first != (path, index):
                line, column = loaded.where(("sources", index, "id"))
                yield Problem(
                    path, line, column, f"the source id '{ident}' is already used in {first[0]}; ids must be unique"
                )


def check_table_rows(dataset: Dataset) -> Iterator[Problem]:
    """A row of a nationwide table names one of the current provinces."""
    for fact in dataset.facts:
        if "/tables/" in fact.file and fact.province not in dataset.provinces:
            yield _at(
                dataset,
                fact,
                "province",
                f"'{fact.province}' is not one of the {len(dataset.provinces)} provinces' file names."
                f"{_suggest(fact.province, dataset.provinces)}",
            )


def check_registry_definitions(dataset: Dataset) -> Iterator[Problem]:
    """Each pillar and scope is defined once, and every indicator's pillar is defined: a second
    definition would silently replace the first, and a missing pillar would hide its indicators."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("indicators.yaml")), None)
    if loaded is None or not isinstance(loaded.data, dict):
        return
    for group, what in (("pillars", "pillar"), ("scopes", "scope")):
        yield from _duplicate_ids(loaded, group, what)
    for index, entry in enumerate(loaded.data.get("indicators") or []):
        pillar = entry.get("pillar") if isinstance(entry, dict) else None
        if dataset.pillars and isinstance(pillar, str) and pillar not in dataset.pillars:
            line, column = loaded.where(("indicators", index, "pillar"))
            yield Problem(
                loaded.path,
                line,
                column,
                f"the pillar '{pillar}' of '{entry.get('id')}' is not under pillars:; "
                "define it there, or its indicators would show nowhere",
            )


def check_qualifier_words(dataset: Dataset) -> Iterator[Problem]:
    """Every qualifier but exact has its words under qualifiers: in data/vocabulary.yaml: without them a
    figure "gần 390.000" would read as an exact 390.000 on every page and chart."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("vocabulary.yaml")), None)
    if loaded is None or any(p.path == loaded.path and p.severity == "error" for p in dataset.problems):
        return  # a file that does not validate says so already; its words were not read
    line, column = loaded.where(("qualifiers",))
    for qualifier in get_args(Qualifier):
        if qualifier != "exact" and qualifier not in dataset.vocabulary.qualifiers:
            yield Problem(
                loaded.path,
                line,
                column,
                f"the qualifier '{qualifier}' has no words under qualifiers:; add {qualifier}: {{vi: …, en: …}}, "
                "the words pages print before such a figure",
            )


def check_source_dates(dataset: Dataset) -> Iterator[Problem]:
    """No source is published after today (9999-12-31 is a typo, and would date its figures there)."""
    now = today()
    for source in dataset.sources.values():
        if source.published is None or as_of_bounds(source.published_text)[0] <= now:
            continue
        path, index = dataset.source_files[source.id]
        line, column = dataset.loaded[path].where(("sources", index, "published"))
        yield Problem(
            path,
            line,
            column,
            f"source '{source.id}' is dated {source.published_text}, after today; "
            "write the date the text was published",
        )


# Zero-width and direction marks, and the control characters a double-quoted YAML escape can still
# write ("\0", "\x07", "\e", "\N", "\uFFFE"; the loader refuses them only when typed raw). Tab and
# line feed are ordinary text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]"
)


def check_invisible_characters(dataset: Dataset) -> Iterator[Problem]:
    """Zero-width, direction-override and control characters hide what a text really says."""
    for loaded in dataset.loaded.values():
        for key_path, (line, column) in sorted(loaded.positions.items(), key=lambda item: item[1]):
            value = _value_at(loaded.data, key_path)
            if isinstance(value, str) and _INVISIBLE.search(value):
                char = _INVISIBLE.search(value).group()
                yield Problem(
                    loaded.path,
                    line,
                    column,
                    f"an invisible character (U+{ord(char):04X}) in this text; delete it (retype the text if unsure)",
                )


def _value_at(data, key_path):
    for key in key_path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


# A plain note reads as English when it has two of these words (none of them is a Vietnamese
# word), or four words and not one letter only Vietnamese writes (Vietnamese typed without its
# marks cannot be read well either).
_ENGLISH_WORDS = re.compile(
    r"\b(?:the|of|and|is|are|was|were|from|for|not|with|this|that|which|its|only|has|have|than|article|updated|"
    r"currently|printed|date|text|figures?|former|merger|before|after|since|until|year|also|plan|report)\b",
    re.IGNORECASE,
)
_VIETNAMESE_LETTER = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]")
_PROSE = re.compile(r"[A-Za-z]{2,}(?:\W+[A-Za-z]{2,}){3,}")  # four words or more
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|“[^”]*”|\([^)]*\)")  # a Vietnamese phrase quoted in English prose


def check_note_language(dataset: Dataset) -> Iterator[Problem]:
    """A plain note or period is shown on the Vietnamese page as it is, so it must be Vietnamese."""
    for fact in dataset.every_fact():
        for field in ("note", "period"):
            if _english_prose(getattr(fact.observation, field)):
                yield _at(dataset, fact, field, _NOT_VIETNAMESE.format(field=field))
    for source in dataset.sources.values():
        path, index = dataset.source_files[source.id]
        for field in ("note", "period"):
            if _english_prose(getattr(source, field)):
                line, column = dataset.loaded[path].where(("sources", index, field))
                yield Problem(path, line, column, _NOT_VIETNAMESE.format(field=field))


_NOT_VIETNAMESE = (
    "this {field} looks English, and a plain {field} is shown on the Vietnamese page as it is; write it as "
    "`{field}:` with a `vi:` line and an `en:` line below it"
)


def _english_prose(note: object) -> bool:
    if not isinstance(note, str):
        return False
    if len(set(word.lower() for word in _ENGLISH_WORDS.findall(note))) >= 2:
        return True
    prose = _QUOTED.sub(" ", note)
    return bool(_PROSE.search(prose)) and not _VIETNAMESE_LETTER.search(prose)


RULES = (
    check_province_files,
    check_references,
    check_kind_and_dates,
    check_values,
    check_fraction_matches_percent,
    check_parts_add_up,
    check_conflicts,
    check_quotes,
    check_territory,
    check_sources,
    check_registry,
    check_duplicate_source_ids,
    check_table_rows,
    check_ranking_base,
    check_invisible_characters,
    check_registry_definitions,
    check_source_dates,
    check_note_language,
    check_qualifier_words,
)


def check_dataset(dataset: Dataset) -> list[Problem]:
    """Every problem in the dataset (shape and rules), sorted by file and line."""
    problems = list(dataset.problems)
    for rule in RULES:
        problems.extend(rule(dataset))
    return sorted(set(problems))
