"""wsclient.errors: the one error for input the page cannot use, and where it lies."""

from conformance.runner import table
from wsclient.errors import InputError, error_at, shown


def _shape(error):
    """What an InputError carries: whether it is a ValueError, its args, key and params."""
    return [isinstance(error, ValueError), list(error.args), error.key, error.params]


SHOWN = [
    ("a", "a"),
    ("é", "é"),
    ("😀", "😀"),
    (" ", "U+0020"),
    ("\x00", "U+0000"),
    ("\x7f", "U+007F"),
    ("\xa0", "U+00A0"),
    ("\u2028", "U+2028"),
    ("\u3000", "U+3000"),
    ("\ufeff", "U+FEFF"),
    ("\ud800", "U+D800"),
]

CASES = table("shown", shown, SHOWN) + [
    (
        "InputError",
        lambda: _shape(InputError("payload.hex", {"position": 1})),
        [True, ["payload.hex", {"position": 1}], "payload.hex", {"position": 1}],
    ),
    (
        "InputError without params",
        lambda: _shape(InputError("url.empty")),
        [True, ["url.empty", {}], "url.empty", {}],
    ),
    (
        "error_at a character",
        lambda: error_at("payload.hex", "ab\ncdz", 5, char=True).params,
        {"position": 5, "line": 2, "column": 3, "char": "z"},
    ),
    (
        "error_at the end",
        lambda: error_at("payload.base64_length", "é\nab", 4, count=3).params,
        {"count": 3, "position": 4, "line": 2, "column": 3},
    ),
]
