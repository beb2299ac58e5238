"""wsclient.jsontext: JSON read strictly with the place it goes wrong, laid out, and written."""

from conformance.runner import table
from wsclient.errors import InputError
from wsclient.jsontext import json_string, looks_like_json, parse_json, pretty_json

_MIXED = '{"b": [1, 2.50, -0, 1E3], "a": {"é": "\\u00e9\\n"}, "c": [true, false, null, {}, []]}'


def _value_or_error(function, text):
    """What function returns for text, or the InputError's [key, params]."""
    try:
        return function(text)
    except InputError as exc:
        return [exc.key, exc.params]


def _invalid(position, column, detail, char, line=1):
    """The [key, params] of text that cannot go on at position, where char is."""
    params = {"position": position, "line": line, "column": column, "detail": detail, "char": char}
    return ["json.invalid", params]


def _incomplete(position, detail):
    """The [key, params] of one-line text that ends too soon, at position."""
    return [
        "json.incomplete",
        {"position": position, "line": 1, "column": position + 1, "detail": detail},
    ]


PARSE = [
    (
        _MIXED,
        {"b": [1, 2.5, 0, 1000.0], "a": {"é": "é\n"}, "c": [True, False, None, {}, []]},
    ),
    ('"\\ud83d\\ude00"', "😀"),
    ('  [ "x" ]  ', ["x"]),
    ('{"k": [1, {"x": null}]}', {"k": [1, {"x": None}]}),
    (
        "",
        ["json.incomplete", {"position": 0, "line": 1, "column": 1, "detail": "expected a value"}],
    ),
    (
        "tru",
        ["json.incomplete", {"position": 3, "line": 1, "column": 4, "detail": "expected true"}],
    ),
    ("[1,]", _invalid(3, 4, "expected a value", "]")),
    ("[1 2]", _invalid(3, 4, "expected ',' or ']'", "2")),
    ('{"a"}', _invalid(4, 5, "expected ':'", "}")),
    ("01", _invalid(1, 2, "extra data after the value", "1")),
    ('"\\x"', _invalid(2, 3, "bad escape", "x")),
    ('"a\tb"', _invalid(2, 3, "control character in string", "U+0009")),
    ("NaN", _invalid(0, 1, "expected a value", "N")),
    ("[NaN]", _invalid(1, 2, "expected a value", "N")),
    ("[é]", _invalid(1, 2, "expected a value", "é")),
    ('{\n  "a": [1,\n  ]\n}', _invalid(15, 3, "expected a value", "]", line=3)),
    (
        "1.",
        ["json.incomplete", {"position": 2, "line": 1, "column": 3, "detail": "expected a digit"}],
    ),
    ("{,}", _invalid(1, 2, "expected a key", ",")),
    ("[] x", _invalid(3, 4, "extra data after the value", "x")),
]

PRETTY = [
    (
        _MIXED,
        '{\n  "b": [\n    1,\n    2.50,\n    -0,\n    1E3\n  ],\n  "a": {\n    "é": "\\u00e9\\n"\n'
        '  },\n  "c": [\n    true,\n    false,\n    null,\n    {},\n    []\n  ]\n}',
    ),
    ('"\\ud83d\\ude00"', '"\\ud83d\\ude00"'),
    ('  [ "x" ]  ', '[\n  "x"\n]'),
    ("[1,]", _invalid(3, 4, "expected a value", "]")),
]

LOOKS = [
    (_MIXED, True),
    ('  [ "x" ]  ', True),
    ('"\\ud83d\\ude00"', False),
    ("", False),
    ("[1,]", False),
    ("{", False),
    ("tru", False),
    ("[1 2]", False),
    ('{"a"}', False),
    ("01", False),
    ('"\\x"', False),
    ('"a\tb"', False),
    ("NaN", False),
    ("[é]", False),
    ('{\n  "a": [1,\n  ]\n}', False),
]

STRINGS = [
    ("", '""'),
    ("plain", '"plain"'),
    ('q"b\\', '"q\\"b\\\\"'),
    ("\x00\x08\t\n\x0c\r\x1f\x7f", '"\\u0000\\b\\t\\n\\f\\r\\u001f\x7f"'),
    ("é😀", '"é😀"'),
    ("a\ud800", '"a\\ud800"'),
    ("\udfff", '"\\udfff"'),
]

CASES = (
    table("parse_json", lambda text: _value_or_error(parse_json, text), PARSE)
    + table("pretty_json", lambda text: _value_or_error(pretty_json, text), PRETTY)
    + table("looks_like_json", looks_like_json, LOOKS)
    + table("json_string", json_string, STRINGS)
    + [("looks_like_json 3000 deep", lambda: looks_like_json("[" * 3000 + "]" * 3000), True)]
)
