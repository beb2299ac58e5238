"""GraphQL over WebSocket: the graphql-transport-ws protocol's messages, read, checked,
written and named for the log.

Each text frame is one JSON object with a "type": connection_init, connection_ack, ping,
pong, subscribe, next, error or complete. The four that belong to an operation carry
its "id". A message that breaks the protocol raises InputError with the character it
goes wrong at ("position"); the protocol's answer to one is to close with 4400.
"""

from wsclient.errors import InputError
from wsclient.jsontext import json_string, json_text, parse_json_in

__all__ = ["CLOSE_CODES", "SUBPROTOCOL", "TYPES", "decode", "encode", "summary"]

SUBPROTOCOL = "graphql-transport-ws"
TYPES = (
    "connection_init",
    "connection_ack",
    "ping",
    "pong",
    "subscribe",
    "next",
    "error",
    "complete",
)
_WITH_ID = ("subscribe", "next", "error", "complete")
# The protocol's own close codes (graphql-ws PROTOCOL.md), for the status line.
CLOSE_CODES = {
    4400: "invalid message",
    4401: "unauthorized",
    4403: "forbidden",
    4406: "subprotocol not acceptable",
    4408: "connection initialisation timeout",
    4409: "subscriber for this id already exists",
    4429: "too many initialisation requests",
    4499: "terminated",
    4500: "internal error",
}


def decode(text: str) -> dict:
    """The message in a text frame, checked against the protocol.

    Raises:
        InputError: "gql.json" (not JSON), "gql.object", "gql.type", "gql.id" or
            "gql.payload", with the position of the text's fault (0 for a field).
    """
    message = parse_json_in(text, "gql.json")
    if not isinstance(message, dict):
        raise InputError("gql.object", {"position": 0})
    kind = message.get("type")
    if kind not in TYPES:
        raise InputError("gql.type", {"position": 0, "name": str(kind)})
    if kind in _WITH_ID and not (isinstance(message.get("id"), str) and message["id"]):
        raise InputError("gql.id", {"position": 0, "name": kind})
    payload = message.get("payload")
    if kind == "subscribe":
        good = isinstance(payload, dict) and isinstance(payload.get("query"), str)
    elif kind == "next":
        good = isinstance(payload, dict)
    elif kind == "error":
        good = isinstance(payload, list) and bool(payload)
    elif kind == "complete":
        good = "payload" not in message
    else:
        good = payload is None or isinstance(payload, dict)
    if not good:
        raise InputError("gql.payload", {"position": 0, "name": kind})
    return message


def encode(message: dict) -> str:
    """The text frame of a message: compact JSON of its type, id and payload."""
    return json_text({key: message[key] for key in ("type", "id", "payload") if key in message})


def summary(message: dict) -> str:
    """The message named for a log entry, as `next 1 · {"data": …}`."""
    kind = message["type"]
    parts = [kind + (" " + message["id"] if "id" in message else "")]
    payload = message.get("payload")
    if kind == "subscribe" and isinstance(payload, dict):
        name = payload.get("operationName")
        if name:
            parts.append(name)
        parts.append(" ".join(payload["query"].split())[:80])
    elif kind == "error" and isinstance(payload, list):
        parts.append("; ".join(_error_text(error) for error in payload))
    elif payload is not None:
        parts.append(json_text(payload)[:200])
    return " · ".join(parts)


def _error_text(error: object) -> str:
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return error["message"]
    return json_string(str(error))
