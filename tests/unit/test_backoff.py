"""Tests of wsclient.backoff: reconnect delays and when not to reconnect."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient import i18n
from wsclient.backoff import Backoff, should_retry

ALMOST_ONE = 1 - 2**-53


def _delays(backoff, count):
    return [backoff.next_delay() for _ in range(count)]


def test_first_window_is_base():
    """The first delay is drawn from [0, base_ms]."""
    assert Backoff(base_ms=500).window() == 500


def test_window_doubles_each_attempt():
    """Each attempt doubles the window."""
    backoff = Backoff(base_ms=500, cap_ms=30000, rand=lambda: 0)
    windows = []
    for _ in range(5):
        windows.append(backoff.window())
        backoff.next_delay()
    assert windows == [500, 1000, 2000, 4000, 8000]


def test_window_stops_at_cap():
    """After enough attempts the window stays at cap_ms."""
    backoff = Backoff(base_ms=500, cap_ms=30000, rand=lambda: 0)
    _delays(backoff, 1000)
    assert backoff.window() == 30000


def test_next_delay_increments_attempt():
    """Every next_delay() counts one attempt."""
    backoff = Backoff()
    _delays(backoff, 3)
    assert backoff.attempt == 3


def test_zero_rand_gives_zero_delay():
    """Full jitter reaches the bottom of the window."""
    assert _delays(Backoff(rand=lambda: 0.0), 20) == [0] * 20


def test_rand_near_one_gives_nearly_the_window():
    """Full jitter reaches the top of the window."""
    backoff = Backoff(base_ms=500, cap_ms=30000, rand=lambda: ALMOST_ONE)
    assert _delays(backoff, 8) == [499, 999, 1999, 3999, 7999, 15999, 29999, 29999]


def test_default_rand_spreads_over_the_window():
    """With random.random the delays cover the whole window, not one corner of it."""
    backoff = Backoff(base_ms=1000, cap_ms=1000)
    delays = _delays(backoff, 400)
    assert min(delays) < 100 and max(delays) > 900


def test_reset_starts_over():
    """reset() brings the window back to base_ms."""
    backoff = Backoff(base_ms=500, rand=lambda: ALMOST_ONE)
    _delays(backoff, 5)
    backoff.reset()
    assert (backoff.attempt, backoff.next_delay()) == (0, 499)


def test_closed_after_short_connection_keeps_backing_off():
    """A connection that dropped before stable_ms does not reset the backoff."""
    backoff = Backoff(stable_ms=5000)
    _delays(backoff, 4)
    assert backoff.closed_after(4999) is False
    assert backoff.attempt == 4


def test_closed_after_stable_connection_resets():
    """A connection that stayed open stable_ms resets the backoff."""
    backoff = Backoff(stable_ms=5000)
    _delays(backoff, 4)
    assert backoff.closed_after(5000) is True
    assert backoff.attempt == 0


@pytest.mark.parametrize("args", [(0, 1000), (500, 0), (-1, 1000)])
def test_backoff_rejects_non_positive_times(args):
    """base_ms and cap_ms below 1 raise ValueError."""
    with pytest.raises(ValueError):
        Backoff(*args)


@given(
    st.integers(1, 100_000),
    st.integers(1, 100_000),
    st.integers(0, 200),
    st.floats(0, 1, exclude_max=True),
)
def test_delay_stays_in_its_window(base, cap, attempt, r):
    """Attempt n waits between 0 and min(cap, base * 2**n), whatever the numbers."""
    backoff = Backoff(base_ms=base, cap_ms=cap, rand=lambda: r)
    backoff.attempt = attempt
    delay = backoff.next_delay()
    assert isinstance(delay, int)
    assert 0 <= delay <= min(cap, base * 2**attempt)
    assert backoff.attempt == attempt + 1


@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=60))
def test_default_delays_never_exceed_thirty_seconds(values):
    """With the default caps no delay is above 30 s or below 0, even when rand misbehaves."""
    draws = iter(values)
    backoff = Backoff(rand=lambda: next(draws))
    delays = _delays(backoff, len(values))
    assert all(0 <= delay <= 30000 for delay in delays)


# (code, user_closed, handshake_failed, was_open) -> (retry, reason key)
RULES = [
    ((1000, True, False, True), (False, "reconnect.user")),
    ((1006, True, True, False), (False, "reconnect.user")),
    ((1008, False, False, True), (False, "reconnect.policy")),
    ((3000, False, False, True), (False, "reconnect.policy")),
    ((3003, False, False, True), (False, "reconnect.policy")),
    ((1003, False, False, True), (False, "reconnect.unsupported")),
    ((1006, False, True, False), (False, "reconnect.rejected")),
    ((1000, False, False, True), (False, "reconnect.normal")),
    ((1006, False, True, True), (True, "reconnect.retry")),
    ((1006, False, False, True), (True, "reconnect.retry")),
    ((1001, False, False, True), (True, "reconnect.retry")),
    ((1005, False, False, True), (True, "reconnect.retry")),
    ((1011, False, False, True), (True, "reconnect.retry")),
    ((1012, False, False, True), (True, "reconnect.retry")),
    ((1013, False, False, True), (True, "reconnect.retry")),
    ((1014, False, False, True), (True, "reconnect.retry")),
    ((4000, False, False, True), (True, "reconnect.retry")),
]


@pytest.mark.parametrize(("args", "expected"), RULES, ids=[str(args) for args, _ in RULES])
def test_should_retry_follows_the_rules(args, expected):
    """Each close gets the decision and reason its rule gives."""
    assert should_retry(*args) == expected


def test_user_close_wins_over_everything():
    """After the user's own close there is no retry, whatever the code."""
    assert should_retry(1012, True, False, True) == (False, "reconnect.user")


def test_first_attempt_that_never_opened_is_not_retried():
    """A first connection that never opened is left for the user to fix."""
    assert should_retry(1006, False, True, False)[0] is False


def test_failed_reconnect_to_a_server_that_worked_is_retried():
    """A restarting server refuses connections for a while; reconnects keep trying."""
    assert should_retry(1006, False, True, True)[0] is True


@given(
    st.one_of(st.none(), st.integers(-10, 6000), st.text(max_size=3)),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_reason_key_has_texts(code, user_closed, handshake_failed, was_open):
    """Every decision comes with a reason that both languages translate."""
    retry, key = should_retry(code, user_closed, handshake_failed, was_open)
    assert isinstance(retry, bool)
    for lang in i18n.LANGS:
        assert i18n.t(lang, key) != key


@pytest.mark.parametrize("key", ["reconnect.countdown", "reconnect.attempt"])
def test_reconnect_texts_take_their_number(key):
    """The countdown and attempt texts fill in their number."""
    text = i18n.t("en", key, seconds=3, attempt=3)
    assert "3" in text and "{" not in text
