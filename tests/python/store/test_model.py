"""The store against a plain model, by Hypothesis: random sequences of `add`, `add_many`,
`import_csv` and `import_json` (with every `on_duplicate`), filtered `observations()` and
export round trips, over the whole range of floats (subnormals, ±huge, ±0, NaN, ±inf),
periods of every form at the grammar's first and last years and outside them, and text
with lone surrogates. After every step the store holds exactly what the model holds; a
call the model rejects raises a ValidationError or DuplicateError, of the kind promised,
and changes nothing; nothing raises anything else (a `PanicException`, a TypeError, a
UnicodeEncodeError).

The model is worked out here, from docs/ and the module docs, without asking the
library: a figure's identity (indicator, pair, product, first and last day, status,
source: the key of `observation` in schema.sql), the period grammar (src/period.rs),
the bounds a qualifier implies (src/model/figure.rs), and what each `on_duplicate` does
with a stored or repeated identity (src/store/ingest.rs).

CI (`CI` set) runs 1,000 sequences (of up to 5 steps) on a store in a file, opened again
now and then, and 125 on a store in memory; elsewhere a tenth as many.
`BILATERAL_STRESS` multiplies both."""

from __future__ import annotations

import atexit
import calendar
import csv
import json
import math
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import bilateral
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

pytestmark = pytest.mark.slow

STRESS = int(os.environ.get("BILATERAL_STRESS", "1"))
IN_CI = bool(os.environ.get("CI"))
#: Sequences of the store in a file; the one in memory runs an eighth as many, since a
#: new store in memory (schema, catalogue, countries, populations) takes about 60 ms on
#: a debug build, where a copy of a new file opens in a few.
CASES = (1000 if IN_CI else 100) * STRESS
MODEL = settings(
    max_examples=CASES,
    stateful_step_count=5,
    deadline=None,
    database=None if IN_CI else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("model", MODEL)
settings.register_profile("model-in-memory", MODEL, max_examples=max(CASES // 8, 10))

# ----- what the store promises, worked out here --------------------------------------------

#: Rust's `char::is_whitespace` (Unicode White_Space), which the store trims: Python's
#: `str.strip()` also strips U+001C to U+001F, which Rust keeps.
RUST_WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def trimmed(text: str) -> str:
    return text.strip(RUST_WHITESPACE)


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@dataclass(frozen=True)
class Indicator:
    code: str
    directed: bool
    signed: bool
    unit: str


#: Starter catalogue indicators (data/catalogue.json): one of each kind the checks treat
#: differently.
INDICATORS = {
    "exports": Indicator("exports", directed=True, signed=False, unit="USD"),
    "trade_turnover": Indicator("trade_turnover", directed=False, signed=False, unit="USD"),
    "fdi_flow": Indicator("fdi_flow", directed=True, signed=True, unit="USD"),
}
#: Country texts and the alpha-3 code each names (None: no country).
COUNTRIES = {
    "AZE": "AZE",
    "KAZ": "KAZ",
    "GEO": "GEO",
    "kz": "KAZ",
    " geo ": "GEO",
    "Azerbaijan": "AZE",
    "ZZZ": None,
    "": None,
    "Atlantis": None,
    "K\ud800Z": None,
}
#: Qualifier words and the code each reads as (None: not a qualifier).
QUALIFIERS = {
    "exact": "exact",
    "about": "approx",
    "Around": "approx",
    "more  than": "over",
    "OVER": "over",
    "nearly": "nearly",
    "almost": "nearly",
    "less than": "under",
    "below": "under",
    " ": "exact",
    "roughly speaking": None,
    "\ud800": None,
}
STATUSES = {
    "actual": "actual",
    "Estimate": "estimate",
    " provisional ": "provisional",
    "TARGET": "target",
    "projection": "projection",
    "": "actual",
    "final": None,
    "act\udfffual": None,
}
PRODUCTS = {
    "total": "total",
    "0101": "0101",
    " 2709.00 ": "2709.00",
    "": "total",
    "Crude Oil": None,
    "_x": None,
    "a" * 65: None,
    "0\ud8001": None,
}
SOURCES = {"office": "office", " office ": "office", "": None, "nowhere": False, "of\udc80": False}
MONTH_NAMES = [calendar.month_name[m] for m in range(1, 13)]
MONTH_ABBREVIATIONS = [calendar.month_abbr[m] for m in range(1, 13)]


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def last_digit_unit(value: float) -> float:
    """The unit of a value's last significant digit, as written in its shortest form
    after rounding to 15 significant digits (src/model/figure.rs); never below the
    smallest subnormal."""
    if not math.isfinite(value) or value == 0:
        return 1.0
    rounded = float(f"{abs(value):.14e}")
    if not math.isfinite(rounded):
        rounded = abs(value)
    exponent = Decimal(repr(rounded)).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(float(f"1e{exponent}"), 5e-324)


def as_float(number: object) -> float | None:
    """A Python number as the store reads it: None when no float holds it."""
    try:
        return float(number)  # type: ignore[arg-type]
    except OverflowError:
        return None


@dataclass(frozen=True)
class Row:
    """One stored observation, as `observations()` gives it."""

    indicator: str
    origin: str
    destination: str
    product: str
    period: str
    start: date
    end: date
    value: float
    low: float
    high: float
    qualifier: str
    status: str
    unit: str
    source: str | None
    quote: str | None
    note: str | None
    #: The period as it was written (what export_csv writes); not in `observations()`.
    given: str = field(default="", compare=False)

    def key(self) -> tuple[object, ...]:
        """The identity: one figure per indicator, pair, product, days, status, source."""
        return (
            self.indicator,
            self.origin,
            self.destination,
            self.product,
            self.start,
            self.end,
            self.status,
            self.source,
        )

    def figure(self) -> tuple[object, ...]:
        """What a skip compares: value, qualifier, bounds, quote, note (floats by `==`)."""
        return (self.value, self.qualifier, self.low, self.high, self.quote, self.note)


def zero_without_sign(x: float) -> float:
    """SQLite stores a whole REAL as an integer, so -0.0 reads back as 0.0."""
    return 0.0 if x == 0 else x


@dataclass(frozen=True)
class Period:
    """A generated period: what is passed, and its days when the grammar reads it."""

    given: object
    days: tuple[date, date] | None


def period_text(given: object) -> str:
    """The text the store reads a period argument as: an int is written out, a date is
    its day."""
    if isinstance(given, date):
        return f"{given.year:04d}-{given.month:02d}-{given.day:02d}"
    return str(given)


def canonical(start: date, end: date) -> str:
    """The period's canonical text (src/period.rs): the shortest single form that states
    it exactly, else a month range, else a day range."""

    def ym(d: date) -> str:
        return f"{d.year:04d}-{d.month:02d}"

    def ymd(d: date) -> str:
        return f"{ym(d)}-{d.day:02d}"

    if start == end:
        return ymd(start)
    if start.day != 1 or end != last_day(end.year, end.month):
        return f"{ymd(start)}/{ymd(end)}"
    if start.year != end.year:
        return f"{ym(start)}/{ym(end)}"
    first, last, year = start.month, end.month, f"{start.year:04d}"
    if (first, last) == (1, 12):
        return year
    if (first, last) in ((1, 6), (7, 12)):
        return f"{year}-H{last // 6}"
    if first % 3 == 1 and last == first + 2:
        return f"{year}-Q{last // 3}"
    if first == last:
        return ym(start)
    return f"{ym(start)}/{ym(end)}"


def expected_row(record: dict[str, Any], channel: str) -> Row | None:
    """The row `record` becomes through `channel` ("add", "add_many", "csv", "json"), or
    None when the store must reject it."""
    texts = [v for v in record.values() if isinstance(v, str)]
    if any(has_surrogate(t) for t in texts):
        return None
    indicator = INDICATORS.get(record.get("indicator", ""))
    origin = COUNTRIES.get(record.get("origin", ""))
    destination = COUNTRIES.get(record.get("destination", ""))
    period: Period | None = record.get("period")
    if indicator is None or origin is None or destination is None:
        return None
    if period is None or period.days is None or "value" not in record:
        return None
    if origin == destination:
        return None
    if not indicator.directed and origin > destination:
        origin, destination = destination, origin
    value = as_float(record["value"])
    if value is None or not math.isfinite(value):
        return None
    if value < 0 and not indicator.signed:
        return None

    def number(name: str) -> float | None:
        given = record.get(name)
        if given is None:
            return None
        x = as_float(given)
        if x is None:
            return math.inf  # no float holds it: fails the finiteness checks below
        if math.isnan(x) and channel == "add_many":
            return None  # a missing cell, as pandas writes it
        return x

    qualifier = QUALIFIERS.get(record.get("qualifier") or "exact")
    status = STATUSES.get(record.get("status") or "actual")
    product = PRODUCTS.get(record.get("product") or "total")
    source = SOURCES.get(record.get("source") or "")
    if qualifier is None or status is None or product is None or source is False:
        return None
    precision = number("precision")
    if precision is not None and not (math.isfinite(precision) and precision > 0):
        return None
    unit = precision if precision is not None else last_digit_unit(value)
    derived = {
        "exact": (value, value),
        "approx": (value - unit / 2, value + unit / 2),
        "over": (value, value + unit),
        "nearly": (value - unit, value),
        "under": (value - unit, value),
    }[qualifier]
    floor = -math.inf if indicator.signed else 0.0
    low = number("low")
    high = number("high")
    low = max(derived[0], floor) if low is None else low
    high = derived[1] if high is None else high
    if not math.isfinite(low) or low > value or low < floor:
        return None
    if not math.isfinite(high) or high < value:
        return None

    def optional(name: str) -> str | None:
        text = trimmed(record.get(name) or "")
        return text or None

    return Row(
        indicator=indicator.code,
        origin=origin,
        destination=destination,
        product=product,
        period=canonical(*period.days),
        given=trimmed(period_text(period.given)),
        start=period.days[0],
        end=period.days[1],
        value=zero_without_sign(value),
        low=zero_without_sign(low),
        high=zero_without_sign(high),
        qualifier=qualifier,
        status=status,
        unit=indicator.unit,
        source=source,
        quote=optional("quote"),
        note=optional("note"),
    )


@dataclass(frozen=True)
class Outcome:
    """What a write does to the model: the new rows and how many it wrote, or the error
    class it raises."""

    rows: dict[tuple[object, ...], Row] | None
    written: int = 0
    error: type[BaseException] | None = None


def written_batch(
    stored: dict[tuple[object, ...], Row], rows: list[Row | None], on_duplicate: str
) -> Outcome:
    """A batch all or nothing: any bad record is a ValidationError; else a repeated
    identity (stored or earlier in the batch) is a DuplicateError unless skipped (an
    identical figure) or replaced (by the later record)."""
    if any(row is None for row in rows):
        return Outcome(None, error=bilateral.ValidationError)
    after = dict(stored)
    written = 0
    for row in rows:
        assert row is not None
        before = after.get(row.key())
        if before is not None and on_duplicate != "replace":
            if on_duplicate == "skip" and before.figure() == row.figure():
                continue
            return Outcome(None, error=bilateral.DuplicateError)
        after[row.key()] = row
        written += 1
    return Outcome(after, written)


# ----- strategies ------------------------------------------------------------------------


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    return st.one_of(*[s for weight, s in choices for _ in range(weight)])


SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)
#: Whitespace on which Python and Rust disagree, or which CSV quotes.
ODD_WHITESPACE = st.sampled_from(list(RUST_WHITESPACE) + ["\x1c", "\x1f", "\x00", "\r\n"])
SHORT_TEXT = st.text(max_size=4)
PLAIN_TEXT = st.one_of(
    st.text(max_size=10),
    st.builds(lambda a, c, b: a + c + b, SHORT_TEXT, ODD_WHITESPACE, SHORT_TEXT),
    st.builds(lambda a, c, b: a + c + b, SHORT_TEXT, st.sampled_from("\",;'\\"), SHORT_TEXT),
)
TEXT_WITH_SURROGATE = st.builds(lambda a, s, b: a + s + b, SHORT_TEXT, SURROGATE, SHORT_TEXT)
OPTIONAL_TEXT = weighted((3, st.none()), (4, PLAIN_TEXT), (1, TEXT_WITH_SURROGATE))

EXTREME_FLOATS = st.sampled_from(
    [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
     1.7976931348623157e308, -1.7976931348623157e308, 1e308, 1e-310, 0.1 + 0.2,
     102_000.0, 59_000.0, math.inf, -math.inf, math.nan]
)  # fmt: skip
NUMBERS = weighted(
    (4, st.floats()),
    (3, EXTREME_FLOATS),
    (1, st.integers(-(10**6), 10**12)),
    (1, st.sampled_from([10**400, -(10**400), 2**1024 - 2**970, 2**1023])),
)
#: A positive figure most of the time, so that most records pass their checks.
VALUES = weighted(
    (3, NUMBERS),
    (2, st.floats(min_value=0, allow_infinity=False)),
    (1, st.floats(min_value=0, max_value=1e6, allow_subnormal=False)),
)
OPTIONAL_NUMBER = weighted((6, st.none()), (2, NUMBERS), (1, st.floats(0, 1e6)))

YEARS = weighted((3, st.integers(1000, 9999)), (1, st.sampled_from([1000, 9999])))
MONTHS = st.integers(1, 12)
DASHES = st.sampled_from(["–", "—", "-"])


@st.composite
def single_periods(draw: st.DrawFn) -> tuple[str, tuple[date, date] | None]:
    """One single form of the grammar, with its first and last day (None: invalid)."""
    year = draw(YEARS)
    form = draw(st.sampled_from(["year", "half", "quarter", "month", "months", "day", "bad"]))
    if form == "year":
        return f"{year:04d}", (date(year, 1, 1), last_day(year, 12))
    if form == "half":
        half = draw(st.integers(1, 2))
        text = draw(st.sampled_from([f"{year}-H{half}", f"{year}H{half}", f"H{half} {year}",
                                     f"h{half} {year}"]))  # fmt: skip
        return text, (date(year, 6 * half - 5, 1), last_day(year, 6 * half))
    if form == "quarter":
        q = draw(st.integers(1, 4))
        text = draw(st.sampled_from([f"{year}-Q{q}", f"{year}Q{q}", f"Q{q} {year}",
                                     f"q{q} {year}"]))  # fmt: skip
        return text, (date(year, 3 * q - 2, 1), last_day(year, 3 * q))
    if form == "month":
        month = draw(MONTHS)
        name = draw(
            st.sampled_from([f"{year}-{month:02d}", f"{MONTH_NAMES[month - 1]} {year}",
                             f"{MONTH_ABBREVIATIONS[month - 1].upper()}. {year}"])
        )  # fmt: skip
        return name, (date(year, month, 1), last_day(year, month))
    if form == "months":
        first, last = draw(MONTHS), draw(MONTHS)
        names = draw(st.sampled_from([MONTH_NAMES, MONTH_ABBREVIATIONS]))
        text = f"{names[first - 1]}{draw(DASHES)}{names[last - 1]} {year}"
        if last < first:
            return text, None
        return text, (date(year, first, 1), last_day(year, last))
    if form == "day":
        month, day = draw(MONTHS), draw(st.integers(0, 31))
        text = f"{year:04d}-{month:02d}-{day:02d}"
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return text, None
        return text, (date(year, month, day), date(year, month, day))
    bad = draw(st.sampled_from(["0999", "0001", "10000", f"{year}-13", f"{year}-00",
                                f"{year}-Q5", f"{year}H3", f"Q0 {year}", f"Jam {year}",
                                "Q1 0999", f"{year}-8", f"{year}-"]))  # fmt: skip
    return bad, None


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(st.sampled_from(["single", "single", "range", "int", "date", "free"]))
    if kind == "single":
        text, days = draw(single_periods())
        pad = draw(st.sampled_from(["", " ", "\t", "\u3000"]))
        return Period(pad + text + pad, days)
    if kind == "range":
        (first, a), (second, b) = draw(single_periods()), draw(single_periods())
        text = f"{first}/{second}"
        if a is None or b is None or b[1] < a[0] or b[1] < a[1]:
            return Period(text, None)
        # Two years in a row ("2024/2025") are refused as a fiscal year.
        if first.isdigit() and second.isdigit() and int(second) == int(first) + 1:
            return Period(text, None)
        return Period(text, (a[0], b[1]))
    if kind == "int":
        year = draw(weighted((3, YEARS), (1, st.sampled_from([1, 999, 10000, -2024]))))
        return Period(
            year, (date(year, 1, 1), date(year, 12, 31)) if 1000 <= year <= 9999 else None
        )
    if kind == "date":
        day = draw(st.dates())
        return Period(day, (day, day) if day.year >= 1000 else None)
    # Text starting with "x" is never a period (no month, quarter or half starts so).
    return Period("x" + draw(st.one_of(PLAIN_TEXT, TEXT_WITH_SURROGATE)), None)


def pool(choices: dict[str, Any], valid_weight: int = 4) -> st.SearchStrategy[str]:
    valid = [text for text, v in choices.items() if v not in (None, False)]
    invalid = [text for text, v in choices.items() if v in (None, False)]
    return weighted((valid_weight, st.sampled_from(valid)), (1, st.sampled_from(invalid)))


INDICATOR_TEXTS = weighted(
    (8, st.sampled_from(sorted(INDICATORS))), (1, st.sampled_from(["Exports", "nonesuch"]))
)


#: The fields of one `add` call, any of them bad: the optional ones left out or given
#: (None included).
ANY_RECORDS = st.fixed_dictionaries(
    {
        "indicator": INDICATOR_TEXTS,
        "origin": pool(COUNTRIES, 8),
        "destination": pool(COUNTRIES, 8),
        "period": periods(),
        "value": VALUES,
    },
    optional={
        "qualifier": pool(QUALIFIERS),
        "status": pool(STATUSES),
        "product": pool(PRODUCTS),
        "source": pool(SOURCES, 3),
        "quote": OPTIONAL_TEXT,
        "note": OPTIONAL_TEXT,
        "low": OPTIONAL_NUMBER,
        "high": OPTIONAL_NUMBER,
        "precision": OPTIONAL_NUMBER,
    },
)


#: Spellings of a few periods, so that figures meet stored ones of the same identity.
COMMON_PERIODS = st.sampled_from(
    [
        Period(given, (date(2024, 1, 1), date(2024, 12, 31)))
        for given in ["2024", 2024, "Jan–Dec 2024", "2024-01/2024-12", "2024-01-01/2024-12-31"]
    ]
    + [
        Period(given, (date(2024, 1, 1), date(2024, 3, 31)))
        for given in ["Q1 2024", "2024Q1", "2024-Q1", "January-March 2024", "2024-01/2024-03"]
    ]
    + [Period(given, (date(9999, 12, 31),) * 2) for given in ["9999-12-31", date(9999, 12, 31)]]
    + [Period("1000", (date(1000, 1, 1), date(1000, 12, 31)))]
)
VALID_COUNTRIES = [text for text, alpha3 in COUNTRIES.items() if alpha3]
VALID_VALUES = weighted(
    (3, st.floats(min_value=0, allow_infinity=False)),
    (2, st.sampled_from([v for v in (0.0, -0.0, 5e-324, 1e-310, 1.7976931348623157e308,
                                     1e308, 0.1 + 0.2, 102_000.0, 59_000.0)])),
    (1, st.integers(0, 10**12)),
)  # fmt: skip


def mostly(default: st.SearchStrategy[Any], other: st.SearchStrategy[Any]) -> Any:
    return weighted((3, default), (1, other))


def valid_of(choices: dict[str, Any]) -> st.SearchStrategy[str]:
    return st.sampled_from([text for text, v in choices.items() if v not in (None, False)])


@st.composite
def valid_records(draw: st.DrawFn) -> dict[str, Any]:
    """The fields of an `add` call the store takes (but for a bound that overflows, or a
    spelling of an identity already stored)."""
    origin = draw(st.sampled_from(VALID_COUNTRIES))
    others = [c for c in VALID_COUNTRIES if COUNTRIES[c] != COUNTRIES[origin]]
    record: dict[str, Any] = {
        "indicator": draw(st.sampled_from(sorted(INDICATORS))),
        "origin": origin,
        "destination": draw(st.sampled_from(others)),
        "period": draw(mostly(COMMON_PERIODS, periods().filter(lambda p: p.days is not None))),
        "value": draw(VALID_VALUES),
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        "qualifier": mostly(st.just("exact"), valid_of(QUALIFIERS)),
        "status": mostly(st.just("actual"), valid_of(STATUSES)),
        "product": mostly(st.just("total"), valid_of(PRODUCTS)),
        "source": mostly(st.none(), valid_of(SOURCES)),
        "quote": mostly(st.none(), PLAIN_TEXT),
        "note": mostly(st.none(), PLAIN_TEXT),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            record[name] = draw(strategy)
    return record


#: A record the store takes, mostly; else one with any field bad.
RECORDS = weighted((5, valid_records()), (1, ANY_RECORDS))


def call_fields(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the store's arguments: the period as given."""
    return {**record, "period": record["period"].given}


ON_DUPLICATE = st.sampled_from(["error", "skip", "replace"])

# ----- files written from records, as another program would ------------------------------

FIELDS = ["indicator", "origin", "destination", "product", "period", "value", "qualifier",
          "status", "source", "quote", "low", "high", "precision", "note"]  # fmt: skip


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Period):
        return period_text(value.given)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    """A CSV with every field as a column, all cells quoted; a lone surrogate is written
    as its three bytes (surrogatepass), so the file is not UTF-8."""
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as file:
        writer = csv.writer(file, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(FIELDS)
        for record in rows:
            writer.writerow([cell_text(record.get(name)) for name in FIELDS])


def json_value(value: object) -> object:
    if isinstance(value, Period):
        return period_text(value.given)
    return value


def write_json(path: Path, rows: list[dict[str, Any]]) -> None:
    """A dataset file of observations; `json` escapes a lone surrogate (`\\ud800`), and
    writes NaN and infinities as the non-JSON words `NaN` and `Infinity`."""
    observations = [{k: json_value(v) for k, v in r.items()} for r in rows]
    path.write_text(json.dumps({"name": "model", "title": "Model", "observations": observations}))


def through_csv(record: dict[str, Any]) -> dict[str, Any]:
    """The record as a CSV cell reader sees it: blank cells absent, the rest as text
    (a number as the float its text parses to)."""
    seen: dict[str, Any] = {}
    for name in FIELDS:
        text = cell_text(record.get(name))
        if not trimmed(text):
            continue
        if name in ("value", "low", "high", "precision"):
            number = record[name]
            seen[name] = float(text) if isinstance(number, float) else number
        elif name == "period":
            seen[name] = Period(text, record["period"].days)
        else:
            seen[name] = text
    return seen


def through_json(record: dict[str, Any]) -> dict[str, Any] | None:
    """The record as JSON gives it back (surrogate pairs joined), or None when the file
    is not JSON a strict reader takes (NaN, infinities, a lone surrogate)."""
    numbers = [record.get(n) for n in ("value", "low", "high", "precision")]
    if any(isinstance(x, float) and not math.isfinite(x) for x in numbers):
        return None
    back: dict[str, Any] = json.loads(json.dumps({k: json_value(v) for k, v in record.items()}))
    if any(isinstance(v, str) and has_surrogate(v) for v in back.values()):
        return None
    back["period"] = Period(back["period"], record["period"].days)
    if "value" not in back or back["value"] is None:
        return None
    return back


# ----- the machine -----------------------------------------------------------------------


def periods_as_written(path: Path) -> dict[tuple[object, ...], str]:
    """The period column of an exported CSV by identity."""
    with open(path, encoding="utf-8", newline="") as file:
        return {
            (r["indicator"], r["origin"], r["destination"], r["product"],
             date.fromisoformat(r["start"]), date.fromisoformat(r["end"]), r["status"],
             r["source"] or None): r["period"]
            for r in csv.DictReader(file)
        }  # fmt: skip


_TEMPLATE: list[Path] = []


def new_store(folder: Path, name: str) -> bilateral.Store:
    """A new store with the source "office", in the file `folder/name`: a copy of one
    made once, since creating a store (schema, catalogue, countries, populations) takes
    tens of milliseconds on a debug build, and opening a copy a few."""
    if not _TEMPLATE:
        folder_of_template = tempfile.mkdtemp(prefix="bilateral-model-template-")
        atexit.register(shutil.rmtree, folder_of_template, True)
        template = Path(folder_of_template) / "new.db"
        with bilateral.Store(template) as store:
            store.add_source("office", "Statistics office")
        _TEMPLATE.append(template)
    shutil.copyfile(_TEMPLATE[0], folder / name)
    return bilateral.Store(folder / name)


def rows_of(observations: pd.DataFrame | bilateral.Table) -> dict[tuple[object, ...], Row]:
    """The rows of `observations()` (a DataFrame, or a Table: a quarter of the time) by
    identity."""
    if isinstance(observations, pd.DataFrame):
        # A missing text is NaN under pandas 3's str dtype, None under pandas 2's object.
        texts = ("source", "quote", "note")
        records = [
            {
                **r,
                **{k: None for k in texts if pd.isna(r[k])},
                "start": r["start"].date(),
                "end": r["end"].date(),
            }
            for r in observations.to_dict("records")
        ]
    else:
        records = pa.table(observations).to_pylist()
    rows: dict[tuple[object, ...], Row] = {}
    for r in records:
        row = Row(**r)
        assert row.key() not in rows, f"two stored rows of one identity: {row}"
        rows[row.key()] = row
    return rows


def bits(x: float) -> bytes:
    return struct.pack("<d", x)


def assert_same_rows(
    got: dict[tuple[object, ...], Row], want: dict[tuple[object, ...], Row]
) -> None:
    missing = [want[k] for k in want.keys() - got.keys()]
    extra = [got[k] for k in got.keys() - want.keys()]
    assert not missing and not extra, f"missing {missing[:3]}, extra {extra[:3]}"
    for key, row in want.items():
        stored = got[key]
        for name in ("value", "low", "high"):
            a, b = getattr(stored, name), getattr(row, name)
            assert bits(a) == bits(b), f"{name} {a!r} stored, {b!r} given: {row}"
        assert stored == row, f"stored {stored}, model {row}"


class StoreMachine(RuleBasedStateMachine):
    """A store in a file and the model of what it holds."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bilateral-model-"))
        self.model: dict[tuple[object, ...], Row] = {}
        self.files = 0

    def open_store(self) -> bilateral.Store:
        return new_store(self.folder, "store.db")

    @initialize()
    def open(self) -> None:
        self.store = self.open_store()

    def teardown(self) -> None:
        store = getattr(self, "store", None)
        if store is not None:
            store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def file(self, suffix: str) -> Path:
        self.files += 1
        return self.folder / f"{self.files}{suffix}"

    def write(self, name: str, outcome: Outcome, call: Any) -> Any:
        """Runs `call`; it must succeed when the model says so (and the model takes the
        new rows), or raise the model's error. Anything else propagates and fails."""
        # Counted for --hypothesis-show-statistics: how often each call wrote or failed.
        event(f"{name}: {outcome.error.__name__ if outcome.error else 'written'}")
        try:
            answer = call()
        except bilateral.BilateralError as error:
            assert outcome.error is not None, f"rejected ({error!r}), the model expected success"
            assert isinstance(error, outcome.error), f"{error!r}, expected {outcome.error}"
            return None
        assert outcome.error is None, f"accepted, the model expected {outcome.error.__name__}"
        assert outcome.rows is not None
        self.model = outcome.rows
        return answer

    @rule(record=RECORDS, on_duplicate=ON_DUPLICATE)
    def add(self, record: dict[str, Any], on_duplicate: str) -> None:
        outcome = written_batch(self.model, [expected_row(record, "add")], on_duplicate)
        self.write(
            "add", outcome, lambda: self.store.add(**call_fields(record), on_duplicate=on_duplicate)
        )

    @rule(batch=st.lists(RECORDS, max_size=4), on_duplicate=ON_DUPLICATE)
    def add_many(self, batch: list[dict[str, Any]], on_duplicate: str) -> None:
        rows = [expected_row(r, "add_many") for r in batch]
        outcome = written_batch(self.model, rows, on_duplicate)
        given = [call_fields(r) for r in batch]
        written = self.write(
            "add_many", outcome, lambda: self.store.add_many(given, on_duplicate=on_duplicate)
        )
        if outcome.error is None:
            assert written == outcome.written

    @rule(batch=st.lists(RECORDS, min_size=1, max_size=4), on_duplicate=ON_DUPLICATE)
    def import_csv(self, batch: list[dict[str, Any]], on_duplicate: str) -> None:
        path = self.file(".csv")
        write_csv(path, batch)
        texts = [cell_text(v) for r in batch for v in r.values() if not isinstance(v, float)]
        if any(has_surrogate(t) for t in texts):
            outcome = Outcome(None, error=bilateral.ValidationError)  # not UTF-8
        else:
            rows = [expected_row(through_csv(r), "csv") for r in batch]
            outcome = written_batch(self.model, rows, on_duplicate)
        result = self.write(
            "import_csv", outcome, lambda: self.store.import_csv(path, on_duplicate)
        )
        if outcome.error is None:
            assert (result.rows_read, result.figures_written) == (len(batch), outcome.written)

    @rule(batch=st.lists(RECORDS, min_size=1, max_size=4), on_duplicate=ON_DUPLICATE)
    def import_json(self, batch: list[dict[str, Any]], on_duplicate: str) -> None:
        path = self.file(".json")
        write_json(path, batch)
        back = [through_json(r) for r in batch]
        if any(r is None for r in back):
            outcome = Outcome(None, error=bilateral.ValidationError)  # not strict JSON
        else:
            rows = [expected_row(r, "json") for r in back if r is not None]
            outcome = written_batch(self.model, rows, on_duplicate)
        added = self.write(
            "import_json", outcome, lambda: self.store.import_json(path, on_duplicate=on_duplicate)
        )
        if outcome.error is None:
            assert added["observations"] == outcome.written

    @rule(
        indicator=st.one_of(st.none(), st.sampled_from(sorted(INDICATORS))),
        origin=st.one_of(st.none(), st.sampled_from(["AZE", "KAZ", "GEO"])),
        destination=st.one_of(st.none(), st.sampled_from(["AZE", "KAZ", "GEO"])),
        product=st.one_of(st.none(), st.sampled_from(["total", "0101", " 2709.00 ", "none"])),
        status=st.one_of(st.none(), st.sampled_from(["actual", "Estimate", "target"])),
    )
    def observations_filtered(
        self,
        indicator: str | None,
        origin: str | None,
        destination: str | None,
        product: str | None,
        status: str | None,
    ) -> None:
        """Filters as documented: an undirected indicator's pair matches either way."""

        def matches(row: Row) -> bool:
            if indicator is not None and row.indicator != indicator:
                return False
            pair = (row.origin, row.destination)
            ways = {pair, pair[::-1]} if not INDICATORS[row.indicator].directed else {pair}
            if not any(
                (origin is None or o == origin) and (destination is None or d == destination)
                for o, d in ways
            ):
                return False
            if product is not None and row.product != trimmed(product).lower():
                return False
            return status is None or row.status == trimmed(status).lower()

        want = {k: r for k, r in self.model.items() if matches(r)}
        got = self.store.observations(indicator, origin, destination, product, status)
        assert_same_rows(rows_of(got), want)

    @rule(
        indicator=st.sampled_from(["Exports", "nonesuch"]),
        country=st.sampled_from(["ZZZ", "K\ud800Z", "\udfff"]),
    )
    def observations_with_bad_filters(self, indicator: str, country: str) -> None:
        """An unknown indicator or country is an error of the library's, never a crash."""
        for filters in ({"indicator": indicator}, {"origin": country}, {"destination": country}):
            try:
                self.store.observations(**filters)
            except bilateral.BilateralError:
                pass
            else:
                raise AssertionError(f"{filters} gave observations")

    @rule(kind=st.sampled_from(["csv", "json"]))
    def export_round_trip(self, kind: str) -> None:
        """The library's own CSV holds each period as it was written, and reads back into
        a new store as the same figures; a dataset file reads back as the same store."""
        path = self.file(f".{kind}")
        with new_store(self.folder, f"{self.files}.db") as other:
            if kind == "csv":
                assert self.store.export_csv(path) == len(self.model)
                assert periods_as_written(path) == {k: r.given for k, r in self.model.items()}
                other.import_csv(path)
            else:
                assert self.store.export_json(path)["observations"] == len(self.model)
                other.import_json(path)
            assert_same_rows(rows_of(other.observations(into="arrow")), self.model)

    @invariant()
    def the_store_holds_the_model(self) -> None:
        if hasattr(self, "store"):
            assert_same_rows(rows_of(self.store.observations(into="arrow")), self.model)


class ReopenedStoreMachine(StoreMachine):
    """The same, the file opened again now and then."""

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = bilateral.Store(self.folder / "store.db")


class InMemoryStoreMachine(StoreMachine):
    """The same, on a store in memory."""

    def open_store(self) -> bilateral.Store:
        store = bilateral.Store()
        store.add_source("office", "Statistics office")
        return store


TestStoreInAFile = ReopenedStoreMachine.TestCase
TestStoreInAFile.settings = settings.get_profile("model")
TestStoreInMemory = InMemoryStoreMachine.TestCase
TestStoreInMemory.settings = settings.get_profile("model-in-memory")


def test_the_model_reads_values_as_hand_worked() -> None:
    """The model's own arithmetic, against values worked out by hand."""
    assert last_digit_unit(102_000.0) == 1_000.0
    assert last_digit_unit(0.25) == 0.01
    assert last_digit_unit(0.1 + 0.2) == 0.1
    assert last_digit_unit(1e-310) == 1e-310
    assert last_digit_unit(5e-324) == 5e-324
    assert last_digit_unit(1.7976931348623157e308) == 1e292
    assert trimmed("\u3000a\x1c ") == "a\x1c"
    record = {"indicator": "exports", "origin": "kz", "destination": "AZE",
              "period": Period("Jan–Aug 2025", (date(2025, 1, 1), date(2025, 8, 31))),
              "value": 40_000, "qualifier": "about"}  # fmt: skip
    row = expected_row(record, "add")
    assert row is not None
    assert (row.origin, row.low, row.high) == ("KAZ", 35_000.0, 45_000.0)
