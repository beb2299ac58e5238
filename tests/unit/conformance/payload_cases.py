"""wsclient.payload: what the user typed, read in the format they picked."""

from conformance.runner import table
from wsclient.binary import hex_pairs
from wsclient.errors import InputError
from wsclient.payload import parse_payload


def _read(args):
    """parse_payload(mode, text) as ["text", str] or ["binary", hex], or [key, params]."""
    try:
        payload = parse_payload(*args)
    except InputError as exc:
        return [exc.key, exc.params]
    if isinstance(payload, str):
        return ["text", payload]
    return ["binary", hex_pairs(payload)]


def _unknown_mode():
    try:
        parse_payload("xml", "<a/>")
    except InputError:
        return "InputError"
    except ValueError:
        return "ValueError"
    return None


READS = [
    (["text", "olá [1,]"], ["text", "olá [1,]"]),
    (["text", ""], ["text", ""]),
    (["hex", "de ad be ef"], ["binary", "de ad be ef"]),
    (["hex", "0xDE, 0xad"], ["binary", "de ad"]),
    (["base64", "3q2+7w=="], ["binary", "de ad be ef"]),
    (["base64", "3q2-7w"], ["binary", "de ad be ef"]),
    (["json", ' {"a": [1, 2]} '], ["text", ' {"a": [1, 2]} ']),
    (["hex", "de zz"], ["payload.hex", {"char": "z", "position": 3, "line": 1, "column": 4}]),
    (
        ["base64", "Y"],
        ["payload.base64_length", {"count": 1, "position": 1, "line": 1, "column": 2}],
    ),
    (
        ["json", "[1,]"],
        [
            "json.invalid",
            {"position": 3, "line": 1, "column": 4, "detail": "expected a value", "char": "]"},
        ],
    ),
]

CASES = table("parse_payload", _read, READS) + [
    ("parse_payload of an unknown mode", _unknown_mode, "ValueError"),
]
