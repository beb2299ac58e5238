"""The connection bar: address, subprotocols, connect, close, and automatic reconnects."""

from ui import clock
from ui.text import read
from wsclient.commands import CloseButton, ConnectError, Fields, ReconnectBox
from wsclient.events import AutoReconnect, Close, Connect, ConnectionEdited, RetryNow, StopRetry

__all__ = ["ConnectionBar"]

ERROR_ID = "connect-error"


class ConnectionBar:
    """Turns the connection controls into events and carries out the bar's commands."""

    def __init__(self, document, texts, feed, proto) -> None:
        self._texts = texts
        self._feed = feed
        self._proto = proto  # the chosen protocol and its options (ui.proto.ProtoView)
        self._proto_select = document.getElementById("proto")
        self._option = None  # the protocol's option marked invalid, if any
        self._url = document.getElementById("url")
        self._protocols = document.getElementById("protocols")
        self._auto = document.getElementById("auto-reconnect")
        self._mode = document.getElementById("mode")
        self._close_button = document.getElementById("close")

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("connection", "submit", self._connect)
        listen("url", "input", self._edited)
        listen("protocols", "input", self._edited)
        listen("close", "click", self._close)
        listen("auto-reconnect", "change", self._auto_changed)
        listen("retry-now", "click", lambda event: self._feed(RetryNow(clock.now())))
        listen("stop-retry", "click", lambda event: self._feed(StopRetry(clock.now())))

    def handlers(self) -> dict:
        """The commands the bar carries out."""
        return {
            Fields: self.fill,
            ReconnectBox: self.tick,
            ConnectError: self.error,
            CloseButton: self.close_button,
        }

    def fill(self, command: Fields) -> None:
        """Show the settings the page starts with."""
        self._url.value = command.url
        self._protocols.value = command.protocols
        self._auto.checked = command.auto_reconnect
        self._mode.value = command.mode

    def tick(self, command: ReconnectBox) -> None:
        """Tick or untick the reconnect box (which fires no change event)."""
        self._auto.checked = command.on

    def error(self, command: ConnectError) -> None:
        """Say under the bar what is wrong with a field, and mark it; or clear that."""
        self._texts.say(ERROR_ID, command.text)
        marked = [self._url, self._protocols, self._proto_select]
        if self._option is not None:
            marked.append(self._option)
            self._option = None
        for field in marked:
            field.removeAttribute("aria-invalid")
            field.removeAttribute("aria-describedby")
        if command.text is None:
            return
        field = self._target(command.field)
        if command.field.startswith("option:"):
            self._option = field
        field.setAttribute("aria-invalid", "true")
        field.setAttribute("aria-describedby", ERROR_ID)
        field.focus()

    def _target(self, name: str):
        """The field a ConnectError names: a protocol's option is in the Protocolo tab."""
        if name.startswith("option:"):
            option = self._proto.field("proto-opts", name[len("option:") :])
            return self._proto_select if option is None else option
        fields = {"url": self._url, "protocols": self._protocols, "proto": self._proto_select}
        return fields.get(name, self._url)

    def close_button(self, command: CloseButton) -> None:
        """Mark the close button unavailable, saying why, or available again.

        aria-disabled, not disabled: the button keeps the focus it may have, and a
        press still reaches the core, which says why nothing happened.
        """
        button = self._close_button
        if command.why is None:
            button.removeAttribute("aria-disabled")
            button.removeAttribute("title")
        else:
            button.setAttribute("aria-disabled", "true")
            button.title = command.why

    def _connect(self, event) -> None:
        event.preventDefault()
        proto = self._proto
        url, protocols = read(self._url), read(self._protocols)
        self._feed(Connect(url, protocols, clock.now(), proto.kind, proto.options()))

    def _edited(self, event) -> None:
        self._feed(ConnectionEdited())

    def _close(self, event) -> None:
        event.preventDefault()
        self._feed(Close(clock.now()))

    def _auto_changed(self, event) -> None:
        self._feed(AutoReconnect(bool(self._auto.checked), clock.now()))
