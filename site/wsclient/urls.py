"""Check a WebSocket server URL before the browser does, and say clearly what is wrong."""

from wsclient.chars import BLANKS, HEX_DIGITS
from wsclient.errors import InputError

__all__ = ["ERROR_KEYS", "check_protocols", "check_url"]

# Every key of the InputErrors raised here; each one is an i18n text.
ERROR_KEYS = (
    "url.empty",
    "url.spaces",
    "url.noscheme",
    "url.scheme",
    "url.http",
    "url.slashes",
    "url.nohost",
    "url.host",
    "url.port",
    "url.fragment",
    "protocols.token",
    "protocols.repeated",
)

# Spaces and control characters, ASCII and Unicode: what the browser strips around
# an address and refuses inside one.
_SPACE_CHARS = (
    BLANKS + "".join([chr(c) for c in range(0x21)]) + "".join([chr(c) for c in range(0x7F, 0xA1)])
)
_SPACES = set(_SPACE_CHARS)
# WHATWG URL "forbidden domain code points", plus '"' and '\' which no real host has.
_BAD_HOST = _SPACES | set('#/:<>?@[\\]^|%"')
_DIGITS = "0123456789"
_SCHEME_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SCHEME_CHARS = _SCHEME_FIRST + _DIGITS + "+-."
# RFC 6455 §4.1: a subprotocol is an RFC 7230 token.
_TOKEN = _SCHEME_FIRST + _DIGITS + "!#$%&'*+-.^_`|~"


def _only(text: str, chars: "str | set[str]") -> bool:
    for ch in text:
        if ch not in chars:
            return False
    return True


def _split_scheme(url: str) -> "tuple[str, str]":
    """Return (scheme, rest) or raise url.noscheme when url has no scheme."""
    scheme, colon, rest = url.partition(":")
    if not colon or not scheme or scheme[0] not in _SCHEME_FIRST:
        raise InputError("url.noscheme")
    if not _only(scheme, _SCHEME_CHARS):
        raise InputError("url.noscheme")
    # "localhost:8765" is a host and a port without a scheme, not the scheme "localhost".
    port = rest
    for end in "/?#":
        port = port.partition(end)[0]
    if port and _only(port, _DIGITS):
        raise InputError("url.noscheme")
    return scheme.lower(), rest


def _ipv4_number(part: str) -> "int | None":
    """Parse one part of an IPv4 address as the WHATWG URL parser does, or None."""
    base, digits = 10, _DIGITS
    if part[:2] in ("0x", "0X"):
        base, digits, part = 16, HEX_DIGITS, part[2:]
    elif len(part) > 1 and part[0] == "0":
        base, digits, part = 8, "01234567", part[1:]
    if not part:
        return 0
    if not _only(part, digits):
        return None
    return int(part, base)


def _check_ipv4(host: str) -> None:
    """Reject hosts ending in a number that are not IPv4 addresses, as browsers do."""
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    last = parts[-1]
    if not last or not (_only(last, _DIGITS) or _ipv4_number(last) is not None):
        return
    numbers = [_ipv4_number(part) if part else None for part in parts]
    if len(parts) > 4 or None in numbers:
        raise InputError("url.host", {"host": host})
    for number in numbers[:-1]:
        if number > 255:  # type: ignore[operator]  # None in numbers raised above
            raise InputError("url.host", {"host": host})
    if numbers[-1] >= 256 ** (5 - len(numbers)):
        raise InputError("url.host", {"host": host})


def _check_port(port: str) -> None:
    if port and (not _only(port, _DIGITS) or not 0 < int(port) < 65536):
        raise InputError("url.port", {"port": port})


def _check_host(hostport: str, scheme: str) -> None:
    """Check "host", "host:port" or "[v6]:port" (the authority minus any userinfo)."""
    if hostport.startswith("["):
        host, bracket, port = hostport[1:].partition("]")
        if not bracket or ":" not in host or not _only(host, HEX_DIGITS + ":."):
            raise InputError("url.host", {"host": hostport})
        if port and port[0] != ":":
            raise InputError("url.host", {"host": hostport})
        _check_port(port[1:])
        return
    host, colon, port = hostport.rpartition(":")
    if not colon:
        host, port = port, ""
    if not host:
        raise InputError("url.nohost", {"scheme": scheme})
    for ch in host:
        if ch in _BAD_HOST:
            # A colon in host means an IPv6 address without brackets: show all of it.
            raise InputError("url.host", {"host": hostport if ":" in host else host})
    _check_ipv4(host)
    _check_port(port)


def check_url(text: str) -> str:
    """Check a server URL typed by the user.

    Args:
        text: the URL as typed; surrounding spaces are ignored.

    Returns:
        The URL to give ``new WebSocket()``: the scheme in lowercase, the rest verbatim.

    Raises:
        InputError: with one of ERROR_KEYS and its params for i18n.t.
    """
    url = str(text).strip(_SPACE_CHARS)
    if not url:
        raise InputError("url.empty")
    scheme, rest = _split_scheme(url)
    if scheme in ("http", "https"):
        suggestion = ("wss:" if scheme == "https" else "ws:") + rest
        raise InputError("url.http", {"scheme": scheme, "suggestion": suggestion})
    if scheme not in ("ws", "wss"):
        raise InputError("url.scheme", {"scheme": scheme})
    if not rest.startswith("//"):
        raise InputError("url.slashes", {"scheme": scheme})
    authority = rest[2:]
    for end in "/?#":
        authority = authority.partition(end)[0]
    _check_host(authority.rpartition("@")[2], scheme)
    for ch in url:
        if ch in _SPACES:
            raise InputError("url.spaces")
    if "#" in url:
        raise InputError("url.fragment")
    return scheme + ":" + rest


def check_protocols(text: str) -> "list[str]":
    """Split the subprotocols field ("chat.v2, json") into the list WebSocket takes.

    Raises:
        InputError: a name is not a token ("protocols.token") or is given twice
            ("protocols.repeated"); the browser would throw a SyntaxError for either.
    """
    names: "list[str]" = []
    for part in text.split(","):
        name = part.strip(_SPACE_CHARS)
        if not name:
            continue
        if not _only(name, _TOKEN):
            raise InputError("protocols.token", {"name": name})
        if name in names:
            raise InputError("protocols.repeated", {"name": name})
        names.append(name)
    return names
