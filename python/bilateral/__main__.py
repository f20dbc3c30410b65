"""The ``bilateral`` command line (also ``python -m bilateral``).

    bilateral report --dataset azerbaijan-kazakhstan-2025 --format markdown
    bilateral report relations.db AZE KAZ --format html -o out.html
    bilateral summary [--dataset NAME | --db FILE]
    bilateral datasets

Exit status: 0 on success, 1 when the library refuses the input (an unknown country,
say), 2 for bad arguments or a missing file; errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys

from . import BilateralError, Store, datasets

DEFAULT_DATASET = "azerbaijan-kazakhstan-2025"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, not argparse's usage block: the status says what kind of failure.
        print(f"bilateral: {message}", file=sys.stderr)
        raise SystemExit(2)


class _Usage(Exception):
    """Bad arguments found after parsing (a missing file): exit status 2."""


def _open(db: str | None, dataset: str | None) -> Store:
    if db is not None:
        if not os.path.exists(db):
            raise _Usage(f"no such file: {db}")
        return Store(db)
    store = Store()
    store.load_dataset(dataset or DEFAULT_DATASET)
    return store


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bilateral", description="Bilateral country metrics in an embedded SQLite store."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    report = commands.add_parser("report", help="the report on a pair of countries")
    report.add_argument("db", nargs="?", help="a store file (else --dataset)")
    report.add_argument(
        "countries",
        nargs="*",
        metavar="COUNTRY",
        help="the pair (default: the pair with most data)",
    )
    report.add_argument(
        "--dataset", help=f"a built-in dataset instead of a file (default: {DEFAULT_DATASET})"
    )
    report.add_argument("--format", choices=["markdown", "html", "json"], default="markdown")
    report.add_argument("-o", "--output", help="write to this file instead of standard output")

    summary = commands.add_parser(
        "summary", help="every figure, event and source of a store or dataset"
    )
    source = summary.add_mutually_exclusive_group()
    source.add_argument("--dataset", help=f"a built-in dataset (default: {DEFAULT_DATASET})")
    source.add_argument("--db", help="a store file to summarise")

    commands.add_parser("datasets", help="list the built-in datasets")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "datasets":
            print("\n".join(datasets()))
            return 0
        if args.command == "summary":
            with _open(args.db, args.dataset) as store:
                print(store.summary(), end="")
            return 0
        # report: with --dataset, positional words are countries, not a file.
        words = ([args.db] if args.db else []) + list(args.countries)
        # Two words and no such file: two countries in the default dataset.
        takes_file = (
            not args.dataset and words and not (len(words) == 2 and not os.path.exists(words[0]))
        )
        db = words.pop(0) if takes_file else None
        if len(words) not in (0, 2):
            raise _Usage(f"give two countries, not {len(words)}: {' '.join(words)}")
        with _open(db, args.dataset) as store:
            if not words:
                pairs = store.pairs()
                if not pairs:
                    raise _Usage("the store holds no figures; name two countries")
                words = [pairs[0][0], pairs[0][1]]
            report = store.report(words[0], words[1])
        text = report.render(args.format)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        else:
            sys.stdout.write(text)
        return 0
    except _Usage as error:
        print(f"bilateral: {error}", file=sys.stderr)
        return 2
    except BilateralError as error:
        print(f"bilateral: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"bilateral: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
