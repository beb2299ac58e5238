"""The benchmark's WebSocket server: an echo server that floods on request."""

import asyncio
import os
import threading

from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

__all__ = ["FloodServer", "parse_command"]

MAX_SIZE = 32 * 2**20
# Frames written per flush: big enough that Python's per-call overhead vanishes,
# small enough that a close from the client is seen within a few milliseconds.
_BATCH = 2000


def parse_command(text):
    """Return ("flood", count, size), ("binary", size) or None for a plain message."""
    # A 16 MiB message is not a command; don't split it into words to find out.
    if len(text) > 64 or not text.startswith(("flood ", "binary ")):
        return None
    words = text.split()
    try:
        if len(words) in (2, 3) and words[0] == "flood":
            count = int(words[1])
            size = int(words[2]) if len(words) == 3 else 32
            if count >= 0 and size >= 0:
                return ("flood", count, size)
        if len(words) == 2 and words[0] == "binary" and int(words[1]) >= 0:
            return ("binary", int(words[1]))
    except ValueError:
        pass
    return None


def _text_frame(payload):
    """Serialize one unmasked, final text frame, as a server sends it (RFC 6455 5.2)."""
    n = len(payload)
    if n < 126:
        header = bytes((0x81, n))
    elif n < 2**16:
        header = bytes((0x81, 126)) + n.to_bytes(2, "big")
    else:
        header = bytes((0x81, 127)) + n.to_bytes(8, "big")
    return header + payload


class FloodServer:
    """Echo server in a thread; `flood N SIZE` and `binary SIZE` make it send instead.

    - `flood N SIZE`: N text messages `m<seq>` padded with "x" to SIZE bytes, then `END`.
    - `binary SIZE`: one binary message of SIZE random bytes.
    - anything else comes back as it came, text as text and binary as binary.
    """

    def __init__(self, host="127.0.0.1", port=0):
        self.host = host
        self.port = port
        self._loop = None
        self._thread = None
        self._stop = None

    @property
    def url(self):
        return f"ws://{self.host}:{self.port}/"

    def start(self):
        """Start serving in a background thread; return once the server listens."""
        ready = threading.Event()
        failure = []

        def run():
            self._loop = asyncio.new_event_loop()
            try:
                self._loop.run_until_complete(self._serve(ready))
            except BaseException as exc:  # noqa: BLE001 - handed to start()
                failure.append(exc)
                ready.set()
            finally:
                self._loop.close()

        self._thread = threading.Thread(target=run, name="bench-flood", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        return self

    def stop(self):
        """Close every connection and stop the thread. Idempotent."""
        if self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join()
        self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    async def _serve(self, ready):
        self._stop = asyncio.Event()
        async with serve(
            self._handle,
            self.host,
            self.port,
            compression=None,
            max_size=MAX_SIZE,
            write_limit=2**20,
            # A page busy with a flood answers pings late, and keepalive would
            # close the connection in the middle of a measurement.
            ping_interval=None,
        ) as server:
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            await self._stop.wait()

    async def _handle(self, ws):
        try:
            async for message in ws:
                command = parse_command(message) if isinstance(message, str) else None
                if command is None:
                    await ws.send(message)
                elif command[0] == "flood":
                    await _flood(ws, command[1], command[2])
                else:
                    await ws.send(os.urandom(command[1]))
        except ConnectionClosed:
            pass


async def _flood(ws, count, size):
    """Send count padded text messages, then END, flushing once per batch.

    Calling `send()` per message would cost an await and a drain each, and the
    server, not the page, would set the pace. The frames are built here and
    written between websockets' own checks: `send_context()` raises once the
    client has started closing, and flushes and waits for the socket's buffer
    on the way out. (`send_context()` and `transport` are websockets' internals;
    pyproject.toml pins websockets.)
    """
    width = len(str(count))
    for first in range(1, count + 1, _BATCH):
        last = min(first + _BATCH, count + 1)
        chunk = b"".join(
            _text_frame(f"m{seq:0{width}d}".ljust(size, "x").encode()) for seq in range(first, last)
        )
        async with ws.send_context():
            ws.transport.write(chunk)
    await ws.send("END")
