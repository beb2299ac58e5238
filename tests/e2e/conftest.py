"""End-to-end fixtures: real servers on port 0 and the page on both interpreters."""

import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.servers import ScriptedServer, TCPServer, echo, reject_with
from wsdev.echo import EchoServer
from wsdev.http import serving

SITE = Path(__file__).resolve().parents[2] / "site"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
INTERPRETERS = ["micropython", "pyodide"]
START_TIMEOUT_MS = 60_000
# What the page logs when one of its own handlers raised (i18n "error.internal").
INTERNAL_ERROR = re.compile(r"^(Erro interno da página|Internal page error):")
# Anything but a WebSocket opening handshake: what a TLS client gets from a plain server.
NOT_TLS = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "allow_hosts(*hosts): the page may ask these hosts too (names that cannot resolve)",
    )


@pytest.fixture(scope="session")
def echo_server():
    """The embedded echo server, as the dev script runs it."""
    with EchoServer() as server:
        yield server


@pytest.fixture(scope="session")
def site_url(echo_server):
    """The dev script's static server, with the echo server as the page's default."""
    with serving(SITE, echo_url=echo_server.url) as url:
        yield url


@pytest.fixture
def scripted_server():
    """Start servers whose handler a test writes; all stop after the test."""
    servers = []

    def start(handler, **options):
        server = ScriptedServer(handler, **options).start()
        servers.append(server)
        return server

    try:
        yield start
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def forbidding_server(scripted_server):
    """A server that refuses every WebSocket handshake with HTTP 403."""
    return scripted_server(echo(), process_request=reject_with())


@pytest.fixture
def subprotocol_server(scripted_server):
    """An echo server that requires the subprotocol chat.v2 (websockets answers 400 without)."""
    return scripted_server(echo(), subprotocols=["chat.v2"])


@pytest.fixture
def silent_server():
    """A TCP server that reads the handshake and never answers it.

    Chromium waits minutes for an opening handshake, so a test cannot wait for the
    timeout; it checks that the page stays usable meanwhile.
    """
    server = TCPServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def plain_tcp_server():
    """A TCP server that answers anything, TLS included, with plain HTTP and hangs up."""
    server = TCPServer(reply=NOT_TLS).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=INTERPRETERS)
def interpreter(request):
    """Every page test runs on MicroPython and on Pyodide."""
    return request.param


@pytest.fixture(autouse=True)
def page_guard(request, page):
    """Fail a test whose page logs a console error or asks another host for anything."""
    marker = request.node.get_closest_marker("allow_console")
    allowed = re.compile(marker.args[0]) if marker else None
    hosts_marker = request.node.get_closest_marker("allow_hosts")
    hosts = LOCAL_HOSTS | set(hosts_marker.args if hosts_marker else ())
    errors = []
    foreign = []

    def on_console(message):
        if message.type == "error" and not (allowed and allowed.search(message.text)):
            errors.append(message.text)

    def on_request(req):
        host = urlsplit(req.url).hostname
        if req.url.startswith(("http", "ws")) and host not in hosts:
            foreign.append(req.url)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("request", on_request)
    page.on("websocket", lambda ws: on_request(ws))
    yield
    assert not foreign, f"the page asked another host: {foreign}"
    assert not errors, f"the browser console logged errors: {errors}"


@pytest.fixture
def no_internal_errors(page):
    """Fail a test whose page caught an exception in its own code and logged it."""
    yield
    notes = page.locator("#messages li.system").evaluate_all(
        "items => items.map(li => li.lastChild ? li.lastChild.textContent : '')"
    )
    caught = [note for note in notes if INTERNAL_ERROR.search(note)]
    assert not caught, f"the page caught errors in its own code: {caught}"


@pytest.fixture
def open_page(page, site_url, interpreter):
    """Open the page with a query string and wait until Python has wired it."""

    def _open(**query):
        page.goto(site_url + "?" + urlencode({"interpreter": interpreter, **query}))
        ready = re.compile(r"\bready\b")
        expect(page.locator("html")).to_have_class(ready, timeout=START_TIMEOUT_MS)
        return page

    return _open


@pytest.fixture
def connected(open_page, echo_server):
    """The page connected to the embedded echo server."""
    page = open_page()
    expect(page.locator("#status")).to_have_class("open")
    return page
