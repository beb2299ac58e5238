"""Tests of wsclient.log: the bounded message log and the batches the view draws."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wsclient.log import RECEIVED, SENT, SYSTEM, Entry, MessageLog
from wsclient.outbox import ANY, Outbox
from wsclient.present import make_filter


def _seqs(entries):
    return [entry.seq for entry in entries]


def test_add_returns_entry_with_its_fields():
    """add() returns an Entry holding what it was given and the next sequence number."""
    log = MessageLog()
    entry = log.add(RECEIVED, "de ad", binary=True, size=2, time_ms=12.5)
    assert isinstance(entry, Entry)
    assert (entry.seq, entry.direction, entry.text, entry.binary, entry.size, entry.time_ms) == (
        1,
        RECEIVED,
        "de ad",
        True,
        2,
        12.5,
    )


def test_sequence_numbers_increase_from_one():
    """Entries are numbered 1, 2, 3… in the order they are added."""
    log = MessageLog()
    assert [log.add(SENT, str(i)).seq for i in range(3)] == [1, 2, 3]


def test_add_rejects_unknown_direction():
    """An unknown direction raises ValueError and changes nothing."""
    log = MessageLog()
    with pytest.raises(ValueError):
        log.add("sideways", "x")
    assert log.history() == [] and log.add(SENT, "x").seq == 1


@pytest.mark.parametrize("caps", [(0, 10), (10, 0)])
def test_caps_must_be_positive(caps):
    """A view or history cap below 1 raises ValueError."""
    with pytest.raises(ValueError):
        MessageLog(*caps)


def test_entries_are_complete_when_created():
    """An entry holds its payload and its message from the start, and reads the
    message's state, so the two can never disagree."""

    class Message:
        state = "pending"
        detail = None

    message = Message()
    entry = MessageLog().add(SENT, "de ad", True, 2, 5.0, b"\xde\xad", message)
    assert (entry.payload, entry.state) == (b"\xde\xad", "pending")
    message.state = "sent"
    assert entry.state == "sent"


def test_take_batch_returns_pending_oldest_first():
    """A batch holds the entries added since the last one, oldest first, removing nothing."""
    log = MessageLog()
    added = [log.add(SENT, "a"), log.add(RECEIVED, "b")]
    assert log.take_batch() == (added, 0)
    assert log.take_batch() == ([], 0)


def test_take_batch_removes_overflow_from_head():
    """When the view is full, the batch removes as many old entries as it adds."""
    log = MessageLog(view_cap=3)
    for i in range(3):
        log.add(SENT, str(i))
    log.take_batch()
    log.add(SENT, "3")
    log.add(SENT, "4")
    entries, remove = log.take_batch()
    assert (_seqs(entries), remove) == ([4, 5], 2)
    assert (log.in_view, log.dropped) == (3, 2)


def test_pending_beyond_view_cap_is_dropped():
    """Entries that would scroll out before being drawn are counted as dropped, not drawn."""
    log = MessageLog(view_cap=3)
    for i in range(10):
        log.add(RECEIVED, str(i))
    entries, remove = log.take_batch()
    assert (_seqs(entries), remove) == ([8, 9, 10], 0)
    assert (log.in_view, log.dropped) == (3, 7)


def test_history_keeps_last_entries_oldest_first():
    """history() gives the last history_cap entries whether or not they were drawn."""
    log = MessageLog(view_cap=2, history_cap=3)
    for i in range(5):
        log.add(SENT, str(i))
    assert _seqs(log.history()) == [3, 4, 5]


def test_clear_zeroes_counters_and_history():
    """clear() empties the history and resets every counter."""
    log = MessageLog()
    log.add(SENT, "a")
    log.add(RECEIVED, "b")
    log.take_batch()
    log.clear()
    assert (log.in_view, log.dropped) == (0, 0)
    assert log.history() == []
    assert log.take_batch() == ([], 2)


def test_clear_keeps_entries_whose_message_still_waits():
    """clear() keeps the entries of messages not yet sent, so no queue is ever hidden."""
    outbox = Outbox()
    log = MessageLog()
    handed, refused = outbox.add("a", 0), outbox.add("b", 0)
    log.add(SYSTEM, "connected")
    log.add(SENT, "a", message=handed)
    waiting = log.add(SENT, "b", message=refused)
    outbox.take_ready(ANY)
    outbox.mark_sent(handed.id, 0)
    outbox.mark_failed(refused.id, "boom")
    log.take_batch()
    log.clear()
    assert log.history() == [waiting]
    assert log.take_batch() == ([waiting], 3)


def test_clear_keeps_waiting_entries_that_the_filter_hides_out_of_the_view():
    """A kept entry that the filter hides stays in the history, not in the view."""
    outbox = Outbox()
    log = MessageLog()
    log.add(SENT, "a", message=outbox.add("a", 0))
    log.set_filter(lambda entry: entry.direction == RECEIVED)
    log.clear()
    assert len(log.history()) == 1
    assert (log.matched, log.take_batch()) == (0, ([], 0))


def test_clear_keeps_sequence_numbers_increasing():
    """Entries added after clear() never reuse an earlier sequence number."""
    log = MessageLog()
    log.add(SENT, "a")
    log.clear()
    assert log.add(SENT, "b").seq == 2


def test_batch_after_clear_removes_what_the_view_showed():
    """The first batch after clear() removes every entry drawn before it."""
    log = MessageLog(view_cap=5)
    for i in range(4):
        log.add(SENT, str(i))
    log.take_batch()
    log.clear()
    log.add(SENT, "new")
    entries, remove = log.take_batch()
    assert (_seqs(entries), remove) == ([5], 4)


_OPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from([SENT, RECEIVED, SYSTEM])),
        st.tuples(st.just("take"), st.none()),
        st.tuples(st.just("clear"), st.none()),
    ),
    max_size=200,
)


@given(st.integers(1, 8), st.integers(1, 8), _OPS)
def test_simulated_view_matches_model(view_cap, history_cap, ops):
    """Applying every batch to a list gives exactly the last in_view entries, in order."""
    log = MessageLog(view_cap, history_cap)
    view, added = [], []
    for op, direction in ops:
        if op == "add":
            added.append(log.add(direction, "x").seq)
        elif op == "take":
            entries, remove = log.take_batch()
            assert len(entries) <= view_cap and remove <= len(view)
            del view[:remove]
            view.extend(_seqs(entries))
            assert log.in_view <= view_cap
            assert log.in_view + log.dropped == len(added)
            assert view == (added[-log.in_view :] if log.in_view else [])
        else:
            log.clear()
            added = []
        assert _seqs(log.history()) == added[-history_cap:]


@given(st.lists(st.integers(0, 30), max_size=20))
def test_seqs_in_view_are_contiguous(burst_sizes):
    """After each batch the view's sequence numbers are contiguous and increasing."""
    log = MessageLog(view_cap=10)
    view = []
    total = 0
    for size in burst_sizes:
        for _ in range(size):
            log.add(RECEIVED, "x")
            total += 1
        entries, remove = log.take_batch()
        del view[:remove]
        view.extend(_seqs(entries))
        assert view == list(range(total - log.in_view + 1, total + 1))


def _texts(entries):
    return [entry.text for entry in entries]


def _only(direction):
    return lambda entry: entry.direction == direction


def test_filter_redraws_the_last_matching_entries_of_the_history():
    """set_filter() removes what the view shows and draws the last view_cap matches."""
    log = MessageLog(view_cap=2, history_cap=10)
    for i in range(6):
        log.add(SENT if i % 2 else RECEIVED, str(i))
    log.take_batch()
    log.set_filter(_only(RECEIVED))
    entries, remove = log.take_batch()
    assert remove == 2 and _texts(entries) == ["2", "4"]
    assert (log.matched, log.in_view, log.dropped) == (3, 2, 1)


def test_filter_lets_only_matching_new_entries_through():
    """While a filter is set, other entries are kept but never drawn."""
    log = MessageLog()
    log.set_filter(_only(SENT))
    log.add(RECEIVED, "r")
    log.add(SENT, "s")
    entries, _ = log.take_batch()
    assert _texts(entries) == ["s"] and log.kept == 2 and log.matched == 1


def test_removing_the_filter_draws_everything_again():
    """set_filter(None) brings back every kept entry."""
    log = MessageLog()
    log.set_filter(_only(SENT))
    log.add(RECEIVED, "r")
    log.take_batch()
    log.set_filter(None)
    entries, remove = log.take_batch()
    assert _texts(entries) == ["r"] and remove == 0 and not log.filtered


def test_matched_forgets_entries_that_leave_the_history():
    """matched counts only what the history still holds."""
    log = MessageLog(history_cap=3)
    log.set_filter(_only(SENT))
    for direction in (SENT, SENT, RECEIVED, RECEIVED, RECEIVED):
        log.add(direction, "x")
    assert log.matched == 0 and log.kept == 3


def test_visible_lists_what_the_view_shows():
    """visible() gives the drawn and about-to-be-drawn entries, oldest first."""
    log = MessageLog(view_cap=2)
    for text in "abc":
        log.add(SENT, text)
    assert _texts(log.visible()) == ["b", "c"]
    log.take_batch()
    log.add(SENT, "d")
    assert _texts(log.visible()) == ["c", "d"]


def test_at_finds_kept_entries_by_sequence_number():
    """at(seq) gives a kept entry, and None for one that left the history."""
    log = MessageLog(history_cap=2)
    first, second, third = (log.add(SENT, text) for text in "abc")
    assert log.at(third.seq) is third and log.at(second.seq) is second
    assert log.at(first.seq) is None and log.at(99) is None


@settings(max_examples=60)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("add"), st.sampled_from([SENT, RECEIVED, SYSTEM])),
            st.tuples(st.just("filter"), st.sampled_from([None, SENT, RECEIVED])),
            st.tuples(st.just("batch"), st.none()),
        ),
        max_size=60,
    )
)
def test_filtered_view_matches_model(ops):
    """A simulated view shows the last view_cap matching entries: of the history when
    the filter was set, then of every entry added since."""
    log = MessageLog(view_cap=3, history_cap=8)
    view = []
    candidates = []
    match = None
    for op, arg in ops:
        if op == "add":
            entry = log.add(arg, "x")
            if match is None or match(entry):
                candidates.append(entry)
        elif op == "filter":
            match = None if arg is None else _only(arg)
            log.set_filter(match)
            candidates = [e for e in log.history() if match is None or match(e)]
        else:
            entries, remove = log.take_batch()
            view = view[remove:] + entries
            assert _seqs(view) == _seqs(candidates[-3:])


# --- a filter searched a slice at a time ---


def _texts(entries):
    return [entry.text for entry in entries]


def _kept(*texts, view_cap=1000, history_cap=10000):
    log = MessageLog(view_cap, history_cap)
    for text in texts:
        log.add(RECEIVED, text)
    log.take_batch()
    return log


def _scan_all(log, match, limit=0):
    """start_filter() then scan() until done; return how many calls it took."""
    log.start_filter(match)
    calls = 1
    while not log.scan(limit):
        calls += 1
    return calls


def test_scan_finds_the_last_matches_newest_first_in_slices():
    """Each scan() looks at one slice; the view then shows the last view_cap matches."""
    log = _kept(*["a%d" % i for i in range(10)], "b", view_cap=3)
    assert _scan_all(log, make_filter("A"), limit=4) == 3
    assert _texts(log.take_view()) == ["a7", "a8", "a9"]
    assert (log.matched, log.dropped, log.in_view) == (10, 7, 3)


def test_batches_wait_while_a_filter_is_searching():
    """Until the view is taken, take_batch() gives nothing, even for new entries."""
    log = _kept("a", "b")
    log.start_filter(make_filter("a"))
    log.add(RECEIVED, "a2")
    assert log.take_batch() == ([], 0)
    assert log.scanning and log.take_view() is None


def test_entries_added_during_a_scan_follow_its_view():
    """A matching entry added mid-scan is drawn after the view, and counted."""
    log = _kept("a1", "b", "a2")
    log.start_filter(make_filter("a"))
    log.scan(1)
    log.add(RECEIVED, "a3")
    log.add(RECEIVED, "b2")
    assert log.scan()
    assert _texts(log.take_view()) == ["a1", "a2"]
    entries, remove = log.take_batch()
    assert (_texts(entries), remove, log.matched) == (["a3"], 0, 3)


def test_entries_that_leave_the_history_during_a_scan_are_not_counted():
    """The scan stops at the oldest entry still kept."""
    log = _kept("a1", "a2", "a3", history_cap=3)
    log.start_filter(make_filter("a"))
    log.scan(1)
    log.add(RECEIVED, "b")
    log.add(RECEIVED, "b")
    assert log.scan()
    assert (_texts(log.take_view()), log.matched) == (["a3"], 1)


def test_a_narrower_filter_searches_only_what_the_last_one_found():
    """Typing on ("a" then "ab") looks only at the last filter's matches."""
    log = _kept(*(["ab"] * 5 + ["x"] * 95))
    _scan_all(log, make_filter("a"))
    log.take_view()
    assert _scan_all(log, make_filter("ab"), limit=5) == 1
    assert len(log.take_view()) == 5


def test_a_narrower_filter_after_an_unfinished_scan_is_still_right():
    """The last scan's unsearched entries are searched too, and new entries as well."""
    log = _kept("ab1", "x", "ab2", "x", "ab3")
    log.start_filter(make_filter("a"))
    log.scan(2)
    log.add(RECEIVED, "ab4")
    _scan_all(log, make_filter("ab"))
    assert _texts(log.take_view()) == ["ab1", "ab2", "ab3", "ab4"]


def test_a_wider_filter_searches_everything_again():
    """Deleting a character ("ab" then "a") searches the whole history."""
    log = _kept("a", "ab", "b")
    _scan_all(log, make_filter("ab"))
    log.take_view()
    _scan_all(log, make_filter("a"))
    assert _texts(log.take_view()) == ["a", "ab"]


def test_no_filter_scans_to_the_last_view_cap_entries():
    """start_filter(None) shows the last entries again, all counted."""
    log = _kept("a", "b", "c", view_cap=2)
    _scan_all(log, make_filter("a"))
    log.take_view()
    _scan_all(log, None)
    assert (_texts(log.take_view()), log.matched, log.dropped) == (["b", "c"], 3, 1)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("add"), st.text("abc", max_size=3)),
            st.tuples(st.just("filter"), st.text("abc", max_size=2)),
            st.tuples(st.just("scan"), st.integers(0, 3)),
            st.tuples(st.just("draw"), st.none()),
        ),
        max_size=60,
    )
)
def test_the_view_after_any_keystrokes_and_slices_is_the_last_matches(steps):
    """Whatever the order of adds, filters and slices, the finished view is right."""
    log = MessageLog(view_cap=4, history_cap=1000)
    view = []
    for kind, value in steps + [("scan", 0), ("draw", None)]:
        if kind == "add":
            log.add(RECEIVED, value)
        elif kind == "filter":
            log.start_filter(make_filter(value))
        elif kind == "scan":
            log.scan(value)
        else:
            shown = log.take_view()
            if shown is not None:
                view = [entry.seq for entry in shown]
            entries, remove = log.take_batch()
            del view[:remove]
            view.extend([entry.seq for entry in entries])
    match = log._match
    matches = [entry.seq for entry in log.history() if match is None or match(entry)]
    assert view == matches[-4:]
    assert log.matched == len(matches)


# --- clear and restore ---


def test_clear_returns_what_it_removed():
    """clear() hands back the entries it removed, oldest first."""
    log = _kept("a", "b")
    assert _texts(log.clear()) == ["a", "b"] and log.history() == []


def test_restore_puts_entries_back_before_the_new_ones():
    """Entries restored after a clear go before those added since, and are drawn again."""
    log = _kept("a", "b")
    removed = log.clear()
    log.add(RECEIVED, "c")
    log.restore(removed)
    entries, remove = log.take_batch()
    assert _texts(log.history()) == ["a", "b", "c"] and _texts(entries) == ["a", "b", "c"]


def test_restore_keeps_the_history_cap_and_the_filter():
    """The oldest restored entries go past the cap; the filter still applies."""
    log = _kept("a1", "b", "a2", history_cap=3)
    log.set_filter(make_filter("a"))
    removed = log.clear()
    log.add(RECEIVED, "a3")
    log.add(RECEIVED, "b2")
    log.restore(removed)
    assert _texts(log.history()) == ["a2", "a3", "b2"]
    assert _texts(log.take_batch()[0]) == ["a2", "a3"]


def test_restore_skips_entries_still_kept():
    """An entry both kept and restored appears once."""
    log = _kept("a", "b")
    removed = log.clear()
    log.restore(removed)
    log.restore(removed)
    assert _texts(log.history()) == ["a", "b"]
