"""The keyboard shortcuts: carries out what wsclient.shortcuts.action decides, and their list."""

from pyscript import window

from ui import bridge, clock
from wsclient.events import ClearLog
from wsclient.shortcuts import CLEAR, CLOSE_DRAWER, FILTER, KEYS_KEY, LEAVE, SEND, action

__all__ = ["Shortcuts"]

_FIELDS = ("INPUT", "TEXTAREA", "SELECT")


class Shortcuts:
    """Listens to the keys on the whole page, and keeps whether single keys are on.

    That choice is the user's only, kept in storage as "0" when off; a storage that
    refuses it leaves the choice for this page's life.
    """

    def __init__(self, document, feed, workbench) -> None:
        self._document = document
        self._feed = feed
        self._workbench = workbench
        self._mac = "Mac" in str(window.navigator.platform)
        self._single = str(bridge.load(KEYS_KEY)[0]) != "0"
        self._box = document.getElementById("single-keys")
        self._box.checked = self._single
        self._dialog = document.getElementById("shortcuts")

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler); "" is the document."""
        listen("", "keydown", self._key)
        listen("single-keys", "change", self._single_keys)
        listen("shortcuts-button", "click", lambda event: self._dialog.showModal())
        listen("shortcuts-close", "click", lambda event: self._dialog.close())

    def handlers(self) -> dict:
        """This part carries out no command of the core's."""
        return {}

    def _single_keys(self, event) -> None:
        self._single = bool(self._box.checked)
        bridge.store(KEYS_KEY, "1" if self._single else "0")

    def _focus(self) -> str:
        active = self._document.activeElement
        if active and active.closest("#input-form"):
            return "composer"
        # The script's editor keeps Esc for itself: Esc, then Tab, leaves it.
        if active and active.closest("#script-editor"):
            return "field"
        if active and active.closest("#side-panel") and self._workbench.is_drawer():
            return "drawer"
        if active and (str(active.tagName) in _FIELDS or active.isContentEditable):
            return "field"
        return "page"

    def _key(self, event) -> None:
        if event.defaultPrevented or event.isComposing or self._dialog.open:
            return
        what = action(
            str(event.key),
            bool(event.ctrlKey),
            bool(event.metaKey),
            bool(event.shiftKey),
            bool(event.altKey),
            self._focus(),
            self._mac,
            self._single,
        )
        if what is None:
            return
        event.preventDefault()
        get = self._document.getElementById
        if what == SEND:
            get("input-form").requestSubmit()
        elif what == CLEAR:
            self._feed(ClearLog(clock.now()))
        elif what == FILTER:
            get("filter").focus()
        elif what == LEAVE:
            get("messages").focus()
        elif what == CLOSE_DRAWER:
            self._workbench.close_drawer()
