"""The client's decisions: what the page shows and what the socket does for each event.

The browser shell feeds it plain values (strings, bytes, numbers) and applies
what it returns. It never touches the DOM or the socket itself.
"""

from wsclient import closecodes, i18n, outbox, urls
from wsclient.backoff import Backoff, should_retry
from wsclient.formats import hex_pairs, utf8_len
from wsclient.log import RECEIVED, SENT, SYSTEM, MessageLog
from wsclient.stats import Stats

__all__ = ["CLOSED", "CLOSING", "CONNECTING", "ERROR", "OPEN", "PREVIEW_BYTES", "Session"]

CONNECTING = "connecting"
OPEN = "open"
CLOSING = "closing"
CLOSED = "closed"
ERROR = "error"

# Binary frames are shown as a hex dump of their first bytes: converting a whole
# 16 MiB frame into Python would stall the page for nothing anyone reads.
PREVIEW_BYTES = 4096


class Session:
    """One page's connection state, status line and message log."""

    def __init__(self, lang="pt-BR", log=None, rand=None):
        self.lang = lang
        self.log = log if log is not None else MessageLog()
        self.outbox = outbox.Outbox()
        self.stats = Stats()
        # What the server agreed to when the connection opened: (protocol, extensions).
        self.negotiated = None
        self.backoff = Backoff(rand=rand)
        self.auto_reconnect = False
        self.retry_at = None
        # target: the address as checked, to reconnect to; url: as the browser reports it.
        self.target = None
        self.url = None
        self.protocols = []
        self.state = CLOSED
        self.status_class = CLOSED
        self.status_text = self._t("status.closed") + " " + self._t("status.idle")
        self._errored = False
        self._socket_opened = False
        self._ever_opened = False
        self._opened_at = 0.0
        self._echoes_seen = 0
        # Sent entries whose outbox state may still change, by message id.
        self._tracked = {}
        self._changed = []

    def _t(self, key, **params):
        return i18n.t(self.lang, key, **params)

    def _status(self, cls, text):
        self.status_class = cls
        self.status_text = text

    def _system(self, text, now):
        self.log.add(SYSTEM, text, size=utf8_len(text), time_ms=now)

    def connect(self, text, now=0.0, protocols=None):
        """Check the address and the subprotocols field the user gave.

        Args:
            protocols: the field's text ("chat.v2, json"); None keeps the last ones.

        Returns:
            The URL to open (with the list in self.protocols), or None once the
            status says why they are not usable.
        """
        try:
            url = urls.check_url(text)
            if protocols is not None:
                self.protocols = urls.check_protocols(protocols)
        except urls.InvalidURL as exc:
            message = self._t(exc.key, **exc.params)
            if self.state in (OPEN, CONNECTING):
                # Nothing changed yet: the current connection stays, and says so.
                message += " " + self._t("url.kept", url=self.url)
                self._status(ERROR, message)
                self._system(message, now)
            else:
                self.refused(message, now)
            return None
        if self.state != CLOSED:
            # The shell replaces the socket without a close event: settle its messages.
            for msg_id in self.outbox.connection_lost():
                self._show_state(msg_id, outbox.UNCONFIRMED)
        if url != self.target:
            self._ever_opened = False
            self.backoff.reset()
        self.target = url
        self.url = url
        self.state = CONNECTING
        self.retry_at = None
        self._errored = False
        self._socket_opened = False
        self._echoes_seen = 0
        self.negotiated = None
        self._status(CONNECTING, self._t("status.connecting", url=url))
        return url

    def reconnect(self, now=0.0):
        """Connect again to the last address, as the countdown or "retry now" asks."""
        return self.connect(self.target or "", now)

    def refused(self, message, now=0.0):
        """The browser or the checks refused to open a socket: say why."""
        self.state = CLOSED
        self._status(ERROR, message)
        self._system(message, now)

    def opened(self, url, now=0.0, protocol="", extensions=""):
        """The handshake succeeded; url, protocol and extensions as the browser reports them."""
        self.url = url
        self.state = OPEN
        self._socket_opened = True
        self._ever_opened = True
        self._opened_at = now
        text = self._t("status.open", url=url)
        self._status(OPEN, text)
        self._system(text, now)
        self.negotiated = (protocol, extensions)
        if protocol or extensions:
            self.note(
                "negotiated",
                now,
                protocol=protocol or self._t("negotiated.no_protocol"),
                extensions=extensions or self._t("negotiated.no_extensions"),
            )

    def received_text(self, text, now=0.0):
        """A text frame arrived; if it echoes the oldest message sent, that one is confirmed."""
        size = utf8_len(text)  # the big allocation first, before any state changes
        self.log.add(RECEIVED, text, False, size, now)
        self.stats.count(RECEIVED, size, now)
        if self.outbox.awaiting_count:
            self._echo(text, now)

    def received_binary(self, head, size, now=0.0):
        """A binary frame of size bytes arrived; head is at most its first PREVIEW_BYTES."""
        shown = hex_pairs(head)
        if size > len(head):
            shown += " …"
        entry = self.log.add(RECEIVED, shown, True, size, now)
        entry.payload = head
        self.stats.count(RECEIVED, size, now)
        if self.outbox.awaiting_count and size == len(head):
            self._echo(entry.payload, now)

    def _echo(self, payload, now):
        msg_id = self.outbox.echo(payload, now)
        if msg_id is not None:
            self._echoes_seen += 1
            self._show_state(msg_id, outbox.CONFIRMED)

    def rtt(self):
        """The echo round trips in milliseconds: (last, median), or (None, None) before any."""
        return self.outbox.last_rtt, self.outbox.median_rtt()

    def send_text(self, text, now=0.0):
        """The user submitted text: it is queued, logged, and sent when the socket is open.

        Returns:
            True when the socket is open and the caller should hand over
            ready_messages() now; otherwise the message waits, shown as pending.
        """
        size = utf8_len(text)  # the big allocation first, before any state changes
        return self._queue(text, text, False, size, now)

    def send_bytes(self, data, now=0.0):
        """The user submitted bytes (typed as hex or Base64): queued and logged as send_text."""
        data = bytes(data)
        return self._queue(data, hex_pairs(data), True, len(data), now)

    def _queue(self, payload, shown, binary, size, now):
        msg_id = self.outbox.add(payload, now)
        entry = self.log.add(SENT, shown, binary, size, now)
        if binary:
            entry.payload = payload
        entry.msg_id = msg_id
        entry.state = outbox.PENDING
        self._tracked[msg_id] = entry
        return self.state == OPEN

    def ready_messages(self):
        """Queued messages to hand to the socket now, oldest first, each only once."""
        return self.outbox.take_ready() if self.state == OPEN else []

    def handed(self, msg_id, now=0.0):
        """The socket accepted a message from ready_messages()."""
        entry = self._tracked.get(msg_id)
        self.outbox.mark_sent(msg_id, now)
        if entry is not None:
            self.stats.count(SENT, entry.size, now)
        self._show_state(msg_id, outbox.SENT)

    def hand_failed(self, msg_id, detail, now=0.0):
        """The socket refused it: it stays first in the queue for the next attempt."""
        self.outbox.mark_failed(msg_id, detail)
        self._show_state(msg_id, outbox.FAILED, detail)
        self._system(self._t("error.send_failed", detail=detail), now)

    def _show_state(self, msg_id, state, detail=None):
        entry = self._tracked.get(msg_id)
        if entry is None:
            return
        entry.state = state
        entry.detail = detail
        if state in (outbox.CONFIRMED, outbox.UNCONFIRMED):
            del self._tracked[msg_id]
        self._changed.append(entry)

    def take_changed(self):
        """Sent entries whose state changed since the last call, for the view to redraw."""
        changed = self._changed
        self._changed = []
        return changed

    def tick(self, now):
        """Time passes: echoes that never came back from an echo server become unconfirmed.

        A server that has echoed nothing on this connection is not an echo server:
        its silence says nothing, so those entries are only let go, unmarked.

        Returns:
            True when an entry changed and the view has something to redraw.
        """
        changed = False
        for msg_id in self.outbox.expire(now):
            if self._echoes_seen:
                self._show_state(msg_id, outbox.UNCONFIRMED)
                changed = True
            else:
                self._tracked.pop(msg_id, None)
        return changed

    def countdown(self, now):
        """Whole seconds left before the next automatic reconnect, or None."""
        if self.retry_at is None:
            return None
        left = self.retry_at - now
        return max(0, int((left + 999) // 1000))

    def retry_due(self, now):
        """Whether the automatic reconnect is due."""
        return self.retry_at is not None and now >= self.retry_at

    def stop_retrying(self):
        """The user pressed stop, or turned automatic reconnects off."""
        self.retry_at = None

    def close(self):
        """The user asked to close. Returns True when there is a socket to close.

        The page stops listening at once, so the status says so at once; the close
        event later fills in the code and reason.
        """
        if self.state in (CONNECTING, OPEN):
            self.state = CLOSING
            self._status(CLOSED, self._t("status.closed") + " " + self._t("status.closing"))
            return True
        return False

    def errored(self, now=0.0):
        """The socket reported an error; browsers give no detail, the close that follows does."""
        if self.state == CLOSING:
            # Closing before the handshake ends fires an error too: the user's own doing.
            return
        self._errored = True
        text = self._t("status.error", url=self.url or "")
        self._status(ERROR, text)
        self._system(text, now)

    def closed(self, code, reason, was_clean, now=0.0):
        """The connection closed, cleanly or not; maybe schedule a reconnect."""
        user_closed = self.state == CLOSING
        self.state = CLOSED
        self.negotiated = None
        for msg_id in self.outbox.connection_lost():
            self._show_state(msg_id, outbox.UNCONFIRMED)
        detail = closecodes.describe_close(code, reason, was_clean, self.lang)
        text = self._t("status.closed") + " " + detail
        if user_closed:
            text += " " + self._t("close.by_user")
        elif code == 1006:
            text += " " + closecodes.abnormal_hint(self.lang)
        self._status(ERROR if self._errored else CLOSED, text)
        self._system(text, now)
        if self._socket_opened:
            self.backoff.closed_after(now - self._opened_at)
        self._plan_reconnect(code, user_closed, now)

    def _plan_reconnect(self, code, user_closed, now):
        if not self.auto_reconnect:
            return
        retry, key = should_retry(code, user_closed, not self._socket_opened, self._ever_opened)
        if retry:
            self.retry_at = now + self.backoff.next_delay()
        elif not user_closed:
            self._system(self._t(key), now)

    def note(self, key, now=0.0, **params):
        """Add a system entry with the text of key, such as a warning about a parameter."""
        self._system(self._t(key, **params), now)

    def internal_error(self, detail, now=0.0):
        """Something in the page itself failed; show it rather than leave a console trace."""
        self._system(self._t("error.internal", detail=detail), now)
