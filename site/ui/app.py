"""Wires the page's controls and the socket to the session."""

import gc
import time

import js
from pyscript import document, window
from pyscript.ffi import create_proxy, is_none

from ui.socket import Socket
from ui.text import call_with_text, fix_read
from ui.view import View
from wsclient import i18n, present
from wsclient.formats import PayloadError, parse_base64, parse_hex, parse_json, utf16_index
from wsclient.history import History
from wsclient.log import RECEIVED, SENT, SYSTEM, MessageLog
from wsclient.query import bounded_int, build_query, parse_query
from wsclient.session import PREVIEW_BYTES, Session

__all__ = ["App"]


TICK_MS = 250
# The live region speaks at most this often, however fast messages arrive.
ANNOUNCE_MS = 2000
HISTORY_KEY = "pyws.history"
MODES = ("text", "hex", "base64", "json")
# The query parameters the page keeps as they came, besides the connection settings.
KEPT_PARAMS = ("lang", "interpreter", "cap")
# Whether the caret of a text field has a line above it (up) or below it (down).
_LINE_BEYOND = js.Function.new(
    "field",
    "up",
    """
    const text = field.value;
    return up ? text.slice(0, field.selectionStart).includes("\\n")
              : text.slice(field.selectionEnd).includes("\\n");
    """,
)
_CARET_TO_END = js.Function.new(
    "field", "field.selectionStart = field.selectionEnd = field.value.length;"
)
# Storage calls that report a failure as a message instead of throwing: a
# JavaScript exception inside an FFI call does not always reach Python's except.
_STORE = js.Function.new(
    "key",
    "value",
    "try { localStorage.setItem(key, value); return ''; } catch (e) { return String(e); }",
)
_LOAD = js.Function.new(
    "key",
    "try { return [localStorage.getItem(key) ?? '', '']; } catch (e) { return ['', String(e)]; }",
)
_DOWNLOAD = js.Function.new(
    "text",
    "name",
    """
    const blob = new Blob([text], {type: "application/x-ndjson"});
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    """,
)
# How many entries the page keeps in the DOM (?cap=): the rest are counted, not drawn.
CAP_DEFAULT, CAP_MIN, CAP_MAX = 1000, 10, 100_000


def _now():
    """Wall-clock milliseconds, without an FFI call: this runs for every message."""
    return time.time() * 1000


_performance = js.performance
# Read as text: MicroPython turns a whole-number JS value into a 32-bit int, so a
# timeOrigin that happens to fall on a whole millisecond (one page load in ten)
# would arrive wrapped, hours off. performance.now() stays small enough to cross.
_origin = float(js.Function.new("return String(performance.timeOrigin)")())


def _precise_now():
    """Wall-clock milliseconds to a fraction of one, for the echo round trip."""
    return _origin + float(_performance.now())


class App:
    """The running page: one session, one socket, one view."""

    def __init__(self):
        params = parse_query(str(window.location.search))
        # pt-BR, the article's language, unless ?lang= names another; ?lang=auto
        # follows the browser's languages.
        query_lang = params.get("lang", "")
        langs = str(window.navigator.languages.join(",")).split(",") if query_lang == "auto" else ()
        lang = i18n.pick_lang(query_lang, langs)
        cap, cap_ok = bounded_int(params.get("cap", ""), CAP_DEFAULT, CAP_MIN, CAP_MAX)
        self.session = Session(lang, MessageLog(view_cap=cap))
        if not cap_ok:
            self.session.note(
                "param.invalid",
                name="cap",
                value=params["cap"],
                low=CAP_MIN,
                high=CAP_MAX,
                default=CAP_DEFAULT,
            )
        clock = present.Clock(-int(js.Date.new().getTimezoneOffset()))
        self.view = View(document, self.session, self._guard, clock)
        self._clock = clock
        self.socket = Socket(
            on_open=self._opened,
            on_text=self._text,
            on_binary=self._binary,
            on_error=self._errored,
            on_close=self._closed,
            head_bytes=PREVIEW_BYTES,
            guard=self._guard,
        )
        self._url = document.getElementById("url")
        self._message = document.getElementById("message")
        self._auto = document.getElementById("auto-reconnect")
        self._protocols = document.getElementById("protocols")
        self._mode = document.getElementById("mode")
        self._filter = document.getElementById("filter")
        self._params = params
        self._listeners = []
        self._announced = 0
        self._history_failed = False
        self._announced_at = 0.0
        self._copied = 0
        self._history = self._load_history()
        self._on_copied = create_proxy(self._guard(self._copy_done))
        self._on_copy_failed = create_proxy(self._guard(self._copy_failed))

    def start(self):
        """Translate the page, attach every handler, then connect to the first server."""
        self.view.translate()
        self._listen("connection", "submit", self._connect_submitted)
        self._listen("input-form", "submit", self._message_submitted)
        self._listen("message", "keydown", self._message_key)
        self._listen("message", "input", self._message_edited)
        self._listen("mode", "change", self._mode_changed)
        self._listen("close", "click", self._close_clicked)
        self._listen("auto-reconnect", "change", self._auto_changed)
        self._listen("retry-now", "click", self._retry_now)
        self._listen("stop-retry", "click", self._stop_retry)
        self._listen("filter", "input", self._filter_changed)
        for direction in (SENT, RECEIVED, SYSTEM):
            self._listen("show-" + direction, "change", self._filter_changed)
        self._listen("pretty-json", "change", self._pretty_changed)
        self._listen("clear", "click", self._clear_clicked)
        self._listen("export", "click", self._export_clicked)
        self._listen("copy", "click", self._copy_clicked)
        self._listen("messages", "click", self._log_clicked)
        # What starts a user's scroll of the list; not "scroll", which the page's own
        # scrolling to the newest entry fires every frame of a flood.
        for event in ("wheel", "keydown", "pointerdown", "touchstart"):
            self._listen("messages", event, self._log_scrolled)
        params = self._params
        default = self._default_server()
        url = params.get("url") or default
        self._url.value = url
        self._protocols.value = params.get("protocols", "")
        if params.get("mode") in MODES:
            self._mode.value = params["mode"]
        # Reconnecting by itself suits the embedded echo server; elsewhere it is opt-in.
        auto = params.get("reconnect")
        self._auto.checked = auto == "1" if auto in ("0", "1") else bool(default) and url == default
        self.session.auto_reconnect = bool(self._auto.checked)
        self._ticker = create_proxy(self._guard(self._tick))
        js.setInterval(self._ticker, TICK_MS)
        if url:
            self._connect(url)
        else:
            self.view.status()
        self.view.measurements(self.session.stats.snapshot(_now()), self.session.rtt())
        document.documentElement.classList.add("ready")

    def _reflect(self):
        """Put the connection settings into the page's URL, so a link reproduces them.

        Only settings: never a message, never the filter (it may quote one).
        """
        pairs = [("url", str(self._url.value))]
        protocols = str(self._protocols.value).strip()
        if protocols:
            pairs.append(("protocols", protocols))
        pairs.append(("reconnect", "1" if self._auto.checked else "0"))
        mode = str(self._mode.value)
        if mode != "text":
            pairs.append(("mode", mode))
        pairs += [(name, self._params[name]) for name in KEPT_PARAMS if name in self._params]
        path = str(window.location.pathname)
        window.history.replaceState(None, "", path + build_query(pairs))

    def _load_history(self):
        stored, error = _LOAD(HISTORY_KEY)
        if error:
            self.session.note("history.unavailable", _now(), detail=str(error))
        return History.loads(str(stored)) if stored else History()

    def _save_history(self):
        # dumps() escapes every control character, so the text crosses whole.
        error = _STORE(HISTORY_KEY, self._history.dumps())
        if error and not self._history_failed:
            # Full or turned off: said once, and the page goes on without it.
            self._history_failed = True
            self.session.note("history.unavailable", _now(), detail=str(error))

    def _default_server(self):
        meta = document.querySelector('meta[name="default-server"]')
        return "" if is_none(meta) else str(meta.content)

    def _listen(self, element_id, event, handler):
        proxy = create_proxy(self._guard(handler))
        document.getElementById(element_id).addEventListener(event, proxy)
        self._listeners.append(proxy)

    def _guard(self, handler):
        """Report a failure inside a handler on the page instead of as a console trace."""

        def report(exc):
            self.session.internal_error(repr(exc), _now())
            self._refresh()

        def guarded(*args):
            try:
                handler(*args)
            except MemoryError:
                # MicroPython's heap grows only after a collection, so a 16 MiB
                # message can fail once and fit right after. Handlers make their big
                # allocations before they change any state, so a second run is safe.
                gc.collect()
                try:
                    handler(*args)
                except Exception as exc:  # noqa: BLE001 - every failure must reach the page
                    report(exc)
            except Exception as exc:  # noqa: BLE001 - every failure must reach the page
                report(exc)

        return guarded

    def _refresh(self):
        self.view.status()
        self.view.schedule()

    def _connect(self, text):
        protocols = str(self._protocols.value)
        url = self.session.connect(text, _now(), protocols)
        if url is not None:
            self._reflect()
        self._open(url)

    def _open(self, url):
        if url is not None:
            try:
                self.socket.open(url, self.session.protocols)
            except Exception as exc:  # noqa: BLE001 - the browser's own refusal
                self.session.refused(i18n.t(self.session.lang, "url.refused", detail=str(exc)))
        self._refresh()

    def _flush(self):
        """Hand every queued message to the socket, in order, each once."""
        session = self.session
        for message in session.ready_messages():
            try:
                self.socket.send(message.payload)
            except Exception as exc:  # noqa: BLE001 - kept first in line for the next try
                session.hand_failed(message.id, str(exc), _now())
                break
            session.handed(message.id, _precise_now())

    def _tick(self):
        now = _now()
        session = self.session
        if session.tick(now):
            self.view.schedule()
        if session.retry_due(now):
            self._open(session.reconnect(now))
        self.view.countdown(session.countdown(now))
        self.view.buffered(self.socket.buffered())
        snapshot = session.stats.snapshot(now)
        self.view.measurements(snapshot, session.rtt())
        self._announce(snapshot[RECEIVED]["messages"], now)

    def _announce(self, received, now):
        """Tell screen readers how many messages arrived: a summary, at most every 2 s."""
        new = received - self._announced
        if new > 0 and now - self._announced_at >= ANNOUNCE_MS:
            self._announced = received
            self._announced_at = now
            text = present.announcement(new, self.session.lang)
            document.getElementById("announcer").textContent = text

    def _auto_changed(self, event):
        self._reflect()
        self.session.auto_reconnect = bool(self._auto.checked)
        if not self.session.auto_reconnect:
            self.session.stop_retrying()
        self.view.countdown(self.session.countdown(_now()))

    def _retry_now(self, event):
        if self.session.retry_at is not None:
            self._open(self.session.reconnect(_now()))
        self.view.countdown(self.session.countdown(_now()))

    def _stop_retry(self, event):
        self.session.stop_retrying()
        self.view.countdown(None)

    def _connect_submitted(self, event):
        event.preventDefault()
        self._connect(str(self._url.value))

    def _message_submitted(self, event):
        event.preventDefault()
        field = self._message
        text = fix_read(str(field.value), field, "value")
        mode = str(self._mode.value)
        try:
            if mode == "hex":
                payload = parse_hex(text)
            elif mode == "base64":
                payload = parse_base64(text)
            else:
                if mode == "json":
                    parse_json(text)
                payload = text
        except PayloadError as exc:
            self._send_error(text, exc)
            return
        session = self.session
        if isinstance(payload, str):
            flush = session.send_text(payload, _now())
        else:
            flush = session.send_bytes(payload, _now())
        # Sent now, or queued until a connection opens: either way the field is free.
        field.value = ""
        self._clear_send_error()
        if self._history.add(text):
            self._save_history()
        if flush:
            self._flush()
        self._refresh()

    def _send_error(self, text, exc):
        """Say what is wrong with the message and where; nothing is sent or lost."""
        field = self._message
        self.view.say("send-error", i18n.t(self.session.lang, exc.key, **exc.params))
        field.setAttribute("aria-invalid", "true")
        field.setAttribute("aria-describedby", "send-error")
        field.focus()
        where = utf16_index(text, exc.params.get("position", 0))
        field.setSelectionRange(where, where)

    def _clear_send_error(self):
        self.view.say("send-error", None)
        self._message.removeAttribute("aria-invalid")

    def _message_edited(self, event):
        self._clear_send_error()

    def _mode_changed(self, event):
        self._clear_send_error()
        self._reflect()

    def _message_key(self, event):
        key = event.key
        # Enter sends, Shift+Enter adds a line, as in chat apps.
        if key == "Enter" and not event.shiftKey and not event.isComposing:
            event.preventDefault()
            document.getElementById("input-form").requestSubmit()
        elif key in ("ArrowUp", "ArrowDown") and not (event.shiftKey or event.altKey):
            self._recall(event, key == "ArrowUp")

    def _recall(self, event, older):
        """↑ on the first line recalls older sends, ↓ on the last line newer ones."""
        field = self._message
        if field.selectionStart != field.selectionEnd or _LINE_BEYOND(field, older):
            return
        if older:
            text = self._history.up(fix_read(str(field.value), field, "value"))
        else:
            text = self._history.down(fix_read(str(field.value), field, "value"))
        if text is None:
            return
        event.preventDefault()
        if "\x00" in text:
            field.value = ""
            call_with_text(field, "setRangeText", text)
        else:
            field.value = text
        _CARET_TO_END(field)
        self._clear_send_error()

    def _filter_changed(self, event):
        shown = [
            d for d in (SENT, RECEIVED, SYSTEM) if document.getElementById("show-" + d).checked
        ]
        match = present.make_filter(fix_read(str(self._filter.value), self._filter, "value"), shown)
        self.session.log.set_filter(match)
        self.view.schedule()

    def _pretty_changed(self, event):
        self.view.pretty = bool(document.getElementById("pretty-json").checked)
        # The same filter again: the list is drawn anew, in the new layout.
        self._filter_changed(event)

    def _clear_clicked(self, event):
        self.session.log.clear()
        self.view.say("tool-status", "")
        self.view.schedule()

    def _export_clicked(self, event):
        # Imported on the first export: the page's start does not wait for it.
        from wsclient.export import to_jsonl

        entries = self.session.log.history()
        now = _now()
        name = present.export_name(now, self._clock.offset_ms // 60000)
        _DOWNLOAD(to_jsonl(entries), name)
        self.view.say(
            "tool-status", i18n.t(self.session.lang, "tools.exported", count=len(entries))
        )

    def _copy_clicked(self, event):
        entries = self.session.log.visible()
        self._copied = len(entries)
        text = self.view.copy_text(entries)
        try:
            promise = call_with_text(window.navigator.clipboard, "writeText", text)
        except Exception as exc:  # noqa: BLE001 - no clipboard in this context
            self._copy_failed(exc)
            return
        promise.then(self._on_copied, self._on_copy_failed)

    def _copy_done(self, *args):
        lang = self.session.lang
        self.view.say("tool-status", i18n.t(lang, "tools.copied", count=self._copied))

    def _copy_failed(self, error):
        detail = str(getattr(error, "message", "") or error)
        self.view.say("tool-status", i18n.t(self.session.lang, "tools.copy_failed", detail=detail))

    def _log_scrolled(self, event):
        self.view.fill_meta()

    def _log_clicked(self, event):
        button = event.target.closest("button.show-all")
        if not is_none(button):
            self.view.show_all(button)

    def _close_clicked(self, event):
        event.preventDefault()
        if self.session.close():
            self.socket.close()
            self.view.status()

    def _opened(self, url, protocol, extensions):
        self.session.opened(url, _now(), protocol, extensions)
        self._flush()
        self._refresh()

    def _text(self, text):
        session = self.session
        # The precise clock costs an FFI call: only an expected echo needs it.
        now = _precise_now() if session.outbox.awaiting_count else _now()
        session.received_text(text, now)
        self.view.schedule()

    def _binary(self, head, size):
        session = self.session
        now = _precise_now() if session.outbox.awaiting_count else _now()
        session.received_binary(head, size, now)
        self.view.schedule()

    def _errored(self):
        self.session.errored(_now())
        self._refresh()

    def _closed(self, code, reason, was_clean):
        self.session.closed(code, reason, was_clean, _now())
        self.view.countdown(self.session.countdown(_now()))
        self._refresh()
