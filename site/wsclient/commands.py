"""What comes out of the core: what the shell must do, as plain data.

The shell carries these out in order and decides nothing. Texts are already in the
page's language; None hides the element a command writes to.
"""

from wsclient.pagecommands import (
    Download,
    DropFrames,
    JsonTree,
    KeepFrame,
    LetGo,
    ShowPage,
)
from wsclient.paneldata import PanelStatus, SavedList, SaveFile, VariableFaults, VariablesTable
from wsclient.plain import Plain

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.outbox import Message

__all__ = [
    "DRAW",
    "NOTE_MS",
    "Address",
    "Announce",
    "Buffered",
    "Clipboard",
    "CloseButton",
    "CloseSocket",
    "ComposerText",
    "ConnectError",
    "Countdown",
    "DiscardButton",
    "Download",
    "Draw",
    "DropFrames",
    "EntryChanged",
    "Explain",
    "Fields",
    "FilterLater",
    "JsonTree",
    "KeepFrame",
    "LetGo",
    "Measurements",
    "Negotiated",
    "Open",
    "Question",
    "ReconnectBox",
    "Relayout",
    "ScanLater",
    "SendError",
    "ShowPage",
    "Status",
    "Store",
    "ToolStatus",
    "Transmit",
    "VariableFaults",
    "PanelStatus",
    "SavedList",
    "SaveFile",
    "VariablesTable",
]


# How long the log tools' short messages stay: long enough to read twice.
NOTE_MS = 6000


# --- the socket ---


class Open(Plain):
    """Replace the socket with a new one to url, offering protocols; answer OpenFailed
    when the browser refuses."""

    _fields = ("url", "protocols")

    def __init__(self, url: str, protocols: "list[str]") -> None:
        self.url = url
        self.protocols = protocols


class Transmit(Plain):
    """Hand each message's payload (str: text frame, bytes: binary) to the socket, in
    order, stopping at the first refusal; answer Transmitted."""

    _fields = ("messages",)

    def __init__(self, messages: "list[Message]") -> None:
        self.messages = messages


class CloseSocket(Plain):
    """Start the closing handshake with code and reason, and stop taking messages."""

    _fields = ("code", "reason")

    def __init__(self, code: int = 1000, reason: str = "") -> None:
        self.code = code
        self.reason = reason


# --- the page ---


class Status(Plain):
    """Show the status line: cls is the #status class, text its text."""

    _fields = ("cls", "text")

    def __init__(self, cls: str, text: str) -> None:
        self.cls = cls
        self.text = text


class Negotiated(Plain):
    """Show what the server agreed to (subprotocol, extensions), or hide it (None)."""

    _fields = ("text",)

    def __init__(self, text: "str | None") -> None:
        self.text = text


class Question(Plain):
    """Ask what to do with the messages waiting for another address than the one the
    user connected to: text is the question, send the label of the button that sends
    them there. None hides the question."""

    _fields = ("text", "send")

    def __init__(self, text: "str | None", send: str = "") -> None:
        self.text = text
        self.send = send


class CloseButton(Plain):
    """Make the close button available (why None), or mark it unavailable, saying why."""

    _fields = ("why",)

    def __init__(self, why: "str | None") -> None:
        self.why = why


class Countdown(Plain):
    """Show the line under the status during an outage: the attempt and the countdown,
    with "retry now" and "stop"; None hides it. waiting: whether a try is planned, so
    that "retry now" has something to do (not while a try is connecting)."""

    _fields = ("text", "waiting")

    def __init__(self, text: "str | None", waiting: bool = False) -> None:
        self.text = text
        self.waiting = waiting


class Explain(Plain):
    """Show text behind the status's "why?" disclosure, or hide the disclosure (None)."""

    _fields = ("text",)

    def __init__(self, text: "str | None") -> None:
        self.text = text


class Buffered(Plain):
    """Show how much the browser still holds for sending, or hide it (None)."""

    _fields = ("text",)

    def __init__(self, text: "str | None") -> None:
        self.text = text


class Measurements(Plain):
    """Show the traffic counters and the echo round trip."""

    _fields = ("sent", "received", "rtt")

    def __init__(self, sent: str, received: str, rtt: str) -> None:
        self.sent = sent
        self.received = received
        self.rtt = rtt


class Announce(Plain):
    """Have screen readers say text (the polite live region)."""

    _fields = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Draw(Plain):
    """The log has entries to draw: take its batch at the next chance (see MessageLog)."""


# Draw has no fields: one instance serves every message of a flood.
DRAW = Draw()


class FilterLater(Plain):
    """Feed FilterDue after ms milliseconds, dropping the FilterLater still waiting."""

    _fields = ("ms",)

    def __init__(self, ms: int) -> None:
        self.ms = ms


class ScanLater(Plain):
    """Feed ScanDue once the browser has handled the input waiting (not after a
    FilterLater's wait: the two are independent)."""


class EntryChanged(Plain):
    """A sent entry's state changed: redraw its marker with the next Draw."""

    _fields = ("seq",)

    def __init__(self, seq: int) -> None:
        self.seq = seq


class Relayout(Plain):
    """Draw entries with JSON pretty-printed (pretty) or as they came."""

    _fields = ("pretty",)

    def __init__(self, pretty: bool) -> None:
        self.pretty = pretty


# --- the forms and tools ---


class Fields(Plain):
    """Fill the connection form and the format: what the page starts with."""

    _fields = ("url", "protocols", "auto_reconnect", "mode")

    def __init__(self, url: str, protocols: str, auto_reconnect: bool, mode: str) -> None:
        self.url = url
        self.protocols = protocols
        self.auto_reconnect = auto_reconnect
        self.mode = mode


class ReconnectBox(Plain):
    """Tick or untick the "reconnect automatically" box: the page turned reconnects
    off (or the user did, with "stop"), and the box says so."""

    _fields = ("on",)

    def __init__(self, on: bool) -> None:
        self.on = on


class ConnectError(Plain):
    """Say under the connection bar what is wrong with field ("url", "protocols",
    "proto", or "option:<key>", a protocol's option), and mark that field invalid;
    None clears the error."""

    _fields = ("text", "field")

    def __init__(self, text: "str | None", field: str = "url") -> None:
        self.text = text
        self.field = field


class Address(Plain):
    """Put query ("?url=…") into the address bar, without a new history entry."""

    _fields = ("query",)

    def __init__(self, query: str) -> None:
        self.query = query


class ComposerText(Plain):
    """Replace the message field's text (and put the caret at its end), in mode."""

    _fields = ("text", "mode")

    def __init__(self, text: str, mode: "str | None" = None) -> None:
        self.text = text
        self.mode = mode


class SendError(Plain):
    """Say what is wrong with the message and put the caret at position (UTF-16
    units); None clears the error. anyway offers the control that sends it as it is;
    field names the protocol's composer field at fault instead (data-key), if one is."""

    _fields = ("text", "position", "anyway", "field")

    def __init__(
        self, text: "str | None", position: int = 0, anyway: bool = False, field: str = ""
    ) -> None:
        self.text = text
        self.position = position
        self.anyway = anyway
        self.field = field


class ToolStatus(Plain):
    """The log tools' short message ("7 entries exported"); "" clears it.

    It fades and goes after ms milliseconds (0: it stays until the next one), with
    the buttons named in offers beside it: "undo" (UndoClear), "reset" (ResetCounters).
    """

    _fields = ("text", "ms", "offers")

    def __init__(self, text: str, ms: int = NOTE_MS, offers: "list[str] | None" = None) -> None:
        self.text = text
        self.ms = ms
        self.offers = offers or []


class DiscardButton(Plain):
    """Show the log tool that discards every waiting message, labelled text; None hides it."""

    _fields = ("text",)

    def __init__(self, text: "str | None") -> None:
        self.text = text


class Clipboard(Plain):
    """Write text to the clipboard; answer Copied(count) or Copied(count, detail)."""

    _fields = ("text", "count")

    def __init__(self, text: str, count: int) -> None:
        self.text = text
        self.count = count


class Store(Plain):
    """Keep text in the browser's storage under key; answer StorageFailed on refusal."""

    _fields = ("key", "text")

    def __init__(self, key: str, text: str) -> None:
        self.key = key
        self.text = text
