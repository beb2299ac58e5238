"""Turn payloads into text for the log, and what the user types into payloads."""

import binascii
import json

__all__ = [
    "JSON_VIEW_CAP",
    "PayloadError",
    "hex_dump",
    "hex_pairs",
    "json_string",
    "looks_like_json",
    "parse_base64",
    "parse_hex",
    "parse_json",
    "pretty_json",
    "to_base64",
    "utf8_len",
    "utf16_index",
]

# looks_like_json() says no to longer texts without reading them.
JSON_VIEW_CAP = 1024 * 1024

# What hex and Base64 input may have between its characters: ASCII whitespace and
# the Unicode spaces a copy from a web page brings along. Spelled out, because
# MicroPython's str.isspace() only knows ASCII.
_BLANKS = (
    " \t\n\r\v\f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_HEX_SEPARATORS = _BLANKS + ",:"
_HEX_DIGITS = "0123456789abcdefABCDEF"
_B64_STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_CHARS = _B64_STANDARD + "-_"
# Each byte as itself in the ASCII column of a hex dump, or "." when it is not printable.
_DUMP_ASCII = "".join([chr(b) if 0x20 <= b < 0x7F else "." for b in range(256)])


class PayloadError(ValueError):
    """Text that is not a valid payload in its mode; args are (key, params) for i18n.t.

    params has "position" (0-based index of the character at fault, len(text) when
    the text ends too soon) and 1-based "line" and "column"; "char" is the character
    at fault as shown to the user, when there is one.
    """

    def __init__(self, key, params=None):
        params = params or {}
        super().__init__(key, params)
        self.key = key
        self.params = params


def hex_pairs(data, limit=None):
    """Show bytes as lowercase hex pairs separated by spaces: b"\\xde\\xad" -> "de ad".

    Args:
        data: bytes, bytearray or memoryview.
        limit: show at most this many bytes, then " …" when there are more.
    """
    more = limit is not None and len(data) > limit
    if more:
        data = data[: max(limit, 0)]
    text = binascii.hexlify(data, " ").decode() if len(data) else ""
    if more:
        text = text + " …" if text else "…"
    return text


def utf8_len(text):
    """Count the UTF-8 bytes of text; a lone surrogate counts as 3 bytes."""
    try:
        return len(text.encode("utf-8"))
    except UnicodeError:
        # CPython refuses lone surrogates; MicroPython encodes them as 3 bytes anyway.
        return len(text.encode("utf-8", "surrogatepass"))


def utf16_index(text, position):
    """Turn a character index into text into the UTF-16 index a browser's text field uses."""
    head = text[:position].encode("utf-8", "surrogatepass")
    # Each character beyond U+FFFF is 4 bytes in UTF-8 and 2 units in UTF-16.
    return position + sum([head.count(bytes([lead])) for lead in (0xF0, 0xF1, 0xF2, 0xF3, 0xF4)])


def hex_dump(data, width=16, limit=None):
    """Dump bytes as `hexdump -C` does: offset, hex pairs, and the printable ASCII.

    "00000000  de ad be ef 41 42  |....AB|": an 8-digit offset, the pairs with an
    extra space after every 8th, padding so the ASCII column lines up, then
    the bytes between bars with "." for those outside 0x20..0x7e.

    Args:
        data: bytes, bytearray or memoryview.
        width: bytes per line.
        limit: dump at most this many bytes.

    Returns:
        A list of lines, empty when there are no bytes.
    """
    if width < 1:
        raise ValueError("width must be positive")
    end = len(data) if limit is None else max(0, min(limit, len(data)))
    pad = 3 * width + (width - 1) // 8 + 1
    lines = []
    for start in range(0, end, width):
        chunk = data[start : min(start + width, end)]
        pairs = binascii.hexlify(chunk, " ").decode()
        if len(chunk) > 8:
            groups = [pairs[i : i + 24] for i in range(0, len(pairs), 24)]
            pairs = "  ".join([group.rstrip(" ") for group in groups])
        text = "".join([_DUMP_ASCII[b] for b in chunk])
        lines.append("%08x  %s%s|%s|" % (start, pairs, " " * (pad - len(pairs)), text))
    return lines


def _shown(ch):
    """Show one character in an error message: itself, or U+XXXX when it is invisible."""
    code = ord(ch)
    if code <= 0x20 or 0x7F <= code <= 0xA0 or 0xD800 <= code <= 0xDFFF or ch in _BLANKS:
        return "U+%04X" % code
    return ch


def _error(key, text, position, **params):
    """Build the PayloadError for text at the character index position."""
    head = text[:position]
    params["position"] = position
    params["line"] = head.count("\n") + 1
    params["column"] = position - head.rfind("\n")
    return PayloadError(key, params)


def _bad_char(key, text, position):
    return _error(key, text, position, char=_shown(text[position]))


# --- hex ---------------------------------------------------------------------------------


def parse_hex(text):
    """Read the bytes that hex text spells.

    Bytes are written as pairs of hex digits in either case, in groups separated
    by spaces, line breaks, commas or colons; each group may start with 0x. So
    "de ad be ef", "DEADBEEF", "0xde, 0xad" and "de:ad" all work; so does "".

    Raises:
        PayloadError: "payload.hex" at the first character that does not belong;
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


def _parse_hex_groups(text, flat):
    """Read hex group by group, to say where it goes wrong; flat has every separator as " "."""
    digits = []
    start = 0
    for group in flat.split(" "):
        size = len(group)
        if size:
            body = group[2:] if group[:2] in ("0x", "0X") else group
            if body.strip(_HEX_DIGITS):
                offset = start + size - len(body)
                for ch in body:
                    if ch not in _HEX_DIGITS:
                        raise _bad_char("payload.hex", text, offset)
                    offset += 1
            if not body or len(body) % 2:
                raise _error("payload.hex_odd", text, start + size)
            digits.append(body)
        start += size + 1
    return bytes.fromhex("".join(digits))


# --- Base64 ------------------------------------------------------------------------------


def _native_base64():
    """Whether binascii is CPython's C module rather than MicroPython's slow Python one."""
    try:
        return binascii.a2b_base64(b"YQ==", strict_mode=True) == b"a"
    except TypeError:
        return False


_NATIVE_BASE64 = _native_base64()
_PAIRS = None


def _pairs():
    """The 4096 pairs of Base64 characters, by the 12 bits they stand for (built on first use)."""
    global _PAIRS
    if _PAIRS is None:
        _PAIRS = [a + b for a in _B64_STANDARD for b in _B64_STANDARD]
    return _PAIRS


def _sixes():
    """Map each byte to the 6 bits it stands for in Base64 (0 for bytes outside it)."""
    table = bytearray(256)
    for i, ch in enumerate(_B64_CHARS):
        # The URL-safe "-" and "_" (at 64 and 65) stand for 62 and 63.
        table[ord(ch)] = i if i < 64 else i - 2
    return bytes(table)


_SIXES = _sixes()


def _encode_base64(data):
    """Encode bytes as padded standard Base64 in pure Python, 3 bytes at a time."""
    pairs = _pairs()
    size = len(data)
    whole = size - size % 3
    parts = []
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


def _decode_base64(body):
    """Decode Base64 without padding or blanks (either alphabet) in pure Python.

    Raises:
        ValueError: body has a character outside both alphabets.
    """
    if body.strip(_B64_CHARS):
        raise ValueError("not base64")
    sixes = _SIXES
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


def to_base64(data):
    """Encode bytes as standard Base64 with padding and no line breaks."""
    if _NATIVE_BASE64:
        return binascii.b2a_base64(data, newline=False).decode()
    return _encode_base64(data)


def parse_base64(text):
    """Read the bytes that Base64 text spells.

    Takes the standard (+/) and URL-safe (-_) alphabets, blanks anywhere, and the
    "=" padding either complete or left out.

    Raises:
        PayloadError: "payload.base64" at the first character that does not belong;
            "payload.base64_length" when the characters do not make whole bytes.
    """
    flat = text
    for ch in _BLANKS:
        if ch in flat:
            flat = flat.replace(ch, "")
    body = flat.rstrip("=")
    pad = len(flat) - len(body)
    rest = len(body) % 4
    if rest != 1 and (not pad or rest >= 2 and rest + pad == 4):
        try:
            if not _NATIVE_BASE64:
                return _decode_base64(body)
            std = body.replace("-", "+").replace("_", "/") + "=" * (-rest % 4)
            return binascii.a2b_base64(std.encode("ascii"), strict_mode=True)
        except ValueError:
            pass
    raise _base64_error(text)


def _base64_error(text):
    """Find what is wrong with Base64 text that does not decode."""
    count = pad = end = 0
    for position, ch in enumerate(text):
        if ch in _BLANKS:
            continue
        rest = count % 4
        if ch == "=" and (rest == 2 and pad < 2 or rest == 3 and pad < 1):
            pad += 1
        elif ch == "=" or ch not in _B64_CHARS or pad:
            return _bad_char("payload.base64", text, position)
        else:
            count += 1
        end = position + 1
    return _error("payload.base64_length", text, end, length=count + pad)


# --- JSON --------------------------------------------------------------------------------


def _strict_loads():
    """Whether json.loads refuses what JSON forbids (CPython) or lets it through (MicroPython)."""
    try:
        json.loads("[1,]")
    except ValueError:
        return True
    return False


_STRICT_LOADS = _strict_loads()
# Byte classes for the JSON scanner: what may start or continue each token.
_OTHER, _BLANK, _QUOTE, _OPEN, _CLOSE, _COMMA, _COLON, _NUMBER, _WORD, _SCALAR = range(10)


def _byte_kinds():
    kinds = bytearray(256)
    for chars, kind in (
        (b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.+", _SCALAR),
        (b"tfn", _WORD),
        (b"-0123456789", _NUMBER),
        (b" \t\n\r", _BLANK),
        (b'"', _QUOTE),
        (b"[{", _OPEN),
        (b"]}", _CLOSE),
        (b",", _COMMA),
        (b":", _COLON),
    ):
        for c in chars:
            kinds[c] = kind
    return kinds


_KINDS = _byte_kinds()
_ESCAPES = b'"\\/bfnrt'
_HEX_BYTES = b"0123456789abcdefABCDEF"
_WORDS = {0x74: b"true", 0x66: b"false", 0x6E: b"null"}


class _Stop(Exception):
    """The byte offset where a JSON text stops making sense, and why."""

    def __init__(self, offset, detail):
        super().__init__(offset, detail)
        self.offset = offset
        self.detail = detail


def _no_constant(name):
    raise ValueError("%s is not JSON" % name)


def _encode(text):
    return text.encode("utf-8", "surrogatepass")


def _decode(data):
    return data.decode("utf-8", "surrogatepass")


def _plain(data):
    """Say how strings in data may be scanned fast: by the next quote, if nothing stands in the way.

    Returns:
        None when data has a backslash or a control byte other than tab, LF and CR;
        otherwise the blanks among those that data has: a string holding one is invalid.
    """
    if b"\\" in data:
        return None
    blanks = tuple([blank for blank in (b"\t", b"\n", b"\r") if blank in data])
    rest = data
    for blank in blanks:
        rest = rest.replace(blank, b"")
    if rest and min(rest) < 0x20:
        return None
    return blanks


def _string_end(data, i, size, plain):
    """Return the offset after the string that opens at data[i] (a quote).

    data ends with a sentinel byte at data[size]; plain is _plain(data[:size]).
    """
    if plain is not None:
        quote = data.find(b'"', i + 1, size)
        for blank in plain:
            if quote < 0 or data.find(blank, i + 1, quote) >= 0:
                break
        else:
            if quote < 0:
                raise _Stop(size, "unterminated string")
            return quote + 1
    j = i + 1
    quote = -1
    while True:
        if quote < j:
            quote = data.find(b'"', j, size)
        end = size if quote < 0 else quote
        slash = data.find(b"\\", j, end)
        stop = end if slash < 0 else slash
        if stop > j and min(data[j:stop]) < 0x20:
            for k in range(j, stop):
                if data[k] < 0x20:
                    raise _Stop(k, "control character in string")
        if slash < 0:
            if quote < 0:
                raise _Stop(size, "unterminated string")
            return quote + 1
        j = slash + 1
        c = data[j]
        if c == 0x75:  # u
            for k in range(j + 1, j + 5):
                if data[k] not in _HEX_BYTES:
                    raise _Stop(k, "bad \\u escape")
            j += 5
        elif c in _ESCAPES:
            j += 1
        else:
            raise _Stop(j, "bad escape")


def _digits_end(data, j):
    """Return the offset after the digits at data[j], which must have at least one."""
    if not 0x30 <= data[j] <= 0x39:
        raise _Stop(j, "expected a digit")
    j += 1
    while 0x30 <= data[j] <= 0x39:
        j += 1
    return j


def _number_end(data, i):
    j = i + 1 if data[i] == 0x2D else i  # -
    j = j + 1 if data[j] == 0x30 else _digits_end(data, j)
    if data[j] == 0x2E:  # .
        j = _digits_end(data, j + 1)
    if data[j] == 0x65 or data[j] == 0x45:  # e E
        j += 1
        if data[j] == 0x2B or data[j] == 0x2D:  # + -
            j += 1
        j = _digits_end(data, j)
    return j


def _word_end(data, i):
    word = _WORDS[data[i]]
    if not data.startswith(word, i):
        for k in range(i, i + len(word)):
            if data[k] != word[k - i]:
                raise _Stop(k, "expected " + word.decode())
    return i + len(word)


def _key_end(data, i, size, plain):
    """Return the offset after `"key":` with its blanks, starting at data[i]."""
    kinds = _KINDS
    while kinds[data[i]] == _BLANK:
        i += 1
    if data[i] != 0x22:
        raise _Stop(i, "expected a key")
    i = _string_end(data, i, size, plain)
    while kinds[data[i]] == _BLANK:
        i += 1
    if data[i] != 0x3A:
        raise _Stop(i, "expected ':'")
    return i + 1


def _json_check(data):
    """Walk UTF-8 JSON text without recursion; raise _Stop where it first goes wrong."""
    size = len(data)
    plain = _plain(data)
    data += b"\x00"  # a sentinel: no token goes on past it, so loops need no bounds test
    kinds = _KINDS
    closers = []
    i = 0
    while True:
        # A value is due at data[i].
        kind = kinds[data[i]]
        while kind == _BLANK:
            i += 1
            kind = kinds[data[i]]
        if kind == _QUOTE:
            i = _string_end(data, i, size, plain)
        elif kind == _NUMBER:
            i = _number_end(data, i)
        elif kind == _OPEN:
            closer = data[i] + 2  # [ -> ], { -> }
            i += 1
            while kinds[data[i]] == _BLANK:
                i += 1
            if data[i] == closer:
                i += 1
            else:
                closers.append(closer)
                if closer == 0x7D:
                    i = _key_end(data, i, size, plain)
                continue
        elif kind == _WORD:
            i = _word_end(data, i)
        else:
            raise _Stop(i, "expected a value")
        # A value ends at data[i]: close what it completes, until a comma asks for more.
        while True:
            while kinds[data[i]] == _BLANK:
                i += 1
            if not closers:
                if i == size:
                    return
                raise _Stop(i, "extra data after the value")
            closer = closers[-1]
            if data[i] == 0x2C:  # ,
                i += 1
                if closer == 0x7D:
                    i = _key_end(data, i, size, plain)
                break
            if data[i] != closer:
                raise _Stop(i, "expected ',' or '%s'" % chr(closer))
            closers.pop()
            i += 1


def _json_error(text, data=None):
    """Return the PayloadError for invalid JSON text, or None when it is valid."""
    if data is None:
        data = _encode(text)
    try:
        _json_check(data)
    except _Stop as stop:
        head = data[: stop.offset]
        line_start = head.rfind(b"\n") + 1
        params = {
            "position": len(_decode(head)),
            "line": head.count(b"\n") + 1,
            "column": len(_decode(head[line_start:])) + 1,
            "detail": stop.detail,
        }
        if stop.offset == len(data):
            return PayloadError("json.incomplete", params)
        params["char"] = _shown(text[params["position"]])
        return PayloadError("json.invalid", params)
    return None


def _join_surrogates(text):
    """Turn escaped surrogate pairs, which MicroPython's json keeps apart, into one character."""
    out = []
    high = None
    for ch in text:
        code = ord(ch)
        if high is not None and 0xDC00 <= code <= 0xDFFF:
            out[-1] = chr(0x10000 + (high - 0xD800 << 10) + code - 0xDC00)
            high = None
            continue
        high = code if 0xD800 <= code <= 0xDBFF else None
        out.append(ch)
    return "".join(out)


def _fix_surrogates(value):
    """Apply _join_surrogates to every string in a parsed value, without recursion."""
    if isinstance(value, str):
        return _join_surrogates(value)
    todo = [value]
    while todo:
        node = todo.pop()
        items = list(node.items()) if isinstance(node, dict) else enumerate(node)
        for key, item in items:
            if isinstance(item, str):
                node[key] = _join_surrogates(item)
            elif isinstance(item, (list, dict)):
                todo.append(item)
            if isinstance(key, str) and _join_surrogates(key) != key:
                node[_join_surrogates(key)] = node.pop(key)
    return value


def _syntax_error(text, data=None):
    """Return the PayloadError for text that is not JSON, or None; the fastest way here."""
    if _STRICT_LOADS:
        try:
            json.loads(text, parse_constant=_no_constant)
            return None
        except (ValueError, RecursionError):
            pass
    return _json_error(text, data)


def parse_json(text):
    """Parse JSON text as json.loads does, but say where it goes wrong.

    Accepts exactly RFC 8259 JSON (so not NaN or Infinity), on every interpreter:
    MicroPython's json.loads alone lets through trailing commas and more.

    Raises:
        PayloadError: "json.invalid" at the first character that cannot continue
            a JSON text; "json.incomplete" when the text ends too soon;
            "json.unreadable" for valid JSON this interpreter cannot read
            (a number with too many digits, very deep nesting).
    """
    if _STRICT_LOADS:
        try:
            return json.loads(text, parse_constant=_no_constant)
        except (ValueError, RecursionError) as exc:
            failure = _json_error(text) or PayloadError("json.unreadable", {"detail": str(exc)})
        raise failure
    error = _json_error(text)
    if error is not None:
        raise error
    try:
        value = json.loads(text)
    except (ValueError, MemoryError) as exc:
        raise PayloadError("json.unreadable", {"detail": str(exc)}) from None
    if "\\ud" in text or "\\uD" in text:
        value = _fix_surrogates(value)
    return value


def looks_like_json(text):
    """Whether text is worth a "view as JSON": an object or array, valid, at most JSON_VIEW_CAP."""
    if len(text) > JSON_VIEW_CAP:
        return False
    start = text.lstrip(" \t\n\r")[:1]
    if start not in ("{", "["):
        return False
    return _syntax_error(text) is None


def pretty_json(text, indent=2):
    """Re-indent JSON text as json.dumps(indent=2) lays it out, changing nothing else.

    Keys keep their order (MicroPython's dicts would lose it), and numbers and
    strings keep their spelling, escapes included.

    Raises:
        PayloadError: text is not JSON, as parse_json says.
    """
    data = _encode(text)
    error = _syntax_error(text, data)
    if error is not None:
        raise error
    return _decode(_reindent(data, b" " * indent))


def _reindent(data, step):
    """Lay out valid UTF-8 JSON one member per line, nested by step."""
    size = len(data)
    plain = _plain(data)
    data += b"\x00"
    kinds = _KINDS
    out = []
    append = out.append
    indents = [b"\n"]
    depth = 0
    i = 0
    while i < size:
        kind = kinds[data[i]]
        if kind == _BLANK:
            i += 1
        elif kind == _QUOTE:
            j = _string_end(data, i, size, plain)
            append(data[i:j])
            i = j
        elif kind == _OPEN:
            j = i + 1
            while kinds[data[j]] == _BLANK:
                j += 1
            if kinds[data[j]] == _CLOSE:
                append(data[i : i + 1] + data[j : j + 1])
                i = j + 1
                continue
            depth += 1
            if depth == len(indents):
                indents.append(indents[-1] + step)
            append(data[i : i + 1] + indents[depth])
            i += 1
        elif kind == _CLOSE:
            depth -= 1
            append(indents[depth] + data[i : i + 1])
            i += 1
        elif kind == _COMMA:
            append(b"," + indents[depth])
            i += 1
        elif kind == _COLON:
            append(b": ")
            i += 1
        else:
            j = i + 1
            while kinds[data[j]] >= _NUMBER:
                j += 1
            append(data[i:j])
            i = j
    return b"".join(out)


# --- JSON output -------------------------------------------------------------------------

_SHORT_ESCAPES = {"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROLS = [chr(c) for c in range(0x20)]


def _has_surrogate(text):
    """Whether text has a surrogate code point, which no valid UTF-8 can carry."""
    try:
        data = text.encode("utf-8")
    except UnicodeError:
        return True  # CPython
    # MicroPython encodes U+D800..U+DFFF anyway, as ED A0..BF xx.
    i = data.find(b"\xed")
    while i >= 0:
        if data[i + 1] >= 0xA0:
            return True
        i = data.find(b"\xed", i + 1)
    return False


def json_string(text):
    """Quote text as a JSON string, the same on every interpreter.

    Like json.dumps(text, ensure_ascii=False): only the quote, the backslash and
    control characters are escaped. Surrogates become \\udxxx escapes too, so the
    result is always valid JSON that encodes as UTF-8; MicroPython's json.dumps
    writes them raw.
    """
    if _has_surrogate(text):
        return '"' + "".join([_escape_char(ch) for ch in text]) + '"'
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    if text and min(text) < " ":
        for ch in _CONTROLS:
            if ch in text:
                text = text.replace(ch, _escape_char(ch))
    return '"' + text + '"'


def _escape_char(ch):
    code = ord(ch)
    if ch == "\\" or ch == '"':
        return "\\" + ch
    if code < 0x20:
        return _SHORT_ESCAPES.get(ch) or "\\u%04x" % code
    if 0xD800 <= code <= 0xDFFF:
        return "\\u%04x" % code
    return ch
