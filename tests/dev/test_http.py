"""Tests for the static file server."""

import html
import os
import socket
import struct
import sys
import threading

import pytest

from .conftest import FILES, INDEX, PLACEHOLDER, SECRET, request

ECHO_URL = "ws://127.0.0.1:8765/"

TYPES = {
    "app.js": "text/javascript",
    "module.mjs": "text/javascript",
    "module.wasm": "application/wasm",
    "main.py": "text/x-python; charset=utf-8",
    "pyscript.toml": "application/toml; charset=utf-8",
    "data.json": "application/json",
    "style.css": "text/css; charset=utf-8",
    "page.html": "text/html; charset=utf-8",
    "bundle.zip": "application/zip",
    "image.png": "image/png",
    "image.svg": "image/svg+xml",
    "notes.txt": "text/plain; charset=utf-8",
    "blob.xyz": "application/octet-stream",
}

TRAVERSALS = {
    "plain": "/../secret.txt",
    "nested": "/docs/../../secret.txt",
    "encoded": "/%2e%2e/secret.txt",
    "encoded-slash": "/%2e%2e%2fsecret.txt",
    "double-encoded": "/%252e%252e%252fsecret.txt",
    "backslash": "/..\\secret.txt",
    "encoded-backslash": "/..%5csecret.txt",
    "nul": "/%00/../secret.txt",
    "nul-suffix": "/secret.txt%00.html",
    "absolute": "/{tmp}/secret.txt",
    "double-slash-absolute": "//{tmp}/secret.txt",
    "symlink": "/outside/secret.txt",
}


@pytest.fixture
def server(site, start_http):
    """HTTP server for the site with an echo URL to announce."""
    return start_http(site, echo_url=ECHO_URL)


@pytest.mark.parametrize("name", TYPES)
def test_content_type(server, name):
    """Each extension is served with its exact Content-Type and the file's bytes."""
    status, headers, body = request(server, f"/{name}")
    assert status == 200
    assert headers["Content-Type"] == TYPES[name]
    assert body == FILES[name]


@pytest.mark.parametrize("path", ["/app.js", "/missing.txt"], ids=["200", "404"])
def test_every_answer_is_revalidated_before_use(server, path):
    """Responses carry Cache-Control: no-cache and X-Content-Type-Options: nosniff."""
    _, headers, _ = request(server, path)
    assert headers["Cache-Control"] == "no-cache"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_unchanged_file_is_revalidated_with_304(server):
    """A request with the file's ETag gets 304 and no body; a stale tag gets the file."""
    _, headers, body = request(server, "/app.js")
    etag = headers["ETag"]
    status, _, again = request(server, "/app.js", headers={"If-None-Match": etag})
    assert (status, again) == (304, b"")
    status, _, again = request(server, "/app.js", headers={"If-None-Match": '"other", W/"x"'})
    assert (status, again) == (200, body)


def test_file_saved_within_the_same_second_gets_a_new_etag(server, site):
    """The ETag follows the nanosecond mtime and size, so a quick edit is never a 304."""
    path = site / "app.js"
    before = request(server, "/app.js")[1]["ETag"]
    stamp = path.stat().st_mtime_ns
    path.write_bytes(FILES["app.js"])
    os.utime(path, ns=(stamp + 1000, stamp + 1000))
    status, headers, _ = request(server, "/app.js", headers={"If-None-Match": before})
    assert status == 200
    assert headers["ETag"] != before


@pytest.mark.parametrize("path", ["/", "/index.html", "/?v=1", "/index.html?v=1&x=2"])
def test_index_announces_echo_url(server, path):
    """index.html gets the echo URL in its default-server meta, with a matching length."""
    status, headers, body = request(server, path)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body.decode() == INDEX.replace(
        PLACEHOLDER, f'<meta name="default-server" content="{ECHO_URL}">'
    )
    assert int(headers["Content-Length"]) == len(body)


def test_index_escapes_echo_url(site, start_http):
    """The echo URL is escaped as an HTML attribute value."""
    url = 'ws://127.0.0.1:1/?a=1&b="2"'
    server = start_http(site, echo_url=url)
    _, _, body = request(server, "/")
    assert f'content="{html.escape(url)}"'.encode() in body
    assert b'b="2"' not in body


def test_index_unchanged_without_echo_url(site, start_http):
    """Without an echo URL, index.html is served byte for byte."""
    server = start_http(site, echo_url=None)
    _, headers, body = request(server, "/")
    assert body == INDEX.encode()
    assert int(headers["Content-Length"]) == len(body)


def test_head_request(server):
    """HEAD answers with the headers of GET and no body."""
    status, headers, body = request(server, "/", method="HEAD")
    assert status == 200
    assert int(headers["Content-Length"]) > len(INDEX)
    assert body == b""


@pytest.mark.parametrize("template", TRAVERSALS.values(), ids=TRAVERSALS.keys())
def test_traversal_not_found(server, site, template):
    """Paths that escape the folder get a 404 and never the secret."""
    path = template.format(tmp=str(site.parent).lstrip("/"))
    status, _, body = request(server, path)
    assert status == 404
    assert SECRET not in body


@pytest.mark.parametrize("path", ["/empty/", "/empty"])
def test_directory_without_index_not_found(server, path):
    """A directory without index.html is a 404, not a listing."""
    status, _, body = request(server, path)
    assert status == 404
    assert b"Directory listing" not in body


def test_directory_redirects_to_slash(server):
    """A directory with index.html redirects to its URL with a trailing slash."""
    status, headers, _ = request(server, "/docs?x=1")
    assert status == 301
    assert headers["Location"] == "/docs/?x=1"


def test_directory_serves_index(server):
    """A directory URL with a trailing slash serves its index.html unchanged."""
    status, _, body = request(server, "/docs/")
    assert status == 200
    assert body == b"<p>docs</p>\n"


def test_request_log_line(site, start_http, capsys):
    """Each request is logged as one line: method, path, status."""
    server = start_http(site, quiet=False)
    request(server, "/app.js")
    request(server, "/missing.txt")
    assert capsys.readouterr().err.splitlines() == ["GET /app.js 200", "GET /missing.txt 404"]


def test_quiet_logs_nothing(site, start_http, capsys):
    """With quiet=True, requests print nothing."""
    server = start_http(site, quiet=True)
    request(server, "/app.js")
    request(server, "/missing.txt")
    assert capsys.readouterr() == ("", "")


def test_client_disconnect_leaves_no_traceback(site, start_http, capfd, monkeypatch):
    """A client that hangs up mid-download leaves no traceback on stderr."""
    with open(site / "big.bin", "wb") as f:
        f.truncate(64 * 2**20)
    server = start_http(site)
    errors, handled = [], threading.Event()

    def handle_error(request, client_address, original=server.handle_error):
        errors.append(sys.exc_info()[1])
        original(request, client_address)

    def shutdown_request(request, original=server.shutdown_request):
        original(request)
        handled.set()

    monkeypatch.setattr(server, "handle_error", handle_error)
    monkeypatch.setattr(server, "shutdown_request", shutdown_request)

    with socket.create_connection(server.server_address[:2], timeout=10) as sock:
        sock.sendall(b"GET /big.bin HTTP/1.0\r\n\r\n")
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
        # Linger 0 resets the connection instead of closing it politely.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    assert handled.wait(10)
    assert request(server, "/app.js")[0] == 200
    assert len(errors) == 1 and isinstance(errors[0], ConnectionError)
    assert "Traceback" not in capfd.readouterr().err
