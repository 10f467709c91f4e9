"""The tidy table of every observation, as CSV and JSON, with a Frictionless data package.

One row per figure, columns in a fixed order, rows in a fixed order, no timestamps:
the same data always gives the same bytes. Text cells that a spreadsheet would run as a
formula (starting with = + - @ or a tab) are prefixed with an apostrophe in the CSV.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from .dataset import Dataset, Fact
from .output import write_output
from .wording import note_text

COLUMNS: tuple[tuple[str, str, str], ...] = (
    # name, Frictionless type, description
    ("province", "string", "Province slug (file name in data/provinces/)."),
    ("province_name", "string", "Official Vietnamese name of the current province."),
    ("province_code", "string", "Official two-digit code of the current province."),
    ("indicator", "string", "Indicator id (see indicators.json)."),
    ("pillar", "string", "Pillar the indicator belongs to."),
    ("value", "number", "The figure: as the source states it, or computed from numerator/denominator."),
    ("value_computed", "boolean", "true when value was computed from numerator/denominator, not printed."),
    ("unit", "string", "percent (0-100), count, km, Mbps, VND, rank, score, per_person or level."),
    ("qualifier", "string", "exact, about, at_least, more_than, nearly or at_most."),
    ("numerator", "number", "The a of an a/b the source gives."),
    ("denominator", "number", "The b of an a/b; for a rank, how many were ranked."),
    ("low", "number", "Lower end of a range."),
    ("high", "number", "Upper end of a range."),
    ("kind", "string", "actual, target, forecast or change."),
    ("as_of", "string", "For actuals: the date at the source's precision (YYYY, YYYY-MM or YYYY-MM-DD)."),
    ("target_year", "integer", "For targets: the year to reach it by."),
    ("period", "string", "The source's own words for the period, where they matter (in Vietnamese)."),
    ("period_en", "string", "The same in English (empty when written in Vietnamese only)."),
    ("territory", "string", "Territory covered: '<unit>-<code>' of the former or current unit."),
    ("territory_name", "string", "Name of that territory."),
    ("territory_current", "boolean", "true when the territory is the province as it has been since {merged_on}."),
    ("scope", "string", "Scope id when the figure covers less than the province."),
    ("subject", "string", "province, national, or another province's slug for a comparison figure."),
    ("source", "string", "Source id (see sources.json)."),
    ("source_url", "string", "Address of the source."),
    ("quote", "string", "Shortest verbatim phrase of the source stating the figure."),
    ("note", "string", "Editor's note, in Vietnamese."),
    ("note_en", "string", "Editor's note, in English (empty when the note is written in Vietnamese only)."),
)
COLUMN_NAMES = tuple(name for name, _, _ in COLUMNS)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def fact_row(dataset: Dataset, fact: Fact) -> dict[str, object]:
    """One figure as the downloads (and the JSON API, scorecard/api.py) export it: the columns of COLUMNS.
    Worked out once per figure (the CSV, the JSON and the API all ask); each caller gets its own copy."""
    return dict(fact.remembered("row", lambda: _fact_row(dataset, fact)))


def _fact_row(dataset: Dataset, fact: Fact) -> dict[str, object]:
    obs = fact.observation
    unit = dataset.provinces.get(fact.province)
    indicator = dataset.indicators.get(obs.indicator)
    source = dataset.sources.get(obs.source)
    return {
        "province": fact.province,
        "province_name": unit.name if unit else None,
        "province_code": unit.code if unit else None,
        "indicator": obs.indicator,
        "pillar": indicator.pillar if indicator else None,
        "value": fact.value,
        "value_computed": fact.value_computed,
        "unit": obs.unit,
        "qualifier": obs.qualifier,
        "numerator": obs.numerator,
        "denominator": obs.denominator,
        "low": obs.low,
        "high": obs.high,
        "kind": obs.kind,
        "as_of": None if obs.as_of is None else str(obs.as_of),
        "target_year": obs.target_year,
        **_two_columns("period", obs.period),
        "territory": fact.territory.id if fact.territory else None,
        "territory_name": fact.territory.name if fact.territory else None,
        "territory_current": fact.territory.current if fact.territory else None,
        "scope": obs.scope,
        "subject": obs.subject,
        "source": obs.source,
        "source_url": source.url if source else None,
        "quote": obs.quote,
        **_two_columns("note", obs.note),
    }


def _two_columns(name: str, text: object) -> dict[str, str | None]:
    """A note or a period as two columns: Vietnamese (a plain text is Vietnamese) and ``<name>_en``."""
    vi, en = note_text(text, "vi"), note_text(text, "en")
    return {name: vi[0] if vi else None, f"{name}_en": en[0] if en and en[1] == "en" else None}


def rows(dataset: Dataset) -> list[dict[str, object]]:
    """Every observation as a flat row, in province-code then file order."""
    return [fact_row(dataset, fact) for fact in dataset.facts]


def csv_cell(value: object) -> str:
    """A CSV cell: plain numbers, true/false, and no text a spreadsheet would run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() else repr(round(value, 6))
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(dataset: Dataset) -> str:
    """The observations table as UTF-8 CSV text (RFC 4180, \\n line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows(dataset):
        writer.writerow([csv_cell(row[name]) for name in COLUMN_NAMES])
    return buffer.getvalue()


def json_value(value: object) -> object:
    """A cell as JSON writes it: 92.0 is 92, and a float keeps at most 6 decimals (no 0.7160000000000001)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    return value


def to_json(dataset: Dataset) -> str:
    """The observations table as a JSON array of objects (plus the version), sorted keys."""
    payload = {
        "version": dataset.release.version if dataset.release else None,
        "license": dataset.release.license if dataset.release else None,
        "observations": [{k: json_value(v) for k, v in row.items()} for row in rows(dataset)],
    }
    # compact, like the API: the largest download, read by programs (the CSV is the one to read by eye)
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def registries_json(dataset: Dataset) -> dict[str, str]:
    """indicators.json and sources.json: the registries readers need to read the table."""
    indicators = [indicator.model_dump(mode="json", exclude_none=True) for indicator in dataset.indicators.values()]
    sources = [source.model_dump(mode="json", exclude_none=True) for source in dataset.sources.values()]
    dump = lambda obj: json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"  # noqa: E731
    return {"indicators.json": dump(indicators), "sources.json": dump(sources)}


_RESOURCES = (
    # standard file name, resource name, format, media type, description
    (
        "observations.csv",
        "observations",
        "csv",
        "text/csv",
        "Every figure, one row each, with its source and verbatim quote.",
    ),
    ("observations.json", "observations-json", "json", "application/json", "The same rows as JSON."),
    ("indicators.json", "indicators", "json", "application/json", "The indicator registry."),
    ("sources.json", "sources", "json", "application/json", "The sources, with addresses."),
)


def datapackage(dataset: Dataset, files: dict[str, str], names: dict[str, str] | None = None) -> str:
    """A Frictionless Data Package (v1) describing the exported files, with sizes and hashes.

    ``names`` maps each file that is really written (by its standard name) to the name
    it is written under; only those are described, so the package never lists a file
    that is not beside it. By default every file in ``files`` is, under its own name.
    """
    names = names or {name: name for name in files}
    resources = []
    for standard, name, fmt, media, description in _RESOURCES:
        if standard not in names:
            continue
        resource = file_resource(name, names[standard], files[standard], fmt, media, description)
        if standard == "observations.csv":
            resource |= {
                "profile": "tabular-data-resource",
                "schema": {"fields": _fields(dataset)},
                "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
            }
        resources.append(resource)
    return package_text(dataset, "vietnam-provincial-digital-scorecard", resources)


def file_resource(name: str, path: str, text: str, fmt: str, media: str, description: str) -> dict:
    """One file of a data package: where it is, its size and sha256, so a reader can check the copy."""
    body = text.encode("utf-8")
    return {
        "name": name,
        "path": path,
        "format": fmt,
        "mediatype": media,
        "encoding": "utf-8",
        "bytes": len(body),
        "hash": "sha256:" + hashlib.sha256(body).hexdigest(),
        "description": description,
    }


def package_text(dataset: Dataset, name: str, resources: list[dict], title_suffix: str = "") -> str:
    """A data package's descriptor: release, licence and authors from data/release.yaml, then ``resources``."""
    release = dataset.release
    title = release.title["en"] if release else "Vietnam Provincial Digital Transformation Scorecard"
    package = {
        "profile": "data-package",
        "name": name,
        "title": title + title_suffix,
        "version": release.version if release else None,
        # the release date as data/release.yaml has it; not "created", which the standard wants as a
        # date and time of day, and no time of day is known
        "released": release.released.isoformat() if release else None,
        "licenses": [
            {
                "name": release.license,
                "path": release.license_url,
                "title": release.license_title or release.license_name or release.license,
            }
        ]
        if release
        else [],
        "contributors": [{"title": release.authors, "role": "author"}] if release else [],
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _fields(dataset: Dataset) -> list[dict]:
    """The table schema's fields; the merger day in a description is data/former-units.yaml's."""
    day = dataset.reorg.merged_on.isoformat() if dataset.reorg else "?"
    return [{"name": n, "type": k, "description": d.replace("{merged_on}", day)} for n, k, d in COLUMNS]


def export_files(dataset: Dataset) -> dict[str, str]:
    """Every download, by file name: CSV, JSON, the registries and datapackage.json."""
    files = {"observations.csv": to_csv(dataset), "observations.json": to_json(dataset), **registries_json(dataset)}
    files["datapackage.json"] = datapackage(dataset, files)
    return files


def write_files(files: dict[str, str], out_dir: Path) -> None:
    """Write ``files`` into ``out_dir`` (created if needed), leaving unchanged files alone."""
    for name, text in files.items():
        write_output(out_dir / name, text.encode("utf-8"), out_dir)  # a link there is replaced, not written through
