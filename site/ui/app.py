"""Wires the page's controls and the socket to the session."""

import gc
import time

import js
from pyscript import document, window
from pyscript.ffi import create_proxy, is_none

from ui.socket import Socket
from ui.text import fix_read
from ui.view import View
from wsclient import i18n
from wsclient.log import MessageLog
from wsclient.query import bounded_int, parse_query
from wsclient.session import PREVIEW_BYTES, Session

__all__ = ["App"]


TICK_MS = 250
# How many entries the page keeps in the DOM (?cap=): the rest are counted, not drawn.
CAP_DEFAULT, CAP_MIN, CAP_MAX = 1000, 10, 100_000


def _now():
    """Wall-clock milliseconds, without an FFI call: this runs for every message."""
    return time.time() * 1000


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
        self.view = View(document, self.session, self._guard)
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
        self._params = params
        self._listeners = []

    def start(self):
        """Translate the page, attach every handler, then connect to the first server."""
        self.view.translate()
        self._listen("connection", "submit", self._connect_submitted)
        self._listen("input-form", "submit", self._message_submitted)
        self._listen("message", "keydown", self._message_key)
        self._listen("close", "click", self._close_clicked)
        self._listen("auto-reconnect", "change", self._auto_changed)
        self._listen("retry-now", "click", self._retry_now)
        self._listen("stop-retry", "click", self._stop_retry)
        default = self._default_server()
        url = self._params.get("url") or default
        self._url.value = url
        self._protocols.value = self._params.get("protocols", "")
        # Reconnecting by itself suits the embedded echo server; elsewhere it is opt-in.
        self._auto.checked = bool(default) and url == default
        self.session.auto_reconnect = bool(self._auto.checked)
        self._ticker = create_proxy(self._guard(self._tick))
        js.setInterval(self._ticker, TICK_MS)
        if url:
            self._connect(url)
        else:
            self.view.status()
        document.documentElement.classList.add("ready")

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
        self._open(self.session.connect(text, _now(), protocols))

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
            session.handed(message.id, _now())

    def _tick(self):
        now = _now()
        session = self.session
        if session.tick(now):
            self.view.schedule()
        if session.retry_due(now):
            self._open(session.reconnect(now))
        self.view.countdown(session.countdown(now))
        self.view.buffered(self.socket.buffered())

    def _auto_changed(self, event):
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
        text = fix_read(str(self._message.value), self._message, "value")
        flush = self.session.send_text(text, _now())
        # Sent now, or queued until a connection opens: either way the field is free.
        self._message.value = ""
        if flush:
            self._flush()
        self._refresh()

    def _message_key(self, event):
        # Enter sends, Shift+Enter adds a line, as in chat apps.
        if event.key == "Enter" and not event.shiftKey and not event.isComposing:
            event.preventDefault()
            document.getElementById("input-form").requestSubmit()

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
        self.session.received_text(text, _now())
        self.view.schedule()

    def _binary(self, head, size):
        self.session.received_binary(head, size, _now())
        self.view.schedule()

    def _errored(self):
        self.session.errored(_now())
        self._refresh()

    def _closed(self, code, reason, was_clean):
        self.session.closed(code, reason, was_clean, _now())
        self.view.countdown(self.session.countdown(_now()))
        self._refresh()
