"""wsclient.urls: server addresses and subprotocols, checked as the browser would."""

from conformance.runner import table
from wsclient import urls
from wsclient.errors import InputError


def _check(function, text):
    """What function makes of text: its result, or the InputError's [key, params]."""
    try:
        return function(text)
    except InputError as exc:
        return [exc.key, exc.params]


def _args(text):
    """An InputError's args, which are its key and params."""
    try:
        urls.check_url(text)
    except ValueError as exc:
        return list(exc.args)
    return None


URLS = [
    ("ws://localhost:8765", "ws://localhost:8765"),
    ("  WSS://Example.com:443/chat?room=1 ", "wss://Example.com:443/chat?room=1"),
    (" WS://h:1/p?q ", "ws://h:1/p?q"),
    ("\u3000ws://host/\xa0", "ws://host/"),
    ("ws://user:pass@host/", "ws://user:pass@host/"),
    ("ws://[::1]:8765/", "ws://[::1]:8765/"),
    ("ws://ñandú.example/", "ws://ñandú.example/"),
    ("ws://0x7f.1/", "ws://0x7f.1/"),
    ("ws://host/\x7f", "ws://host/"),
    ("", ["url.empty", {}]),
    (" \t ", ["url.empty", {}]),
    ("x", ["url.noscheme", {}]),
    ("not a url", ["url.noscheme", {}]),
    ("localhost:8765", ["url.noscheme", {}]),
    ("javascript:alert(1)", ["url.scheme", {"scheme": "javascript"}]),
    ("data:text/plain,hi", ["url.scheme", {"scheme": "data"}]),
    ("http://host/x", ["url.http", {"scheme": "http", "suggestion": "ws://host/x"}]),
    ("https://host/x", ["url.http", {"scheme": "https", "suggestion": "wss://host/x"}]),
    ("ws:host", ["url.slashes", {"scheme": "ws"}]),
    ("ws://", ["url.nohost", {"scheme": "ws"}]),
    ("ws://:80/", ["url.nohost", {"scheme": "ws"}]),
    ("ws://host:99999", ["url.port", {"port": "99999"}]),
    ("ws://host:abc", ["url.port", {"port": "abc"}]),
    ("ws://host:0", ["url.port", {"port": "0"}]),
    ("ws://host/#top", ["url.fragment", {}]),
    ("ws://h#f", ["url.fragment", {}]),
    ("ws://[::1", ["url.host", {"host": "[::1"}]),
    ("ws://[::1]x", ["url.host", {"host": "[::1]x"}]),
    ("ws://exa mple/", ["url.host", {"host": "exa mple"}]),
    ("ws://a\u3000b/", ["url.host", {"host": "a\u3000b"}]),
    ("ws://a%41/", ["url.host", {"host": "a%41"}]),
    ("ws://1.2.3.256/", ["url.host", {"host": "1.2.3.256"}]),
    ("ws://09/", ["url.host", {"host": "09"}]),
    ("ws://host/a b", ["url.spaces", {}]),
]

PROTOCOLS = [
    ("", []),
    (" chat.v2, json ,,", ["chat.v2", "json"]),
    ("a b", ["protocols.token", {"name": "a b"}]),
    ("x,x", ["protocols.repeated", {"name": "x"}]),
    ("\u3000mqtt\u00a0", ["mqtt"]),
]

CASES = (
    table("check_url", lambda text: _check(urls.check_url, text), URLS)
    + table("check_protocols", lambda text: _check(urls.check_protocols, text), PROTOCOLS)
    + [
        ("error args are key and params", lambda: _args("ws://h:0"), ["url.port", {"port": "0"}]),
        (
            "error keys",
            lambda: list(urls.ERROR_KEYS),
            [
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
            ],
        ),
    ]
)
