"""The outgoing queue: each message handed to the socket exactly once, in order, then confirmed.

The hand-off protocol the shell follows while the socket's readyState is OPEN (on
open, and after each add()); a closing socket's send() drops data without raising:

    for message in outbox.take_ready(address):
        try:
            socket.send(message.payload)
        except Exception as exc:
            outbox.mark_failed(message.id, str(exc))
            break
        outbox.mark_sent(message.id, now())

and on every close, outbox.connection_lost().

Each message belongs to an owner, the address it was typed for (None: typed before
any was chosen), and take_ready(owner) hands over that owner's messages only: a
message never goes to another address unless readdress() moves it there, as the user
asked. discard() takes a message out before it was handed over, as the user asked.

A message goes through these states:

    PENDING -> IN_FLIGHT        take_ready() returned it; the shell is handing it over
    FAILED -> IN_FLIGHT         the same, for a retry
    IN_FLIGHT -> SENT           mark_sent(): the socket took it; awaiting its echo
    IN_FLIGHT -> FAILED         mark_failed(): the socket threw; back at the head of
                                the queue, retried by the next take_ready()
    IN_FLIGHT -> PENDING        an earlier message of its batch failed, or the
                                connection was lost before it was handed over
    PENDING -> DISCARDED        discard(): the user let it go; it is never sent
    FAILED -> DISCARDED         the same
    FAILED -> PENDING           readdress(): the user sent it to another address
    SENT -> CONFIRMED           echo() saw the same payload come back
    SENT -> UNCONFIRMED         no echo within confirm_window from a server that has
                                echoed on this connection, or the connection was lost
                                first; never sent again, it was handed over once (the
                                browser may have lost it with the connection:
                                UNCONFIRMED means its fate is unknown)
    SENT, for good              no echo within confirm_window from a server that has
                                echoed nothing on this connection: it is no echo server,
                                so its silence says nothing, and the message is let go

A message's state lives in its Message only: the log's entry for it holds the same
object, so what the page shows can never disagree with the queue.

"Exactly once" holds because take_ready() returns each message only while it is
PENDING or FAILED and makes it IN_FLIGHT: calling it twice without mark_* in between
returns nothing the second time. "In order" holds because mark_sent() and
mark_failed() accept only the oldest message in flight, and a failure sends it and
every later message in flight back to the head of the queue, ahead of newer ones.
Ids increase in the order messages join their owner's line: add() gives the next
id, and so does readdress(), which puts a message at the end of its new owner's line.
So each owner's messages are handed over in increasing id order.

Only the oldest message awaiting its echo can be confirmed, so a repeated payload
confirms its copies one by one, and an incoming message that happens to equal a
later one never confirms it out of order. A server that does not echo simply
leaves every message to become UNCONFIRMED.
"""

from collections import deque

from wsclient.message import (
    ANY,
    CONFIRMED,
    DISCARDED,
    FAILED,
    IN_FLIGHT,
    PENDING,
    SENT,
    UNCONFIRMED,
    Fifo,
    Message,
)
from wsclient.stats import median

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable

__all__ = [
    "ANY",
    "CONFIRMED",
    "DISCARDED",
    "FAILED",
    "IN_FLIGHT",
    "PENDING",
    "SENT",
    "UNCONFIRMED",
    "Message",
    "Outbox",
]

RTT_SAMPLES = 1000


def _same(sent: "str | bytes", received: "str | bytes") -> bool:
    """Return True when received is the echo of sent: text for text, bytes for bytes."""
    if isinstance(sent, str) or isinstance(received, str):
        return isinstance(sent, str) and isinstance(received, str) and sent == received
    return sent == received


class Outbox:
    """Outgoing messages from add() to their echo; see the module docstring for the protocol.

    Messages not yet done wait in one queue: those awaiting their echo, then those in
    flight, then the waiting ones (PENDING or FAILED). Each part is in id order, and
    only the waiting part is ever searched or reordered: by take_ready() for an owner
    whose messages are not all at its head, by discard() and by readdress().

    Args:
        confirm_window: milliseconds a SENT message may wait for its echo before
            expire() lets it go.

    Attributes:
        last_rtt: round-trip milliseconds of the last confirmed message, or None.
    """

    def __init__(self, confirm_window: float = 5000) -> None:
        if confirm_window < 0:
            raise ValueError("confirm_window must be >= 0")
        self.confirm_window = confirm_window
        self._queue = Fifo()
        # SENT messages awaiting their echo (read-only outside): an attribute, not a
        # property, since every received frame of a flood reads it.
        self.awaiting_count = 0
        self.echoes = True  # whether a sent message awaits its echo (not a protocol's)
        self._flying = 0
        self._next_id = 1
        # Whether the server echoed anything on this connection (see expire()).
        self._echoed = False
        self._rtts: "deque[float]" = deque((), RTT_SAMPLES)
        self.last_rtt: "float | None" = None

    @property
    def pending_count(self) -> int:
        """Messages waiting for take_ready(): PENDING or FAILED."""
        return len(self._queue) - self.awaiting_count - self._flying

    @property
    def in_flight_count(self) -> int:
        """Messages take_ready() returned that are not yet marked sent or failed."""
        return self._flying

    def add(
        self,
        payload: "str | bytes | bytearray | memoryview",
        now: float,
        seq: int = 0,
        size: int = 0,
        owner: "str | None" = None,
    ) -> Message:
        """Queue a message (str, or bytes-like, copied to bytes) and return it.

        Args:
            seq: the number of the log entry that shows it.
            size: its size in bytes, for the traffic counters.
            owner: the address it was typed for (None: no address chosen yet).
        """
        if not isinstance(payload, str):
            if not isinstance(payload, (bytes, bytearray, memoryview)):
                raise TypeError("payload must be str or bytes, not %s" % type(payload).__name__)
            payload = bytes(payload)
        message = Message(self._next_id, payload, now, seq, size, owner)
        self._next_id += 1
        self._queue.append(message)
        return message

    def take_ready(self, owner: "str | None" = ANY) -> "list[Message]":
        """Return the messages to hand to the socket now, oldest first; they become IN_FLIGHT.

        A message is returned again only after it failed, or after its connection
        was lost before mark_sent().

        Args:
            owner: the address the socket is connected to: only its messages are
                returned, and the others keep waiting, in order. ANY takes them all.
        """
        start = self.awaiting_count + self._flying
        batch = self._queue.since(start)
        if owner != ANY:
            mine = [message for message in batch if message.owner == owner]
            if len(mine) < len(batch):
                # The owner's messages move ahead of the others', each line in order.
                others = [message for message in batch if message.owner != owner]
                self._queue.replace_since(start, mine + others)
                batch = mine
        for message in batch:
            message.state = IN_FLIGHT
        self._flying += len(batch)
        return batch

    def _oldest_in_flight(self, msg_id: int) -> Message:
        if self._flying and self._queue.at(self.awaiting_count).id == msg_id:
            return self._queue.at(self.awaiting_count)
        raise ValueError("message %r is not the oldest in flight" % (msg_id,))

    def mark_sent(self, msg_id: int, now: float) -> Message:
        """The socket took the message: IN_FLIGHT -> SENT, awaiting its echo.

        Raises:
            ValueError: msg_id is not the oldest message in flight.
        """
        message = self._oldest_in_flight(msg_id)
        message.state = SENT
        message.sent_ms = now
        self.awaiting_count += 1
        self._flying -= 1
        while not self.echoes and self.awaiting_count:  # no echo to wait for: done
            self._finish_oldest(SENT)
        return message

    def mark_failed(self, msg_id: int, detail: str) -> "list[Message]":
        """The socket refused the message: it and every later message in flight go
        back to the head of the queue, in order; it becomes FAILED, they PENDING.

        Returns:
            The messages whose state changed, the refused one first.

        Raises:
            ValueError: msg_id is not the oldest message in flight.
        """
        message = self._oldest_in_flight(msg_id)
        requeued = self._requeue_in_flight()
        message.state = FAILED
        message.detail = detail
        return requeued

    def _requeue_in_flight(self) -> "list[Message]":
        requeued = self._queue.since(self.awaiting_count)[: self._flying]
        for message in requeued:
            message.state = PENDING
        self._flying = 0
        return requeued

    def _finish_oldest(self, state: str) -> Message:
        message = self._queue.popleft()
        message.state = state
        message.done = True
        self.awaiting_count -= 1
        return message

    def echo(self, payload: "str | bytes", now: float) -> "Message | None":
        """A message arrived: confirm the oldest SENT message if it is its echo.

        Returns:
            The confirmed message, or None. last_rtt then holds its round trip.
        """
        if not self.awaiting_count or not _same(self._queue.at(0).payload, payload):
            return None
        self._echoed = True
        message = self._finish_oldest(CONFIRMED)
        # The oldest message is SENT while any awaits its echo, so it has its sent_ms.
        message.rtt_ms = now - message.sent_ms  # type: ignore[operator]
        self.last_rtt = message.rtt_ms
        self._rtts.append(message.rtt_ms)
        return message

    def expire(self, now: float) -> "list[Message]":
        """Let go of SENT messages with no echo for more than confirm_window ms.

        They become UNCONFIRMED when the server has echoed something on this
        connection; otherwise it is no echo server, and they stay SENT, for good.

        Returns:
            The messages let go.
        """
        state = UNCONFIRMED if self._echoed else SENT
        expired: "list[Message]" = []
        # The oldest message is SENT while any awaits its echo, so it has its sent_ms.
        while self.awaiting_count and now - self._queue.at(0).sent_ms > self.confirm_window:  # type: ignore[operator]
            expired.append(self._finish_oldest(state))
        return expired

    def waiting(self) -> "list[Message]":
        """Return the messages not yet handed over (PENDING or FAILED), in queue order."""
        return self._queue.since(self.awaiting_count + self._flying)

    def _pick(self, ids: "Iterable[int]") -> "tuple[list[Message], list[Message]]":
        """Split the waiting messages into those whose id is in ids, and the others."""
        wanted = set(ids)
        picked: "list[Message]" = []
        others: "list[Message]" = []
        for message in self.waiting():
            (picked if message.id in wanted else others).append(message)
        return picked, others

    def discard(self, ids: "Iterable[int]") -> "list[Message]":
        """The user let these messages go before they were handed over: they become
        DISCARDED and leave the queue, never to be sent. Ids of messages that are not
        waiting (sent, in flight, done) are ignored.

        Returns:
            The discarded messages, in queue order.
        """
        picked, others = self._pick(ids)
        if picked:
            self._queue.replace_since(self.awaiting_count + self._flying, others)
            for message in picked:
                message.state = DISCARDED
                message.done = True
        return picked

    def readdress(self, ids: "Iterable[int]", owner: "str | None") -> "list[Message]":
        """The user chose to send these waiting messages to owner instead: each gets a
        new id and joins the end of the line, PENDING, in the order they were in.
        Ids of messages that are not waiting are ignored.

        Returns:
            The moved messages, in their new order.
        """
        picked, others = self._pick(ids)
        if picked:
            for message in picked:
                message.owner = owner
                message.id = self._next_id
                self._next_id += 1
                message.state = PENDING
                message.detail = None
            self._queue.replace_since(self.awaiting_count + self._flying, others + picked)
        return picked

    def connection_lost(self) -> "list[Message]":
        """The socket closed: SENT messages become UNCONFIRMED (they were handed over,
        so they are never sent again); messages still in flight go back to the head of
        the queue, in order, with the PENDING ones, for the next connection.

        Returns:
            The messages whose state changed.
        """
        lost: "list[Message]" = []
        while self.awaiting_count:
            lost.append(self._finish_oldest(UNCONFIRMED))
        self._echoed = False
        return lost + self._requeue_in_flight()

    def median_rtt(self) -> "float | None":
        """Return the median of the last RTT_SAMPLES round trips, or None before any."""
        return median(self._rtts)

    def measured(self, rtt_ms: float) -> None:
        """A protocol's round trip (an ack to its emit) joins the echoes'."""
        self.last_rtt = rtt_ms
        self._rtts.append(rtt_ms)

    def forget_rtts(self) -> None:
        """Forget every round trip measured: the user reset the counters."""
        self._rtts = deque((), RTT_SAMPLES)
        self.last_rtt = None
