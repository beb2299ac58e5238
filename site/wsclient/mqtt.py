"""MQTT 3.1.1 and 5.0 control packets as plain dicts, written and read from a byte stream.

Over WebSocket, MQTT's packets are not aligned with frames: a frame may hold part of a
packet, or several (MQTT 5.0 §6.0, [MQTT-6.0.0-2]). `Decoder.feed()` takes the frames'
bytes in order and returns each packet as it completes. A packet is a dict with "type"
(CONNECT, PUBLISH, …) and its fields; `encode()` writes one back, and `summary()` names
it for the log, as "PUBLISH sensors/1 · QoS 1 · id 7".

Versions are the protocol levels: 4 (3.1.1) and 5. Bytes stay bytes (payloads,
passwords, binary properties); the rest is JSON data. A malformed packet raises
InputError with the stream offset of the fault (`mqttwire`).
"""

from wsclient import mqttwire as wire
from wsclient.errors import InputError

__all__ = ["TYPES", "V311", "V5", "Decoder", "encode", "summary"]

V311, V5 = 4, 5
TYPES = (
    None,
    "CONNECT",
    "CONNACK",
    "PUBLISH",
    "PUBACK",
    "PUBREC",
    "PUBREL",
    "PUBCOMP",
    "SUBSCRIBE",
    "SUBACK",
    "UNSUBSCRIBE",
    "UNSUBACK",
    "PINGREQ",
    "PINGRESP",
    "DISCONNECT",
    "AUTH",
)
_NUMBER = {name: number for number, name in enumerate(TYPES) if name}
# The fixed header's flags each type must have ([MQTT-2.1.3-1]); PUBLISH's carry meaning.
_FLAGS = {"PUBREL": 2, "SUBSCRIBE": 2, "UNSUBSCRIBE": 2}
# Acknowledgements that are a packet id and, in MQTT 5, a reason code and properties.
_ACKS = ("PUBACK", "PUBREC", "PUBREL", "PUBCOMP")


def encode(packet: dict, version: int = V311) -> bytes:
    """The bytes of `packet` for protocol `version`.

    Raises:
        InputError: a field cannot be written ("mqtt.*").
    """
    kind = packet["type"]
    if kind not in _NUMBER or (kind == "AUTH" and version != V5):
        raise InputError("mqtt.type", {"name": str(kind)})
    flags = _FLAGS.get(kind, 0)
    v5 = version == V5
    body = bytearray()
    props = wire.properties(packet.get("properties")) if v5 else b""
    if kind == "CONNECT":
        body += _connect(packet, version)
    elif kind == "CONNACK":
        body += bytes([1 if packet.get("session_present") else 0, packet.get("code", 0)]) + props
    elif kind == "PUBLISH":
        qos = packet.get("qos", 0)
        flags = (8 if packet.get("dup") else 0) | (qos << 1) | (1 if packet.get("retain") else 0)
        body += wire.string(packet["topic"])
        if qos:
            body += wire.u16(packet["id"])
        body += props + bytes(packet.get("payload", b""))
    elif kind in _ACKS:
        body += wire.u16(packet["id"])
        code = packet.get("code", 0)
        if v5 and (code or packet.get("properties")):
            body += bytes([code]) + props
    elif kind in ("SUBSCRIBE", "UNSUBSCRIBE"):
        body += wire.u16(packet["id"]) + props
        for topic in packet["topics"]:
            if kind == "UNSUBSCRIBE":
                body += wire.string(topic)
            else:
                body += wire.string(topic["filter"]) + bytes([_options(topic, v5)])
    elif kind in ("SUBACK", "UNSUBACK"):
        body += wire.u16(packet["id"]) + props
        if kind == "SUBACK" or v5:
            body += bytes(packet["codes"])
    elif kind in ("DISCONNECT", "AUTH") and v5:
        code = packet.get("code", 0)
        if code or packet.get("properties"):
            body += bytes([code]) + props
    return bytes([_NUMBER[kind] << 4 | flags]) + wire.varint(len(body)) + bytes(body)


def _options(topic: dict, v5: bool) -> int:
    options = topic.get("qos", 0)
    if v5:
        options |= (4 if topic.get("no_local") else 0) | (
            8 if topic.get("retain_as_published") else 0
        )
        options |= topic.get("retain_handling", 0) << 4
    return options


def _connect(packet: dict, version: int) -> bytes:
    v5 = version == V5
    will = packet.get("will")
    username = packet.get("username")
    password = packet.get("password")
    flags = 2 if packet.get("clean", True) else 0
    if will is not None:
        flags |= 4 | will.get("qos", 0) << 3 | (32 if will.get("retain") else 0)
    flags |= (128 if username is not None else 0) | (64 if password is not None else 0)
    out = bytearray(wire.string("MQTT") + bytes([version, flags]))
    out += wire.u16(packet.get("keep_alive", 60))
    if v5:
        out += wire.properties(packet.get("properties"))
    out += wire.string(packet.get("client_id", ""))
    if will is not None:
        if v5:
            out += wire.properties(will.get("properties"))
        out += wire.string(will["topic"]) + wire.binary(will.get("payload", b""))
    if username is not None:
        out += wire.string(username)
    if password is not None:
        out += wire.binary(password)
    return bytes(out)


class Decoder:
    """Reads the packets of one connection from its bytes, frame after frame.

    Args:
        version: the protocol level the connection speaks (V311 or V5). Set it to the
            CONNECT's when the page sees one go out.
    """

    def __init__(self, version: int = V311) -> None:
        self.version = version
        self._buffer = b""
        self._offset = 0  # the stream offset of the buffer's first byte

    def pending(self) -> int:
        """How many bytes of an unfinished packet are waiting for the next frame."""
        return len(self._buffer)

    def feed(self, data: bytes) -> "list[dict]":
        """The packets that `data` completes, in order.

        Raises:
            InputError: a packet is malformed; its "position" is the stream offset. The
                rest of the stream cannot be framed after that, so the decoder keeps
                nothing and the connection should end.
        """
        buffer = self._buffer + bytes(data)
        packets = []
        at = 0
        while at < len(buffer):
            reader = wire.Reader(buffer, at + 1, len(buffer), self._offset)
            try:
                length = reader.varint()
            except InputError as error:
                if error.args[0] == "mqtt.short":
                    break  # the length goes on in the next frame
                self._buffer = b""
                raise
            end = reader.at + length
            if end > len(buffer):
                break
            try:
                packets.append(_packet(buffer, at, reader.at, end, self._offset, self.version))
            except InputError:
                self._buffer = b""
                raise
            at = end
        self._buffer = buffer[at:]
        self._offset += at
        return packets


def _packet(data: bytes, start: int, body: int, end: int, base: int, version: int) -> dict:
    """The packet whose fixed header is at data[start] and whose body is data[body:end]."""
    first = data[start]
    number, flags = first >> 4, first & 15
    kind = TYPES[number] if number < len(TYPES) else None
    read = wire.Reader(data, body, end, base)
    if kind is None or (kind == "AUTH" and version != V5):
        raise read.fail("mqtt.type_number", start)
    if kind != "PUBLISH" and flags != _FLAGS.get(kind, 0):
        raise read.fail("mqtt.flags", start)
    v5 = version == V5
    packet: dict = {"type": kind}
    if kind == "CONNECT":
        _read_connect(read, packet)
    elif kind == "CONNACK":
        packet["session_present"] = bool(read.byte() & 1)
        packet["code"] = read.byte()
        if v5:
            packet["properties"] = read.properties()
    elif kind == "PUBLISH":
        qos = (flags >> 1) & 3
        if qos == 3:
            raise read.fail("mqtt.qos", start)
        packet.update(qos=qos, retain=bool(flags & 1), dup=bool(flags & 8))
        packet["topic"] = read.string()
        if qos:
            packet["id"] = read.u16()
        if v5:
            packet["properties"] = read.properties()
        packet["payload"] = read.take(read.left())
    elif kind in _ACKS:
        packet["id"] = read.u16()
        packet["code"] = read.byte() if v5 and read.left() else 0
        if v5 and read.left():
            packet["properties"] = read.properties()
    elif kind in ("SUBSCRIBE", "UNSUBSCRIBE"):
        packet["id"] = read.u16()
        if v5:
            packet["properties"] = read.properties()
        topics: list = []
        while read.left():
            name = read.string()
            if kind == "UNSUBSCRIBE":
                topics.append(name)
                continue
            options = read.byte()
            topic = {"filter": name, "qos": options & 3}
            if v5:
                topic.update(
                    no_local=bool(options & 4),
                    retain_as_published=bool(options & 8),
                    retain_handling=(options >> 4) & 3,
                )
            topics.append(topic)
        packet["topics"] = topics
    elif kind in ("SUBACK", "UNSUBACK"):
        packet["id"] = read.u16()
        if v5:
            packet["properties"] = read.properties()
        packet["codes"] = list(read.take(read.left()))
    elif kind in ("DISCONNECT", "AUTH") and v5 and read.left():
        packet["code"] = read.byte()
        if read.left():
            packet["properties"] = read.properties()
    elif kind in ("DISCONNECT", "AUTH"):
        packet["code"] = 0
    if read.left():
        raise read.fail("mqtt.extra")
    return packet


def _read_connect(read: wire.Reader, packet: dict) -> None:
    start = read.at
    if read.string() != "MQTT":
        raise read.fail("mqtt.protocol_name", start)
    level = read.byte()
    if level not in (V311, V5):
        raise read.fail("mqtt.level", read.at - 1)
    flags = read.byte()
    if flags & 1:
        raise read.fail("mqtt.flags", read.at - 1)
    packet.update(version=level, clean=bool(flags & 2), keep_alive=read.u16())
    if level == V5:
        packet["properties"] = read.properties()
    packet["client_id"] = read.string()
    if flags & 4:
        will: dict = {"qos": (flags >> 3) & 3, "retain": bool(flags & 32)}
        if level == V5:
            will["properties"] = read.properties()
        will["topic"] = read.string()
        will["payload"] = read.binary()
        packet["will"] = will
    if flags & 128:
        packet["username"] = read.string()
    if flags & 64:
        packet["password"] = read.binary()


def summary(packet: dict) -> str:
    """The packet named for a log entry: its type, then what tells it apart."""
    kind = packet["type"]
    parts = [kind]
    if kind == "PUBLISH":
        parts[0] += " " + packet["topic"]
        parts.append("QoS %d" % packet.get("qos", 0))
        if packet.get("retain"):
            parts.append("retain")
        if packet.get("dup"):
            parts.append("dup")
    elif kind == "CONNECT":
        parts[0] += " " + ("5.0" if packet.get("version") == V5 else "3.1.1")
        parts.append("client %s" % (packet.get("client_id") or '""'))
        parts.append("keep-alive %d s" % packet.get("keep_alive", 0))
    elif kind == "SUBSCRIBE":
        parts[0] += " " + ", ".join(
            "%s (QoS %d)" % (topic["filter"], topic["qos"]) for topic in packet["topics"]
        )
    elif kind == "UNSUBSCRIBE":
        parts[0] += " " + ", ".join(packet["topics"])
    if "id" in packet:
        parts.append("id %d" % packet["id"])
    if packet.get("codes"):
        parts.append("codes " + " ".join("0x%02x" % code for code in packet["codes"]))
    elif packet.get("code"):
        parts.append("code 0x%02x" % packet["code"])
    return " · ".join(parts)
