"""Both servers listen the same way: "::" takes IPv4 clients too."""

import socket
import threading

import pytest
from websockets.sync.client import connect

from wsdev import EchoServer, make_http_server
from wsdev.net import listen

from .conftest import FILES, request


def _dualstack_or_skip():
    if not socket.has_dualstack_ipv6():
        pytest.skip("no dual-stack IPv6 on this machine")
    try:
        listen("::1", 0, backlog=1).close()
    except OSError:
        pytest.skip("no IPv6 loopback")


def test_listen_on_ipv4_gives_a_listening_ipv4_socket():
    """An IPv4 host gets an AF_INET socket that accepts connections on its real port."""
    with listen("127.0.0.1", 0, backlog=5) as server:
        assert server.family == socket.AF_INET
        with socket.create_connection(server.getsockname(), timeout=10):
            conn, _ = server.accept()
            conn.close()


def test_listen_on_all_ipv6_interfaces_accepts_ipv4():
    """A socket on "::" takes a client that connects to 127.0.0.1."""
    _dualstack_or_skip()
    with listen("::", 0, backlog=5) as server:
        assert server.family == socket.AF_INET6
        with socket.create_connection(("127.0.0.1", server.getsockname()[1]), timeout=10):
            conn, _ = server.accept()
            conn.close()


def test_http_server_on_all_ipv6_interfaces_answers_ipv4(site):
    """The HTTP server bound to "::" answers a request sent to 127.0.0.1."""
    _dualstack_or_skip()
    server = make_http_server(site, host="::", quiet=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        status, _, body = request(server.server_address[1], "/notes.txt")
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
    assert (status, body) == (200, FILES["notes.txt"])


def test_echo_server_on_all_ipv6_interfaces_answers_ipv4():
    """The echo server bound to "::" echoes for a client that connects to 127.0.0.1."""
    _dualstack_or_skip()
    with EchoServer("::") as server:
        with connect(f"ws://127.0.0.1:{server.port}/", open_timeout=10) as ws:
            ws.send("v4 on v6")
            assert ws.recv(timeout=10) == "v4 on v6"
