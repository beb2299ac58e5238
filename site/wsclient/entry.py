"""One entry of the message log: a message or a system note, plain data only."""

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.outbox import Message

__all__ = ["Entry"]


class Entry:
    """One message or system note, complete when created; plain data only.

    Attributes:
        seq: 1-based, increasing, never reused (not even after MessageLog.clear).
        direction: SENT, RECEIVED or SYSTEM.
        text: what follows the label: the payload of a text frame, the hex pairs of a binary one.
        binary: whether the frame was binary.
        size: the payload's size in bytes.
        time_ms: the time the caller gave, in milliseconds.
        payload: for a binary entry, the bytes the page holds (all of a sent frame,
            the first bytes of a received one); None otherwise.
        message: for a sent message, its outbox.Message, which alone holds its
            state; None otherwise.
        folded: text as the filter compares it (wsclient.present.fold), kept from
            the first filter on; None until then.
        decoded: for a frame of a protocol (wsclient.protohost), its packets named,
            one per line ("" when none is whole yet); None for a raw frame.
        fields: those packets as JSON text, for the export's `decoded` object.
        error: why the frame did not decode, or None.
        raw: a protocol's text frame as it was, which the log offers under its packets.
        frames: how many frames a protocol's packets came in (MQTT's may take several).
    """

    # What most entries hold, as class attributes: a flood makes an entry per message,
    # and on MicroPython each attribute set on the instance costs time.
    payload: "bytes | None" = None
    message: "Message | None" = None
    folded: "str | None" = None
    decoded: "str | None" = None
    fields: "str | None" = None
    error: "str | None" = None
    raw: "str | None" = None
    frames = 1

    def __init__(
        self,
        seq: int,
        direction: str,
        text: str,
        binary: bool,
        size: int,
        time_ms: float,
        payload: "bytes | None" = None,
        message: "Message | None" = None,
    ) -> None:
        self.seq = seq
        self.direction = direction
        self.text = text
        self.binary = binary
        self.size = size
        self.time_ms = time_ms
        if payload is not None:
            self.payload = payload
        if message is not None:
            self.message = message

    @property
    def state(self) -> "str | None":
        """For a sent message, its outbox state; None otherwise."""
        return None if self.message is None else self.message.state

    @property
    def detail(self) -> "str | None":
        """Why the socket refused a sent message the last time it did, or None."""
        return None if self.message is None else self.message.detail

    def __repr__(self) -> str:
        return "Entry(%d, %r, %r)" % (self.seq, self.direction, self.text)
