"""WebSocket servers that behave as a test says, each in a thread with its own loop."""

import asyncio
import threading

from websockets.asyncio.server import serve

__all__ = ["ScriptedServer"]


class ScriptedServer:
    """Runs `handler(connection)` for each client; options go to websockets' serve()."""

    def __init__(self, handler, host="127.0.0.1", port=0, **options):
        self._handler = handler
        self._host = host
        self._port = port
        self._options = options
        self._loop = None
        self._thread = None
        self._stopped = None
        self.port = None

    @property
    def url(self):
        return f"ws://{self._host}:{self.port}/"

    def start(self):
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

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        return self

    async def _serve(self, ready):
        self._stopped = asyncio.Event()
        async with serve(self._handler, self._host, self._port, **self._options) as server:
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            await self._stopped.wait()

    def stop(self):
        if self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._stopped.set)
        self._thread.join()
        self._thread = None
