"""The question about messages waiting for another address, and the discard controls."""

from pyscript.ffi import is_none

from ui import clock
from wsclient.commands import DiscardButton, Question
from wsclient.events import Answer, Discard
from wsclient.pending import DISCARD, KEEP, SEND

__all__ = ["PendingView"]


class PendingView:
    """Turns the answers and the discard buttons into events, and shows the question.

    The question takes the focus when it appears, and gives it back to where it was
    once answered; Escape answers "keep".
    """

    def __init__(self, document, feed) -> None:
        self._document = document
        self._feed = feed
        get = document.getElementById
        self._box = get("pending-question")
        self._text = get("pending-question-text")
        self._send = get("pending-send")
        self._tool = get("discard-pending")
        self._list = get("messages")
        self._return_to = None

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("pending-send", "click", lambda event: self._answer(SEND))
        listen("pending-discard", "click", lambda event: self._answer(DISCARD))
        listen("pending-keep", "click", lambda event: self._answer(KEEP))
        listen("pending-question", "keydown", self._key)
        listen("discard-pending", "click", lambda event: self._feed(Discard(None, clock.now())))
        listen("messages", "click", self._log_clicked)

    def handlers(self) -> dict:
        """The commands this part carries out."""
        return {Question: self.question, DiscardButton: self.discard_button}

    def _answer(self, choice: str) -> None:
        self._feed(Answer(choice, clock.now()))

    def _key(self, event) -> None:
        if event.key == "Escape":
            event.preventDefault()
            self._answer(KEEP)

    def question(self, command: Question) -> None:
        """Show the question, moving the focus to it, or hide it and give the focus back."""
        box = self._box
        if command.text is None:
            if box.hidden:
                return
            had_focus = box.contains(self._document.activeElement)
            box.hidden = True
            if had_focus:
                self._give_focus_back()
            return
        self._text.textContent = command.text
        self._send.textContent = command.send
        if box.hidden:
            self._return_to = self._document.activeElement
            box.hidden = False
            box.focus()

    def _give_focus_back(self) -> None:
        back = self._return_to
        self._return_to = None
        if back is None or is_none(back) or not back.isConnected or back.tagName == "BODY":
            back = self._document.getElementById("message")
        back.focus()

    def discard_button(self, command: DiscardButton) -> None:
        """Label the tool that discards every waiting message, or hide it."""
        tool = self._tool
        if command.text is None:
            focused = tool.matches(":focus")
            tool.hidden = True
            if focused:
                self._list.focus()
            return
        tool.textContent = command.text
        tool.hidden = False

    def _log_clicked(self, event) -> None:
        button = event.target.closest("button.discard")
        if is_none(button):
            return
        # The button goes with its message: the focus moves on to the next one first.
        self._next_discard(button).focus()
        self._feed(Discard(int(button.dataset.seq), clock.now()))

    def _next_discard(self, button):
        """The discard button after this one, else the one before, else the log itself."""
        buttons = self._list.querySelectorAll("button.discard")
        count = int(buttons.length)
        for index in range(count):
            if buttons.item(index).isSameNode(button):
                if index + 1 < count:
                    return buttons.item(index + 1)
                if index > 0:
                    return buttons.item(index - 1)
                break
        return self._list
