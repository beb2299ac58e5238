"""wsclient.binary: hex pairs and dumps, and hex and Base64 read and written."""

import random

from conformance.runner import table
from wsclient.binary import (
    PURE_BASE64,
    hex_dump,
    hex_pairs,
    parse_base64,
    parse_hex,
    to_base64,
)
from wsclient.errors import InputError


def _bytes_or_error(function, text, *args):
    """The bytes function reads from text, as hex pairs; or the InputError's [key, params]."""
    try:
        return hex_pairs(function(text, *args))
    except InputError as exc:
        return [exc.key, exc.params]


def _round_trips():
    """Sizes whose random bytes do not come back from hex, Base64 or URL-safe Base64."""
    random.seed(1006)
    failed = []
    for size in (0, 1, 2, 3, 4, 100, 1000):
        data = bytes([random.getrandbits(8) for _ in range(size)])
        urlsafe = to_base64(data).replace("+", "-").replace("/", "_").rstrip("=")
        back = [
            parse_hex(hex_pairs(data)),
            parse_base64(to_base64(data)),
            parse_base64(urlsafe),
            parse_base64(to_base64(data, PURE_BASE64), PURE_BASE64),
        ]
        if back != [data] * 4:
            failed.append(size)
    return failed


HEX = [
    ("de ad", "de ad"),
    ("0xDE, 0xad", "de ad"),
    ("de:ad\nbe", "de ad be"),
    ("", ""),
    ("a\tb", ["payload.hex_odd", {"position": 1, "line": 1, "column": 2}]),
    ("de0xad", ["payload.hex", {"char": "x", "position": 3, "line": 1, "column": 4}]),
    ("abc", ["payload.hex_odd", {"position": 3, "line": 1, "column": 4}]),
    ("0x", ["payload.hex_odd", {"position": 2, "line": 1, "column": 3}]),
    ("zz", ["payload.hex", {"char": "z", "position": 0, "line": 1, "column": 1}]),
    ("dé", ["payload.hex", {"char": "é", "position": 1, "line": 1, "column": 2}]),
    ("de ad\nbe zz", ["payload.hex", {"char": "z", "position": 9, "line": 2, "column": 4}]),
    ("de\x01", ["payload.hex", {"char": "U+0001", "position": 2, "line": 1, "column": 3}]),
]

BASE64 = [
    ("", ""),
    ("YQ==", "61"),
    ("YQ", "61"),
    ("-_-_", "fb ff bf"),
    ("+/+/", "fb ff bf"),
    (" YW\nJj ", "61 62 63"),
    ("Y", ["payload.base64_length", {"count": 1, "position": 1, "line": 1, "column": 2}]),
    ("YQ=", ["payload.base64_length", {"count": 3, "position": 3, "line": 1, "column": 4}]),
    ("YWJj=", ["payload.base64", {"char": "=", "position": 4, "line": 1, "column": 5}]),
    ("Y!", ["payload.base64", {"char": "!", "position": 1, "line": 1, "column": 2}]),
    ("é", ["payload.base64", {"char": "é", "position": 0, "line": 1, "column": 1}]),
    ("YQ==YQ", ["payload.base64", {"char": "Y", "position": 4, "line": 1, "column": 5}]),
    ("YW\x00J", ["payload.base64", {"char": "U+0000", "position": 2, "line": 1, "column": 3}]),
]

TO_BASE64 = [
    (0, ""),
    (1, "AA=="),
    (2, "AAE="),
    (3, "AAEC"),
    (4, "AAECAw=="),
    (5, "AAECAwQ="),
    (6, "AAECAwQF"),
]

CASES = (
    table("parse_hex", lambda text: _bytes_or_error(parse_hex, text), HEX)
    + table("parse_base64", lambda text: _bytes_or_error(parse_base64, text), BASE64)
    + table(
        "parse_base64 pure",
        lambda text: _bytes_or_error(parse_base64, text, PURE_BASE64),
        BASE64,
    )
    + table("to_base64 of range", lambda n: to_base64(bytes(range(n))), TO_BASE64)
    + table("to_base64 pure of range", lambda n: to_base64(bytes(range(n)), PURE_BASE64), TO_BASE64)
    + [
        ("hex_pairs of nothing", lambda: hex_pairs(b""), ""),
        ("hex_pairs", lambda: hex_pairs(b"\x00\xff\x10"), "00 ff 10"),
        ("hex_pairs de ad", lambda: hex_pairs(b"\xde\xad"), "de ad"),
        ("hex_pairs limited", lambda: hex_pairs(b"\xde\xad\xbe\xef", 2), "de ad …"),
        ("hex_pairs of a bytearray", lambda: hex_pairs(bytearray(b"abc"), 2), "61 62 …"),
        ("hex_pairs of a memoryview", lambda: hex_pairs(memoryview(b"abc"), 0), "…"),
        (
            "hex_dump",
            lambda: hex_dump(bytes(range(0, 256, 7)) + b"AB", 16),
            [
                "00000000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  |.....#*18?FMT[bi|",
                "00000010  70 77 7e 85 8c 93 9a a1  a8 af b6 bd c4 cb d2 d9  |pw~.............|",
                "00000020  e0 e7 ee f5 fc 41 42                              |.....AB|",
            ],
        ),
        (
            "hex_dump narrow and limited",
            lambda: hex_dump(b"0123456789", 4, 9),
            [
                "00000000  30 31 32 33  |0123|",
                "00000004  34 35 36 37  |4567|",
                "00000008  38           |8|",
            ],
        ),
        ("round trips", _round_trips, []),
    ]
)
