"""The connection's state machine: events in, commands out, no I/O and no clock.

Like the sans-I/O protocol object of python-websockets, it never touches a socket
or the DOM. `Client` hands it the connection's events; it appends commands to
the list it shares with `Client`, which the shell carries out in order.

    CLOSED --Connect--> CONNECTING --Opened--> OPEN --Close--> CLOSING
       ^                    |                    |                |
       +------Closed--------+-------Closed-------+-----Closed-----+

A Connect while CONNECTING or OPEN replaces the socket (the old one's close event
never reaches the session). After a Closed that the backoff allows, a Tick past
`retries.at` connects again: an outage, shown in place and logged once (retry.py).
"""

from wsclient import urls
from wsclient.binary import hex_pairs
from wsclient.chars import utf8_len
from wsclient.commands import (
    DRAW,
    CloseSocket,
    EntryChanged,
    KeepFrame,
    Open,
    ReconnectBox,
    Transmit,
)
from wsclient.errors import InputError
from wsclient.frames import HEAD_BYTES, Frames
from wsclient.log import RECEIVED, SENT, Entry, MessageLog
from wsclient.outbox import Outbox
from wsclient.retry import Retries
from wsclient.stats import Stats
from wsclient.statusline import CLOSED, CLOSING, CONNECTING, ERROR, OPEN, StatusLine

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from wsclient.events import BinaryReceived, TextReceived
    from wsclient.outbox import Message
    from wsclient.plain import Plain

__all__ = ["CLOSED", "CLOSING", "CONNECTING", "ERROR", "OPEN", "Session"]


class Session(StatusLine):
    """One page's connection: its state, status line, outgoing queue and traffic log.

    Args: those of StatusLine, and rand, the backoff's random source, for tests.
    """

    def __init__(
        self,
        lang: str,
        log: MessageLog,
        out: "list[Plain]",
        rand: "Callable[[], float] | None" = None,
    ) -> None:
        super().__init__(lang, log, out)
        self.outbox = Outbox()
        self.frames = Frames(log.history_cap, out)  # the frames the shell keeps whole
        self.stats = Stats()
        self.retries = Retries(rand)
        # target: the address as checked, to reconnect to; url: as the browser reports it.
        self.target: "str | None" = None
        self.url: "str | None" = None
        self.protocols: "list[str]" = []
        self.state = CLOSED
        # The status after the last close, out of an outage and in one; whether it was a drop.
        self._closed_text = self._outage_text = self.status_text
        self._dropped = False
        self._errored = False
        self._closer = ""  # who asked for the close under way, said (close.by_*)
        self._socket_opened = False
        self._ever_opened = False
        self._opened_at = 0.0

    def changed(self, messages: "list[Message]") -> None:
        """Redraw the entries of these messages, whose state changed, with the next Draw."""
        for message in messages:
            self.out.append(EntryChanged(message.seq))

    # --- connecting ---

    def connect(self, text: str, protocols: "str | None", now: float) -> bool:
        """Check the address and the subprotocols field the user gave, and open.

        Args:
            protocols: the field's text ("chat.v2, json"); None keeps the last ones.

        Returns:
            Whether a socket is being opened; otherwise the error under the fields says why.
        """
        field = "url"
        try:
            url = urls.check_url(text)
            field = "protocols"
            if protocols is not None:
                self.protocols = urls.check_protocols(protocols)
        except InputError as exc:
            message = self._t(exc.key, **exc.params)
            if self.state in (OPEN, CONNECTING):
                message += " " + self._t("url.kept", url=self.url)
            self.field_error(message, field)
            return False
        if self.state != CLOSED:
            # The shell replaces the socket without a close event: settle its messages.
            self.changed(self.outbox.connection_lost())
            ended = "switch.cancelled" if self.state == CONNECTING else "switch.closed"
            self.note(ended, now, old=self.url, new=url)
        if url != self.target:
            self._ever_opened = False
            self.retries.backoff.reset()
            self._end_outage(now)  # connecting elsewhere ends the outage
        self.target = url
        self.url = url
        self.state = CONNECTING
        self._errored = False
        self._socket_opened = False
        self._negotiate(None)
        if self.retries.since is None:
            self._explain(None)
            self._status(CONNECTING, self._t("status.connecting", url=url))
        else:  # one more try of the outage: the status stays, only its class changes
            self.retries.attempt()
            self._status(CONNECTING, self._outage_text)
        self.out.append(Open(url, self.protocols))
        self.show_countdown(now)
        return True

    def reconnect(self, now: float) -> bool:
        """Connect again to the last address, as the countdown or "retry now" asks."""
        return self.connect(self.target or "", None, now)

    def refused(self, message: str, now: float) -> None:
        """The browser refused to open a socket to the address: say why, under the fields."""
        self._end_outage(now)
        self.state = CLOSED
        self._dropped = False
        self.field_error(message)
        self._status(CLOSED, self._t("status.closed") + " " + self._t("status.idle"))
        self.system(message, now)

    def opened(self, url: str, protocol: str, extensions: str, now: float) -> None:
        """The handshake succeeded: say so, and hand over what waited in the queue."""
        self.url = url
        self.state = OPEN
        self._socket_opened = True
        self._ever_opened = True
        self._opened_at = now
        text = self._t("status.open", url=url)
        self._status(OPEN, text)
        self._explain(None)
        outage = self.retries.end()
        self.system(self._back(text, outage, now), now)
        self.show_countdown(now)
        self._agree(protocol, extensions, now, outage is not None)
        self.flush()

    # --- traffic ---

    def received_text(self, event: "TextReceived") -> int:
        """A text frame arrived (the event itself: this runs per message of a flood); an
        echo of the oldest message sent confirms it. Returns what Frames.add returns."""
        text, now = event.text, event.now
        size = utf8_len(text)  # the big allocation first, before any state changes
        entry = self.log.add(RECEIVED, text, False, size, now)
        if self.outbox.awaiting_count:
            self._echo(text, now)
        return self.received(entry, now)

    def received_binary(self, event: "BinaryReceived") -> int:
        """A binary frame of size bytes, head its first HEAD_BYTES at most: as above."""
        head, size, now = event.head, event.size, event.now
        shown = hex_pairs(head) + (" …" if size > len(head) else "")
        entry = self.log.add(RECEIVED, shown, True, size, now, head)
        if self.outbox.awaiting_count and size == len(head):
            self._echo(head, now)
        return self.received(entry, now)

    def received(self, entry: "Entry", now: float) -> int:
        """Count, draw and maybe keep the frame of a received entry already in the log."""
        self.stats.count(RECEIVED, entry.size, now)
        log = self.log
        if not log.draw_asked:  # one Draw per batch the view takes, not one per message
            log.draw_asked = True
            self.out.append(DRAW)
        return self.frames.add(entry)

    def _echo(self, payload: "str | bytes", now: float) -> None:
        message = self.outbox.echo(payload, now)
        if message is not None:
            self.out.append(EntryChanged(message.seq))

    def send(self, payload: "str | bytes", now: float) -> Entry:
        """Queue and log payload (str: text frame; bytes: binary), the user's or a
        protocol's, and hand it over at once when the socket is open. Returns its entry."""
        if isinstance(payload, str):
            size = utf8_len(payload)  # the big allocation first, before any state changes
            shown, head = payload, None
        else:
            payload = bytes(payload)
            # The entry holds the start, as a received one does; the store keeps the whole.
            size, shown, head = len(payload), hex_pairs(payload, HEAD_BYTES), payload[:HEAD_BYTES]
        # It belongs to the address the page is on, or last tried: it goes there only.
        message = self.outbox.add(payload, now, self.log.next_seq, size, self.target)
        entry = self.log.add(SENT, shown, head is not None, size, now, head, message)
        if self.frames.add(entry):
            self.out.append(KeepFrame(entry.seq, payload))
        self.out.append(DRAW)
        self.flush()
        return entry

    def flush(self) -> None:
        """Hand over what waits for the open connection's address."""
        if self.state == OPEN:
            batch = self.outbox.take_ready(self.target)
            if batch:
                self.out.append(Transmit(batch))

    def transmitted(self, sent: "list[list[Any]]", failure: "list[Any] | None", now: float) -> None:
        """The shell carried out a Transmit. Args:
        sent: [message id, time the socket took it] for each message handed over.
        failure: [message id, what the socket said] for the one it refused, or None.
        """
        for msg_id, when in sent:
            message = self.outbox.mark_sent(msg_id, when)
            self.stats.count(SENT, message.size, when)
            self.out.append(EntryChanged(message.seq))
        if failure is not None:
            self.changed(self.outbox.mark_failed(failure[0], failure[1]))
            self.system(self._t("error.send_failed", detail=failure[1]), now)
        self.out.append(DRAW)

    # --- time ---

    def tick(self, now: float) -> None:
        """Time passes: let go of echoes that never came, and reconnect when it is time."""
        expired = self.outbox.expire(now)
        if expired:
            self.changed(expired)
            self.out.append(DRAW)
        if self.retries.due(now):
            self.reconnect(now)
        self.show_countdown(now)

    def show_countdown(self, now: float) -> None:
        """Show the attempt and the whole seconds left before the next try, if any."""
        countdown = self.retries.countdown(now, self.lang)
        if countdown is not None:
            self.out.append(countdown)

    def retry_now(self, now: float) -> None:
        """The user pressed "retry now": reconnect if a retry is planned."""
        if self.retries.at is not None:
            self.reconnect(now)

    def stop_retrying(self, now: float) -> None:
        """The user pressed stop: automatic reconnects go off, and the box says so."""
        self.out.append(ReconnectBox(False))
        self.set_auto_reconnect(False, now)

    def set_auto_reconnect(self, on: bool, now: float) -> None:
        """The user turned automatic reconnects on or off.

        On, while a dropped connection is down, tries at once and goes on trying, even
        a server that never opened: the user asked for it. Off ends the outage.
        """
        retries = self.retries
        retries.auto = on
        if on and self.state == CLOSED and self._dropped and retries.since is None:
            retries.begin(now, insist=True)
            self.note("outage.resumed", now)
            self.reconnect(now)
        elif not on:
            self._end_outage(now, True)

    def _end_outage(self, now: float, say: bool = False) -> None:
        """End the outage, if any, that did not bring the page back: log it, with its tries;
        with say, the status says so too (else the caller's next status does)."""
        outage = self.retries.end()
        if outage is not None:
            stopped = self._t("outage.stopped", attempts=outage[0])
            self.system(stopped, now)
            if say and self.state == CLOSED:
                self._status(ERROR, self._closed_text + " " + stopped)
            elif say:  # the try under way goes on, as any connection does
                self._status(CONNECTING, self._t("status.connecting", url=self.url))
            self.show_countdown(now)

    # --- closing ---

    def close(
        self, now: float, code: int = 1000, reason: str = "", by: str = "user", why: str = ""
    ) -> None:
        """The user, or the user's script (by="script"), or the page for a protocol's
        sake (by="protocol", saying why), asked to close: the status says so at once;
        the close event later fills in the code and reason."""
        self._closer = self._t("close.by_" + by, why=why)
        if self.state in (CONNECTING, OPEN):
            self._end_outage(now)  # closing a try stops trying
            self.state = CLOSING
            self._status(CLOSING, self._t("status.closing", url=self.url))
            self.out.append(CloseSocket(code, reason))

    def errored(self, now: float) -> None:
        """The socket reported an error; browsers give no detail, the close that follows does.

        Closing before the handshake ends fires one too: the user's own doing, not an
        error. A try of an outage changes nothing: the outage's status stays in place.
        """
        if self.state == CLOSING:
            return
        self._errored = True
        if self.retries.since is None:
            self._status(ERROR, self._t("status.error", url=self.url))

    def closed(self, code: int, reason: str, clean: bool, now: float) -> None:
        """The connection closed, cleanly or not; maybe plan a reconnect.

        One entry for the close, with the error before it, if any; an outage's tries
        after the first drop log nothing.
        """
        user_closed = self.state == CLOSING
        self.state = CLOSED
        self._dropped = not user_closed
        self._negotiate(None)
        self.changed(self.outbox.connection_lost())
        if self._socket_opened:
            self.retries.backoff.closed_after(now - self._opened_at)
        began = self.retries.since is None
        why = self.retries.plan(code, user_closed, not self._socket_opened, self._ever_opened, now)
        self._explain(None if user_closed else code)
        text = self._closed_text = self._closed(code, reason, clean)
        self._outage_text = self._outage(code, self.target)
        entry = (self._t("status.error", url=self.url) + " " if self._errored else "") + text
        if self.retries.at is not None:
            self._status(ERROR, self._outage_text)
            if began:
                self.system(entry + " " + self._t("outage.begin"), now)
        else:
            more = " " + self._closer if user_closed else ""
            if why is not None:
                more = " " + self._t(why) + " " + self._t("reconnect.tick")
                self.out.append(ReconnectBox(False))
            self._status(ERROR if self._errored else CLOSED, text + more)
            self.system(entry + more, now)
        self.show_countdown(now)
