"""Files in and out: built-in datasets, dataset JSON, CSV, SDMX, UN Comtrade and Parquet,
each import all or nothing with a progress bar."""

from __future__ import annotations

from collections.abc import Mapping
from os import PathLike

from .._progress import ProgressArg, progress_bars
from .._results import ImportResult
from .base import Missing, OnDuplicate, StoreMethods


class ExchangeMethods(StoreMethods):
    """Datasets and files in and out."""

    def load_dataset(self, name: str) -> dict[str, int]:
        """Loads a built-in dataset (see `bilateral.datasets()`) all or nothing; returns
        how many sources, indicators, observations, events and claims it added.

        >>> bilateral.Store().load_dataset("azerbaijan-kazakhstan-2025")["observations"]
        35
        """
        return self._inner.load_dataset(name)

    def load(self, path: str | PathLike[str]) -> dict[str, int]:
        """Loads a dataset file (JSON in the format of the built-in datasets: sources,
        topics, indicators, observations, events, claims and populations; see
        docs/python.md, "Datasets from files")
        all or nothing, through the same checks as :meth:`add_many`; returns how many of
        each it added.
        A missing file is a FileNotFoundError; a file that is not a dataset a
        ValidationError whose reason names the line and column.

        >>> import json, pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "figures.json"
        >>> _ = path.write_text(json.dumps({"name": "figures", "title": "Our figures",
        ...     "observations": [{"indicator": "tourists", "origin": "GEO", "destination": "ARM",
        ...                       "period": "2024", "value": 1.2, "unit": "million persons"}]}))
        >>> bilateral.Store().load(path)["observations"]
        1
        """
        return self._inner.load(path)

    def export_json(self, path: str | PathLike[str]) -> dict[str, int]:
        """Writes the whole store to the dataset file at `path` (the JSON :meth:`load`
        reads): every source, topic, indicator, observation, event and claim, and the
        populations set with :meth:`set_population`; not the built-in World Bank
        population. Returns how many of each it wrote.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.json"
        >>> bilateral.demo().export_json(path)["observations"]
        35
        """
        return self._inner.export_json(path)

    def import_json(
        self,
        path: str | PathLike[str],
        *,
        on_duplicate: OnDuplicate = "error",
        progress: ProgressArg = None,
    ) -> dict[str, int]:
        """Loads a file :meth:`export_json` wrote (the same as :meth:`load`) all or
        nothing: into an empty store it gives the store exported. Returns how many of
        each it added. `on_duplicate` says what to do with an observation already
        stored (with "skip" or "replace", an event of the same date, pair, kind and
        title is passed over too); `progress` as for :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.json"
        >>> _ = bilateral.demo().export_json(path)
        >>> bilateral.Store().import_json(path)["claims"]
        13
        """
        callback, done = progress_bars(progress, "import")
        try:
            return self._inner.import_json(path, on_duplicate=on_duplicate, progress=callback)
        finally:
            done()

    def export_csv(
        self,
        path: str | PathLike[str],
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
    ) -> int:
        """Writes the observations the arguments select (as for :meth:`observations`)
        to the CSV file at `path`, in the library's own format: the columns of
        :meth:`observations`, the period as it was given. Returns how many it wrote.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "tourists.csv"
        >>> bilateral.demo().export_csv(path, indicator="tourists")
        4
        """
        return self._inner.export_csv(path, indicator, origin, destination, product, status)

    def export_parquet(
        self,
        path: str | PathLike[str],
        indicator: str | None = None,
        origin: str | None = None,
        destination: str | None = None,
        product: str | None = None,
        status: str | None = None,
    ) -> int:
        """Writes the observations the arguments select (as for :meth:`observations`)
        to the folder `path` as Parquet files that DuckDB, Polars, pyarrow and Spark
        read directly: one hive-style folder per indicator
        (``path/indicator=exports/part-0.parquet``, Snappy-compressed), each file with
        the columns of :meth:`observations` but ``indicator`` (the readers add it back
        from the folder name), plus ``start_day`` and ``end_day`` (int32 days since
        1970-01-01). Returns how many rows it wrote.

        The folder is created if missing; an existing one must be empty (an
        ``OSError`` otherwise, and nothing is written), so an export never mixes
        with an older one. A failed or interrupted export removes what it wrote.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "observations"
        >>> bilateral.demo().export_parquet(path, indicator="tourists")
        4
        >>> sorted(p.name for p in path.iterdir())
        ['indicator=tourists']
        """
        return self._inner.export_parquet(path, indicator, origin, destination, product, status)

    def export_population_parquet(self, path: str | PathLike[str]) -> int:
        """Writes the population table (``country``, ``year``, ``population``: what
        :meth:`per_capita` divides by, the built-in World Bank figures and any
        :meth:`set_population`) to the new Parquet file ``path``, for
        :func:`bilateral.sql.per_capita`; returns how many rows it wrote. An existing
        file is left as it is (a ``FileExistsError``)."""
        return self._inner.export_population_parquet(path)

    def import_csv(
        self,
        path: str | PathLike[str],
        on_duplicate: OnDuplicate = "error",
        *,
        missing: Missing = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Adds the observations of a CSV file in the format :meth:`export_csv` writes
        (columns by name: indicator, origin, destination, period and value required,
        other fields of :meth:`add` optional, unknown columns ignored) all or nothing,
        through the same checks as :meth:`add_many`. Returns what it read, wrote and
        skipped. A bad cell is a ValidationError whose ``record`` is the file's line
        (the first data line is line 2) and whose ``field`` is the column. A value cell
        that is empty or holds a mark of a missing value (``..`` as the World Bank and
        the OECD write it, ``:`` as Eurostat does, ``-``, ``x``, ``n/a`` …) is an error
        naming the mark; ``missing="skip"`` passes over such rows and counts them by
        mark in the result.

        `progress`: ``None`` shows a tqdm bar when tqdm is installed and the import
        takes over half a second; ``False`` shows none; a callable is called as
        ``progress(stage, done, total)`` (``stage`` "reading" counts bytes, "checking"
        and "writing" count rows), and what it raises stops the import. Ctrl-C stops
        it too, with ``KeyboardInterrupt``: either way the store is left as it was.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "tourists.csv"
        >>> _ = path.write_text("indicator,origin,destination,period,value\\n"
        ...                     "tourists,GEO,ARM,2024,1200000\\n")
        >>> bilateral.Store().import_csv(path)
        <ImportResult: read 1 row (csv), wrote 1 figure>
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_csv(
                path, on_duplicate=on_duplicate, missing=missing, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)

    def import_sdmx_csv(
        self,
        path: str | PathLike[str],
        mapping: Mapping[str, str] | None = None,
        *,
        on_duplicate: OnDuplicate = "error",
        missing: Missing = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Adds the observations of an SDMX-CSV data message (version 1, first column
        DATAFLOW, or version 2, STRUCTURE and STRUCTURE_ID, as the IMF, OECD, Eurostat
        and the ECB publish them) all or nothing. REF_AREA and COUNTERPART_AREA become
        origin and destination as the indicator says: for exports the reporter is the
        origin, for imports the destination. `mapping` maps SDMX INDICATOR codes to the
        store's indicators (``{"TBG_USD": "balance"}``; ``"imports:destination"`` also
        names the reporter's side); the IMF's ``TXG_FOB_USD``/``XG_FOB_USD`` (exports)
        and ``TMG_CIF_USD``/``MG_CIF_USD`` (imports) are mapped already, other codes are
        taken as indicator codes. UNIT_MULT scales the values, OBS_STATUS sets the
        status, each dataflow becomes a source. Eurostat Comext and OECD BIMTS files (a
        flow column, no INDICATOR) need no mapping: flow 2/X is exports, 1/M imports;
        euros go to ``exports_eur``/``imports_eur``, Comext's 100 kg to tonnes. A
        mapping that would put two series into one indicator (a flow of 1 and 2 mapped
        to ``exports``) is refused naming the column. Rows without a value, deletions
        and aggregates (the World, EU27_2020, EA20, EXT_EA20 …) are skipped and counted
        in the result, and so are the IMF's imports FOB (``MG_FOB_USD``) and trade
        balance (``TBG_USD``) unless mapped. A mapping that contradicts a code's known
        flow (``{"XG_FOB_USD": "imports"}``) or whose key names nothing in the file is
        refused. A file without a counterpart dimension is refused. A bad cell
        is a ValidationError whose ``record`` is the file's line and whose ``field`` is
        the SDMX column. An OBS_VALUE holding a mark of a missing value (``:``, ``..``)
        is an error naming it; ``missing="skip"`` passes over such rows, counted by
        mark. `on_duplicate` and `progress` as for :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "dots.csv"
        >>> _ = path.write_text(
        ...     "DATAFLOW,REF_AREA,INDICATOR,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MULT\\n"
        ...     "IMF:DOT(1.0),KZ,TMG_CIF_USD,AZ,2024,123.4,6\\n")
        >>> bilateral.Store().import_sdmx_csv(path)
        <ImportResult: read 1 row (sdmx), wrote 1 figure>
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_sdmx_csv(
                path, mapping, on_duplicate=on_duplicate, missing=missing, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)

    def import_comtrade_csv(
        self,
        path: str | PathLike[str],
        *,
        on_duplicate: OnDuplicate = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Adds the trade figures of a UN Comtrade CSV file (the Comtrade Plus API, its
        download, a bulk file gzipped or not, or a classic layout; countries given by M49
        code alone are named through Comtrade's table) all or nothing. Exports
        (flow X) go from the reporter to the partner, imports (M) from the partner to
        the reporter; re-exports and re-imports to ``re_exports`` and ``re_imports``;
        ``primaryValue`` in USD, ``netWgt`` in tonnes to the ``*_volume`` indicators;
        ``cmdCode`` is the product (``TOTAL`` is ``total``), named by ``cmdDesc`` and
        classified by ``classificationCode`` (H0–H6 as HS) unless the store already names
        it (see :meth:`products`). The partner World, areas
        that are not countries, codes that name no country and breakdowns by mode of
        transport, customs procedure or second partner are skipped, counted by reason in
        the result; Comtrade's error reply saved as a file is refused. The file is
        written a batch at a time inside one transaction, and progress told in bytes
        read. Errors and
        `on_duplicate`, `progress` as for :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "TradeData.csv"
        >>> _ = path.write_text("period,reporterISO,flowCode,partnerCode,partnerISO,"
        ...                     "cmdCode,netWgt,primaryValue\\n"
        ...                     "2024,KAZ,X,31,AZE,0101,2500,1200000\\n"
        ...                     "2024,KAZ,X,0,W00,0101,9000,5000000\\n")
        >>> result = bilateral.Store().import_comtrade_csv(path)
        >>> result.rows_read, result.figures_written, [s.reason for s in result.skipped]
        (2, 2, ['partner World is an aggregate'])
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_comtrade_csv(
                path, on_duplicate=on_duplicate, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)

    def import_file(
        self,
        path: str | PathLike[str],
        format: str | None = None,
        *,
        on_duplicate: OnDuplicate = "error",
        missing: Missing = "error",
        progress: ProgressArg = None,
    ) -> ImportResult:
        """Imports a file all or nothing: in `format` ("csv", "json", "sdmx", "comtrade"
        or "imf-dots", the IMF's legacy Direction of Trade Statistics CSV), or, when
        `format` is ``None``, in the format its beginning shows (a JSON object, an
        SDMX-CSV header, or a CSV header with the library's own columns, UN Comtrade's or
        the IMF DOTS export's). `on_duplicate`, `missing` (for the library's own CSV, and
        marks of a missing value in an SDMX file's OBS_VALUE) and `progress` as for
        :meth:`import_csv`.

        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "figures.txt"
        >>> _ = path.write_text("indicator,origin,destination,period,value\\n"
        ...                     "tourists,GEO,ARM,2024,1200000\\n")
        >>> bilateral.Store().import_file(path).format
        'csv'
        """
        callback, done = progress_bars(progress, "import")
        try:
            summary = self._inner.import_file(
                path, format, on_duplicate=on_duplicate, missing=missing, progress=callback
            )
        finally:
            done()
        return ImportResult.from_dict(summary)
