"""Draws the session into the DOM: the status at once, the log once per animation frame."""

import js
from pyscript.ffi import create_proxy

from wsclient import i18n
from wsclient.log import RECEIVED, SENT, SYSTEM

__all__ = ["View"]

_LABELS = {SENT: "label.sent", RECEIVED: "label.received", SYSTEM: "label.system"}


class View:
    """The page's elements, written only from session state."""

    def __init__(self, document, session):
        self._document = document
        self._session = session
        self._status = document.getElementById("status")
        self._list = document.getElementById("messages")
        self._dropped = document.getElementById("dropped")
        lang = session.lang
        self._templates = {
            kind: self._template(kind, i18n.t(lang, key)) for kind, key in _LABELS.items()
        }
        self._binary = i18n.t(lang, "binary", size="{size}")
        self._frame = create_proxy(self._draw)
        self._scheduled = False

    def translate(self):
        """Replace the page's pt-BR texts when another language was chosen."""
        lang = self._session.lang
        if lang == "pt-BR":
            return
        self._document.documentElement.lang = lang
        self._document.title = i18n.t(lang, "title")
        for node in self._document.querySelectorAll("[data-i18n]"):
            node.textContent = i18n.t(lang, node.dataset.i18n)
        for node in self._document.querySelectorAll("[data-i18n-placeholder]"):
            node.placeholder = i18n.t(lang, node.dataset.i18nPlaceholder)
        self._list.setAttribute("aria-label", i18n.t(lang, "log.label"))

    def status(self):
        """Show the session's status line now."""
        session = self._session
        self._status.className = session.status_class
        self._status.textContent = session.status_text

    def schedule(self):
        """Draw the log at the next animation frame, once however many entries arrive."""
        if not self._scheduled:
            self._scheduled = True
            js.requestAnimationFrame(self._frame)

    def _draw(self, _timestamp):
        self._scheduled = False
        log = self._session.log
        entries, remove = log.take_batch()
        ul = self._list
        if remove:
            self._remove_oldest(ul, remove)
        if entries:
            stick = ul.scrollHeight - ul.scrollTop - ul.clientHeight < 40
            ul.append(*[self._item(entry) for entry in entries])
            if stick:
                ul.scrollTop = ul.scrollHeight
        if log.dropped:
            self._dropped.hidden = False
            self._dropped.textContent = i18n.t(self._session.lang, "log.dropped", count=log.dropped)
        else:
            self._dropped.hidden = True

    def _remove_oldest(self, ul, count):
        """Remove the first count entries with a few calls, not one per entry."""
        if count >= ul.childElementCount:
            ul.replaceChildren()
            return
        doomed = self._document.createRange()
        doomed.setStartBefore(ul.firstElementChild)
        doomed.setEndAfter(ul.children.item(count - 1))
        doomed.deleteContents()

    def _item(self, entry):
        # A clone of a ready-made "li > span label" costs one call instead of five.
        li = self._templates[entry.direction].cloneNode(True)
        # append() with a string makes a text node: a payload is never parsed as HTML.
        li.append(entry.text)
        if entry.binary:
            meta = self._document.createElement("small")
            meta.className = "meta"
            meta.textContent = " (" + self._binary.replace("{size}", str(entry.size)) + ")"
            li.append(meta)
        return li

    def _template(self, direction, label):
        create = self._document.createElement
        li = create("li")
        li.className = direction
        span = create("span")
        span.textContent = label
        li.append(span, " ")
        return li
