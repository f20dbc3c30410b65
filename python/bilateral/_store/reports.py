"""The report on a pair of countries."""

from __future__ import annotations

from collections.abc import Iterable

from ..report import Report
from .base import StoreMethods, _Period


class ReportMethods(StoreMethods):
    """The report on a pair of countries."""

    def report(
        self,
        a: str,
        b: str,
        *,
        since: _Period | None = None,
        until: _Period | None = None,
        top: int = 10,
        title: str | None = None,
        topics: Iterable[str] | None = None,
        include_implied: bool = False,
        digits: int = 3,
    ) -> Report:
        """The report on countries `a` and `b` (alpha-3, alpha-2 or English names): a
        headline, sections with sentences, tables and charts, what the figures say about
        the claims, notes tracing every figure to its source, and the sources. Renders
        as Markdown, HTML and JSON.

        ``since`` and ``until`` (periods or years, written as for :meth:`add`) keep the
        figures, events and claims whose period lies within them. ``top`` products of
        each series are named, the largest by their latest value; the rest are summed as
        "other products", and every product's figures are in the appendix section
        (``products``). ``title`` replaces "A and B"; ``topics`` keeps only the sections
        of these topic codes (see :meth:`topics`). ``digits`` (1 to 4) is the most
        significant digits a number in the prose and tables shows: "$334 million, up
        8.5 % on $308 million"; a figure published with at most four digits ("$547.6
        million", "over 102,000") is quoted as published, and the data frames keep full
        values. A bad option is a :class:`ValidationError` naming it.

        With ``include_implied=True`` the ranges the claims imply for figures nobody
        published (see :meth:`implied`) join each section's table of figures as
        estimate rows whose note names the claim; no sentence or growth uses them.

        >>> report = bilateral.demo().report("Azerbaijan", "KZ")
        >>> report.title, report.sections[0].title
        ('Azerbaijan and Kazakhstan', 'Trade')
        >>> trade = bilateral.demo().report("AZE", "KAZ", since=2025, topics=["trade"])
        >>> [section.title for section in trade.sections]
        ['Trade', 'What the figures say about the claims']
        """
        chosen = None if topics is None else [topics] if isinstance(topics, str) else list(topics)
        return Report(
            self._inner.report(
                a,
                b,
                since=since,
                until=until,
                top=top,
                title=title,
                topics=chosen,
                include_implied=include_implied,
                digits=digits,
            )
        )
