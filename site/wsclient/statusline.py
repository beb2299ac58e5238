"""What the connection tells the user: the status line, its "why?", the system entries.

`Session` builds on `StatusLine`: the state machine decides, this part says it. Each
line is said only when it changes, so a page that waits does no DOM work.
"""

from wsclient import closecodes, i18n
from wsclient.chars import utf8_len
from wsclient.commands import DRAW, ConnectError, Explain, Negotiated, Status
from wsclient.log import SYSTEM, MessageLog

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.plain import Plain

__all__ = ["CLOSED", "CLOSING", "CONNECTING", "ERROR", "OPEN", "StatusLine"]

# The states of the connection, which are also the classes of #status.
CONNECTING = "connecting"
OPEN = "open"
CLOSING = "closing"
CLOSED = "closed"
# The class of #status when the connection failed: red. Only then.
ERROR = "error"


class StatusLine:
    """The status line, its "why?" disclosure, what the server agreed to, and system entries.

    Args:
        lang: the language of every text it writes.
        log: the MessageLog it writes entries into.
        out: the list it appends commands to.

    Attributes:
        status_class, status_text: the status line as last said.
    """

    def __init__(self, lang: str, log: MessageLog, out: "list[Plain]") -> None:
        self.lang = lang
        self.log = log
        self.out = out
        self.status_class = CLOSED
        self.status_text = self._t("status.closed") + " " + self._t("status.idle")
        self._negotiated: "str | None" = None
        self._agreed = ""  # what the server agreed to, as last logged
        self._explained: "str | None" = None
        self._field_wrong = False

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def _status(self, cls: str, text: str) -> None:
        self.status_class = cls
        self.status_text = text
        self.out.append(Status(cls, text))

    def protocol_status(self, cls: str, text: str) -> None:
        """The protocol's session says what the status line should (a refused namespace)."""
        self._status(cls, text)

    def show_status(self) -> None:
        """Say the status line again, as it is."""
        self.out.append(Status(self.status_class, self.status_text))

    def system(self, text: str, now: float, kind: str = SYSTEM) -> None:
        """Add a system entry, or another kind of note: a script's (SCRIPT), a check's (CHECK)."""
        self.log.add(kind, text, False, utf8_len(text), now)
        self.out.append(DRAW)

    def note(self, key: str, now: float, **params: object) -> None:
        """Add a system entry with the text of key, such as a warning about a parameter."""
        self.system(self._t(key, **params), now)

    def field_error(self, text: "str | None", field: str = "url") -> None:
        """Say under the connection bar what is wrong with field; None clears it, if shown."""
        if text is not None or self._field_wrong:
            self._field_wrong = text is not None
            self.out.append(ConnectError(text, field))

    def _negotiate(self, text: "str | None") -> None:
        if text != self._negotiated:
            self._negotiated = text
            self.out.append(Negotiated(text))

    def _agree(self, protocol: str, extensions: str, now: float, back: bool) -> None:
        """Show what the server agreed to, and log it when there is any; back from an
        outage to the same agreement, the entry that says the page is back is enough."""
        text = self._t(
            "negotiated",
            protocol=protocol or self._t("negotiated.no_protocol"),
            extensions=extensions or self._t("negotiated.no_extensions"),
        )
        self._negotiate(text)
        if (protocol or extensions) and not (back and text == self._agreed):
            self.system(text, now)
        self._agreed = text

    def _explain(self, code: "int | None") -> None:
        """Offer the likely causes of a 1006 close behind "why?"; any other code hides it."""
        text = closecodes.abnormal_hint(self.lang) if code == 1006 else None
        if text != self._explained:
            self._explained = text
            self.out.append(Explain(text))

    def _outage(self, code: int, url: "str | None") -> str:
        """The status while the page reconnects to url by itself: the same on every try."""
        name = closecodes.close_name(code, self.lang)
        return self._t("outage.status", code=code, name=name, url=url)

    def _back(self, text: str, outage: "tuple[int, float] | None", now: float) -> str:
        """The entry of an open: text, then how long the outage lasted and its tries, if any."""
        if outage is None:
            return text
        seconds = int((now - outage[1]) // 1000)
        return text + " " + self._t("outage.back", seconds=seconds, attempts=outage[0])

    def _closed(self, code: int, reason: str, clean: bool) -> str:
        """The status of a close: the article's words, then the code, its name, the reason."""
        detail = closecodes.describe_close(code, reason, clean, self.lang)
        return self._t("status.closed") + " " + detail
