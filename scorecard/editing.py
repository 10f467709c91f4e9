"""Commands that help editors: scaffold a province or a source file, print the field guide.

Scaffolds take names and codes from the official registry, so a new file is right
from its first line; they never overwrite a file that exists.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .load import DataFileError, load_yaml
from .territory import ascii_slug, build_registry, official_units


def province_skeleton(slug: str, unit=None) -> str:
    """A valid, empty province file for ``slug``, with a commented example figure (and, for a merged
    province, which territory: to write for each former unit)."""
    units = {unit_slug: (name, code) for unit_slug, name, code in official_units()}
    name, code = units[slug]
    merged = ""
    if unit is not None and not unit.unchanged:
        lines = "".join(f"#   {t.name} (code {t.code}): territory: {t.id}\n" for t in unit.former)
        merged = (
            f"#\n# {name} was formed in the 2025 merger (merged_on: in data/former-units.yaml). A figure dated\n"
            f"# before it describes a former unit and must say which one; a figure about the merged\n"
            f"# province says territory: current.\n{lines}"
        )
    return f"""# {name}: every figure about the province, one block per figure.
# How to add one: CONTRIBUTING.md (Vietnamese and English). Check with: python -m scorecard validate
#
# For the first figure, replace the line "observations: []" by "observations:" and write
# each figure below it like this one (two spaces before "-", four before the other keys;
# the quote copied exactly from the source):
#
#   - indicator: online_dossiers_share
#     value: 92
#     unit: percent
#     kind: actual
#     as_of: "2025-05"
#     source: your-source-id
#     quote: "92% hồ sơ xử lý trực tuyến"
{merged}name: {name}
code: "{code}"
observations: []
"""


def _registry(data_dir: Path) -> dict:
    """The 34 units with their former units, read from data/former-units.yaml (empty if unreadable)."""
    try:
        return build_registry(load_yaml(data_dir / "former-units.yaml").data)
    except (DataFileError, OSError, KeyError, TypeError):
        return {}


def former_unit_hint(name: str, data_dir: Path) -> str | None:
    """Where the figures of a former unit ("ha-giang", "Hà Giang") go now, and what territory to write."""
    wanted = ascii_slug(name)
    for unit in _registry(data_dir).values():
        for former in unit.former:
            if not unit.unchanged and wanted in (ascii_slug(former.name), former.id):
                return (
                    f"{former.name} (code {former.code}) is no longer a province: since the 2025 merger it is part "
                    f"of {unit.name}. Write its figures in data/provinces/{unit.slug}.yaml with "
                    f"territory: {former.id}"
                    + (
                        ""
                        if (data_dir / "provinces" / f"{unit.slug}.yaml").exists()
                        else f" (create that file with: python -m scorecard new-province {unit.slug})"
                    )
                )
    return None


def cmd_new_province(args: argparse.Namespace) -> int:
    units = official_units()
    slugs = [slug for slug, _, _ in units]
    hint = former_unit_hint(args.slug, args.data) if args.slug not in slugs else None
    if hint is not None:
        print(hint, file=sys.stderr)
        return 2
    if args.slug not in slugs:
        print(f"'{args.slug}' is not one of the 34 provinces. Their file names:", file=sys.stderr)
        for slug, name, code in units:
            print(f"  {slug:<14} {name} ({code})", file=sys.stderr)
        return 2
    target = args.data / "provinces" / f"{args.slug}.yaml"
    if target.exists():
        print(f"{target} already exists; nothing was changed", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    unit = _registry(args.data).get(args.slug)
    target.write_text(province_skeleton(args.slug, unit), encoding="utf-8")
    print(f"created {target}")
    return 0


def _yaml_text(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (it is already one line, without control characters)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one_line(text: str | None) -> str | None:
    """Collapse the line breaks and tabs a copy from a web page brings; None stays None."""
    return " ".join(text.split()) if text is not None else None


_HIDDEN = re.compile("[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def source_entry(
    source_id: str,
    title: str,
    publisher: str,
    url: str | None,
    published: str | None,
    author: str | None,
    period: str | None,
    language: str = "vi",
) -> str:
    """One source block, as it is appended to data/sources.yaml."""
    lines = [f"  - id: {source_id}", f"    title: {_yaml_text(title)}", f"    publisher: {_yaml_text(publisher)}"]
    lines.append(f"    author: {_yaml_text(author)}" if author else "    author:  # none printed")
    lines.append(f"    url: {_yaml_text(url)}" if url else "    url:  # fill in the address")
    if published:
        lines.append(f'    published: "{published}"')
    if period:
        lines.append(f"    period: {_yaml_text(period)}")
    lines.append(f"    language: {language}")
    return "\n".join(lines) + "\n"


def _refuse(message: str) -> int:
    print(f"not added: {message}", file=sys.stderr)
    return 1


def cmd_new_source(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from .load import DataFileError, load_yaml_text
    from .model import Source, SourcesFile

    texts = {name: _one_line(getattr(args, name)) for name in ("title", "publisher", "author", "period", "url")}
    for name, text in texts.items():
        if text is not None and (hidden := _HIDDEN.search(text)):
            return _refuse(f"--{name} contains an invisible character (U+{ord(hidden.group()):04X}); retype it")
    title, publisher, author, period, url = (texts[name] for name in ("title", "publisher", "author", "period", "url"))
    source_id = args.id or ascii_slug(f"{publisher} {args.published or ''} {title}")[:60].strip("-")
    if not source_id:
        return _refuse("no id can be made from the title and publisher; choose one with --id")
    path = args.data / "sources.yaml"
    existing = path.read_text(encoding="utf-8") if path.exists() else "sources:\n"
    try:
        current = load_yaml_text(existing, str(path))
    except DataFileError as err:
        return _refuse(f"{err.problem}\nfix {path} first (python -m scorecard validate)")
    listed = current.data.get("sources") if isinstance(current.data, dict) else None
    ids = {item.get("id") for item in listed or [] if isinstance(item, dict)}
    if source_id in ids:
        print(f"a source with id '{source_id}' already exists in {path}; choose another --id", file=sys.stderr)
        return 1
    try:
        Source.model_validate(
            {
                "id": source_id,
                "title": title,
                "publisher": publisher,
                "url": url,
                "published": args.published,
                "author": author,
                "period": period,
                "language": args.language,
            }
        )
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        option = "--" + str(first["loc"][0]) if first["loc"] else "the source"
        return _refuse(f"{option}: {first['msg'].removeprefix('Value error, ')}")
    entry = source_entry(source_id, title, publisher, url, args.published, author, period, args.language)
    # One blank line between entries, as in the rest of the file.
    body = existing.rstrip("\n") + "\n"
    separator = "" if body.rstrip().endswith("sources:") else "\n"
    updated = body + separator + entry
    try:  # the file as it will be must still read and validate, or nothing is written
        SourcesFile.model_validate(load_yaml_text(updated, str(path)).data)
    except DataFileError as err:
        return _refuse(f"{path} would no longer read: {err.problem.message}; check its last lines")
    except ValidationError as err:
        return _refuse(
            f"{path} would no longer validate ({err.error_count()} problem(s)); "
            "run python -m scorecard validate and fix it first"
        )
    path.write_text(updated, encoding="utf-8")
    print(f"added source '{source_id}' to {path}")
    print(f"use it in a figure as:  source: {source_id}")
    return 0


def indicator_entry(args: argparse.Namespace) -> str:
    """A complete indicator block for data/indicators.yaml, every field written out in both languages."""
    lines = [
        f"  - id: {args.id}",
        f"    pillar: {args.pillar}",
        f"    unit: {args.unit}",
        "    name:",
        f"      vi: {_yaml_text(args.name_vi)}",
        f"      en: {_yaml_text(args.name_en)}",
        "    definition:",
        f"      vi: {_yaml_text(args.definition_vi)}",
        f"      en: {_yaml_text(args.definition_en)}",
    ]
    for key in ("why", "caveat"):
        vi, en = getattr(args, f"{key}_vi"), getattr(args, f"{key}_en")
        if vi and en:
            lines += [f"    {key}:", f"      vi: {_yaml_text(vi)}", f"      en: {_yaml_text(en)}"]
    lines += [
        f"    higher_is_better: {'false' if args.lower_is_better else 'true'}",
        f"    comparable: {'true' if args.comparable else 'false'}",
        "    headline: false",
    ]
    return "\n".join(lines) + "\n"


def cmd_new_indicator(args: argparse.Namespace) -> int:
    """Append an indicator to data/indicators.yaml, refusing what the validator would refuse."""
    from .checks import check_dataset
    from .dataset import load_dataset

    for name in ("name_vi", "name_en", "definition_vi", "definition_en", "why_vi", "why_en", "caveat_vi", "caveat_en"):
        value = _one_line(getattr(args, name))
        if value is not None and _HIDDEN.search(value):
            return _refuse(f"--{name.replace('_', '-')} contains an invisible or control character; retype it")
        setattr(args, name, value)
    path = args.data / "indicators.yaml"
    dataset = load_dataset(args.data)
    problems = []
    if args.id in dataset.indicators:
        problems.append(f"the indicator '{args.id}' already exists")
    if args.pillar not in dataset.pillars:
        problems.append(f"unknown pillar '{args.pillar}'; use one of: {', '.join(dataset.pillars)}")
    if args.unit not in dataset.units:
        problems.append(f"unknown unit '{args.unit}'; use one of: {', '.join(dataset.units)}")
    if problems:
        return _refuse("; ".join(problems))
    original = path.read_text(encoding="utf-8")
    path.write_text(original.rstrip("\n") + "\n\n" + indicator_entry(args), encoding="utf-8")
    broken = [
        p
        for p in check_dataset(load_dataset(args.data))
        if p.severity == "error" and p.path.endswith("indicators.yaml")
    ]
    if broken:
        path.write_text(original, encoding="utf-8")  # nothing already in the data is lost
        return _refuse("; ".join(str(p) for p in broken[:3]))
    print(f"added indicator '{args.id}' to {path}; use it in a figure as:  indicator: {args.id}  unit: {args.unit}")
    return 0


def cmd_fields(args: argparse.Namespace) -> int:
    from .fieldguide import field_guide

    print(field_guide(args.lang), end="")
    return 0


def add_commands(sub, default_data: Path) -> None:
    """Register the editors' commands on the main parser."""
    new_province = sub.add_parser(
        "new-province", help="create data/provinces/SLUG.yaml with its official name and code"
    )
    new_province.add_argument("slug", help="the province's file name, e.g. lao-cai (run with any word to list them)")
    new_province.add_argument("--data", type=Path, default=default_data)
    new_province.set_defaults(func=cmd_new_province)

    new_source = sub.add_parser("new-source", help="append a source to data/sources.yaml")
    new_source.add_argument("--title", required=True)
    new_source.add_argument("--publisher", required=True)
    new_source.add_argument("--url", help="the original address (http/https)")
    new_source.add_argument("--published", help="publication date YYYY-MM-DD, only when printed")
    new_source.add_argument("--author", help="only when printed")
    new_source.add_argument("--period", help="what the text says of its period when no date is printed")
    new_source.add_argument("--id", help="the id to use (default: made from publisher, date and title)")
    new_source.add_argument("--language", choices=("vi", "en"), default="vi", help="the text's language (default: vi)")
    new_source.add_argument("--data", type=Path, default=default_data)
    new_source.set_defaults(func=cmd_new_source)

    new_indicator = sub.add_parser("new-indicator", help="append an indicator, every field in both languages")
    new_indicator.add_argument("id", help="lower case with underscores, e.g. villages_5g_share; never changed later")
    new_indicator.add_argument("--pillar", required=True, help="a pillar id from data/indicators.yaml")
    new_indicator.add_argument("--unit", required=True, help="a unit id from data/units.yaml")
    for key, needed in (("name", True), ("definition", True), ("why", False), ("caveat", False)):
        for lang, language in (("vi", "Vietnamese"), ("en", "English")):
            new_indicator.add_argument(f"--{key}-{lang}", required=needed, help=f"the {key} in {language}")
    new_indicator.add_argument("--lower-is-better", action="store_true", help="a lower value is the better one")
    new_indicator.add_argument("--comparable", action="store_true", help="provinces may be ranked on it")
    new_indicator.add_argument("--data", type=Path, default=default_data)
    new_indicator.set_defaults(func=cmd_new_indicator)

    fields = sub.add_parser("fields", help="print the reference of every YAML field (Markdown)")
    fields.add_argument("--lang", choices=("en", "vi"), default="en")
    fields.set_defaults(func=cmd_fields)

    from .diff import add_command as add_diff

    add_diff(sub, default_data)
