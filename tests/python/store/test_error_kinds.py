"""Each bad argument raises the error of its kind, naming the argument: a lone
surrogate or an out-of-range number is a ValidationError, a wrong type a TypeError, and
no message repeats more than a short prefix of the input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import bilateral
import numpy as np
import pyarrow as pa
import pytest

SURROGATE = "a\ud800b"


@pytest.fixture
def store() -> bilateral.Store:
    s = bilateral.Store()
    s.add_indicator("trade", "Trade", "USD", "flow", directed=False)
    s.add_source("office", "Statistics office")
    return s


def add(store: bilateral.Store, **changed: object) -> None:
    fields: dict[str, object] = {
        "indicator": "trade", "origin": "AZE", "destination": "KAZ", "period": 2024, "value": 1.0,
    }  # fmt: skip
    fields.update(changed)
    store.add(**fields)  # type: ignore[arg-type]


CALLS_WITH_A_SURROGATE: dict[str, tuple[str, Callable[[bilateral.Store], object]]] = {
    "indicator": ("indicator", lambda s: add(s, indicator=SURROGATE)),
    "origin": ("origin", lambda s: add(s, origin=SURROGATE)),
    "destination": ("destination", lambda s: add(s, destination=SURROGATE)),
    "period": ("period", lambda s: add(s, period=SURROGATE)),
    "qualifier": ("qualifier", lambda s: add(s, qualifier=SURROGATE)),
    "status": ("status", lambda s: add(s, status=SURROGATE)),
    "product": ("product", lambda s: add(s, product=SURROGATE)),
    "source": ("source", lambda s: add(s, source=SURROGATE)),
    "quote": ("quote", lambda s: add(s, quote=SURROGATE)),
    "note": ("note", lambda s: add(s, note=SURROGATE)),
    "unit": ("unit", lambda s: add(s, unit=SURROGATE)),
    "a quote in add_many": (
        "quote",
        lambda s: s.add_many(
            [
                {
                    "indicator": "trade",
                    "origin": "AZE",
                    "destination": "KAZ",
                    "period": 2024,
                    "value": 1.0,
                    "quote": SURROGATE,
                }
            ]
        ),
    ),  # fmt: skip
    "an observations filter": ("origin", lambda s: s.observations(origin=SURROGATE)),
    "a path to import": ("path", lambda s: s.import_csv(SURROGATE)),
    "a store's path": ("path", lambda s: bilateral.Store(SURROGATE)),
    "a country": ("text", lambda s: s.country(SURROGATE)),
    "a population's country": ("country", lambda s: s.set_population(SURROGATE, 2024, 5)),
}


# Every other text argument of every call, one case each; the native module reads them
# all with the same extractors (src/python/convert.rs), so a surrogate in any of them is
# the same ValidationError.
def one(s: bilateral.Store) -> bilateral.Report:
    return s.report("AZE", "KAZ")


CALLS_WITH_A_SURROGATE |= {
    "add's on_duplicate": ("on_duplicate", lambda s: add(s, on_duplicate=SURROGATE)),
    "add_many's on_duplicate": ("on_duplicate", lambda s: s.add_many([], on_duplicate=SURROGATE)),  # type: ignore[arg-type]
    "an indicator's code": ("code", lambda s: indicator(s, code=SURROGATE)),
    "an indicator's name": ("name", lambda s: indicator(s, name=SURROGATE)),
    "an indicator's unit": ("unit", lambda s: indicator(s, unit=SURROGATE)),
    "an indicator's kind": ("kind", lambda s: indicator(s, kind=SURROGATE)),
    "an indicator's description": ("description", lambda s: indicator(s, description=SURROGATE)),
    "an indicator's topic": ("topic", lambda s: indicator(s, topic=SURROGATE)),
    "an indicator's phrase": ("phrase", lambda s: indicator(s, phrase=SURROGATE)),
    "a topic's code": ("code", lambda s: s.add_topic(SURROGATE, "Energy")),
    "a topic's title": ("title", lambda s: s.add_topic("energy", SURROGATE)),
    "a source's id": ("id", lambda s: source(s, id=SURROGATE)),
    "a source's title": ("title", lambda s: source(s, title=SURROGATE)),
    "a source's publisher": ("publisher", lambda s: source(s, publisher=SURROGATE)),
    "a source's url": ("url", lambda s: source(s, url=SURROGATE)),
    "a source's published": ("published", lambda s: source(s, published=SURROGATE)),
    "an event's date": ("date", lambda s: event(s, date=SURROGATE)),
    "an event's a": ("a", lambda s: event(s, a=SURROGATE)),
    "an event's b": ("b", lambda s: event(s, b=SURROGATE)),
    "an event's kind": ("kind", lambda s: event(s, kind=SURROGATE)),
    "an event's title": ("title", lambda s: event(s, title=SURROGATE)),
    "an event's place": ("place", lambda s: event(s, place=SURROGATE)),
    "an event's source": ("source", lambda s: event(s, source=SURROGATE)),
    "an event's quote": ("quote", lambda s: event(s, quote=SURROGATE)),
    "an event's note": ("note", lambda s: event(s, note=SURROGATE)),
    "a claim's text": ("text", lambda s: claim(s, text=SURROGATE)),
    "a claim's indicator": ("indicator", lambda s: claim(s, indicator=SURROGATE)),
    "a claim's origin": ("origin", lambda s: claim(s, origin=SURROGATE)),
    "a claim's destination": ("destination", lambda s: claim(s, destination=SURROGATE)),
    "a claim's period": ("period", lambda s: claim(s, period=SURROGATE)),
    "a claim's relation": ("relation", lambda s: claim(s, relation=SURROGATE)),
    "a claim's reference": ("reference", lambda s: claim(s, reference=SURROGATE)),
    "a claim's qualifier": ("qualifier", lambda s: claim(s, qualifier=SURROGATE)),
    "a claim's product": ("product", lambda s: claim(s, product=SURROGATE)),
    "a claim's source": ("source", lambda s: claim(s, source=SURROGATE)),
    "a claim's quote": ("quote", lambda s: claim(s, quote=SURROGATE)),
    "a claim's note": ("note", lambda s: claim(s, note=SURROGATE)),
    "a claims filter": ("a", lambda s: s.claims(SURROGATE)),
    "an events filter": ("b", lambda s: s.events("AZE", SURROGATE)),
    "a check filter": ("origin", lambda s: s.check(SURROGATE)),
    "a check_claims filter": ("destination", lambda s: s.check_claims("AZE", SURROGATE)),
    "a built-in dataset's name": ("name", lambda s: s.load_dataset(SURROGATE)),
    "a dataset file's path": ("path", lambda s: s.load(SURROGATE)),
    "export_json's path": ("path", lambda s: s.export_json(SURROGATE)),
    "import_json's path": ("path", lambda s: s.import_json(SURROGATE)),
    "import_json's on_duplicate": (
        "on_duplicate",
        lambda s: s.import_json("x.json", on_duplicate=SURROGATE),  # type: ignore[arg-type]
    ),
    "export_csv's path": ("path", lambda s: s.export_csv(SURROGATE)),
    "an export_csv filter": ("status", lambda s: s.export_csv("x.csv", status=SURROGATE)),
    "export_parquet's path": ("path", lambda s: s.export_parquet(SURROGATE)),
    "an export_parquet filter": ("product", lambda s: s.export_parquet("x", product=SURROGATE)),
    "import_csv's on_duplicate": (
        "on_duplicate",
        lambda s: s.import_csv("x.csv", on_duplicate=SURROGATE),  # type: ignore[arg-type]
    ),
    "import_sdmx_csv's path": ("path", lambda s: s.import_sdmx_csv(SURROGATE)),
    "an SDMX mapping's code": (
        "mapping",
        lambda s: s.import_sdmx_csv("x.csv", {SURROGATE: "trade"}),
    ),
    "an SDMX mapping's indicator": (
        "mapping",
        lambda s: s.import_sdmx_csv("x.csv", {"TX": SURROGATE}),
    ),
    "import_comtrade_csv's path": ("path", lambda s: s.import_comtrade_csv(SURROGATE)),
    "import_file's path": ("path", lambda s: s.import_file(SURROGATE)),
    "import_file's format": ("format", lambda s: s.import_file("x.csv", SURROGATE)),
    "implied's indicator": ("indicator", lambda s: s.implied(SURROGATE, "AZE", "KAZ", 2024)),
    "growth's origin": ("origin", lambda s: s.growth("trade", SURROGATE, "KAZ")),
    "growth's product": ("product", lambda s: s.growth("trade", "AZE", "KAZ", SURROGATE)),
    "growth's status": ("status", lambda s: s.growth("trade", "AZE", "KAZ", status=SURROGATE)),
    "growth of every series' destination": (
        "destination",
        lambda s: s.growth(destination=SURROGATE),
    ),
    "change's destination": (
        "destination",
        lambda s: s.change("trade", "AZE", SURROGATE, start=2023, end=2024),
    ),
    "change's start": (
        "start",
        lambda s: s.change("trade", "AZE", "KAZ", start=SURROGATE, end=2024),
    ),
    "change of every series' indicator": (
        "indicator",
        lambda s: s.change(SURROGATE, start=2023, end=2024),
    ),
    "shares' of": ("of", lambda s: s.shares("trade", "AZE", "KAZ", of=SURROGATE)),
    "shares' of_product": (
        "of_product",
        lambda s: s.shares("trade", "AZE", "KAZ", of_product=SURROGATE),
    ),
    "shares of every series' status": ("status", lambda s: s.shares(status=SURROGATE)),
    "per_capita's basis": ("basis", lambda s: s.per_capita("trade", "AZE", "KAZ", basis=SURROGATE)),  # type: ignore[call-overload]
    "per_capita of every series' origin": ("origin", lambda s: s.per_capita(origin=SURROGATE)),
    "target_progress's indicator": (
        "indicator",
        lambda s: s.target_progress(SURROGATE, "AZE", "KAZ", 2030),
    ),
    "required_growth's product": (
        "product",
        lambda s: s.required_growth("trade", "AZE", "KAZ", 2024, 2030, product=SURROGATE),
    ),
    "asymmetry's a": ("a", lambda s: s.asymmetry("trade", SURROGATE, "KAZ")),
    "asymmetry of every pair's b": ("b", lambda s: s.asymmetry(b=SURROGATE)),
    "a report's a": ("a", lambda s: s.report(SURROGATE, "KAZ")),
    "a report's b": ("b", lambda s: s.report("AZE", SURROGATE)),
    "a report's title": ("title", lambda s: s.report("AZE", "KAZ", title=SURROGATE)),
    "a report's topics": ("topics", lambda s: s.report("AZE", "KAZ", topics=["trade", SURROGATE])),
    "a report's since": ("since", lambda s: s.report("AZE", "KAZ", since=SURROGATE)),
    "a report's format": ("format", lambda s: one(s).render(SURROGATE)),
    "format_value's unit": ("unit", lambda s: bilateral.format_value(5, SURROGATE)),
    "format_value's qualifier": (
        "qualifier",
        lambda s: bilateral.format_value(5, "USD", SURROGATE),
    ),
    "a period to normalise": ("period", lambda s: bilateral.normalize_period(SURROGATE)),
}


def indicator(store: bilateral.Store, **changed: object) -> bool:
    fields: dict[str, object] = {
        "code": "t", "name": "T", "unit": "USD", "kind": "flow", "directed": False,
    }  # fmt: skip
    return store.add_indicator(**(fields | changed))  # type: ignore[arg-type]


def source(store: bilateral.Store, **changed: object) -> bool:
    fields: dict[str, object] = {"id": "o", "title": "Office"}
    return store.add_source(**(fields | changed))  # type: ignore[arg-type]


def event(store: bilateral.Store, **changed: object) -> None:
    fields: dict[str, object] = {
        "date": "2024-05-01", "a": "AZE", "b": "KAZ", "kind": "visit", "title": "Visit",
    }  # fmt: skip
    store.add_event(**(fields | changed))  # type: ignore[arg-type]


def claim(store: bilateral.Store, **changed: object) -> bool:
    fields: dict[str, object] = {
        "text": "grew", "indicator": "trade", "origin": "AZE", "destination": "KAZ",
        "period": 2024, "relation": "grew",
    }  # fmt: skip
    fields.update(changed)
    return store.add_claim(**fields)  # type: ignore[arg-type]


def contents(store: bilateral.Store) -> list[int]:
    """How many of each thing the store holds."""
    return [
        len(store.observations()), len(store.indicators()), len(store.sources()),
        len(store.topics()), len(store.events()), len(store.claims()),
    ]  # fmt: skip


@pytest.mark.parametrize("case", list(CALLS_WITH_A_SURROGATE))
def test_a_lone_surrogate_is_a_validation_error_naming_the_argument(
    store: bilateral.Store, case: str
) -> None:
    field, call = CALLS_WITH_A_SURROGATE[case]
    before = contents(store)
    with pytest.raises(bilateral.ValidationError) as caught:
        call(store)
    assert caught.value.field == field
    assert caught.value.text == "'a\\ud800b'"  # printable: the surrogate as its escape
    assert "lone surrogate" in str(caught.value)
    assert contents(store) == before


# A wrong type, in `add` and in a record of `add_many`: a TypeError naming the argument
# (and the record). A number given as text is a wrong type even when it reads as one.
WRONG_TYPES_IN_ADD: list[tuple[dict[str, object], str]] = [
    ({"value": "abc"}, 'argument "value": expected a number (int or float), got str'),
    ({"value": "12"}, 'argument "value": expected a number (int or float), got str'),
    ({"value": None}, 'argument "value": expected a number (int or float), got NoneType'),
    ({"value": True}, 'argument "value": expected a number (int or float), got bool'),
    # A complex number is the wrong type whatever its imaginary part: as a float it
    # would be its real part alone. NumPy's complex128 is a `complex`, complex64 not.
    ({"value": 3 + 0j}, 'argument "value": expected a number (int or float), got complex'),
    (
        {"value": np.complex128(3 + 4j)},
        'argument "value": expected a number (int or float), got complex128',
    ),
    (
        {"value": np.complex64(3)},
        'argument "value": expected a number (int or float), got complex64',
    ),
    ({"low": np.complex64(3)}, 'argument "low": expected a number (int or float), got complex64'),
    (
        {"scale": np.complex128(1)},
        'argument "scale": expected a number (int or float), got complex128',
    ),
    ({"low": "x"}, 'argument "low": expected a number (int or float), got str'),
    ({"high": [1]}, 'argument "high": expected a number (int or float), got list'),
    ({"precision": "1"}, 'argument "precision": expected a number (int or float), got str'),
    (
        {"period": [2024]},
        'argument "period": expected text (str), a year (int) or a date, got list',
    ),
    (
        {"period": None},
        'argument "period": expected text (str), a year (int) or a date, got NoneType',
    ),
    ({"period": True}, 'argument "period": expected text (str), a year (int) or a date, got bool'),
    ({"on_duplicate": 1}, 'argument "on_duplicate": expected text (str), got int'),
]


@pytest.mark.parametrize(("changed", "message"), WRONG_TYPES_IN_ADD)
def test_a_wrong_type_in_add_is_a_type_error_naming_the_argument(
    store: bilateral.Store, changed: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        add(store, **changed)
    assert str(caught.value) == message
    assert not isinstance(caught.value, bilateral.BilateralError)
    assert len(store.observations()) == 0


#: A record add_many takes, beside which a test puts a bad one.
GOOD: dict[str, object] = {
    "indicator": "trade", "origin": "AZE", "destination": "KAZ", "period": 2024, "value": 1.0,
}  # fmt: skip


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"value": "abc"}, 'record 1, field "value": expected a number (int or float), got str'),
        ({"value": "12"}, 'record 1, field "value": expected a number (int or float), got str'),
        ({"low": "x"}, 'record 1, field "low": expected a number (int or float), got str'),
        (
            {"value": np.complex64(3)},
            'record 1, field "value": expected a number (int or float), got complex64',
        ),
        (
            {"high": np.complex128(3 + 4j)},
            'record 1, field "high": expected a number (int or float), got complex128',
        ),
        (
            {"period": [2024]},
            'record 1, field "period": expected text (str), a year (int) or a date, got list',
        ),
        (
            {"quote": {"a": 1}},
            'record 1, field "quote": expected text (str), a year (int) or a date, got dict',
        ),
    ],
)
def test_a_wrong_type_in_a_record_of_add_many_is_a_type_error_naming_record_and_field(
    store: bilateral.Store, changed: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        store.add_many([GOOD, GOOD | {"period": 2023} | changed])
    assert str(caught.value) == message
    assert len(store.observations()) == 0


def test_a_record_that_is_not_a_mapping_is_a_type_error_naming_its_index(
    store: bilateral.Store,
) -> None:
    with pytest.raises(TypeError) as caught:
        store.add_many([GOOD, ["trade"]])  # type: ignore[list-item]
    assert str(caught.value) == "record 1: expected a mapping (dict) of fields, got list"
    assert len(store.observations()) == 0


# What stays a ValidationError: values of a type the argument takes that are out of
# range or missing (NaN is a float; a float period must be a whole year; a record's
# None is a missing cell, as in a frame).
@pytest.mark.parametrize(
    ("changed", "field", "reason"),
    [
        ({"value": float("inf")}, "value", "is not a finite number"),
        (
            {"period": 1.5},
            "period",
            "is a number with a fraction, not text (a year is a whole number)",
        ),
        ({"period": float("nan")}, "period", "is missing"),
    ],
)
def test_a_value_of_the_right_type_out_of_range_stays_a_validation_error(
    store: bilateral.Store, changed: dict[str, object], field: str, reason: str
) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        add(store, **changed)
    assert (caught.value.field, caught.value.reason) == (field, reason)
    with pytest.raises(bilateral.ValidationError) as caught:
        good = {"indicator": "trade", "origin": "AZE", "destination": "KAZ", "period": 2024}
        store.add_many([good | {"value": 1.0} | changed])
    assert (caught.value.field, caught.value.record, caught.value.reason) == (field, 0, reason)


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_a_missing_value_in_a_record_is_a_validation_error(
    store: bilateral.Store, missing: float | None
) -> None:
    # None and NaN (as a frame's records hold an empty cell) alike; a single add's NaN
    # is a number that is not finite (the test above).
    record = {"indicator": "trade", "origin": "AZE", "destination": "KAZ", "period": 2024}
    with pytest.raises(bilateral.ValidationError) as caught:
        store.add_many([record | {"value": missing}])
    assert (caught.value.field, caught.value.record, caught.value.reason) == (
        "value",
        0,
        'is missing (an empty cell, None or NaN): drop the row or pass missing="skip"',
    )
    with pytest.raises(bilateral.ValidationError) as single:
        add(store, value=float("nan"))
    assert single.value.reason == "is not a finite number"


# Wrong types of the other calls' arguments, one of each kind.
WRONG_TYPES_ELSEWHERE: dict[str, tuple[str, Callable[[bilateral.Store], object]]] = {
    "a claim's value": (
        'argument "value": expected a number (int or float), got str',
        lambda s: claim(s, relation="ratio", value="three"),
    ),
    "an indicator's code": (
        'argument "code": expected text (str), got int',
        lambda s: indicator(s, code=1),
    ),
    "a source's publisher": (
        'argument "publisher": expected text (str), got list',
        lambda s: source(s, publisher=["x"]),
    ),
    "a path": (
        'argument "path": expected a path (str, bytes or os.PathLike), got int',
        lambda s: s.load(5),  # type: ignore[arg-type]
    ),
    "an SDMX mapping": (
        'argument "mapping": expected a mapping of text to text (dict[str, str]), got list',
        lambda s: s.import_sdmx_csv("x.csv", ["TX"]),  # type: ignore[arg-type]
    ),
    "an SDMX mapping's value": (
        'argument "mapping": expected a mapping of text to text (dict[str, str]), got dict',
        lambda s: s.import_sdmx_csv("x.csv", {"TX": 1}),  # type: ignore[dict-item]
    ),
    "a report's topics": (
        'argument "topics": expected a list of text (str), got list',
        lambda s: s.report("AZE", "KAZ", topics=["trade", 1]),  # type: ignore[list-item]
    ),
    "a report's top": (
        'argument "top": expected a whole number (int), got str',
        lambda s: s.report("AZE", "KAZ", top="3"),  # type: ignore[arg-type]
    ),
    "per_capita's per": (
        'argument "per": expected a number (int or float), got str',
        lambda s: s.per_capita("trade", "AZE", "KAZ", per="1000"),  # type: ignore[call-overload]
    ),
    "target_progress's year": (
        'argument "year": expected a whole number (int), got str',
        lambda s: s.target_progress("trade", "AZE", "KAZ", "2030"),  # type: ignore[arg-type]
    ),
    "an indicator's directed": (
        'argument "directed": expected True or False (bool), got str',
        lambda s: s.add_indicator("x", "X", "USD", "flow", directed="no"),  # type: ignore[arg-type]
    ),
    "an indicator's signed": (
        'argument "signed": expected True or False (bool), got int',
        lambda s: s.add_indicator("x", "X", "USD", "flow", directed=True, signed=2),  # type: ignore[arg-type]
    ),
    "add_many's replace": (
        'argument "replace": expected True or False (bool), got str',
        lambda s: s.add_many([], replace="yes"),  # type: ignore[arg-type]
    ),
    "a report's include_implied": (
        'argument "include_implied": expected True or False (bool), got str',
        lambda s: s.report("AZE", "KAZ", include_implied="no"),  # type: ignore[arg-type]
    ),
    "format_value's derived": (
        'argument "derived": expected True or False (bool), got NoneType',
        lambda s: bilateral.format_value(5, "USD", derived=None),  # type: ignore[arg-type]
    ),
    "format_value's value": (
        'argument "value": expected a number (int or float), got str',
        lambda s: bilateral.format_value("5", "USD"),  # type: ignore[arg-type]
    ),
}


@pytest.mark.parametrize("case", list(WRONG_TYPES_ELSEWHERE))
def test_a_wrong_type_elsewhere_is_a_type_error_naming_the_argument(
    store: bilateral.Store, case: str
) -> None:
    message, call = WRONG_TYPES_ELSEWHERE[case]
    before = contents(store)
    with pytest.raises(TypeError) as caught:
        call(store)
    assert str(caught.value) == message
    assert contents(store) == before


def test_a_year_of_a_target_beyond_32_bits_is_a_validation_error(store: bilateral.Store) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.target_progress("trade", "AZE", "KAZ", 2**40)
    assert caught.value.field == "year"


def test_a_negative_showing_number_of_a_report_is_a_validation_error() -> None:
    report = bilateral.demo().report("AZE", "KAZ")
    with pytest.raises(bilateral.ValidationError) as caught:
        report._core.to_html_fragment(-1)
    assert caught.value.field == "instance"
    assert str(caught.value) == 'field "instance": "-1" is out of range (0 to 4294967295)'


def test_a_year_beyond_32_bits_is_a_validation_error(store: bilateral.Store) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.set_population("AZE", 2**40, 10_000_000)
    assert caught.value.field == "year"
    assert str(caught.value) == (
        'field "year": "1099511627776" is out of range (-2147483648 to 2147483647)'
    )
    with pytest.raises(bilateral.ValidationError) as caught:
        store.population("AZE", -(2**40))
    assert caught.value.field == "year"


@pytest.mark.parametrize(
    ("changed", "field"),
    [({"period": 2**40}, "period"), ({"value": 10**400}, "value"), ({"low": 10**400}, "low")],
)
def test_numbers_beyond_range_are_validation_errors(
    store: bilateral.Store, changed: dict[str, object], field: str
) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        add(store, **changed)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"indicator": ["trade"]}, 'argument "indicator": expected text (str), got list'),
        ({"quote": 5}, 'argument "quote": expected text (str), got int'),
        ({"scale": "1000"}, 'argument "scale": expected a number (int or float), got str'),
    ],
)
def test_a_wrong_type_is_a_type_error_naming_the_argument(
    store: bilateral.Store, changed: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        add(store, **changed)
    assert str(caught.value) == message


def test_a_year_that_is_not_an_int_is_a_type_error(store: bilateral.Store) -> None:
    with pytest.raises(TypeError, match='argument "year": expected a whole number'):
        store.population("AZE", "2024")  # type: ignore[arg-type]


def test_a_message_quotes_only_the_first_80_characters(store: bilateral.Store) -> None:
    huge = "x" * 10_000_000
    with pytest.raises(bilateral.ValidationError) as caught:
        add(store, period=huge)
    assert caught.value.text == huge  # the whole text stays on the error
    message = str(caught.value)
    assert message.startswith(f'field "period": "{"x" * 80}"… (10000000 characters) is not')
    assert len(message) < 400


def test_only_the_text_given_is_cut_never_the_library_s_explanation(
    store: bilateral.Store,
) -> None:
    # The name given is cut to 80 characters with its length; the list of built-in
    # datasets after it is the library's and stays whole.
    with pytest.raises(bilateral.NotFoundError) as caught:
        store.load_dataset("q" * 1_000)
    assert str(caught.value) == (
        f"dataset not found: {'q' * 80}… (1000 characters) (built in: azerbaijan-kazakhstan-2025)"
    )
    # A duplicate's key is codes of at most 64 characters: shown whole, where it used
    # to be cut at 80 ("trade AZE–KAZ " 14, 64 p's, " 2024 actual from " 18, 64 o's).
    store.add_source("o" * 64, "A source with the longest id")
    add(store, product="p" * 64, source="o" * 64)
    with pytest.raises(bilateral.DuplicateError) as duplicate:
        add(store, product="p" * 64, source="o" * 64)
    key = f"trade AZE–KAZ {'p' * 64} 2024 actual from {'o' * 64}"
    assert len(key) == 14 + 64 + 18 + 64
    assert duplicate.value.key == key
    assert str(duplicate.value).startswith(f"duplicate observation: {key} is already stored")


def test_an_unknown_country_quotes_only_the_first_80_characters(
    store: bilateral.Store,
) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.country("q" * 1_000)
    assert f'{"q" * 80}"… (1000 characters)' in str(caught.value)
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize(
    "call",
    [
        lambda s, folder: bilateral.Store(f"{folder}/a\0b.db"),
        lambda s, folder: s.import_csv(f"{folder}/a\0b.csv"),
        lambda s, folder: s.export_json(f"{folder}/a\0b.json"),
    ],
    ids=["a store's path", "a path to import", "a path to save to"],
)
def test_a_path_with_a_nul_byte_is_a_validation_error(
    store: bilateral.Store,
    tmp_path: Path,
    call: Callable[[bilateral.Store, Path], object],
) -> None:
    before = contents(store)
    with pytest.raises(bilateral.ValidationError) as caught:
        call(store, tmp_path)
    assert caught.value.field == "path"
    assert caught.value.reason == "holds a NUL byte, which no file name can"
    assert contents(store) == before
    assert list(tmp_path.iterdir()) == []


def test_a_store_path_too_long_to_open_is_quoted_to_80_characters(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 5_000)
    with pytest.raises(bilateral.BilateralError) as caught:
        bilateral.Store(path)
    message = str(caught.value)
    assert f"{str(path)[:80]}… ({len(str(path))} characters)" in message
    assert len(message) < 400


class _NotAStream:
    """An object whose ``__arrow_c_stream__`` hands back something else."""

    def __init__(self, returned: object) -> None:
        self.returned = returned

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        return self.returned


@pytest.mark.parametrize(
    ("returned", "what"),
    [
        (5, "int"),
        (pa.schema([("value", pa.float64())]).__arrow_c_schema__(), "a capsule of something else"),
    ],
    ids=["not a capsule", "a schema capsule"],
)
def test_an_arrow_stream_that_is_not_one_is_a_type_error_naming_the_argument(
    store: bilateral.Store, returned: object, what: str
) -> None:
    before = contents(store)
    with pytest.raises(TypeError) as caught:
        store.add_many(_NotAStream(returned))
    assert str(caught.value) == (
        'argument "records": expected an Arrow stream, got _NotAStream whose '
        f"__arrow_c_stream__ returned {what}"
    )
    assert contents(store) == before
