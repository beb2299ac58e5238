"""An MQTT session over one WebSocket (subprotocol "mqtt"): 3.1.1 or 5.0.

CONNECT goes out as the socket opens; the bytes that come back are read as one stream
(a frame may hold part of a packet, or several); the QoS 1 and 2 flows and the
keep-alive run by themselves (wsclient.mqttflows); the subscriptions are listed with
what the broker granted.
"""

from wsclient.binary import hex_pairs
from wsclient.errors import InputError
from wsclient.mqtt import V5, V311, Decoder, encode, summary
from wsclient.mqttflows import Flows
from wsclient.mqtttopics import filter_fault
from wsclient.protocols import Heard, Out, plain
from wsclient.scripting import unwire

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

__all__ = ["MqttSession"]

VERSIONS = {"4": V311, "5": V5}
KEEP_ALIVE_MAX = 65535


def payload_text(payload: bytes) -> str:
    """A payload as the log shows it: its text when it is UTF-8, else its hex pairs."""
    try:
        return bytes(payload).decode("utf-8")
    except UnicodeError:
        return hex_pairs(payload)


class MqttSession:
    """One connection's MQTT client.

    Args:
        options: the fields' text: "version" ("4": 3.1.1, "5"), "client_id", "clean"
            ("1" or ""), "keep_alive" (seconds), "username", "password".

    Raises:
        InputError: an option the page cannot use, naming it.
    """

    name = "mqtt"
    subprotocols = ["mqtt"]

    def __init__(self, options: "dict[str, str]") -> None:
        version = VERSIONS.get(options.get("version", "4") or "4")
        if version is None:
            raise InputError("proto.choice", {"name": "version", "field": "version"})
        text = options.get("keep_alive", "60").strip() or "60"
        if not text.isdigit() or int(text) > KEEP_ALIVE_MAX:
            raise InputError("mqtt.keep_alive", {"limit": KEEP_ALIVE_MAX, "field": "keep_alive"})
        self.client_id = options.get("client_id", "").strip()
        self.clean = options.get("clean", "1") == "1"
        if not self.client_id and not self.clean and version == V311:
            raise InputError("mqtt.client_id", {"field": "client_id"})
        self.version = version
        self.keep_alive = int(text)
        self.username = options.get("username") or None
        self.password = options.get("password") or None
        self.flows = Flows(self.keep_alive)
        self._decoder = Decoder(version)
        # [filter, qos asked, the broker's code or None while it has not answered]
        self.subscriptions: "list[list]" = []
        self._asked: "dict[int, list[str]]" = {}  # packet id -> the filters it names
        # The bytes of the frames since the last packet completed, and their count.
        self._partial = b""
        self._frames = 0

    def awaiting(self) -> bool:
        return False

    def address(self, url: str) -> str:
        return url

    def opened(self, now: float) -> Heard:
        heard = Heard()
        connect: dict = {
            "type": "CONNECT",
            "version": self.version,
            "client_id": self.client_id,
            "clean": self.clean,
            "keep_alive": self.keep_alive,
        }
        if self.username is not None:
            connect["username"] = self.username
        if self.password is not None:
            connect["password"] = self.password.encode()
        self._send(heard, connect, now)
        return heard

    def text(self, frame: str, now: float) -> Heard:
        """A text frame: MQTT's are binary, and a text one closes the connection
        ([MQTT-6.0.0-1])."""
        heard = Heard()
        heard.failed(InputError("mqtt.text"))
        heard.close = ("mqtt.text", {})
        return heard

    def binary(self, data: bytes, now: float) -> Heard:
        """A binary frame: the packets it completes, with the bytes they came in when
        frames before it held their start (brokers such as aedes write a packet in
        pieces); a frame that completes none is partial, and waits for the rest."""
        heard = Heard()
        self._partial += bytes(data)
        self._frames += 1
        try:
            packets = self._decoder.feed(data)
        except InputError as exc:
            old = self._partial
            self._partial, self._frames = b"", 0
            if self.version == V5 and old[:2] == b"\x20\x02" and len(old) == 4:
                # A 3.1.1 broker's CONNACK (no properties): it refuses MQTT 5.0.
                name = "CONNACK (3.1.1) · code 0x%02x" % old[3]
                heard.packet(name, {"type": "CONNACK", "version": 4, "code": old[3]})
                heard.note("mqtt.v5_refused")
                heard.status = ("mqtt.v5_refused", {})
                return heard
            # The stream has lost its place: no later byte can be read for sure.
            heard.failed(exc)
            heard.close = ("mqtt.broken", {})
            return heard
        if not packets:
            heard.partial = True
            return heard
        left = self._decoder.pending()
        whole = self._partial[: len(self._partial) - left]
        if left or self._frames > 1:
            heard.raw = whole
        heard.frames = self._frames
        self._partial = self._partial[len(whole) :]
        self._frames = 1 if left else 0
        for packet in packets:
            self._received(packet, heard, now)
        return heard

    def _received(self, packet: dict, heard: Heard, now: float) -> None:
        kind = packet["type"]
        shown = payload_text(packet["payload"]) if kind == "PUBLISH" else ""
        heard.packet(summary(packet), plain(packet), shown)
        outcome = self.flows.received(packet, now)
        for answer in outcome.send:
            self._send(heard, answer, now)
        if kind == "CONNACK":
            self._connack(packet, heard)
        elif kind == "PUBLISH" and outcome.deliver:
            heard.events.append(
                {
                    "kind": "publish",
                    "topic": packet["topic"],
                    "payload": shown,
                    "hex": bytes(packet["payload"]).hex(),
                    "qos": packet.get("qos", 0),
                    "retain": packet.get("retain", False),
                }
            )
        elif kind in ("SUBACK", "UNSUBACK") and not outcome.unknown:
            self._answered(packet)
            heard.listing = True
        elif kind == "DISCONNECT":
            heard.note("mqtt.disconnect", code="0x%02x" % packet.get("code", 0))
        if outcome.unknown:
            heard.note("mqtt.unknown_id", name=kind, id=packet.get("id", 0))

    def _connack(self, packet: dict, heard: Heard) -> None:
        code = packet.get("code", 0)
        if code:
            heard.note("mqtt.refused", code="0x%02x" % code)
            heard.status = ("mqtt.refused", {"code": "0x%02x" % code})
            return
        heard.note("mqtt.resumed" if packet.get("session_present") else "mqtt.connected")
        heard.events.append({"kind": "connected"})

    def _answered(self, packet: dict) -> None:
        filters = self._asked.pop(packet["id"], [])
        codes = packet.get("codes", [])
        for index, name in enumerate(filters):
            code = codes[index] if index < len(codes) else 0
            for row in self.subscriptions:
                if row[0] == name:
                    row[2] = code
            if packet["type"] == "UNSUBACK":
                self.subscriptions = [row for row in self.subscriptions if row[0] != name]

    def compose(self, form: "dict[str, str]", payload: "str | bytes", now: float) -> Heard:
        """The composer's PUBLISH: form's "topic", "qos" ("0" to "2") and "retain" ("1")."""
        qos = form.get("qos", "0")
        if qos not in ("0", "1", "2"):
            raise InputError("proto.choice", {"name": "QoS", "field": "qos"})
        topic, retain = form.get("topic", ""), form.get("retain") == "1"
        return self.publish(topic, payload, int(qos), retain, now)

    def publish(
        self, topic: str, payload: "str | bytes", qos: int, retain: bool, now: float
    ) -> Heard:
        """A PUBLISH to send; payload as text is sent as its UTF-8."""
        if not topic:
            raise InputError("mqtt.topic_empty", {"field": "topic"})
        if "+" in topic or "#" in topic:
            raise InputError("mqtt.topic_wildcard", {"name": topic, "field": "topic"})
        data = payload.encode() if isinstance(payload, str) else bytes(payload)
        heard = Heard()
        self._send(heard, self.flows.publish(topic, data, qos, retain), now)
        return heard

    def subscribe(self, topic_filter: str, qos: int, now: float) -> Heard:
        topic_filter = topic_filter.strip()
        if not topic_filter:
            raise InputError("mqtt.filter_empty")
        if filter_fault(topic_filter):
            raise InputError("mqtt.filter_bad", {"name": topic_filter})
        packet = self.flows.subscribe([{"filter": topic_filter, "qos": qos}])
        self._asked[packet["id"]] = [topic_filter]
        self.subscriptions = [row for row in self.subscriptions if row[0] != topic_filter]
        self.subscriptions.append([topic_filter, qos, None])
        heard = Heard()
        heard.listing = True
        self._send(heard, packet, now)
        return heard

    def unsubscribe(self, topic_filter: str, now: float) -> Heard:
        packet = self.flows.unsubscribe([topic_filter])
        self._asked[packet["id"]] = [topic_filter]
        heard = Heard()
        self._send(heard, packet, now)
        return heard

    def resumed(self, old: object, now: float) -> "list[Heard]":
        """A new connection after old: its subscriptions are asked for again."""
        rows = old.subscriptions if isinstance(old, MqttSession) else []
        return [self.subscribe(row[0], row[1], now) for row in rows]

    def act(self, action: str, value: str, qos: int, now: float) -> "Heard | None":
        """The Protocolo tab's controls: subscribe and unsubscribe."""
        if action == "subscribe":
            return self.subscribe(value, qos, now)
        if action == "unsubscribe":
            return self.unsubscribe(value, now)
        return None

    def offline(self, action: str, value: str) -> bool:
        """Unsubscribe while disconnected: off the list, not asked for at the next
        connection. Whether that was the action."""
        if action != "unsubscribe":
            return False
        self.subscriptions = [row for row in self.subscriptions if row[0] != value]
        return True

    def scripted(self, fields: dict, now: float) -> "Heard | None":
        """A script's publish(), subscribe() or unsubscribe(); None for another's call."""
        kind = fields["t"]
        if kind == "publish":
            qos, retain = int(fields["qos"]), bool(fields["retain"])
            return self.publish(str(fields["topic"]), unwire(fields), qos, retain, now)
        if kind == "subscribe" and "filter" in fields:
            return self.subscribe(str(fields["filter"]), int(fields["qos"]), now)
        if kind == "unsubscribe":
            return self.unsubscribe(str(fields["filter"]), now)
        return None

    def rows(self, t: "Callable[..., str]", connected: bool) -> "tuple[list, str]":
        """The subscriptions, each [filter, its line, its button's label and name], and
        the key of what the list says when empty."""
        rows = []
        for name, qos, code in self.subscriptions:
            if code is None:
                state = t("mqtt.sub_pending" if connected else "mqtt.sub_later")
            elif code >= 0x80:
                state = t("mqtt.sub_refused", code="0x%02x" % code)
            else:
                state = t("mqtt.sub_granted", qos=code)
            label = t("mqtt.unsubscribe")
            rows.append([name, "%s · QoS %d · %s" % (name, qos, state), label, label + " " + name])
        return rows, "mqtt.no_subs"

    def closed(self) -> None:
        """The connection closed: each subscription is asked for again at the next."""
        for row in self.subscriptions:
            row[2] = None
        self._asked = {}

    def goodbye(self) -> Heard:
        """The user closes: DISCONNECT first, as a client that means to go does."""
        heard = Heard()
        self._send(heard, {"type": "DISCONNECT", "code": 0}, 0.0)
        return heard

    def tick(self, now: float) -> Heard:
        heard = Heard()
        packets = self.flows.tick(now)
        if packets is None:
            heard.close = ("mqtt.timeout", {"seconds": self.keep_alive})
        else:
            for packet in packets:
                self._send(heard, packet, now)
        return heard

    def _send(self, heard: Heard, packet: dict, now: float) -> None:
        self.flows.sent(now)
        shown = payload_text(packet["payload"]) if packet["type"] == "PUBLISH" else ""
        data = encode(packet, self.version)
        heard.send.append(Out(data, summary(packet), shown, plain(packet)))
