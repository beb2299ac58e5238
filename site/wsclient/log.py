"""The message log: entries, counters, and the batches the view draws once per frame."""

from collections import deque

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

    from wsclient.outbox import Message

__all__ = ["RECEIVED", "SENT", "SYSTEM", "Entry", "MessageLog"]

SENT, RECEIVED, SYSTEM = "sent", "received", "system"
_DIRECTIONS = (SENT, RECEIVED, SYSTEM)


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
    """

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
        self.payload = payload
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


class MessageLog:
    """Entries waiting to be drawn, the last history_cap entries, and counters.

    The view (the DOM list) shows at most view_cap entries. The shell calls take_batch()
    once per animation frame and applies it: remove that many first children, then
    append the new entries. Between frames add() only queues, in O(1), and keeps at most
    view_cap pending entries, so a tab in the background cannot pile up memory.

    A filter (set_filter) decides which entries reach the view: the view then shows
    the last view_cap entries that match, taken from the whole history, and later
    entries only when they match. The history keeps every entry either way.

    Attributes:
        in_view: entries the view shows after the last take_batch() (at most view_cap).
        dropped: entries that left, or never reached, the view; after take_batch(),
            in_view + dropped is every entry added since the start, or kept by the
            last clear() and added since (the matching ones, while a filter is set).
    """

    def __init__(self, view_cap: int = 1000, history_cap: int = 10000) -> None:
        if view_cap < 1 or history_cap < 1:
            raise ValueError("caps must be positive")
        self.view_cap = view_cap
        self.history_cap = history_cap
        self._seq = 0
        self._stale = 0
        self._history: "deque[Entry]" = deque((), history_cap)
        self._match: "Callable[[Entry], bool] | None" = None
        self._reset()

    def _reset(self) -> None:
        # deque takes maxlen positionally only in MicroPython, and has no clear().
        self._pending: "deque[Entry]" = deque((), self.view_cap)
        self._pending_count = 0
        self.in_view = 0
        self.dropped = 0
        self._matched = 0

    @property
    def next_seq(self) -> int:
        """The number the next entry will get."""
        return self._seq + 1

    def add(
        self,
        direction: str,
        text: str,
        binary: bool = False,
        size: int = 0,
        time_ms: float = 0.0,
        payload: "bytes | None" = None,
        message: "Message | None" = None,
    ) -> Entry:
        """Add an entry and return it; it reaches the view with the next take_batch()."""
        if direction not in _DIRECTIONS:
            raise ValueError("unknown direction %r" % (direction,))
        self._seq += 1
        entry = Entry(self._seq, direction, text, binary, size, time_ms, payload, message)
        match = self._match
        if match is None:
            self._history.append(entry)
            self._pending.append(entry)
            self._pending_count += 1
            return entry
        # The oldest entry leaves the history with this append.
        if len(self._history) == self.history_cap and match(self._history[0]):
            self._matched -= 1
        self._history.append(entry)
        if match(entry):
            self._matched += 1
            self._pending.append(entry)
            self._pending_count += 1
        return entry

    @property
    def matched(self) -> int:
        """Entries of the history that the filter lets through (all, without a filter)."""
        return len(self._history) if self._match is None else self._matched

    @property
    def kept(self) -> int:
        """How many entries the history holds."""
        return len(self._history)

    def at(self, seq: int) -> "Entry | None":
        """Return the kept entry numbered seq, or None when it is not (or no longer) kept."""
        history = self._history
        if not history:
            return None
        index = seq - history[0].seq
        return history[index] if 0 <= index < len(history) else None

    @property
    def filtered(self) -> bool:
        """Whether a filter is set."""
        return self._match is not None

    def set_filter(self, match: "Callable[[Entry], bool] | None") -> None:
        """Show only the entries for which match(entry) is true; None shows them all.

        The next take_batch() removes everything the view shows and draws the last
        view_cap matching entries of the history again. Setting the same filter
        again redraws too, which is how the view applies a change of layout.
        """
        self._match = match
        self._stale += self.in_view
        self.in_view = 0
        self.dropped = 0
        self._pending = deque((), self.view_cap)
        matched = 0
        for entry in self._history:
            if match is None or match(entry):
                matched += 1
                self._pending.append(entry)
        self._matched = matched
        self._pending_count = matched

    def visible(self) -> "list[Entry]":
        """Return the entries the view shows (or will, after the next take_batch()),
        oldest first."""
        count = min(self.view_cap, self.in_view + self._pending_count)
        match = self._match
        shown: "list[Entry]" = []
        for entry in self._history:
            if match is None or match(entry):
                shown.append(entry)
        return shown[len(shown) - count :] if count else []

    def take_batch(self) -> "tuple[list[Entry], int]":
        """Take what the view must do now.

        Returns:
            (entries, remove_count): first remove remove_count entries from the head of
            the view, then append entries (oldest first, at most view_cap of them).
            Pending entries beyond view_cap never reach the view; they count as dropped.
        """
        entries = list(self._pending)
        added = len(entries)
        if added:
            self._pending = deque((), self.view_cap)
        overflow = max(0, self.in_view + added - self.view_cap)
        remove_count = self._stale + overflow
        self._stale = 0
        self.in_view += added - overflow
        self.dropped += overflow + self._pending_count - added
        self._pending_count = 0
        return entries, remove_count

    def history(self) -> "list[Entry]":
        """Return the last history_cap entries, oldest first."""
        return list(self._history)

    def clear(self) -> None:
        """Start afresh: empty the history and zero every counter, except for the
        entries of messages still waiting to be sent, which stay, so that nothing
        queued is ever out of sight.

        Sequence numbers go on increasing. The next take_batch() tells the view to
        remove every entry it shows, then draws the entries that stayed.
        """
        waiting = [e for e in self._history if e.message is not None and e.message.waiting]
        self._stale += self.in_view
        self._history = deque((), self.history_cap)
        self._reset()
        match = self._match
        for entry in waiting:
            self._history.append(entry)
            if match is None or match(entry):
                self._matched += 1
                self._pending.append(entry)
                self._pending_count += 1
