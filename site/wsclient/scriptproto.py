"""The script API's protocol calls, their pure parts: what the worker checks and posts.

`emit()` and `@on_event` (Socket.IO), `publish()`, `subscribe()` and `@on_publish`
(MQTT), `subscribe()` and `@on_next` (GraphQL). The worker (site/worker/protoapi.py)
checks each call here, at the line of the script that made it, and posts the request;
the page's ProtoHost carries it out on the connection. What the connection brings comes
back as events (wsclient.protocols.Heard.events), which `ProtoHooks` hands to the hooks.
"""

import binascii

from wsclient.mqtttopics import filter_fault, topic_matches
from wsclient.scripting import ScriptError, outgoing, wire

__all__ = [
    "ProtoHooks",
    "emit_request",
    "from_plain",
    "publish_request",
    "subscribe_request",
    "topic_matches",
]

# What each protocol's subscribe() takes, for its error.
_SUBSCRIBE_USAGE = {
    "mqtt": "subscribe(topic_filter, qos=0)",
    "graphql": "subscribe(query, variables=None)",
}


def _to_plain(value: object) -> object:
    """A script's value as the page's JSON carries it: bytes as {"hex": …}."""
    if isinstance(value, (bytes, bytearray)):
        return {"hex": bytes(value).hex()}
    if isinstance(value, (list, tuple)):
        return [_to_plain(item) for item in value]
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise ScriptError("emit(): a dict's keys are text, not %r" % (key,))
        return {key: _to_plain(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise ScriptError(
        "emit() sends text, numbers, True/False/None, bytes, lists and dicts, not %r" % (value,)
    )


def from_plain(value: object) -> object:
    """What the page's JSON carries, for a hook: {"base64": …} or {"hex": …} as bytes."""
    if isinstance(value, list):
        return [from_plain(item) for item in value]
    if isinstance(value, dict):
        if len(value) == 1 and "hex" in value and isinstance(value["hex"], str):
            return bytes.fromhex(value["hex"])
        if len(value) == 1 and "base64" in value and isinstance(value["base64"], str):
            return binascii.a2b_base64(value["base64"].encode())
        return {key: from_plain(item) for key, item in value.items()}
    return value


def emit_request(event: object, args: tuple, ref: "int | None") -> dict:
    """The post of an emit(event, *args): ref numbers the ack callback, if any."""
    if not isinstance(event, str) or not event:
        raise ScriptError("emit() takes the event's name first, as text")
    return {"t": "emit", "event": event, "args": _to_plain(list(args)), "ref": ref}


def publish_request(topic: object, payload: object, qos: object, retain: object) -> dict:
    """The post of a publish(topic, payload, qos, retain)."""
    if not isinstance(topic, str) or not topic:
        raise ScriptError("publish() takes the topic first, as text")
    if "+" in topic or "#" in topic:
        raise ScriptError("publish(): the topic %r has + or #, which only filters may have" % topic)
    _qos(qos, "publish()")
    fields: dict = {"t": "publish", "topic": topic, "qos": qos, "retain": bool(retain)}
    fields.update(wire(outgoing(payload, "publish()")))
    return fields


def _qos(qos: object, what: str) -> None:
    if isinstance(qos, bool) or qos not in (0, 1, 2):
        raise ScriptError("%s: qos is 0, 1 or 2, not %r" % (what, qos))


def subscribe_request(proto: str, first: object, second: object) -> dict:
    """The post of a subscribe() on a connection of protocol proto: (topic_filter, qos)
    for MQTT, (query, variables) for GraphQL."""
    usage = _SUBSCRIBE_USAGE.get(proto)
    if usage is None:
        raise ScriptError("subscribe() needs an MQTT or GraphQL connection, not %s" % proto)
    if not isinstance(first, str) or not first.strip():
        raise ScriptError("%s takes text first" % usage)
    if proto == "mqtt":
        fault = filter_fault(first)
        if fault:
            raise ScriptError("subscribe(): the filter %r %s" % (first, fault))
        qos = 0 if second is None else second
        _qos(qos, "subscribe()")
        return {"t": "subscribe", "filter": first, "qos": qos}
    if second is not None and not isinstance(second, dict):
        raise ScriptError("subscribe(): the variables are a dict")
    return {"t": "subscribe", "query": first, "variables": second}


class ProtoHooks:
    """The functions a script registered with @on_event(name), @on_publish(topic_filter)
    and @on_next: each event the page posts goes to the ones it concerns."""

    def __init__(self) -> None:
        self.events: "list[list]" = []  # [name, function]
        self.publishes: "list[list]" = []  # [topic filter, function]
        self.nexts: list = []

    def on_event(self, name: object):
        if not isinstance(name, str) or not name:
            raise ScriptError('@on_event takes the event\'s name, as in @on_event("chat")')
        return self._register(self.events, name, "on_event")

    def on_publish(self, topic_filter: object):
        if not isinstance(topic_filter, str) or not topic_filter:
            raise ScriptError('@on_publish takes a topic filter, as in @on_publish("sensors/#")')
        return self._register(self.publishes, topic_filter, "on_publish")

    def on_next(self, function):
        if not callable(function):
            raise ScriptError("@on_next goes above a def, as in:\n@on_next\ndef f(data, op): ...")
        self.nexts.append(function)
        return function

    def _register(self, hooks: list, key: str, kind: str):
        def register(function):
            if not callable(function):
                raise ScriptError("@%s(…) goes above a def" % kind)
            hooks.append([key, function])
            return function

        return register

    def calls(self, event: dict) -> list:
        """The calls an event makes: [function, args] each, in the order registered."""
        kind = event.get("kind")
        if kind == "event":
            args = from_plain(event["args"])
            return [[f, args] for name, f in self.events if name == event["name"] or name == "*"]
        if kind == "publish":
            payload = bytes.fromhex(event["hex"])
            try:
                data: "str | bytes" = payload.decode("utf-8")
            except UnicodeError:
                data = payload
            topic = event["topic"]
            return [[f, [topic, data]] for name, f in self.publishes if topic_matches(name, topic)]
        if kind == "next":
            return [[f, [event["payload"], event["id"]]] for f in self.nexts]
        return []
