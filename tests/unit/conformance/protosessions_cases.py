"""wsclient.sioproto, mqttproto and gqlproto: each protocol's session, frames in and out."""

import json

from wsclient.errors import InputError
from wsclient.gqlproto import GqlSession
from wsclient.mqtt import V5, encode
from wsclient.mqttproto import MqttSession
from wsclient.sioproto import SioSession


def _data(data):
    """A frame: bytes as "hex:…"; a JSON text as its data (MicroPython's dicts keep no
    order, so text would differ)."""
    if not isinstance(data, str):
        return "hex:" + bytes(data).hex()
    return json.loads(data) if data.startswith("{") else data


def _heard(heard):
    """What a Heard says, as plain data (frames as text or "hex:…")."""
    return {
        "summary": heard.summary,
        "shown": heard.shown,
        "error": None if heard.error is None else heard.error[0],
        "send": [[_data(out.data), out.summary] for out in heard.send],
        "notes": [note[0] for note in heard.notes],
        "close": None if heard.close is None else heard.close[0],
        "status": None if heard.status is None else heard.status[0],
        "events": heard.events,
        "partial": heard.partial,
        "frames": heard.frames,
    }


def _raised(make):
    try:
        make()
    except InputError as exc:
        return [exc.key, exc.params]
    return None


OPEN = '0{"sid":"s1","pingInterval":25000,"pingTimeout":20000}'


def _sio(**options):
    return SioSession(options)


def _sio_connected(**options):
    session = _sio(**options)
    session.text(OPEN, 0.0)
    session.text("40" if "namespace" not in options else "40%s," % options["namespace"], 0.1)
    return session


def _sio_handshake():
    session = _sio(namespace="/admin", auth='{"token": "ok"}')
    opened = session.text(OPEN, 0.0)
    connected = session.text('40/admin,{"sid":"x"}', 0.1)
    return [_heard(opened)["send"], _heard(connected)["notes"], connected.events]


def _sio_held_until_connected():
    session = _sio()
    session.text(OPEN, 0.0)
    held = session.compose({"event": "chat"}, '["olá"]', 0.1)
    connected = session.text('40{"sid":"x"}', 0.2)
    return [_heard(held)["send"], _heard(held)["notes"], _heard(connected)["send"]]


def _sio_ack():
    session = _sio_connected()
    sent = session.compose({"event": "echo", "ack": "1"}, '"x"', 1.0)
    acked = session.text('430["x"]', 1.25)
    return [_heard(sent)["send"], _heard(acked)["summary"], _heard(acked)["notes"], acked.rtt]


def _sio_binary_out():
    session = _sio_connected()
    first, second = _heard(session.compose({"event": "up"}, b"\xde\xad", 0.0))["send"]
    # The placeholder's keys come in any order on MicroPython: compared as data.
    return [first[0][:4], json.loads(first[0][4:]), first[1][:19], second]


def _sio_binary_in():
    session = _sio_connected()
    head = session.text('451-["photo",{"_placeholder":true,"num":0}]', 0.0)
    body = session.binary(b"\x01\x02\x03", 0.1)
    named = _heard(head)["summary"]
    return [named[:22], named[-17:], _heard(body)["summary"], body.events]


def _sio_v3_pings():
    session = _sio(version="3")
    session.text(OPEN.replace("25000", "1000"), 0.0)
    return [_heard(session.tick(0.5))["send"], _heard(session.tick(1.0))["send"]]


def _sio_refused():
    session = _sio(namespace="/admin")
    session.text(OPEN, 0.0)
    heard = session.text('44/admin,{"message":"Not authorized"}', 0.1)
    return [heard.status, _heard(heard)["notes"]]


def _sio_silence():
    session = _sio()
    session.text(OPEN, 0.0)
    return [_heard(session.tick(44.0))["close"], _heard(session.tick(45.5))["close"]]


SOCKETIO = [
    (
        "socket.io address gets its path and query",
        lambda: [
            _sio().address("ws://h:1"),
            _sio().address("ws://h/"),
            _sio().address("ws://h/custom/?a=1"),
            _sio().address("ws://h/socket.io/?EIO=4&transport=websocket"),
            _sio(version="3").address("wss://h"),
        ],
        [
            "ws://h:1/socket.io/?EIO=4&transport=websocket",
            "ws://h/socket.io/?EIO=4&transport=websocket",
            "ws://h/custom/?a=1&EIO=4&transport=websocket",
            "ws://h/socket.io/?EIO=4&transport=websocket",
            "wss://h/socket.io/?EIO=3&transport=websocket",
        ],
    ),
    (
        "socket.io options the page refuses",
        lambda: [
            _raised(lambda: _sio(namespace="admin")),
            _raised(lambda: _sio(version="3", auth='{"a": 1}')),
            _raised(lambda: _sio(auth="{nope")),
            _raised(lambda: _sio(auth="[1]")),
            _raised(lambda: _sio(version="9")),
        ],
        [
            ["sio.namespace", {"name": "admin", "field": "namespace"}],
            ["sio.auth_v2", {"field": "auth"}],
            [
                "json.invalid",
                {
                    "position": 1,
                    "line": 1,
                    "column": 2,
                    "detail": "expected a key",
                    "char": "n",
                    "name": "auth",
                    "field": "auth",
                },
            ],
            ["proto.json_kind", {"name": "auth", "field": "auth"}],
            ["proto.choice", {"name": "version", "field": "version"}],
        ],
    ),
    (
        "socket.io handshake connects the namespace with auth",
        _sio_handshake,
        [
            [['40/admin,{"token":"ok"}', 'CONNECT {"token": "ok"} · /admin']],
            ["sio.connected"],
            [{"kind": "connected", "nsp": "/admin"}],
        ],
    ),
    (
        "socket.io emit waits for the namespace",
        _sio_held_until_connected,
        [[], ["sio.held"], [['42["chat","olá"]', 'EVENT "chat" ["olá"]']]],
    ),
    (
        "socket.io ack matched to its emit, timed",
        _sio_ack,
        [
            [['420["echo","x"]', 'EVENT "echo" ["x"] · ack 0']],
            'ACK ["x"] · id 0',
            ["sio.acked"],
            250.0,
        ],
    ),
    (
        "socket.io bytes go as a binary event and its attachment",
        _sio_binary_out,
        [
            "451-",
            ["up", {"_placeholder": True, "num": 0}],
            'BINARY_EVENT "up" [',
            ["hex:dead", "attachment · 2 bytes"],
        ],
    ),
    (
        "socket.io binary event put together from its attachment",
        _sio_binary_in,
        [
            'BINARY_EVENT "photo" [',
            "· attachments 0/1",
            'attachment · 3 bytes\nBINARY_EVENT "photo" [<3 bytes>]',
            [{"kind": "event", "name": "photo", "args": [{"base64": "AQID"}]}],
        ],
    ),
    (
        "socket.io ping answered by pong",
        lambda: _heard(_sio_connected().text("2", 1.0))["send"],
        [["3", "pong"]],
    ),
    ("engine.io 3: the client pings", _sio_v3_pings, [[], [["2", "ping"]]]),
    (
        "socket.io CONNECT_ERROR in the status",
        _sio_refused,
        [("sio.refused", {"nsp": "/admin", "detail": "Not authorized"}), ["sio.refused"]],
    ),
    ("socket.io silent server closes", _sio_silence, [None, "sio.timeout"]),
    (
        "socket.io garbage is an error, the session goes on",
        lambda: [_heard(_sio_connected().text("x", 0.0))[key] for key in ("error", "close")],
        ["eio.type", None],
    ),
]


def _mqtt(**options):
    return MqttSession(options)


def _connack(session):
    return session.binary(encode({"type": "CONNACK", "code": 0}), 0.0)


def _mqtt_connect():
    session = _mqtt(client_id="pyws", keep_alive="30", username="u", password="p")
    opened = _heard(session.opened(0.0))["send"]
    return [opened, _heard(_connack(session))["notes"]]


def _mqtt_split():
    """A packet in three frames: two partial, then the whole packet's bytes at once."""
    session = _mqtt()
    data = encode({"type": "PUBLISH", "topic": "t", "payload": b"hello", "qos": 0})
    parts = [session.binary(data[:1], 0.0), session.binary(data[1:4], 0.0)]
    last = session.binary(data[4:], 0.0)
    return [
        [part.partial for part in parts],
        _heard(last)["summary"],
        last.raw == data,
        last.frames,
    ]


def _mqtt_two_in_one():
    session = _mqtt()
    one = encode({"type": "PUBLISH", "topic": "a", "payload": b"1", "qos": 0})
    two = encode({"type": "PUBLISH", "topic": "b", "payload": b"2", "qos": 0})
    heard = session.binary(one + two, 0.0)
    return [heard.summary, heard.shown, heard.raw, len(heard.events)]


def _mqtt_qos1_in():
    session = _mqtt()
    heard = session.binary(
        encode({"type": "PUBLISH", "topic": "t", "payload": b"x", "qos": 1, "id": 7}), 0.0
    )
    return [_heard(heard)["summary"], _heard(heard)["send"], heard.events]


def _mqtt_subscriptions():
    session = _mqtt()
    session.subscribe("a/#", 1, 0.0)
    session.subscribe("b", 2, 0.0)
    before = [list(row) for row in session.subscriptions]
    session.binary(encode({"type": "SUBACK", "id": 1, "codes": [1]}), 0.1)
    session.binary(encode({"type": "SUBACK", "id": 2, "codes": [0x80]}), 0.1)
    granted = [list(row) for row in session.subscriptions]
    session.unsubscribe("a/#", 0.2)
    session.binary(encode({"type": "UNSUBACK", "id": 3, "codes": []}), 0.3)
    return [before, granted, session.subscriptions]


def _mqtt_keep_alive():
    session = _mqtt(keep_alive="5")
    session.opened(0.0)
    ping = _heard(session.tick(5.0))["send"]
    dead = _heard(session.tick(10.0))["close"]
    return [ping, dead]


MQTT = [
    (
        "mqtt CONNECT as the socket opens, then CONNACK",
        _mqtt_connect,
        [
            [
                [
                    "hex:101600044d51545404c2001e000470797773000175000170",
                    "CONNECT 3.1.1 · client pyws · keep-alive 30 s",
                ]
            ],
            ["mqtt.connected"],
        ],
    ),
    (
        "mqtt 5 CONNECT and a resumed session",
        lambda: [
            _heard(_mqtt(version="5", clean="").opened(0.0))["send"][0][1],
            _heard(
                _mqtt(version="5").binary(
                    encode({"type": "CONNACK", "session_present": True, "code": 0}, V5), 0.0
                )
            )["notes"],
        ],
        ['CONNECT 5.0 · client "" · keep-alive 60 s', ["mqtt.resumed"]],
    ),
    ("mqtt packet split across frames", _mqtt_split, [[True, True], "PUBLISH t · QoS 0", True, 3]),
    (
        "mqtt two packets in one frame",
        _mqtt_two_in_one,
        ["PUBLISH a · QoS 0\nPUBLISH b · QoS 0", "1\n2", None, 2],
    ),
    (
        "mqtt QoS 1 in is acked and heard",
        _mqtt_qos1_in,
        [
            "PUBLISH t · QoS 1 · id 7",
            [["hex:40020007", "PUBACK · id 7"]],
            [
                {
                    "kind": "publish",
                    "topic": "t",
                    "payload": "x",
                    "hex": "78",
                    "qos": 1,
                    "retain": False,
                }
            ],
        ],
    ),
    (
        "mqtt subscriptions listed with what the broker granted",
        _mqtt_subscriptions,
        [[["a/#", 1, None], ["b", 2, None]], [["a/#", 1, 1], ["b", 2, 0x80]], [["b", 2, 0x80]]],
    ),
    (
        "mqtt refused CONNACK in the status",
        lambda: _heard(_mqtt().binary(encode({"type": "CONNACK", "code": 5}), 0.0))["status"],
        "mqtt.refused",
    ),
    (
        "mqtt keep-alive pings, then gives up",
        _mqtt_keep_alive,
        [[["hex:c000", "PINGREQ"]], "mqtt.timeout"],
    ),
    (
        "mqtt text frame closes",
        lambda: [_heard(_mqtt().text("hi", 0.0))[key] for key in ("error", "close")],
        ["mqtt.text", "mqtt.text"],
    ),
    (
        "mqtt garbage closes: the stream has lost its place",
        lambda: [_heard(_mqtt().binary(b"\xf0\x00", 0.0))[key] for key in ("error", "close")],
        ["mqtt.type_number", "mqtt.broken"],
    ),
    (
        "mqtt publishes the page refuses",
        lambda: [
            _raised(lambda: _mqtt().compose({"topic": "a/+"}, "x", 0.0)),
            _raised(lambda: _mqtt().compose({"topic": ""}, "x", 0.0)),
            _raised(lambda: _mqtt().compose({"topic": "a", "qos": "3"}, "x", 0.0)),
            _raised(lambda: _mqtt().subscribe(" ", 0, 0.0)),
        ],
        [
            ["mqtt.topic_wildcard", {"name": "a/+", "field": "topic"}],
            ["mqtt.topic_empty", {"field": "topic"}],
            ["proto.choice", {"name": "QoS", "field": "qos"}],
            ["mqtt.filter_empty", {}],
        ],
    ),
    (
        "mqtt options the page refuses",
        lambda: [
            _raised(lambda: _mqtt(keep_alive="abc")),
            _raised(lambda: _mqtt(keep_alive="70000")),
            _raised(lambda: _mqtt(clean="")),
            _raised(lambda: _mqtt(version="3")),
        ],
        [
            ["mqtt.keep_alive", {"limit": 65535, "field": "keep_alive"}],
            ["mqtt.keep_alive", {"limit": 65535, "field": "keep_alive"}],
            ["mqtt.client_id", {"field": "client_id"}],
            ["proto.choice", {"name": "version", "field": "version"}],
        ],
    ),
]


def _gql_flow():
    session = GqlSession({"init": '{"token": "t"}'})
    init = _heard(session.opened(0.0))["send"]
    held = session.compose({"variables": '{"to": 2}'}, "subscription S { count }", 0.0)
    acked = session.text('{"type":"connection_ack"}', 0.1)
    listed = session.subscriptions
    nxt = session.text('{"type":"next","id":"1","payload":{"data":{"count":1}}}', 0.2)
    done = session.text('{"type":"complete","id":"1"}', 0.3)
    return [
        init,
        _heard(held)["notes"],
        _heard(acked)["send"],
        listed,
        [nxt.summary, nxt.shown, nxt.events],
        [_heard(done)["notes"], session.subscriptions],
    ]


def _gql_error():
    session = GqlSession({})
    session.text('{"type":"connection_ack"}', 0.0)
    session.subscribe("subscription { nope }")
    heard = session.text('{"type":"error","id":"1","payload":[{"message":"Cannot query"}]}', 0.1)
    return [heard.summary, _heard(heard)["notes"], heard.notes[0][1], heard.listing]


def _gql_stop():
    session = GqlSession({})
    session.text('{"type":"connection_ack"}', 0.0)
    session.subscribe("subscription { a }", None, "A")
    before = session.subscriptions
    stopped = _heard(session.stop("1"))["send"]
    return [before, stopped, session.subscriptions, _heard(session.stop("1"))["send"]]


GRAPHQL = [
    (
        "graphql init, operations held until the ack, next as JSON, complete",
        _gql_flow,
        [
            [
                [
                    {"type": "connection_init", "payload": {"token": "t"}},
                    'connection_init · {"token":"t"}',
                ]
            ],
            ["gql.held"],
            [
                [
                    {
                        "type": "subscribe",
                        "id": "1",
                        "payload": {"query": "subscription S { count }", "variables": {"to": 2}},
                    },
                    "subscribe 1 · subscription S { count }",
                ]
            ],
            [["1", "subscription S { count }"]],
            [
                "next 1",
                '{"data":{"count":1}}',
                [{"kind": "next", "id": "1", "payload": {"data": {"count": 1}}}],
            ],
            [["gql.completed"], []],
        ],
    ),
    (
        "graphql error ends the operation with its message",
        _gql_error,
        ["error 1 · Cannot query", ["gql.failed"], {"id": "1", "detail": "Cannot query"}, True],
    ),
    (
        "graphql stop completes a running operation once",
        _gql_stop,
        [[["1", "A"]], [[{"type": "complete", "id": "1"}, "complete 1"]], [], []],
    ),
    (
        "graphql ping answered",
        lambda: _heard(GqlSession({}).text('{"type":"ping"}', 0.0))["send"],
        [[{"type": "pong"}, "pong"]],
    ),
    (
        "graphql garbage is an error, binary closes",
        lambda: [
            _heard(GqlSession({}).text("nope", 0.0))["error"],
            _heard(GqlSession({}).binary(b"\x00", 0.0))["close"],
        ],
        ["gql.json", "gql.binary"],
    ),
    (
        "graphql operations the page refuses",
        lambda: [
            _raised(lambda: GqlSession({}).compose({}, " ", 0.0)),
            _raised(lambda: GqlSession({}).compose({"variables": "[1"}, "{ a }", 0.0)),
            _raised(lambda: GqlSession({"init": "1"})),
        ],
        [
            ["gql.query_empty", {}],
            [
                "json.incomplete",
                {
                    "position": 2,
                    "line": 1,
                    "column": 3,
                    "detail": "expected ',' or ']'",
                    "name": "variables",
                    "field": "variables",
                },
            ],
            ["proto.json_kind", {"name": "connection_init", "field": "init"}],
        ],
    ),
]


def _sio_refused_then_emit():
    session = _sio(namespace="/admin")
    session.text(OPEN, 0.0)
    session.text('44/admin,{"message":"no"}', 0.1)
    return _raised(lambda: session.compose({"event": "e"}, "", 0.2))


def _mqtt5_refused_by_311():
    """A 3.1.1 broker answers a 5.0 CONNECT with its own CONNACK, code 1, in pieces."""
    session = _mqtt(version="5")
    session.opened(0.0)
    first = session.binary(b"\x20\x02", 0.1)
    heard = session.binary(b"\x00\x01", 0.2)
    return [first.partial, heard.summary, heard.status, heard.close, heard.error]


EXTRA = [
    (
        "socket.io emit after a refused namespace is refused",
        _sio_refused_then_emit,
        ["sio.refused_emit", {"name": "/admin"}],
    ),
    (
        "mqtt 5.0 refused by a 3.1.1 broker is said as such",
        _mqtt5_refused_by_311,
        [True, "CONNACK (3.1.1) · code 0x01", ["mqtt.v5_refused", {}], None, None],
    ),
    (
        "graphql result with errors is said",
        lambda: _heard(
            GqlSession({}).text(
                '{"type":"next","id":"1","payload":{"errors":[{"message":"bad"}]}}', 0.0
            )
        )["notes"],
        ["gql.next_errors", "gql.unknown_id"],
    ),
]

CASES = SOCKETIO + MQTT + GRAPHQL + EXTRA
