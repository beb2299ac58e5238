"""Engine.IO (versions 3 and 4) and Socket.IO (protocols 4 and 5) packets over WebSocket.

Each WebSocket frame is one Engine.IO packet: a text frame starts with its type's digit
("0" open, "2" ping, "4" message…); a binary frame is a message's bytes (Engine.IO 3
puts the message type's byte 4 first). A text message holds one Socket.IO packet:

    <type>[<attachments>-][<namespace>,][<ack id>][<JSON data>]

as in `2["chat","olá"]`, `2/admin,12["chat"]` or `51-["photo",{"_placeholder":true,"num":0}]`,
whose attachments come next as binary messages (`Assembler`). Packets are dicts; bytes
stay bytes. A packet that cannot be read raises InputError with the offset in the frame
("position"). Protocol 5 (Socket.IO 3 and 4 servers, Engine.IO 4) has CONNECT with auth
and CONNECT_ERROR with an object; protocol 4 (Socket.IO 2, Engine.IO 3) has an ERROR
with a string in its place.
"""

from wsclient.errors import InputError
from wsclient.jsontext import json_string, json_text, parse_json_in

__all__ = [
    "EIO_TYPES",
    "SIO_TYPES",
    "Assembler",
    "deconstruct",
    "eio_decode",
    "eio_encode",
    "sio_decode",
    "sio_encode",
    "summary",
]

EIO_TYPES = ("open", "close", "ping", "pong", "message", "upgrade", "noop")
SIO_TYPES = (
    "CONNECT",
    "DISCONNECT",
    "EVENT",
    "ACK",
    "CONNECT_ERROR",
    "BINARY_EVENT",
    "BINARY_ACK",
)
_BINARY = ("BINARY_EVENT", "BINARY_ACK")
_DIGITS = "0123456789"


def eio_decode(frame: "str | bytes", version: int = 4) -> dict:
    """The Engine.IO packet in one frame: {"type": "message", "data": …} and so on."""
    if not isinstance(frame, str):
        data = bytes(frame)
        if version == 3:
            if not data or data[0] != 4:
                raise InputError("eio.binary", {"position": 0})
            data = data[1:]
        return {"type": "message", "data": data}
    if not frame or frame[0] not in "0123456":
        raise InputError("eio.type", {"position": 0})
    kind = EIO_TYPES[int(frame[0])]
    body = frame[1:]
    if kind != "open":
        return {"type": kind, "data": body}
    handshake = parse_json_in(body, "sio.json", 1)
    if not isinstance(handshake, dict) or not isinstance(handshake.get("sid"), str):
        raise InputError("eio.open", {"position": 1})
    return {"type": kind, "data": handshake}


def eio_encode(packet: dict, version: int = 4) -> "str | bytes":
    """The frame of an Engine.IO packet."""
    data = packet.get("data", "")
    if isinstance(data, (bytes, bytearray)):
        return (b"\x04" if version == 3 else b"") + bytes(data)
    if isinstance(data, dict):
        data = json_text(data)
    return str(EIO_TYPES.index(packet["type"])) + data


def sio_decode(text: str, version: int = 5) -> dict:
    """The Socket.IO packet in an Engine.IO message's text.

    Returns:
        {"type", "nsp"} and, where the packet has them, "attachments", "id" and "data".
    """
    if not text or text[0] not in "0123456":
        raise InputError("sio.type", {"position": 0})
    kind = SIO_TYPES[int(text[0])]
    packet: dict = {"type": kind, "nsp": "/"}
    at = 1
    if kind in _BINARY:
        dash = text.find("-", at)
        if dash <= at or any(ch not in _DIGITS for ch in text[at:dash]):
            raise InputError("sio.attachments", {"position": at})
        packet["attachments"] = int(text[at:dash])
        at = dash + 1
    if text.startswith("/", at):
        comma = text.find(",", at)
        end = len(text) if comma < 0 else comma
        packet["nsp"] = text[at:end]
        at = end + 1
    start = at
    while at < len(text) and text[at] in _DIGITS:
        at += 1
    if at > start:
        packet["id"] = int(text[start:at])
    if at < len(text):
        packet["data"] = parse_json_in(text[at:], "sio.json", at)
    _check(packet, at, version)
    return packet


def _check(packet: dict, at: int, version: int) -> None:
    """Refuse data that the packet's type cannot carry."""
    kind = packet["type"]
    has = "data" in packet
    data = packet.get("data")
    if kind in ("EVENT", "BINARY_EVENT"):
        good = isinstance(data, list) and bool(data) and isinstance(data[0], str)
    elif kind in ("ACK", "BINARY_ACK"):
        good = isinstance(data, list) and "id" in packet
    elif kind == "CONNECT":
        good = not has or isinstance(data, dict)
    elif kind == "CONNECT_ERROR":
        good = isinstance(data, dict) if version == 5 else (not has or isinstance(data, str))
    else:
        good = not has
    if not good:
        raise InputError("sio.data", {"position": at, "name": kind})


def sio_encode(packet: dict) -> str:
    """The text of a Socket.IO packet, inside an Engine.IO message."""
    out = str(SIO_TYPES.index(packet["type"]))
    if packet["type"] in _BINARY:
        out += "%d-" % packet.get("attachments", 0)
    nsp = packet.get("nsp", "/")
    if nsp != "/":
        out += nsp + ","
    if packet.get("id") is not None:
        out += str(packet["id"])
    if "data" in packet:
        out += json_text(packet["data"])
    return out


def deconstruct(data: object, buffers: list) -> object:
    """data with each bytes value replaced by a placeholder; the bytes go to buffers."""
    if isinstance(data, (bytes, bytearray)):
        buffers.append(bytes(data))
        return {"_placeholder": True, "num": len(buffers) - 1}
    if isinstance(data, list):
        return [deconstruct(item, buffers) for item in data]
    if isinstance(data, dict):
        return {key: deconstruct(value, buffers) for key, value in data.items()}
    return data


def _reconstruct(data: object, buffers: list) -> object:
    if isinstance(data, dict):
        if data.get("_placeholder") is True and isinstance(data.get("num"), int):
            if not 0 <= data["num"] < len(buffers):
                raise InputError("sio.placeholder", {"count": len(buffers)})
            return buffers[data["num"]]
        return {key: _reconstruct(value, buffers) for key, value in data.items()}
    if isinstance(data, list):
        return [_reconstruct(item, buffers) for item in data]
    return data


class Assembler:
    """Puts binary events and acks back together from their packet and attachments."""

    def __init__(self) -> None:
        self._packet: "dict | None" = None
        self._buffers: list = []

    def waiting(self) -> int:
        """How many attachments the packet being assembled still waits for."""
        return 0 if self._packet is None else self._packet["attachments"] - len(self._buffers)

    def packet(self, packet: dict) -> "dict | None":
        """A decoded packet: it, complete, or None while its attachments are to come."""
        if self._packet is not None:
            raise InputError("sio.attachments_missing", {"count": self.waiting()})
        if packet["type"] not in _BINARY or packet["attachments"] == 0:
            return self._done(packet, [])
        self._packet, self._buffers = packet, []
        return None

    def attachment(self, data: bytes) -> "dict | None":
        """A binary message: the completed packet once it is the last attachment."""
        if self._packet is None:
            raise InputError("sio.attachment_unexpected", {})
        self._buffers.append(bytes(data))
        if self.waiting():
            return None
        packet, self._packet = self._packet, None
        return self._done(packet, self._buffers)

    def _done(self, packet: dict, buffers: list) -> dict:
        if "data" in packet:
            packet = dict(packet)
            packet["data"] = _reconstruct(packet["data"], buffers)
        return packet


def _shown(value: object) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "<%d bytes>" % len(value)
    if isinstance(value, list):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(json_string(k) + ": " + _shown(v) for k, v in value.items()) + "}"
    return json_text(value)


def summary(packet: dict) -> str:
    """A Socket.IO packet named for a log entry, as `EVENT "chat" ["olá"] · ack 12`."""
    kind = packet["type"]
    head = kind
    data = packet.get("data")
    if kind in ("EVENT", "BINARY_EVENT") and isinstance(data, list) and data:
        head += " " + json_string(data[0]) + " " + _shown(data[1:])
    elif data is not None:
        head += " " + _shown(data)
    parts = [head]
    if packet.get("nsp", "/") != "/":
        parts.append(packet["nsp"])
    if packet.get("id") is not None:
        parts.append(("ack %d" if kind in ("EVENT", "BINARY_EVENT") else "id %d") % packet["id"])
    return " · ".join(parts)
