"""The composer: the message field, its send format, and ↑/↓ recall of earlier sends."""

from ui import bridge, clock
from ui.text import call_with_text, read
from wsclient.commands import ComposerText, SendError, Store
from wsclient.events import Compose, Edited, ModeChanged, Recall, StorageFailed

__all__ = ["Composer"]


class Composer:
    """Turns the user's typing into events and carries out the composer's commands."""

    def __init__(self, document, texts, feed, proto) -> None:
        self._document = document
        # The protocol's composer fields: all of them, and one by name (ui.proto.ProtoView).
        self._form = proto.form
        self._protocol_field = proto.field
        self._marked = None  # a protocol's field marked invalid
        self._texts = texts
        self._feed = feed
        self._field = document.getElementById("message")
        self._mode = document.getElementById("mode")
        self._anyway = document.getElementById("send-anyway")
        self._written = 0

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("input-form", "submit", self._submitted)
        listen("send-anyway", "click", self._send_anyway)
        listen("message", "keydown", self._key)
        listen("message", "input", lambda event: self._feed(Edited()))
        listen("mode", "change", lambda event: self._feed(ModeChanged(str(self._mode.value))))

    def handlers(self) -> dict:
        """The commands the composer carries out."""
        return {ComposerText: self.write, SendError: self.send_error, Store: self.store}

    def _submitted(self, event) -> None:
        event.preventDefault()
        self._send(False)

    def _send_anyway(self, event) -> None:
        self._send(True)
        self._field.focus()

    def _send(self, anyway: bool) -> None:
        mode, text = str(self._mode.value), read(self._field)
        form = self._form()
        self._feed(Compose(mode, text, clock.now(), anyway, bridge.random_bytes(), form))

    def _key(self, event) -> None:
        key = event.key
        # Enter sends, Shift+Enter adds a line, as in chat apps.
        if key == "Enter" and not event.shiftKey and not event.isComposing:
            event.preventDefault()
            self._document.getElementById("input-form").requestSubmit()
        elif key in ("ArrowUp", "ArrowDown") and not (event.shiftKey or event.altKey):
            self._recall(event, key == "ArrowUp")

    def _recall(self, event, older: bool) -> None:
        """↑ on the first line recalls older sends, ↓ on the last line newer ones."""
        field = self._field
        if field.selectionStart != field.selectionEnd or bridge.line_beyond(field, older):
            return
        written = self._written
        self._feed(Recall(older, read(field)))
        if self._written != written:
            # Recalled: the caret stays where write() put it.
            event.preventDefault()

    def write(self, command: ComposerText) -> None:
        """Replace the field's text, caret at the end; and the format, when given."""
        self._written += 1
        field = self._field
        if command.mode is not None:
            self._mode.value = command.mode
        if "\x00" in command.text:
            field.value = ""
            call_with_text(field, "setRangeText", command.text)
        else:
            field.value = command.text
        bridge.caret_to_end(field)

    def send_error(self, command: SendError) -> None:
        """Say what is wrong with the message and where, or clear that (text None); a
        protocol's field at fault (command.field) is the one marked."""
        field = self._field
        self._texts.say("send-error", command.text)
        self._anyway.hidden = not command.anyway
        if self._marked is not None:
            self._marked.removeAttribute("aria-invalid")
            self._marked = None
        if command.text is None:
            field.removeAttribute("aria-invalid")
            return
        if command.field:
            other = self._protocol_field("proto-send", command.field)
            if other is not None:
                self._marked = other
                other.setAttribute("aria-invalid", "true")
                other.setAttribute("aria-describedby", "send-error")
                other.focus()
                return
        field.setAttribute("aria-invalid", "true")
        field.setAttribute("aria-describedby", "send-error")
        field.focus()
        field.setSelectionRange(command.position, command.position)

    def store(self, command: Store) -> None:
        """Keep the text in localStorage; a refusal goes back to the core."""
        error = str(bridge.store(command.key, command.text))
        if error:
            self._feed(StorageFailed(error, clock.now()))
