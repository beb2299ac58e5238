"""Wires the page's controls and the socket to the session."""

import js
from pyscript import document, window
from pyscript.ffi import create_proxy

from ui.socket import Socket
from ui.view import View
from wsclient import i18n
from wsclient.query import parse_query
from wsclient.session import PREVIEW_BYTES, Session

__all__ = ["App"]


def _now():
    return js.performance.now()


class App:
    """The running page: one session, one socket, one view."""

    def __init__(self):
        params = parse_query(str(window.location.search))
        # pt-BR, the article's language, unless ?lang= names another; ?lang=auto
        # follows the browser's languages.
        query_lang = params.get("lang", "")
        langs = str(window.navigator.languages.join(",")).split(",") if query_lang == "auto" else ()
        lang = i18n.pick_lang(query_lang, langs)
        self.session = Session(lang)
        self.view = View(document, self.session)
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
        self._params = params
        self._listeners = []

    def start(self):
        """Translate the page, attach every handler, then connect to the first server."""
        self.view.translate()
        self._listen("connection", "submit", self._connect_submitted)
        self._listen("input-form", "submit", self._message_submitted)
        self._listen("message", "keydown", self._message_key)
        self._listen("close", "click", self._close_clicked)
        url = self._params.get("url") or self._default_server()
        self._url.value = url
        if url:
            self._connect(url)
        else:
            self.view.status()
        document.documentElement.classList.add("ready")

    def _default_server(self):
        meta = document.querySelector('meta[name="default-server"]')
        return str(meta.content) if meta else ""

    def _listen(self, element_id, event, handler):
        proxy = create_proxy(self._guard(handler))
        document.getElementById(element_id).addEventListener(event, proxy)
        self._listeners.append(proxy)

    def _guard(self, handler):
        """Report a failure inside a handler on the page instead of as a console trace."""

        def guarded(*args):
            try:
                handler(*args)
            except Exception as exc:  # noqa: BLE001 - every failure must reach the page
                self.session.internal_error(repr(exc), _now())
                self._refresh()

        return guarded

    def _refresh(self):
        self.view.status()
        self.view.schedule()

    def _connect(self, text):
        url = self.session.connect(text, _now())
        if url is not None:
            try:
                self.socket.open(url)
            except Exception as exc:  # noqa: BLE001 - the browser's own refusal
                self.session.refused(i18n.t(self.session.lang, "url.refused", detail=str(exc)))
        self._refresh()

    def _connect_submitted(self, event):
        event.preventDefault()
        self._connect(str(self._url.value))

    def _message_submitted(self, event):
        event.preventDefault()
        text = str(self._message.value)
        payload = self.session.send_text(text, _now())
        if payload is not None:
            try:
                self.socket.send(payload)
            except Exception as exc:  # noqa: BLE001 - the socket refused it; keep the text
                self.session.send_failed(str(exc), _now())
                payload = None
        if payload is not None:
            self._message.value = ""
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

    def _opened(self, url, protocol):
        self.session.opened(url, _now())
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
        self._refresh()
