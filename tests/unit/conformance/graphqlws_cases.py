"""wsclient.graphqlws: graphql-transport-ws messages read and checked, written and named."""

from wsclient.errors import InputError
from wsclient.graphqlws import decode, encode, summary


def _decoded(text):
    try:
        return decode(text)
    except InputError as exc:
        return [exc.key, exc.params]


SUBSCRIBE = {
    "type": "subscribe",
    "id": "1",
    "payload": {"query": "subscription {\n  greetings\n}", "operationName": "Hi"},
}

CASES = [
    ("decode " + name, lambda text=text: _decoded(text), expected)
    for name, text, expected in [
        ("connection_ack", '{"type":"connection_ack"}', {"type": "connection_ack"}),
        (
            "ping with a payload",
            '{"type":"ping","payload":{"a":1}}',
            {"type": "ping", "payload": {"a": 1}},
        ),
        (
            "next",
            '{"id":"1","type":"next","payload":{"data":{"greetings":"Hi"}}}',
            {"id": "1", "type": "next", "payload": {"data": {"greetings": "Hi"}}},
        ),
        ("complete", '{"id":"1","type":"complete"}', {"id": "1", "type": "complete"}),
        ("not JSON", '{"type":', ["gql.json", {"position": 8}]),
        ("not an object", "[1]", ["gql.object", {"position": 0}]),
        ("an unknown type", '{"type":"start"}', ["gql.type", {"position": 0, "name": "start"}]),
        (
            "next without an id",
            '{"type":"next","payload":{}}',
            ["gql.id", {"position": 0, "name": "next"}],
        ),
        (
            "an empty id",
            '{"type":"complete","id":""}',
            ["gql.id", {"position": 0, "name": "complete"}],
        ),
        (
            "subscribe without a query",
            '{"type":"subscribe","id":"1","payload":{}}',
            ["gql.payload", {"position": 0, "name": "subscribe"}],
        ),
        (
            "error with no errors",
            '{"type":"error","id":"1","payload":[]}',
            ["gql.payload", {"position": 0, "name": "error"}],
        ),
        (
            "init with a list",
            '{"type":"connection_init","payload":[]}',
            ["gql.payload", {"position": 0, "name": "connection_init"}],
        ),
    ]
] + [
    ("a subscribe reads back as written", lambda: decode(encode(SUBSCRIBE)) == SUBSCRIBE, True),
    (
        "complete is written compact",
        lambda: (
            encode({"type": "complete", "id": "7"})
            in ('{"type":"complete","id":"7"}', '{"id":"7","type":"complete"}')
        ),
        True,
    ),
    (
        "summary of a subscribe",
        lambda: summary(SUBSCRIBE),
        "subscribe 1 · Hi · subscription { greetings }",
    ),
    (
        "summary of an error",
        lambda: summary(
            {"type": "error", "id": "2", "payload": [{"message": "Cannot query field"}, 3]}
        ),
        'error 2 · Cannot query field; "3"',
    ),
    (
        "summary of a next",
        lambda: summary({"type": "next", "id": "3", "payload": {"data": None}}),
        'next 3 · {"data":null}',
    ),
    ("summary of a pong", lambda: summary({"type": "pong"}), "pong"),
]
