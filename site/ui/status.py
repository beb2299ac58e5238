"""The status area: the status line, what the server agreed to, the reconnect
countdown, bufferedAmount, the traffic counters and the screen reader's summaries."""

from wsclient.commands import Announce, Buffered, Countdown, Measurements, Negotiated, Status

__all__ = ["StatusView"]


class StatusView:
    """Carries out the commands that write the status area."""

    def __init__(self, document, texts) -> None:
        self._texts = texts
        self._status = document.getElementById("status")
        self._reconnect = document.getElementById("reconnect")
        self._reconnect_text = document.getElementById("reconnect-text")
        self._announcer = document.getElementById("announcer")

    def handlers(self) -> dict:
        """The commands this view carries out."""
        say = self._texts.say
        return {
            Status: self.status,
            Negotiated: lambda command: say("negotiated", command.text),
            Countdown: self.countdown,
            Buffered: lambda command: say("buffered", command.text),
            Measurements: self.measurements,
            Announce: self.announce,
        }

    def status(self, command: Status) -> None:
        self._status.className = command.cls
        self._status.textContent = command.text

    def countdown(self, command: Countdown) -> None:
        # The box holds the "retry now" and "stop" buttons too: it shows with the text.
        self._reconnect.hidden = command.text is None
        if command.text is not None:
            self._reconnect_text.textContent = command.text

    def measurements(self, command: Measurements) -> None:
        say = self._texts.say
        say("stats-sent", command.sent)
        say("stats-received", command.received)
        say("rtt", command.rtt)

    def announce(self, command: Announce) -> None:
        self._announcer.textContent = command.text
