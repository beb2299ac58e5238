"""Reconnecting by itself: when the next try is due, and the countdown the page shows."""

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
        auto: whether the user wants them.
        at: when the next try is due (wall-clock milliseconds), or None.
        backoff: the delays between tries.
    """

    def __init__(self, rand: "Callable[[], float] | None" = None) -> None:
        self.auto = False
        self.at: "float | None" = None
        self.backoff = Backoff(rand=rand)
        self._shown: "str | None" = None

    def plan(
        self, code: int, user_closed: bool, handshake_failed: bool, was_open: bool, now: float
    ) -> "str | None":
        """A connection closed: plan the next try, if automatic reconnects are on and allowed.

        Returns:
            The i18n key of why no try is planned, when the user should know; else None.
        """
        if not self.auto:
            return None
        retry, key = should_retry(code, user_closed, handshake_failed, was_open)
        if retry:
            self.at = now + self.backoff.next_delay()
            return None
        return None if user_closed else key

    def due(self, now: float) -> bool:
        """Whether the planned try is due."""
        return self.at is not None and now >= self.at

    def stop(self) -> None:
        """Plan no try: the user stopped them, or a connection is being made."""
        self.at = None

    def countdown(self, now: float, lang: str) -> "Countdown | None":
        """The countdown to show, when it changed since the last one shown; else None."""
        text = None
        if self.at is not None:
            seconds = max(0, int((self.at - now + 999) // 1000))
            text = i18n.t(lang, "reconnect.countdown", seconds=seconds)
        if text == self._shown:
            return None
        self._shown = text
        return Countdown(text)
