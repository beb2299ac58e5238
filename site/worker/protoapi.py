"""The script API's protocol calls, inside the worker: emit() and @on_event (Socket.IO),
publish(), subscribe(), unsubscribe() and @on_publish (MQTT), subscribe() and @on_next
(GraphQL). Each call is checked here (wsclient/scriptproto.py) and posted to the page,
which sends it on the connection; what the connection brings comes back as events."""

from wsclient import scriptproto
from wsclient.scripting import ScriptError


class ProtoApi:
    """The protocol's names for the script, and the events the page posts for them.

    Args:
        post: posts a request to the page (kind, then its fields).
        call: calls one of the script's functions, as hooks are called.
    """

    def __init__(self, post, call):
        self._post = post
        self._call = call
        self.hooks = scriptproto.ProtoHooks()
        self.proto = "raw"  # the connection's protocol, as the page last said
        self._acks = {}  # ref -> the emit's ack callback
        self._refs = 0

    def names(self):
        return {
            "emit": self.emit,
            "publish": self.publish,
            "subscribe": self.subscribe,
            "unsubscribe": self.unsubscribe,
            "on_event": self.hooks.on_event,
            "on_publish": self.hooks.on_publish,
            "on_next": self.hooks.on_next,
        }

    def _need(self, proto, what):
        if self.proto != proto:
            names = {"socketio": "Socket.IO", "mqtt": "MQTT", "graphql": "GraphQL"}
            wanted = names[proto]
            article = "an" if wanted == "MQTT" else "a"
            here = names.get(self.proto, "raw frames")
            raise ScriptError(
                "%s needs %s %s connection; this one speaks %s" % (what, article, wanted, here)
            )

    def emit(self, event, *args, ack=None):
        """Emit a Socket.IO event; ack, a function, is called with the ack's arguments."""
        self._need("socketio", "emit()")
        if ack is not None and not callable(ack):
            raise ScriptError("emit(): ack is a function, called with the ack's arguments")
        ref = None
        if ack is not None:
            self._refs += 1
            ref = self._refs
            self._acks[ref] = ack
        request = scriptproto.emit_request(event, args, ref)
        self._post(request.pop("t"), **request)

    def publish(self, topic, payload, qos=0, retain=False):
        """Publish an MQTT message: text, bytes, or a dict or list as JSON."""
        self._need("mqtt", "publish()")
        request = scriptproto.publish_request(topic, payload, qos, retain)
        self._post(request.pop("t"), **request)

    def subscribe(self, first, second=None):
        """MQTT: subscribe(topic_filter, qos=0). GraphQL: subscribe(query, variables=None)."""
        request = scriptproto.subscribe_request(self.proto, first, second)
        self._post(request.pop("t"), **request)

    def unsubscribe(self, topic_filter):
        """Unsubscribe from an MQTT topic filter."""
        self._need("mqtt", "unsubscribe()")
        if not isinstance(topic_filter, str) or not topic_filter:
            raise ScriptError("unsubscribe() takes the topic filter, as text")
        self._post("unsubscribe", filter=topic_filter)

    def events(self, fields):
        """The events the page posted, each to the hooks (or the ack) it concerns."""
        for event in fields["events"]:
            if event.get("kind") == "ack":
                callback = self._acks.pop(event.get("ref"), None)
                if callback is not None:
                    self._call(callback, *scriptproto.from_plain(event["args"]))
                continue
            for function, args in self.hooks.calls(event):
                self._call(function, *args)
