"""Command line: ``python -m bilateral [summary] [--dataset NAME | --db FILE]``."""

from __future__ import annotations

import argparse
import os
import sys

from . import BilateralError, Store, datasets


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="bilateral", description="Bilateral country metrics in an embedded SQLite store."
    )
    commands = parser.add_subparsers(dest="command")
    summary = commands.add_parser("summary", help="print a summary of a store or dataset")
    source = summary.add_mutually_exclusive_group()
    source.add_argument(
        "--dataset", help="a built-in dataset (default: azerbaijan-kazakhstan-2025)"
    )
    source.add_argument("--db", help="a store file to summarise")
    commands.add_parser("datasets", help="list the built-in datasets")
    args = parser.parse_args(argv)

    try:
        if args.command == "datasets":
            print("\n".join(datasets()))
            return 0
        db = getattr(args, "db", None)
        if db is not None:
            if not os.path.exists(db):
                print(f"bilateral: no such file: {db}", file=sys.stderr)
                return 2
            store = Store(db)
        else:
            store = Store()
            store.load_dataset(getattr(args, "dataset", None) or "azerbaijan-kazakhstan-2025")
        with store:
            print(store.summary())
            print("Derived figures")
            print(store.derived_summary(), end="")
        return 0
    except BilateralError as error:
        print(f"bilateral: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
