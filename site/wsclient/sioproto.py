"""A Socket.IO session over one WebSocket: frames in, packets named, frames out.

The address gets Socket.IO's path and query (`/socket.io/?EIO=4&transport=websocket`),
Engine.IO's open starts the namespace's CONNECT, pings are answered (Engine.IO 4) or
sent (Engine.IO 3), binary events are put together from their attachments, and acks
are matched to their emits (wsclient.socketioflows).
"""

from wsclient.errors import InputError
from wsclient.jsontext import json_text, parse_json
from wsclient.protocols import Heard, Out, json_option, plain
from wsclient.scriptproto import from_plain
from wsclient.socketio import Assembler, eio_decode, eio_encode, sio_decode, sio_encode, summary
from wsclient.socketioflows import SioFlows, SioOutcome

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

__all__ = ["SioSession"]

# The version choice: the server's Socket.IO major version, by its Engine.IO version.
VERSIONS = {"4": 4, "3": 3}


def _sio_decode(text: str, eio: int) -> dict:
    """The Socket.IO packet in an Engine.IO message; an error's position is the frame's,
    whose first character is the Engine.IO type."""
    try:
        return sio_decode(text, 5 if eio == 4 else 4)
    except InputError as exc:
        if "position" in exc.params:
            exc.params["position"] += 1
        raise


class SioSession:
    """One connection's Socket.IO client.

    Args:
        options: the fields' text: "version" ("4": Socket.IO 3 and 4 servers; "3":
            Socket.IO 2), "namespace" ("/" if blank), "auth" (a JSON object, or blank).

    Raises:
        InputError: an option the page cannot use, naming it.
    """

    name = "socketio"
    subprotocols: "list[str]" = []

    def __init__(self, options: "dict[str, str]") -> None:
        eio = VERSIONS.get(options.get("version", "4") or "4")
        if eio is None:
            raise InputError("proto.choice", {"name": "version", "field": "version"})
        nsp = options.get("namespace", "").strip() or "/"
        if not nsp.startswith("/") or " " in nsp or "," in nsp:
            raise InputError("sio.namespace", {"name": nsp, "field": "namespace"})
        auth = json_option(options.get("auth", ""), "auth", "auth")
        if auth is not None and eio == 3:
            raise InputError("sio.auth_v2", {"field": "auth"})
        self.eio = eio
        self.flows = SioFlows(eio, nsp, auth)  # type: ignore[arg-type]
        self.refused = False  # the server refused the namespace: no event can go
        self._assembler = Assembler()

    def awaiting(self) -> bool:
        """Whether an emit awaits its ack: frames then need precise times."""
        return bool(self.flows.waiting())

    def address(self, url: str) -> str:
        """The server's address with Socket.IO's path (when it has none) and query."""
        base, _, query = url.partition("?")
        if "/" not in base.partition("//")[2]:
            base += "/socket.io/"
        elif base.partition("//")[2].endswith("/") and base.count("/") == 3:
            base += "socket.io/"
        if "EIO=" in query:
            return url if query else base
        added = "EIO=%d&transport=websocket" % self.eio
        return base + "?" + (query + "&" if query else "") + added

    def opened(self, now: float) -> Heard:
        """The socket opened: the server speaks first (Engine.IO's open)."""
        return Heard()

    def text(self, frame: str, now: float) -> Heard:
        heard = Heard()
        try:
            packet = eio_decode(frame, self.eio)
            if packet["type"] == "message":
                self._message(_sio_decode(packet["data"], self.eio), heard, now)
                return heard
        except InputError as exc:
            heard.failed(exc)
            return heard
        kind, data = packet["type"], packet["data"]
        if kind == "open":
            line = "open · sid %s · ping %d ms" % (data["sid"], data.get("pingInterval", 0))
            heard.packet(line, plain(packet))
            self._send(heard, self.flows.opened(data, now))
            return heard
        heard.packet(kind + (" " + data if data else ""), {"type": kind, "data": data})
        self._outcome(self.flows.engine(packet, now), heard)
        if kind == "close":
            heard.close = ("sio.engine_close", {})
        return heard

    def binary(self, data: bytes, now: float) -> Heard:
        """A binary frame: an attachment of the binary event or ack being put together."""
        heard = Heard()
        try:
            body = eio_decode(data, self.eio)["data"]
            whole = self._assembler.attachment(body)
        except InputError as exc:
            heard.failed(exc)
            return heard
        heard.packet("attachment · %d bytes" % len(body), {"type": "attachment", "size": len(body)})
        if whole is not None:
            self._socket(whole, heard, now)
        return heard

    def _message(self, packet: dict, heard: Heard, now: float) -> None:
        whole = self._assembler.packet(packet)
        if whole is None:
            line = summary(packet) + " · attachments 0/%d" % packet["attachments"]
            heard.packet(line, plain(packet))
        else:
            self._socket(whole, heard, now)

    def _socket(self, packet: dict, heard: Heard, now: float) -> None:
        heard.packet(summary(packet), plain(packet))
        if packet["type"] in ("EVENT", "BINARY_EVENT"):
            data = packet["data"]
            event = {"kind": "event", "name": data[0], "args": plain(data[1:])}
            if packet.get("id") is not None:
                event["id"] = packet["id"]
            heard.events.append(event)
        elif packet["type"] in ("ACK", "BINARY_ACK"):
            heard.events.append({"kind": "ack", "id": packet["id"], "args": plain(packet["data"])})
        self._outcome(self.flows.socket(packet, now), heard)

    def _outcome(self, outcome: SioOutcome, heard: Heard) -> None:
        nsp = self.flows.nsp
        if outcome.connected is not None:
            heard.note("sio.connected", nsp=nsp, sid=outcome.connected.get("sid", "—"))
            heard.events.append({"kind": "connected", "nsp": nsp})
        if outcome.refused is not None:
            self.refused = True
            detail = outcome.refused
            if isinstance(detail, dict):
                detail = detail.get("message", json_text(detail))
            heard.note("sio.refused", nsp=nsp, detail=str(detail))
            heard.status = ("sio.refused", {"nsp": nsp, "detail": str(detail)})
        if outcome.acked is not None:
            number, event, seconds = outcome.acked
            heard.note("sio.acked", id=number, event=event, ms=seconds * 1000.0)
            heard.rtt = seconds * 1000
        self._send(heard, outcome.send)

    def compose(self, form: "dict[str, str]", payload: "str | bytes", now: float) -> Heard:
        """The composer's emit: form's "event" and "ack" ("1"); payload, the arguments:
        JSON (an array is the list of them, any other value the one), or bytes.

        Raises:
            InputError: no event name, or arguments that are not JSON.
        """
        event = form.get("event", "").strip()
        if not event:
            raise InputError("sio.event_empty", {"field": "event"})
        if isinstance(payload, str):
            if not payload.strip():
                args: list = []
            else:
                value = parse_json(payload)
                args = value if isinstance(value, list) else [value]
        else:
            args = [payload]
        return self.emit(event, args, now, form.get("ack") == "1")

    def emit(self, event: str, args: list, now: float, ack: bool = False) -> Heard:
        """An EVENT to send (held until the namespace is connected).

        Raises:
            InputError: the server refused the namespace; only a new connection helps.
        """
        if self.refused:
            raise InputError("sio.refused_emit", {"name": self.flows.nsp})
        heard = Heard()
        frames = self.flows.emit(event, args, now, ack)
        if ack:
            heard.ack = self.flows.last_ack
        if not frames:
            heard.note("sio.held", nsp=self.flows.nsp)
        self._send(heard, frames)
        return heard

    def closed(self) -> None:
        pass

    def resumed(self, old: object, now: float) -> "list[Heard]":
        """A new connection after old: nothing carries over."""
        return []

    def act(self, action: str, value: str, qos: int, now: float) -> "Heard | None":
        """The Protocolo tab's controls: Socket.IO has none."""
        return None

    def offline(self, action: str, value: str) -> bool:
        return False

    def scripted(self, fields: dict, now: float) -> "Heard | None":
        """A script's emit() (the worker's post); None for a call of another protocol."""
        if fields["t"] != "emit":
            return None
        args: list = from_plain(fields["args"])  # type: ignore[assignment]
        return self.emit(str(fields["event"]), args, now, fields["ref"] is not None)

    def rows(self, t: "Callable[..., str]", connected: bool) -> "tuple[list, str]":
        """The Protocolo tab's list: Socket.IO has none."""
        return [], ""

    def goodbye(self) -> Heard:
        """The user closes: the namespace's DISCONNECT first, as Socket.IO's client sends."""
        heard = Heard()
        if self.flows.connected:
            packet = {
                "type": "message",
                "data": sio_encode({"type": "DISCONNECT", "nsp": self.flows.nsp}),
            }
            self._send(heard, [eio_encode(packet, self.eio)])
        return heard

    def tick(self, now: float) -> Heard:
        heard = Heard()
        frames = self.flows.tick(now)
        if frames is None:
            heard.close = ("sio.timeout", {})
        else:
            self._send(heard, frames)
        return heard

    def _send(self, heard: Heard, frames: "list[str | bytes]") -> None:
        for frame in frames:
            heard.send.append(self.describe(frame))

    def describe(self, frame: "str | bytes") -> Out:
        """A frame the page sends, named as a received one would be."""
        if not isinstance(frame, str):
            size = len(frame) - (1 if self.eio == 3 else 0)
            return Out(frame, "attachment · %d bytes" % size, "", {"type": "attachment"})
        packet = eio_decode(frame, self.eio)
        if packet["type"] != "message":
            data = packet["data"]
            return Out(frame, packet["type"] + (" " + data if data else ""), "", packet)
        inner = sio_decode(packet["data"], 5 if self.eio == 4 else 4)
        return Out(frame, summary(inner), "", plain(inner))
