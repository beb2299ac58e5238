"""Reconnecting by itself: the outage, when the next try is due, the line the page shows.

An outage begins when a connection drops and the page plans to reconnect. It ends
when a connection opens again, or when reconnecting stops: the user stopped it,
turned it off or connected elsewhere. Its tries are counted, so that the page can
show the attempt and the countdown in place and log the outage once, not each try.
"""

from wsclient import i18n
from wsclient.backoff import Backoff, should_retry
from wsclient.commands import Countdown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable

__all__ = ["Retries"]


class Retries:
    """The automatic reconnects of one page.

    Attributes:
        auto: whether the page reconnects by itself after a drop: the reconnect box.
        at: when the next try is due (wall-clock milliseconds), or None.
        backoff: the delays between tries.
        since: when the outage began, or None while there is none.
        tries: the tries made in this outage; while one connects, it is counted.
        insist: the user turned reconnects on during this outage, so a handshake that
            fails is tried again even when the server never opened a connection.
    """

    def __init__(self, rand: "Callable[[], float] | None" = None) -> None:
        self.auto = False
        self.at: "float | None" = None
        self.backoff = Backoff(rand=rand)
        self.since: "float | None" = None
        self.tries = 0
        self.insist = False
        self._shown: "str | None" = None

    def plan(
        self, code: int, user_closed: bool, handshake_failed: bool, was_open: bool, now: float
    ) -> "str | None":
        """A connection closed: plan the next try, if automatic reconnects are on and allowed.

        A try that is not allowed turns automatic reconnects off, so that the box, the
        status and the log all say the same; the user's own close leaves them on, for
        the next drop.

        Returns:
            The i18n key of why reconnects were turned off; else None.
        """
        if not self.auto:
            return None
        retry, key = should_retry(code, user_closed, handshake_failed, was_open or self.insist)
        if retry:
            if self.since is None:
                self.begin(now)
            self.at = now + self.backoff.next_delay()
            return None
        if user_closed:
            return None
        self.auto = False
        return key

    def begin(self, now: float, insist: bool = False) -> None:
        """An outage begins, no try made yet; insist: see the attribute."""
        self.since = now
        self.tries = 0
        self.insist = insist

    def attempt(self) -> None:
        """A try of the outage starts connecting now."""
        self.at = None
        self.tries += 1

    def end(self) -> "tuple[int, float] | None":
        """The outage ends; return (tries, since), or None when there was none."""
        since = self.since
        self.at = None
        self.since = None
        self.insist = False
        return None if since is None else (self.tries, since)

    def due(self, now: float) -> bool:
        """Whether the planned try is due."""
        return self.at is not None and now >= self.at

    def countdown(self, now: float, lang: str) -> "Countdown | None":
        """The line to show under the status, when it changed since the last one shown.

        While the next try waits: its number and the whole seconds left. While a try
        connects: its number. Outside an outage: nothing (the line hides).
        """
        text = None
        if self.at is not None:
            seconds = max(0, int((self.at - now + 999) // 1000))
            text = i18n.t(lang, "reconnect.countdown", attempt=self.tries + 1, seconds=seconds)
        elif self.since is not None:
            text = i18n.t(lang, "reconnect.trying", attempt=self.tries)
        if text == self._shown:
            return None
        self._shown = text
        return Countdown(text, self.at is not None)
