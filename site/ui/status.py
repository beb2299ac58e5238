"""The status area: the status line and its "why?", what the server agreed to, the
reconnect countdown, bufferedAmount, the traffic counters and the screen reader's summaries."""

from wsclient.commands import (
    Announce,
    Buffered,
    Countdown,
    Explain,
    Measurements,
    Negotiated,
    Status,
)

__all__ = ["StatusView"]


class StatusView:
    """Carries out the commands that write the status area."""

    def __init__(self, document, texts) -> None:
        self._texts = texts
        self._status = document.getElementById("status")
        self._reconnect = document.getElementById("reconnect")
        self._retry_now = document.getElementById("retry-now")
        self._why = document.getElementById("why")
        self._announcer = document.getElementById("announcer")
        self._text: "str | None" = None

    def handlers(self) -> dict:
        """The commands this view carries out."""
        say = self._texts.say
        return {
            Status: self.status,
            Negotiated: lambda command: say("negotiated", command.text),
            Countdown: self.countdown,
            Explain: self.explain,
            Buffered: lambda command: say("buffered", command.text),
            Measurements: self.measurements,
            Announce: self.announce,
        }

    def status(self, command: Status) -> None:
        self._status.className = command.cls
        # The same text again is not written: the live region would say it again.
        if command.text != self._text:
            self._text = command.text
            self._status.textContent = command.text

    def countdown(self, command: Countdown) -> None:
        # The box holds the "retry now" and "stop" buttons too: it shows with the text.
        self._reconnect.hidden = command.text is None
        # Emptied, not hidden, with the box: as the page starts, so it is the same after.
        self._texts.say("reconnect-text", command.text or "")
        # aria-disabled, not disabled: a button pressed from the keyboard keeps the focus.
        self._retry_now.setAttribute("aria-disabled", "false" if command.waiting else "true")

    def explain(self, command: Explain) -> None:
        """Show the "why?" disclosure with its text, or hide it, closed again."""
        self._why.hidden = command.text is None
        if command.text is None:
            self._why.open = False
        else:
            self._texts.say("why-text", command.text)

    def measurements(self, command: Measurements) -> None:
        say = self._texts.say
        say("stats-sent", command.sent)
        say("stats-received", command.received)
        say("rtt", command.rtt)

    def announce(self, command: Announce) -> None:
        self._announcer.textContent = command.text
