"""The browser's WebSocket: carries out the socket's commands and feeds back its events."""

import js
from pyscript.ffi import create_proxy, to_js

from ui import bridge, clock, frames
from ui.text import call_with_text, fix_read
from wsclient.commands import CloseSocket, Open, Transmit
from wsclient.events import (
    BinaryReceived,
    Closed,
    Errored,
    Opened,
    OpenFailed,
    TextReceived,
    Transmitted,
)
from wsclient.frames import HEAD_BYTES

__all__ = ["Socket"]


class Socket:
    """The current js.WebSocket, if any, and its event handlers.

    The four handlers are made once and moved from one socket to the next, so
    connecting again and again creates no proxies and leaks none. A replaced socket
    is detached first: its late events can never reach the new session. Messages go
    through the frame store's handler (ui/frames.js), which keeps each whole frame
    the core asks it to keep, and calls _text or _binary with the frame's data.

    Args:
        feed: takes each event for the core.
        frame_time: returns the time to stamp a received frame with.
        guard: wraps a handler so that its failures reach the page.
    """

    def __init__(self, feed, frame_time, guard) -> None:
        self._feed = feed
        self._frame_time = frame_time
        self._ws = None
        self._incoming = frames.incoming
        self._proxies = (
            ("onopen", create_proxy(guard(self._opened))),
            (
                "onmessage",
                frames.receiver(
                    create_proxy(guard(self._text)),
                    create_proxy(guard(self._binary)),
                    HEAD_BYTES,
                ),
            ),
            ("onerror", create_proxy(guard(self._errored))),
            ("onclose", create_proxy(guard(self._closed))),
        )

    def handlers(self) -> dict:
        """The commands the socket carries out."""
        return {Open: self.open, Transmit: self.transmit, CloseSocket: self.close}

    def open(self, command: Open) -> None:
        """Replace the current socket with a new one to the command's url."""
        self.detach()
        url, protocols = command.url, command.protocols
        try:
            if protocols:
                ws = js.WebSocket.new(url, to_js(list(protocols)))
            else:
                ws = js.WebSocket.new(url)
        except Exception as exc:  # noqa: BLE001 - the browser's own refusal, for the page
            self._feed(OpenFailed(str(exc), clock.now()))
            return
        ws.binaryType = "arraybuffer"
        for name, proxy in self._proxies:
            # Direct item assignment fails in Pyodide; setattr works on both.
            setattr(ws, name, proxy)
        self._ws = ws

    def detach(self) -> None:
        """Forget the current socket, closing it if it is still up."""
        ws = self._ws
        if ws is None:
            return
        self._ws = None
        for name, _ in self._proxies:
            setattr(ws, name, None)
        if ws.readyState < 2:
            ws.close()

    def transmit(self, command: Transmit) -> None:
        """Hand each message to the socket in order, stopping at the first refusal."""
        sent = []
        failure = None
        for message in command.messages:
            try:
                self._send(message.payload)
            except Exception as exc:  # noqa: BLE001 - kept first in line for the next try
                failure = [message.id, str(exc)]
                break
            sent.append([message.id, clock.precise_now()])
        self._feed(Transmitted(sent, failure, clock.now()))

    def _send(self, payload) -> None:
        ws = self._ws
        # A closing socket's send() drops data without raising: refuse it here.
        if ws is None or ws.readyState != 1:
            raise RuntimeError("the socket is not open")
        if isinstance(payload, str):
            call_with_text(ws, "send", payload)
        else:
            # As hex the bytes cross as one string on both interpreters, decoded in C.
            # A refusal comes back as text: MicroPython's except never sees a JS error.
            error = str(bridge.send_bytes(ws, payload.hex()))
            if error:
                raise RuntimeError(error)

    def buffered(self) -> int:
        """Bytes the browser still holds for sending (bufferedAmount)."""
        return 0 if self._ws is None else int(self._ws.bufferedAmount)

    def close(self, command: CloseSocket) -> None:
        """Start the closing handshake and stop taking messages.

        Messages the browser still holds (a flood can leave thousands) would
        otherwise each run Python before the close event could; the user asked to
        stop, so the page stops listening at once and waits only for the close.
        """
        ws = self._ws
        if ws is not None:
            ws.onmessage = None
            ws.close(command.code, command.reason)

    def _opened(self, event) -> None:
        ws = event.target
        self._feed(Opened(str(ws.url), str(ws.protocol), str(ws.extensions), clock.now()))

    # Each returns the number the store keeps the frame under (0: not kept).

    def _text(self):
        incoming = self._incoming
        text = incoming.data
        if text.endswith("\x00"):  # fix_read's only suspect, tested here: this runs per message
            text = fix_read(text, incoming, "data")
        return self._feed(TextReceived(text, self._frame_time()))

    def _binary(self, hex_head, size):
        # MicroPython reads a typed array one element per FFI call (1.5 s per MiB);
        # as hex the head crosses as one string and decodes in C.
        return self._feed(BinaryReceived(bytes.fromhex(hex_head), size, self._frame_time()))

    def _errored(self, event) -> None:
        self._feed(Errored(clock.now()))

    def _closed(self, event) -> None:
        self._feed(Closed(int(event.code), str(event.reason), bool(event.wasClean), clock.now()))
