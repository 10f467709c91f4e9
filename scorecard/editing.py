"""Commands that help editors: scaffold a province or a source file, print the field guide.

Scaffolds take names and codes from the official registry, so a new file is right
from its first line; they never overwrite a file that exists.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .territory import ascii_slug, official_units


def province_skeleton(slug: str) -> str:
    """A valid, empty province file for ``slug``, with a commented example figure."""
    units = {unit_slug: (name, code) for unit_slug, name, code in official_units()}
    name, code = units[slug]
    return f"""# {name}: every figure about the province, one block per figure.
# How to add one: CONTRIBUTING.md (Vietnamese and English). Check with: python -m scorecard validate
name: {name}
code: "{code}"
observations: []
# Replace [] above by a list like this one (copy the quote exactly from the source):
# observations:
#   - indicator: online_dossiers_share
#     value: 92
#     unit: percent
#     kind: actual
#     as_of: 2025-05
#     source: your-source-id
#     quote: "92% hồ sơ xử lý trực tuyến"
"""


def cmd_new_province(args: argparse.Namespace) -> int:
    units = official_units()
    slugs = [slug for slug, _, _ in units]
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
    target.write_text(province_skeleton(args.slug), encoding="utf-8")
    print(f"created {target}")
    return 0


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def source_entry(source_id: str, title: str, publisher: str, url: str | None, published: str | None,
                 author: str | None, period: str | None) -> str:
    """One source block, as it is appended to data/sources.yaml."""
    lines = [f"  - id: {source_id}", f"    title: {_yaml_text(title)}", f"    publisher: {_yaml_text(publisher)}"]
    lines.append(f"    author: {_yaml_text(author)}" if author else "    author:  # none printed")
    lines.append(f"    url: {url}" if url else "    url:  # fill in the address")
    if published:
        lines.append(f'    published: "{published}"')
    if period:
        lines.append(f"    period: {_yaml_text(period)}")
    lines.append("    language: vi")
    return "\n".join(lines) + "\n"


def cmd_new_source(args: argparse.Namespace) -> int:
    from .model import Source

    source_id = args.id or ascii_slug(f"{args.publisher} {args.published or ''} {args.title}")[:60].strip("-")
    path = args.data / "sources.yaml"
    existing = path.read_text(encoding="utf-8") if path.exists() else "sources:\n"
    if re.search(rf"^\s*- id: {re.escape(source_id)}\s*$", existing, re.MULTILINE):
        print(f"a source with id '{source_id}' already exists in {path}; choose another --id", file=sys.stderr)
        return 1
    try:
        Source.model_validate({"id": source_id, "title": args.title, "publisher": args.publisher, "url": args.url,
                               "published": args.published, "author": args.author, "period": args.period})
    except Exception as err:  # pydantic's message names the field
        print(f"not added: {err}", file=sys.stderr)
        return 1
    entry = source_entry(source_id, args.title, args.publisher, args.url, args.published, args.author, args.period)
    separator = "" if existing.endswith("\n") else "\n"
    path.write_text(existing + separator + entry, encoding="utf-8")
    print(f"added source '{source_id}' to {path}")
    return 0


def cmd_fields(args: argparse.Namespace) -> int:
    from .fieldguide import field_guide

    print(field_guide(args.lang), end="")
    return 0


def add_commands(sub, default_data: Path) -> None:
    """Register the editors' commands on the main parser."""
    new_province = sub.add_parser("new-province", help="create data/provinces/SLUG.yaml with its official name and code")
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
    new_source.add_argument("--data", type=Path, default=default_data)
    new_source.set_defaults(func=cmd_new_source)

    fields = sub.add_parser("fields", help="print the reference of every YAML field (Markdown)")
    fields.add_argument("--lang", choices=("en", "vi"), default="en")
    fields.set_defaults(func=cmd_fields)

    from .diff import add_command as add_diff

    add_diff(sub, default_data)
