"""Wraps the browser's WebSocket: one set of proxies, reattached to each new socket."""

import js
from pyscript.ffi import create_proxy, to_js

from ui.text import call_with_text, fix_read

__all__ = ["Socket"]

try:
    import pyodide  # noqa: F401

    _PYODIDE = True
except ImportError:
    _PYODIDE = False


def _to_bytes(u8):
    """Copy a Uint8Array into Python bytes without a per-byte FFI call."""
    if _PYODIDE:
        return u8.to_bytes()
    # MicroPython reads a typed array one element per FFI call (about 1.5 s per MiB);
    # as hex it crosses the boundary as one string and decodes in C (about 40 ms per MiB).
    if hasattr(u8, "toHex"):
        return bytes.fromhex(u8.toHex())
    return bytes(u8)


class Socket:
    """The current js.WebSocket, if any, and its event handlers.

    The four handler proxies are made once and moved from one socket to the next,
    so connecting again and again creates no proxies and leaks none. A replaced
    socket is detached first: its late events can never reach the new session.
    """

    def __init__(self, on_open, on_text, on_binary, on_error, on_close, head_bytes, guard):
        self._on_open = on_open
        self._on_text = on_text
        self._on_binary = on_binary
        self._on_error = on_error
        self._on_close = on_close
        self._head_bytes = head_bytes
        self._ws = None
        self._proxies = (
            ("onopen", create_proxy(guard(self._opened))),
            ("onmessage", create_proxy(guard(self._message))),
            ("onerror", create_proxy(guard(self._errored))),
            ("onclose", create_proxy(guard(self._closed))),
        )

    def open(self, url, protocols=()):
        """Replace the current socket with a new one to url, offering protocols.

        Raises:
            Exception: the browser refused the URL (a JS SyntaxError, say).
        """
        self.detach()
        ws = js.WebSocket.new(url, to_js(list(protocols))) if protocols else js.WebSocket.new(url)
        ws.binaryType = "arraybuffer"
        for name, proxy in self._proxies:
            # Direct item assignment fails in Pyodide; setattr works on both.
            setattr(ws, name, proxy)
        self._ws = ws

    def detach(self):
        """Forget the current socket, closing it if it is still up."""
        ws = self._ws
        if ws is None:
            return
        self._ws = None
        for name, _ in self._proxies:
            setattr(ws, name, None)
        if ws.readyState < 2:
            ws.close()

    def send(self, payload):
        """Hand a str (a text frame) or bytes (a binary frame) to the socket.

        Raises:
            Exception: there is no socket, or the browser refused (InvalidStateError).
        """
        if self._ws is None or self._ws.readyState != 1:
            raise RuntimeError("the socket is not open")
        if isinstance(payload, str):
            call_with_text(self._ws, "send", payload)
        else:
            # As hex the bytes cross as one string on both interpreters, decoded in C.
            self._ws.send(js.Uint8Array.fromHex(payload.hex()))

    def buffered(self):
        """Bytes the browser still holds for sending (bufferedAmount)."""
        return 0 if self._ws is None else int(self._ws.bufferedAmount)

    def close(self):
        """Start the closing handshake with 1000 and stop taking messages.

        Messages the browser still holds (a flood can leave thousands) would
        otherwise each run Python before the close event could; the user asked to
        stop, so the page stops listening at once and waits only for the close.
        """
        ws = self._ws
        if ws is not None:
            ws.onmessage = None
            ws.close(1000)

    def _opened(self, event):
        ws = event.target
        self._on_open(str(ws.url), str(ws.protocol), str(ws.extensions))

    def _message(self, event):
        data = event.data
        if isinstance(data, str):
            self._on_text(fix_read(data, event, "data"))
            return
        size = int(data.byteLength)
        head = js.Uint8Array.new(data, 0, min(size, self._head_bytes))
        self._on_binary(_to_bytes(head), size)

    def _errored(self, event):
        self._on_error()

    def _closed(self, event):
        self._on_close(int(event.code), str(event.reason), bool(event.wasClean))
