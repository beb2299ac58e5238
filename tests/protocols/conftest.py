"""Real protocol servers from the registries, each started on a free port for a test."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVERS = ROOT / "tests" / "servers"
START_TIMEOUT_S = 30


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
