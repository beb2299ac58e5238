"""wsclient.scriptproto: the script API's protocol calls, checked where the script makes them."""

from conformance.runner import table
from wsclient.scripting import ScriptError
from wsclient.scriptproto import (
    ProtoHooks,
    emit_request,
    from_plain,
    publish_request,
    subscribe_request,
    topic_matches,
)


def _show(value):
    """value with bytes as "hex:…": results are JSON."""
    if isinstance(value, bytes):
        return "hex:" + value.hex()
    if isinstance(value, (list, tuple)):
        return [_show(item) for item in value]
    if isinstance(value, dict):
        return {key: _show(item) for key, item in value.items()}
    return value


def _raises(make):
    try:
        make()
    except ScriptError as exc:
        return str(exc)
    return None


def _hooks():
    hooks = ProtoHooks()
    seen = []
    hooks.on_event("chat")(lambda *args: seen.append(args))
    hooks.on_event("*")(lambda *args: seen.append(args))
    hooks.on_publish("sensors/+/temp")(lambda *args: seen.append(args))
    hooks.on_next(lambda *args: seen.append(args))
    calls = []
    for event in (
        {"kind": "event", "name": "chat", "args": ["olá", {"base64": "AQI="}]},
        {"kind": "event", "name": "other", "args": []},
        {"kind": "publish", "topic": "sensors/1/temp", "hex": "3231"},
        {"kind": "publish", "topic": "sensors/1/hum", "hex": "3231"},
        {"kind": "publish", "topic": "sensors/2/temp", "hex": "ff"},
        {"kind": "next", "id": "1", "payload": {"data": 1}},
    ):
        calls.append(len(hooks.calls(event)))
        for function, args in hooks.calls(event):
            function(*args)
    return [calls, _show(seen)]


CASES = table(
    "topic_matches",
    lambda pair: topic_matches(pair[0], pair[1]),
    [
        (("a/b", "a/b"), True),
        (("a/+", "a/b"), True),
        (("a/+", "a/b/c"), False),
        (("a/#", "a"), True),
        (("a/#", "a/b/c"), True),
        (("#", "a/b"), True),
        (("+/b", "a/b"), True),
        (("#", "$SYS/x"), False),
        (("$SYS/#", "$SYS/x"), True),
        (("a/b", "a"), False),
        (("+", "/"), False),
        (("+/+", "/"), True),
    ],
) + [
    (
        "emit_request carries bytes as hex and the ack's number",
        lambda: emit_request("up", ("x", b"\x01", [1, {"k": b"\x02"}]), 3),
        {
            "t": "emit",
            "event": "up",
            "args": ["x", {"hex": "01"}, [1, {"k": {"hex": "02"}}]],
            "ref": 3,
        },
    ),
    (
        "emit_request refuses what JSON cannot carry",
        lambda: [
            _raises(lambda: emit_request("", (), None)),
            _raises(lambda: emit_request("e", ({1: 2},), None)),
            _raises(lambda: emit_request("e", (object,), None))[:30],
        ],
        [
            "emit() takes the event's name first, as text",
            "emit(): a dict's keys are text, not 1",
            "emit() sends text, numbers, Tr",
        ],
    ),
    (
        "publish_request: text, bytes or JSON; the topic and QoS checked",
        lambda: [
            publish_request("a/b", {"on": True}, 1, False),
            publish_request("a/b", b"\x00", 0, 1),
            _raises(lambda: publish_request("a/#", "x", 0, False)),
            _raises(lambda: publish_request("a", "x", 3, False)),
            _raises(lambda: publish_request("", "x", 0, False)),
        ],
        [
            {"t": "publish", "topic": "a/b", "qos": 1, "retain": False, "text": '{"on": true}'},
            {"t": "publish", "topic": "a/b", "qos": 0, "retain": True, "hex": "00"},
            "publish(): the topic 'a/#' has + or #, which only filters may have",
            "publish(): qos is 0, 1 or 2, not 3",
            "publish() takes the topic first, as text",
        ],
    ),
    (
        "subscribe_request by the connection's protocol",
        lambda: [
            subscribe_request("mqtt", "a/#", None),
            subscribe_request("mqtt", "a/#", 2),
            subscribe_request("graphql", "subscription { a }", {"n": 1}),
            _raises(lambda: subscribe_request("raw", "a", None)),
            _raises(lambda: subscribe_request("graphql", "q", [1])),
            _raises(lambda: subscribe_request("mqtt", " ", None)),
        ],
        [
            {"t": "subscribe", "filter": "a/#", "qos": 0},
            {"t": "subscribe", "filter": "a/#", "qos": 2},
            {"t": "subscribe", "query": "subscription { a }", "variables": {"n": 1}},
            "subscribe() needs an MQTT or GraphQL connection, not raw",
            "subscribe(): the variables are a dict",
            "subscribe(topic_filter, qos=0) takes text first",
        ],
    ),
    (
        "from_plain gives bytes back",
        lambda: _show(
            from_plain([{"base64": "AQI="}, {"hex": "ff"}, {"hex": 1}, {"a": [{"hex": "00"}]}])
        ),
        ["hex:0102", "hex:ff", {"hex": 1}, {"a": ["hex:00"]}],
    ),
    (
        "hooks get the events they concern",
        _hooks,
        [
            [2, 1, 1, 0, 1, 1],
            [
                ["olá", "hex:0102"],
                ["olá", "hex:0102"],
                [],
                ["sensors/1/temp", "21"],
                ["sensors/2/temp", "hex:ff"],
                [{"data": 1}, "1"],
            ],
        ],
    ),
    (
        "hooks' decorators say how they are used",
        lambda: [
            _raises(lambda: ProtoHooks().on_event(3)),
            _raises(lambda: ProtoHooks().on_publish("")),
            _raises(lambda: ProtoHooks().on_next("x")),
        ],
        [
            '@on_event takes the event\'s name, as in @on_event("chat")',
            '@on_publish takes a topic filter, as in @on_publish("sensors/#")',
            "@on_next goes above a def, as in:\n@on_next\ndef f(data, op): ...",
        ],
    ),
]
