"""The log's filter: it waits for the typing to pause, then searches a slice at a time.

`Client` routes the filter's events here. A keystroke asks for the filter FILTER_WAIT_MS
later (FilterLater); a newer keystroke replaces that wait. The filter then searches the
kept log SCAN_SLICE entries at a time (MessageLog.start_filter), asking for the next
slice once the page has taken the keystrokes waiting (ScanLater). A search goes on while
the next keystroke waits: the narrower filter that replaces it starts from what it found.

Folding an entry's text for a case-insensitive match costs far more than searching it,
and is done once per entry: while no entry arrives, each Tick folds another slice of
them, newest first, so that the first keystroke finds them ready.
"""

from wsclient import events, present
from wsclient.commands import DRAW, FilterLater, Relayout, ScanLater

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.log import MessageLog
    from wsclient.plain import Plain
    from wsclient.present import TextFilter

__all__ = ["FILTER_WAIT_MS", "FOLD_SLICE", "SCAN_SLICE", "LogFilter"]

# The filter waits this long after a keystroke: typing on replaces a search instead
# of waiting for it, and the result still shows well within 100 ms.
FILTER_WAIT_MS = 40
# Entries the filter searches between two chances for the page to take a keystroke.
SCAN_SLICE = 1000
# Entries folded ahead of the filter per quiet Tick (one without new entries).
FOLD_SLICE = 1000


class LogFilter:
    """The filter of one page's log.

    Args:
        log: the MessageLog it filters.
        out: the list it appends commands to.
    """

    def __init__(self, log: "MessageLog", out: "list[Plain]") -> None:
        self.log = log
        self.out = out
        self._match: "TextFilter | None" = None
        # The filter the user asked for last, until FilterDue applies it.
        self._text = ""
        self._wanted: "tuple[str, list[str]] | None" = None
        # Folding ahead: the newest entry at the last Tick; the pass under way (from
        # the newest entry then, down to the top of the last pass done), or None.
        self._seen = 0
        self._done_top = 0
        self._pass: "list[int] | None" = None

    def filter(self, event: events.Filter) -> None:
        """The filter's text or the direction boxes changed."""
        # A keystroke waits for the next one; a ticked box applies at once.
        wait = FILTER_WAIT_MS if event.text != self._text else 0
        self._text = event.text
        self._wanted = (event.text, event.directions)
        self.out.append(FilterLater(wait))

    def filter_due(self, event: events.FilterDue) -> None:
        """Apply the filter asked for last, or search on with the one being applied."""
        if self._wanted is not None:
            text, directions = self._wanted
            self._wanted = None
            self._match = present.make_filter(text, directions)
            self.log.start_filter(self._match)
        self.scan_due(None)

    def scan_due(self, event: "events.ScanDue | None") -> None:
        """Search the next slice; draw once done, unless a newer filter is on its way."""
        if not self.log.scan(SCAN_SLICE):
            self.out.append(ScanLater())
        elif self._wanted is None:
            self.out.append(DRAW)

    def pretty(self, event: events.Pretty) -> None:
        """Draw JSON pretty-printed or as it came."""
        self.out.append(Relayout(event.on))
        # The same filter again: the list is drawn anew, in the new layout.
        self.log.set_filter(self._match)
        self.out.append(DRAW)

    def tick(self) -> None:
        """While no entry arrives, fold the next slice of texts, newest first."""
        log = self.log
        newest = log.next_seq - 1
        quiet, self._seen = newest == self._seen, newest
        if not quiet or newest <= self._done_top:
            return
        if self._pass is None or self._pass[0] < newest:
            self._pass = [newest, newest]  # [top of this pass, next entry to fold]
        top, seq = self._pass
        floor = max(self._done_top, newest - log.kept)
        stop = max(floor, seq - FOLD_SLICE)
        while seq > stop:
            entry = log.at(seq)
            if entry is not None and entry.folded is None:
                present.folded(entry)
            seq -= 1
        if seq > floor:
            self._pass[1] = seq
        else:
            self._done_top, self._pass = top, None
