"""Each bad argument raises the error of its kind, naming the argument: a lone
surrogate or an out-of-range number is a ValidationError, a wrong type a TypeError, and
no message repeats more than a short prefix of the input."""

from __future__ import annotations

from collections.abc import Callable

import bilateral
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


@pytest.mark.parametrize("case", list(CALLS_WITH_A_SURROGATE))
def test_a_lone_surrogate_is_a_validation_error_naming_the_argument(
    store: bilateral.Store, case: str
) -> None:
    field, call = CALLS_WITH_A_SURROGATE[case]
    with pytest.raises(bilateral.ValidationError) as caught:
        call(store)
    assert caught.value.field == field
    assert caught.value.text == "'a\\ud800b'"  # printable: the surrogate as its escape
    assert "lone surrogate" in str(caught.value)
    assert len(store.observations()) == 0


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


def test_an_unknown_country_quotes_only_the_first_80_characters(
    store: bilateral.Store,
) -> None:
    with pytest.raises(bilateral.ValidationError) as caught:
        store.country("q" * 1_000)
    assert f'{"q" * 80}"… (1000 characters)' in str(caught.value)
    assert len(str(caught.value)) < 400
