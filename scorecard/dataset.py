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
    IndicatorsFile,
    LongText,
    Observation,
    ProvinceFile,
    ShortText,
    SourcesFile,
    Strict,
    http_address,
    plausible_year,
)
from .territory import ProvinceUnit, Territory, build_registry, official_units, resolve_territory

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
    license: Annotated[str, Field(min_length=1, max_length=100)]
    license_url: Address
    authors: LongText
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

    merged_on: ShortText | None = None
    resolution: ShortText | None = None
    current_units: dict[UnitCode, CurrentUnitEntry]


@dataclass(frozen=True)
class Fact:
    """One observation placed in context: its province, resolved territory and file position."""

    province: str
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
    province_files: dict[str, ProvinceFile] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    loaded: dict[str, Loaded] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def facts_for(self, province_slug: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.province == province_slug]

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


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
    """The 34 units with their former units, or None (and the problems) when former-units.yaml is not whole."""
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
    return None if problems else build_registry(record.model_dump())


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
    registry, _ = _read_model(data_dir / "indicators.yaml", data_dir, dataset, IndicatorsFile)
    if registry:
        dataset.pillars = {p.id: p for p in registry.pillars}
        dataset.scopes = {s.id: s for s in registry.scopes}
        dataset.indicators = {i.id: i for i in registry.indicators}
    sources, _ = _read_model(data_dir / "sources.yaml", data_dir, dataset, SourcesFile)
    if sources:
        dataset.sources = {s.id: s for s in sources.sources}
    for path in sorted((data_dir / "provinces").glob("*")):
        _read_province(path, data_dir, dataset)
    dataset.facts.sort(
        key=lambda fact: (
            dataset.provinces[fact.province].code if fact.province in dataset.provinces else "99",
            fact.index,
        )
    )
    return dataset


def _read_province(path: Path, data_dir: Path, dataset: Dataset) -> None:
    if path.suffix not in DATA_SUFFIXES:
        dataset.problems.append(
            Problem(
                _shown(path, data_dir), 1, 1, "only .yaml files belong in data/provinces/; move or rename this file"
            )
        )
        return
    record, loaded = _read_model(path, data_dir, dataset, ProvinceFile)
    if record is None:
        return
    slug = path.stem
    dataset.province_files[slug] = record
    unit = dataset.provinces.get(slug)
    for index, observation in enumerate(record.observations):
        value, computed = observation.value, False
        if (
            value is None
            and observation.unit == "percent"
            and observation.numerator is not None
            and observation.denominator
        ):
            value, computed = 100 * observation.numerator / observation.denominator, True
        territory = resolve_territory(unit, observation, dataset.sources.get(observation.source)) if unit else None
        line, _ = loaded.where(("observations", index))
        dataset.facts.append(Fact(slug, observation, value, computed, territory, loaded.path, index, line))
