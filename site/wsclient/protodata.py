"""What goes into the core about the protocol the page speaks, and what comes out.

The events are `ProtoChosen` and `ProtoAction`; the commands `ProtoMode`, `ProtoList`
and `WholeFrames`. Import them from here: wsclient.events and wsclient.commands name
the rest. `Connect` carries the protocol's options and `Compose` its composer fields.
"""

from wsclient.plain import Plain

__all__ = ["ProtoAction", "ProtoChosen", "ProtoFields", "ProtoList", "ProtoMode", "WholeFrames"]


class ProtoChosen(Plain):
    """The user picked a protocol in the connection bar (wsclient.protocols.PROTOS)."""

    _fields = ("kind", "now")

    def __init__(self, kind: str, now: float) -> None:
        self.kind = kind
        self.now = now


class ProtoAction(Plain):
    """A control of the Protocolo tab: "subscribe" (MQTT: value is the topic filter,
    qos its QoS), "unsubscribe" (value: the filter) or "stop" (GraphQL: the operation's id)."""

    _fields = ("action", "value", "qos", "now")

    def __init__(self, action: str, value: str, qos: int, now: float) -> None:
        self.action = action
        self.value = value
        self.qos = qos
        self.now = now


class ProtoMode(Plain):
    """Show the options of protocol kind (and hide the others'), with the selector set;
    the composer shows the fields of protocol composer: the connection's, which speaks
    it until the next Conectar, or kind when there is none."""

    _fields = ("kind", "composer")

    def __init__(self, kind: str, composer: str) -> None:
        self.kind = kind
        self.composer = composer


class ProtoFields(Plain):
    """Fill the options of protocol kind, by name, as they were at its last connection."""

    _fields = ("kind", "options")

    def __init__(self, kind: str, options: "dict[str, str]") -> None:
        self.kind = kind
        self.options = options


class ProtoList(Plain):
    """Draw the Protocolo tab's list: the MQTT subscriptions or the running GraphQL
    operations. rows: [key, text, the button's label, its accessible name] each;
    empty: the text to show when there are none."""

    _fields = ("rows", "empty")

    def __init__(self, rows: "list[list[str]]", empty: str) -> None:
        self.rows = rows
        self.empty = empty


class WholeFrames(Plain):
    """Whether the socket's handler passes every received binary frame whole to the
    core (a protocol decodes them), or only its start (raw frames: the log shows that)."""

    _fields = ("on",)

    def __init__(self, on: bool) -> None:
        self.on = on
