"""wsclient.client and wsclient.logfilter: the log's tools, from the events they take.

Clear acts at once and undo brings the entries back for UNDO_MS; the filter waits
for the typing to pause, then searches a slice at a time.
"""

from wsclient import commands, events
from wsclient.client import UNDO_MS, Client
from wsclient.logfilter import FILTER_WAIT_MS, SCAN_SLICE
from wsclient.settings import Settings

ALL = ["sent", "received", "system"]


def _client(*texts):
    """An English page connected to ws://h/ whose log received texts."""
    core = Client(Settings.from_search("?lang=en&url=ws://h/", ""), 0, lambda: 0.5)
    core.handle(events.Start(0.0))
    core.handle(events.Opened("ws://h/", "", "", 0.0))
    for text in texts:
        core.handle(events.TextReceived(text, 0.0))
    core.out.clear()
    return core


def _feed(core, event):
    """Feed event; return its commands as lists, Draw left out."""
    core.handle(event)
    out = [c.as_list() for c in core.out if c is not commands.DRAW]
    core.out.clear()
    return out


def _texts(core):
    return [entry.text for entry in core.log.history() if entry.direction == "received"]


def _undo_in_time():
    core = _client("a", "b")
    cleared = _feed(core, events.ClearLog(0.0))
    core.handle(events.TextReceived("c", 5.0))
    undone = _feed(core, events.UndoClear(UNDO_MS))
    return [cleared, undone, _texts(core)]


def _undo_too_late():
    core = _client("a", "b")
    core.handle(events.ClearLog(0.0))
    core.handle(events.Tick(UNDO_MS + 1.0, 0))
    core.out.clear()
    return [_feed(core, events.UndoClear(UNDO_MS + 1.0)), _texts(core)]


def _reset():
    core = _client("a")
    core.handle(events.ClearLog(0.0))
    core.out.clear()
    return _feed(core, events.ResetCounters(2500.0))


def _filter_in_slices():
    core = _client(*["m%d" % n for n in range(SCAN_SLICE + 1)])
    seen = [_feed(core, events.Filter("M1", ALL))]
    seen.append(_feed(core, events.FilterDue()))
    seen.append(_feed(core, events.ScanDue()))
    shown = [entry.text for entry in core.log.visible()]
    seen.append(shown == ["m%d" % n for n in range(SCAN_SLICE + 1) if "m1" in "m%d" % n])
    return seen


CASES = [
    (
        "undo within the window puts the entries back before the new ones",
        _undo_in_time,
        [
            [["ToolStatus", "Log cleared: 3 entries removed.", UNDO_MS, ["undo", "reset"]]],
            [["ToolStatus", "Log restored: 3 entries back.", 6000, []]],
            ["a", "b", "c"],
        ],
    ),
    (
        "undo past the window is too late",
        _undo_too_late,
        [[["ToolStatus", "Too late to undo: a clear can be undone for 10 s.", 6000, []]], []],
    ),
    (
        "reset counters after a clear",
        _reset,
        [
            [
                "ToolStatus",
                "Log cleared: 2 entries removed. Counters and RTT reset.",
                UNDO_MS - 2500,
                ["undo"],
            ]
        ],
    ),
    (
        "the filter waits, then searches in slices",
        _filter_in_slices,
        [[["FilterLater", FILTER_WAIT_MS]], [["ScanLater"]], [], True],
    ),
]
