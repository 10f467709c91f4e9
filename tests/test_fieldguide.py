"""The field reference (``python -m scorecard fields``) and the guide cannot drift from the validator.

The reference is generated from scorecard/model.py: every field of every model is listed,
the good example passes the validator and each bad example is refused by it. CONTRIBUTING.md
embeds the reference and shows a worked example and validator messages; these are checked
against the real data and the real validator too.
"""

from __future__ import annotations

import inspect
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import REAL_DATA, REPO
from pydantic import BaseModel, ValidationError

import scorecard.model as model_module
from scorecard.__main__ import main
from scorecard.fieldguide import BAD_OBSERVATIONS, GOOD_OBSERVATION, SECTIONS, field_guide
from scorecard.load import load_yaml_text
from scorecard.model import Observation

CONTRIBUTING = REPO / "CONTRIBUTING.md"
BEGIN = "<!-- BEGIN FIELD REFERENCE (python -m scorecard fields; do not edit by hand) -->"
END = "<!-- END FIELD REFERENCE -->"
REGENERATE = (
    "python -c \"import pathlib; from scorecard.fieldguide import field_guide; p = pathlib.Path('CONTRIBUTING.md'); "
    f"t = p.read_text(encoding='utf-8'); a, rest = t.split('{BEGIN}'); b, c = rest.split('{END}'); "
    f"p.write_text(a + '{BEGIN}' + chr(10) + field_guide() + '{END}' + c, encoding='utf-8')\""
)

MODELS = [
    cls
    for _, cls in inspect.getmembers(model_module, inspect.isclass)
    if issubclass(cls, BaseModel) and cls.__module__ == model_module.__name__ and cls.model_fields
]


def sections(guide: str) -> dict[str, str]:
    """The guide's '## ' sections by heading."""
    parts = re.split(r"^## (.+)$", guide, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


# ---------------------------------------------------------------- every field of every model


def test_every_model_of_the_schema_has_a_section():
    assert {cls.__name__ for cls in MODELS} >= {"Observation", "Source", "Indicator", "ProvinceFile", "Scope"}
    assert {model.__name__ for _, _, model in SECTIONS} == {cls.__name__ for cls in MODELS}


@pytest.mark.parametrize("model", MODELS, ids=lambda cls: cls.__name__)
def test_every_field_is_listed_in_its_models_table(model):
    english, vietnamese = next((en, vi) for en, vi, cls in SECTIONS if cls is model)
    body = sections(field_guide())[f"{english} — {vietnamese}"]
    rows = re.findall(r"^\| `([a-z_]+)` \| (yes|no)", body, flags=re.M)
    assert [name for name, _ in rows] == list(model.model_fields)
    for name, required in rows:
        assert (required == "yes") == model.model_fields[name].is_required(), name


def test_the_type_column_is_plain_words():
    guide = field_guide()
    for junk in ("FieldInfo", "Annotated", "Strict(", "typing", "NoneType", "<class", "Union", "Optional", "metadata"):
        assert junk not in guide, junk
    observation = sections(guide)["Observation (one figure, under observations:) — Số liệu (một con số)"]
    assert "| `value` | no | number, or empty |" in observation
    assert "| `kind` | yes | one of: `actual`, `target`, `forecast`, `change` |" in observation
    assert "| `qualifier` | no (default `exact`) |" in observation


def test_the_command_prints_the_guide(capsys):
    assert main(["fields"]) == 0
    assert capsys.readouterr().out == field_guide()
    assert main(["fields", "--lang", "vi"]) == 0
    assert capsys.readouterr().out.startswith("# Hướng dẫn các trường dữ liệu")


# ---------------------------------------------------------------- the examples are the validator's verdicts


def test_the_good_example_is_accepted_by_the_model():
    Observation.model_validate(GOOD_OBSERVATION)


@pytest.mark.parametrize(("why", "example"), BAD_OBSERVATIONS, ids=[why for why, _ in BAD_OBSERVATIONS])
def test_each_bad_example_is_refused_by_the_model(why, example):
    with pytest.raises(ValidationError):
        Observation.model_validate(example)


def _province_with(example: dict) -> str:
    lines = ["name: Lai Châu", 'code: "12"', "observations:"]
    for index, (key, value) in enumerate(example.items()):
        shown = f'"{value}"' if isinstance(value, str) else value
        lines.append(f"  {'- ' if index == 0 else '  '}{key}: {shown}")
    return "\n".join(lines) + "\n"


def test_the_good_example_passes_the_validator(data_dir, validate):
    (data_dir / "provinces" / "lai-chau.yaml").write_text(_province_with(GOOD_OBSERVATION), encoding="utf-8")
    result = validate(data_dir)
    assert result.code == 0, result.out
    assert not result.errors


@pytest.mark.parametrize(("why", "example"), BAD_OBSERVATIONS, ids=[why for why, _ in BAD_OBSERVATIONS])
def test_each_bad_example_is_refused_by_the_validator_at_the_figure(data_dir, validate, why, example):
    example = {**example, "source": GOOD_OBSERVATION["source"]}
    (data_dir / "provinces" / "lai-chau.yaml").write_text(_province_with(example), encoding="utf-8")
    result = validate(data_dir)
    assert result.code == 1, why
    located = [line for line in result.errors if re.match(r"data/provinces/lai-chau\.yaml:([4-9]|1\d):\d+: ", line)]
    assert located, result.out


def test_the_examples_in_the_guide_read_back_as_written():
    guide = field_guide()
    blocks = re.findall(r"```yaml\n(.*?)```", guide, flags=re.S)
    assert len(blocks) == 1 + len(BAD_OBSERVATIONS)
    examples = [GOOD_OBSERVATION, *(example for _, example in BAD_OBSERVATIONS)]
    for block, example in zip(blocks, examples, strict=True):
        assert load_yaml_text(textwrap.dedent(block), "guide").data == [example]


# ---------------------------------------------------------------- CONTRIBUTING.md


@pytest.fixture(scope="module")
def contributing() -> str:
    return CONTRIBUTING.read_text(encoding="utf-8")


def test_contributing_embeds_the_current_field_reference(contributing):
    assert BEGIN in contributing and END in contributing, "CONTRIBUTING.md lost its field reference markers"
    embedded = contributing.split(BEGIN)[1].split(END)[0]
    assert embedded == "\n" + field_guide(), (
        "the field reference in CONTRIBUTING.md is out of date; regenerate it from the repository root with:\n"
        + REGENERATE
    )
    assert "python -m scorecard fields" in contributing.split(BEGIN)[0]  # and the guide points to the command


def test_contributing_is_vietnamese_first_then_english(contributing):
    vietnamese = contributing.index("## Thêm một tỉnh")
    english = contributing.index("## Adding a province")
    assert vietnamese < english < contributing.index(BEGIN)


def _yaml_block_after(text: str, marker: str) -> str:
    return re.search(r"```yaml\n(.*?)```", text[text.index(marker) :], flags=re.S).group(1)


def _section(contributing: str, language: str) -> str:
    """The Vietnamese part (before the English anchor) or the English part (before the field reference)."""
    vietnamese, english = contributing.split('<a id="english"></a>')
    return vietnamese if language == "vi" else english.split(BEGIN)[0]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_worked_example_is_copied_from_the_real_data(contributing, language):
    """The guide's complete example is a real figure and a real source, verbatim."""
    text = _section(contributing, language)
    marker = "<!-- worked example: observation -->"
    assert text.count(marker) == 1 and text.count("<!-- worked example: source -->") == 1
    observation = _yaml_block_after(text, marker)
    source = _yaml_block_after(text, "<!-- worked example: source -->")
    province = re.search(r"data/provinces/([a-z-]+)\.yaml", text[text.index(marker) :]).group(1)
    province_text = (REAL_DATA / "provinces" / f"{province}.yaml").read_text(encoding="utf-8")
    assert textwrap.indent(textwrap.dedent(observation), "  ") in province_text, (
        "the observation in the worked example is no longer in the real data"
    )
    assert source in (REAL_DATA / "sources.yaml").read_text(encoding="utf-8"), (
        "the source in the worked example is no longer in data/sources.yaml"
    )
    assert re.search(r"^  - id: (\S+)$", source, flags=re.M).group(1) in observation  # the figure cites it


def _broken_copy(tmp_path: Path) -> Path:
    """A copy of the real data broken as the guide tells (two fields in lai-chau, a value in lao-cai)."""
    data = tmp_path / "data"
    shutil.copytree(REAL_DATA, data)
    for name, old, new in (
        (
            "lai-chau",
            "    value: 95\n    unit: percent\n    kind: actual\n",
            '    valeu: "95"\n    unit: percent\n    kind: actaul\n',
        ),
        (
            "lao-cai",
            "  - indicator: villages_broadband_share\n    value: 99\n",
            "  - indicator: villages_broadband_share\n    value: 98\n",
        ),
    ):
        path = data / "provinces" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"the guide's way of breaking {name}.yaml no longer applies"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return data


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_validator_messages_shown_are_the_ones_it_prints(contributing, tmp_path, validate, language):
    """Break a scratch copy of the real data as the guide says; the validator prints exactly those lines."""
    text = _section(contributing, language)
    block = text.split("<!-- validator messages -->")[1].split("```text\n")[1].split("```")[0]
    shown = block.strip().splitlines()
    assert len(shown) >= 3 and all(re.match(r"^data/\S+:\d+:\d+: ", line) for line in shown)
    printed = validate(_broken_copy(tmp_path)).errors
    assert shown == printed, "CONTRIBUTING.md shows other messages than the validator prints:\n" + "\n".join(printed)


def _github_slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_of_the_guide_leads_somewhere(contributing):
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', contributing))
    anchors |= {_github_slug(h) for h in re.findall(r"^#{1,3} (.+)$", contributing.split(BEGIN)[0], flags=re.M)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", contributing):
        assert anchor in anchors, f"#{anchor} leads nowhere"
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", contributing):
        assert (REPO / target).exists(), target


# Each break of one good figure (in a scratch province file) that the "common messages" tables
# of CONTRIBUTING.md explain; every phrase of those tables must be printed by one of them.
SCRATCH_FIGURE = """\
  - indicator: online_dossiers_share
    value: 90
    unit: percent
    kind: actual
    as_of: "2025-09"
    source: dantri-2025-11-01-lai-chau
    quote: "90% hồ sơ xử lý trực tuyến"
"""  # test data in a scratch folder only, not a real figure
BREAKS = [
    ("    value: 90\n", "    value:90\n"),
    ("observations:\n", "observations: []\n"),
    ('    quote: "90% hồ sơ xử lý trực tuyến"\n', '    quote: "90% hồ sơ "xử lý" trực tuyến"\n'),
    ("    unit: percent\n", "   unit: percent\n"),
    ('    quote: "90% hồ sơ xử lý trực tuyến"\n', "    quote: Kết quả: 90% hồ sơ xử lý trực tuyến\n"),
    ("    unit: percent\n", "\tunit: percent\n"),
    ("    value: 90\n", "    value: 90\n    value: 90\n"),
    ("    value: 90\n", "    valeu: 90\n"),
    ("    value: 90\n", '    value: "90"\n'),
    ("    value: 90\n", "    value: 90,5\n"),
    ("    kind: actual\n", "    kind: goal\n"),
    ('    quote: "90% hồ sơ xử lý trực tuyến"\n', ""),
    ("  - indicator: online_dossiers_share\n", "  - indicator: online_dossier_share\n"),
    ("    source: dantri-2025-11-01-lai-chau\n", "    source: bao-thu-nghiem\n"),
    ("    unit: percent\n", "    unit: count\n"),
    ("    value: 90\n", "    value: 0.9\n"),
    ('    as_of: "2025-09"\n', '    as_of: "09/2025"\n'),
    ('    as_of: "2025-09"\n', '    as_of: "2999-09"\n'),
    ("    kind: actual\n", "    kind: target\n"),
    ("    kind: actual\n", "    kind: actual\n    territory: old\n"),
]


def test_the_common_messages_explained_are_the_validators(contributing, data_dir, validate):
    assert main(["new-province", "son-la", "--data", str(data_dir)]) == 0
    path = data_dir / "provinces" / "son-la.yaml"
    good = path.read_text(encoding="utf-8").replace("observations: []\n", "observations:\n" + SCRATCH_FIGURE)
    path.write_text(good, encoding="utf-8")
    assert validate(data_dir).code == 0
    printed: list[str] = []
    for old, new in BREAKS:
        head, tail = good.split("observations:\n")  # break the figure, not the comment above it
        assert tail.count(old) == 1 or old == "observations:\n", old
        path.write_text(
            good.replace(old, new) if old == "observations:\n" else head + "observations:\n" + tail.replace(old, new),
            encoding="utf-8",
        )
        run = validate(data_dir)
        assert run.code == 1, new
        printed += [line for line in run.errors if line.startswith("data/provinces/son-la.yaml:")]
    for language in ("vi", "en"):
        table = _section(contributing, language).split("<!-- common messages -->")[1].split("\n\n")[0]
        rows = [line for line in table.splitlines()[3:] if line.startswith("| `")]
        assert len(rows) >= 15
        for row in rows:
            for phrase in re.findall(r"`([^`]+)`", row.split(" | ")[0]):
                assert any(phrase in line for line in printed), f"no break prints {phrase!r}:\n" + "\n".join(printed)


def test_every_field_has_a_vietnamese_description_and_the_vietnamese_guide_uses_it():
    from scorecard.fieldguide import SECTIONS, field_guide
    from scorecard.fieldguide_vi import DESCRIPTIONS

    fields = {  # each field where it is defined: a table row inherits the observation's descriptions
        f"{model.__name__}.{name}"
        for _, _, model in SECTIONS
        for name in model.model_fields
        if not any(name in getattr(base, "model_fields", {}) for base in model.__bases__)
    }
    assert fields == set(DESCRIPTIONS), fields ^ set(DESCRIPTIONS)
    guide = field_guide("vi")
    for text in DESCRIPTIONS.values():
        assert text.replace("|", "\\|") in guide
    assert "| trường | bắt buộc |" in guide
