"""The bilateral report in Python: sections with DataFrames, charts, and renderings.

The report is built and rendered in Rust (``Store.report`` gives a native
``bilateral._core.Report``); :class:`Report` gives it a Python shape:
``report.sections`` holds :class:`Section` objects whose tables are pandas DataFrames
and whose charts are :class:`~bilateral.chart.Chart` objects, ``report.figures`` is
every figure the report covers (the full record its tables abridge) as a DataFrame,
``report.chart_figures()`` draws the charts with matplotlib, and ``report.save()``
writes a self-contained HTML (or Markdown, or JSON) file.
"""

from __future__ import annotations

import itertools
import json
import warnings
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import _core
from .chart import Chart
from .table import table_frame

if TYPE_CHECKING:
    from matplotlib.figure import Figure


#: Numbers each showing of a report in a notebook, so that two reports (or one report
#: shown twice) never share an element id and each copy's note links stay in it.
_showings = itertools.count(1)


@dataclass(frozen=True)
class FindingFigure:
    """A stored figure a finding cites: its series, period, value with bounds, and
    the number of its note."""

    indicator: str
    origin: str
    destination: str
    product: str
    period: str
    value: float
    low: float
    high: float
    unit: str
    status: str
    note: int


@dataclass(frozen=True)
class Finding:
    """What the figures say that a reader should hear first.

    ``kind`` is ``consistency``, ``claim_contradicted``, ``claim_undercut``,
    ``mirror_gap`` or ``record``; ``severity`` is ``high`` (figures that cannot all be
    true, a contradicted claim), ``medium`` (worth a second look: a consistency
    warning, a claim the figures allow but point against) or ``low`` (a record).
    ``summary`` is true for the strongest few, which lead the Summary; ``sections``
    are the ids of the sections it also sits in.
    """

    kind: str
    severity: str
    text: str
    notes: tuple[int, ...]
    figures: tuple[FindingFigure, ...]
    sections: tuple[str, ...]
    summary: bool

    @classmethod
    def _of(cls, data: dict[str, Any]) -> Finding:
        return cls(
            kind=data["kind"],
            severity=data["severity"],
            text=data["text"],
            notes=tuple(data["notes"]),
            figures=tuple(FindingFigure(**f) for f in data["figures"]),
            sections=tuple(data["sections"]),
            summary=data["summary"],
        )


@dataclass(frozen=True)
class Section:
    """One section of a report: a title, sentences, tables and charts."""

    id: str
    title: str
    sentences: list[str]
    notes: list[list[int]]
    tables: list[pd.DataFrame]
    charts: list[Chart]


def _table(table: _core.Table, title: str, footnote: str | None) -> pd.DataFrame:
    """A report table (native, with its caption and footnote) as a DataFrame: float
    columns where every cell is a number, text columns else."""
    df = table_frame(table)
    df.attrs["title"] = title
    if footnote:
        df.attrs["footnote"] = footnote
    return df


class FiguresFrame(pd.DataFrame):
    """``report.figures``: a pandas DataFrame of every figure, which can also be called
    as ``report.figures()`` was before it: that draws the charts (deprecated; use
    ``report.chart_figures()``)."""

    _metadata = ["_report"]
    _report: Report

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        # What pandas derives from it (a filter, a copy) is a plain DataFrame.
        return pd.DataFrame

    def __call__(self) -> list[Figure]:
        warnings.warn(
            "report.figures() is deprecated: report.figures is now the DataFrame of every "
            "figure; report.chart_figures() draws the charts",
            DeprecationWarning,
            stacklevel=2,
        )
        return self._report.chart_figures()


class Report:
    """The report on the relationship between two countries.

    Made by ``Store.report(a, b)``. Shows itself as HTML in Jupyter; renders with
    :meth:`to_markdown`, :meth:`to_html` and :meth:`to_json`; :meth:`save` writes a file.

    >>> import bilateral
    >>> report = bilateral.demo().report("AZE", "KAZ")
    >>> report.title
    'Azerbaijan and Kazakhstan'
    >>> [s.title for s in report.sections][:2]
    ['Trade', 'Investment and business presence']
    """

    def __init__(self, core: _core.Report) -> None:
        self._core = core
        self._sections: list[Section] | None = None

    @cached_property
    def _data(self) -> dict[str, Any]:
        # Made on first use: rendering and display need only the native report, and
        # the Python data of a report on a large pair takes as long as the report.
        return self._plain()

    def _plain(self) -> dict[str, Any]:
        # The report's data is its JSON form (field names stable, see to_json).
        data: dict[str, Any] = json.loads(self._core.to_json())
        return data

    @property
    def title(self) -> str:
        """ "Azerbaijan and Kazakhstan"."""
        return self._core.title

    @property
    def countries(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The two countries, as dicts with alpha3, alpha2, name, official_name, common_name."""
        return (self._data["a"], self._data["b"])

    @property
    def headline(self) -> list[str]:
        """The summary: the latest figure, and its growth, of each series."""
        return [s["text"] for s in self._data["headline"]]

    @property
    def findings(self) -> list[Finding]:
        """The findings, strongest first: consistency errors and warnings, claims the
        figures contradict or point against, records (see :class:`Finding`).

        >>> report = bilateral.demo().report("AZE", "KAZ")
        >>> [(f.kind, f.severity) for f in report.findings][:2]
        [('claim_contradicted', 'high'), ('consistency', 'medium')]
        """
        return [Finding._of(f) for f in self._data.get("findings", [])]

    def findings_frame(self) -> pd.DataFrame:
        """The findings as a DataFrame, one row each, strongest first: kind, severity,
        text, summary (bool), sections and notes (tuples of section ids and of the cited
        note numbers).

        >>> df = bilateral.demo().report("AZE", "KAZ").findings_frame()
        >>> df[df.severity == "high"].kind.tolist()
        ['claim_contradicted']
        """
        return table_frame(self._core.findings())

    @property
    def how_to_read(self) -> list[str]:
        """The note on reading the report: what brackets, estimates, targets,
        projections and plans mean, and the period of the most recent measured figures."""
        return list(self._data.get("how_to_read", []))

    @property
    def sections(self) -> list[Section]:
        """The sections, each with title, sentences, tables (DataFrames) and charts.

        Built on first use, then the same list on every access."""
        if self._sections is None:
            # The core hands out every chart and table in order; each section takes its own.
            charts = iter([Chart._of(c) for c in self._core.charts()])
            tables = iter(self._core.tables())
            self._sections = [
                Section(
                    id=id,
                    title=title,
                    sentences=[text for text, _ in sentences],
                    notes=[notes for _, notes in sentences],
                    tables=[_table(next(tables), caption, note) for caption, note in captions],
                    charts=[next(charts) for _ in range(chart_count)],
                )
                for id, title, sentences, captions, chart_count in self._core.sections()
            ]
        return self._sections

    @property
    def notes(self) -> pd.DataFrame:
        """Every cited figure: number (``Int64``), indicator, subject, period, figure,
        status, source, quote, note."""
        return table_frame(self._core.notes())

    @property
    def sources(self) -> pd.DataFrame:
        """The sources cited: id, title, publisher, url, published."""
        return table_frame(self._core.sources())

    def charts(self) -> list[Chart]:
        """Every chart of every section, in order."""
        return [chart for section in self.sections for chart in section.charts]

    @property
    def figures(self) -> FiguresFrame:
        """Every figure the report covers, as a pandas DataFrame in the columns of
        ``Store.observations``: the full record, of which the page's tables list what the
        text cites and each series' latest periods. It stays out of the page and of
        ``to_json()``; :meth:`write_appendix` writes it as CSV.

        >>> report = bilateral.demo().report("AZE", "KAZ")
        >>> len(report.figures) == len(bilateral.demo().observations())
        True
        """
        df = FiguresFrame(table_frame(self._core.figures()))
        df._report = self
        return df

    def chart_figures(self) -> list[Figure]:
        """The charts as matplotlib figures, one per chart (needs ``bilateral[plot]``)."""
        return [chart.figure() for chart in self.charts()]

    def write_appendix(self, path: str | Path) -> Path:
        """Write every figure of :attr:`figures` to the CSV file at ``path`` in the
        library's own format (what ``Store.export_csv`` writes and ``Store.import_csv``
        reads). Returns the path."""
        self._core.write_appendix(path)
        return Path(path)

    def to_markdown(self) -> str:
        """The report as Markdown, with footnotes for the sources of figures."""
        return self._core.to_markdown()

    def to_html(self) -> str:
        """The report as one self-contained HTML page (charts as inline SVG)."""
        return self._core.to_html()

    def to_json(self) -> str:
        """The report as JSON with stable field names."""
        return self._core.to_json()

    def render(self, format: str) -> str:
        """The report as ``markdown``, ``html`` or ``json`` (else a ValidationError)."""
        return self._core.render(format)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain Python data (the JSON structure)."""
        return self._plain()

    def save(self, path: str | Path, format: str | None = None) -> Path:
        """Write the report to ``path``: HTML, or Markdown or JSON by the file's suffix
        (``.md``, ``.json``) or ``format``. Returns the path."""
        path = Path(path)
        kind = format or {".md": "markdown", ".json": "json"}.get(path.suffix.lower(), "html")
        path.write_text(self.render(kind), encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        return self._core.to_html_fragment(next(_showings))

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        sections = ", ".join(s["title"] for s in self._data["sections"]) or "no sections"
        return f"<bilateral.Report {self.title}: {sections}; {len(self._data['notes'])} notes>"
