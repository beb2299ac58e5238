"""wsclient.mqttflows: packet ids, the QoS 1 and 2 flows both ways, and the keep-alive."""

from wsclient.mqttflows import Flows


def _outcome(out):
    return {"send": out.send, "deliver": out.deliver, "done": out.done, "unknown": out.unknown}


def _qos1_out():
    flows = Flows()
    packet = flows.publish("t", b"x", qos=1)
    waiting = flows.waiting()
    out = flows.received({"type": "PUBACK", "id": packet["id"], "code": 0}, 1.0)
    return [packet["id"], waiting, _outcome(out), flows.waiting()]


def _qos2_out():
    flows = Flows()
    packet = flows.publish("t", b"x", qos=2)
    rec = flows.received({"type": "PUBREC", "id": 1, "code": 0}, 1.0)
    middle = flows.waiting()
    comp = flows.received({"type": "PUBCOMP", "id": 1, "code": 0}, 2.0)
    return [packet["id"], _outcome(rec), middle, _outcome(comp), flows.waiting()]


def _qos2_in_twice():
    """A QoS 2 PUBLISH sent again before its PUBREL is answered but not delivered twice."""
    flows = Flows()
    publish = {"type": "PUBLISH", "topic": "t", "qos": 2, "id": 9, "payload": b""}
    first = flows.received(publish, 0.0)
    again = flows.received(dict(publish, dup=True), 0.5)
    rel = flows.received({"type": "PUBREL", "id": 9, "code": 0}, 1.0)
    after = flows.received(publish, 2.0)  # a new message that reuses the id
    return [first.deliver, again.deliver, again.send, rel.send, after.deliver]


def _ids_skip_those_in_use():
    flows = Flows()
    flows._next = 65534
    first = flows.publish("t", b"", qos=1)["id"]
    second = flows.subscribe([{"filter": "a", "qos": 0}])["id"]
    flows._next = 65535
    third = flows.unsubscribe(["a"])["id"]
    return [first, second, third]


def _keep_alive():
    """Ping after keep_alive seconds of silence; dead when its PINGRESP is overdue."""
    flows = Flows(keep_alive=10)
    steps = [flows.tick(0.0)]  # nothing sent yet: not connected
    flows.sent(0.0)
    steps += [flows.tick(9.9), flows.tick(10.0), flows.tick(15.0)]
    flows.received({"type": "PINGRESP"}, 15.5)
    flows.sent(18.0)  # a PUBLISH puts the next ping off
    steps += [flows.tick(25.0), flows.tick(28.0), flows.tick(38.0)]
    return steps


CASES = [
    (
        "QoS 1 out ends with its PUBACK",
        _qos1_out,
        [
            1,
            {"1": "PUBACK"},
            {"send": [], "deliver": False, "done": [[1, "PUBLISH"]], "unknown": False},
            {},
        ],
    ),
    (
        "QoS 2 out: PUBREC, our PUBREL, then PUBCOMP",
        _qos2_out,
        [
            1,
            {"send": [{"type": "PUBREL", "id": 1}], "deliver": False, "done": [], "unknown": False},
            {"1": "PUBCOMP"},
            {"send": [], "deliver": False, "done": [[1, "PUBLISH"]], "unknown": False},
            {},
        ],
    ),
    (
        "QoS 2 out refused at its PUBREC ends there",
        lambda: _outcome(
            (
                lambda f: (
                    f.publish("t", b"", qos=2),
                    f.received({"type": "PUBREC", "id": 1, "code": 0x87}, 0),
                )[1]
            )(Flows())
        ),
        {"send": [], "deliver": False, "done": [[1, "PUBLISH"]], "unknown": False},
    ),
    (
        "QoS 1 in is answered and delivered",
        lambda: _outcome(Flows().received({"type": "PUBLISH", "topic": "t", "qos": 1, "id": 4}, 0)),
        {"send": [{"type": "PUBACK", "id": 4}], "deliver": True, "done": [], "unknown": False},
    ),
    (
        "QoS 2 in is delivered once",
        _qos2_in_twice,
        [True, False, [{"type": "PUBREC", "id": 9}], [{"type": "PUBCOMP", "id": 9}], True],
    ),
    (
        "an ack for an id nobody waits on",
        lambda: _outcome(Flows().received({"type": "PUBACK", "id": 3}, 0)),
        {"send": [], "deliver": False, "done": [], "unknown": True},
    ),
    (
        "a SUBACK ends its SUBSCRIBE",
        lambda: _outcome(
            (
                lambda f: (
                    f.subscribe([]),
                    f.received({"type": "SUBACK", "id": 1, "codes": [0]}, 0),
                )[1]
            )(Flows())
        ),
        {"send": [], "deliver": False, "done": [[1, "SUBSCRIBE"]], "unknown": False},
    ),
    ("packet ids go round and skip those in use", _ids_skip_those_in_use, [65534, 65535, 1]),
    (
        "keep-alive",
        _keep_alive,
        [[], [], [{"type": "PINGREQ"}], [], [], [{"type": "PINGREQ"}], None],
    ),
    (
        "no keep-alive never pings",
        lambda: (lambda f: (f.sent(0), f.tick(1e9))[1])(Flows(keep_alive=0)),
        [],
    ),
]
