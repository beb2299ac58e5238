"""The page's decisions: every event goes in through Client.handle(), commands come out.

`Client` owns the connection's `Session` and the rest of the page's state: the
settings the address reflects, the send history, the log tools and the screen
reader's summaries. The shell feeds it events (wsclient.events) and carries out the
commands it leaves in `out` (wsclient.commands), in order, deciding nothing.
"""

from wsclient import events, i18n, present
from wsclient.chars import is_blank
from wsclient.commands import (
    Address,
    Buffered,
    CloseButton,
    ComposerText,
    Fields,
    SendError,
    Store,
)
from wsclient.errors import InputError
from wsclient.history import History
from wsclient.log import MessageLog
from wsclient.logfilter import LogFilter
from wsclient.logtools import ALL, LABELS, UNDO_MS, LogTools
from wsclient.measures import ANNOUNCE_MS, Measures
from wsclient.panel import Panel
from wsclient.pending import Pending
from wsclient.protohost import ProtoHost
from wsclient.scripthost import ScriptHost
from wsclient.session import CLOSED, CLOSING, Session
from wsclient.settings import Settings

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from wsclient.plain import Plain

__all__ = ["ALL", "ANNOUNCE_MS", "HISTORY_KEY", "LABELS", "UNDO_MS", "Client"]

HISTORY_KEY = "pyws.history"
# Why the close button would do nothing, by connection state; absent: it closes.
_NOTHING_TO_CLOSE = {CLOSED: "close.nothing", CLOSING: "close.already"}
# The events of a flood, which change neither the connection's state nor the queue.
_TEXT, _BINARY = events.TextReceived, events.BinaryReceived


class Client:
    """The whole page's state machine.

    Args:
        settings: what the page starts with.
        offset_minutes: the local time zone, minutes east of UTC.
        rand: the backoff's random source, for tests.

    Attributes:
        out: the commands the shell has yet to carry out, oldest first.
        log: the message log, which the view draws from.
        pending: what the user does with queued messages (wsclient.pending).
        clock: formats the entries' times.
    """

    def __init__(
        self,
        settings: Settings,
        offset_minutes: int = 0,
        rand: "Callable[[], float] | None" = None,
    ) -> None:
        self.settings = settings
        self.lang = settings.lang
        self.out: "list[Plain]" = []
        self.log = MessageLog(view_cap=settings.cap)
        self.session = Session(self.lang, self.log, self.out, rand)
        self.session.frames.budget = settings.budget
        self.pending = Pending(self.session)
        self._shown_state: "str | None" = None
        # As the page starts: the close button is available.
        self._shown_button = CloseButton(None)
        self.clock = present.Clock(offset_minutes)
        self.history = History()
        self.filter = LogFilter(self.log, self.out)
        self.panel = Panel(self.lang, self.out, self.session)
        self.tools = LogTools(self.log, self.session, self.out, self.lang, self.clock)
        self.script = ScriptHost(self.lang, self.out, self.session, self.panel, self.clock)
        self.protos = ProtoHost(self.lang, self.out, self.session, settings, self._address)
        self.protos.heard = self.script.protocol_events
        self.script.protos = self.protos
        self._shown_query: "str | None" = None
        self._shown_buffered = 0
        self.measures = Measures(self.lang, self.session, self.out)
        self._measure = self.measures.show
        self._storage_failed = False
        session, log_filter, tools = self.session, self.filter, self.tools
        # Each event class's handler takes that class, which mypy cannot tie to the key.
        self._routes: "dict[type, Callable[[Any], int | None]]" = {
            events.Start: self._start,
            events.Connect: self._connect,
            events.ConnectionEdited: lambda e: session.field_error(None),
            events.Close: self._close,
            events.AutoReconnect: self._auto_reconnect,
            events.RetryNow: lambda e: session.retry_now(e.now),
            events.StopRetry: self._stop_retry,
            events.Compose: self._compose,
            events.VariablesEdited: self._variables_edited,
            events.SaveMessage: self.panel.save,
            events.UseSaved: self._use_saved,
            events.ChangeSaved: self.panel.change,
            events.SavedFile: self.panel.file,
            events.Answer: lambda e: self.pending.answer(e.choice, e.now),
            events.Discard: lambda e: self.pending.discard(e.seq),
            events.Recall: self._recall,
            events.Edited: lambda e: self.out.append(SendError(None)),
            events.ModeChanged: self._mode_changed,
            events.Filter: log_filter.filter,
            events.FilterDue: log_filter.filter_due,
            events.ScanDue: log_filter.scan_due,
            events.Pretty: log_filter.pretty,
            events.ClearLog: tools.clear,
            events.UndoClear: tools.undo,
            events.ResetCounters: self._reset_counters,
            events.Export: tools.export,
            events.Copy: tools.copy,
            events.Copied: tools.copied,
            events.ShowAll: tools.show_all,
            events.FormatJson: tools.format_json,
            events.OpenFailed: self._open_failed,
            events.Opened: self._opened,
            events.TextReceived: session.received_text,
            events.BinaryReceived: session.received_binary,
            events.Errored: lambda e: session.errored(e.now),
            events.Closed: self._closed,
            events.Transmitted: lambda e: session.transmitted(e.sent, e.failure, e.now),
            events.Tick: self._tick,
            events.StorageFailed: self._storage_refused,
            events.InternalError: self._internal_error,
        }
        self._routes.update(self.script.routes())
        self._routes.update(self.protos.routes())

    def handle(self, event: "Plain") -> "int | None":
        """Take one event; the commands it leads to are appended to out.

        Returns:
            For a received frame, the number the shell keeps the whole frame under in
            its store, or 0 to keep nothing (see wsclient.frames); None otherwise. An
            answer rather than a command, since it comes for every message of a flood.
        """
        kind = type(event)
        if kind is _TEXT or kind is _BINARY:
            return self._routes[kind](event)
        self._routes[kind](event)
        self._controls()
        return None

    def _controls(self) -> None:
        """Show the close button's state, the question and the discard tool, as they are now."""
        state = self.session.state
        if state != self._shown_state:
            self._shown_state = state
            key = _NOTHING_TO_CLOSE.get(state)
            button = CloseButton(None if key is None else self._t(key))
            if button != self._shown_button:
                self._shown_button = button
                self.out.append(button)
        self.pending.show()

    @property
    def wants_precise_time(self) -> bool:
        """Whether a frame's time should be precise: an echo's or an ack's round trip
        is awaited."""
        return self.session.outbox.awaiting_count > 0 or self.protos.precise

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def _address(self) -> None:
        query = self.settings.query()
        if query != self._shown_query:
            self._shown_query = query
            self.out.append(Address(query))

    # --- starting and connecting ---

    def _start(self, event: events.Start) -> None:
        settings, session, now = self.settings, self.session, event.now
        for note in settings.notes:
            session.system(note, now)
        if event.missing:
            session.note("features.fallback", now, features=event.missing)
        if event.load_error:
            session.note("history.unavailable", now, detail=event.load_error)
        elif event.stored_history:
            self.history = History.loads(event.stored_history)
        self.panel.start(event.stored_variables, event.stored_saved, now)
        self.out.append(
            Fields(settings.url, settings.protocols, settings.auto_reconnect, settings.mode)
        )
        self.protos.start(event.stored_proto, settings.proto)
        session.retries.auto = settings.auto_reconnect
        if settings.url:
            self._connect(events.Connect(settings.url, settings.protocols, now, settings.proto))
        if session.target is None:
            # No server to connect to, or an address to correct first (said under the field).
            session.show_status()
        self._measure(now)

    def _connect(self, event: events.Connect) -> None:
        address = self.protos.connect(event)
        if address is None:
            return  # an option the page cannot use: the error under the fields says which
        raw = self.protos.proto is None
        self._routes[_TEXT] = self.session.received_text if raw else self.protos.received_text
        self._routes[_BINARY] = self.session.received_binary if raw else self.protos.received_binary
        if self.session.connect(address[0], address[1], event.now):
            # What the user typed passed: any error under the fields is old.
            self.session.field_error(None)
            self.settings.url = self.session.target or ""
            self.settings.protocols = event.protocols
            self._address()
            self.pending.ask()

    def _close(self, event: events.Close) -> None:
        key = _NOTHING_TO_CLOSE.get(self.session.state)
        if key is None:
            self.protos.goodbye(event.now)
            self.session.close(event.now)
        else:  # the button says so already, and now the log does too
            self.session.note(key, event.now)

    def _opened(self, event: events.Opened) -> None:
        self.session.opened(event.url, event.protocol, event.extensions, event.now)
        self.protos.opened(event.now)
        self.script.opened()

    def _closed(self, event: events.Closed) -> None:
        self.session.closed(event.code, event.reason, event.clean, event.now)
        self.protos.closed(event.now)
        self.script.closed(event.code, event.reason, event.clean)

    def _variables_edited(self, event: events.VariablesEdited) -> None:
        self.panel.edited(event)
        self.script.variables_edited()

    def _open_failed(self, event: events.OpenFailed) -> None:
        self.session.refused(self._t("url.refused", detail=event.detail), event.now)

    def _auto_reconnect(self, event: events.AutoReconnect) -> None:
        self.settings.auto_reconnect = event.on
        self._address()
        self.session.set_auto_reconnect(event.on, event.now)

    def _stop_retry(self, event: events.StopRetry) -> None:
        # "Stop" turns automatic reconnects off, as unticking the box would.
        self.settings.auto_reconnect = False
        self._address()
        self.session.stop_retrying(event.now)

    # --- composing ---

    def _compose(self, event: events.Compose) -> None:
        text = event.text
        try:
            filled, payload = self.panel.payload(event.mode, text, event.now, event.random)
        except InputError as exc:
            self.out.append(self.panel.said(exc, text))
            return
        protocol = self.protos.speaking != "raw"
        if not event.anyway and not protocol and (not payload or is_blank(filled)):
            # Enter on an empty field is a slip far more often than a wish to send an
            # empty frame: that takes the deliberate "send anyway".
            self.out.append(SendError(self._t("send.blank"), 0, True))
            return
        # Sent now, or queued until a connection opens: either way the field is free.
        # The history keeps the text as typed, so its variables are filled in again.
        if protocol:
            if not self.protos.compose(event.form, payload, event.now):
                return  # the error under the field says why; the text stays
        elif not self.script.before_send(payload, event.now):
            self.session.send(payload, event.now)
        self.panel.sent()
        self.out.append(ComposerText(""))
        self.out.append(SendError(None))
        if self.history.add(text, event.mode):
            self.out.append(Store(HISTORY_KEY, self.history.dumps()))

    def _recall(self, event: events.Recall) -> None:
        if event.older:
            text = self.history.up(event.current, self.settings.mode)
        else:
            text = self.history.down(event.current)
        if text is not None:
            # The format comes back with the text: "de ad" sent as Hex is Hex again.
            self._into_composer(self.history.mode, text)

    def _use_saved(self, event: events.UseSaved) -> None:
        protos = self.protos
        speaks = protos.speaking != "raw"
        send = (lambda p: protos.compose(event.form, p, event.now)) if speaks else None
        loaded = self.panel.use(event, send)
        if loaded:
            self._into_composer(loaded[0], loaded[1])

    def _into_composer(self, mode: str, text: str) -> None:
        self.out.append(ComposerText(text, mode))
        self.out.append(SendError(None))
        if mode != self.settings.mode:
            self.settings.mode = mode
            self._address()

    def _mode_changed(self, event: events.ModeChanged) -> None:
        self.settings.mode = event.mode
        self.out.append(SendError(None))
        self._address()

    def _storage_refused(self, event: events.StorageFailed) -> None:
        if not self._storage_failed:
            # Full or turned off: said once, and the page goes on without it.
            self._storage_failed = True
            self.session.note("history.unavailable", event.now, detail=event.detail)

    def _reset_counters(self, event: events.ResetCounters) -> None:
        self.measures.reset()
        self.out.append(self.tools.counters_reset(event.now))
        self._measure(event.now)

    # --- time ---

    def _tick(self, event: events.Tick) -> None:
        self.session.frames.flush()
        self.session.tick(event.now)
        self.protos.tick(event.now)
        self.filter.tick()
        self.tools.tick(event.now)
        if event.buffered != self._shown_buffered:
            self._shown_buffered = event.buffered
            text = self._t("buffered", count=event.buffered) if event.buffered else None
            self.out.append(Buffered(text))
        self._measure(event.now)

    def _internal_error(self, event: events.InternalError) -> None:
        self.session.note("error.internal", event.now, detail=event.detail)
        self.session.show_status()
