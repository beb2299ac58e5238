"""Tests of wsclient.stats: message counters and rates."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.stats import Stats, median


def test_snapshot_starts_at_zero():
    """Before any message every counter and rate is zero."""
    assert Stats().snapshot(1000.0) == {
        "sent": {"messages": 0, "bytes": 0, "rate": 0, "byte_rate": 0},
        "received": {"messages": 0, "bytes": 0, "rate": 0, "byte_rate": 0},
    }


def test_count_adds_messages_and_bytes_per_direction():
    """Each direction has its own totals."""
    stats = Stats()
    stats.count("sent", 10, 0)
    stats.count("sent", 5, 1)
    stats.count("received", 7, 2)
    snapshot = stats.snapshot(3)
    assert (snapshot["sent"]["messages"], snapshot["sent"]["bytes"]) == (2, 15)
    assert (snapshot["received"]["messages"], snapshot["received"]["bytes"]) == (1, 7)


def test_count_refuses_an_unknown_direction():
    """Only sent and received messages are counted."""
    with pytest.raises(ValueError):
        Stats().count("system", 1, 0)


def test_rate_of_a_steady_stream():
    """100 messages of 10 bytes a second, for a while, is a rate of 100/s and 1000 B/s."""
    stats = Stats()
    for i in range(500):
        stats.count("received", 10, i * 10.0)
    snapshot = stats.snapshot(4995.0)["received"]
    assert snapshot["rate"] == pytest.approx(100, abs=1)
    assert snapshot["byte_rate"] == pytest.approx(1000, abs=10)


def test_rate_forgets_messages_older_than_the_window():
    """A burst long ago no longer counts in the rate, only in the totals."""
    stats = Stats()
    for _ in range(50):
        stats.count("sent", 1, 1000.0)
    snapshot = stats.snapshot(2200.0)["sent"]
    assert (snapshot["rate"], snapshot["messages"]) == (0, 50)


def test_rate_of_a_burst_within_the_window():
    """A burst half a second ago counts fully: 30 messages in a one-second window."""
    stats = Stats()
    for _ in range(30):
        stats.count("sent", 2, 1000.0)
    snapshot = stats.snapshot(1550.0)["sent"]
    assert (snapshot["rate"], snapshot["byte_rate"]) == (30, 60)


def test_rate_weighs_the_bucket_at_the_edge_of_the_window():
    """The oldest bucket counts for the part of it still inside the window."""
    stats = Stats()
    for _ in range(10):
        stats.count("sent", 1, 1000.0)  # the bucket 1000..1100
    assert stats.snapshot(2050.0)["sent"]["rate"] == pytest.approx(5)


def test_window_sets_the_rate_period():
    """A two-second window divides by two seconds."""
    stats = Stats(window_ms=2000)
    for _ in range(40):
        stats.count("received", 1, 100.0)
    assert stats.snapshot(150.0)["received"]["rate"] == 20


def test_window_rounds_up_to_whole_buckets():
    """A window that is not a multiple of 100 ms grows to the next one."""
    assert Stats(window_ms=250).window_ms == 300


def test_window_must_be_positive():
    """A window of no time cannot give a rate."""
    with pytest.raises(ValueError):
        Stats(window_ms=0)


def test_time_going_back_counts_in_the_current_bucket():
    """A clock that steps back does not lose or misplace messages."""
    stats = Stats()
    stats.count("sent", 1, 5000.0)
    stats.count("sent", 1, 4000.0)
    assert stats.snapshot(5000.0)["sent"]["rate"] == 2


def test_reset_zeroes_everything():
    """After reset the counters and rates start again from zero."""
    stats = Stats()
    stats.count("sent", 3, 0)
    stats.reset()
    assert stats.snapshot(10)["sent"] == {"messages": 0, "bytes": 0, "rate": 0, "byte_rate": 0}


@given(
    st.lists(
        st.tuples(st.sampled_from(["sent", "received"]), st.integers(0, 1000), st.integers(0, 400)),
        max_size=60,
    )
)
def test_rate_matches_counting_the_window_by_hand(events):
    """At a bucket boundary the rate is the messages in the last window, counted one by one."""
    stats = Stats()
    now = 0
    times = []
    for direction, size, step in events:
        now += step
        stats.count(direction, size, now)
        times.append((direction, size, now))
    at = (now // 100 + 1) * 100
    snapshot = stats.snapshot(at)
    for direction in ("sent", "received"):
        recent = [size for way, size, when in times if way == direction and when >= at - 1000]
        assert snapshot[direction]["rate"] == pytest.approx(len(recent))
        assert snapshot[direction]["byte_rate"] == pytest.approx(sum(recent))
        everything = [size for way, size, _ in times if way == direction]
        assert snapshot[direction]["messages"] == len(everything)
        assert snapshot[direction]["bytes"] == sum(everything)


def test_median_of_nothing_is_none():
    """No values have no median."""
    assert median([]) is None


@pytest.mark.parametrize("values, middle", [([3], 3.0), ([3, 1, 2], 2.0), ([4, 1, 3, 2], 2.5)])
def test_median_is_the_middle_value(values, middle):
    """The median is the middle value, or the mean of the two middle ones."""
    assert median(values) == middle


@given(st.lists(st.integers(-1000, 1000), min_size=1))
def test_median_splits_the_values(values):
    """At most half of the values lie on either side of the median."""
    middle = median(values)
    assert isinstance(middle, float)
    assert sum(v < middle for v in values) <= len(values) / 2
    assert sum(v > middle for v in values) <= len(values) / 2
