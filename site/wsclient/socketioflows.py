"""What a Socket.IO client does by itself over one WebSocket: the namespace's CONNECT
after Engine.IO's open, the heartbeat, and acks matched to their emits.

Engine.IO 4 (Socket.IO 3 and 4 servers): the server sends "2" every pingInterval and the
client answers "3"; no ping within pingInterval + pingTimeout means the connection is
dead. Engine.IO 3 (Socket.IO 2 servers): the client sends the pings and the server
answers; no pong within pingTimeout means it is dead. Frames in and out are text or
bytes, as wsclient.socketio reads and writes them; times are seconds.
"""

from wsclient.socketio import deconstruct, eio_encode, sio_encode

__all__ = ["SioFlows", "SioOutcome"]


class SioOutcome:
    """What a received frame did.

    Attributes:
        send: frames to send in answer (a pong; the events held until the CONNECT).
        connected: the namespace's CONNECT came back: its data (the sid), or None.
        refused: a CONNECT_ERROR's data: the server refused the namespace.
        acked: [ack id, the emit it answers (its event), round trip in seconds].
    """

    def __init__(self) -> None:
        self.send: "list[str | bytes]" = []
        self.connected: "dict | None" = None
        self.refused: object = None
        self.acked: "list | None" = None


class SioFlows:
    """One connection's Socket.IO bookkeeping.

    Args:
        eio: the Engine.IO version, 3 or 4 (the URL's EIO=).
        nsp: the namespace to connect to.
        auth: CONNECT's auth object (protocol 5 only; Engine.IO 3 servers have none).
    """

    def __init__(self, eio: int = 4, nsp: str = "/", auth: "dict | None" = None) -> None:
        self.eio = eio
        self.nsp = nsp
        self.auth = auth
        self.interval = 25.0
        self.timeout = 20.0
        self._next_ack = 0
        self.last_ack = -1  # the id of the last emit that awaits an ack
        self._acks: "dict[int, list]" = {}
        self._heard = 0.0  # when the last ping (4) or pong (3) came
        self._pinged: "float | None" = None  # Engine.IO 3: our ping still unanswered
        self._open = False
        self.connected = False
        self._held: "list[str | bytes]" = []

    def opened(self, handshake: dict, now: float) -> "list[str | bytes]":
        """Engine.IO's open packet came: the frames that connect the namespace."""
        self.interval = handshake.get("pingInterval", 25000) / 1000
        self.timeout = handshake.get("pingTimeout", 20000) / 1000
        self._heard = now
        self._open = True
        packet: dict = {"type": "CONNECT", "nsp": self.nsp}
        if self.eio == 4:
            if self.auth is not None:
                packet["data"] = self.auth
        elif self.nsp == "/":
            return []  # Socket.IO 2 connects the main namespace by itself
        return [eio_encode({"type": "message", "data": sio_encode(packet)}, self.eio)]

    def emit(self, event: str, args: list, now: float, ack: bool = False) -> "list[str | bytes]":
        """The frames of an EVENT to send now: none until the namespace is connected
        (a server closes on an event for a namespace it has not yet accepted), when it
        goes with the CONNECT's outcome. With ack, it gets an id and its answer is
        awaited. Bytes among args make it a BINARY_EVENT, its attachments the next frames."""
        buffers: list = []
        data = deconstruct([event] + list(args), buffers)
        packet: dict = {"type": "BINARY_EVENT" if buffers else "EVENT", "nsp": self.nsp}
        if buffers:
            packet["attachments"] = len(buffers)
        packet["data"] = data
        if ack:
            self.last_ack = packet["id"] = self._next_ack
            self._acks[self._next_ack] = [event, now]
            self._next_ack += 1
        frames: "list[str | bytes]" = [
            eio_encode({"type": "message", "data": sio_encode(packet)}, self.eio)
        ]
        for buffer in buffers:
            frames.append(eio_encode({"type": "message", "data": buffer}, self.eio))
        if not self.connected:
            self._held += frames
            return []
        return frames

    def waiting(self) -> "list[int]":
        """The ack ids still unanswered."""
        return sorted(self._acks)

    def engine(self, packet: dict, now: float) -> SioOutcome:
        """An Engine.IO packet other than a message came (ping, pong, close…)."""
        out = SioOutcome()
        kind = packet["type"]
        if kind == "ping":
            self._heard = now
            out.send.append(eio_encode({"type": "pong", "data": packet.get("data", "")}))
        elif kind == "pong":
            self._heard = now
            self._pinged = None
        return out

    def socket(self, packet: dict, now: float) -> SioOutcome:
        """A Socket.IO packet came (a whole one: attachments already in place)."""
        out = SioOutcome()
        kind = packet["type"]
        if packet.get("nsp", "/") != self.nsp:
            return out
        if kind == "CONNECT":
            out.connected = packet.get("data") or {}
            self.connected = True
            out.send, self._held = list(self._held), []
        elif kind == "CONNECT_ERROR":
            out.refused = packet.get("data")
        elif kind in ("ACK", "BINARY_ACK"):
            sent = self._acks.pop(packet.get("id", -1), None)
            if sent is not None:
                out.acked = [packet["id"], sent[0], now - sent[1]]
        return out

    def tick(self, now: float) -> "list[str | bytes] | None":
        """The frames the heartbeat sends now; None once the server has gone quiet."""
        if not self._open:
            return []
        if self.eio == 4:
            return None if now - self._heard > self.interval + self.timeout else []
        if self._pinged is not None:
            return None if now - self._pinged > self.timeout else []
        if now - self._heard >= self.interval:
            self._pinged = now
            self._heard = now
            return [eio_encode({"type": "ping"}, 3)]
        return []
