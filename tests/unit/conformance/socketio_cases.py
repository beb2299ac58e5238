"""wsclient.socketio: Engine.IO 3 and 4 frames, Socket.IO packets with namespaces, acks
and binary attachments, written, read back and named; bad text fails at its offset."""

from wsclient.binary import hex_pairs
from wsclient.errors import InputError
from wsclient.jsontext import json_text
from wsclient.socketio import (
    Assembler,
    deconstruct,
    eio_decode,
    eio_encode,
    sio_decode,
    sio_encode,
    summary,
)


def _shown(value):
    if isinstance(value, (bytes, bytearray)):
        return "bytes " + hex_pairs(bytes(value))
    if isinstance(value, dict):
        return {key: _shown(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shown(item) for item in value]
    return value


def _or_error(function, *args):
    try:
        return _shown(function(*args))
    except InputError as exc:
        return [exc.key, exc.params]


# Packets as servers and clients send them, each read and written back the same.
TEXTS = [
    ("0", {"type": "CONNECT", "nsp": "/"}),
    ('0{"token":"abc"}', {"type": "CONNECT", "nsp": "/", "data": {"token": "abc"}}),
    ("0/admin,", {"type": "CONNECT", "nsp": "/admin"}),
    ('0/admin,{"sid":"x"}', {"type": "CONNECT", "nsp": "/admin", "data": {"sid": "x"}}),
    ("1/admin,", {"type": "DISCONNECT", "nsp": "/admin"}),
    ('2["chat","olá"]', {"type": "EVENT", "nsp": "/", "data": ["chat", "olá"]}),
    ('212["chat"]', {"type": "EVENT", "nsp": "/", "id": 12, "data": ["chat"]}),
    ('2/admin,7["a",1,null]', {"type": "EVENT", "nsp": "/admin", "id": 7, "data": ["a", 1, None]}),
    ('312["ok"]', {"type": "ACK", "nsp": "/", "id": 12, "data": ["ok"]}),
    (
        '4{"message":"Not authorized"}',
        {"type": "CONNECT_ERROR", "nsp": "/", "data": {"message": "Not authorized"}},
    ),
    (
        '51-["photo",{"_placeholder":true,"num":0}]',
        {
            "type": "BINARY_EVENT",
            "nsp": "/",
            "attachments": 1,
            "data": ["photo", {"_placeholder": True, "num": 0}],
        },
    ),
    (
        '61-/x,3[{"_placeholder":true,"num":0}]',
        {
            "type": "BINARY_ACK",
            "nsp": "/x",
            "attachments": 1,
            "id": 3,
            "data": [{"_placeholder": True, "num": 0}],
        },
    ),
]


def _round_trips():
    """The texts that do not read as their packet, or whose packet does not come back
    from its own text. (The text itself may differ: MicroPython keeps no dict order.)"""
    failed = []
    for text, packet in TEXTS:
        if sio_decode(text) != packet or sio_decode(sio_encode(packet)) != packet:
            failed.append(text)
    return failed


# Written exactly as Socket.IO's own client writes them.
WRITTEN = [
    ({"type": "CONNECT", "nsp": "/"}, "0"),
    ({"type": "CONNECT", "nsp": "/admin", "data": {"token": "abc"}}, '0/admin,{"token":"abc"}'),
    (
        {"type": "EVENT", "nsp": "/", "id": 12, "data": ["chat", "olá", 1.5]},
        '212["chat","olá",1.5]',
    ),
    ({"type": "ACK", "nsp": "/x", "id": 3, "data": []}, "3/x,3[]"),
    ({"type": "BINARY_EVENT", "nsp": "/", "attachments": 2, "data": ["a"]}, '52-["a"]'),
]


def _binary_event():
    """An event with two byte strings: written as a packet and two attachments, and put
    back together by the Assembler from them."""
    buffers = []
    data = deconstruct(["photo", {"a": b"\x01\x02", "b": [b"\xff"]}], buffers)
    packet = {"type": "BINARY_EVENT", "nsp": "/", "attachments": len(buffers), "data": data}
    text = sio_encode(packet)
    assembler = Assembler()
    steps = [assembler.packet(sio_decode(text)), assembler.waiting()]
    steps.append(assembler.attachment(eio_decode(eio_encode({"data": buffers[0]}), 4)["data"]))
    steps.append(assembler.attachment(buffers[1]))
    # The text itself depends on dict order, which MicroPython does not keep.
    return [text.startswith('52-["photo",{'), sio_decode(text) == packet, _shown(steps)]


CASES = (
    [
        ("eio " + name, lambda args=args: _or_error(eio_decode, *args), expected)
        for name, args, expected in [
            (
                "open",
                ('0{"sid":"s1","upgrades":[],"pingInterval":25000,"pingTimeout":20000}', 4),
                {
                    "type": "open",
                    "data": {
                        "sid": "s1",
                        "upgrades": [],
                        "pingInterval": 25000,
                        "pingTimeout": 20000,
                    },
                },
            ),
            ("ping", ("2", 4), {"type": "ping", "data": ""}),
            ("probe pong", ("3probe", 3), {"type": "pong", "data": "probe"}),
            ("message", ('42["a"]', 4), {"type": "message", "data": '2["a"]'}),
            ("binary on 4", (b"\x01\x02", 4), {"type": "message", "data": "bytes 01 02"}),
            ("binary on 3", (b"\x04\x01", 3), {"type": "message", "data": "bytes 01"}),
            ("binary on 3 without its type", (b"\x01", 3), ["eio.binary", {"position": 0}]),
            ("empty", ("", 4), ["eio.type", {"position": 0}]),
            ("unknown type", ("9", 4), ["eio.type", {"position": 0}]),
            ("open without a sid", ("0{}", 4), ["eio.open", {"position": 1}]),
            ("open with bad JSON", ('0{"sid":', 4), ["sio.json", {"position": 8}]),
        ]
    ]
    + [
        ("eio write " + name, lambda args=args: _or_error(eio_encode, *args), expected)
        for name, args, expected in [
            ("pong", ({"type": "pong"}, 4), "3"),
            ("ping probe", ({"type": "ping", "data": "probe"}, 3), "2probe"),
            ("message", ({"type": "message", "data": '2["a"]'}, 4), '42["a"]'),
            ("binary on 3", ({"type": "message", "data": b"\x09"}, 3), "bytes 04 09"),
        ]
    ]
    + [
        ("sio " + name, lambda args=args: _or_error(sio_decode, *args), expected)
        for name, args, expected in [
            (
                "ERROR on protocol 4",
                ('4"Not authorized"', 4),
                {"type": "CONNECT_ERROR", "nsp": "/", "data": "Not authorized"},
            ),
            (
                "CONNECT_ERROR with a string on 5",
                ('4"no"', 5),
                ["sio.data", {"position": 1, "name": "CONNECT_ERROR"}],
            ),
            ("empty", ("",), ["sio.type", {"position": 0}]),
            ("unknown type", ("7",), ["sio.type", {"position": 0}]),
            ("event without a name", ("2[1]",), ["sio.data", {"position": 1, "name": "EVENT"}]),
            ("event not a list", ('2{"a":1}',), ["sio.data", {"position": 1, "name": "EVENT"}]),
            ("ack without an id", ('3["ok"]',), ["sio.data", {"position": 1, "name": "ACK"}]),
            ("bad JSON after a namespace", ('2/chat,["a",]',), ["sio.json", {"position": 12}]),
            ("attachments without a dash", ('5["a"]',), ["sio.attachments", {"position": 1}]),
            (
                "DISCONNECT with data",
                ("1[1]",),
                ["sio.data", {"position": 1, "name": "DISCONNECT"}],
            ),
        ]
    ]
    + [
        ("sio write " + text, lambda packet=packet: sio_encode(packet), text)
        for packet, text in WRITTEN
    ]
    + [
        ("every packet round-trips", _round_trips, []),
        (
            "a binary event goes out and comes back whole",
            _binary_event,
            [
                True,
                True,
                [
                    None,
                    2,
                    None,
                    {
                        "type": "BINARY_EVENT",
                        "nsp": "/",
                        "attachments": 2,
                        "data": ["photo", {"a": "bytes 01 02", "b": ["bytes ff"]}],
                    },
                ],
            ],
        ),
        (
            "an attachment with no packet before it",
            lambda: _or_error(Assembler().attachment, b"\x00"),
            ["sio.attachment_unexpected", {}],
        ),
        (
            "a placeholder past the attachments",
            lambda: _or_error(
                lambda: Assembler().packet(sio_decode('50-["a",{"_placeholder":true,"num":0}]'))
            ),
            ["sio.placeholder", {"count": 0}],
        ),
        (
            "compact JSON, the same everywhere",
            lambda: json_text({"a": ["é", 1.5, None, True]}),
            '{"a":["é",1.5,null,true]}',
        ),
        (
            "summary of an event with an ack",
            lambda: summary({"type": "EVENT", "nsp": "/", "id": 12, "data": ["chat", "olá"]}),
            'EVENT "chat" ["olá"] · ack 12',
        ),
        (
            "summary of an ack in a namespace",
            lambda: summary({"type": "ACK", "nsp": "/admin", "id": 3, "data": [{"ok": True}]}),
            'ACK [{"ok": true}] · /admin · id 3',
        ),
        (
            "summary of a binary event",
            lambda: summary({"type": "BINARY_EVENT", "nsp": "/", "data": ["photo", b"\x00\x01"]}),
            'BINARY_EVENT "photo" [<2 bytes>]',
        ),
    ]
)
