"""The frame budget: which frames the page keeps whole, up to a total of bytes.

The bytes themselves never come here. The shell keeps each whole frame on the
JavaScript side (a Map from entry number to the frame, filled straight from the
socket), and this tracker only counts: which entries' frames are kept, their
sizes, and the total against the budget. Past the budget the oldest frames are let
go first; so are the frames of entries that leave the kept log. The shell is told
with `DropFrames(below)`: every kept frame is let go in the order it was kept, so
"every frame numbered below this one" always says exactly which.

A frame that is not (or no longer) kept whole leaves its entry with what the log
shows of it: the first PREVIEW_CHARS characters of a text over SHOW_BYTES, the
first HEAD_BYTES of a binary frame.
"""

from collections import deque

from wsclient.commands import DropFrames
from wsclient.log import NOTES

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.log import Entry
    from wsclient.plain import Plain

__all__ = [
    "DEFAULT_BUDGET",
    "DROP_BYTES",
    "DROP_COUNT",
    "HEAD_BYTES",
    "PREVIEW_CHARS",
    "SHOW_BYTES",
    "Frames",
    "whole_in_log",
]

DEFAULT_BUDGET = 64 * 1024 * 1024
# A binary entry holds this much of its frame for its dump; the rest is in the store.
HEAD_BYTES = 4096
# Text frames up to SHOW_BYTES are shown, and stay in their entry, whole; longer
# ones show their first PREVIEW_CHARS characters, then the rest page by page.
SHOW_BYTES = 64 * 1024
PREVIEW_CHARS = 16 * 1024
# Frames let go are dropped from the store in batches, not one FFI call per message
# of a flood: once this many wait, or this many bytes, or at the next tick.
DROP_COUNT = 1000
DROP_BYTES = 1024 * 1024


def _cut(entry: "Entry") -> None:
    """Leave an entry that no longer has its whole frame with what the log shows of it."""
    if entry.binary:
        payload = entry.payload
        if payload is not None and len(payload) > HEAD_BYTES:
            entry.payload = payload[:HEAD_BYTES]
    elif entry.size > SHOW_BYTES:
        entry.text = entry.text[:PREVIEW_CHARS]


def whole_in_log(entry: "Entry") -> bool:
    """Whether the entry itself holds all of its payload, kept in the store or not."""
    if entry.binary:
        return entry.payload is not None and len(entry.payload) == entry.size
    return entry.size <= SHOW_BYTES


class Frames:
    """The frames kept whole, oldest first, and their total size.

    Args:
        cap: how many entries the log keeps (MessageLog.history_cap): a frame whose
            entry is that many entries old has left the log.
        out: the list the DropFrames commands go to.
        budget: the most bytes of frames kept at once.
    """

    def __init__(self, cap: int, out: "list[Plain]", budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self.total = 0
        self._cap = cap
        self._out = out
        # maxlen: add() appends before it lets go of the one that left the log.
        self._order: "deque[Entry]" = deque((), cap + 1)
        self._below = 0
        self._waiting = 0
        self._waiting_bytes = 0

    def __len__(self) -> int:
        return len(self._order)

    def add(self, entry: "Entry") -> int:
        """Keep a new frame's entry within the budget, letting go of the oldest as needed.

        Runs for every message of a flood: a few steps, no allocation.

        Returns:
            entry.seq, the number the shell keeps the frame under; 0 when the frame
            alone is over the budget and is not kept at all.
        """
        seq = entry.seq
        size = entry.size
        order = self._order
        if size <= self.budget:
            order.append(entry)
            self.total += size
        else:
            _cut(entry)
            seq = 0
        floor = entry.seq - self._cap
        while order and (order[0].seq <= floor or self.total > self.budget):
            self._let_go()
        if self._waiting >= DROP_COUNT or self._waiting_bytes >= DROP_BYTES:
            self.flush()
        return seq

    def _let_go(self) -> None:
        entry = self._order.popleft()
        size = entry.size
        self.total -= size
        self._below = entry.seq + 1
        self._waiting += 1
        self._waiting_bytes += size
        if size > HEAD_BYTES:  # a frame this small is whole in its entry: nothing to cut
            _cut(entry)

    def flush(self) -> None:
        """Tell the shell about the frames let go since the last time, if any."""
        if self._waiting:
            self._waiting = 0
            self._waiting_bytes = 0
            self._out.append(DropFrames(self._below))

    def kept(self, entry: "Entry") -> bool:
        """Whether the store holds the entry's whole frame."""
        order = self._order
        if entry.direction in NOTES or not order:
            return False
        seq = entry.seq
        low, high = 0, len(order)
        while low < high:
            middle = (low + high) // 2
            if order[middle].seq < seq:
                low = middle + 1
            else:
                high = middle
        return low < len(order) and order[low] is entry

    def clear(self, below: int) -> None:
        """The log let go of every entry numbered below `below`: their frames go at once."""
        order = self._order
        while order and order[0].seq < below:
            self._let_go()
        self._below = max(self._below, below)
        self._waiting = max(self._waiting, 1)
        self.flush()
