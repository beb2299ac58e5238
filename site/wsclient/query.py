"""Reads the page's query string without urllib, which MicroPython lacks."""

from wsclient.chars import HEX_DIGITS

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable

__all__ = ["bounded_int", "build_query", "parse_query", "quote", "unquote"]

# What a query value may hold as it is: RFC 3986's unreserved characters, and
# ":", "/" and "@", which keep a ws:// address readable in the page's URL.
_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/@"


def quote(text: str) -> str:
    """Percent-encode text for a query value (UTF-8; a space becomes %20)."""
    out = []
    for ch in text:
        if ch in _SAFE:
            out.append(ch)
        else:
            out.append("".join(["%%%02X" % b for b in ch.encode("utf-8", "surrogatepass")]))
    return "".join(out)


def build_query(pairs: "Iterable[tuple[str, str]]") -> str:
    """Write (name, value) pairs as a query string with its "?"; "" when there are none."""
    parts = [quote(name) + "=" + quote(value) for name, value in pairs]
    return "?" + "&".join(parts) if parts else ""


def unquote(text: str) -> str:
    """Decode %XX escapes and '+' as a space; a malformed escape stays as it is."""
    if "%" not in text and "+" not in text:
        return text
    out = bytearray()
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "%" and i + 2 < n and text[i + 1] in HEX_DIGITS and text[i + 2] in HEX_DIGITS:
            out.append(int(text[i + 1 : i + 3], 16))
            i += 3
            continue
        out.extend(b" " if ch == "+" else ch.encode("utf-8"))
        i += 1
    try:
        return out.decode("utf-8")
    except UnicodeError:
        return text


def parse_query(search: str) -> "dict[str, str]":
    """Map each name of a query string (with or without its '?') to its first value."""
    if search.startswith("?"):
        search = search[1:]
    params: "dict[str, str]" = {}
    for part in search.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        name = unquote(name)
        if name not in params:
            params[name] = unquote(value)
    return params


def bounded_int(text: str, default: int, low: int, high: int) -> "tuple[int, bool]":
    """Read a whole number from a parameter.

    Returns:
        (value, ok): the number when text is one within [low, high]; otherwise the
        default, with ok False when text was given but unusable.
    """
    if not text:
        return default, True
    digits = text.strip()
    if not digits or len(digits) > 9 or any(ch not in "0123456789" for ch in digits):
        return default, False
    value = int(digits)
    if value < low or value > high:
        return default, False
    return value, True
