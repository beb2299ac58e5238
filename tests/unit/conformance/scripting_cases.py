"""wsclient.scripting and scriptchecks: what a script sees and may do, with no clock or I/O."""

from wsclient import scriptchecks, scripting
from wsclient.scripting import Message, ScriptError


def _error(function):
    """Call function; return the sentence of the ScriptError it raised, or None."""
    try:
        function()
    except ScriptError as exc:
        return str(exc)
    return None


def _text_message():
    msg = Message('{"id": 7, "ok": true}', 12.5)
    return [msg.text, msg.data.hex(), msg.is_binary, msg.size, msg.json(), msg.time]


def _binary_message():
    msg = Message(b"\x00\xffab", 1.0)
    return [msg.data.hex(), msg.is_binary, msg.size, _error(lambda: msg.text)]


def _outgoing():
    values = ["olá", b"\x01\x02", bytearray(b"\x03"), {"a": [1, None]}, [1, "x"], Message("m")]
    out = []
    for value in values:
        wire = scripting.outgoing(value)
        out.append(wire if isinstance(wire, str) else ["binary", wire.hex()])
    return out


def _every_refuses_under_10_ms():
    timers = scripting.Timers()
    return [
        _error(lambda: timers.add("every", 0.005, print)),
        _error(lambda: timers.add("every", "1", print)),
        _error(lambda: timers.add("after", -1, print)),
        _error(lambda: timers.add("after", 1, "not a function")),
        timers.add("every", 0.01, print).seconds,
        timers.add("after", 0, print).seconds,
    ]


def _cancel_all():
    timers = scripting.Timers()
    first = timers.add("every", 1, print)
    second = timers.add("after", 2, print)
    timers.done(second)
    cancelled = timers.cancel_all()
    return [[t.number for t in cancelled], first.cancelled, second.cancelled, len(timers.live())]


def _rate_cap():
    cap = scripting.RateCap(limit=3, window=1.0)
    at = [0.0, 0.1, 0.2, 0.5, 0.99, 1.0, 1.05, 1.1, 1.2]
    return [cap.allow(now) for now in at]


def _default_cap():
    cap = scripting.RateCap()
    sends = [cap.allow(i / 1000) for i in range(1000)]
    return [all(sends), cap.allow(0.9995), cap.allow(1.0)]


def _checks():
    checks = scriptchecks.Checks()
    checks.record("status is ok", True, 3.0, Message("ok"))
    checks.record("reply came", False, 4.0, None, "no message within 10 s")
    checks.record(7, 1, 5.0, Message(b"\x01\x02"))
    checks.record("why", False, 6.0, "too slow")
    return [checks.results, list(checks.counts())]


def _waiters():
    waiters = scriptchecks.Waiters()
    first = waiters.add(lambda m: m.text == "b", "b")
    broken = waiters.add(lambda m: m.json()["x"], "x")
    later = waiters.add(lambda m: m.text.startswith("c"))
    met = waiters.offer(Message("a"))
    again = waiters.offer(Message("b"))
    return [
        [w.name for w in met],
        broken.error,
        [w.name for w in again],
        first.message.text,
        len(waiters),
        later.name,
        _error(lambda: waiters.add("b")),
    ]


def _hooks():
    hooks = scripting.Hooks()

    @hooks.decorator("on_message")
    def reply(msg):
        return msg

    return [
        hooks.wants(),
        hooks["on_message"] == [reply],
        _error(lambda: hooks.decorator("on_open")("x")),
    ]


CASES = [
    (
        "a text message",
        _text_message,
        [
            '{"id": 7, "ok": true}',
            "7b226964223a20372c20226f6b223a20747275657d",
            False,
            21,
            {"id": 7, "ok": True},
            12.5,
        ],
    ),
    (
        "a binary message",
        _binary_message,
        ["00ff6162", True, 4, "this binary message is not UTF-8 text: read msg.data"],
    ),
    ("text that is not json", lambda: _error(Message("oi").json), "this message is not JSON: 'oi'"),
    ("a text message's size counts utf-8 bytes", lambda: Message("olá").size, 4),
    (
        "send takes str, bytes, dict, list",
        _outgoing,
        ["olá", ["binary", "0102"], ["binary", "03"], '{"a": [1, null]}', '[1, "x"]', "m"],
    ),
    (
        "send refuses other types",
        lambda: [_error(lambda: scripting.outgoing(7)), _error(lambda: scripting.outgoing(None))],
        [
            "send() takes str, bytes, dict or list, not int",
            "send() takes str, bytes, dict or list, not NoneType",
        ],
    ),
    (
        "a before_send's answer of another type is named as its",
        lambda: _error(lambda: scripting.outgoing(42, "before_send")),
        "a before_send hook returns None (to drop the message), or str, bytes, dict or list,"
        " not int",
    ),
    (
        "timers are checked when made",
        _every_refuses_under_10_ms,
        [
            "every() needs at least 0.01 s (10 ms) between calls, not 0.005 s",
            "every() takes the seconds first, as a number",
            "after() cannot wait -1 seconds",
            "after() takes a function to call after the seconds",
            0.01,
            0.0,
        ],
    ),
    ("cancel all cancels the live timers", _cancel_all, [[1], True, False, 0]),
    (
        "the rate cap counts a sliding second",
        _rate_cap,
        [True, True, True, False, False, True, False, True, True],
    ),
    ("the default cap is 1000 a second", _default_cap, [True, False, True]),
    (
        "checks keep name, result, message and time",
        _checks,
        [
            [
                {
                    "name": "status is ok",
                    "passed": True,
                    "time": 3.0,
                    "message": "ok",
                    "detail": "",
                },
                {
                    "name": "reply came",
                    "passed": False,
                    "time": 4.0,
                    "message": None,
                    "detail": "no message within 10 s",
                },
                {"name": "7", "passed": True, "time": 5.0, "message": "01 02", "detail": ""},
                {"name": "why", "passed": False, "time": 6.0, "message": "too slow", "detail": ""},
            ],
            [2, 2],
        ],
    ),
    (
        "waiters settle on a match or on an error",
        _waiters,
        [
            ["expect x"],
            "ScriptError: this message is not JSON: 'a'",
            ["expect b"],
            "b",
            1,
            "expect <lambda>",
            "expect() takes a function of the message, such as lambda m: ...",
        ],
    ),
    (
        "hooks register and say what they want",
        _hooks,
        [
            {"on_open": False, "on_message": True, "on_close": False, "before_send": False},
            True,
            "@on_open goes above a def, as in:\n@on_open\ndef f(...): ...",
        ],
    ),
]


def _vars():
    writes = []
    table = scriptchecks.Vars({"host": "a"}, writes.append)
    table["token"] = "xyz"
    table["n"] = 3
    del table["host"]
    table.update_from_page({"user": "ana"})
    return [
        writes,
        table.items(),
        "user" in table,
        _error(lambda: table.__setitem__("1x", "v")),
        table.get("nope", "-"),
    ]


CASES.append(
    (
        "vars writes go to the page, the page's edits come in",
        _vars,
        [
            [{"token": "xyz"}, {"n": "3"}, {"host": None}],
            [["user", "ana"]],
            True,
            "'1x' cannot be a variable's name: a letter or _, then letters, digits, _, - or .",
            "-",
        ],
    )
)
