"""Tests for the WebSocket echo server."""

import socket

import pytest
from websockets.exceptions import ConnectionClosed, ConnectionClosedError
from websockets.sync.client import connect

from wsdev import EchoServer


def test_url_has_real_port(echo_server):
    """After start, url names the port the server really listens on."""
    assert echo_server.port != 0
    assert echo_server.url == f"ws://127.0.0.1:{echo_server.port}/"


def test_ipv6_url_is_bracketed():
    """An IPv6 host appears in brackets in the URL."""
    try:
        server = EchoServer("::1").start()
    except OSError:
        pytest.skip("no IPv6 loopback")
    try:
        assert server.url == f"ws://[::1]:{server.port}/"
        with connect(server.url, open_timeout=10) as ws:
            ws.send("v6")
            assert ws.recv(timeout=10) == "v6"
    finally:
        server.stop()


def test_echoes_text_as_text(echo_server):
    """A text message comes back as the same str."""
    with connect(echo_server.url, open_timeout=10) as ws:
        ws.send("héllo ✓")
        assert ws.recv(timeout=10) == "héllo ✓"


def test_echoes_binary_as_binary(echo_server):
    """A binary message comes back as the same bytes."""
    with connect(echo_server.url, open_timeout=10) as ws:
        ws.send(b"\x00\xffbinary")
        assert ws.recv(timeout=10) == b"\x00\xffbinary"


def test_echoes_empty_messages(echo_server):
    """Empty text and empty binary messages keep their type."""
    with connect(echo_server.url, open_timeout=10) as ws:
        ws.send("")
        ws.send(b"")
        assert ws.recv(timeout=10) == ""
        assert ws.recv(timeout=10) == b""


def test_preserves_order(echo_server):
    """1,000 messages come back in the order they were sent."""
    messages = [f"message {i}" if i % 2 else f"message {i}".encode() for i in range(1000)]
    with connect(echo_server.url, open_timeout=10) as ws:
        for message in messages:
            ws.send(message)
        assert [ws.recv(timeout=10) for _ in messages] == messages


def test_echoes_large_message(echo_server):
    """A 16 MiB binary message comes back intact."""
    payload = bytes(range(256)) * (16 * 2**20 // 256)
    with connect(echo_server.url, open_timeout=10, max_size=None) as ws:
        ws.send(payload)
        assert ws.recv(timeout=30) == payload


def test_echoes_to_sender_only(echo_server):
    """A message goes back to its sender and to no other client."""
    with (
        connect(echo_server.url, open_timeout=10) as alice,
        connect(echo_server.url, open_timeout=10) as bob,
    ):
        alice.send("from alice")
        assert alice.recv(timeout=10) == "from alice"
        bob.send("from bob")
        assert bob.recv(timeout=10) == "from bob"


@pytest.fixture
def small_server():
    """Echo server that accepts messages up to 1 KiB."""
    with EchoServer(max_size=1024) as server:
        yield server


def _send_oversize(url):
    """Send a 2 KiB message; return the exception that closes the connection."""
    with connect(url, open_timeout=10) as ws:
        ws.send(b"x" * 2048)
        with pytest.raises(ConnectionClosedError) as raised:
            ws.recv(timeout=10)
    return raised.value


def test_oversize_message_closes_with_1009(small_server):
    """A message over max_size closes the connection with code 1009 (message too big)."""
    assert _send_oversize(small_server.url).rcvd.code == 1009


def test_serves_new_client_after_oversize_message(small_server):
    """After closing a connection for an oversize message, the server echoes for a new client."""
    _send_oversize(small_server.url)
    with connect(small_server.url, open_timeout=10) as ws:
        ws.send(b"x" * 1024)
        assert ws.recv(timeout=10) == b"x" * 1024


def test_oversize_message_leaves_no_traceback(capfd):
    """Closing a connection for an oversize message prints no traceback."""
    server = EchoServer(max_size=1024).start()
    try:
        _send_oversize(server.url)
    finally:
        # stop() returns after every connection handler has finished.
        server.stop()
    assert "Traceback" not in capfd.readouterr().err


def test_quiet_by_default(capfd):
    """Without verbose, connections print nothing."""
    with EchoServer() as server:
        with connect(server.url, open_timeout=10) as ws:
            ws.send("hi")
            ws.recv(timeout=10)
    assert capfd.readouterr() == ("", "")


def test_verbose_logs_open_and_close(capfd):
    """With verbose, a connection prints one line when it opens and one when it closes."""
    with EchoServer(verbose=True) as server:
        with connect(server.url, open_timeout=10) as ws:
            ws.send("hi")
            ws.recv(timeout=10)
            peer = "{}:{}".format(*ws.local_address[:2])
    assert capfd.readouterr().err.splitlines() == [f"ws open {peer}", f"ws closed {peer} 1000"]


def test_port_in_use_raises_oserror():
    """start() raises OSError when the port is taken."""
    with socket.create_server(("127.0.0.1", 0)) as sock:
        server = EchoServer(port=sock.getsockname()[1])
        with pytest.raises(OSError):
            server.start()
        server.stop()


def test_stop_closes_connections():
    """stop() closes open connections with code 1001 (going away)."""
    server = EchoServer().start()
    with connect(server.url, open_timeout=10) as ws:
        server.stop()
        with pytest.raises(ConnectionClosed) as raised:
            ws.recv(timeout=10)
    assert raised.value.rcvd.code == 1001


def test_stop_is_idempotent():
    """Calling stop() twice, or before start(), does nothing more."""
    server = EchoServer()
    server.stop()
    server.start()
    server.stop()
    server.stop()
