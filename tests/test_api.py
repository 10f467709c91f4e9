"""The static JSON API (scorecard/api.py): files valid against their published JSON Schemas, the one rule
of "latest", stable figure ids, the build writing (and cleaning) docs/api/v1/, and its data package.

Files are read as a developer would: from the built docs/ folder or the files' text, with ``json`` and
``jsonschema`` (the reference validator of JSON Schema 2020-12), each against the schema its ``$schema`` names.
"""

from __future__ import annotations

import copy
import json
import posixpath
from pathlib import Path, PurePosixPath

import frictionless
import jsonschema
import pytest
from conftest import FIXTURE, REAL_DATA, REPO, tree_hashes
from referencing import Registry, Resource

from scorecard import wording
from scorecard.api import API_DIR, SCHEMA_DIR, SCHEMAS, api_files, api_summary
from scorecard.build import build
from scorecard.charts import chart_words, ranking_chart
from scorecard.dataset import load_dataset
from scorecard.i18n import LANGS
from scorecard.ids import fact_id


@pytest.fixture(scope="module")
def real():
    dataset = load_dataset(REAL_DATA)
    return dataset, api_files(dataset)


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The published schemas, by the relative ``$id`` each has (``province.schema.json``)."""
    schemas = [json.loads(path.read_text("utf-8")) for path in sorted(SCHEMA_DIR.glob("*.schema.json"))]
    return Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas)


def validator(registry: Registry, path: str, doc: dict) -> jsonschema.Draft202012Validator:
    """The validator of the schema ``doc`` names in ``$schema``, resolved from where the file ``path`` is."""
    schema_path = PurePosixPath(posixpath.normpath(PurePosixPath(path).parent / doc["$schema"]))
    assert schema_path.parent == PurePosixPath("schema"), schema_path  # "provinces/../schema/x" is schema/x
    schema = registry.contents(schema_path.name)
    return jsonschema.Draft202012Validator(schema, registry=registry)


def errors(registry: Registry, path: str, doc: dict) -> list[str]:
    """Every error, with those under a oneOf ("not valid under any of the given schemas") spelled out."""

    def spelled(error) -> list[str]:
        return [f"{list(error.absolute_path)}: {error.message}", *(m for e in error.context for m in spelled(e))]

    return [message for e in validator(registry, path, doc).iter_errors(doc) for message in spelled(e)]


def data_files(files: dict[str, str]) -> dict[str, dict]:
    return {p: json.loads(t) for p, t in files.items() if not p.startswith("schema/") and p != "datapackage.json"}


def built(data: Path, docs: Path) -> Path:
    build(data, docs, REPO, quiet=True)
    return docs / API_DIR


# ---------------------------------------------------------------- valid, and the schemas can fail


def test_the_schemas_are_draft_2020_12_schemas_and_published_as_they_are(real):
    _, files = real
    assert sorted(path.name for path in SCHEMA_DIR.glob("*.json")) == sorted(f"{n}.schema.json" for n in SCHEMAS)
    for name in SCHEMAS:
        schema = json.loads(files[f"schema/{name}.schema.json"])
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"{name}.schema.json"  # relative: it resolves wherever the version is published
        assert files[f"schema/{name}.schema.json"] == (SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8")


def test_every_real_api_file_validates_against_its_schema(real, registry):
    dataset, files = real
    docs = data_files(files)
    assert len([p for p in docs if p.startswith("provinces/")]) == 34
    assert len([p for p in docs if p.startswith("indicators/")]) == len(dataset.indicators)
    problems = {path: found for path, doc in docs.items() if (found := errors(registry, path, doc))}
    assert problems == {}


def test_the_built_files_validate_and_the_index_lists_each_one(tmp_path, registry):
    api = built(FIXTURE, tmp_path / "docs")
    index = json.loads((api / "index.json").read_text("utf-8"))
    listed = [item["path"] for item in index["provinces"] + index["indicators"]] + [index["national"]["path"]]
    listed += list(index["schemas"].values()) + [index["datapackage"]]
    on_disk = sorted(p.relative_to(api).as_posix() for p in api.rglob("*") if p.is_file())
    assert sorted([*listed, "index.json"]) == on_disk
    for path in on_disk:
        if path.endswith(".json") and not path.startswith("schema/") and path != "datapackage.json":
            doc = json.loads((api / path).read_text("utf-8"))
            assert errors(registry, path, doc) == [], path


def _lai_chau_92(doc: dict) -> dict:
    return next(f for f in doc["figures"] if f["indicator"] == "online_dossiers_share" and f["value"] == 92)


def _drop_quote(doc):
    del _lai_chau_92(doc)["quote"]


def _value_as_text(doc):
    _lai_chau_92(doc)["value"] = "92"


def _unknown_kind(doc):
    _lai_chau_92(doc)["kind"] = "estimate"


def _typo_field(doc):
    _lai_chau_92(doc)["valeu"] = 92


def _rank_as_text(doc):
    doc["latest"]["online_dossiers_share"]["figure"] = "not an id"


def _one_language(doc):
    del _lai_chau_92(doc)["text"]["en"]


def _wrong_api_version(doc):
    doc["api_version"] = "v2"


@pytest.mark.parametrize(
    "damage, where",
    [
        (_drop_quote, "'quote' is a required property"),
        (_value_as_text, "'92' is not of type 'number', 'null'"),
        (_unknown_kind, "'estimate' is not one of"),
        (_typo_field, "('valeu' was unexpected)"),
        (_rank_as_text, "'not an id' does not match"),
        (_one_language, "'en' is a required property"),
        (_wrong_api_version, "'v1' was expected"),
    ],
)
def test_a_broken_province_file_does_not_validate(tmp_path, registry, damage, where):
    api = built(FIXTURE, tmp_path / "docs")
    doc = json.loads((api / "provinces" / "lai-chau.json").read_text("utf-8"))
    assert errors(registry, "provinces/lai-chau.json", doc) == []
    broken = copy.deepcopy(doc)
    damage(broken)
    found = errors(registry, "provinces/lai-chau.json", broken)
    assert any(where in problem for problem in found), found


def test_a_broken_index_or_indicator_file_does_not_validate(real, registry):
    _, files = real
    index = json.loads(files["index.json"])
    del index["citation"]
    assert any("'citation' is a required property" in e for e in errors(registry, "index.json", index))
    indicator = json.loads(files["indicators/dti_score.json"])
    indicator["ranking"]["ranks"][0]["position"] = 0
    assert any("less than the minimum of 1" in e for e in errors(registry, "indicators/dti_score.json", indicator))


# ---------------------------------------------------------------- the one rule of "latest", and ranks


def _latest_id(files: dict[str, str], slug: str, indicator_id: str) -> dict:
    doc = json.loads(files[f"provinces/{slug}.json"])
    entry = doc["latest"][indicator_id]
    return next(f for f in doc["figures"] if f["id"] == entry["figure"])


def _own(dataset, slug: str, indicator_id: str):
    return [f for f in wording.own_facts(dataset.facts_for(slug)) if f.indicator == indicator_id]


@pytest.mark.parametrize("indicator_id", ["dti_rank", "services_integrated_national_portal"])
def test_latest_of_a_merged_province_can_be_a_former_units_figure(real, indicator_id):
    """Đà Nẵng's latest figures of these are the former units' (Quảng Nam, the old Đà Nẵng), though it has
    figures of its current territory too, one of them listed later: the API says so, as the pages do."""
    dataset, files = real
    expected = wording.latest_actual(dataset, dataset.facts_for("da-nang"), indicator_id)
    assert not expected.territory.current, "the data changed: pick another merged province whose latest is former"
    assert any(f.territory and f.territory.current for f in _own(dataset, "da-nang", indicator_id))
    picked = _latest_id(files, "da-nang", indicator_id)
    assert picked["id"] == fact_id(expected)
    assert (picked["territory"], picked["territory_current"]) == (expected.territory.id, False)


def test_latest_is_an_actual_when_a_target_is_dated_later(real):
    dataset, files = real
    own = _own(dataset, "ha-noi", "online_dossiers_end_to_end_share")
    newest = max(own, key=lambda f: wording.sort_key(dataset, f))
    assert newest.observation.kind == "target", "the data changed: pick a province whose newest figure is a target"
    expected = wording.latest_actual(dataset, dataset.facts_for("ha-noi"), "online_dossiers_end_to_end_share")
    picked = _latest_id(files, "ha-noi", "online_dossiers_end_to_end_share")
    assert picked["id"] == fact_id(expected) and picked["kind"] == "actual"


def test_latest_is_the_whole_provinces_when_a_network_figure_is_newer(real):
    dataset, files = real
    actuals = [f for f in _own(dataset, "lao-cai", "base_stations_total") if f.observation.kind == "actual"]
    newest = max(actuals, key=lambda f: wording.sort_key(dataset, f))
    assert newest.observation.scope == "vnpt_network", "the data changed: pick a newer scoped figure"
    expected = wording.latest_actual(dataset, dataset.facts_for("lao-cai"), "base_stations_total")
    picked = _latest_id(files, "lao-cai", "base_stations_total")
    assert picked["id"] == fact_id(expected) and picked["scope"] is None


def test_ranks_are_the_ranking_charts(real):
    """Province files, indicator files and the indicator page's chart give each province one rank."""
    dataset, files = real
    words = chart_words(dataset, "en")
    compared = 0
    for indicator_id in dataset.indicators:
        ranking = json.loads(files[f"indicators/{indicator_id}.json"])["ranking"]
        job = ranking_chart(dataset, indicator_id, "en")
        if job is None:
            assert ranking is None, indicator_id
            continue
        chart = [(row[words["province"]], row[words["rank"]]) for row in job.rows]
        assert chart == [(r["province_name"], r["position"]) for r in ranking["ranks"]], indicator_id
        for r in ranking["ranks"]:
            rank = json.loads(files[f"provinces/{r['province']}.json"])["latest"][indicator_id]["rank"]
            assert (rank["position"], rank["of"], rank["figure"]) == (r["position"], ranking["of"], r["figure"]["id"])
        compared += 1
    assert compared >= 3


def test_a_value_keeps_its_stored_number_and_its_printed_decimals(real):
    """0,4880 is stored as 0.488: the JSON number is 0.488 (no float noise), printed with its 4 decimals."""
    _, files = real
    text = files["provinces/thanh-hoa.json"]
    figure = next(f for f in json.loads(text)["figures"] if f["indicator"] == "dti_score" and "0,4880" in f["quote"])
    assert figure["value"] == 0.488 and figure["decimals"] == 4
    assert figure["text"]["vi"] == "0,4880\u00a0điểm"
    assert '"value":0.488,' in text


# ---------------------------------------------------------------- ids


def test_figure_ids_are_unique_across_the_real_data(real):
    dataset, _ = real
    ids = [fact_id(fact) for fact in dataset.every_fact()]
    assert len(ids) == len(set(ids)) > 800


NEW_FIGURE = """observations:
  - indicator: online_dossiers_share
    value: 88
    unit: percent
    kind: actual
    as_of: 2024
    source: dantri-2025-11-01-lai-chau
    quote: "92% hồ sơ xử lý trực tuyến"
"""


def test_ids_stay_when_a_figure_is_inserted_above_and_change_with_the_figure(data_dir):
    def ids(data: Path) -> dict[str, tuple]:
        dataset = load_dataset(data)
        assert not dataset.errors()
        return {fact_id(f): (f.indicator, f.value, f.observation.quote) for f in dataset.every_fact()}

    before = ids(data_dir)
    path = data_dir / "provinces" / "lai-chau.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("observations:\n", NEW_FIGURE, 1), "utf-8")
    after = ids(data_dir)
    assert len(after) == len(before) + 1
    assert {k: v for k, v in after.items() if k in before} == before  # every old id, for the same figure
    path.write_text(text.replace("value: 92\n", "value: 93\n"), "utf-8")
    changed = ids(data_dir)
    assert len(set(before) - set(changed)) == 1  # a corrected value is another figure: another id


# ---------------------------------------------------------------- the build


def test_two_builds_give_the_same_bytes(tmp_path, real):
    first = tree_hashes(built(FIXTURE, tmp_path / "one" / "docs"))
    second = tree_hashes(built(FIXTURE, tmp_path / "two" / "docs"))
    assert first == second and len(first) > 40
    dataset, files = real
    assert api_files(load_dataset(REAL_DATA)) == files
    assert all(text.endswith("}\n") for text in files.values())


EXTRA_INDICATOR = """
  - id: hostile_test_indicator
    pillar: public_services
    unit: percent
    name: {vi: Chỉ tiêu thử, en: Test indicator}
    definition: {vi: Chỉ để thử., en: Only a test.}
    higher_is_better: true
    comparable: true
"""


def test_a_removed_indicators_file_and_a_planted_file_are_removed_and_nothing_outside(data_dir, tmp_path):
    indicators = data_dir / "indicators.yaml"
    original = indicators.read_text("utf-8")
    indicators.write_text(original + EXTRA_INDICATOR, "utf-8")
    docs = tmp_path / "docs"
    api = built(data_dir, docs)
    assert (api / "indicators" / "hostile_test_indicator.json").is_file()
    indicators.write_text(original, "utf-8")
    victim = tmp_path / "outside" / "victim.json"
    victim.parent.mkdir()
    victim.write_text("precious\n", "utf-8")
    (api / "provinces" / "planted.json").write_text('{"value": "forged"}\n', "utf-8")
    (api / "indicators" / "linked.json").symlink_to(victim)
    (api / "provinces" / "elsewhere").symlink_to(victim.parent, target_is_directory=True)
    built(data_dir, docs)
    assert not (api / "indicators" / "hostile_test_indicator.json").exists()
    assert not (api / "provinces" / "planted.json").exists()
    assert not (api / "indicators" / "linked.json").is_symlink() and not (api / "provinces" / "elsewhere").exists()
    assert victim.read_text("utf-8") == "precious\n" and sorted(victim.parent.iterdir()) == [victim]


HOSTILE = [
    "</script><script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "92",
    "null",
    'line\u2028break "quoted" \\ back',
]


@pytest.mark.parametrize("note", HOSTILE)
def test_hostile_text_stays_text(data_dir, tmp_path, registry, note):
    path = data_dir / "provinces" / "lai-chau.yaml"
    text = path.read_text("utf-8")
    both = f"    note:\n      vi: {json.dumps(note)}\n      en: {json.dumps(note)}\n"
    path.write_text(text.replace("    value: 92\n", f"    value: 92\n{both}", 1), "utf-8")
    api = built(data_dir, tmp_path / "docs")
    doc = json.loads((api / "provinces" / "lai-chau.json").read_text("utf-8"))
    figure = _lai_chau_92(doc)
    assert figure["note"] == note and figure["note_en"] == note and isinstance(figure["note"], str)
    assert errors(registry, "provinces/lai-chau.json", doc) == []
    indicator = json.loads((api / "indicators" / "online_dossiers_share.json").read_text("utf-8"))
    assert note in [f["note"] for f in indicator["latest"]]


# ---------------------------------------------------------------- the data package and the downloads page


def frictionless_errors(descriptor: Path) -> list[list]:
    return frictionless.validate(str(descriptor)).flatten(["type", "fieldName", "message"])


def test_frictionless_finds_the_api_package_valid_and_sees_a_changed_file(tmp_path):
    api = built(FIXTURE, tmp_path / "docs")
    assert frictionless_errors(api / "datapackage.json") == []
    assert frictionless_errors(tmp_path / "docs" / "generated" / "downloads" / "datapackage.json") == []
    package = json.loads((api / "datapackage.json").read_text("utf-8"))
    on_disk = {p.relative_to(api).as_posix() for p in api.rglob("*.json")} - {"datapackage.json"}
    assert {resource["path"] for resource in package["resources"]} == on_disk
    lai_chau = api / "provinces" / "lai-chau.json"
    text = lai_chau.read_text("utf-8")
    assert '"value":92' in text
    lai_chau.write_text(text.replace('"value":92', '"value":93'), "utf-8")
    assert "hash-count" in [error[0] for error in frictionless_errors(api / "datapackage.json")]


def test_api_summary_names_files_the_build_writes_in_both_languages(tmp_path):
    api = built(FIXTURE, tmp_path / "docs")
    summaries = {lang: api_summary(lang) for lang in LANGS}
    assert [path for path, _ in summaries["vi"]] == [path for path, _ in summaries["en"]]
    for (path, vi), (_, en) in zip(summaries["vi"], summaries["en"], strict=True):
        assert vi and en and vi != en
        concrete = path.replace("<slug>", "lai-chau").replace("<id>", "online_dossiers_share")
        assert (tmp_path / "docs" / concrete).exists(), path
    assert api.relative_to(tmp_path / "docs").as_posix() == API_DIR == "api/v1"
