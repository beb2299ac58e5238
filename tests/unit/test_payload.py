"""Tests of wsclient.payload: what the user typed, read in the format they picked."""

import pytest

from wsclient.errors import InputError
from wsclient.i18n import LANGS, t
from wsclient.payload import parse_payload


@pytest.mark.parametrize(
    "mode, text, payload",
    [
        ("text", "olá [1,]", "olá [1,]"),
        ("text", "", ""),
        ("hex", "de ad be ef", b"\xde\xad\xbe\xef"),
        ("hex", "0xDE, 0xad", b"\xde\xad"),
        ("base64", "3q2+7w==", b"\xde\xad\xbe\xef"),
        ("base64", "3q2-7w", b"\xde\xad\xbe\xef"),
        ("json", ' {"a": [1, 2]} ', ' {"a": [1, 2]} '),
    ],
)
def test_parse_payload_reads_each_mode(mode, text, payload):
    """Text and JSON stay text, as typed; hex and Base64 become bytes."""
    result = parse_payload(mode, text)
    assert result == payload and type(result) is type(payload)


@pytest.mark.parametrize(
    "mode, text, key, position",
    [
        ("hex", "de zz", "payload.hex", 3),
        ("hex", "abc", "payload.hex_odd", 3),
        ("base64", "Y!", "payload.base64", 1),
        ("base64", "Y", "payload.base64_length", 1),
        ("json", "[1,]", "json.invalid", 3),
        ("json", "[1", "json.incomplete", 2),
    ],
)
def test_parse_payload_says_where_the_text_goes_wrong(mode, text, key, position):
    """Bad input is an InputError with its key and the position at fault."""
    with pytest.raises(InputError) as info:
        parse_payload(mode, text)
    assert (info.value.key, info.value.params["position"]) == (key, position)


@pytest.mark.parametrize(
    "mode, text",
    [("hex", "zz"), ("hex", "abc"), ("base64", "Y!"), ("base64", "Y")]
    + [("json", "[1,]"), ("json", "[1")],
)
@pytest.mark.parametrize("lang", LANGS)
def test_payload_errors_have_texts_in_every_language(mode, text, lang):
    """Every payload error's key and params make a complete text."""
    with pytest.raises(InputError) as info:
        parse_payload(mode, text)
    message = t(lang, info.value.key, **info.value.params)
    assert message != info.value.key and "{" not in message


def test_parse_payload_refuses_an_unknown_mode():
    """A mode the page does not offer is a programming error, not bad input."""
    with pytest.raises(ValueError) as info:
        parse_payload("xml", "<a/>")
    assert not isinstance(info.value, InputError)
