"""The counters, the round trips and the screen reader's summaries of arrivals."""

from wsclient import present
from wsclient.commands import Announce, Measurements
from wsclient.log import RECEIVED, SENT

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.plain import Plain
    from wsclient.session import Session

__all__ = ["ANNOUNCE_MS", "Measures"]

# The live region speaks at most this often, however fast messages arrive.
ANNOUNCE_MS = 2000


class Measures:
    """What the measurements line shows, written only when it changes, and the arrivals
    the announcer has summed up."""

    def __init__(self, lang: str, session: "Session", out: "list[Plain]") -> None:
        self.lang = lang
        self.session = session
        self.out = out
        self._shown: "Measurements | None" = None
        self._announced = 0
        self._announced_at = 0.0

    def reset(self) -> None:
        """The counters start again from zero (and so do the arrivals announced)."""
        self.session.stats.reset()
        self.session.outbox.forget_rtts()
        self._announced = 0

    def show(self, now: float) -> None:
        """Show the counters and round trips, and have screen readers sum up arrivals."""
        snapshot = self.session.stats.snapshot(now)
        outbox = self.session.outbox
        last, median = outbox.last_rtt, outbox.median_rtt()
        measures = Measurements(
            present.stats_line("stats.sent", snapshot[SENT], self.lang),
            present.stats_line("stats.received", snapshot[RECEIVED], self.lang),
            present.rtt_line(last, median, self.lang),
        )
        if measures != self._shown:
            self._shown = measures
            self.out.append(measures)
        received = snapshot[RECEIVED]["messages"]
        new = received - self._announced
        if new > 0 and now - self._announced_at >= ANNOUNCE_MS:
            self._announced = received
            self._announced_at = now
            self.out.append(Announce(present.announcement(new, self.lang)))
