"""Tests of wsclient.numfmt: numbers and plurals as each language writes them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.numfmt import ONE, OTHER, number, plural


@pytest.mark.parametrize(("count", "form"), [(0, OTHER), (1, ONE), (2, OTHER), (1_000_000, OTHER)])
def test_plural_is_one_for_exactly_one(count, form):
    """1 takes the singular; 0, 2 and a million the plural."""
    assert plural(count) == form


@pytest.mark.parametrize("count", [1.0, True, "1", None])
def test_plural_of_anything_but_a_whole_number_is_other(count):
    """Floats, booleans and text are never counted as one."""
    assert plural(count) == OTHER


@pytest.mark.parametrize(
    ("lang", "value", "shown"),
    [
        ("pt-BR", 0, "0"),
        ("pt-BR", 1, "1"),
        ("pt-BR", 2, "2"),
        ("pt-BR", 1_000_000, "1.000.000"),
        ("en", 0, "0"),
        ("en", 1, "1"),
        ("en", 2, "2"),
        ("en", 1_000_000, "1,000,000"),
        ("pt-BR", 999, "999"),
        ("pt-BR", 1000, "1.000"),
        ("en", 211_564, "211,564"),
        ("en", -1234, "-1,234"),
        ("en", 12_345_678_901_234_567_890, "12,345,678,901,234,567,890"),
    ],
)
def test_number_groups_thousands(lang, value, shown):
    """Whole numbers get the language's thousands separator, from 1,000 up."""
    assert number(lang, value) == shown


@pytest.mark.parametrize(
    ("lang", "value", "places", "shown"),
    [
        ("pt-BR", 2.5, 1, "2,5"),
        ("en", 2.5, 1, "2.5"),
        ("pt-BR", 1234.5, 1, "1.234,5"),
        ("en", 1234.5, 1, "1,234.5"),
        ("en", 0, 1, "0.0"),
        ("en", 1.25, 1, "1.3"),
        ("pt-BR", 1.25, 1, "1,3"),
        ("pt-BR", 1234.5, 0, "1.235"),
        ("en", 0.04, 1, "0.0"),
        ("en", -2.5, 1, "-2.5"),
        ("en", -0.01, 1, "0.0"),
        ("en", 1_000_000.0, 0, "1,000,000"),
    ],
)
def test_number_rounds_half_away_from_zero_with_the_language_mark(lang, value, places, shown):
    """One rounding on every interpreter, with pt-BR's decimal comma."""
    assert number(lang, value, places) == shown


def test_number_in_another_language_is_written_as_pt_br():
    """A language the page does not have falls back to its default."""
    assert number("fr", 1234.5, 1) == "1.234,5"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_number_writes_what_is_not_finite_as_is(value):
    """NaN and infinities come out as Python writes them, without raising."""
    assert number("en", value) == str(value)


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_number_keeps_every_digit(value):
    """Taking the separators out gives the number back."""
    assert int(number("en", value).replace(",", "")) == value
    assert int(number("pt-BR", value).replace(".", "")) == value
