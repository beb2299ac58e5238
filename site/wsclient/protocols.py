"""The protocols the page speaks over a WebSocket, besides raw frames: what they share.

Each protocol's session (sioproto.SioSession, mqttproto.MqttSession,
gqlproto.GqlSession) turns frames into packets and packets into frames, and does what
a client of that protocol does by itself: the handshake, the heartbeat, the QoS flows.
It touches no socket: each of its methods returns a `Heard`, what the frame or the
moment brought and what to send, which wsclient.protohost carries out.
"""

from wsclient.binary import to_base64
from wsclient.errors import InputError
from wsclient.jsontext import parse_json

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "LABELS",
    "PROTOS",
    "RAW",
    "SESSIONS",
    "Heard",
    "Out",
    "json_option",
    "make_session",
    "plain",
]

RAW = "raw"
PROTOS = (RAW, "socketio", "mqtt", "graphql")
# The protocols with a session of their own: all but Raw.
SESSIONS = PROTOS[1:]
# How the page names each protocol in its texts.
LABELS = {RAW: "Raw", "socketio": "Socket.IO", "mqtt": "MQTT", "graphql": "GraphQL"}


class Out:
    """A frame the protocol sends: its data, and what the log shows of it.

    Attributes:
        data: str for a text frame, bytes for a binary one.
        summary: the packet named (`PUBLISH sensors/1 · QoS 1 · id 7`).
        shown: the payload as text, after the name ("" when the name says it all).
        fields: the packet as plain data, for the export's `decoded` object.
    """

    def __init__(self, data: "str | bytes", summary: str, shown: str, fields: dict) -> None:
        self.data = data
        self.summary = summary
        self.shown = shown
        self.fields = fields


class Heard:
    """What a frame, a send or a moment brought, for the page to carry out.

    Attributes:
        summary: the received frame's packets, named, one per line; None: none whole yet.
        shown: the received frame's payload as text.
        fields: the received frame's packets as plain data (a list: a frame may hold several).
        error: (key, params) of the decoder's error on the received frame, or None.
        send: Out frames to send, in order.
        notes: (key, params) for system entries in the log.
        close: (key, params) why the page closes the connection now, or None.
        status: (key, params) for the status line: the server refused the session.
        rtt: a round trip just measured (an ack to its emit), in ms, or None.
        events: what a script hears ({"kind": "event", …}), in order.
        listing: whether the subscriptions' or operations' list changed.
        partial: the received frame holds only part of a packet, which the next ones
            complete: it gets no entry of its own.
        raw: the bytes of the packets that the frame completed, when frames before it
            held their start (or it holds the start of the next); None: the frame's own.
        frames: how many frames those packets came in.
        ack: the ack id of an emit that awaits its answer, or None.
    """

    def __init__(self) -> None:
        self.summary: "str | None" = None
        self.shown = ""
        self.fields: "list[dict]" = []
        self.error: "tuple[str, dict] | None" = None
        self.send: "list[Out]" = []
        self.notes: "list[tuple[str, dict]]" = []
        self.close: "tuple[str, dict] | None" = None
        self.status: "tuple[str, dict] | None" = None
        self.rtt: "float | None" = None
        self.events: "list[dict]" = []
        self.listing = False
        self.partial = False
        self.raw: "bytes | None" = None
        self.frames = 1
        self.ack: "int | None" = None

    def packet(self, summary: str, fields: dict, shown: str = "") -> None:
        """A whole packet of the received frame."""
        self.summary = summary if self.summary is None else self.summary + "\n" + summary
        self.fields.append(fields)
        if shown:
            self.shown = shown if not self.shown else self.shown + "\n" + shown

    def note(self, key: str, **params: object) -> None:
        self.notes.append((key, params))

    def failed(self, exc: InputError) -> None:
        """The frame did not decode: exc names the offset."""
        self.error = (exc.key, dict(exc.params))


def plain(value: "Any") -> "Any":
    """value with bytes as {"base64": …}: what JSON can hold."""
    if isinstance(value, (bytes, bytearray)):
        return {"base64": to_base64(value)}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def json_option(text: str, name: str, field: str, kinds: "tuple[type, ...]" = (dict,)) -> object:
    """A field's JSON (auth, variables, a connection_init payload); "" is None.

    Args:
        name: the field as its error names it; field: its name among the options.

    Raises:
        InputError: the JSON error (json.*, with its line, column and character), its
            params naming the field ("name", "field"); or "proto.json_kind".
    """
    if not text.strip():
        return None
    try:
        value = parse_json(text)
    except InputError as exc:
        exc.params["name"] = name
        exc.params["field"] = field
        raise
    if not isinstance(value, kinds):
        raise InputError("proto.json_kind", {"name": name, "field": field})
    return value


def make_session(kind: str, options: "dict[str, str]") -> "Any":
    """A new session of protocol kind (None for Raw): a SioSession, MqttSession or
    GqlSession. Each protocol's modules are imported the first time it is used: a page
    in Raw mode starts without them.

    Raises:
        InputError: an option the page cannot use (it names it).
    """
    if kind == "socketio":
        from wsclient.sioproto import SioSession

        return SioSession(options)
    if kind == "mqtt":
        from wsclient.mqttproto import MqttSession

        return MqttSession(options)
    if kind == "graphql":
        from wsclient.gqlproto import GqlSession

        return GqlSession(options)
    return None
