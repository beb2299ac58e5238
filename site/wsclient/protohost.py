"""The protocol the page speaks on its connection: Raw, Socket.IO, MQTT or GraphQL.

`ProtoHost` builds each connection's protocol session (wsclient.sioproto, mqttproto,
gqlproto) from the options the user gave, passes it the connection's frames and the
time, and carries out what it says (`protocols.Heard`): a log entry that names each
packet, the frames it sends by itself, notes, the list of subscriptions or operations,
and a close when the server broke the protocol. In Raw mode it does nothing: frames go
to the Session as they always have.
"""

from wsclient import i18n, urls
from wsclient.chars import utf8_len
from wsclient.commands import KeepFrame, SendError
from wsclient.errors import InputError
from wsclient.frames import HEAD_BYTES
from wsclient.jsontext import json_text
from wsclient.log import RECEIVED
from wsclient.numfmt import number
from wsclient.protocols import LABELS, PROTOS, RAW, SESSIONS, Heard, make_session
from wsclient.protodata import (
    ProtoAction,
    ProtoChosen,
    ProtoList,
    ProtoMode,
    WholeFrames,
)
from wsclient.protooptions import ProtoOptions
from wsclient.statusline import CONNECTING, ERROR, OPEN

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from wsclient.events import BinaryReceived, Connect, TextReceived
    from wsclient.gqlproto import GqlSession
    from wsclient.log import Entry
    from wsclient.mqttproto import MqttSession
    from wsclient.plain import Plain
    from wsclient.session import Session
    from wsclient.settings import Settings
    from wsclient.sioproto import SioSession

    AnySession = SioSession | MqttSession | GqlSession

__all__ = ["ProtoHost"]

# What the Protocolo tab's list says when it is empty, by protocol.
_EMPTY = {"socketio": "", "mqtt": "mqtt.no_subs", "graphql": "gql.no_ops"}


class ProtoHost:
    """The connection's protocol session, if any, between the socket and the Session.

    Attributes:
        kind: the protocol of the connection the page has or tries (RAW for none).
        proto: that connection's protocol session; None in Raw mode.
        heard: takes each script event ({"kind": …}) a frame brought (the ScriptHost).
    """

    def __init__(
        self,
        lang: str,
        out: "list[Plain]",
        session: "Session",
        settings: "Settings",
        address: "Callable[[], None]",
    ) -> None:
        self.lang = lang
        self.out = out
        self.session = session
        self.kind = RAW
        self.proto: "AnySession | None" = None
        self._options: "dict[str, str]" = {}
        self._whole = False
        # Whether a round trip is awaited (a Socket.IO ack): frames need precise times.
        self.precise = False
        self.heard: "Callable[[list[dict]], None] | None" = None
        self._acks: "dict[int, int]" = {}  # a script's emit's ack id -> its callback's number
        self._settings = settings  # the page's, which the address reflects (address())
        self._address = address
        self.options = ProtoOptions(out)  # each protocol's options, kept from its last use
        self._mode = ProtoMode(RAW, RAW)  # what the page shows
        self._refusal = ""  # what the server refused on this connection, for its close
        self._opened = False  # whether this connection's socket opened

    def routes(self) -> "dict[type, Callable[[Any], None]]":
        """The protocol's events, and the handler of each, for Client."""
        return {
            ProtoChosen: self._chosen,
            ProtoAction: lambda e: self.action(e.action, e.value, e.qos, e.now),
        }

    def _chosen(self, event: ProtoChosen) -> None:
        kind = event.kind if event.kind in PROTOS else RAW
        self._settings.proto = kind
        self._address()
        self.show(kind)
        if self.session.state == OPEN and kind != self.kind:
            self.session.note("proto.next", event.now, name=LABELS[kind], current=LABELS[self.kind])

    def start(self, stored: str, kind: str) -> None:
        """The page starts: each protocol's options as its last connection had them, and
        the controls of the protocol the address names (the markup starts in Raw)."""
        self.options.load(stored)
        self.show(kind)

    def closed(self, now: float) -> None:
        """The connection closed: its operations are over, its subscriptions wait for
        the next one; the composer shows the chosen protocol's fields again. A socket
        that never opened in a protocol's mode gets a likely cause more: the server may
        not speak it there."""
        proto = self.proto
        if proto is not None:
            proto.closed()
            if not self._opened and self.session.retries.since is None:
                need = ", ".join(proto.subprotocols) or "/socket.io/"
                self.session.note("proto.never_opened", now, name=LABELS[self.kind], need=need)
        self._opened = False
        if self._refusal:  # the close's status says what the server refused before it
            status = self.session.status_text + " " + self._refusal
            self.session.protocol_status(self.session.status_class, status)
            self._refusal = ""
        self.show(self._settings.proto)

    def goodbye(self, now: float) -> None:
        """The user closes: the protocol's own goodbye goes first (MQTT's DISCONNECT)."""
        if self.proto is not None and self.session.state == OPEN:
            self._carry(self.proto.goodbye(), now)

    def show(self, kind: str) -> None:
        """Show protocol kind's options, and its list if it is the connection's; the
        composer keeps the fields of the connection's protocol while there is one."""
        live = self.session.state in (OPEN, CONNECTING)
        mode = ProtoMode(kind, self.kind if live else kind)
        if mode != self._mode:  # the markup starts in Raw mode
            self._mode = mode
            self.out.append(mode)
        if kind == self.kind:
            self._list()
        elif kind in SESSIONS:
            self.out.append(ProtoList([], self._t(_EMPTY[kind])))

    def connect(self, event: "Connect") -> "tuple[str, str] | None":
        """The address and subprotocols a Connect opens with, in its protocol; None
        when an option is wrong (the error under the fields says which).

        A Connect the Session will refuse (a bad address or subprotocol) changes
        nothing here: the connection there is goes on in the protocol it speaks.
        """
        try:
            url = urls.check_url(event.url)
            if event.proto not in SESSIONS:
                urls.check_protocols(event.protocols)
        except InputError:
            return event.url, event.protocols  # the Session says what is wrong
        try:
            proto = self.choose(event.proto, event.options)
        except InputError as exc:
            option = exc.params.get("field")
            self.session.field_error(self._said(exc), "option:" + option if option else "proto")
            return None
        self._settings.proto = self.kind
        self.show(self.kind)  # the composer's fields are the new connection's
        if proto is None:
            return event.url, event.protocols
        self.options.keep(self.kind, event.options)
        return proto.address(url), ", ".join(proto.subprotocols)

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def _said(self, exc: InputError) -> str:
        """An option's or a field's error; a JSON one names its field first."""
        text = self._t(exc.key, **exc.params)
        if exc.key.startswith("json.") and "name" in exc.params:
            text = self._t("proto.in_field", name=exc.params["name"], detail=text)
        return text

    @property
    def speaking(self) -> str:
        """The protocol the composer speaks: the connection's, while there is one (it
        speaks it until the next Conectar); else the one chosen for the next."""
        if self.session.state in (OPEN, CONNECTING):
            return self.kind
        return self._settings.proto

    def choose(self, kind: str, options: "dict[str, str]") -> "AnySession | None":
        """Build the session of protocol kind with options, before a Connect.

        Raises:
            InputError: an option the page cannot use (it names it).
        """
        proto = make_session(kind, options)
        self.kind = kind if proto is not None else RAW
        self._options = dict(options)
        self.proto = proto
        whole = proto is not None
        # A protocol's server answers; it does not echo: a message sent is done when sent.
        self.session.outbox.echoes = not whole
        if whole != self._whole:
            self._whole = whole
            self.out.append(WholeFrames(whole))
        return proto

    def opened(self, now: float) -> None:
        """The socket opened: a fresh session for this connection, which speaks first
        when its protocol does (CONNECT, connection_init); MQTT's subscriptions are made again."""
        old = self.proto
        self._refusal = ""
        self._opened = True
        if old is None:
            return
        proto = self.proto = make_session(self.kind, self._options)
        if proto is None:
            return
        self._carry(proto.opened(now / 1000), now)
        for heard in proto.resumed(old, now / 1000):
            self._carry(heard, now)
        self._list()

    # --- frames ---

    def received_text(self, event: "TextReceived") -> int:
        text, now = event.text, event.now
        heard = self.proto.text(text, now / 1000)  # type: ignore[union-attr]
        entry = self.session.log.add(RECEIVED, heard.shown, False, utf8_len(text), now)
        entry.raw = text
        return self._received(entry, heard, now)

    def received_binary(self, event: "BinaryReceived") -> int:
        data, now = event.head, event.now
        session = self.session
        heard = self.proto.binary(data, now / 1000)  # type: ignore[union-attr]
        if heard.partial:
            # Counted as a frame; its bytes count with the packet they start.
            session.stats.count(RECEIVED, 0, now)
            return 0
        raw = heard.raw
        if raw is None:
            entry = session.log.add(RECEIVED, heard.shown, True, event.size, now, data)
            return self._received(entry, heard, now)
        # The packets' bytes, from the frames they came in: the store keeps these, not
        # the last frame alone (which the shell would keep), and the stats count them once.
        entry = session.log.add(RECEIVED, heard.shown, True, len(raw), now, raw[:HEAD_BYTES])
        entry.frames = heard.frames
        if self._received(entry, heard, now):
            self.out.append(KeepFrame(entry.seq, raw))
        return 0

    def _received(self, entry: "Entry", heard: Heard, now: float) -> int:
        self._decorate(entry, heard.summary or "", heard.fields)
        if heard.error is not None:
            entry.error = self._t(heard.error[0], **heard.error[1])
            if heard.close is None:  # the session goes on; the status says what happened
                why = self._t("proto.broken", name=LABELS[self.kind], detail=entry.error)
                self.session.protocol_status(ERROR, why)
        seq = self.session.received(entry, now)
        self._carry(heard, now)
        return seq

    def _decorate(self, entry: "Entry", summary: str, fields: "list[dict]") -> None:
        entry.decoded = summary
        entry.fields = json_text(fields[0] if len(fields) == 1 else fields)

    # --- what the user does ---

    def compose(self, form: "dict[str, str]", payload: "str | bytes", now: float) -> bool:
        """The composer's send, as the protocol's packet. Returns whether it went; if
        not, the error under the message field says why."""
        proto = self.proto
        session = self.session
        if session.state != OPEN or proto is None:
            self.out.append(SendError(self._t("proto.offline", name=LABELS[self.speaking])))
            return False
        try:
            heard = proto.compose(form, payload, now / 1000)
        except InputError as exc:
            self.out.append(SendError(self._said(exc), 0, False, exc.params.get("field", "")))
            return False
        self._carry(heard, now)
        return True

    def action(self, action: str, value: str, qos: int, now: float) -> None:
        """A control of the Protocolo tab: subscribe, unsubscribe (MQTT), stop (GraphQL)."""
        proto = self.proto
        if proto is None:
            return
        if self.session.state != OPEN:
            if proto.offline(action, value):
                self._list()
            else:
                self.session.note("proto.offline_action", now, name=LABELS[self.kind])
            return
        try:
            heard = proto.act(action, value, qos, now / 1000)
        except InputError as exc:
            self.session.note(exc.key, now, **exc.params)
            return
        if heard is not None:
            self._carry(heard, now)

    def request(self, fields: "dict[str, Any]", now: float) -> None:
        """A script's emit(), publish(), subscribe() or unsubscribe() (the worker's post)."""
        proto, kind = self.proto, str(fields["t"])
        if self.session.state != OPEN or proto is None:
            self.session.note("script.proto_offline", now, call=kind)
            return
        try:
            heard = proto.scripted(fields, now / 1000)
        except InputError as exc:
            self.session.note(exc.key, now, **exc.params)
            return
        if heard is None:
            self.session.note("script.proto_wrong", now, call=kind, name=LABELS[self.kind])
            return
        if heard.ack is not None:
            self._acks[heard.ack] = fields["ref"]
        self._carry(heard, now)

    def tick(self, now: float) -> None:
        if self.proto is not None and self.session.state == OPEN:
            self._carry(self.proto.tick(now / 1000), now)

    # --- carrying out ---

    def _carry(self, heard: Heard, now: float) -> None:
        session = self.session
        for out in heard.send:
            entry = session.send(out.data, now)
            entry.text = out.shown
            if isinstance(out.data, str):
                entry.raw = out.data
            self._decorate(entry, out.summary, [out.fields])
        for key, params in heard.notes:
            for name, value in params.items():
                if isinstance(value, float):  # a time: as the language writes numbers
                    params[name] = number(self.lang, value, 1)
            session.note(key, now, **params)
        if heard.rtt is not None:
            session.outbox.measured(heard.rtt)
        if heard.status is not None:
            self._refusal = self._t(heard.status[0], **heard.status[1])
            session.protocol_status(ERROR, self._refusal)
        if heard.listing:
            self._list()
        proto = self.proto
        self.precise = proto is not None and proto.awaiting()
        if heard.events and self.heard is not None:
            self.heard(self._for_script(heard.events))
        if heard.close is not None:
            why = self._t(heard.close[0], **heard.close[1])
            session.note("proto.closing", now, why=why)
            session.close(now, 1000, "protocol error", "protocol", why)

    def _for_script(self, events: "list[dict]") -> "list[dict]":
        """The events for the script: an ack goes with the number of its emit's callback,
        and only when the script made that emit."""
        kept = []
        for event in events:
            if event.get("kind") == "ack":
                ref = self._acks.pop(event["id"], None)
                if ref is None:
                    continue
                event = dict(event, ref=ref)
            kept.append(event)
        return kept

    def _list(self) -> None:
        proto = self.proto
        if proto is not None:
            rows, empty = proto.rows(self._t, self.session.state == OPEN)
            if empty:
                self.out.append(ProtoList(rows, self._t(empty)))
