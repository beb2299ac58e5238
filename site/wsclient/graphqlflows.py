"""What a graphql-transport-ws client does by itself: connection_init and its ack, pongs
for the server's pings, ids for subscriptions, and which operations are running.

The server closes with 4408 when no connection_init comes in time, and with 4400 when a
subscribe comes before the ack; so operations asked for before the ack wait for it.
"""

from wsclient.graphqlws import encode

__all__ = ["GqlFlows", "GqlOutcome"]


class GqlOutcome:
    """What a received message did.

    Attributes:
        send: frames to send in answer (a pong, the operations that waited for the ack).
        acked: the connection_ack came.
        ended: [id, "complete" or "error"] of an operation that ended.
        unknown: a message about an id no operation has.
    """

    def __init__(self) -> None:
        self.send: "list[str]" = []
        self.acked = False
        self.ended: "list[str] | None" = None
        self.unknown = False


class GqlFlows:
    """One connection's operations, each {"id", "query", "variables", "name"} by id."""

    def __init__(self, init_payload: "dict | None" = None) -> None:
        self.init_payload = init_payload
        self.running: "dict[str, dict]" = {}
        self._acked = False
        self._held: "list[str]" = []
        self._next = 1

    def opened(self) -> "list[str]":
        """The socket opened: the connection_init to send."""
        message: dict = {"type": "connection_init"}
        if self.init_payload is not None:
            message["payload"] = self.init_payload
        return [encode(message)]

    def subscribe(
        self, query: str, variables: "dict | None" = None, name: "str | None" = None
    ) -> "list[str]":
        """Start an operation: its subscribe frame, or nothing until the ack comes."""
        number = str(self._next)
        self._next += 1
        payload: dict = {"query": query}
        if variables:
            payload["variables"] = variables
        if name:
            payload["operationName"] = name
        self.running[number] = {"id": number, "query": query, "variables": variables, "name": name}
        frame = encode({"type": "subscribe", "id": number, "payload": payload})
        if not self._acked:
            self._held.append(frame)
            return []
        return [frame]

    def stop(self, number: str) -> "list[str]":
        """The user's Stop: complete the operation, if it still runs."""
        if self.running.pop(number, None) is None:
            return []
        return [encode({"type": "complete", "id": number})]

    def received(self, message: dict) -> GqlOutcome:
        """What a received message (graphqlws.decode's) does."""
        out = GqlOutcome()
        kind = message["type"]
        if kind == "connection_ack":
            self._acked = True
            out.acked = True
            out.send, self._held = self._held, []
        elif kind == "ping":
            out.send.append(encode({"type": "pong"}))
        elif kind in ("next", "error", "complete"):
            number = message["id"]
            if number not in self.running:
                out.unknown = True
            elif kind != "next":
                del self.running[number]
                out.ended = [number, kind]
        return out
