"""What goes into the core: everything that happens to the page, as plain data.

The shell turns each browser event (a click, a socket's open, a frame) into one of
these and feeds it to `Client.handle()`. Every event carries `now`, the wall-clock
milliseconds the shell read, because the core has no clock of its own.
"""

from wsclient.paneldata import ChangeSaved, SavedFile, SaveMessage, UseSaved, VariablesEdited
from wsclient.plain import Plain
from wsclient.toolevents import (
    ClearLog,
    Copied,
    Copy,
    Export,
    Filter,
    FilterDue,
    FormatJson,
    Pretty,
    ResetCounters,
    ScanDue,
    ShowAll,
    UndoClear,
)

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "Answer",
    "AutoReconnect",
    "BinaryReceived",
    "Close",
    "Closed",
    "Compose",
    "Connect",
    "ConnectionEdited",
    "Copied",
    "ClearLog",
    "Copy",
    "Discard",
    "Edited",
    "Errored",
    "Export",
    "Filter",
    "FilterDue",
    "FormatJson",
    "InternalError",
    "ModeChanged",
    "OpenFailed",
    "Opened",
    "Pretty",
    "Recall",
    "ResetCounters",
    "RetryNow",
    "ScanDue",
    "ShowAll",
    "Start",
    "StopRetry",
    "StorageFailed",
    "TextReceived",
    "Tick",
    "Transmitted",
    "UndoClear",
    "VariablesEdited",
    "ChangeSaved",
    "SavedFile",
    "SaveMessage",
    "UseSaved",
]


class Start(Plain):
    """The page is wired: show the settings and connect to the first server.

    load_error is why storage could not be read, or ""; missing names the browser
    features the page replaces with its own code ("Uint8Array.fromHex, …"), or "". The
    stored_* are what storage keeps ("" for none): the history, the variables table, the
    saved messages, and the protocols' options.
    """

    _fields = (
        "now",
        "stored_history",
        "load_error",
        "missing",
        "stored_variables",
        "stored_saved",
        "stored_proto",
    )

    def __init__(
        self,
        now: float,
        stored_history: str = "",
        load_error: str = "",
        missing: str = "",
        stored_variables: str = "",
        stored_saved: str = "",
        stored_proto: str = "",
    ) -> None:
        self.now = now
        self.stored_history = stored_history
        self.load_error = load_error
        self.missing = missing
        self.stored_variables = stored_variables
        self.stored_saved = stored_saved
        self.stored_proto = stored_proto


# --- the user ---


class Connect(Plain):
    """Connect to url (as typed), offering the protocols field's text, speaking proto
    (wsclient.protocols.PROTOS) with options (its fields' text by name)."""

    _fields = ("url", "protocols", "now", "proto", "options")

    def __init__(
        self,
        url: str,
        protocols: str,
        now: float,
        proto: str = "raw",
        options: "dict[str, str] | None" = None,
    ) -> None:
        self.url = url
        self.protocols = protocols
        self.now = now
        self.proto = proto
        self.options = options or {}


class ConnectionEdited(Plain):
    """The user changed the address or the subprotocols field: its error, if any, goes."""


class Close(Plain):
    """The user pressed the close button."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class AutoReconnect(Plain):
    """The user turned automatic reconnects on or off."""

    _fields = ("on", "now")

    def __init__(self, on: bool, now: float) -> None:
        self.on = on
        self.now = now


class RetryNow(Plain):
    """The user pressed "retry now" during the reconnect countdown."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class StopRetry(Plain):
    """The user pressed "stop" during the reconnect countdown."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class Answer(Plain):
    """The user answered the question about messages waiting for another address:
    choice is "send" (to the address connected to), "discard" or "keep" (for their own)."""

    _fields = ("choice", "now")

    def __init__(self, choice: str, now: float) -> None:
        self.choice = choice
        self.now = now


class Discard(Plain):
    """The user discarded the waiting message of entry seq, or every waiting one (None)."""

    _fields = ("seq", "now")

    def __init__(self, seq: "int | None", now: float) -> None:
        self.seq = seq
        self.now = now


class Compose(Plain):
    """The user submitted the message field's text in a send format (text, hex, base64, json).

    anyway: the user chose to send it even though it is empty or only spaces.
    random: bytes from the browser's random source, for the variables `{{$uuid}}` and
    `{{$randomInt}}` (wsclient.variables.RANDOM_BYTES of them).
    form: the protocol's composer fields by name (an event's name, a topic…).
    """

    _fields = ("mode", "text", "now", "anyway", "random", "form")

    def __init__(
        self,
        mode: str,
        text: str,
        now: float,
        anyway: bool = False,
        random: bytes = bytes(18),
        form: "dict[str, str] | None" = None,
    ) -> None:
        self.mode = mode
        self.text = text
        self.now = now
        self.anyway = anyway
        self.random = random
        self.form = form or {}


class Recall(Plain):
    """↑ (older) or ↓ on the message field's first or last line, holding current."""

    _fields = ("older", "current")

    def __init__(self, older: bool, current: str) -> None:
        self.older = older
        self.current = current


class ModeChanged(Plain):
    """The user picked another send format."""

    _fields = ("mode",)

    def __init__(self, mode: str) -> None:
        self.mode = mode


class Edited(Plain):
    """The user changed the message field's text."""


# --- the browser, answering the core's commands or on its own ---


class OpenFailed(Plain):
    """The browser refused to open the socket (a SyntaxError for the URL, say)."""

    _fields = ("detail", "now")

    def __init__(self, detail: str, now: float) -> None:
        self.detail = detail
        self.now = now


class Opened(Plain):
    """The handshake succeeded; url, protocol and extensions as the browser reports them."""

    _fields = ("url", "protocol", "extensions", "now")

    def __init__(self, url: str, protocol: str, extensions: str, now: float) -> None:
        self.url = url
        self.protocol = protocol
        self.extensions = extensions
        self.now = now


class TextReceived(Plain):
    """A text frame arrived."""

    _fields = ("text", "now")

    def __init__(self, text: str, now: float) -> None:
        self.text = text
        self.now = now


class BinaryReceived(Plain):
    """A binary frame of size bytes arrived; head holds at most its first HEAD_BYTES."""

    _fields = ("head", "size", "now")

    def __init__(self, head: bytes, size: int, now: float) -> None:
        self.head = head
        self.size = size
        self.now = now


class Errored(Plain):
    """The socket reported an error; browsers give no detail, the close that follows does."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class Closed(Plain):
    """The connection closed: code, reason and whether it was clean, as the browser says."""

    _fields = ("code", "reason", "clean", "now")

    def __init__(self, code: int, reason: str, clean: bool, now: float) -> None:
        self.code = code
        self.reason = reason
        self.clean = clean
        self.now = now


class Transmitted(Plain):
    """The outcome of a Transmit command.

    sent holds [message id, time the socket took it] for each message handed over,
    in order; failure is [message id, what the socket said] for the one it refused
    next, or None when it took them all.
    """

    _fields = ("sent", "failure", "now")

    # Each pair is a list, [id, time] or [id, detail], which mypy types only as a whole.
    def __init__(self, sent: "list[list[Any]]", failure: "list[Any] | None", now: float) -> None:
        self.sent = sent
        self.failure = failure
        self.now = now


class Tick(Plain):
    """Time passes (every 250 ms); buffered is the socket's bufferedAmount."""

    _fields = ("now", "buffered")

    def __init__(self, now: float, buffered: int = 0) -> None:
        self.now = now
        self.buffered = buffered


class StorageFailed(Plain):
    """The browser's storage refused a Store command (full, or turned off)."""

    _fields = ("detail", "now")

    def __init__(self, detail: str, now: float) -> None:
        self.detail = detail
        self.now = now


class InternalError(Plain):
    """A handler of the page itself raised: the page says so instead of a console trace."""

    _fields = ("detail", "now")

    def __init__(self, detail: str, now: float) -> None:
        self.detail = detail
        self.now = now
