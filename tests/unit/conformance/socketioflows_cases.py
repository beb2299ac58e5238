"""wsclient.socketioflows: the namespace's CONNECT, the heartbeat on Engine.IO 3 and 4,
and acks matched to their emits with their round trip."""

from wsclient.socketioflows import SioFlows

HANDSHAKE = {"sid": "s", "pingInterval": 25000, "pingTimeout": 20000}


def _state(out):
    return [out.send, out.connected, out.refused, out.acked]


def _heartbeat_4():
    """The server pings; we answer; silence past interval + timeout is death."""
    flows = SioFlows(4)
    flows.opened(HANDSHAKE, 0.0)
    pong = flows.engine({"type": "ping", "data": ""}, 25.0).send
    return [pong, flows.tick(69.9), flows.tick(70.1)]


def _heartbeat_3():
    """We ping every interval; a pong within the timeout keeps the connection."""
    flows = SioFlows(3)
    flows.opened(HANDSHAKE, 0.0)
    steps = [flows.tick(24.0), flows.tick(25.0), flows.tick(30.0)]
    flows.engine({"type": "pong", "data": ""}, 31.0)
    steps += [flows.tick(55.0), flows.tick(56.0), flows.tick(75.9), flows.tick(76.1)]
    return steps


def _acks():
    flows = SioFlows(4, "/chat")
    flows.opened(HANDSHAKE, 0.0)
    flows.socket({"type": "CONNECT", "nsp": "/chat", "data": {"sid": "x"}}, 0.5)
    [first] = flows.emit("hello", ["olá"], 1.0, ack=True)
    [plain] = flows.emit("note", [], 1.0)
    [second] = flows.emit("hello", [], 2.0, ack=True)
    answer = flows.socket({"type": "ACK", "nsp": "/chat", "id": 1, "data": ["ok"]}, 2.5)
    other_nsp = flows.socket({"type": "ACK", "nsp": "/", "id": 0, "data": []}, 3.0)
    unknown = flows.socket({"type": "ACK", "nsp": "/chat", "id": 7, "data": []}, 3.0)
    return [first, plain, second, answer.acked, other_nsp.acked, unknown.acked, flows.waiting()]


def _held_until_connected():
    """Events emitted before the namespace's CONNECT go out with it, in order."""
    flows = SioFlows(4)
    flows.opened(HANDSHAKE, 0.0)
    early = [flows.emit("a", [], 0.1), flows.emit("b", [1], 0.2)]
    connect = flows.socket({"type": "CONNECT", "nsp": "/", "data": {"sid": "x"}}, 0.3)
    return [early, connect.send, flows.emit("c", [], 0.4)]


CASES = [
    (
        "events wait for the namespace's CONNECT",
        _held_until_connected,
        [[[], []], ['42["a"]', '42["b",1]'], ['42["c"]']],
    ),
    (
        "Engine.IO 4 connects the namespace with auth",
        lambda: SioFlows(4, "/admin", {"token": "t"}).opened(HANDSHAKE, 0),
        ['40/admin,{"token":"t"}'],
    ),
    ("Engine.IO 4 connects the main namespace", lambda: SioFlows(4).opened(HANDSHAKE, 0), ["40"]),
    (
        "Socket.IO 2 connects the main namespace by itself",
        lambda: SioFlows(3).opened(HANDSHAKE, 0),
        [],
    ),
    (
        "Socket.IO 2 asks for another namespace",
        lambda: SioFlows(3, "/a").opened(HANDSHAKE, 0),
        ["40/a,"],
    ),
    ("heartbeat on Engine.IO 4", _heartbeat_4, [["3"], [], None]),
    ("heartbeat on Engine.IO 3", _heartbeat_3, [[], ["2"], [], [], ["2"], [], None]),
    (
        "acks matched to their emits",
        _acks,
        [
            '42/chat,0["hello","olá"]',
            '42/chat,["note"]',
            '42/chat,1["hello"]',
            [1, "hello", 0.5],
            None,
            None,
            [0],
        ],
    ),
    (
        "the namespace's CONNECT and CONNECT_ERROR",
        lambda: [
            _state(SioFlows(4).socket({"type": "CONNECT", "nsp": "/", "data": {"sid": "x"}}, 0)),
            _state(
                SioFlows(4).socket(
                    {"type": "CONNECT_ERROR", "nsp": "/", "data": {"message": "no"}}, 0
                )
            ),
        ],
        [[[], {"sid": "x"}, None, None], [[], None, {"message": "no"}, None]],
    ),
    ("nothing to do before the open", lambda: SioFlows(3).tick(100.0), []),
]
