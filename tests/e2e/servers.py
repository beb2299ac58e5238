"""Servers that behave as a test says, each in a thread with its own loop, on port 0.

- ScriptedServer: a websockets server running a handler the test writes. It can stop
  gracefully (close frames, 1001), be killed (connections aborted, no close frame, so
  the browser sees 1006), and start again on the same port.
- TCPServer: a plain TCP server that speaks no WebSocket at all: it either never
  answers (a handshake that hangs) or answers any bytes with a canned reply and hangs
  up (a TLS client meets a server that does not speak TLS).
- echo, flood, close_with, close_as_told, reject_with: handlers and hooks for
  ScriptedServer.
"""

import asyncio
import inspect
import socket
import threading
from http import HTTPStatus

from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

__all__ = [
    "ScriptedServer",
    "TCPServer",
    "close_as_told",
    "close_with",
    "echo",
    "flood",
    "reject_with",
]

START_TIMEOUT = 10


class _LoopThread:
    """An asyncio loop in a daemon thread, running one coroutine until it returns."""

    def __init__(self, name):
        self._name = name
        self.loop = None
        self._thread = None

    @property
    def running(self):
        return self._thread is not None

    def start(self, main, *args):
        """Run main(ready, *args) in the thread; return once it sets ready or fails."""
        ready = threading.Event()
        failure = []

        def run():
            try:
                self.loop.run_until_complete(main(ready, *args))
            except BaseException as exc:  # noqa: BLE001 - handed to start()
                failure.append(exc)
            finally:
                ready.set()
                self.loop.close()

        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=run, name=self._name, daemon=True)
        self._thread.start()
        if not ready.wait(START_TIMEOUT):
            raise RuntimeError(f"{self._name} did not start")
        if failure:
            self._thread.join()
            self._thread = None
            raise failure[0]

    def call(self, callback):
        """Run callback in the loop's thread, then wait until main() returns."""
        if self._thread is None:
            return
        if self._thread.is_alive():
            self.loop.call_soon_threadsafe(callback)
        self._thread.join()
        self._thread = None


def _listen(host, port):
    # socket.create_server sets SO_REUSEADDR, so a restart can bind the same port
    # while the old connections linger in TIME_WAIT.
    return socket.create_server((host, port))


class ScriptedServer:
    """Runs `handler(connection)` for each client; options go to websockets' serve().

    The first start() picks a free port; later ones, after stop() or kill(), reuse it.
    """

    def __init__(self, handler, host="127.0.0.1", port=0, **options):
        self._handler = handler
        self._host = host
        self._options = options
        self._runner = _LoopThread("scripted-server")
        self._server = None
        self._stopped = None
        self._graceful = True
        self.port = port or None

    @property
    def url(self):
        return f"ws://{self._host}:{self.port}/"

    def start(self):
        """Listen (on the same port as before, if there was a before) and serve."""
        if self._runner.running:
            raise RuntimeError("server already running")
        sock = _listen(self._host, self.port or 0)
        self.port = sock.getsockname()[1]
        try:
            self._runner.start(self._serve, sock)
        except BaseException:
            sock.close()
            raise
        return self

    def restart(self):
        """Start again on the same port, after a graceful stop if still running."""
        self.stop()
        return self.start()

    async def _serve(self, ready, sock):
        self._stopped = asyncio.Event()
        self._graceful = True
        self._server = await serve(self._run_handler, sock=sock, **self._options)
        ready.set()
        await self._stopped.wait()
        self._server.close(close_connections=self._graceful)
        await self._server.wait_closed()

    async def _run_handler(self, connection):
        try:
            result = self._handler(connection)
            if inspect.isawaitable(result):
                await result
        except ConnectionClosed:
            pass  # the client or kill() ended it; nothing to report

    def stop(self):
        """Close every connection with 1001 Going Away, then stop listening. Idempotent."""
        self._runner.call(self._set_stopped)

    def kill(self):
        """Drop every connection at once, with no close frame, then stop listening.

        The browser sees the TCP connection reset: close code 1006, not clean.
        """

        def abort():
            for connection in list(self._server.all_connections):
                connection.transport.abort()
            self._graceful = False
            self._stopped.set()

        self._runner.call(abort)

    def _set_stopped(self):
        self._stopped.set()


class TCPServer:
    """A plain TCP server: reads whatever comes, and answers `reply` or nothing.

    Args:
        reply: bytes to write once the client has sent something, then hang up;
            None never writes and never hangs up (a handshake that never ends).

    Attributes:
        received: an Event set once a client has sent its first bytes.
    """

    def __init__(self, reply=None, host="127.0.0.1"):
        self._reply = reply
        self._host = host
        self._runner = _LoopThread("tcp-server")
        self._stopped = None
        self._transports = set()
        self.received = threading.Event()
        self.port = None

    @property
    def url(self):
        return f"ws://{self._host}:{self.port}/"

    @property
    def wss_url(self):
        return f"wss://{self._host}:{self.port}/"

    def start(self):
        sock = _listen(self._host, 0)
        self.port = sock.getsockname()[1]
        try:
            self._runner.start(self._serve, sock)
        except BaseException:
            sock.close()
            raise
        return self

    async def _serve(self, ready, sock):
        self._stopped = asyncio.Event()
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: _Protocol(self._reply, self._transports, self.received), sock=sock
        )
        ready.set()
        await self._stopped.wait()
        server.close()
        for transport in list(self._transports):
            transport.abort()
        await server.wait_closed()

    def stop(self):
        """Drop every connection and stop listening. Idempotent."""
        self._runner.call(lambda: self._stopped.set())


class _Protocol(asyncio.Protocol):
    """One TCPServer connection: note the first bytes, then answer them or stay silent."""

    def __init__(self, reply, transports, received):
        self._reply = reply
        self._transports = transports
        self._received = received
        self._transport = None

    def connection_made(self, transport):
        self._transport = transport
        self._transports.add(transport)

    def data_received(self, data):
        self._received.set()
        if self._reply is not None and not self._transport.is_closing():
            self._transport.write(self._reply)
            self._transport.close()

    def connection_lost(self, exc):
        self._transports.discard(self._transport)


def echo(received=None):
    """A handler that sends every message back; received, if given, records them in order."""

    async def handler(connection):
        async for message in connection:
            if received is not None:
                received.append(message)
            await connection.send(message)

    return handler


def sending(*messages):
    """A handler that sends each message (str or bytes) in turn, then holds the connection."""

    async def handler(connection):
        for message in messages:
            await connection.send(message)
        await connection.wait_closed()

    return handler


def flood(count, text="{}", die_after=None):
    """A handler that sends count text messages as fast as it can: text.format(0), (1), …

    With die_after, the server dies after sending that many, mid-flood: the connection
    is reset with no close frame, as kill() does, and the browser sees 1006.
    """

    async def handler(connection):
        for number in range(count):
            if number == die_after:
                connection.transport.abort()
                return
            await connection.send(text.format(number))
            # send() only yields when the write buffer is full, and Chromium reads
            # greedily: without this, kill() would wait for hundreds of thousands of
            # messages before it could run. sleep(0) yields; it does not wait.
            await asyncio.sleep(0)
        await connection.wait_closed()

    return handler


def close_with(code, reason=""):
    """A handler that closes the connection at once with code and reason."""

    async def handler(connection):
        await connection.close(code, reason)

    return handler


def close_as_told(reason=""):
    """A handler that closes with the code the client sends as a message: "1008", say."""

    async def handler(connection):
        async for message in connection:
            await connection.close(int(message), reason)

    return handler


def reject_with(status=HTTPStatus.FORBIDDEN, body="forbidden\n"):
    """A process_request hook that refuses every handshake with an HTTP status."""

    def process_request(connection, request):
        return connection.respond(status, body)

    return process_request
