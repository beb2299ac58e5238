"""WebSocket echo server running in a background thread."""

from __future__ import annotations

import asyncio
import socket
import sys
import threading

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from .net import listen

__all__ = ["EchoServer"]

_WILDCARDS = {"", "0.0.0.0", "::"}


class EchoServer:
    """Echo server in a background thread with its own asyncio loop.

    Each text message comes back as text and each binary message as binary, in
    order, to the client that sent it.

    Args:
        host: Interface to listen on.
        port: TCP port; 0 picks a free one.
        max_size: Largest message accepted, in bytes. A bigger one closes the
            connection with code 1009 (message too big).
        verbose: Print one line to stderr when a connection opens or closes.

    """

    def __init__(self, host="127.0.0.1", port=0, max_size=64 * 2**20, *, verbose=False):
        self.host = host
        self.port = port
        self.max_size = max_size
        self.verbose = verbose
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """URL that clients on this machine connect to, e.g. ``ws://127.0.0.1:8765/``."""
        return f"ws://{_url_host(self.host)}:{self.port}/"

    def start(self) -> EchoServer:
        """Bind and start serving; return once the server listens.

        Raises:
            OSError: If the address can't be bound, e.g. the port is taken.
            RuntimeError: If the server was already started.

        """
        with self._lock:
            if self._loop is not None:
                raise RuntimeError("echo server already started")
            # Bind in the caller's thread so that errors surface here. The loop
            # runs only in the background thread: the caller may have an event
            # loop of its own running (Playwright's sync API does).
            # A backlog above the usual 128 lets hundreds of clients connect at once
            # without SYN retries, which take a second each.
            sock = listen(self.host, self.port, backlog=1024)
            self.port = sock.getsockname()[1]
            self._loop = asyncio.new_event_loop()
            ready = threading.Event()
            failure = []
            self._thread = threading.Thread(
                target=self._run, args=(sock, ready, failure), name="wsdev-echo", daemon=True
            )
            self._thread.start()
            ready.wait()
            if failure:
                self._thread.join()
                sock.close()
                raise failure[0]
        return self

    def stop(self) -> None:
        """Close all connections, then stop the loop thread. Idempotent."""
        with self._lock:
            if self._loop is None or self._loop.is_closed():
                return
            if self._thread.is_alive():
                self._loop.call_soon_threadsafe(self._server.close)
                self._thread.join()

    def __enter__(self) -> EchoServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    async def _listen(self, sock: socket.socket) -> Server:
        return await serve(
            self._echo,
            sock=sock,
            max_size=self.max_size,
            # permessage-deflate is off: on a dev machine bandwidth is free while
            # zlib costs CPU on both ends of every message and keeps a
            # compression context per connection (hundreds of KiB each, times
            # hundreds of clients in the load test). Latency figures then
            # measure the WebSocket path rather than zlib.
            compression=None,
            # Keepalive keeps the defaults (ping every 20 s, 20 s timeout):
            # a pong queues behind at most one 64 MiB message, which crosses
            # the loopback interface in well under a second.
        )

    def _run(self, sock, ready, failure) -> None:
        loop = self._loop
        try:
            try:
                self._server = loop.run_until_complete(self._listen(sock))
            except BaseException as exc:  # noqa: BLE001 - handed to start()
                failure.append(exc)
                return
            finally:
                ready.set()
            loop.run_until_complete(self._server.wait_closed())
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            loop.close()

    async def _echo(self, ws: ServerConnection) -> None:
        peer = _format_peer(ws.remote_address)
        self._log(f"ws open {peer}")
        try:
            async for message in ws:
                await ws.send(message)
        except ConnectionClosed:
            # Clients drop out all the time (tab closed, 1009, network);
            # websockets would log each one with a traceback.
            pass
        finally:
            self._log(f"ws closed {peer} {ws.close_code}")

    def _log(self, line: str) -> None:
        if self.verbose:
            print(line, file=sys.stderr, flush=True)


def _url_host(host: str) -> str:
    """Return the host to put in a URL for a server bound to ``host``."""
    if host in _WILDCARDS:
        host = "::1" if host == "::" else "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _format_peer(address) -> str:
    if not address:
        return "-"
    return f"{_url_host(address[0])}:{address[1]}"
