"""Traffic counters: messages and bytes each way, and their rates over the last second."""

__all__ = ["BUCKET_MS", "Stats", "median"]

# The rates count messages in buckets this long; the window is a whole number of them.
BUCKET_MS = 100

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable, TypedDict

    class Traffic(TypedDict):
        """One direction of a snapshot()."""

        messages: int
        bytes: int
        rate: float
        byte_rate: float


class Stats:
    """Counts sent and received messages and bytes, and the rate of each over a window.

    count() runs once per message, so it does O(1) work: it adds to totals and to
    the current bucket of a small ring. snapshot() sums the ring.

    Times are milliseconds from any steady clock. A time earlier than the last
    one counts in the current bucket.
    """

    def __init__(self, window_ms: float = 1000) -> None:
        """Measure rates over window_ms, rounded up to whole buckets of BUCKET_MS."""
        if not window_ms > 0:
            raise ValueError("window must be positive")
        self.buckets = -(-int(window_ms) // BUCKET_MS)
        self.window_ms = self.buckets * BUCKET_MS
        self.reset()

    def reset(self) -> None:
        """Zero every counter and forget the rates."""
        # One bucket more than the window holds: the oldest is only partly inside it.
        slots = self.buckets + 1
        # Per direction: [messages, bytes, messages per bucket, bytes per bucket].
        # A list, not a tuple, so that counts[0] += 1 works in place; mypy types its items as Any.
        self._counts: "dict[str, list[Any]]" = {
            "sent": [0, 0, [0] * slots, [0] * slots],
            "received": [0, 0, [0] * slots, [0] * slots],
        }
        self._slot: "int | None" = None  # the number of the current bucket: time // BUCKET_MS
        self._index = 0  # where the current bucket is in the ring

    def _advance(self, slot: int) -> None:
        """Move the current bucket on to slot, zeroing the buckets it passes."""
        slots = self.buckets + 1
        first = slot - slots + 1 if self._slot is None else max(self._slot + 1, slot - slots + 1)
        for counts in self._counts.values():
            messages, size = counts[2], counts[3]
            for passed in range(first, slot + 1):
                messages[passed % slots] = 0
                size[passed % slots] = 0
        self._slot = slot
        self._index = slot % slots

    def count(self, direction: str, size: int, now: float) -> None:
        """Count one message of size bytes going direction ("sent" or "received") at now."""
        slot = int(now // BUCKET_MS)
        if slot != self._slot and (self._slot is None or slot > self._slot):
            self._advance(slot)
        try:
            counts = self._counts[direction]
        except KeyError:
            raise ValueError("unknown direction %r" % (direction,)) from None
        index = self._index
        counts[0] += 1
        counts[1] += size
        counts[2][index] += 1
        counts[3][index] += size

    def snapshot(self, now: float) -> "dict[str, Traffic]":
        """Return the totals and rates at now.

        Returns:
            {"sent": {...}, "received": {...}}, each with "messages" and "bytes" (since
            the start or reset()) and "rate" and "byte_rate" (per second, over the
            last window_ms, the oldest bucket weighed by how much of it is inside).
        """
        slot = int(now // BUCKET_MS)
        if self._slot is None or slot > self._slot:
            self._advance(slot)
        oldest = (self._index + 1) % (self.buckets + 1)
        # _slot is an int by now: _advance() set it if it was None.
        inside = 1 - (now - self._slot * BUCKET_MS) / BUCKET_MS  # type: ignore[operator]
        inside = min(1.0, max(0.0, inside))
        per_second = 1000 / self.window_ms
        result: "dict[str, Traffic]" = {}
        for direction, counts in self._counts.items():
            messages, size = counts[2], counts[3]
            result[direction] = {
                "messages": counts[0],
                "bytes": counts[1],
                "rate": (sum(messages) - messages[oldest] * (1 - inside)) * per_second,
                "byte_rate": (sum(size) - size[oldest] * (1 - inside)) * per_second,
            }
        return result


def median(values: "Iterable[float]") -> "float | None":
    """Return the median of values as a float, or None when there are none."""
    ordered = sorted(values)
    count = len(ordered)
    if not count:
        return None
    middle = count // 2
    if count % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2
