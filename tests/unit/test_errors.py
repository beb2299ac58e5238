"""Tests of wsclient.errors: the one error for input the page cannot use."""

import pytest

from wsclient import binary, jsontext, urls
from wsclient.errors import InputError, error_at, shown


def test_input_error_is_a_value_error_with_key_and_params():
    """InputError carries its i18n key and params, which are also its args."""
    error = InputError("payload.hex", {"position": 1})
    assert isinstance(error, ValueError)
    assert (error.key, error.params, error.args) == (
        "payload.hex",
        {"position": 1},
        ("payload.hex", {"position": 1}),
    )


def test_input_error_params_default_to_empty():
    """An error without params has an empty dict, ready for i18n.t(**params)."""
    assert InputError("url.empty").params == {}


@pytest.mark.parametrize(
    "raise_it",
    [
        lambda: urls.check_url("http://h"),
        lambda: urls.check_protocols("a, a"),
        lambda: binary.parse_hex("zz"),
        lambda: binary.parse_base64("Y"),
        lambda: jsontext.parse_json("[1,]"),
    ],
    ids=["url", "protocols", "hex", "base64", "json"],
)
def test_every_parser_raises_input_error(raise_it):
    """Addresses, subprotocols and payloads all fail with the same class."""
    with pytest.raises(InputError):
        raise_it()


def test_error_at_gives_position_line_and_column():
    """The place at fault is a 0-based position and a 1-based line and column."""
    error = error_at("payload.hex", "ab\ncdz", 5, char=True)
    assert error.params == {"position": 5, "line": 2, "column": 3, "char": "z"}


def test_error_at_the_end_names_no_character():
    """An error at the end of the text, where the text ends too soon, has no char."""
    error = error_at("payload.hex_odd", "abc", 3)
    assert error.params == {"position": 3, "line": 1, "column": 4}


@pytest.mark.parametrize(
    "ch, text",
    [("a", "a"), ("é", "é"), (" ", "U+0020"), ("\x00", "U+0000"), ("\x7f", "U+007F")]
    + [("\xa0", "U+00A0"), ("\u3000", "U+3000"), ("\ufeff", "U+FEFF"), ("\ud800", "U+D800")],
)
def test_shown_names_invisible_characters(ch, text):
    """A character the user could not see in a message is named by its code point."""
    assert shown(ch) == text
