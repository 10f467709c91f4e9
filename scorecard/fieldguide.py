"""The editors' field reference, generated from the models the validator uses.

Because the tables come from the same pydantic models (names, required or not, types,
descriptions, examples), the guide cannot describe a field the validator does not know,
and a test checks that each bad example in it really is refused.
"""

from __future__ import annotations

import json
import typing

from pydantic import BaseModel

from .model import Indicator, Observation, ProvinceFile, Scope, Source

SECTIONS: tuple[tuple[str, str, type[BaseModel]], ...] = (
    ("Province file (data/provinces/SLUG.yaml)", "Tệp tỉnh", ProvinceFile),
    ("Observation (one figure, under observations:)", "Số liệu (một con số)", Observation),
    ("Source (data/sources.yaml, under sources:)", "Nguồn", Source),
    ("Indicator (data/indicators.yaml, under indicators:)", "Chỉ tiêu", Indicator),
    ("Scope (data/indicators.yaml, under scopes:)", "Phạm vi", Scope),
)

# Observations an editor might write, each with why the validator refuses it. The tests
# feed every one of them to the validator, so this list cannot go stale.
BAD_OBSERVATIONS: tuple[tuple[str, dict], ...] = (
    ("a number in quotes is text, not a number",
     {"indicator": "online_dossiers_share", "value": "92", "unit": "percent", "kind": "actual", "as_of": "2025-05",
      "source": "s", "quote": "92%"}),
    ("a typo in a field name ('valeu')",
     {"indicator": "online_dossiers_share", "valeu": 92, "unit": "percent", "kind": "actual", "as_of": "2025-05",
      "source": "s", "quote": "92%"}),
    ("'kind' must be actual or target",
     {"indicator": "online_dossiers_share", "value": 92, "unit": "percent", "kind": "goal", "as_of": "2025-05",
      "source": "s", "quote": "92%"}),
    ("a date must be 2025, 2025-05 or 2025-05-31",
     {"indicator": "online_dossiers_share", "value": 92, "unit": "percent", "kind": "actual", "as_of": "05/2025",
      "source": "s", "quote": "92%"}),
    ("the quote is required",
     {"indicator": "online_dossiers_share", "value": 92, "unit": "percent", "kind": "actual", "as_of": "2025-05",
      "source": "s"}),
)
GOOD_OBSERVATION = {
    "indicator": "online_dossiers_share", "value": 92, "unit": "percent", "kind": "actual", "as_of": "2025-05",
    "source": "dantri-2025-11-01-lai-chau", "quote": "92% hồ sơ xử lý trực tuyến",
}


def _type_name(annotation) -> str:
    text = str(annotation) if not isinstance(annotation, type) else annotation.__name__
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return " \\| ".join(f"`{value}`" for value in typing.get_args(annotation))
    for raw, plain in (("typing.", ""), ("scorecard.model.", ""), ("Annotated[", ""), ("NoneType", "empty"),
                       ("StrictInt", "whole number"), ("StrictFloat", "number"), ("StrictBool", "true/false"),
                       ("datetime.date", "date")):
        text = text.replace(raw, plain)
    if "Literal" in text:
        values = [repr(v) for arg in typing.get_args(annotation) for v in typing.get_args(arg)]
        return " \\| ".join(f"`{v.strip(chr(39))}`" for v in values) + (" or empty" if "empty" in text else "")
    text = text.split(",")[0] if text.startswith("str") else text
    return text.replace("|", "or").replace("[", " of ").replace("]", "").replace("<class '", "").replace("'>", "")


def _table(model: type[BaseModel]) -> list[str]:
    lines = ["| field | required | type | what to write | example |", "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        example = ", ".join(f"`{json.dumps(e, ensure_ascii=False)}`" for e in (info.examples or []))
        required = "yes" if info.is_required() else "no"
        description = (info.description or (getattr(info.annotation, "__doc__", "") or "")).replace("|", "\\|")
        description = description.split("\n")[0]
        lines.append(f"| `{name}` | {required} | {_type_name(info.annotation)} | {description} | {example} |")
    return lines


def field_guide(lang: str = "en") -> str:
    """The whole reference as Markdown (headings in both languages, field texts in English)."""
    title = "Hướng dẫn các trường dữ liệu / Field reference" if lang == "vi" else "Field reference / Hướng dẫn các trường"
    lines = [f"# {title}", "",
             "Generated from `scorecard/model.py` by `python -m scorecard fields`; do not edit by hand.", ""]
    for english, vietnamese, model in SECTIONS:
        lines += [f"## {english} — {vietnamese}", "", (model.__doc__ or "").strip(), "", *_table(model), ""]
    lines += ["## A good figure — Một số liệu đúng", "", "```yaml", *_yaml_block(GOOD_OBSERVATION), "```", "",
              "## Figures the validator refuses — Những lỗi thường gặp", ""]
    for why, example in BAD_OBSERVATIONS:
        lines += [f"- {why}:", "", "  ```yaml", *("  " + line for line in _yaml_block(example)), "  ```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _yaml_block(observation: dict) -> list[str]:
    lines = []
    for index, (key, value) in enumerate(observation.items()):
        prefix = "- " if index == 0 else "  "
        lines.append(f"{prefix}{key}: {json.dumps(value, ensure_ascii=False)}")
    return lines
