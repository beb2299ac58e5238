"""wsclient.backoff: reconnect delays with full jitter, and when not to reconnect at all."""

from conformance.runner import table
from wsclient import backoff


def _near_one():
    return backoff.Backoff(500, 30000, lambda: 0.999999)


def _doubling():
    """The first delays with the random draw at its top: each window twice the last."""
    delays = _near_one()
    return [delays.next_delay() for _ in range(8)]


def _capped():
    """After 2008 attempts the window is still the cap."""
    delays = _near_one()
    for _ in range(2008):
        delays.next_delay()
    return [delays.window(), delays.attempt]


def _spread():
    """400 delays from 0 to a 1000 ms window cover all of it: [all in it, low ones, high ones]."""
    delays = backoff.Backoff(1000, 1000)
    drawn = [delays.next_delay() for _ in range(400)]
    return [min(drawn) >= 0 and max(drawn) <= 1000, min(drawn) < 100, max(drawn) > 900]


def _stable():
    """A connection that stayed open 5 s starts the delays again; a shorter one does not."""
    delays = _near_one()
    for _ in range(5):
        delays.next_delay()
    short = [delays.closed_after(4999), delays.attempt]
    return short + [delays.closed_after(5000), delays.attempt]


RETRY = [
    ([1012, True, False, True], [False, "reconnect.user"]),
    ([1008, False, False, True], [False, "reconnect.policy"]),
    ([1003, False, False, True], [False, "reconnect.unsupported"]),
    ([1006, False, True, False], [False, "reconnect.rejected"]),
    ([1006, False, True, True], [True, "reconnect.retry"]),
    ([1000, False, False, True], [False, "reconnect.normal"]),
    ([1001, False, False, True], [True, "reconnect.retry"]),
    ([None, False, False, True], [True, "reconnect.retry"]),
]

CASES = table("should_retry", lambda args: backoff.should_retry(*args), RETRY) + [
    ("delays double", _doubling, [499, 999, 1999, 3999, 7999, 15999, 29999, 29999]),
    ("delays stop at the cap", _capped, [30000, 2008]),
    ("a zero draw waits 0", lambda: backoff.Backoff(rand=lambda: 0.0).next_delay(), 0),
    ("a NaN draw waits 0", lambda: backoff.Backoff(rand=lambda: float("nan")).next_delay(), 0),
    ("delays spread over the window", _spread, [True, True, True]),
    ("a stable connection resets", _stable, [False, 5, True, 0]),
]
