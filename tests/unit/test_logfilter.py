"""Tests of wsclient.logfilter: the filter waits for typing to pause, then searches in slices."""

from tests.unit.core import feed, filter_log, opened
from wsclient import commands
from wsclient.events import Filter, FilterDue, ScanDue, TextReceived, Tick
from wsclient.log import RECEIVED, SENT, SYSTEM
from wsclient.logfilter import FILTER_WAIT_MS, FOLD_SLICE, SCAN_SLICE

ALL = [SENT, RECEIVED, SYSTEM]


def _with(count, text="m{}"):
    """A connected client whose log holds count received messages."""
    core = opened()
    for n in range(count):
        feed(core, TextReceived(text.format(n), 0.0))
    return core


def _shown(core):
    return [entry.text for entry in core.log.visible()]


def test_a_keystroke_waits_for_the_next_one():
    """Typing asks for the filter FILTER_WAIT_MS later, and changes nothing yet."""
    core = _with(3)
    out = feed(core, Filter("m1", ALL))
    assert out == [commands.FilterLater(FILTER_WAIT_MS)]
    assert not core.log.filtered


def test_a_ticked_box_applies_at_once():
    """A direction box changes the filter with no wait: nobody types a box."""
    core = _with(3)
    assert feed(core, Filter("", [SENT])) == [commands.FilterLater(0)]


def test_the_filter_applies_when_its_wait_is_over():
    """FilterDue applies the last text typed and draws."""
    core = _with(3)
    feed(core, Filter("m", ALL), Filter("m1", ALL))
    assert feed(core, FilterDue()) == [commands.DRAW]
    assert _shown(core) == ["m1"]


def test_a_long_log_is_searched_a_slice_at_a_time():
    """Beyond SCAN_SLICE entries, each slice asks for the next once input is handled."""
    core = _with(SCAN_SLICE + 5)
    feed(core, Filter("m1", ALL))
    assert feed(core, FilterDue()) == [commands.ScanLater()]
    assert core.log.scanning
    assert feed(core, ScanDue()) == [commands.DRAW]
    assert not core.log.scanning


def test_a_search_goes_on_while_the_next_keystroke_waits():
    """A keystroke does not stop the search under way: it is what the next one narrows."""
    core = _with(SCAN_SLICE * 3)
    feed(core, Filter("m1", ALL), FilterDue())
    assert feed(core, Filter("m12", ALL)) == [commands.FilterLater(FILTER_WAIT_MS)]
    assert feed(core, ScanDue()) == [commands.ScanLater()]
    assert core.log.scanning


def test_a_search_done_while_a_newer_filter_waits_draws_nothing():
    """The older result is not drawn: the newer filter's comes a moment later."""
    core = _with(SCAN_SLICE + 5)
    feed(core, Filter("m1", ALL), FilterDue(), Filter("m12", ALL))
    assert feed(core, ScanDue()) == []
    assert feed(core, FilterDue())[-1] == commands.DRAW
    assert all("m12" in text for text in _shown(core)) and "m12" in _shown(core)


def test_a_keystroke_during_a_search_replaces_it():
    """The newer text wins: once its wait is over, its own search shows."""
    core = _with(SCAN_SLICE * 3)
    feed(core, Filter("m1", ALL), FilterDue())
    assert core.log.scanning
    out = filter_log(core, "m123")
    assert out[-1] == commands.DRAW
    assert all("m123" in text for text in _shown(core)) and "m123" in _shown(core)


def test_quiet_ticks_fold_the_texts_ahead_newest_first():
    """While no entry arrives, each Tick folds FOLD_SLICE more texts, newest first."""
    core = _with(FOLD_SLICE + 10, "M{}")
    history = core.log.history()
    feed(core, Tick(0.0, 0))  # the entries just came: not quiet yet
    assert all(entry.folded is None for entry in history)
    feed(core, Tick(250.0, 0))
    folded = [entry.folded is not None for entry in history]
    assert folded == [False] * (len(history) - FOLD_SLICE) + [True] * FOLD_SLICE
    assert history[-1].folded == "m%d" % (FOLD_SLICE + 9)
    feed(core, Tick(500.0, 0))
    assert all(entry.folded is not None for entry in history)


def test_ticks_fold_nothing_while_entries_arrive():
    """A Tick after new entries leaves them for a quiet one: a flood is not slowed."""
    core = _with(5, "M{}")
    feed(core, Tick(0.0, 0))
    feed(core, TextReceived("M5", 0.0))
    feed(core, Tick(250.0, 0))
    assert all(entry.folded is None for entry in core.log.history())
