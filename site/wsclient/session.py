"""The connection's state machine: events in, commands out, no I/O and no clock.

Like the sans-I/O protocol object of python-websockets, it never touches a socket
or the DOM. `Client` hands it the connection's events; it appends commands to
the list it shares with `Client`, which the shell carries out in order.

    CLOSED --Connect--> CONNECTING --Opened--> OPEN --Close--> CLOSING
       ^                    |                    |                |
       +------Closed--------+-------Closed-------+-----Closed-----+

A Connect while CONNECTING or OPEN replaces the socket (the old one's close event
never reaches the session). After a Closed that the backoff allows, a Tick past
`retries.at` connects again.
"""

from wsclient import closecodes, i18n, urls
from wsclient.binary import hex_pairs
from wsclient.chars import utf8_len
from wsclient.commands import (
    DRAW,
    CloseSocket,
    EntryChanged,
    Negotiated,
    Open,
    Status,
    Transmit,
)
from wsclient.errors import InputError
from wsclient.log import RECEIVED, SENT, SYSTEM, MessageLog
from wsclient.outbox import Outbox
from wsclient.retry import Retries
from wsclient.stats import Stats

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from wsclient.events import BinaryReceived, TextReceived
    from wsclient.outbox import Message
    from wsclient.plain import Plain

__all__ = ["CLOSED", "CLOSING", "CONNECTING", "ERROR", "HEAD_BYTES", "OPEN", "Session"]

CONNECTING = "connecting"
OPEN = "open"
CLOSING = "closing"
CLOSED = "closed"
ERROR = "error"

# Binary frames are shown as a hex dump of their first bytes: converting a whole
# 16 MiB frame into Python would stall the page for nothing anyone reads.
HEAD_BYTES = 4096


class Session:
    """One page's connection: its state, status line, outgoing queue and traffic log.

    Args:
        lang: the language of every text it writes.
        log: the MessageLog it writes entries into.
        out: the list it appends commands to.
        rand: the backoff's random source, for tests.
    """

    def __init__(
        self,
        lang: str,
        log: MessageLog,
        out: "list[Plain]",
        rand: "Callable[[], float] | None" = None,
    ) -> None:
        self.lang = lang
        self.log = log
        self.out = out
        self.outbox = Outbox()
        self.stats = Stats()
        self.retries = Retries(rand)
        # target: the address as checked, to reconnect to; url: as the browser reports it.
        self.target: "str | None" = None
        self.url: "str | None" = None
        self.protocols: "list[str]" = []
        self.state = CLOSED
        self.status_class = CLOSED
        self.status_text = self._t("status.closed") + " " + self._t("status.idle")
        self._negotiated: "str | None" = None
        self._errored = False
        self._socket_opened = False
        self._ever_opened = False
        self._opened_at = 0.0

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def _status(self, cls: str, text: str) -> None:
        self.status_class = cls
        self.status_text = text
        self.out.append(Status(cls, text))

    def system(self, text: str, now: float) -> None:
        """Add a system entry."""
        self.log.add(SYSTEM, text, False, utf8_len(text), now)
        self.out.append(DRAW)

    def note(self, key: str, now: float, **params: object) -> None:
        """Add a system entry with the text of key, such as a warning about a parameter."""
        self.system(self._t(key, **params), now)

    def show_status(self) -> None:
        """Say the status line again, as it is."""
        self.out.append(Status(self.status_class, self.status_text))

    def _negotiate(self, text: "str | None") -> None:
        if text != self._negotiated:
            self._negotiated = text
            self.out.append(Negotiated(text))

    def _changed(self, messages: "list[Message]") -> None:
        for message in messages:
            self.out.append(EntryChanged(message.seq))

    # --- connecting ---

    def connect(self, text: str, protocols: "str | None", now: float) -> bool:
        """Check the address and the subprotocols field the user gave, and open.

        Args:
            protocols: the field's text ("chat.v2, json"); None keeps the last ones.

        Returns:
            Whether a socket is being opened; otherwise the status says why not.
        """
        try:
            url = urls.check_url(text)
            if protocols is not None:
                self.protocols = urls.check_protocols(protocols)
        except InputError as exc:
            message = self._t(exc.key, **exc.params)
            if self.state in (OPEN, CONNECTING):
                # Nothing changed yet: the current connection stays, and says so.
                message += " " + self._t("url.kept", url=self.url)
                self._status(ERROR, message)
                self.system(message, now)
            else:
                self.refused(message, now)
            return False
        if self.state != CLOSED:
            # The shell replaces the socket without a close event: settle its messages.
            self._changed(self.outbox.connection_lost())
            ended = "switch.cancelled" if self.state == CONNECTING else "switch.closed"
            self.note(ended, now, old=self.url, new=url)
        if url != self.target:
            self._ever_opened = False
            self.retries.backoff.reset()
        self.target = url
        self.url = url
        self.state = CONNECTING
        self.retries.stop()
        self._errored = False
        self._socket_opened = False
        self._negotiate(None)
        self._status(CONNECTING, self._t("status.connecting", url=url))
        self.out.append(Open(url, self.protocols))
        return True

    def reconnect(self, now: float) -> bool:
        """Connect again to the last address, as the countdown or "retry now" asks."""
        return self.connect(self.target or "", None, now)

    def refused(self, message: str, now: float) -> None:
        """The browser or the checks refused to open a socket: say why."""
        self.state = CLOSED
        self._status(ERROR, message)
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
        self.system(text, now)
        negotiated = self._t(
            "negotiated",
            protocol=protocol or self._t("negotiated.no_protocol"),
            extensions=extensions or self._t("negotiated.no_extensions"),
        )
        self._negotiate(negotiated)
        if protocol or extensions:
            self.system(negotiated, now)
        self.flush()

    # --- traffic ---

    def received_text(self, event: "TextReceived") -> None:
        """A text frame arrived; if it echoes the oldest message sent, that one is confirmed.

        It takes the event itself, not its fields: this runs for every message of a flood.
        """
        text, now = event.text, event.now
        size = utf8_len(text)  # the big allocation first, before any state changes
        self.log.add(RECEIVED, text, False, size, now)
        self.stats.count(RECEIVED, size, now)
        if self.outbox.awaiting_count:
            self._echo(text, now)
        self.out.append(DRAW)

    def received_binary(self, event: "BinaryReceived") -> None:
        """A binary frame of size bytes arrived; head is at most its first HEAD_BYTES."""
        head, size, now = event.head, event.size, event.now
        shown = hex_pairs(head)
        if size > len(head):
            shown += " …"
        self.log.add(RECEIVED, shown, True, size, now, head)
        self.stats.count(RECEIVED, size, now)
        if self.outbox.awaiting_count and size == len(head):
            self._echo(head, now)
        self.out.append(DRAW)

    def _echo(self, payload: "str | bytes", now: float) -> None:
        message = self.outbox.echo(payload, now)
        if message is not None:
            self.out.append(EntryChanged(message.seq))

    def send(self, payload: "str | bytes", now: float) -> None:
        """The user sent payload (str: a text frame; bytes: binary): queue and log it,
        and hand it over at once when the socket is open."""
        if isinstance(payload, str):
            size = utf8_len(payload)  # the big allocation first, before any state changes
            shown, head = payload, None
        else:
            payload = bytes(payload)
            size, shown, head = len(payload), hex_pairs(payload), payload
        # It belongs to the address the page is on, or last tried: it goes there only.
        message = self.outbox.add(payload, now, self.log.next_seq, size, self.target)
        self.log.add(SENT, shown, head is not None, size, now, head, message)
        self.out.append(DRAW)
        self.flush()

    def flush(self) -> None:
        """Hand over what waits for the open connection's address."""
        if self.state == OPEN:
            batch = self.outbox.take_ready(self.target)
            if batch:
                self.out.append(Transmit(batch))

    def transmitted(self, sent: "list[list[Any]]", failure: "list[Any] | None", now: float) -> None:
        """The shell carried out a Transmit.

        Args:
            sent: [message id, time the socket took it] for each message handed over.
            failure: [message id, what the socket said] for the one it refused, or None.
        """
        for msg_id, when in sent:
            message = self.outbox.mark_sent(msg_id, when)
            self.stats.count(SENT, message.size, when)
            self.out.append(EntryChanged(message.seq))
        if failure is not None:
            self._changed(self.outbox.mark_failed(failure[0], failure[1]))
            self.system(self._t("error.send_failed", detail=failure[1]), now)
        self.out.append(DRAW)

    def rtt(self) -> "tuple[float | None, float | None]":
        """The echo round trips in milliseconds: (last, median), or (None, None) before any."""
        return self.outbox.last_rtt, self.outbox.median_rtt()

    # --- time ---

    def tick(self, now: float) -> None:
        """Time passes: let go of echoes that never came, and reconnect when it is time."""
        expired = self.outbox.expire(now)
        if expired:
            self._changed(expired)
            self.out.append(DRAW)
        if self.retries.due(now):
            self.reconnect(now)
        self.show_countdown(now)

    def show_countdown(self, now: float) -> None:
        """Show the whole seconds left before the next automatic reconnect, if any."""
        countdown = self.retries.countdown(now, self.lang)
        if countdown is not None:
            self.out.append(countdown)

    def retry_now(self, now: float) -> None:
        """The user pressed "retry now": reconnect if a retry is planned."""
        if self.retries.at is not None:
            self.reconnect(now)
        self.show_countdown(now)

    def stop_retrying(self, now: float) -> None:
        """The user pressed stop: no automatic reconnect until the next drop."""
        self.retries.stop()
        self.show_countdown(now)

    def set_auto_reconnect(self, on: bool, now: float) -> None:
        """The user turned automatic reconnects on or off."""
        self.retries.auto = on
        if not on:
            self.stop_retrying(now)

    # --- closing ---

    def close(self, now: float) -> None:
        """The user asked to close.

        The page stops listening at once, so the status says so at once; the close
        event later fills in the code and reason.
        """
        if self.state in (CONNECTING, OPEN):
            self.state = CLOSING
            self._status(CLOSED, self._t("status.closed") + " " + self._t("status.closing"))
            self.out.append(CloseSocket(1000))

    def errored(self, now: float) -> None:
        """The socket reported an error; browsers give no detail, the close that follows does."""
        if self.state == CLOSING:
            # Closing before the handshake ends fires an error too: the user's own doing.
            return
        self._errored = True
        text = self._t("status.error", url=self.url or "")
        self._status(ERROR, text)
        self.system(text, now)

    def closed(self, code: int, reason: str, clean: bool, now: float) -> None:
        """The connection closed, cleanly or not; maybe schedule a reconnect."""
        user_closed = self.state == CLOSING
        self.state = CLOSED
        self._negotiate(None)
        self._changed(self.outbox.connection_lost())
        detail = closecodes.describe_close(code, reason, clean, self.lang)
        text = self._t("status.closed") + " " + detail
        if user_closed:
            text += " " + self._t("close.by_user")
        elif code == 1006:
            text += " " + closecodes.abnormal_hint(self.lang)
        self._status(ERROR if self._errored else CLOSED, text)
        self.system(text, now)
        if self._socket_opened:
            self.retries.backoff.closed_after(now - self._opened_at)
        why = self.retries.plan(code, user_closed, not self._socket_opened, self._ever_opened, now)
        if why is not None:
            self.note(why, now)
        self.show_countdown(now)
