"""The static JSON API: one file per province, per indicator, the national figures and an index.

Written by the build into ``docs/api/v1/``, so each published version of the site carries
the API of its own data (``/2026.12/api/v1/provinces/lao-cai.json``) and a citation never
changes under a reader. A figure is exported one way only: its fields are the download's row
(:func:`export.fact_row`) plus what a row has no column for (its id, ``since``, the source's
title, how it reads in both languages). "Latest" is :func:`wording.latest_actual` and a
ranking's provinces are :func:`charts.ranking_cohort`, the rules the pages and charts use.

Every file names its JSON Schema (draft 2020-12, ``scorecard/api_schema/``, published in
``schema/`` beside the files) and ``datapackage.json`` describes every file with its size
and sha256. Same data, same bytes: keys sorted, lists in registry or file order.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from . import wording
from .dataset import Dataset, Fact
from .export import fact_row, file_resource, json_value, package_text
from .i18n import LANGS, t
from .ids import fact_id
from .ranking import ranking as rank_provinces

API_VERSION = "v1"
API_DIR = f"api/{API_VERSION}"  # inside docs/, so every mike version has its own copy
SCHEMA_DIR = Path(__file__).parent / "api_schema"
SCHEMAS = ("figure", "index", "province", "indicator", "national")


def _dump(payload: object) -> str:
    """Compact JSON, keys sorted (the same bytes on every build): read by programs, and a fifth smaller
    than indented, which matters as each version of the site carries its own API."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _bilingual(text) -> dict[str, str] | None:
    return None if text is None else {"vi": text.vi, "en": text.en}


def _head(dataset: Dataset, schema: str) -> dict:
    """What every file starts with: its schema (relative to the file), the API's and the data's version."""
    return {"$schema": schema, "api_version": API_VERSION, "version": _version(dataset)}


def _version(dataset: Dataset) -> str | None:
    return dataset.release.version if dataset.release else None


# ---------------------------------------------------------------- one figure


def figure(dataset: Dataset, fact: Fact) -> dict:
    """A figure: the download's row (numbers as the JSON download has them) and what a row has no column for."""
    obs = fact.observation
    source = dataset.sources.get(obs.source)
    return {key: json_value(value) for key, value in fact_row(dataset, fact).items()} | {
        "id": fact_id(fact),
        "since": None if obs.since is None else str(obs.since),
        "baseline": obs.baseline,
        "in_words": obs.in_words,
        "decimals": wording.decimals(fact),  # 0.716 printed as "0,7160" keeps 4
        "text": {lang: wording.figure_text(dataset, fact, lang) for lang in LANGS},
        "when": {lang: wording.when_text(dataset, fact, lang) for lang in LANGS},
        "whose": {lang: wording.whose_text(dataset, fact, lang) for lang in LANGS},
        "source_title": source.title if source else None,
        "source_publisher": source.publisher if source else None,
        "source_published": source.published_text if source else None,
    }


# ---------------------------------------------------------------- rankings


def ranking(dataset: Dataset, indicator_id: str) -> dict | None:
    """The ranking the indicator page draws (:func:`scorecard.ranking.ranking`), as the API writes it."""
    ranked = rank_provinces(dataset, indicator_id)
    if ranked is None:
        return None
    return {"year": ranked.year, "base": json_value(ranked.base), "ranks": list(ranked.entries)}


def _rankings(dataset: Dataset) -> dict[str, dict]:
    return {i: r for i in dataset.indicators if (r := ranking(dataset, i)) is not None}


# ---------------------------------------------------------------- the files


def province_doc(dataset: Dataset, slug: str, rankings: dict[str, dict]) -> dict:
    """One province: who it is, every figure about it, and per indicator its latest figure and rank."""
    unit = dataset.provinces[slug]
    facts = dataset.facts_for(slug)
    place = lambda territory: {"id": territory.id, "name": territory.name, "code": territory.code}  # noqa: E731
    latest = {}
    for indicator_id in sorted({fact.indicator for fact in facts}):
        fact = wording.latest_actual(dataset, dataset.facts_for(slug, indicator_id), indicator_id)
        if fact is not None:
            latest[indicator_id] = {"figure": fact_id(fact), "rank": _rank_of(rankings.get(indicator_id), slug)}
    return _head(dataset, "../schema/province.schema.json") | {
        "province": {
            "slug": slug,
            "name": unit.name,
            "full_name": unit.full_name,
            "code": unit.code,
            "is_city": unit.is_city,
            "unchanged": unit.unchanged,
            "current_territory": place(unit.current_territory),
            "former_units": [] if unit.unchanged else [place(former) for former in unit.former],
        },
        "figures": [figure(dataset, fact) for fact in facts],
        "latest": latest,
    }


def _rank_of(ranked: dict | None, slug: str) -> dict | None:
    """The province's place in a ranking, with the figure it is ranked by (its current territory's)."""
    for position, ranked_slug, fact in ranked["ranks"] if ranked else ():
        if ranked_slug == slug:
            of = len(ranked["ranks"])
            return {
                "position": position,
                "of": of,
                "year": ranked["year"],
                "base": ranked["base"],
                "figure": fact_id(fact),
            }
    return None


def indicator_doc(dataset: Dataset, indicator_id: str, ranked: dict | None) -> dict:
    """One indicator: its definition, every province's latest figure, its ranking and the national figures."""
    indicator = dataset.indicators[indicator_id]
    pillar = dataset.pillars.get(indicator.pillar)
    unit = dataset.units.get(indicator.unit)
    latest = []
    for slug in dataset.provinces:
        fact = wording.latest_actual(dataset, dataset.facts_for(slug, indicator_id), indicator_id)
        if fact is not None:
            latest.append(figure(dataset, fact))
    ranks = [
        {"position": position, "province": slug, "province_name": dataset.provinces[slug].name}
        | {"figure": figure(dataset, fact)}
        for position, slug, fact in (ranked["ranks"] if ranked else ())
    ]
    return _head(dataset, "../schema/indicator.schema.json") | {
        "indicator": {
            "id": indicator.id,
            "pillar": indicator.pillar,
            "pillar_name": _bilingual(pillar.name) if pillar else None,
            "unit": indicator.unit,
            "unit_name": _bilingual(unit.name) if unit else None,
            "name": _bilingual(indicator.name),
            "definition": _bilingual(indicator.definition),
            "why": _bilingual(indicator.why),
            "caveat": _bilingual(indicator.caveat),
            "higher_is_better": indicator.higher_is_better,
            "comparable": indicator.comparable,
            "headline": indicator.headline,
            "parts": list(indicator.parts),
        },
        "latest": latest,
        "ranking": {"year": ranked["year"], "base": ranked["base"], "of": len(ranks), "ranks": ranks}
        if ranked
        else None,
        "national": [figure(dataset, fact) for fact in dataset.national_facts if fact.indicator == indicator_id],
    }


def national_doc(dataset: Dataset) -> dict:
    """The country's own figures (data/national.yaml), in file order."""
    return _head(dataset, "schema/national.schema.json") | {
        "figures": [figure(dataset, fact) for fact in dataset.national_facts]
    }


def index_doc(dataset: Dataset, site_url: str | None = None) -> dict:
    """Where everything is: version, licence, how to cite, and each province's and indicator's file."""
    release = dataset.release
    version = _version(dataset) or "dev"
    address = f"{site_url.rstrip('/')}/{version}/{API_DIR}/" if site_url else f"/{version}/{API_DIR}/"
    by_province = Counter(fact.province for fact in dataset.facts)
    by_indicator = Counter(fact.indicator for fact in dataset.facts)
    return _head(dataset, "schema/index.schema.json") | {
        "released": release.released.isoformat() if release else None,
        "title": dict(release.title) if release else None,
        "license": {"id": release.license, "name": release.license_name, "url": release.license_url}
        if release
        else None,
        "citation": {lang: _citation(dataset, lang, address) for lang in LANGS} if release else None,
        "provinces": [
            {"slug": slug, "name": unit.name, "code": unit.code, "path": f"provinces/{slug}.json"}
            | {"figures": by_province[slug]}
            for slug, unit in dataset.provinces.items()
        ],
        "indicators": [
            {"id": i.id, "name": _bilingual(i.name), "pillar": i.pillar, "unit": i.unit}
            | {"path": f"indicators/{i.id}.json", "figures": by_indicator[i.id]}
            for i in dataset.indicators.values()
        ],
        "national": {"path": "national.json", "figures": len(dataset.national_facts)},
        "schemas": {name: f"schema/{name}.schema.json" for name in SCHEMAS},
        "datapackage": "datapackage.json",
    }


def _citation(dataset: Dataset, lang: str, address: str) -> str:
    """The API as a data set, cited as the downloads page cites the downloads (APA)."""
    release = dataset.release
    return (
        f"{release.authors} ({release.released.year}). {release.title[lang]} "
        f"({t(lang, 'data_version').lower()} {release.version}) [Data set]. {address}"
    )


def schema_files() -> dict[str, str]:
    """The JSON Schemas, by their path in the API (``schema/province.schema.json``)."""
    return {f"schema/{name}.schema.json": (SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8") for name in SCHEMAS}


def api_files(dataset: Dataset, site_url: str | None = None) -> dict[str, str]:
    """Every file of the API by its path under ``api/v1/``, datapackage.json last."""
    rankings = _rankings(dataset)
    files = {"index.json": _dump(index_doc(dataset, site_url)), "national.json": _dump(national_doc(dataset))}
    for slug in dataset.provinces:
        files[f"provinces/{slug}.json"] = _dump(province_doc(dataset, slug, rankings))
    for indicator_id in dataset.indicators:
        files[f"indicators/{indicator_id}.json"] = _dump(
            indicator_doc(dataset, indicator_id, rankings.get(indicator_id))
        )
    files |= schema_files()
    files["datapackage.json"] = api_datapackage(dataset, files)
    return files


def _resource_name(path: str) -> str:
    """A Frictionless resource name (``[-a-z0-9._/]``): indicator ids lose their underscores, which
    no slug or id shares with a hyphen, so two files never get one name."""
    return path.removesuffix(".json").removesuffix(".schema").replace("_", "-").replace("/", "-")


def api_datapackage(dataset: Dataset, files: dict[str, str]) -> str:
    """A Frictionless Data Package of the API's files, beside them: the downloads' package sits in another
    folder, and Frictionless refuses a resource path that climbs out of its package's folder (``../``)."""
    resources = [
        # "type": without it Frictionless reads a file named *.schema.json as a Table Schema and refuses it
        file_resource(_resource_name(path), path, text, "json", "application/json", _describe(path)) | {"type": "json"}
        for path, text in files.items()
        if path != "datapackage.json"
    ]
    return package_text(dataset, "vietnam-provincial-digital-scorecard-api", resources, " (JSON API)")


def _describe(path: str) -> str:
    folder, _, name = path.rpartition("/")
    stem = name.removesuffix(".json")
    return {
        "": {"index": "Index of the API.", "national": "The national figures."}.get(stem, stem),
        "provinces": f"Province {stem}: every figure, latest per indicator, ranks.",
        "indicators": f"Indicator {stem}: definition, each province's latest figure, ranking, national figures.",
        "schema": f"JSON Schema (draft 2020-12) of {stem.removesuffix('.schema')} files.",
    }[folder]


# ---------------------------------------------------------------- for the downloads page

_SUMMARY = (
    (f"{API_DIR}/index.json", "api_index"),
    (f"{API_DIR}/provinces/<slug>.json", "api_province"),
    (f"{API_DIR}/indicators/<id>.json", "api_indicator"),
    (f"{API_DIR}/national.json", "api_national"),
    (f"{API_DIR}/schema/", "api_schemas"),
    (f"{API_DIR}/datapackage.json", "api_datapackage"),
)


def api_summary(lang: str) -> list[tuple[str, str]]:
    """The API's files for the downloads page: (path from the version's root, what it holds), in ``lang``.

    The heading and introduction are ``t(lang, "api_heading")`` and ``t(lang, "api_intro")``.
    """
    return [(path, t(lang, key)) for path, key in _SUMMARY]
