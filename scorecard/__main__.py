"""The command line: ``python -m scorecard validate | export | extract | coverage | fields | new-province |
new-source | new-indicator | diff | check-tracked``."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def _load_checked(data_dir: Path):
    from .checks import check_dataset
    from .dataset import load_dataset

    dataset = load_dataset(data_dir)
    problems = check_dataset(dataset)
    return dataset, problems


def cmd_validate(args: argparse.Namespace) -> int:
    """Print one line per problem; exit 1 when any is an error."""
    from .extract.output import draft_notices

    dataset, problems = _load_checked(args.data)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"] + draft_notices(args.data)
    for problem in errors:
        print(problem)
    if not args.quiet:
        for line in warning_lines(warnings, everything=args.all):
            print(line)
    provinces_with_data = sum(1 for record in dataset.province_files.values() if record.observations)
    summary = (
        f"{len(errors)} error(s), {len(warnings)} warning(s) in {len(dataset.loaded)} file(s): "
        f"{len(dataset.facts)} figures (and {len(dataset.national_facts)} national), "
        f"{len(dataset.indicators)} indicators, {len(dataset.sources)} sources, "
        f"{provinces_with_data}/{len(dataset.provinces)} provinces with data"
    )
    print(summary, file=sys.stderr)
    if not dataset.loaded:
        print(f"nothing was read from {args.data}", file=sys.stderr)
        return 1
    return 1 if errors else 0


_QUOTED = re.compile(r"'[^']*'")


def warning_lines(warnings: list, everything: bool = False, shown: int = 3) -> list[str]:
    """Warnings in file and line order; one said about many records is shown ``shown`` times, then counted.

    Two warnings are "the same" when they differ only in the ids and words they quote
    ('source 'a' has no author', 'source 'b' has no author').
    """
    if everything:
        return [str(w) for w in warnings]
    groups: dict[str, list] = {}
    for warning in warnings:
        groups.setdefault(_QUOTED.sub("'…'", warning.message), []).append(warning)
    lines = []
    for warning in warnings:
        group = groups[_QUOTED.sub("'…'", warning.message)]
        position = group.index(warning)
        if position < shown:
            lines.append(str(warning))
        if position == shown - 1 and len(group) > shown:
            lines.append(f"  … and {len(group) - shown} more warning(s) like this one (--all lists every one)")
    return lines


def cmd_export(args: argparse.Namespace) -> int:
    """Write the tidy table (csv or json) to --out, or every download into a folder."""
    from .export import export_files, write_files

    dataset, problems = _load_checked(args.data)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        for problem in errors:
            print(problem, file=sys.stderr)
        print("export refused: fix the errors above first (python -m scorecard validate)", file=sys.stderr)
        return 1
    files = export_files(dataset)
    if args.format == "all":
        write_files(files, args.out)
        print(f"wrote {', '.join(sorted(files))} to {args.out}", file=sys.stderr)
        return 0
    from .export import datapackage

    name = f"observations.{args.format}"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(files[name].encode("utf-8"))
    package = datapackage(dataset, files, {name: args.out.name})
    (args.out.parent / "datapackage.json").write_bytes(package.encode("utf-8"))
    print(f"wrote {args.out} ({len(dataset.facts)} rows) and datapackage.json", file=sys.stderr)
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    """Print how much of the country the data covers (it reads the data even when it has errors)."""
    from .coverage import report
    from .dataset import load_dataset

    print(report(load_dataset(args.data)), end="")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Print the drafts of one article; with --write, also save them as a new draft file."""
    from .extract import extract_text, load_vocabulary
    from .extract.output import draft_path, to_yaml, write_draft

    vocab = load_vocabulary(args.data)
    if args.province not in vocab.former_of:
        print(f"unknown province '{args.province}': use one of {', '.join(sorted(vocab.former_of))}", file=sys.stderr)
        return 2
    try:
        text = args.article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        print(f"{args.article}: cannot read it as UTF-8 text ({err})", file=sys.stderr)
        return 2
    extraction = extract_text(text, args.province, vocab)
    document = to_yaml(extraction, args.source, args.article.name)
    sys.stdout.write(document)
    if args.write:
        path = draft_path(args.data, args.province, args.source, args.article)
        try:
            write_draft(path, document)
        except FileExistsError:
            print(f"{path} exists already: review it, or delete it first; nothing was written", file=sys.stderr)
            return 1
        print(
            f"wrote {path} ({len(extraction.drafts)} draft figures); `validate` lists it until it is reviewed",
            file=sys.stderr,
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scorecard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check every data file; exit 1 on any error")
    validate.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")
    validate.add_argument("--quiet", action="store_true", help="print errors only, not warnings")
    validate.add_argument("--all", action="store_true", help="list every warning (repeated ones are counted otherwise)")
    validate.set_defaults(func=cmd_validate)

    export = sub.add_parser("export", help="write the observations table and datapackage.json")
    export.add_argument("--data", type=Path, default=DEFAULT_DATA)
    export.add_argument("--format", choices=("csv", "json", "all"), default="csv")
    export.add_argument("--out", type=Path, required=True, help="the file to write (a folder with --format all)")
    export.set_defaults(func=cmd_export)

    coverage = sub.add_parser("coverage", help="figures, pillars and sources per province; provinces per indicator")
    coverage.add_argument("--data", type=Path, default=DEFAULT_DATA)
    coverage.set_defaults(func=cmd_coverage)

    from . import editing, tracked

    extract = sub.add_parser(
        "extract", help="draft observations (YAML on stdout) from a Vietnamese article, for an editor to review"
    )
    extract.add_argument("article", type=Path, help="a UTF-8 text file: the article as copied from its page")
    extract.add_argument("--province", required=True, help="the province the article is about (a slug: lao-cai)")
    extract.add_argument("--source", help="the source id the drafts cite (from data/sources.yaml)")
    extract.add_argument("--write", action="store_true", help="also write a new draft file to data/drafts/")
    extract.add_argument("--data", type=Path, default=DEFAULT_DATA)
    extract.set_defaults(func=cmd_extract)

    editing.add_commands(sub, DEFAULT_DATA)
    tracked.add_command(sub, DEFAULT_DATA)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
