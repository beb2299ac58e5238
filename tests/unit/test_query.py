"""The query-string reader that replaces urllib in the browser."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.query import bounded_int, build_query, parse_query, unquote


def test_query_maps_names_to_decoded_values():
    """Percent escapes and '+' decode, with or without the leading '?'."""
    query = "?url=ws%3A%2F%2F127.0.0.1%3A8765%2F&x=ol%C3%A1+mundo"
    assert parse_query(query) == {"url": "ws://127.0.0.1:8765/", "x": "olá mundo"}


def test_first_value_of_a_repeated_name_wins():
    """A name given twice keeps its first value, as URLSearchParams.get does."""
    assert parse_query("lang=en&lang=pt") == {"lang": "en"}


def test_malformed_escapes_stay_as_they_are():
    """A broken %-escape is kept literally rather than raising."""
    assert unquote("%zz%4") == "%zz%4"


def test_empty_query_is_empty():
    """No query string means no parameters."""
    assert parse_query("") == {} and parse_query("?") == {}


@given(st.dictionaries(st.text(min_size=1), st.text(), max_size=5))
def test_query_round_trips_what_urlencode_writes(params):
    """Whatever urlencode writes, parse_query reads back."""
    assert parse_query("?" + urlencode(params, quote_via=quote)) == params


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (1000, True)),
        ("250", (250, True)),
        ("10", (10, True)),
        ("9", (1000, False)),
        ("abc", (1000, False)),
        ("-5", (1000, False)),
        ("1e3", (1000, False)),
        ("99999999999", (1000, False)),
    ],
)
def test_bounded_int_accepts_only_whole_numbers_in_range(text, expected):
    """A number parameter is used only when it is a whole number within its bounds."""
    assert bounded_int(text, 1000, 10, 100_000) == expected


@given(st.text())
def test_build_query_round_trips_through_parse_query(value):
    """Whatever value build_query writes, parse_query reads back unchanged."""
    assert parse_query(build_query([("v", value), ("w", "x")])) == {"v": value, "w": "x"}


def test_build_query_keeps_addresses_readable():
    """ ":", "/" and "@" stay as they are; "&", "=", "+", "?" and spaces are escaped."""
    assert build_query([("url", "ws://u@h:1/p?a=1&b=2+3 4")]) == (
        "?url=ws://u@h:1/p%3Fa%3D1%26b%3D2%2B3%204"
    )


def test_build_query_of_nothing_is_empty():
    """No pairs, no "?"."""
    assert build_query([]) == ""
