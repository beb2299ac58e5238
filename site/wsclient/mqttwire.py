"""MQTT's wire primitives: the variable byte integer, strings, binary data, and MQTT 5's
properties, read from a byte string at an offset and written back.

A reader raises InputError with the offset of the fault ("position"), counted from the
start of the stream the bytes came from, so a log entry can say where a packet broke.
Everything here runs unchanged on CPython, MicroPython and Pyodide.
"""

from wsclient.errors import InputError

__all__ = [
    "MAX_VARINT",
    "PROPERTIES",
    "Reader",
    "binary",
    "properties",
    "string",
    "u16",
    "u32",
    "varint",
]

# The largest remaining length and property length: four bytes of seven bits each.
MAX_VARINT = 268_435_455

# MQTT 5.0 §2.2.2.2: each property's identifier, name and type. Types: "byte", "u16",
# "u32", "varint", "str", "bin" and "pair" (a user property: two strings).
PROPERTIES = {
    0x01: ("payload_format", "byte"),
    0x02: ("message_expiry", "u32"),
    0x03: ("content_type", "str"),
    0x08: ("response_topic", "str"),
    0x09: ("correlation_data", "bin"),
    0x0B: ("subscription_id", "varint"),
    0x11: ("session_expiry", "u32"),
    0x12: ("assigned_client_id", "str"),
    0x13: ("server_keep_alive", "u16"),
    0x15: ("auth_method", "str"),
    0x16: ("auth_data", "bin"),
    0x17: ("request_problem_info", "byte"),
    0x18: ("will_delay", "u32"),
    0x19: ("request_response_info", "byte"),
    0x1A: ("response_info", "str"),
    0x1C: ("server_reference", "str"),
    0x1F: ("reason_string", "str"),
    0x21: ("receive_maximum", "u16"),
    0x22: ("topic_alias_maximum", "u16"),
    0x23: ("topic_alias", "u16"),
    0x24: ("maximum_qos", "byte"),
    0x25: ("retain_available", "byte"),
    0x26: ("user_property", "pair"),
    0x27: ("maximum_packet_size", "u32"),
    0x28: ("wildcard_available", "byte"),
    0x29: ("subscription_ids_available", "byte"),
    0x2A: ("shared_available", "byte"),
}
_IDS = {name: (number, kind) for number, (name, kind) in PROPERTIES.items()}
# The Reader method that reads each type.
_READERS = {
    "byte": "byte",
    "u16": "u16",
    "u32": "u32",
    "varint": "varint",
    "str": "string",
    "bin": "binary",
}
# Properties that may appear more than once: their value is a list.
_REPEATED = ("subscription_id", "user_property")


class Reader:
    """Reads a packet's fields from data[start:end]; base is data's offset in the stream."""

    def __init__(self, data: bytes, start: int, end: int, base: int = 0) -> None:
        self.data = data
        self.at = start
        self.end = end
        self.base = base

    def fail(self, key: str, at: "int | None" = None) -> InputError:
        """The error for a fault at `at` (default: where reading has got to)."""
        return InputError(key, {"position": self.base + (self.at if at is None else at)})

    def left(self) -> int:
        return self.end - self.at

    def take(self, count: int) -> bytes:
        if count > self.end - self.at:
            raise self.fail("mqtt.short")
        part = self.data[self.at : self.at + count]
        self.at += count
        return bytes(part)

    def byte(self) -> int:
        if self.at >= self.end:
            raise self.fail("mqtt.short")
        value = self.data[self.at]
        self.at += 1
        return value

    def u16(self) -> int:
        return int.from_bytes(self.take(2), "big")

    def u32(self) -> int:
        return int.from_bytes(self.take(4), "big")

    def varint(self) -> int:
        start = self.at
        value = 0
        for shift in (0, 7, 14, 21):
            byte = self.byte()
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
        raise self.fail("mqtt.varint", start)

    def string(self) -> str:
        start = self.at
        raw = self.take(self.u16())
        try:
            return raw.decode("utf-8")
        except UnicodeError:
            raise self.fail("mqtt.utf8", start) from None

    def binary(self) -> bytes:
        return self.take(self.u16())

    def properties(self) -> dict:
        """MQTT 5 properties: their length, then each one; {} when there are none."""
        length = self.varint()
        end = self.at + length
        if end > self.end:
            raise self.fail("mqtt.short")
        found: dict = {}
        while self.at < end:
            start = self.at
            number = self.varint()
            if number not in PROPERTIES:
                raise self.fail("mqtt.property", start)
            name, kind = PROPERTIES[number]
            if kind == "pair":
                value: object = [self.string(), self.string()]
            else:
                value = getattr(self, _READERS[kind])()
            if name in _REPEATED:
                found.setdefault(name, []).append(value)
            elif name in found:
                raise self.fail("mqtt.property_twice", start)
            else:
                found[name] = value
            if self.at > end:
                raise self.fail("mqtt.short", start)
        return found


def varint(value: int) -> bytes:
    """The variable byte integer for 0 ≤ value ≤ MAX_VARINT."""
    if not 0 <= value <= MAX_VARINT:
        raise InputError("mqtt.too_long", {"limit": MAX_VARINT})
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def u16(value: int) -> bytes:
    return (value & 0xFFFF).to_bytes(2, "big")


def u32(value: int) -> bytes:
    return (value & 0xFFFFFFFF).to_bytes(4, "big")


def binary(value: bytes) -> bytes:
    if len(value) > 0xFFFF:
        raise InputError("mqtt.field_long", {"limit": 0xFFFF})
    return u16(len(value)) + bytes(value)


def string(value: str) -> bytes:
    return binary(value.encode("utf-8"))


def properties(found: "dict | None") -> bytes:
    """MQTT 5 properties as written: their length, then each one by its identifier."""
    body = bytearray()
    for name, value in (found or {}).items():
        if name not in _IDS:
            raise InputError("mqtt.property_name", {"name": name})
        number, kind = _IDS[name]
        for one in value if name in _REPEATED else [value]:
            body += varint(number)
            if kind == "byte":
                body.append(one & 0xFF)
            elif kind == "u16":
                body += u16(one)
            elif kind == "u32":
                body += u32(one)
            elif kind == "varint":
                body += varint(one)
            elif kind == "str":
                body += string(one)
            elif kind == "bin":
                body += binary(one)
            else:
                body += string(one[0]) + string(one[1])
    return varint(len(body)) + bytes(body)
