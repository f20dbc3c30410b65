"""The parts :class:`bilateral.Store` is made of, one module per concern, as the native
store is split (``src/python/store/``, one file per ``#[pymethods]`` block): each part
is a class of methods over the native store, and ``bilateral.store.Store`` combines them.
A method lives in the part named like the Rust file of the native method it calls.

- ``open``: the file, the schema version, ``close`` and the store's repr;
- ``exchange``: datasets and files in and out (JSON, CSV, SDMX, Comtrade, Parquet);
- ``writes``: ``add``, ``add_many`` and the other writes;
- ``reads``: the observations, the small listings, a country, a population, the summary;
- ``claims``: claims and the checks of a text;
- ``analyses``: one method per analysis, each taking a filter;
- ``reports``: the report.

Beside them, ``base`` holds what every part stands on (the native store, the argument
types they share) and ``frames`` how a pandas DataFrame reaches the store's writes.
"""
