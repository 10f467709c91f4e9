"""The command line: ``python -m scorecard validate | export | fields | new-province | new-source | diff |
check-tracked``."""

from __future__ import annotations

import argparse
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
    dataset, problems = _load_checked(args.data)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    for problem in errors + ([] if args.quiet else warnings):
        print(problem)
    provinces_with_data = sum(1 for record in dataset.province_files.values() if record.observations)
    summary = (
        f"{len(errors)} error(s), {len(warnings)} warning(s) in {len(dataset.loaded)} file(s): "
        f"{len(dataset.facts)} figures, {len(dataset.indicators)} indicators, {len(dataset.sources)} sources, "
        f"{provinces_with_data}/{len(dataset.provinces)} provinces with data"
    )
    print(summary, file=sys.stderr)
    if not dataset.loaded:
        print(f"nothing was read from {args.data}", file=sys.stderr)
        return 1
    return 1 if errors else 0


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scorecard", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check every data file; exit 1 on any error")
    validate.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")
    validate.add_argument("--quiet", action="store_true", help="print errors only, not warnings")
    validate.set_defaults(func=cmd_validate)

    export = sub.add_parser("export", help="write the observations table and datapackage.json")
    export.add_argument("--data", type=Path, default=DEFAULT_DATA)
    export.add_argument("--format", choices=("csv", "json", "all"), default="csv")
    export.add_argument("--out", type=Path, required=True, help="the file to write (a folder with --format all)")
    export.set_defaults(func=cmd_export)

    from . import editing, tracked

    editing.add_commands(sub, DEFAULT_DATA)
    tracked.add_command(sub, DEFAULT_DATA)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
