"""The message log: entries, counters, and the batches the view draws once per frame."""

from collections import deque

from wsclient.entry import Entry
from wsclient.scan import Scan

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    from wsclient.outbox import Message

__all__ = ["CHECK", "NOTES", "RECEIVED", "SCRIPT", "SENT", "SYSTEM", "Entry", "MessageLog"]

SENT, RECEIVED, SYSTEM = "sent", "received", "system"
# A user's script's own lines (log()), and the results of its checks.
SCRIPT, CHECK = "script", "check"
# The entries that are notes, not messages: no frame, no payload, no JSON view.
NOTES = (SYSTEM, SCRIPT, CHECK)
_DIRECTIONS = (SENT, RECEIVED, SYSTEM, SCRIPT, CHECK)


class MessageLog:
    """Entries waiting to be drawn, the last history_cap entries, and counters.

    The view (the DOM list) shows at most view_cap entries. The shell calls take_batch()
    once per animation frame and applies it: remove that many first children, then
    append the new entries. Between frames add() only queues, in O(1), and keeps at most
    view_cap pending entries, so a tab in the background cannot pile up memory.

    A filter (set_filter) decides which entries reach the view: the view then shows
    the last view_cap entries that match, taken from the whole history, and later
    entries only when they match. The history keeps every entry either way.
    start_filter() does the same a slice at a time (scan), so that a keystroke never
    waits for a whole history to be searched; the view then keeps the elements of the
    entries it shows already (take_view).

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
        # The filter that scan() is applying, until it is done.
        self._scan: "Scan | None" = None
        # What the view must show once a scan is done, until take_view() takes it.
        self._view: "list[Entry] | None" = None
        # The last scan begun, done or not: a narrower filter searches what it found.
        self._last: "Scan | None" = None
        self._reset()

    def _reset(self) -> None:
        # deque takes maxlen positionally only in MicroPython, and has no clear().
        self._pending: "deque[Entry]" = deque((), self.view_cap)
        self._pending_count = 0
        # Whether a Draw went out since the view last took a batch (see Session.received_text).
        self.draw_asked = False
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
        # The oldest entry leaves the history with this append (during a scan it is one
        # the scan has yet to count, and never will).
        full = len(self._history) == self.history_cap
        if full and self._scan is None and match(self._history[0]):
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
        self._scan = self._view = self._last = None
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

    @property
    def scanning(self) -> bool:
        """Whether the filter of start_filter() is still searching the history."""
        return self._scan is not None

    def start_filter(self, match: "Any") -> None:
        """Show only the entries for which match(entry) is true, once scan() has found them.

        match also has select() and within() (wsclient.present.TextFilter); None lets
        everything through. Until the scan is done, take_batch() gives nothing: the
        view goes on showing what it shows. Entries added meanwhile are matched as
        they come and drawn after the ones the scan finds.
        """
        self._match = match
        scan = Scan.start(self._history, match, self.view_cap, self._seq, self._last)
        self._scan = self._last = scan
        self._view = None
        self._pending = deque((), self.view_cap)
        self._pending_count = 0
        self._matched = 0

    def scan(self, limit: int = 0) -> bool:
        """Search the next slice of the history for start_filter()'s filter, newest first.

        Args:
            limit: look at most at this many entries (0: no limit).

        Returns:
            Whether the search is done (also when none was started); take_view() then
            gives what the view must show.
        """
        scan = self._scan
        if scan is None:
            return True
        oldest = self._history[0].seq if self._history else self._seq + 1
        if not scan.step(oldest, limit):
            return False
        scan.found.reverse()
        self._view = scan.found
        self._matched += scan.count
        self._scan = None
        return True

    def take_view(self) -> "list[Entry] | None":
        """Once a scan is done: the entries the view must show, oldest first; else None.

        The view keeps the elements of those it shows already, removes every other one
        and draws the rest in order. The entries added during the scan come with the
        next take_batch().
        """
        view = self._view
        if view is None:
            return None
        self._view = None
        self._stale = 0
        self.in_view = len(view)
        self.dropped = self.matched - len(view) - self._pending_count
        return view

    def matching(self) -> "list[Entry]":
        """Return every kept entry the filter lets through, oldest first."""
        match = self._match
        if match is None:
            return list(self._history)
        return [entry for entry in self._history if match(entry)]

    def visible(self) -> "list[Entry]":
        """Return the entries the view shows (or will, after the next take_batch()),
        oldest first."""
        match = self._match
        shown: "list[Entry]" = []
        for entry in self._history:
            if match is None or match(entry):
                shown.append(entry)
        count = len(shown)
        if self._scan is None and self._view is None:
            count = min(count, self.in_view + self._pending_count)
        count = min(self.view_cap, count)
        return shown[len(shown) - count :] if count else []

    def take_batch(self) -> "tuple[list[Entry], int]":
        """Take what the view must do now.

        Returns:
            (entries, remove_count): first remove remove_count entries from the head of
            the view, then append entries (oldest first, at most view_cap of them).
            Pending entries beyond view_cap never reach the view; they count as dropped.
            Nothing while a scan is under way or its view not yet taken (take_view).
        """
        self.draw_asked = False
        if self._scan is not None or self._view is not None:
            return [], 0
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

    def clear(self) -> "list[Entry]":
        """Start afresh: empty the history and zero every counter, except for the
        entries of messages still waiting to be sent, which stay, so that nothing
        queued is ever out of sight.

        Sequence numbers go on increasing. The next take_batch() tells the view to
        remove every entry it shows, then draws the entries that stayed.

        Returns:
            The entries removed, oldest first, for restore().
        """
        removed: "list[Entry]" = []
        waiting: "list[Entry]" = []
        for entry in self._history:
            message = entry.message
            (waiting if message is not None and message.waiting else removed).append(entry)
        self._stale += self.in_view
        self._history = deque((), self.history_cap)
        self._scan = self._view = self._last = None
        self._reset()
        if waiting:
            for entry in waiting:
                self._history.append(entry)
            self.set_filter(self._match)
        return removed

    def restore(self, entries: "list[Entry]") -> None:
        """Put back entries that clear() removed, in order among those added since.

        The history keeps its last history_cap entries, and the view is drawn again.
        """
        kept = set([entry.seq for entry in self._history])
        merged = [entry for entry in entries if entry.seq not in kept]
        merged.extend(self._history)
        merged.sort(key=_seq)
        self._history = deque(merged[-self.history_cap :], self.history_cap)
        self.set_filter(self._match)


def _seq(entry: Entry) -> int:
    return entry.seq
