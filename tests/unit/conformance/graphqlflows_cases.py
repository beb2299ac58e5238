"""wsclient.graphqlflows: the init and its ack, operations held until it, pongs, and
the running list as operations complete, fail or are stopped."""

from wsclient.graphqlflows import GqlFlows
from wsclient.graphqlws import decode


def _read(frames):
    """Frames as the messages they hold: their text orders keys as the interpreter's
    dicts do, which MicroPython's do not keep."""
    return [decode(frame) for frame in frames]


def _outcome(out):
    return [_read(out.send), out.acked, out.ended, out.unknown]


def _held_until_the_ack():
    flows = GqlFlows({"token": "t"})
    init = flows.opened()
    early = flows.subscribe("subscription { a }")
    ack = flows.received({"type": "connection_ack"})
    later = flows.subscribe("subscription { b }", {"n": 1}, "B")
    return [_read(init), early, _outcome(ack), _read(later), sorted(flows.running)]


def _ends():
    flows = GqlFlows()
    flows.received({"type": "connection_ack"})
    for query in ("a", "b", "c"):
        flows.subscribe(query)
    steps = [
        _outcome(flows.received({"type": "next", "id": "1", "payload": {"data": 1}})),
        _outcome(flows.received({"type": "complete", "id": "1"})),
        _outcome(flows.received({"type": "error", "id": "2", "payload": [{"message": "x"}]})),
        _read(flows.stop("3")),
        flows.stop("3"),
        _outcome(flows.received({"type": "next", "id": "3", "payload": {}})),
    ]
    return [steps, flows.running]


CASES = [
    (
        "operations wait for the ack",
        _held_until_the_ack,
        [
            [{"type": "connection_init", "payload": {"token": "t"}}],
            [],
            [
                [{"type": "subscribe", "id": "1", "payload": {"query": "subscription { a }"}}],
                True,
                None,
                False,
            ],
            [
                {
                    "type": "subscribe",
                    "id": "2",
                    "payload": {
                        "query": "subscription { b }",
                        "variables": {"n": 1},
                        "operationName": "B",
                    },
                }
            ],
            ["1", "2"],
        ],
    ),
    (
        "a ping gets its pong",
        lambda: _outcome(GqlFlows().received({"type": "ping"})),
        [[{"type": "pong"}], False, None, False],
    ),
    (
        "complete, error and Stop end operations",
        _ends,
        [
            [
                [[], False, None, False],
                [[], False, ["1", "complete"], False],
                [[], False, ["2", "error"], False],
                [{"type": "complete", "id": "3"}],
                [],
                [[], False, None, True],
            ],
            {},
        ],
    ),
]
