"""wsclient.mqtt and mqttwire: MQTT 3.1.1 and 5.0 packets written, read from a stream
split anywhere, and named; malformed bytes raise an error at their offset."""

import random

from conformance.runner import table
from wsclient.binary import hex_pairs, parse_hex
from wsclient.errors import InputError
from wsclient.mqtt import V5, V311, Decoder, encode, summary
from wsclient.mqttwire import Reader, varint


def _shown(value):
    """value with its bytes as hex pairs: JSON data, as a case must return."""
    if isinstance(value, (bytes, bytearray)):
        return hex_pairs(bytes(value))
    if isinstance(value, dict):
        return {key: _shown(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_shown(item) for item in value]
    return value


def _encoded(args):
    packet, version = args
    try:
        return hex_pairs(encode(packet, version))
    except InputError as exc:
        return [exc.key, exc.params]


def _decoded(args):
    """The packets read from hex text, fed as one frame."""
    text, version = args
    try:
        return _shown(Decoder(version).feed(parse_hex(text)))
    except InputError as exc:
        return [exc.key, exc.params]


def _varint(value):
    data = varint(value)
    return [hex_pairs(data), Reader(data, 0, len(data)).varint()]


# Examples of every packet type, on the version that has them.
PACKETS = [
    ({"type": "PINGREQ"}, V311),
    ({"type": "PINGRESP"}, V5),
    (
        {
            "type": "CONNECT",
            "client_id": "page",
            "clean": True,
            "keep_alive": 30,
            "username": "ana",
            "password": b"s3",
            "will": {"topic": "bye", "payload": b"x", "qos": 1, "retain": True},
        },
        V311,
    ),
    (
        {
            "type": "CONNECT",
            "client_id": "",
            "clean": False,
            "keep_alive": 0,
            "properties": {"session_expiry": 3600, "user_property": [["a", "b"], ["a", "c"]]},
            "will": {"topic": "t", "payload": b"", "properties": {"will_delay": 5}},
        },
        V5,
    ),
    ({"type": "CONNACK", "session_present": True, "code": 0}, V311),
    ({"type": "CONNACK", "code": 0x87, "properties": {"reason_string": "não"}}, V5),
    ({"type": "PUBLISH", "topic": "sensors/1", "qos": 0, "payload": b"22.5"}, V311),
    ({"type": "PUBLISH", "topic": "a", "qos": 1, "id": 7, "retain": True, "payload": b""}, V311),
    (
        {
            "type": "PUBLISH",
            "topic": "a/b",
            "qos": 2,
            "id": 65535,
            "dup": True,
            "payload": b"\x00\xff",
            "properties": {
                "payload_format": 0,
                "message_expiry": 4294967295,
                "content_type": "text/plain",
                "response_topic": "r",
                "correlation_data": b"\x01\x02",
                "subscription_id": [1, 268435455],
                "topic_alias": 3,
            },
        },
        V5,
    ),
    ({"type": "PUBACK", "id": 7}, V311),
    ({"type": "PUBREC", "id": 8, "code": 0x10}, V5),
    ({"type": "PUBREL", "id": 8, "code": 0x92, "properties": {"reason_string": "x"}}, V5),
    ({"type": "PUBCOMP", "id": 8}, V5),
    ({"type": "SUBSCRIBE", "id": 1, "topics": [{"filter": "a/#", "qos": 2}]}, V311),
    (
        {
            "type": "SUBSCRIBE",
            "id": 2,
            "topics": [
                {
                    "filter": "+/x",
                    "qos": 1,
                    "no_local": True,
                    "retain_as_published": True,
                    "retain_handling": 2,
                }
            ],
            "properties": {"subscription_id": [9]},
        },
        V5,
    ),
    ({"type": "SUBACK", "id": 1, "codes": [0, 1, 2, 0x80]}, V311),
    ({"type": "SUBACK", "id": 2, "codes": [1], "properties": {}}, V5),
    ({"type": "UNSUBSCRIBE", "id": 3, "topics": ["a/#", "b"]}, V311),
    ({"type": "UNSUBACK", "id": 3}, V311),
    ({"type": "UNSUBACK", "id": 4, "codes": [0, 0x11], "properties": {}}, V5),
    ({"type": "DISCONNECT"}, V311),
    ({"type": "DISCONNECT", "code": 0x8E, "properties": {"session_expiry": 0}}, V5),
    ({"type": "AUTH", "code": 0x18, "properties": {"auth_method": "SCRAM", "auth_data": b"x"}}, V5),
]


def _normal(packet, version):
    """packet as decoding gives it back: the fields a decoder fills in when left out."""
    out = dict(packet)
    kind = out["type"]
    v5 = version == V5
    if kind == "CONNECT":
        out["version"] = version
        out.setdefault("clean", True)
        out.setdefault("keep_alive", 60)
        if v5:
            out.setdefault("properties", {})
        if "will" in out:
            will = dict(out["will"])
            will.setdefault("qos", 0)
            will.setdefault("retain", False)
            if v5:
                will.setdefault("properties", {})
            out["will"] = will
    elif kind == "CONNACK":
        out.setdefault("session_present", False)
        if v5:
            out.setdefault("properties", {})
    elif kind == "PUBLISH":
        out.setdefault("retain", False)
        out.setdefault("dup", False)
        if v5:
            out.setdefault("properties", {})
    elif kind in ("PUBACK", "PUBREC", "PUBREL", "PUBCOMP", "DISCONNECT", "AUTH"):
        out.setdefault("code", 0)
        if v5 and (out["code"] or "properties" in out):
            out.setdefault("properties", {})
    elif kind in ("SUBSCRIBE", "UNSUBSCRIBE", "SUBACK", "UNSUBACK"):
        if v5:
            out.setdefault("properties", {})
        if kind == "UNSUBACK" and not v5:
            out["codes"] = []
    return _shown(out)


def _round_trips():
    """The examples that do not come back as themselves from their bytes."""
    failed = []
    for packet, version in PACKETS:
        back = Decoder(version).feed(encode(packet, version))
        if _shown(back) != [_normal(packet, version)]:
            failed.append([packet["type"], version, _shown(back)])
    return failed


def _split_anywhere():
    """Every example in one stream, cut into random frames: the same packets, in order."""
    random.seed(611)
    failed = []
    for version in (V311, V5):
        packets = [packet for packet, v in PACKETS if v == version]
        stream = b"".join(encode(packet, version) for packet in packets)
        for _ in range(20):
            decoder = Decoder(version)
            found = []
            at = 0
            while at < len(stream):
                size = random.getrandbits(4)  # 0 to 15 bytes a frame: empty ones too
                found += decoder.feed(stream[at : at + size])
                at += size
            if [packet["type"] for packet in found] != [p["type"] for p in packets]:
                failed.append(version)
            elif decoder.pending():
                failed.append(["pending", version])
    return failed


def _split_then_garbage():
    """A packet split across two frames, then garbage: the error's offset is the stream's."""
    decoder = Decoder(V311)
    data = encode({"type": "PUBLISH", "topic": "t", "payload": b"abc"}, V311)
    first = decoder.feed(data[:3])
    second = decoder.feed(data[3:])
    try:
        decoder.feed(b"\x00\x00")
    except InputError as exc:
        return [len(first), summary(second[0]), exc.key, exc.params]
    return "no error"


def _length_split():
    """The remaining length's own bytes split across frames: the packet waits for them."""
    decoder = Decoder(V311)
    data = encode({"type": "PUBLISH", "topic": "t", "payload": b"x" * 200}, V311)
    return [len(decoder.feed(data[:2])), decoder.pending(), len(decoder.feed(data[2:]))]


CASES = (
    [
        ("encode " + name, lambda args=args: _encoded(args), expected)
        for name, args, expected in [
            ("PINGREQ", ({"type": "PINGREQ"}, V311), "c0 00"),
            ("PUBACK on 5.0", ({"type": "PUBACK", "id": 258}, V5), "40 02 01 02"),
            ("AUTH on 3.1.1", ({"type": "AUTH"}, V311), ["mqtt.type", {"name": "AUTH"}]),
            ("an unknown type", ({"type": "NOPE"}, V5), ["mqtt.type", {"name": "NOPE"}]),
            (
                "an unknown property",
                ({"type": "PUBLISH", "topic": "t", "properties": {"x": 1}}, V5),
                ["mqtt.property_name", {"name": "x"}],
            ),
        ]
    ]
    + table(
        "varint",
        _varint,
        [
            (0, ["00", 0]),
            (127, ["7f", 127]),
            (128, ["80 01", 128]),
            (16383, ["ff 7f", 16383]),
            (16384, ["80 80 01", 16384]),
            (2097151, ["ff ff 7f", 2097151]),
            (2097152, ["80 80 80 01", 2097152]),
            (268435455, ["ff ff ff 7f", 268435455]),
        ],
    )
    + table(
        "decode",
        _decoded,
        [
            (("c0 00 d0 00", V311), [{"type": "PINGREQ"}, {"type": "PINGRESP"}]),
            (
                ("30 05 00 01 74 68 69", V311),
                [
                    {
                        "type": "PUBLISH",
                        "qos": 0,
                        "retain": False,
                        "dup": False,
                        "topic": "t",
                        "payload": "68 69",
                    }
                ],
            ),
            (("c0 01 00", V311), ["mqtt.extra", {"position": 2}]),
            (("c2 00", V311), ["mqtt.flags", {"position": 0}]),
            (("60 02 00 01", V311), ["mqtt.flags", {"position": 0}]),
            (("36 03 00 01 74", V311), ["mqtt.qos", {"position": 0}]),
            (("00 00", V311), ["mqtt.type_number", {"position": 0}]),
            (("f0 00", V311), ["mqtt.type_number", {"position": 0}]),
            (("c0 ff ff ff ff 01", V311), ["mqtt.varint", {"position": 1}]),
            (("30 04 00 05 61 62", V311), ["mqtt.short", {"position": 4}]),
            (("30 04 00 02 c3 28", V311), ["mqtt.utf8", {"position": 2}]),
            (("30 05 00 01 74 01 05", V5), ["mqtt.property", {"position": 6}]),
            (("30 08 00 01 74 02 23 00 01 61", V5), ["mqtt.short", {"position": 6}]),
            (("30 0a 00 01 74 06 23 00 01 23 00 02", V5), ["mqtt.property_twice", {"position": 9}]),
            (("10 06 00 04 4d 51 49 73", V311), ["mqtt.protocol_name", {"position": 2}]),
            (("10 07 00 04 4d 51 54 54 03", V311), ["mqtt.level", {"position": 8}]),
        ],
    )
    + [
        ("every packet type round-trips on its version", _round_trips, []),
        ("a stream cut anywhere gives the same packets", _split_anywhere, []),
        (
            "a split packet, then garbage at the stream's offset",
            _split_then_garbage,
            [0, "PUBLISH t · QoS 0", "mqtt.type_number", {"position": 8}],
        ),
        ("a remaining length split across frames", _length_split, [0, 2, 1]),
        (
            "summary of a PUBLISH",
            lambda: summary(
                {"type": "PUBLISH", "topic": "sensors/1", "qos": 1, "id": 7, "retain": True}
            ),
            "PUBLISH sensors/1 · QoS 1 · retain · id 7",
        ),
        (
            "summary of a SUBACK",
            lambda: summary({"type": "SUBACK", "id": 2, "codes": [1, 0x80]}),
            "SUBACK · id 2 · codes 0x01 0x80",
        ),
        (
            "summary of a CONNECT",
            lambda: summary({"type": "CONNECT", "version": 5, "client_id": "", "keep_alive": 30}),
            'CONNECT 5.0 · client "" · keep-alive 30 s',
        ),
    ]
)
