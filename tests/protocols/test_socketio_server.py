"""The core's Socket.IO codec and flows against a real server (socket.io 4 from npm,
with allowEIO3), on Engine.IO 4 and 3, as the page will speak to it."""

import time
from contextlib import ExitStack

import pytest
from websockets.sync.client import connect

from wsclient.socketio import Assembler, deconstruct, eio_decode, eio_encode, sio_decode, sio_encode
from wsclient.socketioflows import SioFlows

WAIT_S = 10


class Client:
    """One Socket.IO connection driven by the core: codec, Assembler and SioFlows."""

    def __init__(self, socket, eio: int, nsp: str = "/", auth: "dict | None" = None) -> None:
        self.socket = socket
        self.eio = eio
        self.flows = SioFlows(eio, nsp, auth)
        self.assembler = Assembler()
        self.events: list = []
        self.acks: list = []
        self.pings = 0
        opened = eio_decode(socket.recv(timeout=WAIT_S), eio)
        assert opened["type"] == "open"
        for frame in self.flows.opened(opened["data"], time.monotonic()):
            socket.send(frame)

    def step(self, timeout: float = WAIT_S) -> "dict | None":
        """Read one frame; return the Socket.IO packet it completes, if any."""
        frame = eio_decode(self.socket.recv(timeout=timeout), self.eio)
        now = time.monotonic()
        if frame["type"] != "message":
            self.pings += frame["type"] == "ping"
            for answer in self.flows.engine(frame, now).send:
                self.socket.send(answer)
            return None
        data = frame["data"]
        if isinstance(data, bytes):
            packet = self.assembler.attachment(data)
        else:
            packet = self.assembler.packet(sio_decode(data, 5 if self.eio == 4 else 4))
        if packet is None:
            return None
        outcome = self.flows.socket(packet, now)
        for frame in outcome.send:  # events that waited for the CONNECT
            self.socket.send(frame)
        if outcome.acked:
            self.acks.append(outcome.acked)
        return packet

    def emit(self, event: str, args: list, now: float, ack: bool = False) -> None:
        for frame in self.flows.emit(event, args, now, ack):
            self.socket.send(frame)

    def until(self, wanted: str) -> dict:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            packet = self.step(deadline - time.monotonic())
            if packet is not None and packet["type"] == wanted:
                return packet
        raise AssertionError(f"no {wanted} within {WAIT_S} s")


@pytest.fixture
def client(socketio_server):
    """Make clients of the server on an Engine.IO version; all close after the test."""
    with ExitStack() as stack:

        def make(eio=4, nsp="/", auth=None):
            url = f"{socketio_server}?EIO={eio}&transport=websocket"
            return Client(stack.enter_context(connect(url)), eio, nsp, auth)

        yield make


@pytest.mark.parametrize("eio", [4, 3])
def test_an_event_goes_out_and_comes_back(client, eio):
    """On both Engine.IO versions, an emitted "echo" comes back as an "echo" event."""
    sio = client(eio)
    if eio == 4:
        assert sio.until("CONNECT")["data"]["sid"]
    sio.emit("echo", ["olá", {"n": 1}], time.monotonic())
    assert sio.until("EVENT")["data"] == ["echo", "olá", {"n": 1}]


@pytest.mark.parametrize("eio", [4, 3])
def test_an_ack_is_matched_to_its_emit_with_its_round_trip(client, eio):
    """An emit that asks for an ack gets it, matched by id, with a round trip measured."""
    sio = client(eio)
    sio.emit("echo", ["x"], time.monotonic(), ack=True)
    assert sio.until("ACK")["data"] == ["x"]
    [[number, event, seconds]] = sio.acks
    assert (number, event) == (0, "echo") and 0 <= seconds < WAIT_S
    assert sio.flows.waiting() == []


def test_a_binary_event_comes_back_whole(client):
    """Bytes in an event go out as attachments and come back in place, through the Assembler."""
    sio = client(4)
    sio.until("CONNECT")
    buffers = []
    data = deconstruct(["echo", {"file": b"\x00\x01\xff"}], buffers)
    packet = {"type": "BINARY_EVENT", "nsp": "/", "attachments": len(buffers), "data": data}
    sio.socket.send(eio_encode({"type": "message", "data": sio_encode(packet)}))
    for buffer in buffers:
        sio.socket.send(eio_encode({"type": "message", "data": buffer}))
    assert sio.until("BINARY_EVENT")["data"] == ["echo", {"file": b"\x00\x01\xff"}]


def test_a_namespace_with_auth_connects(client):
    """CONNECT to /admin with the right auth is accepted, and events flow in it."""
    sio = client(4, "/admin", {"token": "ok"})
    assert sio.until("CONNECT")["nsp"] == "/admin"
    sio.emit("echo", ["in admin"], time.monotonic())
    assert sio.until("EVENT")["data"] == ["echo", "in admin"]


@pytest.mark.parametrize(
    ("eio", "data"), [(4, {"message": "Not authorized"}), (3, "Not authorized")]
)
def test_a_refused_namespace_gets_its_connect_error(client, eio, data):
    """Without the auth, /admin answers CONNECT_ERROR: an object on 4, a string on 3."""
    sio = client(eio, "/admin")
    assert sio.until("CONNECT_ERROR")["data"] == data


@pytest.mark.parametrize("eio", [4, 3])
def test_the_heartbeat_holds_past_two_intervals(client, eio):
    """With a 1 s ping interval, the flows' pings or pongs keep the connection for 2.5 s."""
    sio = client(eio)
    began = time.monotonic()
    while time.monotonic() - began < 2.5:
        ticked = sio.flows.tick(time.monotonic())
        assert ticked is not None, "the server went quiet"
        for frame in ticked:
            sio.socket.send(frame)
        try:
            sio.step(timeout=0.1)
        except TimeoutError:
            pass  # nothing this tenth of a second: time for the next tick
    sio.emit("echo", ["still here"], time.monotonic())
    assert sio.until("EVENT")["data"] == ["echo", "still here"]
