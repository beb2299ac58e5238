"""The core's MQTT codec and flows against real brokers, as the page will speak to them:
binary frames on the `mqtt` subprotocol. aedes (npm) speaks 3.1.1; Debian's mosquitto,
behind a WebSocket bridge, 5.0."""

import time
from contextlib import ExitStack

import pytest
from websockets.sync.client import connect

from wsclient.mqtt import V5, V311, Decoder, encode
from wsclient.mqttflows import Flows

WAIT_S = 10  # the longest a broker's answer may take


class Client:
    """One MQTT connection driven by the core: encode, Decoder, Flows."""

    def __init__(self, socket, client_id: str, keep_alive: int = 60, version: int = V311) -> None:
        self.socket = socket
        self.version = version
        self.decoder = Decoder(version)
        self.flows = Flows(keep_alive)
        self.delivered: list = []
        self.done: list = []
        self.pongs = 0
        connect = {"type": "CONNECT", "client_id": client_id, "keep_alive": keep_alive}
        if version == V5:
            connect["properties"] = {"session_expiry": 0, "user_property": [["app", "page"]]}
        self.connack = self.send_and_wait(connect, "CONNACK")
        assert self.connack["code"] == 0

    def send(self, packet: dict) -> None:
        self.socket.send(encode(packet, self.version))
        self.flows.sent(time.monotonic())

    def receive(self, timeout: float = WAIT_S) -> list:
        """The packets the next frame completes, after the flows answered them."""
        packets = self.decoder.feed(self.socket.recv(timeout=timeout))
        for packet in packets:
            outcome = self.flows.received(packet, time.monotonic())
            for answer in outcome.send:
                self.send(answer)
            if packet["type"] == "PUBLISH" and outcome.deliver:
                self.delivered.append(packet)
            if packet["type"] == "PINGRESP":
                self.pongs += 1
            self.done += outcome.done
        return packets

    def send_and_wait(self, packet: dict, wanted: str) -> dict:
        self.send(packet)
        return self.until(wanted)

    def until(self, wanted: str) -> dict:
        """Read frames until a packet of type `wanted` comes; return it."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            for packet in self.receive(deadline - time.monotonic()):
                if packet["type"] == wanted:
                    return packet
        raise AssertionError(f"no {wanted} within {WAIT_S} s")


def _clients(url, version):
    with ExitStack() as stack:

        def make(client_id="page", keep_alive=60):
            socket = stack.enter_context(connect(url, subprotocols=["mqtt"]))
            stack.callback(lambda: socket.send(encode({"type": "DISCONNECT"}, version)))
            return Client(socket, client_id, keep_alive, version)

        yield make


@pytest.fixture
def client(aedes):
    """Make MQTT 3.1.1 clients of aedes; each says DISCONNECT and closes after the test."""
    yield from _clients(aedes, V311)


@pytest.fixture
def client5(mosquitto):
    """Make MQTT 5.0 clients of mosquitto; each says DISCONNECT and closes after the test."""
    yield from _clients(mosquitto, V5)


def test_a_subscribe_is_granted_its_qos(client):
    """SUBSCRIBE to a filter at QoS 2 gets a SUBACK that grants QoS 2 and ends its flow."""
    mqtt = client()
    suback = mqtt.send_and_wait(mqtt.flows.subscribe([{"filter": "t/#", "qos": 2}]), "SUBACK")
    assert suback["codes"] == [2]
    assert mqtt.done == [[suback["id"], "SUBSCRIBE"]]


@pytest.mark.parametrize("qos", [0, 1, 2])
def test_a_publish_at_each_qos_completes_its_flows_and_comes_back_once(client, qos):
    """A PUBLISH at QoS 0, 1 and 2 to our own subscription: both flows end, one delivery."""
    mqtt = client()
    mqtt.send_and_wait(mqtt.flows.subscribe([{"filter": "t/#", "qos": 2}]), "SUBACK")
    mqtt.send(mqtt.flows.publish("t/1", b"ol\xc3\xa1", qos=qos))
    while not mqtt.delivered or mqtt.flows.waiting():
        mqtt.receive()
    assert [(p["topic"], p["payload"], p["qos"]) for p in mqtt.delivered] == [
        ("t/1", b"ol\xc3\xa1", qos)
    ]
    assert mqtt.flows.waiting() == {}


def test_a_retained_message_reaches_a_later_subscriber(client):
    """A retained PUBLISH is kept by the broker and sent, marked retain, to who subscribes next."""
    first = client("first")
    first.send_and_wait(first.flows.publish("r/1", b"kept", qos=1, retain=True), "PUBACK")
    later = client("later")
    later.send_and_wait(later.flows.subscribe([{"filter": "r/1", "qos": 1}]), "SUBACK")
    while not later.delivered:
        later.receive()
    assert later.delivered[0]["retain"] is True
    assert later.delivered[0]["payload"] == b"kept"


def test_the_keep_alive_holds_the_connection_past_two_intervals(client):
    """With a 1 s keep-alive, the flows' PINGREQs keep the broker from closing for 2.5 s."""
    mqtt = client(keep_alive=1)
    began = time.monotonic()
    while time.monotonic() - began < 2.5:
        for ping in mqtt.flows.tick(time.monotonic()) or []:
            mqtt.send(ping)
        try:
            mqtt.receive(timeout=0.1)
        except TimeoutError:
            pass  # no packet this tenth of a second: time for the next tick
    assert mqtt.pongs >= 2
    mqtt.send_and_wait({"type": "PINGREQ"}, "PINGRESP")  # still open


def test_mqtt5_connack_carries_properties(client5):
    """An MQTT 5 CONNECT with properties gets a CONNACK whose properties the codec reads."""
    mqtt = client5()
    assert isinstance(mqtt.connack["properties"], dict)
    assert mqtt.connack["properties"]  # mosquitto states its limits, e.g. topic_alias_maximum


@pytest.mark.parametrize("qos", [0, 1, 2])
def test_mqtt5_publish_keeps_its_properties_through_the_broker(client5, qos):
    """On 5.0, a PUBLISH's user properties and content type come back with the message,
    and the QoS flows end with reason codes the codec reads."""
    mqtt = client5()
    suback = mqtt.send_and_wait(mqtt.flows.subscribe([{"filter": "p/#", "qos": 2}]), "SUBACK")
    assert suback["codes"] == [2]
    packet = mqtt.flows.publish("p/1", b"{}", qos=qos)
    packet["properties"] = {"content_type": "application/json", "user_property": [["k", "v"]]}
    mqtt.send(packet)
    while not mqtt.delivered or mqtt.flows.waiting():
        mqtt.receive()
    [got] = mqtt.delivered
    assert got["properties"]["content_type"] == "application/json"
    assert got["properties"]["user_property"] == [["k", "v"]]
    assert got["qos"] == qos
