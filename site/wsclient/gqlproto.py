"""A GraphQL session over one WebSocket: graphql-transport-ws (the `graphql-ws` library's).

connection_init goes out as the socket opens, with the init payload; operations asked
for before the ack wait for it; each running operation is listed until its `complete`
or `error`, and the user's Stop completes it (wsclient.graphqlflows).
"""

from wsclient.errors import InputError
from wsclient.graphqlflows import GqlFlows
from wsclient.graphqlws import SUBPROTOCOL, decode, summary
from wsclient.jsontext import json_text
from wsclient.protocols import Heard, Out, json_option

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

__all__ = ["GqlSession"]


class GqlSession:
    """One connection's GraphQL client.

    Args:
        options: the fields' text: "init" (connection_init's payload, a JSON object, or blank).

    Raises:
        InputError: an option the page cannot use, naming it.
    """

    name = "graphql"
    subprotocols = [SUBPROTOCOL]

    def __init__(self, options: "dict[str, str]") -> None:
        init = json_option(options.get("init", ""), "connection_init", "init")
        self.flows = GqlFlows(init)  # type: ignore[arg-type]

    def awaiting(self) -> bool:
        return False

    def address(self, url: str) -> str:
        return url

    @property
    def subscriptions(self) -> "list[list]":
        """The running operations: [id, operation name or the query's start]."""
        rows = []
        for number, operation in self.flows.running.items():
            rows.append([number, operation["name"] or " ".join(operation["query"].split())[:60]])
        return rows

    def resumed(self, old: object, now: float) -> "list[Heard]":
        """A new connection after old: nothing carries over."""
        return []

    def act(self, action: str, value: str, qos: int, now: float) -> "Heard | None":
        """The Protocolo tab's Parar, by a running operation."""
        return self.stop(value) if action == "stop" else None

    def offline(self, action: str, value: str) -> bool:
        return False

    def scripted(self, fields: dict, now: float) -> "Heard | None":
        """A script's subscribe(query, variables); None for another protocol's call."""
        if fields["t"] != "subscribe" or "query" not in fields:
            return None
        return self.subscribe(str(fields["query"]), fields.get("variables"))

    def rows(self, t: "Callable[..., str]", connected: bool) -> "tuple[list, str]":
        """The running operations, each [id, its line, its button's label and name], and
        the key of what the list says when empty."""
        rows = []
        for number, name in self.subscriptions:
            label = t("gql.stop")
            rows.append([number, number + " · " + name, label, label + " " + number])
        return rows, "gql.no_ops"

    def opened(self, now: float) -> Heard:
        heard = Heard()
        self._send(heard, self.flows.opened())
        return heard

    def text(self, frame: str, now: float) -> Heard:
        heard = Heard()
        try:
            message = decode(frame)
        except InputError as exc:
            heard.failed(exc)
            return heard
        kind = message["type"]
        payload = message.get("payload")
        if kind == "next":
            heard.packet("next " + message["id"], message, json_text(payload))
            heard.events.append({"kind": "next", "id": message["id"], "payload": payload})
            errors = payload.get("errors") if isinstance(payload, dict) else None
            if isinstance(errors, list) and errors:
                detail = summary({"type": "error", "payload": errors}).partition(" · ")[2]
                heard.note("gql.next_errors", id=message["id"], detail=detail)
        else:
            heard.packet(summary(message), message)
        outcome = self.flows.received(message)
        self._send(heard, outcome.send)
        if outcome.acked:
            heard.note("gql.acked")
        if outcome.ended is not None:
            heard.listing = True
            number, how = outcome.ended
            if how == "error":
                detail = summary(message).partition(" · ")[2]
                heard.note("gql.failed", id=number, detail=detail)
                heard.events.append({"kind": "error", "id": number, "payload": payload})
            else:
                heard.note("gql.completed", id=number)
                heard.events.append({"kind": "complete", "id": number})
        if outcome.unknown:
            heard.note("gql.unknown_id", name=kind, id=message.get("id", ""))
        return heard

    def binary(self, data: bytes, now: float) -> Heard:
        """graphql-transport-ws is text only: a binary frame is a fault of the server's."""
        heard = Heard()
        heard.failed(InputError("gql.binary"))
        heard.close = ("gql.binary", {})
        return heard

    def compose(self, form: "dict[str, str]", payload: "str | bytes", now: float) -> Heard:
        """The composer's operation: payload is the query; form's "variables" (a JSON
        object) and "operation" (its name)."""
        if not isinstance(payload, str) or not payload.strip():
            raise InputError("gql.query_empty")
        variables = json_option(form.get("variables", ""), "variables", "variables")
        return self.subscribe(payload, variables, form.get("operation", "").strip())  # type: ignore[arg-type]

    def subscribe(self, query: str, variables: "dict | None" = None, name: str = "") -> Heard:
        heard = Heard()
        frames = self.flows.subscribe(query, variables, name or None)
        if not frames:
            heard.note("gql.held")
        heard.listing = True
        self._send(heard, frames)
        return heard

    def stop(self, number: str) -> Heard:
        heard = Heard()
        heard.listing = True
        self._send(heard, self.flows.stop(number))
        return heard

    def closed(self) -> None:
        """The connection closed: the operations ended with it."""
        self.flows.running.clear()

    def goodbye(self) -> Heard:
        """graphql-transport-ws has no goodbye: the close says it."""
        return Heard()

    def tick(self, now: float) -> Heard:
        return Heard()

    def _send(self, heard: Heard, frames: "list[str]") -> None:
        for frame in frames:
            message = decode(frame)
            heard.send.append(Out(frame, summary(message), "", message))
