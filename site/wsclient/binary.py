"""Binary payloads as text: hex pairs and dumps, and hex and Base64 read and written.

The Base64 codec is written out here because MicroPython's binascii is a slow
pure-Python module: the codec below is many times faster there. On CPython the
C binascii does the work, and the pure codec is the one MicroPython runs.
"""

import binascii

from wsclient.chars import BLANKS, HEX_DIGITS
from wsclient.errors import InputError, error_at

__all__ = [
    "BASE64",
    "NATIVE_BASE64",
    "PURE_BASE64",
    "hex_dump",
    "hex_pairs",
    "parse_base64",
    "parse_hex",
    "to_base64",
]

_HEX_SEPARATORS = BLANKS + ",:"
_B64_STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_CHARS = _B64_STANDARD + "-_"
# Each byte as itself in the ASCII column of a hex dump, or "." when it is not printable.
_DUMP_ASCII = "".join([chr(b) if 0x20 <= b < 0x7F else "." for b in range(256)])


def hex_pairs(data: "bytes | bytearray | memoryview", limit: "int | None" = None) -> str:
    """Show bytes as lowercase hex pairs separated by spaces: b"\\xde\\xad" -> "de ad".

    Args:
        data: bytes, bytearray or memoryview.
        limit: show at most this many bytes, then " …" when there are more.
    """
    more = limit is not None and len(data) > limit
    if more:
        data = data[: max(limit, 0)]  # type: ignore[type-var]  # more: limit is not None
    text = binascii.hexlify(data, " ").decode() if len(data) else ""
    if more:
        text = text + " …" if text else "…"
    return text


def hex_dump(
    data: "bytes | bytearray | memoryview",
    width: int = 16,
    limit: "int | None" = None,
    offset: int = 0,
) -> "list[str]":
    """Dump bytes as `hexdump -C` does: offset, hex pairs, and the printable ASCII.

    "00000000  de ad be ef 41 42  |....AB|": an 8-digit offset, the pairs with an
    extra space after every 8th, padding so the ASCII column lines up, then
    the bytes between bars with "." for those outside 0x20..0x7e.

    Args:
        data: bytes, bytearray or memoryview.
        width: bytes per line.
        limit: dump at most this many bytes.
        offset: where data starts in the frame, which the offset column counts from:
            a page of a long frame is dumped as the whole frame's dump would show it.

    Returns:
        A list of lines, empty when there are no bytes.
    """
    if width < 1:
        raise ValueError("width must be positive")
    end = len(data) if limit is None else max(0, min(limit, len(data)))
    pad = 3 * width + (width - 1) // 8 + 1
    lines: "list[str]" = []
    for start in range(0, end, width):
        chunk = data[start : min(start + width, end)]
        pairs = binascii.hexlify(chunk, " ").decode()
        if len(chunk) > 8:
            groups = [pairs[i : i + 24] for i in range(0, len(pairs), 24)]
            pairs = "  ".join([group.rstrip(" ") for group in groups])
        text = "".join([_DUMP_ASCII[b] for b in chunk])
        lines.append("%08x  %s%s|%s|" % (offset + start, pairs, " " * (pad - len(pairs)), text))
    return lines


# --- hex ---------------------------------------------------------------------------------


def parse_hex(text: str) -> bytes:
    """Read the bytes that hex text spells.

    Bytes are written as pairs of hex digits in either case, in groups separated
    by spaces, line breaks, commas or colons; each group may start with 0x. So
    "de ad be ef", "DEADBEEF", "0xde, 0xad" and "de:ad" all work; so does "".

    Raises:
        InputError: "payload.hex" at the first character that does not belong;
            "payload.hex_odd" at the end of a group with an odd number of digits.
    """
    flat = text
    for ch in _HEX_SEPARATORS:
        if ch in flat:
            flat = flat.replace(ch, " ")
    if "x" not in flat and "X" not in flat:
        try:
            return bytes.fromhex(flat)
        except ValueError:
            pass
    return _parse_hex_groups(text, flat)


def _parse_hex_groups(text: str, flat: str) -> bytes:
    """Read hex group by group, to say where it goes wrong; flat has every separator as " "."""
    digits: "list[str]" = []
    start = 0
    for group in flat.split(" "):
        size = len(group)
        if size:
            body = group[2:] if group[:2] in ("0x", "0X") else group
            if body.strip(HEX_DIGITS):
                offset = start + size - len(body)
                for ch in body:
                    if ch not in HEX_DIGITS:
                        raise error_at("payload.hex", text, offset, char=True)
                    offset += 1
            if not body or len(body) % 2:
                raise error_at("payload.hex_odd", text, start + size)
            digits.append(body)
        start += size + 1
    return bytes.fromhex("".join(digits))


# --- Base64 ------------------------------------------------------------------------------


class _NativeBase64:
    """CPython's binascii, written in C."""

    def works(self) -> bool:
        """Whether binascii is CPython's rather than MicroPython's Python module."""
        try:
            return binascii.a2b_base64(b"YQ==", strict_mode=True) == b"a"
        except TypeError:
            return False

    def encode(self, data: "bytes | bytearray | memoryview") -> str:
        """Encode bytes as padded standard Base64."""
        return binascii.b2a_base64(data, newline=False).decode()

    def decode(self, body: str) -> bytes:
        """Decode Base64 without padding or blanks, in either alphabet.

        Raises:
            ValueError: body has a character outside both alphabets.
        """
        std = body.replace("-", "+").replace("_", "/") + "=" * (-len(body) % 4)
        return binascii.a2b_base64(std.encode("ascii"), strict_mode=True)


def _sixes() -> bytes:
    """Map each byte to the 6 bits it stands for in Base64 (0 for bytes outside it)."""
    table = bytearray(256)
    for i, ch in enumerate(_B64_CHARS):
        # The URL-safe "-" and "_" (at 64 and 65) stand for 62 and 63.
        table[ord(ch)] = i if i < 64 else i - 2
    return bytes(table)


class _PureBase64:
    """Base64 in pure Python, for MicroPython: 3 bytes or 4 characters at a time."""

    def __init__(self) -> None:
        self._sixes = _sixes()
        self._pairs: "list[str] | None" = None

    def pairs(self) -> "list[str]":
        """The 4096 pairs of Base64 characters, by the 12 bits they stand for (built once)."""
        if self._pairs is None:
            self._pairs = [a + b for a in _B64_STANDARD for b in _B64_STANDARD]
        return self._pairs

    def encode(self, data: "bytes | bytearray | memoryview") -> str:
        """Encode bytes as padded standard Base64."""
        pairs = self.pairs()
        size = len(data)
        whole = size - size % 3
        parts: list[str] = []
        append = parts.append
        for i in range(0, whole, 3):
            n = data[i] << 16 | data[i + 1] << 8 | data[i + 2]
            append(pairs[n >> 12])
            append(pairs[n & 4095])
        rest = size - whole
        if rest:
            n = data[whole] << 16 | (data[whole + 1] << 8 if rest == 2 else 0)
            tail = pairs[n >> 12] + pairs[n & 4095]
            append(tail[: rest + 1] + "=" * (3 - rest))
        return "".join(parts)

    def decode(self, body: str) -> bytes:
        """Decode Base64 without padding or blanks, in either alphabet.

        Raises:
            ValueError: body has a character outside both alphabets.
        """
        if body.strip(_B64_CHARS):
            raise ValueError("not base64")
        sixes = self._sixes
        data = body.encode() + b"AA"  # room for the last group's missing characters
        size = len(body)
        out = bytearray((size + 3) // 4 * 3)
        k = 0
        for i in range(0, size, 4):
            n = sixes[data[i]] << 18 | sixes[data[i + 1]] << 12 | sixes[data[i + 2]] << 6
            n |= sixes[data[i + 3]]
            out[k] = n >> 16
            out[k + 1] = n >> 8 & 255
            out[k + 2] = n & 255
            k += 3
        # A last group of 2 or 3 characters gives 1 or 2 bytes.
        return bytes(out[: size * 3 // 4])


NATIVE_BASE64 = _NativeBase64()
PURE_BASE64 = _PureBase64()
# The codec this interpreter is best served by; tests pass the other one in.
BASE64 = NATIVE_BASE64 if NATIVE_BASE64.works() else PURE_BASE64


def to_base64(
    data: "bytes | bytearray | memoryview", codec: "_NativeBase64 | _PureBase64" = BASE64
) -> str:
    """Encode bytes as standard Base64 with padding and no line breaks."""
    return codec.encode(data)


def parse_base64(text: str, codec: "_NativeBase64 | _PureBase64" = BASE64) -> bytes:
    """Read the bytes that Base64 text spells.

    Takes the standard (+/) and URL-safe (-_) alphabets, blanks anywhere, and the
    "=" padding either complete or left out.

    Raises:
        InputError: "payload.base64" at the first character that does not belong;
            "payload.base64_length" when the characters do not make whole bytes.
    """
    flat = text
    for ch in BLANKS:
        if ch in flat:
            flat = flat.replace(ch, "")
    body = flat.rstrip("=")
    pad = len(flat) - len(body)
    rest = len(body) % 4
    if rest != 1 and (not pad or rest >= 2 and rest + pad == 4):
        try:
            return codec.decode(body)
        except ValueError:
            pass
    raise _base64_error(text)


def _base64_error(text: str) -> InputError:
    """Find what is wrong with Base64 text that does not decode."""
    count = pad = end = 0
    for position, ch in enumerate(text):
        if ch in BLANKS:
            continue
        rest = count % 4
        if ch == "=" and (rest == 2 and pad < 2 or rest == 3 and pad < 1):
            pad += 1
        elif ch == "=" or ch not in _B64_CHARS or pad:
            return error_at("payload.base64", text, position, char=True)
        else:
            count += 1
        end = position + 1
    return error_at("payload.base64_length", text, end, count=count + pad)
