"""A filter searching the kept log a slice at a time, newest entries first.

A keystroke in the filter must never wait for ten thousand entries to be searched:
MessageLog.start_filter() makes a Scan, and each call to step() looks at one slice,
so the page takes keystrokes between slices and a newer filter can replace this one.
"""

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from wsclient.log import Entry

__all__ = ["Scan"]


class Scan:
    """Searches a copy of the history for the entries a filter lets through.

    Args:
        entries: the entries to search, newest first.
        match: the filter, with select(entries) (see wsclient.present.TextFilter);
            None lets everything through.
        cap: how many of the newest matches to keep for the view.
        newest: the number of the newest entry kept when the filter changed.

    Attributes:
        match, newest: as given.
        found: the newest matches, newest first, at most cap of them.
        count: how many matches were seen so far.
        hits: every match seen so far, newest first: what a narrower filter searches.
    """

    def __init__(self, entries: "list[Entry]", match: "Any", cap: int, newest: int) -> None:
        self.match = match
        self.newest = newest
        self._entries = entries
        self._next = 0
        self._cap = cap
        self.found: "list[Entry]" = []
        self.count = 0
        self.hits: "list[Entry]" = []

    def step(self, oldest: int, limit: int = 0) -> bool:
        """Look at the next slice of entries, going to the oldest.

        Args:
            oldest: the number of the oldest entry still kept: the ones before it left
                the history while the scan went on, and are not counted.
            limit: look at most at this many entries (0: no limit).

        Returns:
            Whether every entry has been looked at.
        """
        start = self._next
        end = len(self._entries) if not limit else min(start + limit, len(self._entries))
        chunk = self._entries[start:end]
        self._next = end
        if chunk and chunk[-1].seq < oldest:
            chunk = [entry for entry in chunk if entry.seq >= oldest]
            self._next = len(self._entries)
        # One select() per slice: a function call per entry costs MicroPython more
        # than the search itself.
        hits = chunk if self.match is None else self.match.select(chunk)
        self.count += len(hits)
        self.hits.extend(hits)
        room = self._cap - len(self.found)
        if room > 0:
            self.found.extend(hits[:room])
        if self._next < len(self._entries):
            return False
        self._entries = []
        return True

    @classmethod
    def start(
        cls, history: "Any", match: "Any", cap: int, newest: int, last: "Scan | None"
    ) -> "Scan":
        """A scan of history (oldest first) for match.

        A filter narrower than the last one (match.within(last.match): the user typed
        on) searches only the entries added since it began, what it found, and what it
        had yet to look at when this one replaced it: none of the others can match.
        """
        if last is not None and match is not None and match.within(last.match):
            entries = []
            index = len(history) - 1
            while index >= 0 and history[index].seq > last.newest:
                entries.append(history[index])
                index -= 1
            entries.extend(last.hits)
            entries.extend(last._entries[last._next :])
        else:
            entries = list(history)
            entries.reverse()
        return cls(entries, match, cap, newest)
