"""wsclient.query: the page's query string, read and written without urllib."""

from conformance.runner import table
from wsclient import query


def _round_trip(value):
    """What parse_query reads back from build_query's text for v=value."""
    return query.parse_query(query.build_query([("v", value)]))


VALUES = ["", "ws://h:8765/", "a b&c=d+e", "é😀/\u3000", "%41%", "?#"]

PARSE = [
    ("?url=ws%3A%2F%2Fh%3A1%2F&lang=en&lang=pt", {"url": "ws://h:1/", "lang": "en"}),
    ("a+b=c+d&&e", {"a b": "c d", "e": ""}),
    ("x=%E9%ZZ%4", {"x": "%E9%ZZ%4"}),
    ("x=%C3%A9", {"x": "é"}),
]

BOUNDED = [
    ("", [5, True]),
    ("7", [7, True]),
    (" 12 ", [12, True]),
    ("100", [5, False]),
    ("abc", [5, False]),
    ("-1", [5, False]),
]

CASES = (
    table("round trip", _round_trip, [(value, {"v": value}) for value in VALUES])
    + table("parse_query", query.parse_query, PARSE)
    + table("bounded_int 1..99", lambda text: query.bounded_int(text, 5, 1, 99), BOUNDED)
    + [
        (
            "build_query",
            lambda: query.build_query([("url", "ws://h:1/p?q=1&r"), ("protocols", "a, b+c é")]),
            "?url=ws://h:1/p%3Fq%3D1%26r&protocols=a%2C%20b%2Bc%20%C3%A9",
        ),
        ("build_query of nothing", lambda: query.build_query([]), ""),
    ]
)
