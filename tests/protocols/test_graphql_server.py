"""The core's graphql-transport-ws codec and flows against the reference server
(graphql-ws, from npm), as the page will speak to it."""

from contextlib import ExitStack

import pytest
from websockets.sync.client import connect

from wsclient.graphqlflows import GqlFlows
from wsclient.graphqlws import SUBPROTOCOL, decode

WAIT_S = 10


class Client:
    """One connection driven by the core: graphqlws.decode and GqlFlows."""

    def __init__(self, socket) -> None:
        self.socket = socket
        self.flows = GqlFlows({"from": "tests"})
        self.send(self.flows.opened())

    def send(self, frames: "list[str]") -> None:
        for frame in frames:
            self.socket.send(frame)

    def messages(self, until: str) -> list:
        """The messages read up to and including the first of type `until`."""
        seen = []
        while not seen or seen[-1]["type"] != until:
            message = decode(self.socket.recv(timeout=WAIT_S))
            self.send(self.flows.received(message).send)
            seen.append(message)
        return seen


@pytest.fixture
def client(graphql_server):
    with ExitStack() as stack:
        yield lambda: Client(
            stack.enter_context(connect(graphql_server, subprotocols=[SUBPROTOCOL]))
        )


def test_a_subscription_streams_its_values_then_completes(client):
    """count(to: 3), asked for before the ack, streams 1, 2, 3 as next, then complete."""
    gql = client()
    gql.send(
        gql.flows.subscribe("subscription Count($to: Int!) { count(to: $to) }", {"to": 3}, "Count")
    )
    seen = gql.messages(until="complete")
    assert seen[0]["type"] == "connection_ack"
    assert [m["payload"]["data"]["count"] for m in seen if m["type"] == "next"] == [1, 2, 3]
    assert gql.flows.running == {}


def test_a_bad_query_gets_its_error_and_ends_the_operation(client):
    """A query for a field the schema lacks gets an error message for its id, ending it."""
    gql = client()
    gql.messages(until="connection_ack")
    gql.send(gql.flows.subscribe("subscription { nope }"))
    error = gql.messages(until="error")[-1]
    assert error["id"] == "1"
    assert "nope" in error["payload"][0]["message"]
    assert gql.flows.running == {}


def test_stop_completes_a_running_operation(client):
    """Stop sends complete for a running subscription; the connection stays usable."""
    gql = client()
    gql.messages(until="connection_ack")
    gql.send(gql.flows.subscribe("subscription { count(to: 1000000) }"))
    gql.messages(until="next")
    gql.send(gql.flows.stop("1"))
    assert gql.flows.running == {}
    gql.send(gql.flows.subscribe("query { hello }"))
    seen = gql.messages(until="complete")
    assert {"data": {"hello": "Hi"}} in [m.get("payload") for m in seen if m.get("id") == "2"]
