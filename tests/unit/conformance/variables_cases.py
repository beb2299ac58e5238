"""wsclient.variables: `{{name}}` filled in from the table and the built-ins."""

from conformance.runner import table
from wsclient.errors import InputError
from wsclient.variables import Fill, fill, uuid4, valid_name

VALUES = {"user": "ana", "id": "42", "a.b-c_d": "x", "empty": "", "braces": "{{user}}"}
# 2026-12-02T03:04:05.678Z: above 2**31, as every time in milliseconds now is.
NOW_MS = 1796180645678.0
RANDOM = bytes(range(16)) + b"\x12\x34"


def _fill(text):
    """fill(text) with VALUES and the fixed clock and randomness, or [key, params]."""
    try:
        return fill(text, VALUES, Fill(NOW_MS, RANDOM, 7))
    except InputError as exc:
        return [exc.key, exc.params]


def _same_object():
    text = "no variables {here} at all }}"
    return fill(text, {}) is text


def _counts():
    """$counter moves on only when a send used it."""
    extra = Fill(NOW_MS, RANDOM, 3)
    used = extra.counted
    fill("{{user}}", VALUES, extra)
    before = extra.counted
    fill("{{$counter}}", VALUES, extra)
    return [used, before, extra.counted]


def _no_built_ins():
    try:
        return fill("{{$timestamp}}", VALUES)
    except InputError as exc:
        return [exc.key, exc.params]


FILLS = [
    ("", ""),
    ("olá {{user}}", "olá ana"),
    ("{{user}}{{id}}", "ana42"),
    ("{{ user }} and {{\tid\t}}", "ana and 42"),
    ('{"to": "{{user}}", "n": {{id}}}', '{"to": "ana", "n": 42}'),
    ("{{a.b-c_d}}", "x"),
    ("[{{empty}}]", "[]"),
    ("{{braces}}", "{{user}}"),  # a value is not filled in again
    ("{{{{user}}", "{{user}}"),
    ("{{{{", "{{"),
    ("{{{{{{user}}", "{{ana"),
    ("{{{user}}", "{ana"),  # not an escape: "{" then a variable
    ('{"a": {"b": {}}}', '{"a": {"b": {}}}'),
    ("{{}}", "{{}}"),
    ("{{ }}", "{{ }}"),
    ("{{1st}}", "{{1st}}"),
    ("{{a b}}", "{{a b}}"),
    ("{{user", "{{user"),
    ("}}{{id}}}}", "}}42}}"),
    ("{{$timestamp}}", "1796180645678"),
    ("{{$isoTimestamp}}", "2026-12-02T03:04:05.678Z"),
    ("{{$uuid}}", "00010203-0405-4607-8809-0a0b0c0d0e0f"),
    ("{{$randomInt}}", str(0x1234 % 1001)),
    ("#{{$counter}}", "#7"),
    ("{{nobody}}", ["vars.unknown", {"name": "nobody", "position": 0, "line": 1, "column": 1}]),
    (
        "a\nb {{ user }} {{who}}",
        ["vars.unknown", {"name": "who", "position": 15, "line": 2, "column": 14}],
    ),
    ("{{$nope}}", ["vars.unknown", {"name": "$nope", "position": 0, "line": 1, "column": 1}]),
    ("{{USER}}", ["vars.unknown", {"name": "USER", "position": 0, "line": 1, "column": 1}]),
]

NAMES = [
    ("user", True),
    ("_x", True),
    ("a.b-c_9", True),
    ("", False),
    ("9a", False),
    ("-a", False),
    ("$timestamp", False),
    ("a b", False),
    ("olá", False),
]

CASES = (
    table("fill", _fill, FILLS)
    + table("valid_name", valid_name, NAMES)
    + [
        ("text without {{ is the same object", _same_object, True),
        ("$counter counts only when used", _counts, [False, False, True]),
        (
            "built-ins need a Fill",
            _no_built_ins,
            _fill("{{$nobody}}")[:1]
            + [{"name": "$timestamp", "position": 0, "line": 1, "column": 1}],
        ),
        (
            "uuid4 sets its version and variant",
            lambda: uuid4(b"\xff" * 16),
            "ffffffff-ffff-4fff-bfff-ffffffffffff",
        ),
    ]
)
