"""JSON text: read strictly with the place it goes wrong, laid out, and written.

MicroPython's json is lax and plain: it reads "[1,]" as [1], has no indent, and
writes surrogates raw. So the strict check and the layout are jsonscan's walk
over the bytes, and strings are quoted here; CPython's json.loads, which is
strict and fast, reads the text first when the interpreter has it.
"""

import json

from wsclient import jsonscan
from wsclient.errors import InputError, shown

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from wsclient.errors import ErrorParams

__all__ = [
    "JSON_VIEW_CAP",
    "STRICT_LOADS",
    "json_error",
    "json_string",
    "json_text",
    "looks_like_json",
    "parse_json",
    "parse_json_in",
    "pretty_json",
]

# looks_like_json() says no to longer texts without reading them.
JSON_VIEW_CAP = 1024 * 1024


def _strict_loads() -> bool:
    """Whether json.loads refuses what JSON forbids (CPython) or lets it through (MicroPython)."""
    try:
        json.loads("[1,]")
    except ValueError:
        return True
    return False


# Whether this interpreter's json.loads is a judge of JSON; tests pass False to run
# the path MicroPython takes.
STRICT_LOADS = _strict_loads()


def _no_constant(name: str) -> "NoReturn":
    raise ValueError("%s is not JSON" % name)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")


def _scan_error(text: str, data: "bytes | None" = None) -> "InputError | None":
    """Return the InputError for invalid JSON text by jsonscan's walk, or None when it is valid."""
    if data is None:
        data = _encode(text)
    try:
        jsonscan.check(data)
    except jsonscan.Stop as stop:
        head = data[: stop.offset]
        line_start = head.rfind(b"\n") + 1
        params: "ErrorParams" = {
            "position": len(_decode(head)),
            "line": head.count(b"\n") + 1,
            "column": len(_decode(head[line_start:])) + 1,
            "detail": stop.detail,
        }
        if stop.token:
            params["token"] = _decode(stop.token)
            return InputError("json.word", params)
        if stop.offset == len(data):
            return InputError("json.incomplete", params)
        params["char"] = shown(text[params["position"]])
        return InputError("json.invalid", params)
    return None


def json_error(
    text: str, strict_loads: bool = STRICT_LOADS, data: "bytes | None" = None
) -> "InputError | None":
    """Say what makes text not JSON, the fastest way this interpreter has.

    Args:
        strict_loads: whether json.loads is a judge of JSON (see STRICT_LOADS).
        data: text encoded as UTF-8, when the caller has it already.

    Returns:
        None when text is JSON; otherwise the InputError parse_json would raise.
    """
    if strict_loads:
        try:
            json.loads(text, parse_constant=_no_constant)
            return None
        except (ValueError, RecursionError):
            pass
    return _scan_error(text, data)


def _join_surrogates(text: str) -> str:
    """Turn escaped surrogate pairs, which MicroPython's json keeps apart, into one character."""
    out: "list[str]" = []
    high: "int | None" = None
    for ch in text:
        code = ord(ch)
        if high is not None and 0xDC00 <= code <= 0xDFFF:
            out[-1] = chr(0x10000 + (high - 0xD800 << 10) + code - 0xDC00)
            high = None
            continue
        high = code if 0xD800 <= code <= 0xDBFF else None
        out.append(ch)
    return "".join(out)


def _fix_surrogates(value: object) -> object:
    """Apply _join_surrogates to every string in a parsed value, without recursion."""
    if isinstance(value, str):
        return _join_surrogates(value)
    # A parsed value holds lists and dicts of anything: the walk indexes each as it comes.
    todo: "list[Any]" = [value]
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


def parse_json(text: str, strict_loads: bool = STRICT_LOADS) -> object:
    """Parse JSON text as json.loads does, but say where it goes wrong.

    Accepts exactly RFC 8259 JSON (so not NaN or Infinity), on every interpreter:
    MicroPython's json.loads alone lets through trailing commas and more.

    Args:
        strict_loads: whether json.loads is a judge of JSON (see STRICT_LOADS).

    Raises:
        InputError: "json.invalid" at the first character that cannot continue
            a JSON text; "json.incomplete" when the text ends too soon;
            "json.unreadable" for valid JSON this interpreter cannot read
            (a number with too many digits, very deep nesting).
    """
    if strict_loads:
        try:
            return json.loads(text, parse_constant=_no_constant)
        except (ValueError, RecursionError) as exc:
            failure = _scan_error(text) or InputError("json.unreadable", {"detail": str(exc)})
        raise failure
    error = _scan_error(text)
    if error is not None:
        raise error
    try:
        value = json.loads(text)
    except (ValueError, MemoryError) as exc:
        raise InputError("json.unreadable", {"detail": str(exc)}) from None
    if "\\ud" in text or "\\uD" in text:
        value = _fix_surrogates(value)
    return value


def parse_json_in(text: str, key: str, base: int = 0) -> object:
    """Parse JSON text that a protocol's frame holds from its character base on.

    Raises:
        InputError: key, with the frame's "position" of the fault (parse_json's, moved).
    """
    try:
        return parse_json(text)
    except InputError as exc:
        raise InputError(key, {"position": base + exc.params.get("position", 0)}) from None


def looks_like_json(text: str, strict_loads: bool = STRICT_LOADS) -> bool:
    """Whether text is worth a "view as JSON": an object or array, valid, at most JSON_VIEW_CAP."""
    if len(text) > JSON_VIEW_CAP:
        return False
    start = text.lstrip(" \t\n\r")[:1]
    if start not in ("{", "["):
        return False
    return json_error(text, strict_loads) is None


def pretty_json(text: str, indent: int = 2, strict_loads: bool = STRICT_LOADS) -> str:
    """Re-indent JSON text as json.dumps(indent=2) lays it out, changing nothing else.

    Keys keep their order (MicroPython's dicts would lose it), and numbers and
    strings keep their spelling, escapes included.

    Raises:
        InputError: text is not JSON, as parse_json says.
    """
    data = _encode(text)
    error = json_error(text, strict_loads, data)
    if error is not None:
        raise error
    return _decode(jsonscan.reindent(data, b" " * indent))


# --- JSON output -------------------------------------------------------------------------

_SHORT_ESCAPES = {"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROLS = [chr(c) for c in range(0x20)]


def _has_surrogate(text: str) -> bool:
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


def json_string(text: str) -> str:
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


def json_text(value: object) -> str:
    """value as compact JSON text (JSON.stringify's), the same on every interpreter.

    CPython's json.dumps escapes every non-ASCII character and MicroPython's does not,
    and both put spaces after separators: a protocol's packet, which a test compares
    as text, is written here instead.
    """
    if isinstance(value, str):
        return json_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join([json_text(item) for item in value]) + "]"
    if isinstance(value, dict):
        items = [json_string(str(key)) + ":" + json_text(item) for key, item in value.items()]
        return "{" + ",".join(items) + "}"
    return json.dumps(value)


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if ch == "\\" or ch == '"':
        return "\\" + ch
    if code < 0x20:
        return _SHORT_ESCAPES.get(ch) or "\\u%04x" % code
    if 0xD800 <= code <= 0xDFFF:
        return "\\u%04x" % code
    return ch
