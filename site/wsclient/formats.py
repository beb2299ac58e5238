"""The old home of the payload formats, now in binary, chars, jsontext and errors.

It goes away once site/ui and session import the new modules.
"""

from wsclient.binary import hex_dump, hex_pairs, parse_base64, parse_hex, to_base64
from wsclient.chars import utf8_len, utf16_index
from wsclient.errors import InputError
from wsclient.jsontext import (
    JSON_VIEW_CAP,
    json_string,
    looks_like_json,
    parse_json,
    pretty_json,
)

__all__ = [
    "JSON_VIEW_CAP",
    "PayloadError",
    "hex_dump",
    "hex_pairs",
    "json_string",
    "looks_like_json",
    "parse_base64",
    "parse_hex",
    "parse_json",
    "pretty_json",
    "to_base64",
    "utf8_len",
    "utf16_index",
]

PayloadError = InputError
