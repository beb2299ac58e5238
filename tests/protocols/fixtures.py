"""Real protocol servers from the registries, each started on a free port for a test."""

import asyncio
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from tests.e2e.servers import ScriptedServer

ROOT = Path(__file__).resolve().parents[2]
SERVERS = ROOT / "tests" / "servers"
START_TIMEOUT_S = 30
MOSQUITTO = "/usr/sbin/mosquitto"


class NodeServer:
    """A server script of tests/servers run by node: it prints "ready <port>"."""

    def __init__(self, script: str, path: str = "/") -> None:
        self._script = SERVERS / script
        self._path = path
        self._process: "subprocess.Popen[str] | None" = None
        self.url = ""

    def __enter__(self) -> "NodeServer":
        if not (ROOT / "node_modules").is_dir():
            raise FileNotFoundError("node_modules is missing: run `./dev setup` (npm ci)")
        self._process = subprocess.Popen(
            ["node", str(self._script)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self._process.stdout.readline() if self._process.stdout else ""
        if not line.startswith("ready "):
            self.__exit__()
            raise RuntimeError(f"{self._script.name} did not start: {line!r}")
        self.url = f"ws://127.0.0.1:{int(line.split()[1])}{self._path}"
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            if self._process.stdin:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=START_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


@pytest.fixture
def aedes():
    """An MQTT 3.1.1 broker (aedes) over WebSocket; its address."""
    with NodeServer("aedes.mjs") as server:
        yield server.url


@pytest.fixture
def socketio_server():
    """A Socket.IO 4 server that also speaks Engine.IO 3; its address, to which the test
    adds `?EIO=4&transport=websocket` (or 3)."""
    with NodeServer("socketio.mjs", "/socket.io/") as server:
        yield server.url


@pytest.fixture
def graphql_server():
    """The reference graphql-transport-ws server (graphql-ws); its address."""
    with NodeServer("graphql.mjs", "/graphql") as server:
        yield server.url


def _free_port() -> int:
    # mosquitto cannot say which port a bind to 0 got: pick one, free a moment ago.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _bridge_to(port: int):
    """A WebSocket handler that copies bytes both ways to the TCP port (test plumbing: the
    broker behind it is real)."""

    async def handler(connection):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)

        async def upstream():
            async for frame in connection:
                writer.write(frame if isinstance(frame, bytes) else frame.encode())
                await writer.drain()
            writer.close()

        async def downstream():
            while data := await reader.read(65536):
                await connection.send(data)
            await connection.close()

        await asyncio.gather(upstream(), downstream(), return_exceptions=True)

    return handler


@pytest.fixture
def mosquitto(tmp_path):
    """Debian's mosquitto (MQTT 5.0 and 3.1.1) behind a WebSocket bridge; its address."""
    port = _free_port()
    config = tmp_path / "mosquitto.conf"
    config.write_text(
        f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\n"
    )
    broker = subprocess.Popen(
        [MOSQUITTO, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        said = []
        # Its log says when it listens: "mosquitto version 2.0.11 running".
        while not (said and said[-1].rstrip().endswith("running")):
            line = broker.stderr.readline() if broker.stderr else ""
            if not line:
                raise RuntimeError(f"mosquitto did not start: {''.join(said)!r}")
            said.append(line)
        # Read the rest of its log as it comes (stderr: stdout it would buffer), so that
        # the pipe never fills and stops it.
        threading.Thread(target=broker.stderr.read, daemon=True).start()
        bridge = ScriptedServer(_bridge_to(port), subprotocols=["mqtt"]).start()
        try:
            yield bridge.url
        finally:
            bridge.stop()
    finally:
        broker.terminate()
        broker.wait()
