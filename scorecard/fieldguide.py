"""The editors' field reference, generated from the models the validator uses.

Because the tables come from the same pydantic models (names, required or not, types,
descriptions, examples), the guide cannot describe a field the validator does not know,
and a test checks that each bad example in it really is refused.
"""

from __future__ import annotations

import json
import types
import typing
from datetime import date

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .fieldguide_vi import DESCRIPTIONS as VI_DESCRIPTIONS
from .model import (
    Bilingual,
    Indicator,
    IndicatorsFile,
    NationalFile,
    Observation,
    Pillar,
    ProvinceFile,
    QualifierLabel,
    QualifierWord,
    Scope,
    Source,
    SourcesFile,
    TableFile,
    TableObservation,
    Tile,
    TileMapFile,
    Unit,
    UnitsFile,
    VocabularyFile,
)

SECTIONS: tuple[tuple[str, str, type[BaseModel]], ...] = (
    ("Province file (data/provinces/SLUG.yaml)", "Tệp tỉnh", ProvinceFile),
    ("Observation (one figure, under observations:)", "Số liệu (một con số)", Observation),
    ("Table file (data/tables/NAME.yaml: one nationwide table)", "Tệp bảng toàn quốc", TableFile),
    ("Table row (data/tables/NAME.yaml, under observations:)", "Dòng của bảng toàn quốc", TableObservation),
    ("National file (data/national.yaml: the country's own figures)", "Tệp số liệu cả nước", NationalFile),
    ("Sources file (data/sources/NAME.yaml or data/sources.yaml)", "Tệp nguồn", SourcesFile),
    ("Source (a sources file, under sources:)", "Nguồn", Source),
    ("Indicators file (data/indicators.yaml)", "Tệp chỉ tiêu", IndicatorsFile),
    ("Indicator (data/indicators.yaml, under indicators:)", "Chỉ tiêu", Indicator),
    ("Pillar (data/indicators.yaml, under pillars:)", "Trụ cột", Pillar),
    ("Scope (data/indicators.yaml, under scopes:)", "Phạm vi", Scope),
    ("Units file (data/units.yaml)", "Tệp đơn vị", UnitsFile),
    ("Unit (data/units.yaml, under units:)", "Đơn vị", Unit),
    ("Vocabulary file (data/vocabulary.yaml: the words the validator reads)", "Tệp từ vựng", VocabularyFile),
    ("Qualifier's words (data/vocabulary.yaml, under qualifiers:)", "Cách đọc một mức độ", QualifierLabel),
    ("Qualifier word (data/vocabulary.yaml, under qualifier_before:)", "Từ chỉ mức độ", QualifierWord),
    ("Bilingual text (name:, definition:, why:, caveat:)", "Văn bản hai thứ tiếng", Bilingual),
    ("Tile map file (data/tilemap.yaml: the map of the 34 provinces)", "Tệp bản đồ ô", TileMapFile),
    ("Tile (data/tilemap.yaml, under tiles:)", "Ô của một tỉnh", Tile),
)

# Observations an editor might write, each with why the validator refuses it. The tests
# feed every one of them to the validator, so this list cannot go stale.
BAD_OBSERVATIONS: tuple[tuple[str, dict], ...] = (
    (
        "a number in quotes is text, not a number",
        {
            "indicator": "online_dossiers_share",
            "value": "92",
            "unit": "percent",
            "kind": "actual",
            "as_of": "2025-05",
            "source": "s",
            "quote": "92%",
        },
    ),
    (
        "a typo in a field name ('valeu')",
        {
            "indicator": "online_dossiers_share",
            "valeu": 92,
            "unit": "percent",
            "kind": "actual",
            "as_of": "2025-05",
            "source": "s",
            "quote": "92%",
        },
    ),
    (
        "'kind' must be actual or target",
        {
            "indicator": "online_dossiers_share",
            "value": 92,
            "unit": "percent",
            "kind": "goal",
            "as_of": "2025-05",
            "source": "s",
            "quote": "92%",
        },
    ),
    (
        "the unit is one of the words listed above, not a sign such as '%'",
        {
            "indicator": "online_dossiers_share",
            "value": 92,
            "unit": "%",
            "kind": "actual",
            "as_of": "2025-05",
            "source": "s",
            "quote": "92%",
        },
    ),
    (
        "a date must be 2025, 2025-05 or 2025-05-31",
        {
            "indicator": "online_dossiers_share",
            "value": 92,
            "unit": "percent",
            "kind": "actual",
            "as_of": "05/2025",
            "source": "s",
            "quote": "92%",
        },
    ),
    (
        "the quote is required",
        {
            "indicator": "online_dossiers_share",
            "value": 92,
            "unit": "percent",
            "kind": "actual",
            "as_of": "2025-05",
            "source": "s",
        },
    ),
)
GOOD_OBSERVATION = {
    "indicator": "online_dossiers_share",
    "value": 92,
    "unit": "percent",
    "kind": "actual",
    "as_of": "2025-05",
    "source": "dantri-2025-11-01-lai-chau",
    "quote": "92% hồ sơ xử lý trực tuyến",
}

# What an id pattern of the model means, in an editor's words.
_PATTERNS = {
    r"^[a-z0-9][a-z0-9_]*$": "id: a-z, 0-9 and _",
    r"^[a-z0-9][a-z0-9-]*$": "id: a-z, 0-9 and -",
    r"^\d{2}$": "two digits, in quotes",
}
_PLAIN = {str: "text", int: "whole number", float: "number", bool: "true or false", date: "date (YYYY-MM-DD)"}


def _constraints(metadata: typing.Iterable) -> tuple[str | None, int | None]:
    """The pattern and the maximum length among a field's pydantic metadata."""
    pattern = max_length = None
    for item in metadata:
        if isinstance(item, FieldInfo):
            inner_pattern, inner_max = _constraints(item.metadata)
            pattern, max_length = pattern or inner_pattern, max_length or inner_max
        pattern = pattern or getattr(item, "pattern", None)
        max_length = max_length or getattr(item, "max_length", None)
    return pattern, max_length


def _type_name(annotation, metadata: typing.Iterable = ()) -> str:
    """A field's type in plain words: "number, or empty", "one of: `actual`, `target`"."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _type_name(base, [*metadata, *extra])
    if origin in (typing.Union, types.UnionType):
        members = typing.get_args(annotation)
        names: list[str] = []
        for member in members:
            if member is not type(None) and (name := _type_name(member, metadata)) not in names:
                names.append(name)
        if set(names) >= {"whole number", "number"}:
            names = ["number" if name == "whole number" else name for name in names if name != "number"]
        texts = [name for name in names if name.startswith("text")]
        if len(texts) > 1:  # "text of at most 300 or of at most 2000 characters": the longer one is what counts
            longest = max(texts, key=lambda name: int("".join(ch for ch in name if ch.isdigit()) or 0))
            names = [name for name in names if not name.startswith("text") or name == longest]
        text = " or ".join(names)
        return f"{text}, or empty" if type(None) in members else text
    if origin is typing.Literal:
        return "one of: " + ", ".join(f"`{value}`" for value in typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation) or (str,)
        return f"list of: {_type_name(item)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"{annotation.__name__} (a block, see its table)"
    pattern, max_length = _constraints(metadata)
    if pattern:
        return _PATTERNS.get(pattern, f"text matching `{pattern}`")
    name = _PLAIN.get(annotation, getattr(annotation, "__name__", str(annotation)))
    return f"{name} (at most {max_length} characters)" if name == "text" and max_length else name


def _fallback_description(annotation) -> str:
    """For a field without a description: the first line of the block's own docstring."""
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return (candidate.__doc__ or "").strip().split("\n")[0]
    return ""


def _table(model: type[BaseModel], lang: str = "en") -> list[str]:
    header = (
        "| trường | bắt buộc | kiểu | cần ghi gì | ví dụ |"
        if lang == "vi"
        else "| field | required | type | what to write | example |"
    )
    lines = [header, "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        example = ", ".join(f"`{json.dumps(e, ensure_ascii=False)}`" for e in (info.examples or []))
        required = "yes" if info.is_required() else "no"
        if not info.is_required() and info.default not in (None, [], ()) and info.default_factory is None:
            required += f" (default `{json.dumps(info.default, ensure_ascii=False).strip(chr(34))}`)"
        description = (info.description or _fallback_description(info.annotation)).split("\n")[0]
        if lang == "vi":
            description = _vi_description(model, name)
        description = description.replace("|", "\\|")
        type_name = _type_name(info.annotation, info.metadata).replace("|", "\\|")
        lines.append(f"| `{name}` | {required} | {type_name} | {description} | {example} |")
    return lines


def field_guide(lang: str = "en") -> str:
    """The whole reference as Markdown: headings in both languages, field texts in ``lang``."""
    vietnamese, english = "Hướng dẫn các trường dữ liệu", "Field reference"
    title = f"{vietnamese} / {english}" if lang == "vi" else f"{english} / {vietnamese}"
    lines = [
        f"# {title}",
        "",
        "Generated from `scorecard/model.py` by `python -m scorecard fields`; do not edit by hand.",
        "",
    ]
    for english, vietnamese, model in SECTIONS:
        lines += [f"## {english} — {vietnamese}", "", (model.__doc__ or "").strip(), "", *_table(model, lang), ""]
    lines += [
        "## A good figure — Một số liệu đúng",
        "",
        "```yaml",
        *_yaml_block(GOOD_OBSERVATION),
        "```",
        "",
        "## Figures the validator refuses — Những lỗi thường gặp",
        "",
    ]
    for why, example in BAD_OBSERVATIONS:
        lines += [f"- {why}:", "", "  ```yaml", *("  " + line for line in _yaml_block(example)), "  ```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _yaml_block(observation: dict) -> list[str]:
    lines = []
    for index, (key, value) in enumerate(observation.items()):
        prefix = "- " if index == 0 else "  "
        lines.append(f"{prefix}{key}: {json.dumps(value, ensure_ascii=False)}")
    return lines


def _vi_description(model: type[BaseModel], name: str) -> str:
    """The Vietnamese description of a field, from the model that defines it (a table row inherits)."""
    for owner in model.__mro__:
        key = f"{getattr(owner, '__name__', '')}.{name}"
        if key in VI_DESCRIPTIONS:
            return VI_DESCRIPTIONS[key]
    raise KeyError(f"{model.__name__}.{name}")
