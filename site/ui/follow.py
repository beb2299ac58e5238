"""The log follows its newest entry, unless the user is reading further up.

While the list is scrolled to its end, each drawn batch scrolls it there again
(LogView). Once the user scrolls up, it stays where they are, and a button over
the list's foot counts what arrived since ("37 novas ↓"); pressing it, or scrolling
back to the end (End on the list), returns to the live end.
"""

import js
from pyscript.ffi import create_proxy

from ui import bridge
from wsclient import present

__all__ = ["Follow", "Hold", "at_end"]

# Frames after End on the list that it is scrolled to the end again, while the layout
# of what was drawn last settles.
END_FRAMES = 3
# How close to the end, in pixels, still counts as at the end.
SLACK = 40


def at_end(ul) -> bool:
    """Whether the list is scrolled to its end, or near enough."""
    return ul.scrollHeight - ul.scrollTop - ul.clientHeight < SLACK


class Follow:
    """The count of entries the user has not scrolled to, and its button."""

    def __init__(self, document, lang: str, guard) -> None:
        self._list = document.getElementById("messages")
        self._button = document.getElementById("new-entries")
        self._lang = lang
        self._count = 0
        self._again = create_proxy(guard(self._end_again))
        self._end_frames = 0

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("new-entries", "click", self.to_end)
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

    def end_key(self, event) -> None:
        """End on the list: the live end, kept for the next frames while the layout of
        what was drawn last settles (the browser's own End scroll sometimes never
        started)."""
        if event.key == "End" and not (event.ctrlKey or event.altKey or event.metaKey):
            event.preventDefault()
            self.to_end()
            self._end_frames = END_FRAMES
            js.requestAnimationFrame(self._again)

    def _end_again(self, _timestamp) -> None:
        ul = self._list
        ul.scrollTop = ul.scrollHeight
        self._end_frames -= 1
        if self._end_frames > 0:
            js.requestAnimationFrame(self._again)

    def to_end(self, event=None) -> None:
        """Back to the live end: the list scrolled to its newest entry, the count gone."""
        ul = self._list
        ul.scrollTop = ul.scrollHeight
        self._hide()
        ul.focus()

    def _hide(self) -> None:
        self._count = 0
        self._button.hidden = True


class Hold:
    """Keeps the entries in sight where they are while the oldest go from above them.

    Removing the oldest entries would move every entry below them up: to the browser,
    and to the eye, a layout shift in every frame of a flood, whether the list follows
    its end or the user reads further up. Instead the first entry left gets a top
    margin as high as what was removed, so what is in sight stays put, and following
    the end is a scroll. (A margin on one entry, not a padding of the list, which
    would grow the list's own box, nor a custom property, which every entry would
    inherit and restyle.) The space goes when the user starts to scroll the list,
    the scroll position with it, so the scrollbar spans the entries alone again; and
    when the list is drawn anew (a clear, a filter).
    """

    # Chrome lays out up to about 33 million pixels: past this the space goes at once.
    LIMIT = 16_000_000

    def __init__(self, ul) -> None:
        self._list = ul
        self._height = 0.0
        self._holder = None  # the entry with the margin

    def measure(self, count: int) -> float:
        """The height of the first count entries: call before the frame's writes."""
        return float(bridge.leading_height(self._list, count))

    def removed(self, height: float) -> None:
        """Entries that took height were removed from the top: hold their space on the
        entry now first (call once this frame's entries are in)."""
        self._height += height
        if self._height > self.LIMIT:
            self.drop()
            return
        first = self._list.firstElementChild
        if first is not None:
            first.style.marginTop = "%.2fpx" % self._height
        self._holder = first

    def settle(self) -> None:
        """The user starts to scroll: take the space back, the scroll position with it.

        Not in a quiet frame of a flood: Chrome reports even this counter-scroll as a
        layout shift of the entries in sight.
        """
        if not self._height:
            return
        ul = self._list
        top = float(ul.scrollTop)
        height = self._height
        self.drop()
        ul.scrollTop = max(0.0, top - height)

    def drop(self) -> None:
        """No space held, wherever the scroll is (the list was drawn anew)."""
        self._height = 0.0
        if self._holder is not None:
            self._holder.style.marginTop = ""
            self._holder = None
