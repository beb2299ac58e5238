"""One outgoing message, its states, and the queue the outbox keeps them in.

Part of wsclient.outbox, which names them all: import them from there.
"""

__all__ = [
    "ANY",
    "CONFIRMED",
    "DISCARDED",
    "FAILED",
    "IN_FLIGHT",
    "PENDING",
    "SENT",
    "UNCONFIRMED",
    "Fifo",
    "Message",
]

PENDING, IN_FLIGHT, SENT = "pending", "in_flight", "sent"
UNCONFIRMED, CONFIRMED, FAILED = "unconfirmed", "confirmed", "failed"
DISCARDED = "discarded"
# take_ready(ANY) takes every owner's messages.
ANY = "*"


class Fifo:
    """A queue without a length limit: MicroPython's deque needs one, and preallocates it."""

    def __init__(self) -> None:
        self._items: "list[Message]" = []
        self._head = 0

    def __len__(self) -> int:
        return len(self._items) - self._head

    def append(self, item: "Message") -> None:
        self._items.append(item)

    def at(self, index: int) -> "Message":
        """Return the item index places after the oldest."""
        return self._items[self._head + index]

    def since(self, index: int) -> "list[Message]":
        """Return a list of the items from index places after the oldest to the newest."""
        return self._items[self._head + index :]

    def replace_since(self, index: int, items: "list[Message]") -> None:
        """Replace the items from index places after the oldest to the newest with items."""
        self._items[self._head + index :] = items

    def popleft(self) -> "Message":
        item = self._items[self._head]
        # Slots before _head are never read again: None lets go of their messages.
        self._items[self._head] = None  # type: ignore[call-overload]
        self._head += 1
        if self._head >= 64 and self._head * 2 >= len(self._items):
            del self._items[: self._head]
            self._head = 0
        return item


class Message:
    """One outgoing message.

    Attributes:
        id: 1-based, increasing in the order messages joined their owner's line
            (add(), or readdress(), which gives a new id).
        payload: str for a text frame, bytes for a binary one.
        owner: the address it may be sent to: the one it was typed for, or the one
            readdress() gave it; None when typed before any address was chosen.
        queued_ms: when add() was called.
        seq: the number of the log entry that shows it.
        size: the payload's size in bytes.
        state: PENDING, IN_FLIGHT, SENT, CONFIRMED, UNCONFIRMED, FAILED or DISCARDED.
        sent_ms: when the socket took it, or None.
        rtt_ms: milliseconds from sent to echoed, once CONFIRMED, else None.
        detail: what the socket said the last time it refused the message, or None.
        done: whether it left the queue (CONFIRMED, UNCONFIRMED, DISCARDED, or SENT
            for good).
    """

    def __init__(
        self,
        msg_id: int,
        payload: "str | bytes",
        queued_ms: float,
        seq: int,
        size: int,
        owner: "str | None" = None,
    ) -> None:
        self.id = msg_id
        self.payload = payload
        self.owner = owner
        self.queued_ms = queued_ms
        self.seq = seq
        self.size = size
        self.state = PENDING
        self.sent_ms: "float | None" = None
        self.rtt_ms: "float | None" = None
        self.detail: "str | None" = None
        # Whether the message has left the queue: its state will not change again.
        self.done = False

    @property
    def waiting(self) -> bool:
        """Whether it waits for a socket: PENDING or FAILED, not yet handed over."""
        return self.state == PENDING or self.state == FAILED

    @property
    def binary(self) -> bool:
        """Whether it goes out as a binary frame."""
        return not isinstance(self.payload, str)

    def __repr__(self) -> str:
        return "Message(%d, %r, %r)" % (self.id, self.state, self.payload)
