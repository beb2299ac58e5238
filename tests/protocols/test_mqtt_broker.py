"""The core's MQTT codec and flows against a real broker (aedes, from npm), as the page
will speak to it: binary frames on the `mqtt` subprotocol, packets cut anywhere."""

import time
from contextlib import ExitStack

import pytest
from websockets.sync.client import connect

from wsclient.mqtt import V311, Decoder, encode
from wsclient.mqttflows import Flows

WAIT_S = 10  # the longest a broker's answer may take


class Client:
    """One MQTT connection driven by the core: encode, Decoder, Flows."""

    def __init__(self, socket, client_id: str, keep_alive: int = 60) -> None:
        self.socket = socket
        self.decoder = Decoder(V311)
        self.flows = Flows(V311, keep_alive)
        self.delivered: list = []
        self.done: list = []
        self.pongs = 0
        connack = self.send_and_wait(
            {"type": "CONNECT", "client_id": client_id, "keep_alive": keep_alive}, "CONNACK"
        )
        assert connack["code"] == 0

    def send(self, packet: dict) -> None:
        self.socket.send(encode(packet, V311))
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


@pytest.fixture
def client(aedes):
    """Make clients connected to the broker; each says DISCONNECT and closes after the test."""
    with ExitStack() as stack:

        def make(client_id="page", keep_alive=60):
            socket = stack.enter_context(connect(aedes, subprotocols=["mqtt"]))
            stack.callback(lambda: socket.send(encode({"type": "DISCONNECT"}, V311)))
            return Client(socket, client_id, keep_alive)

        yield make


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
