"""wsclient.protohost: a protocol's session between the socket and the page, from events."""

import json

from wsclient import commands, events, present
from wsclient.client import Client
from wsclient.export import entry_record
from wsclient.mqtt import encode
from wsclient.protodata import ProtoAction, ProtoChosen
from wsclient.settings import Settings


def _page(query="?lang=en"):
    core = Client(Settings.from_search(query, ""), 0, lambda: 0.5)
    core.handle(events.Start(0.0))
    core.out.clear()
    return core


def _feed(core, event):
    """Feed event; return the names of its commands, Draw left out, and the answer."""
    answer = core.handle(event)
    out = [c.as_list() for c in core.out if c is not commands.DRAW]
    core.out.clear()
    return out, answer


def _kinds(out):
    return [command[0] for command in out]


def _mqtt_page():
    core = _page()
    core.handle(events.Connect("ws://h/", "", 0.0, "mqtt", {"client_id": "me"}))
    core.handle(events.Opened("ws://h/", "mqtt", "", 1.0))
    core.handle(events.Transmitted([[1, 1.0]], None, 1.0))
    core.handle(events.BinaryReceived(encode({"type": "CONNACK", "code": 0}), 4, 2.0))
    core.out.clear()
    return core


def _connect_mqtt():
    out, _ = _feed(_page(), events.Connect("ws://h/", "chat", 0.0, "mqtt", {}))
    opened = [c for c in out if c[0] in ("WholeFrames", "Open", "Address")]
    return opened


def _connect_raw():
    out, _ = _feed(_page(), events.Connect("ws://h/", "chat", 0.0))
    return _kinds(out)


def _wrong_option():
    out, _ = _feed(_page(), events.Connect("ws://h/", "", 0.0, "socketio", {"namespace": "x"}))
    return out


def _offline_compose():
    core = _page()
    core.handle(events.Connect("ws://h/", "", 0.0, "mqtt", {}))
    core.out.clear()
    out, _ = _feed(core, events.Compose("text", "hi", 1.0, form={"topic": "t"}))
    return out


def _partial_frames():
    core = _mqtt_page()
    data = encode({"type": "PUBLISH", "topic": "t", "payload": b"hey", "qos": 0})
    first = _feed(core, events.BinaryReceived(data[:3], 3, 5.0))
    last = _feed(core, events.BinaryReceived(data[3:], len(data) - 3, 6.0))
    entry = core.log.history()[-1]
    counted = core.session.stats.snapshot(6.0)["received"]
    kept = [c for c in last[0] if c[0] == "KeepFrame"]
    return [
        first,
        last[1],
        [entry.decoded, entry.text, entry.size, entry.frames],
        [counted["messages"], counted["bytes"]],
        kept == [["KeepFrame", entry.seq, data]],
    ]


def _decoded_export_and_filter():
    core = _mqtt_page()
    core.handle(ProtoAction("subscribe", "s/#", 1, 3.0))
    core.handle(events.BinaryReceived(encode({"type": "SUBACK", "id": 1, "codes": [1]}), 5, 4.0))
    entries = core.log.history()
    records = [entry_record(entry) for entry in entries]
    decoded = [json.loads(record["decoded"].text) for record in records if "decoded" in record]
    found = present.make_filter("suback").select(entries)
    return [decoded, [entry.decoded for entry in found]]


def _listing():
    core = _mqtt_page()
    out, _ = _feed(core, ProtoAction("subscribe", "s/#", 1, 3.0))
    listed = [c for c in out if c[0] == "ProtoList"]
    out, _ = _feed(
        core, events.BinaryReceived(encode({"type": "SUBACK", "id": 1, "codes": [1]}), 5, 4.0)
    )
    return listed + [c for c in out if c[0] == "ProtoList"]


def _chosen_while_open():
    core = _mqtt_page()
    out, _ = _feed(core, ProtoChosen("graphql", 5.0))
    notes = [entry.text for entry in core.log.history() if entry.direction == "system"]
    return [[c for c in out if c[0] in ("ProtoMode", "Address")], notes[-1]]


def _refused_connect_changes_nothing():
    """A Connect to a bad address in another protocol leaves the open connection as it is."""
    core = _page("?lang=en&url=ws://h/")
    core.handle(events.Opened("ws://h/", "", "", 1.0))
    core.out.clear()
    out, _ = _feed(core, events.Connect("nope", "", 2.0, "mqtt", {}))
    core.handle(events.TextReceived("still raw", 3.0))
    entry = core.log.history()[-1]
    return [_kinds(out), core.protos.kind, [entry.text, entry.decoded]]


def _saved_send_speaks_the_protocol():
    """A saved message's Send, in MQTT mode, goes as a PUBLISH to the composer's topic."""
    core = _mqtt_page()
    core.panel.saved.items.append(["oi", "text", "olá"])
    core.handle(events.UseSaved(0, True, 5.0, form={"topic": "t/a", "qos": "1"}))
    core.handle(events.UseSaved(0, True, 6.0, form={}))
    sent = [entry.decoded for entry in core.log.history() if entry.direction == "sent"]
    errors = [c.as_list() for c in core.out if c.as_list()[0] == "SendError"]
    return [sent[-1], errors]


def _options_kept_without_the_password():
    core = _page()
    options = {"client_id": "me", "keep_alive": "30", "password": "s3cret", "username": "u"}
    out, _ = _feed(core, events.Connect("ws://h/", "", 0.0, "mqtt", options))
    stored = [json.loads(c[2]) for c in out if c[0] == "Store"]
    again = Client(Settings.from_search("?lang=en&proto=mqtt", ""), 0, lambda: 0.5)
    again.handle(events.Start(0.0, stored_proto=json.dumps(stored[0])))
    filled = [c.as_list() for c in again.out if c.as_list()[0] in ("ProtoFields", "ProtoMode")]
    return [stored, filled]


def _close_says_goodbye():
    core = _mqtt_page()
    out, _ = _feed(core, events.Close(5.0))
    names = [c[0] for c in out if c[0] in ("Transmit", "CloseSocket")]
    return [core.log.history()[-1].decoded, names]


def _switch_while_connected():
    """Another protocol chosen while connected: the composer keeps speaking the
    connection's until it closes; then, in Raw, a message waits in the queue as ever."""
    core = _mqtt_page()
    core.handle(ProtoChosen("raw", 3.0))
    core.out.clear()
    out, _ = _feed(core, events.Compose("text", "olá", 4.0, form={"topic": "t"}))
    published = core.log.history()[-1].decoded
    closed, _ = _feed(core, events.Closed(1006, "", False, 5.0))
    core.handle(events.Compose("text", "depois", 6.0))
    last = core.log.history()[-1]
    modes = [c for c in closed if c[0] == "ProtoMode"]
    return [published, modes, [last.text, last.decoded, last.state]]


def _never_opened():
    core = _page()
    core.handle(events.Connect("ws://h/", "", 0.0, "graphql", {}))
    core.handle(events.Errored(1.0))
    core.handle(events.Closed(1006, "", False, 2.0))
    return core.log.history()[-1].text


def _broken_stream_closes():
    core = _mqtt_page()
    out, _ = _feed(core, events.BinaryReceived(b"\xf0\x00", 2, 5.0))
    closing = [c for c in out if c[0] == "CloseSocket"]
    error = core.log.history()[-2].error
    out, _ = _feed(core, events.Closed(1000, "protocol error", True, 6.0))
    status = [c for c in out if c[0] == "Status"]
    return [closing, error, status]


CASES = [
    (
        "a protocol's socket that never opened gets a likely cause",
        _never_opened,
        "A likely cause: the server does not speak GraphQL at this address (the page asked"
        " for graphql-transport-ws).",
    ),
    (
        "a protocol chosen while connected waits for the next connection",
        _switch_while_connected,
        ["PUBLISH t · QoS 0", [["ProtoMode", "raw", "raw"]], ["depois", None, "pending"]],
    ),
    (
        "each protocol's options are kept, never the password, and filled at the next start",
        _options_kept_without_the_password,
        [
            [{"mqtt": {"client_id": "me", "keep_alive": "30", "username": "u"}}],
            [
                ["ProtoFields", "mqtt", {"client_id": "me", "keep_alive": "30", "username": "u"}],
                ["ProtoMode", "mqtt", "mqtt"],
            ],
        ],
    ),
    (
        "closing an mqtt connection sends DISCONNECT first",
        _close_says_goodbye,
        ["DISCONNECT", ["Transmit", "CloseSocket"]],
    ),
    (
        "unreadable stored options are left aside",
        lambda: [
            c.as_list()
            for c in (
                lambda core: (core.handle(events.Start(0.0, stored_proto="{nope")), core.out)[1]
            )(Client(Settings.from_search("?lang=en", ""), 0, lambda: 0.5))
            if c.as_list()[0] == "ProtoFields"
        ],
        [],
    ),
    (
        "a saved message's send speaks the protocol",
        _saved_send_speaks_the_protocol,
        ["PUBLISH t/a · QoS 1 · id 1", [["SendError", "Write the topic.", 0, False, "topic"]]],
    ),
    (
        "a refused connect leaves the connection in its protocol",
        _refused_connect_changes_nothing,
        [["ConnectError"], "raw", ["still raw", None]],
    ),
    (
        "mqtt connect offers its subprotocol and takes whole frames",
        _connect_mqtt,
        [
            ["WholeFrames", True],
            ["Open", "ws://h/", ["mqtt"]],
            ["Address", "?url=ws://h/&protocols=chat&reconnect=0&proto=mqtt&lang=en"],
        ],
    ),
    ("raw connect is as it was", _connect_raw, ["Status", "Open", "Address", "CloseButton"]),
    (
        "a wrong option is said under the fields, and nothing opens",
        _wrong_option,
        [
            [
                "ConnectError",
                "Invalid namespace: x. A namespace starts with / and has no spaces or commas.",
                "option:namespace",
            ]
        ],
    ),
    (
        "a protocol's message waits in its field until a connection",
        _offline_compose,
        [
            [
                "SendError",
                "Connect to a server that speaks MQTT before sending: the message stays in the"
                " field.",
                0,
                False,
                "",
            ]
        ],
    ),
    (
        "mqtt frames of one packet: counted, one entry with the packet's bytes",
        _partial_frames,
        [
            ([], 0),
            0,
            ["PUBLISH t · QoS 0", "hey", 8, 2],
            [3, 12],
            True,
        ],
    ),
    (
        "decoded packets in the export and the filter",
        _decoded_export_and_filter,
        [
            [
                {
                    "type": "CONNECT",
                    "version": 4,
                    "client_id": "me",
                    "clean": True,
                    "keep_alive": 60,
                },
                {"type": "CONNACK", "session_present": False, "code": 0},
                {"type": "SUBSCRIBE", "id": 1, "topics": [{"filter": "s/#", "qos": 1}]},
                {"type": "SUBACK", "id": 1, "codes": [1]},
            ],
            ["SUBACK · id 1 · codes 0x01"],
        ],
    ),
    (
        "mqtt subscriptions listed as the broker answers",
        _listing,
        [
            [
                "ProtoList",
                [["s/#", "s/# · QoS 1 · awaiting SUBACK", "Unsubscribe", "Unsubscribe s/#"]],
                "No subscriptions.",
            ],
            [
                "ProtoList",
                [["s/#", "s/# · QoS 1 · granted at QoS 1", "Unsubscribe", "Unsubscribe s/#"]],
                "No subscriptions.",
            ],
        ],
    ),
    (
        "a protocol chosen while connected applies from the next connection",
        _chosen_while_open,
        [
            [
                ["Address", "?url=ws://h/&reconnect=0&proto=graphql&lang=en"],
                ["ProtoMode", "graphql", "mqtt"],
            ],
            "GraphQL applies from the next connection; this one speaks MQTT.",
        ],
    ),
    (
        "a broken mqtt stream closes with a clear status",
        _broken_stream_closes,
        [
            [["CloseSocket", 1000, "protocol error"]],
            "Unknown MQTT packet type at byte 4.",
            [
                [
                    "Status",
                    "closed",
                    "WebSocket disconnected. Code 1000 (Normal Closure). Reason: protocol error."
                    " Clean close. The page closed the connection: the MQTT stream became"
                    " unreadable after a malformed packet.",
                ]
            ],
        ],
    ),
]
