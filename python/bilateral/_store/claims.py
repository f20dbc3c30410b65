"""Claims and text: adding and listing claims, checking them against the figures, what
they imply, and checking a text (``check_text``, ``fact_check``)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .. import text as _text
from ..report import Report
from ..table import Table
from .base import StoreMethods, _listing, _Period


class ClaimMethods(StoreMethods):
    """Claims, what they imply, and the checks of claims and texts."""

    def add_claim(
        self,
        text: str,
        indicator: str,
        origin: str,
        destination: str,
        period: _Period,
        relation: str,
        *,
        value: float | None = None,
        reference: _Period | None = None,
        qualifier: str | None = None,
        product: str = "total",
        source: str | None = None,
        quote: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Adds a claim: what `text` says about the figure of `period` relative to
        another. `relation` is a relation code (``ratio``, ``pct``, ``greater``,
        ``less``, ``record_high``, ``record_low``, ``share``) or the claim's own words
        ("more than tripling", "a 2% increase", "slightly below"), which then give the
        number and qualifier; `value` (a multiple for ratio, a percentage for pct and
        share) and `qualifier` take precedence over the words'. `reference` is a
        period, ``record``, ``target`` or ``whole``; by default the same period a year
        earlier. Returns False when an identical claim was already stored; a bad field
        is a ValidationError naming it.

        >>> store = bilateral.demo()
        >>> store.add_claim("nearly tripled", "tourists", "KAZ", "AZE", 2024, "nearly tripled",
        ...                 reference=2022)
        True
        >>> df = store.claims("KAZ", "AZE")
        >>> df[df["text"] == "nearly tripled"][["reference", "low", "high"]].values.tolist()
        [['2022', 2.7, 3.0]]
        """
        return self._inner.add_claim(
            text,
            indicator,
            origin,
            destination,
            period,
            relation,
            value=value,
            reference=reference,
            qualifier=qualifier,
            product=product,
            source=source,
            quote=quote,
            note=note,
        )

    def claims(self, a: str | None = None, b: str | None = None) -> pd.DataFrame:
        """Claims as a pandas DataFrame, sorted by indicator, pair, product and period:
        with `a` and `b`, those between the two countries (either way round); with one,
        every claim it is in.
        Columns: text, indicator, origin, destination, product, period, reference,
        relation, value, qualifier, low and high (the interval the number allows; NaN
        for a claim without a number), source, quote, note.

        >>> df = bilateral.demo().claims("KAZ", "AZE")
        >>> df[["text", "relation", "low", "high"]].values.tolist()[0]
        ['surged sixfold', 'ratio', 5.5, 6.5]
        """
        return _listing(self._inner.claims(a, b))

    def check_text(
        self,
        text: str,
        *,
        pair: tuple[str, str] | None = None,
        published: date | str | None = None,
    ) -> pd.DataFrame:
        """Reads `text` as :func:`bilateral.read_text` does (same `pair` and `published`)
        and checks every figure and claim it finds against the stored figures: one row
        each, with its words, verdict (as :meth:`check_claims` gives: a figure is
        ``supported`` when the stored figure's interval lies inside what the text's
        wording allows, ``plausible`` when they overlap, ``contradicted`` when they do
        not, ``unverifiable`` when the store lacks it), explanation, the fields read,
        checked_against (the stored figures used) and their sources, the quote and its
        character offsets.

        >>> checks = bilateral.demo().check_text(
        ...     "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024.")
        >>> checks[["words", "verdict", "checked_against"]].values.tolist()
        [['Over 150,000', 'contradicted', 'over 102,000 (2024, actual)']]
        """
        checks = self._inner.check_text(text, pair=pair, published=_text._day(published))
        return _text.check_frame(checks)

    def fact_check(
        self,
        text: str,
        *,
        pair: tuple[str, str] | None = None,
        published: date | str | None = None,
    ) -> Report:
        """:meth:`check_text` as a short report with the look of :meth:`report`: a tally,
        the text's figures and its claims (what is contradicted first), each citing the
        stored figures it was checked against, and their sources; ``to_markdown()``,
        ``to_html()`` and Jupyter's view as for any report.

        >>> report = bilateral.demo().fact_check(
        ...     "Over 150,000 Azerbaijani tourists visited Kazakhstan in 2024.")
        >>> report.title
        'Fact check: Azerbaijan and Kazakhstan'
        >>> report.sections[0].sentences[0][:40]
        'Contradicted: “Over 150,000” (2024). The'
        """
        return Report(self._inner.fact_check(text, pair=pair, published=_text._day(published)))

    def check_claims(
        self, origin: str | None = None, destination: str | None = None
    ) -> pd.DataFrame:
        """Every claim checked against the stored figures, one row each in the order of
        :meth:`claims`: with `origin` and `destination`, those between the two (either
        way round); with one, every claim it is in. Columns: text, indicator, period,
        reference, relation, verdict (``supported``, ``plausible``, ``contradicted`` or
        ``unverifiable``),
        computed (the relation as the figures have it: a multiple for ratio, a
        percentage for share, otherwise the percentage difference) with computed_low
        and computed_high, implied_low and implied_high (for an unverifiable claim, the
        interval it allows the missing figure), explanation (a sentence), then origin,
        destination, product, implied_period and points_against (for a plausible claim,
        True when the central value of computed lies on the other side of what the claim
        says: "continues to grow" on figures that allow a rise but centrally show a
        fall). Missing numbers are NaN.

        >>> checks = bilateral.demo().check_claims("AZE", "KAZ")
        >>> checks[["text", "verdict", "computed"]].values.tolist()[0]  # 4.5 / 0.8 = 5.625
        ['surged sixfold', 'supported', 5.625]
        """
        return _listing(self._inner.check_claims(origin, destination))

    def implied(
        self, indicator: str, origin: str, destination: str, period: _Period
    ) -> pd.DataFrame:
        """What the stored claims imply about the figure of `indicator` from `origin` to
        `destination` for `period`, which the store does not have: one ``estimate`` row
        per claim that bounds it, in the columns of :meth:`observations`, with the digits
        a derived figure shows and its ends rounded outwards (the value is the upper end,
        qualifier ``under``; or, when the ends meet, the one value rounded, ``approx``).
        The rows are not stored, and no report computes growth from them.

        >>> rows = bilateral.demo().implied("corridor_cargo", "AZE", "KAZ", "2024-01/2024-07")
        >>> rows[["value", "low", "high"]].values.tolist()  # "rapidly increasing"; 2.6M t / 1.02
        [[2600000.0, 0.0, 2600000.0], [2549000.0, 2549000.0, 2550000.0]]
        """
        return Table(self._inner.implied(indicator, origin, destination, period)).to_pandas()
