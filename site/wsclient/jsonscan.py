"""Walk JSON text as UTF-8 bytes, without recursion: where it stops being JSON, and its layout.

Written by hand because MicroPython's json is no judge of JSON: it reads "[1,]"
as [1] and "[1 2]" as [1, 2], and its dumps() has no indent. check() finds the
first byte that cannot continue a JSON text, where CPython's json.loads would
refuse it, and reindent() lays valid JSON out as json.dumps(indent=2) does,
keeping keys in order and numbers and strings as they are spelled. Both walk the
bytes with a sentinel byte at the end, so no loop needs a bounds test.
"""

from wsclient.chars import HEX_DIGITS

__all__ = ["Stop", "check", "reindent"]

# Byte classes for the JSON scanner: what may start or continue each token.
_OTHER, _BLANK, _QUOTE, _OPEN, _CLOSE, _COMMA, _COLON, _NUMBER, _WORD, _SCALAR = range(10)


def _byte_kinds() -> bytearray:
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
_HEX_BYTES = HEX_DIGITS.encode()
_WORDS = {0x74: b"true", 0x66: b"false", 0x6E: b"null"}


class Stop(Exception):
    """The byte offset where a JSON text stops making sense, and why.

    token: the bad word that starts at offset ("tru"), when one is to blame.
    """

    def __init__(self, offset: int, detail: str, token: "bytes | None" = None) -> None:
        super().__init__(offset, detail)
        self.offset = offset
        self.detail = detail
        self.token = token


def _plain(data: bytes) -> "tuple[bytes, ...] | None":
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


def _string_end(data: bytes, i: int, size: int, plain: "tuple[bytes, ...] | None") -> int:
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
                raise Stop(size, "unterminated string")
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
                    raise Stop(k, "control character in string")
        if slash < 0:
            if quote < 0:
                raise Stop(size, "unterminated string")
            return quote + 1
        j = slash + 1
        c = data[j]
        if c == 0x75:  # u
            for k in range(j + 1, j + 5):
                if data[k] not in _HEX_BYTES:
                    raise Stop(k, "bad \\u escape")
            j += 5
        elif c in _ESCAPES:
            j += 1
        else:
            raise Stop(j, "bad escape")


def _digits_end(data: bytes, j: int) -> int:
    """Return the offset after the digits at data[j], which must have at least one."""
    if not 0x30 <= data[j] <= 0x39:
        raise Stop(j, "expected a digit")
    j += 1
    while 0x30 <= data[j] <= 0x39:
        j += 1
    return j


def _number_end(data: bytes, i: int) -> int:
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


def _word_end(data: bytes, i: int) -> int:
    word = _WORDS[data[i]]
    if not data.startswith(word, i):
        # Blame the whole word where it starts: in {"b": tru} the fault is "tru", not "}".
        end = i  # the sentinel NUL after the text stops this loop
        while 0x61 <= data[end] <= 0x7A or 0x41 <= data[end] <= 0x5A:
            end += 1
        if end == len(data) - 1 and word.startswith(data[i:end]):
            raise Stop(end, "expected " + word.decode())  # the text ends too soon
        raise Stop(i, "expected " + word.decode(), data[i:end])
    return i + len(word)


def _key_end(data: bytes, i: int, size: int, plain: "tuple[bytes, ...] | None") -> int:
    """Return the offset after `"key":` with its blanks, starting at data[i]."""
    kinds = _KINDS
    while kinds[data[i]] == _BLANK:
        i += 1
    if data[i] != 0x22:
        raise Stop(i, "expected a key")
    i = _string_end(data, i, size, plain)
    while kinds[data[i]] == _BLANK:
        i += 1
    if data[i] != 0x3A:
        raise Stop(i, "expected ':'")
    return i + 1


def check(data: bytes) -> None:
    """Walk UTF-8 JSON text without recursion.

    Raises:
        Stop: at the first byte that cannot continue a JSON text, or at len(data)
            when the text ends too soon.
    """
    size = len(data)
    plain = _plain(data)
    data += b"\x00"  # a sentinel: no token goes on past it, so loops need no bounds test
    kinds = _KINDS
    closers: "list[int]" = []
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
            raise Stop(i, "expected a value")
        # A value ends at data[i]: close what it completes, until a comma asks for more.
        while True:
            while kinds[data[i]] == _BLANK:
                i += 1
            if not closers:
                if i == size:
                    return
                raise Stop(i, "extra data after the value")
            closer = closers[-1]
            if data[i] == 0x2C:  # ,
                i += 1
                if closer == 0x7D:
                    i = _key_end(data, i, size, plain)
                break
            if data[i] != closer:
                raise Stop(i, "expected ',' or '%s'" % chr(closer))
            closers.pop()
            i += 1


def reindent(data: bytes, step: bytes) -> bytes:
    """Lay out valid UTF-8 JSON one member per line, nested by step."""
    size = len(data)
    plain = _plain(data)
    data += b"\x00"
    kinds = _KINDS
    out: list[bytes] = []
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
