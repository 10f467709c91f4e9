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

from .dataset import Dataset, Fact
from .load import Problem
from .model import as_of_bounds
from .numbers import NUMBER_PATTERN, decimals_of, format_number, numbers_in_text, text_states
from .territory import MERGER_DATE

_QUALIFIER_WORDS = {
    "about": ("khoảng", "tương đương", "xấp xỉ", "chừng"),
    "at_least": ("tối thiểu", "ít nhất", "trở lên", "từ"),
    "more_than": ("hơn", "trên", "vượt"),
    "nearly": ("gần", "xấp xỉ"),
    "at_most": ("tối đa", "dưới", "không quá", "trong", "top"),
}
_NON_NEGATIVE_UNITS = {"count", "km", "Mbps", "VND", "per_person", "score", "level"}


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
    for fact in dataset.facts:
        obs = fact.observation
        indicator = dataset.indicators.get(obs.indicator)
        if indicator is None:
            yield _at(
                dataset,
                fact,
                "indicator",
                f"unknown indicator '{obs.indicator}'.{_suggest(obs.indicator, dataset.indicators)} "
                "Add it to data/indicators.yaml first",
            )
        elif obs.unit != indicator.unit:
            yield _at(
                dataset,
                fact,
                "unit",
                f"the unit of '{indicator.id}' is '{indicator.unit}', not '{obs.unit}'; "
                "convert the value or choose another indicator",
            )
        if obs.source not in dataset.sources:
            yield _at(
                dataset,
                fact,
                "source",
                f"unknown source '{obs.source}'.{_suggest(obs.source, dataset.sources)} "
                "Add it to data/sources.yaml first",
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


def check_kind_and_dates(dataset: Dataset) -> Iterator[Problem]:
    """Actuals say when; targets say by when; nothing actual lies in the future."""
    now = today()
    for fact in dataset.facts:
        obs = fact.observation
        if obs.kind == "actual":
            if obs.target_year is not None:
                yield _at(
                    dataset, fact, "target_year", "an actual figure has no target_year; use as_of, or set kind: target"
                )
            if obs.as_of is None and obs.period is None:
                yield _at(
                    dataset,
                    fact,
                    None,
                    "an actual figure needs as_of (2024, 2025-05 or 2025-05-31), or, when "
                    "the text gives no date, period: with the text's own words ('đến nay')",
                )
            if obs.as_of is not None and as_of_bounds(obs.as_of)[0] > now:
                yield _at(
                    dataset,
                    fact,
                    "as_of",
                    f"as_of {obs.as_of} is in the future; an actual figure cannot be "
                    "dated after today (is it a target?)",
                )
        else:
            if obs.as_of is not None:
                yield _at(dataset, fact, "as_of", "a target has no as_of; write the year to reach it as target_year")
            if obs.target_year is None:
                yield _at(
                    dataset,
                    fact,
                    None,
                    "this target has no target_year; fine when the text gives none, "
                    "but say what it does give in period:",
                    "warning",
                )
            source = dataset.sources.get(obs.source)
            if obs.target_year is not None and source and source.published and obs.target_year < source.published.year:
                yield _at(
                    dataset,
                    fact,
                    "target_year",
                    f"target_year {obs.target_year} is before the source was "
                    f"published ({source.published.isoformat()}); a target looks forward",
                )


def check_values(dataset: Dataset) -> Iterator[Problem]:
    """Values exist and are possible for their unit."""
    for fact in dataset.facts:
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
    """Each number is possible for its unit: percents in 0–100, no negative counts, whole counts."""
    obs = fact.observation
    for name in ("value", "low", "high", "numerator", "denominator"):
        number = getattr(obs, name)
        if number is None:
            continue
        if obs.unit == "percent" and name in ("value", "low", "high") and not 0 <= number <= 100:
            yield _at(dataset, fact, name, f"{name} {number} is outside 0–100 for a percent; store 92% as 92")
        elif obs.unit in _NON_NEGATIVE_UNITS and number < 0:
            yield _at(dataset, fact, name, f"{name} {number} is negative; a {obs.unit} cannot be")
        elif name in ("numerator", "denominator") and number < 0:
            yield _at(dataset, fact, name, f"{name} {number} is negative")
        elif obs.unit == "count" and name == "value" and not float(number).is_integer():
            yield _at(
                dataset, fact, name, f"a count must be a whole number, not {number} (1.655 means 1655: write 1655)"
            )


def _rank_and_fraction_problems(dataset: Dataset, fact: Fact) -> Iterator[Problem]:
    """A rank lies within the ranked; a numerator does not exceed its (non-zero) denominator."""
    obs = fact.observation
    if obs.unit == "rank" and obs.value is not None:
        if obs.value < 1:
            yield _at(dataset, fact, "value", "a rank starts at 1")
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
    for fact in dataset.facts:
        obs = fact.observation
        if obs.unit != "percent" or obs.value is None or obs.numerator is None or not obs.denominator:
            continue
        computed = 100 * obs.numerator / obs.denominator
        tolerance = 0.5 * 10 ** -decimals_of(obs.value) + 1e-9
        if obs.qualifier != "exact":
            tolerance = max(tolerance, 1.0)
        if abs(computed - obs.value) > tolerance:
            yield _at(
                dataset,
                fact,
                "value",
                f"value {obs.value}% disagrees with {obs.numerator}/{obs.denominator} = "
                f"{computed:.2f}%; check both against the source",
            )


def check_parts_add_up(dataset: Dataset) -> Iterator[Problem]:
    """Parts an indicator lists (2G+3G+4G+5G) add up to the total stated beside them."""
    groups: dict[tuple, dict[str, Fact]] = defaultdict(dict)
    for fact in dataset.facts:
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
    for fact in dataset.facts:
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


def check_quotes(dataset: Dataset) -> Iterator[Problem]:
    """The verbatim quote states every number typed in, as the source wrote it."""
    for fact in dataset.facts:
        obs = fact.observation
        for name in ("value", "numerator", "denominator", "low", "high"):
            number = getattr(obs, name)
            if number is None or text_states(obs.quote, number):
                continue
            hint = " (Vietnamese writes 1.655 for 1655 and 99,6 for 99.6)" if name == "value" else ""
            written = format_number(number, "vi", decimals_of(number))  # as typed, not rounded to 2 decimals
            yield _at(
                dataset,
                fact,
                name,
                f"the quote does not contain {name} {written}{hint}; "
                "copy the quote exactly from the source, or correct the number",
            )
        spoken = (
            qualifier_before(obs.quote, fact.value) if obs.qualifier == "exact" and not fact.value_computed else None
        )
        if spoken:
            yield _at(
                dataset,
                fact,
                "qualifier",
                f"the quote says '{spoken[0]}' before the figure, but qualifier is exact; write qualifier: {spoken[1]}",
                "warning",
            )
        words = _QUALIFIER_WORDS.get(obs.qualifier)
        if words and not any(word in obs.quote.lower() for word in words):
            yield _at(
                dataset,
                fact,
                "qualifier",
                f"qualifier '{obs.qualifier}' but the quote has none of: {', '.join(words)}; check the qualifier",
                "warning",
            )


_WORD_BEFORE = (
    ("gần", "nearly"),
    ("hơn", "more_than"),
    ("trên", "more_than"),
    ("khoảng", "about"),
    ("xấp xỉ", "about"),
    ("tối thiểu", "at_least"),
    ("ít nhất", "at_least"),
    ("tối đa", "at_most"),
)


def qualifier_before(quote: str, value: float | None) -> tuple[str, str] | None:
    """The qualifier word written right before ``value`` in the quote ("gần 390.000"), with its qualifier."""
    if value is None:
        return None
    for match in NUMBER_PATTERN.finditer(quote):
        if not any(abs(number - value) < 1e-9 for number in numbers_in_text(match.group(0))):
            continue
        before = quote[: match.start()].rstrip().lower()
        for word, qualifier in _WORD_BEFORE:
            if before.endswith(word):
                return word, qualifier
    return None


def check_territory(dataset: Dataset) -> Iterator[Problem]:
    """Every figure resolves to one territory, so no chart joins two silently."""
    for fact in dataset.facts:
        unit = dataset.provinces.get(fact.province)
        if unit is None or fact.territory is not None:
            continue
        obs = fact.observation
        if obs.territory is not None:
            yield _at(
                dataset,
                fact,
                "territory",
                f"territory '{obs.territory}' is not one of: {', '.join(unit.territory_labels())}",
            )
        else:
            yield _at(
                dataset,
                fact,
                None,
                f"cannot tell whether this figure covers the former or the current "
                f"{unit.name} (merged on {MERGER_DATE.isoformat()}); add territory: former or territory: current",
            )


def check_sources(dataset: Dataset) -> Iterator[Problem]:
    """Sources say who and where; a missing author or address is worth a warning."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("sources.yaml")), None)
    if loaded is None:
        return
    used = {fact.observation.source for fact in dataset.facts}
    for index, source in enumerate(dataset.sources.values()):
        line, column = loaded.where(("sources", index))
        if source.author is None:
            yield Problem(
                loaded.path, line, column, f"source '{source.id}' has no author (fine if none is printed)", "warning"
            )
        if source.url is None:
            yield Problem(
                loaded.path, line, column, f"source '{source.id}' has no address; readers cannot check it", "warning"
            )
        if source.published is None and source.period is None:
            yield Problem(
                loaded.path,
                line,
                column,
                f"source '{source.id}' has neither published: nor period:; say what the text tells of its date",
                "warning",
            )
        if source.id not in used:
            yield Problem(loaded.path, line, column, f"source '{source.id}' is not used by any figure", "warning")


def check_registry(dataset: Dataset) -> Iterator[Problem]:
    """Ids are unique, parts exist, and every indicator is used."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("indicators.yaml")), None)
    if loaded is None:
        return
    used = {fact.indicator for fact in dataset.facts}
    seen: set[str] = set()
    for index, indicator in enumerate(loaded.data.get("indicators", []) if isinstance(loaded.data, dict) else []):
        ident = indicator.get("id") if isinstance(indicator, dict) else None
        ident = ident if isinstance(ident, str) else None  # a list as id is a shape error, reported already
        line, column = loaded.where(("indicators", index))
        if ident in seen:
            yield Problem(loaded.path, line, column, f"the indicator id '{ident}' is defined twice; ids must be unique")
        seen.add(ident)
    for index, indicator in enumerate(dataset.indicators.values()):
        line, column = loaded.where(("indicators", index))
        for part in indicator.parts:
            if part not in dataset.indicators:
                yield Problem(
                    loaded.path, line, column, f"'{indicator.id}' lists part '{part}', which is not an indicator"
                )
        if indicator.id not in used:
            yield Problem(loaded.path, line, column, f"indicator '{indicator.id}' has no figure yet", "warning")


def check_duplicate_source_ids(dataset: Dataset) -> Iterator[Problem]:
    """Two sources with one id would make every citation ambiguous."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("sources.yaml")), None)
    if loaded is None or not isinstance(loaded.data, dict):
        return
    seen: set = set()
    for index, source in enumerate(loaded.data.get("sources") or []):
        ident = source.get("id") if isinstance(source, dict) else None
        ident = ident if isinstance(ident, str) else None  # a list as id is a shape error, reported already
        if ident in seen:
            line, column = loaded.where(("sources", index, "id"))
            yield Problem(loaded.path, line, column, f"the source id '{ident}' is used twice; ids must be unique")
        seen.add(ident)


def check_registry_definitions(dataset: Dataset) -> Iterator[Problem]:
    """Each pillar and scope is defined once, and every indicator's pillar is defined: a second
    definition would silently replace the first, and a missing pillar would hide its indicators."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("indicators.yaml")), None)
    if loaded is None or not isinstance(loaded.data, dict):
        return
    for group, what in (("pillars", "pillar"), ("scopes", "scope")):
        first: dict[object, int] = {}
        for index, entry in enumerate(loaded.data.get(group) or []):
            ident = entry.get("id") if isinstance(entry, dict) else None
            line, column = loaded.where((group, index, "id"))
            if not isinstance(ident, str):
                continue
            if ident in first:
                yield Problem(
                    loaded.path,
                    line,
                    column,
                    f"the {what} id '{ident}' is defined twice (first on line {first[ident]}); keep one definition",
                )
            first.setdefault(ident, line)
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


def check_source_dates(dataset: Dataset) -> Iterator[Problem]:
    """No source is published after today (9999-12-31 is a typo, and would date its figures there)."""
    loaded = next((item for key, item in dataset.loaded.items() if key.endswith("sources.yaml")), None)
    if loaded is None or not isinstance(loaded.data, dict):
        return
    now = today()
    for index, entry in enumerate(loaded.data.get("sources") or []):
        ident = entry.get("id") if isinstance(entry, dict) else None
        source = dataset.sources.get(ident) if isinstance(ident, str) else None
        if source is not None and source.published is not None and source.published > now:
            line, column = loaded.where(("sources", index, "published"))
            yield Problem(
                loaded.path,
                line,
                column,
                f"source '{source.id}' is dated {source.published.isoformat()}, after today; "
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
    check_invisible_characters,
    check_registry_definitions,
    check_source_dates,
)


def check_dataset(dataset: Dataset) -> list[Problem]:
    """Every problem in the dataset (shape and rules), sorted by file and line."""
    problems = list(dataset.problems)
    for rule in RULES:
        problems.extend(rule(dataset))
    return sorted(set(problems))
