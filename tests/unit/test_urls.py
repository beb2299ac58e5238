"""Tests of wsclient.urls: checking the server URL the user typed."""

import re
from string import Formatter
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient import urls
from wsclient.errors import InputError
from wsclient.i18n import LANGS, t
from wsclient.urls import ERROR_KEYS, check_url


@pytest.mark.parametrize(
    "text, url",
    [
        ("ws://localhost:8765", "ws://localhost:8765"),
        ("wss://example.com/chat?room=1&x=%20", "wss://example.com/chat?room=1&x=%20"),
        ("  ws://localhost:8765/ \n", "ws://localhost:8765/"),
        ("\u3000ws://host/\u00a0", "ws://host/"),
        ("WS://Host:1/Path", "ws://Host:1/Path"),
        ("wSs://host", "wss://host"),
        ("ws://user:pass@host/", "ws://user:pass@host/"),
        ("ws://[::1]:8765/", "ws://[::1]:8765/"),
        ("ws://[::ffff:127.0.0.1]/", "ws://[::ffff:127.0.0.1]/"),
        ("ws://127.0.0.1:65535", "ws://127.0.0.1:65535"),
        ("ws://ñandú.example/", "ws://ñandú.example/"),
        ("ws://host:/", "ws://host:/"),
        ("ws://0x7f.1/", "ws://0x7f.1/"),
        ("ws://host?x", "ws://host?x"),
    ],
)
def test_check_url_accepts_and_normalises(text, url):
    """A valid URL comes back trimmed, with its scheme in lowercase."""
    assert check_url(text) == url


@pytest.mark.parametrize(
    "text, key, params",
    [
        ("", "url.empty", {}),
        ("  \t\n", "url.empty", {}),
        ("ws://host/a b", "url.spaces", {}),
        ("ws://host/\x00x", "url.spaces", {}),
        ("ws://us er@host/", "url.spaces", {}),
        ("not a url", "url.noscheme", {}),
        ("localhost:8765", "url.noscheme", {}),
        ("localhost:8765/chat", "url.noscheme", {}),
        ("127.0.0.1:8765", "url.noscheme", {}),
        ("//host/", "url.noscheme", {}),
        ("javascript:alert(1)", "url.scheme", {"scheme": "javascript"}),
        ("data:text/plain,hi", "url.scheme", {"scheme": "data"}),
        ("FILE:///etc/passwd", "url.scheme", {"scheme": "file"}),
        ("http://host/x", "url.http", {"scheme": "http", "suggestion": "ws://host/x"}),
        ("https://host/x", "url.http", {"scheme": "https", "suggestion": "wss://host/x"}),
        ("ws:host", "url.slashes", {"scheme": "ws"}),
        ("wss:/host", "url.slashes", {"scheme": "wss"}),
        ("ws://", "url.nohost", {"scheme": "ws"}),
        ("ws:///path", "url.nohost", {"scheme": "ws"}),
        ("ws://:8765", "url.nohost", {"scheme": "ws"}),
        ("ws://user@/", "url.nohost", {"scheme": "ws"}),
        ("ws://host:99999", "url.port", {"port": "99999"}),
        ("ws://host:0", "url.port", {"port": "0"}),
        ("ws://host:abc", "url.port", {"port": "abc"}),
        ("ws://host:+80", "url.port", {"port": "+80"}),
        ("ws://[::1]:70000/", "url.port", {"port": "70000"}),
        ("ws://host/#top", "url.fragment", {}),
        ("ws://host#", "url.fragment", {}),
        ("ws://[::1", "url.host", {"host": "[::1"}),
        ("ws://[::1]x/", "url.host", {"host": "[::1]x"}),
        ("ws://[host]/", "url.host", {"host": "[host]"}),
        ("ws://::1/", "url.host", {"host": "::1"}),
        ("ws://exa mple/", "url.host", {"host": "exa mple"}),
        ("ws://a<b/", "url.host", {"host": "a<b"}),
        ("ws://a>b/", "url.host", {"host": "a>b"}),
        ('ws://a"b/', "url.host", {"host": 'a"b'}),
        ("ws://a\\b/", "url.host", {"host": "a\\b"}),
        ("ws://a^b/", "url.host", {"host": "a^b"}),
        ("ws://a|b/", "url.host", {"host": "a|b"}),
        ("ws://a%41/", "url.host", {"host": "a%41"}),
        ("ws://1.2.3.256/", "url.host", {"host": "1.2.3.256"}),
        ("ws://1.2.3.4.5/", "url.host", {"host": "1.2.3.4.5"}),
        ("ws://host.09/", "url.host", {"host": "host.09"}),
    ],
)
def test_check_url_rejects_with_reason(text, key, params):
    """A bad URL raises InputError with the key and params that explain it."""
    with pytest.raises(InputError) as info:
        check_url(text)
    assert (info.value.key, info.value.params) == (key, params)


@pytest.mark.parametrize("key", ERROR_KEYS)
def test_every_error_key_has_texts(key):
    """Every error key is a text in each language."""
    for lang in LANGS:
        assert t(lang, key) != key


_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_DOMAIN = (
    st.lists(_LABEL, min_size=1, max_size=4)
    .map(".".join)
    # A last label that is a number ("8", "0x", "0x1f") makes the host an IPv4 address
    # to browsers (the URL Standard's "ends in a number"), so it is no domain.
    .filter(lambda host: not re.fullmatch(r"\d+|0x[0-9a-f]*", host.rsplit(".", 1)[-1]))
)
_IPV4 = st.lists(st.integers(0, 255), min_size=4, max_size=4).map(
    lambda parts: ".".join(map(str, parts))
)
_IPV6 = st.ip_addresses(v=6).map(lambda address: "[%s]" % address)
_PATH = st.text("abcXYZ019-._~!$&'()*+,;=:@%/", max_size=20).map(lambda path: "/" + path)


@given(
    st.sampled_from(["ws", "wss", "WS", "Wss"]),
    st.one_of(_DOMAIN, _IPV4, _IPV6),
    st.one_of(st.none(), st.integers(1, 65535)),
    _PATH,
    st.one_of(st.none(), st.text("abc=&%20", max_size=10)),
)
def test_valid_urls_round_trip(scheme, host, port, path, query):
    """A well-formed URL comes back unchanged but for the scheme, and parses to its parts."""
    url = scheme + "://" + host + ("" if port is None else ":%d" % port) + path
    if query is not None:
        url += "?" + query
    result = check_url(url)
    assert result == scheme.lower() + url[len(scheme) :]
    parts = urlsplit(result)
    assert (parts.scheme, parts.port, parts.path) == (scheme.lower(), port, path)
    assert parts.hostname == host.strip("[]").lower()


@given(st.text())
def test_check_url_raises_only_input_error(text):
    """Any text gives a URL that checks again unchanged, or an InputError its texts can show."""
    try:
        url = check_url(text)
    except InputError as error:
        assert error.key in ERROR_KEYS
        for lang in LANGS:
            template = t(lang, error.key)
            fields = {name for _, name, _, _ in Formatter().parse(template) if name}
            assert fields == set(error.params)
    else:
        assert url.startswith(("ws://", "wss://")) and "#" not in url
        assert check_url(url) == url


@given(st.text(alphabet="ws:/[]@#?.0123456789abc%\\ ", max_size=30))
def test_check_url_handles_url_like_text(text):
    """Text made of URL characters gives a URL or an InputError, nothing else."""
    try:
        check_url(text)
    except InputError as error:
        assert error.key in ERROR_KEYS


def test_protocols_field_splits_on_commas():
    """The subprotocols field becomes a list of names, blanks dropped."""
    assert urls.check_protocols(" chat.v2, json ,,") == ["chat.v2", "json"]


def test_empty_protocols_field_offers_none():
    """An empty field offers no subprotocol."""
    assert urls.check_protocols("") == []


@pytest.mark.parametrize(
    ("text", "key"), [("a b", "protocols.token"), ("x,x", "protocols.repeated")]
)
def test_bad_protocols_are_named(text, key):
    """A name that is not a token, or one given twice, is refused with its key."""
    with pytest.raises(InputError) as caught:
        urls.check_protocols(text)
    assert caught.value.key == key
