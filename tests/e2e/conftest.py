"""End-to-end fixtures: real servers on port 0 and the page on both interpreters."""

import re
import threading
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.servers import ScriptedServer
from wsdev.echo import EchoServer
from wsdev.http import make_http_server

SITE = Path(__file__).resolve().parents[2] / "site"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
INTERPRETERS = ["micropython", "pyodide"]
START_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session")
def echo_server():
    """The embedded echo server, as the dev script runs it."""
    with EchoServer() as server:
        yield server


@pytest.fixture(scope="session")
def site_url(echo_server):
    """The dev script's static server, with the echo server as the page's default."""
    server = make_http_server(SITE, echo_url=echo_server.url, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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


@pytest.fixture(params=INTERPRETERS)
def interpreter(request):
    """Every page test runs on MicroPython and on Pyodide."""
    return request.param


@pytest.fixture(autouse=True)
def page_guard(request, page):
    """Fail a test whose page logs a console error or asks another host for anything."""
    marker = request.node.get_closest_marker("allow_console")
    allowed = re.compile(marker.args[0]) if marker else None
    errors = []
    foreign = []

    def on_console(message):
        if message.type == "error" and not (allowed and allowed.search(message.text)):
            errors.append(message.text)

    def on_request(req):
        host = urlsplit(req.url).hostname
        if req.url.startswith(("http", "ws")) and host not in LOCAL_HOSTS:
            foreign.append(req.url)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("request", on_request)
    page.on("websocket", lambda ws: on_request(ws))
    yield
    assert not foreign, f"the page asked another host: {foreign}"
    assert not errors, f"the browser console logged errors: {errors}"


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
