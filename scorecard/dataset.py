"""Read the whole ``data/`` tree into one in-memory :class:`Dataset`, collecting every problem.

This is the only module that opens data files. It reads each one with the strict
loader, validates it against the models, and turns pydantic's errors into one plain
sentence per problem at the exact line. Nothing here writes to ``data/``.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictBool, ValidationError, field_validator, model_validator

from .load import DATA_SUFFIXES, DataFileError, Loaded, PathKey, Problem, load_data_file, read_data_file, shown_path
from .model import (
    Indicator,
    IndicatorsFile,
    LongText,
    NationalFile,
    Observation,
    Pillar,
    ProvinceFile,
    Scope,
    ShortText,
    Source,
    SourcesFile,
    Strict,
    TableFile,
    TableObservation,
    Unit,
    UnitsFile,
    VocabularyFile,
    http_address,
    plausible_year,
)
from .territory import (
    ProvinceUnit,
    Reorganisation,
    Territory,
    build_registry,
    official_units,
    resolve_territory,
)

Address = Annotated[str, Field(max_length=500)]
UnitCode = Annotated[str, Field(pattern=r"^[0-9]{2}$")]


class Release(Strict):
    """data/release.yaml: which version of the data this is, and when it was released.

    Every field reaches every page (the citation) and datapackage.json, so each is bounded
    (900 KB of authors once made a 404 MB site), addresses are http(s) only, the date is
    written as a date (``released: 0`` is not 1970-01-01), and the title has both languages.
    """

    version: Annotated[str, Field(max_length=20)]
    released: date
    title: dict[Literal["vi", "en"], ShortText]
    license: Annotated[str, Field(min_length=1, max_length=100)]  # the SPDX identifier, for datapackage.json
    license_url: Address
    license_name: ShortText | None = None  # as readers know it ("CC BY 4.0"); pages and citations print it
    license_title: ShortText | None = None  # in full ("Creative Commons Attribution 4.0"), for datapackage.json
    authors: LongText
    previous_revision: Annotated[str, Field(pattern=r"^[0-9a-f]{7,40}$")] | None = None  # commit of the last release
    site_url: Address | None = None  # the published address; CI sets it when it is known
    repository_url: Address | None = None

    @field_validator("version")
    @classmethod
    def _version_shape(cls, version: str) -> str:
        if not re.fullmatch(r"[0-9]{4}\.(?:0[1-9]|1[0-2])(?:\.[1-9][0-9]?)?", version):
            raise ValueError("write the version as YYYY.MM, or YYYY.MM.N for a second release in a month (2026.11)")
        return version

    @field_validator("released", mode="before")
    @classmethod
    def _iso_date(cls, text: object) -> date:
        if not isinstance(text, str) or len(text) != 10:
            raise ValueError('write the date as YYYY-MM-DD in quotes, e.g. "2026-11-22"')
        released = date.fromisoformat(text)
        plausible_year(released.year)
        return released

    @field_validator("title")
    @classmethod
    def _both_languages(cls, title: dict[str, str]) -> dict[str, str]:
        missing = [lang for lang in ("vi", "en") if lang not in title]
        if missing:
            raise ValueError(f"the title needs both vi: and en:; add {' and '.join(f'{m}:' for m in missing)}")
        return title

    @field_validator("license_url", "site_url", "repository_url")
    @classmethod
    def _http_only(cls, url: str | None) -> str | None:
        return http_address(url)


class FormerUnit(Strict):
    """One of the 63 former units, as data/former-units.yaml lists it."""

    name: ShortText
    code: UnitCode


class CurrentUnitEntry(Strict):
    """What a current unit was made of: unchanged, or its former units."""

    unchanged: StrictBool = False
    former_units: list[FormerUnit] = Field(default_factory=list)
    former_name: ShortText | None = None  # a note: what the unit was called before (Thừa Thiên Huế)

    @model_validator(mode="after")
    def _one_of_the_two(self) -> CurrentUnitEntry:
        if self.unchanged == bool(self.former_units):
            raise ValueError("write either unchanged: true or its former_units:, one of the two")
        return self


class FormerUnitsFile(Strict):
    """data/former-units.yaml: the former units each of the 34 current units absorbed in 2025."""

    merged_on: date = Field(description="The day the current units began (YYYY-MM-DD).")
    resolution: ShortText | None = None
    current_units: dict[UnitCode, CurrentUnitEntry]

    @field_validator("merged_on", mode="before")
    @classmethod
    def _iso_day(cls, text: object) -> date:
        if not isinstance(text, str) or len(text) != 10:
            raise ValueError('write the day as YYYY-MM-DD in quotes, e.g. "2025-07-01"')
        return date.fromisoformat(text)


NATIONAL = "national"  # the ``province`` of a country-wide fact (data/national.yaml)


@dataclass(frozen=True)
class Fact:
    """One observation placed in context: its province, resolved territory and file position."""

    province: str  # the current province's slug, or NATIONAL for the country's own figures
    observation: Observation
    value: float | None  # as stated, or computed from numerator/denominator for a percent
    value_computed: bool
    territory: Territory | None
    file: str
    index: int
    line: int

    @property
    def indicator(self) -> str:
        return self.observation.indicator

    @property
    def is_national(self) -> bool:
        return self.province == NATIONAL

    def remembered(self, key: object, make):
        """``make()``, worked out once for this figure and kept on it: its id, its text in each language and
        its place in time are asked for by every row, link, card, chart and API file that shows it (at 20,000
        figures, hundreds of thousands of times). A Fact is frozen and is always read with the dataset it was
        loaded into, so what it was made from cannot change; the memo is no field (equality never sees it)."""
        memo = self.__dict__.setdefault("_memo", {})
        if key not in memo:
            memo[key] = make()
        return memo[key]

    def forget(self) -> None:
        """Drop what :meth:`remembered` kept: for the one place that changes a loaded dataset's words
        (diff.py, an old version read with the new version's qualifiers)."""
        self.__dict__.pop("_memo", None)


@dataclass
class Dataset:
    """Everything the site is built from, already checked for shape."""

    data_dir: Path
    release: Release | None
    pillars: dict
    scopes: dict
    indicators: dict
    sources: dict
    provinces: dict[str, ProvinceUnit]
    units: dict[str, Unit] = field(default_factory=dict)
    vocabulary: VocabularyFile = field(default_factory=VocabularyFile)
    reorg: Reorganisation | None = None  # when the 34 units began (data/former-units.yaml)
    province_files: dict[str, ProvinceFile] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)  # the provinces' figures (province files and tables)
    national_facts: list[Fact] = field(default_factory=list)  # the country's own (data/national.yaml)
    source_files: dict[str, tuple[str, int]] = field(default_factory=dict)  # id → (file, index) where defined
    broken_ids: set[str] = field(default_factory=set)  # ids of records refused for their shape
    loaded: dict[str, Loaded] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    tilemap: object | None = None  # the tile map's layout (data/tilemap.yaml), a scorecard.tilemap.TileLayout
    # what is worked out from the figures once and asked for often (see derive)
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def derive(self, name: object, make):
        """``make()``, worked out once and remembered under ``name`` and the number of figures and sources,
        so a figure added later is never answered from memory. The pages, the map, the cards and every
        ranking ask for the same indexes and rankings tens of thousands of times."""
        key = (name, len(self.facts), len(self.national_facts), len(self.sources))
        if key not in self.derived:
            self.derived[key] = make()
        return self.derived[key]

    def facts_for(self, province_slug: str, indicator_id: str | None = None) -> list[Fact]:
        """A province's figures (all of them, or one indicator's), in the order of the data."""
        if indicator_id is None:
            by_province = self.derive("by province", lambda: group_facts(self.facts, lambda f: f.province))
            return list(by_province.get(province_slug, ()))
        by_pair = self.derive("by province and indicator", lambda: group_facts(self.facts, _province_indicator))
        return list(by_pair.get((province_slug, indicator_id), ()))

    def facts_of(self, indicator_id: str) -> list[Fact]:
        """The provinces' figures of one indicator, in the order of the data."""
        by_indicator = self.derive("by indicator", lambda: group_facts(self.facts, lambda f: f.indicator))
        return list(by_indicator.get(indicator_id, ()))

    def facts_from(self, source_id: str) -> list[Fact]:
        """The figures (the provinces' and the country's) taken from one source, in the order of the data."""
        by_source = self.derive("by source", lambda: group_facts(self.every_fact(), lambda f: f.observation.source))
        return list(by_source.get(source_id, ()))

    def every_fact(self) -> list[Fact]:
        """The provinces' and the country's figures, for the rules that apply to both."""
        return [*self.facts, *self.national_facts]

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def group_facts(facts: list[Fact], key) -> dict:
    """The figures by ``key(fact)``, each group in the order of the data (a repeated figure is kept)."""
    groups: dict = {}
    for fact in facts:
        groups.setdefault(key(fact), []).append(fact)
    return groups


def _province_indicator(fact: Fact) -> tuple[str, str]:
    return fact.province, fact.indicator


# ---------------------------------------------------------------- pydantic → plain words

_TYPE_WORDS = {
    "int_type": "a whole number",
    "float_type": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a block of 'key: value' lines",
    "dict_type": "a block of 'key: value' lines",
    "date_type": "a date (YYYY-MM-DD)",
    "none_required": "nothing",
}


def _data_path(data: object, loc: tuple) -> tuple[PathKey, list]:
    """Split pydantic's ``loc`` into the part that exists in the data and the rest."""
    path: list = []
    current = data
    rest = list(loc)
    while rest:
        key = rest[0]
        if isinstance(current, dict) and isinstance(key, str) and key in current:
            current = current[key]
        elif isinstance(current, list) and isinstance(key, int) and 0 <= key < len(current):
            current = current[key]
        else:
            break
        path.append(rest.pop(0))
    return tuple(path), rest


def _describe(error: dict, data_path: PathKey, rest: list, model: type[BaseModel] | None) -> str:
    kind = error["type"]
    field_name = str(data_path[-1]) if data_path else "the file"
    value = error.get("input")
    if kind == "missing":
        missing = rest[0] if rest else field_name
        return f"the field '{missing}' is missing; add it (see the field guide in CONTRIBUTING.md)"
    if kind == "extra_forbidden":
        allowed = list(model.model_fields) if model else []
        close = difflib.get_close_matches(field_name, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(allowed)}"
        return f"unknown field '{field_name}'; {hint}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"'{value}' is not allowed for '{field_name}'; use one of: {expected}"
    if kind in _TYPE_WORDS:
        shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
        hint = ""
        if isinstance(value, str) and _looks_numeric(value):  # "99,6" has no quotes to remove: say how to write it
            hint = (
                " (in YAML write 99,6 as 99.6 and 1.655 as 1655, without quotes)"
                if "," in value
                else " (remove the quotes around the number)"
            )
        return f"'{field_name}' must be {_TYPE_WORDS[kind]}, not {shown}{hint}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is not a valid {field_name}; use lower-case ASCII letters, digits and "
            f"{'-' if field_name in ('id', 'source') else '_'} only"
        )
    if kind == "string_too_long":
        return f"'{field_name}' is too long ({len(str(value))} characters, at most {error['ctx']['max_length']})"
    if kind == "string_too_short":
        return f"'{field_name}' is empty; write the text or remove the field"
    if kind == "value_error":
        return f"'{field_name}': {error['msg'].removeprefix('Value error, ')}"
    return f"'{field_name}': {error['msg']}"


def _looks_numeric(text: str) -> bool:
    return text.replace(".", "").replace(",", "").replace("-", "").strip().isdigit()


def _model_at(root: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc`` (for 'did you mean')."""
    model: type[BaseModel] | None = root
    keyed = False  # the previous field was a dict: this key is one of its own (a unit's code)
    for key in loc[:-1]:
        if model is None or isinstance(key, int) or keyed:
            keyed = False
            continue
        info = model.model_fields.get(key)
        if info is None:
            return None
        model = _inner_model(info.annotation)
        keyed = getattr(info.annotation, "__origin__", None) is dict
    return model


def _inner_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found:
            return found
    return None


def validation_problems(error: ValidationError, loaded: Loaded, root: type[BaseModel]) -> list[Problem]:
    """One problem per data position, in plain words, from a pydantic error."""
    by_path: dict[PathKey, Problem] = {}
    first_type: dict[PathKey, str] = {}
    for item in error.errors(include_url=False):
        data_path, rest = _data_path(loaded.data, item["loc"])
        if data_path in by_path and not (item["type"] == "float_type" and first_type[data_path] == "int_type"):
            continue  # a union reports each alternative; the first sentence is enough (but int|float is "a number")
        first_type.setdefault(data_path, item["type"])
        line, column = loaded.where(data_path)
        message = _describe(item, data_path, rest, _model_at(root, data_path))
        by_path[data_path] = Problem(loaded.path, line, column, message)
    return list(by_path.values())


def _validate(loaded: Loaded, root: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    if not isinstance(loaded.data, dict):
        return None, [Problem(loaded.path, 1, 1, "the file must be a block of 'key: value' lines at the top level")]
    try:
        return root.model_validate(loaded.data), []
    except ValidationError as err:
        return None, validation_problems(err, loaded, root)


# ---------------------------------------------------------------- reading the tree


def _shown(path: Path, data_dir: Path) -> str:
    return shown_path(path, data_dir)


def _read(path: Path, data_dir: Path, dataset: Dataset) -> Loaded | None:
    try:
        loaded = load_data_file(path, data_dir)
    except DataFileError as err:
        dataset.problems.append(err.problem)
        return None
    dataset.problems.extend(loaded.warnings)
    dataset.loaded[loaded.path] = loaded
    return loaded


def _read_model(path: Path, data_dir: Path, dataset: Dataset, root: type[BaseModel]):
    loaded = _read(path, data_dir, dataset)
    if loaded is None:
        return None, None
    record, problems = _validate(loaded, root)
    dataset.problems.extend(problems)
    return record, loaded


def _registry(data_dir: Path, dataset: Dataset) -> dict[str, ProvinceUnit] | None:
    """The 34 units with their former units, or None (and the problems) when former-units.yaml is not whole.

    Also sets ``dataset.reorg``: when the current units began, read from the same file.
    """
    record, loaded = _read_model(data_dir / "former-units.yaml", data_dir, dataset, FormerUnitsFile)
    if record is None:
        return None
    codes = {code: name for _, name, code in official_units()}
    line, column = loaded.where(("current_units",))
    problems = [
        Problem(loaded.path, line, column, f"current unit {code} ({name}) is missing under current_units:; add it")
        for code, name in codes.items()
        if code not in record.current_units
    ]
    problems += [
        Problem(
            loaded.path,
            *loaded.where(("current_units", code)),
            f"'{code}' is not the code of one of the 34 current units; check it",
        )
        for code in record.current_units
        if code not in codes
    ]
    dataset.problems.extend(problems)
    if problems:
        return None
    registry = build_registry(record.model_dump())
    dataset.reorg = Reorganisation(record.merged_on, len(registry))
    return registry


def _refuse_strays(data_dir: Path, dataset: Dataset) -> None:
    """Whatever else lies in data/: a link, device or folder named like a data file is refused as a read
    would refuse it, and a file that is no data file (notes.txt) is an error: only YAML belongs there."""
    for folder, folders, files in os.walk(data_dir):  # does not follow links
        for name in sorted(folders + files):
            path = Path(folder) / name
            if path.is_symlink() or (name in files and not path.is_file()):
                try:
                    read_data_file(path, data_dir)
                except DataFileError as err:
                    dataset.problems.append(err.problem)
            elif name in files and path.suffix not in DATA_SUFFIXES and path.parent != data_dir / "provinces":
                dataset.problems.append(
                    Problem(_shown(path, data_dir), 1, 1, "only YAML data files belong in data/; move this file out")
                )


def load_dataset(data_dir: Path) -> Dataset:
    """Read and shape-check every file under ``data_dir``; cross-record rules run in checks."""
    data_dir = Path(data_dir)
    dataset = Dataset(data_dir, None, {}, {}, {}, {}, {})
    _refuse_strays(data_dir, dataset)
    release, _ = _read_model(data_dir / "release.yaml", data_dir, dataset, Release)
    dataset.release = release
    registry_of_units = _registry(data_dir, dataset)
    if registry_of_units is None:
        return dataset
    dataset.provinces = registry_of_units
    units, _ = _read_model(data_dir / "units.yaml", data_dir, dataset, UnitsFile)
    if units:
        dataset.units = {u.id: u for u in units.units}
    _read_registry(data_dir / "indicators.yaml", data_dir, dataset)
    vocabulary, _ = _read_model(data_dir / "vocabulary.yaml", data_dir, dataset, VocabularyFile)
    dataset.vocabulary = vocabulary or VocabularyFile()
    for path in _source_files(data_dir):
        _read_sources(path, data_dir, dataset)
    for path in sorted((data_dir / "provinces").glob("*")):
        _read_province(path, data_dir, dataset)
    for path in sorted((data_dir / "tables").glob("*")) if (data_dir / "tables").is_dir() else ():
        _read_table(path, data_dir, dataset)
    if (data_dir / "national.yaml").exists():
        _read_national(data_dir / "national.yaml", data_dir, dataset)
    from .tilemap import read_tilemap  # here: the tile map's module builds on this one

    dataset.tilemap, problems = read_tilemap(dataset)
    dataset.problems.extend(problems)
    dataset.facts.sort(
        key=lambda fact: (
            dataset.provinces[fact.province].code if fact.province in dataset.provinces else "99",
            fact.file,
            fact.index,
        )
    )
    return dataset


def _source_files(data_dir: Path) -> list[Path]:
    """data/sources.yaml (if any) and every file of data/sources/, in name order."""
    files = [data_dir / "sources.yaml"] if (data_dir / "sources.yaml").exists() else []
    if (data_dir / "sources").is_dir():
        files.extend(sorted((data_dir / "sources").glob("*")))
    if not files:
        dataset_hint = data_dir / "sources.yaml"
        files.append(dataset_hint)  # _read_model reports it missing
    return files


def _only_yaml(path: Path, data_dir: Path, dataset: Dataset, folder: str) -> bool:
    if path.suffix in DATA_SUFFIXES:  # a .yml twin of a .yaml file is refused when it is read
        return True
    dataset.problems.append(
        Problem(_shown(path, data_dir), 1, 1, f"only .yaml files belong in data/{folder}/; move or rename this file")
    )
    return False


def _read_items(path: Path, data_dir: Path, dataset: Dataset, root: type[BaseModel], key: str, item: type[BaseModel]):
    """Read a file whose ``key:`` holds a list of records, keeping every valid record.

    A file is validated whole first; when that fails, each record is validated on its own,
    so one bad record is reported once and the others still count (a typo in one source
    must not make every figure citing the other sources 'unknown').
    """
    loaded = _read(path, data_dir, dataset)  # a missing file is reported by load_data_file, like any unreadable one
    if loaded is None:
        return None, None, []
    record, problems = _validate(loaded, root)
    if record is not None:
        return record, loaded, list(enumerate(getattr(record, key)))
    dataset.problems.extend(problems)
    items = loaded.data.get(key) if isinstance(loaded.data, dict) else None
    if not isinstance(items, list):  # 'source:' for 'sources:': the records are there, under a wrong key
        dataset.broken_ids.update(_ids_anywhere(loaded.data))
    kept = []
    for index, raw in enumerate(items if isinstance(items, list) else []):
        try:
            kept.append((index, item.model_validate(raw)))
        except ValidationError:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                dataset.broken_ids.add(raw["id"])
    return None, loaded, kept


def _ids_anywhere(data: object) -> set[str]:
    """Every ``id:`` written in a file whose records could not be read, so figures citing them are
    not also reported as citing unknown ids (the file's own error says what is wrong)."""
    if isinstance(data, dict):
        found = {data["id"]} if isinstance(data.get("id"), str) else set()
        return found.union(*(_ids_anywhere(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(_ids_anywhere(item) for item in data))
    return set()


def _read_registry(path: Path, data_dir: Path, dataset: Dataset) -> None:
    """Pillars, scopes and indicators; a malformed indicator drops itself only (see _read_items)."""
    _, loaded, kept = _read_items(path, data_dir, dataset, IndicatorsFile, "indicators", Indicator)
    dataset.indicators = {indicator.id: indicator for _, indicator in kept}
    raw = loaded.data if loaded is not None and isinstance(loaded.data, dict) else {}
    for key, model, target in (("pillars", Pillar, dataset.pillars), ("scopes", Scope, dataset.scopes)):
        for item in raw.get(key) or [] if isinstance(raw.get(key), list) else []:
            try:
                record = model.model_validate(item)
            except ValidationError:
                continue  # reported with its line by the whole-file validation
            target.setdefault(record.id, record)


def _read_sources(path: Path, data_dir: Path, dataset: Dataset) -> None:
    if path.name != "sources.yaml" and not _only_yaml(path, data_dir, dataset, "sources"):
        return
    _, loaded, kept = _read_items(path, data_dir, dataset, SourcesFile, "sources", Source)
    for index, source in kept:
        if source.id in dataset.source_files:
            continue  # check_duplicate_source_ids reports it where it is repeated
        dataset.sources[source.id] = source
        dataset.source_files[source.id] = (loaded.path, index)


def _read_province(path: Path, data_dir: Path, dataset: Dataset) -> None:
    if not _only_yaml(path, data_dir, dataset, "provinces"):
        return
    record, loaded, kept = _read_items(path, data_dir, dataset, ProvinceFile, "observations", Observation)
    if loaded is None:
        return
    slug = path.stem
    if record is not None:
        dataset.province_files[slug] = record
    elif isinstance(loaded.data, dict) and isinstance(loaded.data.get("name"), str):
        dataset.province_files[slug] = ProvinceFile.model_construct(
            name=loaded.data["name"], code=str(loaded.data.get("code")), observations=[o for _, o in kept]
        )
    for index, observation in kept:
        dataset.facts.append(_fact(dataset, slug, observation, loaded, index))


def _read_table(path: Path, data_dir: Path, dataset: Dataset) -> None:
    if not _only_yaml(path, data_dir, dataset, "tables"):
        return
    _, loaded, kept = _read_items(path, data_dir, dataset, TableFile, "observations", TableObservation)
    for index, row in kept:
        dataset.facts.append(_fact(dataset, row.province, row, loaded, index))


def _read_national(path: Path, data_dir: Path, dataset: Dataset) -> None:
    _, loaded, kept = _read_items(path, data_dir, dataset, NationalFile, "observations", Observation)
    for index, observation in kept:
        dataset.national_facts.append(_fact(dataset, NATIONAL, observation, loaded, index))


def _fact(dataset: Dataset, slug: str, observation: Observation, loaded: Loaded, index: int) -> Fact:
    """An observation in its context: the value it states (or its fraction computes) and its territory."""
    value, computed = observation.value, False
    if (
        value is None
        and observation.unit == "percent"
        and observation.numerator is not None
        and observation.denominator
    ):
        value, computed = 100 * observation.numerator / observation.denominator, True
    unit = dataset.provinces.get(slug)
    source = dataset.sources.get(observation.source)
    territory = resolve_territory(unit, observation, source, dataset.reorg) if unit else None
    line, _ = loaded.where(("observations", index))
    return Fact(slug, observation, value, computed, territory, loaded.path, index, line)
