"""The log follows its newest entry, unless the user is reading further up.

While the list is scrolled to its end, each drawn batch scrolls it there again
(LogView). Once the user scrolls up, it stays where they are, and a button over
the list's foot counts what arrived since ("37 novas ↓"); pressing it, or scrolling
back to the end (End on the list), returns to the live end.
"""

from wsclient import present

__all__ = ["Follow", "at_end"]

# How close to the end, in pixels, still counts as at the end.
SLACK = 40


def at_end(ul) -> bool:
    """Whether the list is scrolled to its end, or near enough."""
    return ul.scrollHeight - ul.scrollTop - ul.clientHeight < SLACK


class Follow:
    """The count of entries the user has not scrolled to, and its button."""

    def __init__(self, document, lang: str) -> None:
        self._list = document.getElementById("messages")
        self._button = document.getElementById("new-entries")
        self._lang = lang
        self._count = 0

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("new-entries", "click", self._to_end)
        listen("messages", "scroll", self._scrolled)

    def handlers(self) -> dict:
        """This part carries out no command: LogView tells it what it drew."""
        return {}

    def drawn(self, count: int, followed: bool) -> None:
        """count entries were drawn; followed: the list was scrolled to them."""
        if followed:
            if self._count:
                self._hide()
            return
        self._count += count
        self._button.textContent = present.new_entries(self._count, self._lang)
        self._button.hidden = False

    def _scrolled(self, event) -> None:
        if self._count and at_end(self._list):
            self._hide()

    def _to_end(self, event) -> None:
        ul = self._list
        ul.scrollTop = ul.scrollHeight
        self._hide()
        ul.focus()

    def _hide(self) -> None:
        self._count = 0
        self._button.hidden = True
