"""The ``bilateral`` command line (also ``python -m bilateral``).

    bilateral report [COUNTRY COUNTRY] [--db FILE | --dataset NAME] [--format F] [-o OUT]
                     [--include-implied] [--since PERIOD] [--until PERIOD] [--top N]
                     [--title TEXT] [--topic CODE ...] [--digits N] [--appendix FILE]
    bilateral summary [--db FILE | --dataset NAME]
    bilateral load FILE --db FILE
    bilateral import FILE --db FILE [--format csv|json|sdmx|comtrade|imf-dots]  (else guessed)
                     [--on-duplicate error|skip|replace] [--missing error|skip]
                     [--mapping CODE=INDICATOR ...]  (SDMX, given or guessed)
    bilateral export --db FILE [--format csv|json|parquet] OUT
    bilateral read FILE [-o OUT] [--pair A B] [--published DATE] [--source ID]
    bilateral check FILE [--db FILE | --dataset NAME] [--pair A B] [--published DATE]
                    [--format text|markdown|html] [-o OUT]
    bilateral datasets
    bilateral --version

A store file is always named with ``--db``; without ``--db`` or ``--dataset`` the
built-in dataset answers, and a pair it has no figures for is an error (rather than
an empty report the user did not ask for).

A ``load`` or ``import`` that fails leaves the store as it was: a store file the command
created is removed again (with SQLite's ``-wal``, ``-shm`` and ``-journal`` beside it),
and an existing one keeps what it held (every write is one transaction).

Exit status: 0 on success, 1 when the library refuses the input (an unknown country, a
pair the built-in dataset has no figures for, a bad dataset file), 2 for bad arguments
or a missing file; errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator

from . import BilateralError, Store, __version__, _core, datasets, read_text
from ._results import counted

DEFAULT_DATASET = "azerbaijan-kazakhstan-2025"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, not argparse's usage block: the status says what kind of failure.
        print(f"bilateral: {message}", file=sys.stderr)
        raise SystemExit(2)


class _Usage(Exception):
    """Bad arguments found after parsing (a missing file): exit status 2."""


class _Refused(Exception):
    """Input the command refuses though the library would not (exit status 1)."""


def _in_flags(error: Exception, command: str) -> str:
    """The error's message in the command line's words.

    The library hands its message on in parts (``_parts``): its text, and the choices of
    the call it advises, each as ``(option, value, the library's own words)``, which it
    marks by the error's kind and suggestion (the code of an ``unmapped_code``, the
    ``on_duplicate`` choices of a ``duplicate``). Python's message words them as keyword
    arguments; here each is the flag that makes the same choice, and no message text is
    matched or rewritten."""
    parts = error._parts if isinstance(error, BilateralError) else ()
    if not parts:
        return str(error)
    return "".join(part if isinstance(part, str) else _flag(*part, command) for part in parts)


def _flag(option: str, value: str | None, words: str, command: str) -> str:
    """The flag for a choice a message advises (see `_in_flags`); the library's words for
    one the command line has no flag for."""
    if option == "mapping":
        # An unmapped SDMX code (its `suggestion`), or CODE when the message is about
        # every code of a column.
        return f"--mapping {value or 'CODE'}=INDICATOR"
    if option in ("on_duplicate", "missing") and value is not None:
        flag = f"--{option.replace('_', '-')} {value}"
        # Only import takes them: a duplicate in a loaded file names the command.
        return flag if command == "import" else f"bilateral import {flag}"
    return words


def _open(db: str | None, dataset: str | None) -> Store:
    if db is not None:
        if not os.path.exists(db):
            raise _Usage(f"no such file: {db}")
        return Store(db)
    store = Store()
    store.load_dataset(dataset or DEFAULT_DATASET)
    return store


@contextlib.contextmanager
def _removed_if_new_and_failed(db: str) -> Iterator[None]:
    """Removes the store file `db` (and SQLite's files beside it) when the body fails
    and the file did not exist before: a failed command leaves no empty store behind.
    The body must close the store before it ends."""
    existed = os.path.lexists(db)
    try:
        yield
    except BaseException:
        if not existed:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(db + suffix)
        raise


def _add_store_options(parser: argparse.ArgumentParser, what: str) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--db", help=f"the store file {what}")
    source.add_argument("--dataset", help=f"a built-in dataset (default: {DEFAULT_DATASET})")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bilateral", description="Bilateral country metrics in an embedded SQLite store."
    )
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    report = commands.add_parser("report", help="the report on a pair of countries")
    report.add_argument(
        "countries",
        nargs="*",
        metavar="COUNTRY",
        help="the pair (default: the pair with most data)",
    )
    _add_store_options(report, "to report from")
    report.add_argument("--format", choices=["markdown", "html", "json"], default="markdown")
    report.add_argument("-o", "--output", help="write to this file instead of standard output")
    report.add_argument(
        "--include-implied",
        action="store_true",
        help="add the ranges claims imply for unpublished figures to the figures tables",
    )
    report.add_argument("--since", help="only figures from this period or year on (2020, 2024-Q1)")
    report.add_argument("--until", help="only figures up to this period or year")
    report.add_argument(
        "--top",
        type=int,
        default=10,
        help="how many products of a series to name; the rest are summed (default: 10)",
    )
    report.add_argument(
        "--digits",
        type=int,
        default=3,
        metavar="N",
        help="significant digits of the numbers in the text, 1 to 4 (default: 3)",
    )
    report.add_argument(
        "--appendix",
        metavar="FILE",
        help="also write every figure of the report, which its tables abridge, to this CSV file",
    )
    report.add_argument("--title", help="the report's title instead of 'A and B'")
    report.add_argument(
        "--topic",
        action="append",
        dest="topics",
        metavar="CODE",
        help="only this topic's section (trade, people …); repeat for more",
    )

    summary = commands.add_parser(
        "summary", help="every figure, event and source of a store or dataset"
    )
    _add_store_options(summary, "to summarise")

    load = commands.add_parser("load", help="load a dataset file into a store file")
    load.add_argument("file", help="a dataset file (JSON, the format docs/python.md describes)")
    load.add_argument("--db", required=True, help="the store file (created if missing)")

    import_ = commands.add_parser("import", help="add the observations of a file to a store file")
    import_.add_argument(
        "file",
        help="observations (the library's own CSV, SDMX-CSV, UN Comtrade CSV) or a whole "
        "store (JSON)",
    )
    import_.add_argument("--db", required=True, help="the store file (created if missing)")
    import_.add_argument(
        "--format",
        help=f"{', '.join(FILE_FORMATS)} (default: guessed from the file's header)",
    )
    import_.add_argument(
        "--on-duplicate",
        choices=["error", "skip", "replace"],
        default="error",
        help="what to do with a figure already stored (default: error, and import nothing)",
    )
    import_.add_argument(
        "--missing",
        choices=["error", "skip"],
        default="error",
        help="what to do with a row of the library's CSV whose value is empty or marked "
        "missing (.., :, -, n/a …), or of an SDMX file whose OBS_VALUE is such a mark "
        "(default: error, and import nothing)",
    )
    import_.add_argument(
        "--mapping",
        action="append",
        default=[],
        metavar="CODE=INDICATOR",
        help="sdmx (given or guessed): the indicator an SDMX INDICATOR code is (repeat for more)",
    )

    export = commands.add_parser(
        "export",
        help="write a store file's observations (csv, or a parquet folder) or all of it (json)",
    )
    export.add_argument("output", metavar="OUT", help="the file (parquet: the folder) to write")
    export.add_argument("--db", required=True, help="the store file")
    export.add_argument("--format", help="the file's format (default: from its extension)")

    read = commands.add_parser(
        "read", help="read a news text into a draft dataset file of figures, claims and events"
    )
    read.add_argument("file", help="the text (UTF-8)")
    read.add_argument("-o", "--output", help="the dataset file to write (default: standard output)")
    _add_reader_options(read)
    read.add_argument("--source", help="the source id the items cite")

    check = commands.add_parser(
        "check", help="check the figures and claims of a news text against a store"
    )
    check.add_argument("file", help="the text (UTF-8)")
    _add_store_options(check, "to check against")
    _add_reader_options(check)
    check.add_argument(
        "--format",
        choices=["text", "markdown", "html"],
        default="text",
        help="a line per figure and claim (text), or the fact-check report",
    )
    check.add_argument("-o", "--output", help="write to this file instead of standard output")

    commands.add_parser("datasets", help="list the built-in datasets")
    return parser


def _add_reader_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pair", nargs=2, metavar=("A", "B"), help="the pair the text is about (codes or names)"
    )
    parser.add_argument(
        "--published", metavar="DATE", help="when the text appeared (YYYY-MM-DD): dates 'last year'"
    )


def _text_of(path: str) -> str:
    if not os.path.exists(path):
        raise _Usage(f"no such file: {path}")
    with open(path, encoding="utf-8") as file:
        return file.read()


def _read(args: argparse.Namespace) -> int:
    pair = tuple(args.pair) if args.pair else None
    draft = read_text(_text_of(args.file), pair=pair, source=args.source, published=args.published)
    dataset = draft.to_json(name=os.path.splitext(os.path.basename(args.file))[0])
    if args.output is None:
        print(dataset)
    else:
        with open(args.output, "w", encoding="utf-8") as file:
            file.write(dataset + "\n")
        print(f"read {draft!r} from {args.file} into {args.output}")
    return 0


def _check(args: argparse.Namespace) -> int:
    text = _text_of(args.file)
    pair = tuple(args.pair) if args.pair else None
    with _open(args.db, args.dataset) as store:
        if args.format == "text":
            checks = store.check_text(text, pair=pair, published=args.published)
            lines = [
                f"{r.verdict}: {r.kind} “{r.words}”: {r.explanation}" for r in checks.itertuples()
            ]
            counts = checks["verdict"].value_counts()
            lines.append(", ".join(f"{n} {v}" for v, n in counts.items()) or "nothing to check")
            out = "\n".join(lines) + "\n"
        else:
            report = store.fact_check(text, pair=pair, published=args.published)
            out = report.to_markdown() if args.format == "markdown" else report.to_html()
    if args.output is None:
        print(out, end="")
    else:
        with open(args.output, "w", encoding="utf-8") as file:
            file.write(out)
        print(f"wrote the fact check of {args.file} to {args.output}")
    return 0


def _report(args: argparse.Namespace) -> int:
    words = list(args.countries)
    if len(words) not in (0, 2):
        hint = (
            f"; name the store with --db {words[0]}" if words and os.path.isfile(words[0]) else ""
        )
        raise _Usage(f"give two countries, not {len(words)}: {' '.join(words)}{hint}")
    with _open(args.db, args.dataset) as store:
        if not words:
            pairs = store.pairs()
            if not pairs:
                raise _Usage("the store holds no figures; name two countries")
            words = [pairs[0][0], pairs[0][1]]
        elif args.db is None and args.dataset is None:
            # The user named no data: a pair the built-in dataset lacks is a mistake to
            # point out, not an empty report to print.
            pair = sorted(str(store.country(word)["alpha3"]) for word in words)
            if not any(sorted(p[:2]) == pair for p in store.pairs()):
                raise _Refused(
                    f"the built-in dataset {DEFAULT_DATASET} has no figures for "
                    f"{' and '.join(words)}; name a store with --db or a dataset with --dataset"
                )
        report = store.report(
            words[0],
            words[1],
            since=args.since,
            until=args.until,
            top=args.top,
            title=args.title,
            topics=args.topics,
            include_implied=args.include_implied,
            digits=args.digits,
        )
    text = report.render(args.format)
    if args.appendix:
        report.write_appendix(args.appendix)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


# The formats of `import` and `export`, and those planned (a usage error for now).
FILE_FORMATS = ("csv", "json", "sdmx", "comtrade", "imf-dots")
# Formats only read (a usage error for `export`).
IMPORT_ONLY_FORMATS = ("sdmx", "comtrade", "imf-dots")
PLANNED_FORMATS = ("xlsx",)
# Parquet is written only: a folder of files for DuckDB, Polars or Spark, not a way in.
EXPORT_FORMATS = ("csv", "json", "parquet")


def _file_format(path: str, given: str | None, formats: tuple[str, ...] = FILE_FORMATS) -> str:
    """The format `--format` names, or else the one the file's extension says (a
    folder named ``observations.parquet`` is Parquet)."""
    name = (given or os.path.splitext(path)[1].lstrip(".")).lower()
    known = " or ".join(formats)
    if name in formats:
        return name
    if not name:
        raise _Usage(f"cannot tell the format of {path}; give --format {known}")
    if name in IMPORT_ONLY_FORMATS:
        raise _Usage(f"the {name} format is read, not written: give --format {known}")
    if name in EXPORT_FORMATS:
        raise _Usage(f"{name} is written by export only; give --format {known}")
    if name in PLANNED_FORMATS:
        raise _Usage(f"the {name} format is not yet supported; only {known} for now")
    raise _Usage(f"unknown format {name!r}; only {known}")


def _counts(summary: dict[str, int]) -> str:
    """The kinds a summary counts any of, as "35 observations, 21 events"."""
    return ", ".join(f"{n} {kind}" for kind, n in summary.items() if n) or "nothing"


def _import(args: argparse.Namespace) -> int:
    if args.format is not None and args.format.lower() not in FILE_FORMATS:
        _file_format(args.file, args.format)  # raises the usage error for the name
    if not os.path.exists(args.file):
        raise _Usage(f"no such file: {args.file}")
    mapping = {}
    for entry in args.mapping:
        code, equals, indicator = entry.partition("=")
        if not equals or not code.strip() or not indicator.strip():
            raise _Usage(f"--mapping takes CODE=INDICATOR, not {entry!r}")
        mapping[code.strip()] = indicator.strip()
    given = (args.format or "").lower()
    if mapping and not given:
        # The format the file's header shows, as an import without --format guesses it.
        with contextlib.suppress(BilateralError):
            given = _core.file_format(args.file)
    if mapping and given != "sdmx":
        raise _Usage("--mapping is for SDMX files: give --format sdmx")
    with _removed_if_new_and_failed(args.db), Store(args.db) as store:
        by_extension = args.format is None and args.file.lower().endswith(".json")
        # Progress on stderr once a stage has run half a second (with tqdm).
        if by_extension or given == "json":
            what = _counts(store.import_json(args.file, on_duplicate=args.on_duplicate))
        else:
            if given == "sdmx":
                result = store.import_sdmx_csv(
                    args.file, mapping, on_duplicate=args.on_duplicate, missing=args.missing
                )
            else:
                result = store.import_file(
                    args.file, args.format, on_duplicate=args.on_duplicate, missing=args.missing
                )
            what = f"{counted(result.figures_written, 'figures')} from "
            what += f"{counted(result.rows_read, 'rows')} ({result.format})"
            for skipped in result.skipped:
                what += f"; skipped {counted(skipped.rows, skipped.counts)} "
                what += f"(first at line {skipped.first_line}): {skipped.reason}"
    print(f"imported into {args.db} from {args.file}: {what}")
    return 0


def _export(args: argparse.Namespace) -> int:
    file_format = _file_format(args.output, args.format, EXPORT_FORMATS)
    with _open(args.db, None) as store:
        if file_format == "json":
            what = _counts(store.export_json(args.output))
        elif file_format == "parquet":
            what = f"{store.export_parquet(args.output)} observations"
        else:
            what = f"{store.export_csv(args.output)} observations"
    print(f"exported {what} from {args.db} to {args.output}")
    return 0


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
        if args.command == "load":
            if not os.path.exists(args.file):
                raise _Usage(f"no such file: {args.file}")
            with _removed_if_new_and_failed(args.db), Store(args.db) as store:
                added = store.load(args.file)
            counts = ", ".join(f"{n} {what}" for what, n in added.items())
            print(f"loaded {args.file} into {args.db}: {counts}")
            return 0
        if args.command == "import":
            return _import(args)
        if args.command == "export":
            return _export(args)
        if args.command == "read":
            return _read(args)
        if args.command == "check":
            return _check(args)
        return _report(args)
    except _Usage as error:
        print(f"bilateral: {error}", file=sys.stderr)
        return 2
    except (BilateralError, _Refused) as error:
        print(f"bilateral: {_in_flags(error, args.command)}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"bilateral: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Every write is one transaction: an interrupted one wrote nothing to the store.
        print("bilateral: interrupted; the store is as it was", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
