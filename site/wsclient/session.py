"""The client's decisions: what the page shows and what the socket does for each event.

The browser shell feeds it plain values (strings, bytes, numbers) and applies
what it returns. It never touches the DOM or the socket itself.
"""

from wsclient import closecodes, i18n, urls
from wsclient.formats import hex_pairs, utf8_len
from wsclient.log import RECEIVED, SENT, SYSTEM, MessageLog

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

    def __init__(self, lang="pt-BR", log=None):
        self.lang = lang
        self.log = log if log is not None else MessageLog()
        self.url = None
        self.state = CLOSED
        self.status_class = CLOSED
        self.status_text = self._t("status.closed") + " " + self._t("status.idle")
        self._errored = False

    def _t(self, key, **params):
        return i18n.t(self.lang, key, **params)

    def _status(self, cls, text):
        self.status_class = cls
        self.status_text = text

    def _system(self, text, now):
        self.log.add(SYSTEM, text, size=utf8_len(text), time_ms=now)

    def connect(self, text, now=0.0):
        """Check the address the user gave.

        Returns:
            The URL to open, or None once the status says why it is not usable.
        """
        try:
            url = urls.check_url(text)
        except urls.InvalidURL as exc:
            self.refused(self._t(exc.key, **exc.params), now)
            return None
        self.url = url
        self.state = CONNECTING
        self._errored = False
        self._status(CONNECTING, self._t("status.connecting", url=url))
        return url

    def refused(self, message, now=0.0):
        """The browser or the checks refused to open a socket: say why."""
        self.state = CLOSED
        self._status(ERROR, message)
        self._system(message, now)

    def opened(self, url, now=0.0):
        """The handshake succeeded; url is the one the browser reports."""
        self.url = url
        self.state = OPEN
        text = self._t("status.open", url=url)
        self._status(OPEN, text)
        self._system(text, now)

    def received_text(self, text, now=0.0):
        """A text frame arrived."""
        self.log.add(RECEIVED, text, False, utf8_len(text), now)

    def received_binary(self, head, size, now=0.0):
        """A binary frame of size bytes arrived; head is at most its first PREVIEW_BYTES."""
        shown = hex_pairs(head)
        if size > len(head):
            shown += " …"
        self.log.add(RECEIVED, shown, True, size, now)

    def send_text(self, text, now=0.0):
        """The user submitted text.

        Returns:
            The payload to hand to the socket, or None when it must not be sent
            (the status then says why, and the caller keeps what the user typed).
        """
        if self.state != OPEN:
            self._system(self._t("error.not_open"), now)
            return None
        self.log.add(SENT, text, False, utf8_len(text), now)
        return text

    def send_failed(self, detail, now=0.0):
        """The socket refused a payload that send_text approved."""
        self._system(self._t("error.send_failed", detail=detail), now)

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
        self._errored = True
        text = self._t("status.error", url=self.url or "")
        self._status(ERROR, text)
        self._system(text, now)

    def closed(self, code, reason, was_clean, now=0.0):
        """The connection closed, cleanly or not."""
        self.state = CLOSED
        detail = closecodes.describe_close(code, reason, was_clean, self.lang)
        text = self._t("status.closed") + " " + detail
        if code == 1006:
            text += " " + closecodes.abnormal_hint(self.lang)
        self._status(ERROR if self._errored else CLOSED, text)
        self._system(text, now)

    def internal_error(self, detail, now=0.0):
        """Something in the page itself failed; show it rather than leave a console trace."""
        self._system(self._t("error.internal", detail=detail), now)
