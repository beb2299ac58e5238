"""Draws the message log: at once while traffic is light, once per animation frame in a flood."""

import js
from pyscript.ffi import create_proxy, is_none

from ui import bridge
from ui.text import call_with_text
from wsclient import i18n, present
from wsclient.binary import hex_dump
from wsclient.client import LABELS
from wsclient.commands import Draw, EntryChanged, Relayout, ShowDump
from wsclient.log import SENT

__all__ = ["LogView"]

# Draws per animation frame made at once, before a flood is batched per frame.
IMMEDIATE = 4
# Entries at the end of a drawn batch that get their meta line at once.
META_TAIL = 40
# A binary entry's dump shows this many lines until "show all" is pressed.
DUMP_LINES = 8


class LogView:
    """The ul#messages list, drawn from the core's MessageLog.

    The view keeps its own map from entry number to element for the sent entries
    whose state may still change; the core's entries hold no DOM element.
    """

    def __init__(self, document, client, texts, guard) -> None:
        self._document = document
        self._log = client.log
        self._clock = client.clock
        self._texts = texts
        self._lang = lang = client.lang
        self._list = document.getElementById("messages")
        self._templates = {
            kind: self._template(kind, i18n.t(lang, key)) for kind, key in LABELS.items()
        }
        self._kinds = {"text": i18n.t(lang, "type.text"), "binary": i18n.t(lang, "type.binary")}
        self._pretty = False
        # seq -> (li, entry) for sent entries whose state may still change.
        self._live: dict = {}
        self._changed: list = []
        # Whether some entries were drawn without their meta line (see fill_meta).
        self._bare = False
        self._frame = create_proxy(guard(self._on_frame))
        self._frame_pending = False
        self._dirty = False
        self._immediate = 0

    def handlers(self) -> dict:
        """The commands this view carries out."""
        return {
            Draw: self.schedule,
            EntryChanged: self._entry_changed,
            Relayout: self._relayout,
            ShowDump: self._show_dump,
        }

    def _entry_changed(self, command: EntryChanged) -> None:
        self._changed.append(command.seq)
        self.schedule()

    def _relayout(self, command: Relayout) -> None:
        self._pretty = command.pretty

    def schedule(self, command=None) -> None:
        """Draw what changed: at once while traffic is light, else once per frame.

        The first IMMEDIATE draws of a frame happen at once, so an echo shows
        about a millisecond after it arrives instead of at the next frame; past
        that, a flood is drawn once per frame however many messages arrive.
        """
        if self._immediate < IMMEDIATE:
            self._immediate += 1
            self._draw()
        else:
            self._dirty = True
        if not self._frame_pending:
            self._frame_pending = True
            js.requestAnimationFrame(self._frame)

    def _on_frame(self, _timestamp) -> None:
        self._frame_pending = False
        self._immediate = 0
        if self._dirty:
            self._dirty = False
            self._draw()
            self._frame_pending = True
            js.requestAnimationFrame(self._frame)

    def _draw(self) -> None:
        log = self._log
        entries, remove = log.take_batch()
        if self._changed:
            for seq in self._changed:
                self._restate(seq)
            self._changed = []
        ul = self._list
        if remove:
            self._remove_oldest(ul, remove)
        if entries:
            stick = ul.scrollHeight - ul.scrollTop - ul.clientHeight < 40
            # In a big batch only the last entries can be in sight: the others get
            # their meta line when the user scrolls up to them (see fill_meta).
            bare = len(entries) - META_TAIL
            items = [self._item(entry, i < bare) for i, entry in enumerate(entries)]
            ul.append(*items)
            if bare > 0:
                self._bare = True
            if stick or remove >= ul.childElementCount:
                ul.scrollTop = ul.scrollHeight
        texts = self._texts
        if log.filtered or texts.shown("filter-count") is not None:
            count = None
            if log.filtered:
                count = i18n.t(self._lang, "filter.count", matched=log.matched, total=log.kept)
            texts.say("filter-count", count)
        dropped = None
        if log.dropped:
            dropped = i18n.t(self._lang, "log.dropped", count=log.dropped)
        texts.say("dropped", dropped)

    def _remove_oldest(self, ul, count: int) -> None:
        """Remove the first count entries with a few calls, not one per entry."""
        if count >= ul.childElementCount:
            ul.replaceChildren()
            return
        doomed = self._document.createRange()
        doomed.setStartBefore(ul.firstElementChild)
        doomed.setEndAfter(ul.children.item(count - 1))
        doomed.deleteContents()

    def fill_meta(self, event=None) -> None:
        """Give every entry drawn without its meta line one: the user is about to
        scroll the list, so a flood's entries get it only when someone can see them."""
        if not self._bare:
            return
        self._bare = False
        seqs = str(bridge.bare_seqs(self._list))
        if not seqs:
            return
        log, clock, kinds = self._log, self._clock, self._kinds
        metas = []
        for seq in seqs.split(","):
            entry = log.at(int(seq))
            metas.append("" if entry is None else present.meta(entry, clock, kinds))
        bridge.set_metas(self._list, "\n".join(metas))

    def _item(self, entry, bare: bool = False):
        # The time, size and type, drawn by CSS: the li's text stays label + payload.
        bare = bare and not entry.binary
        meta = "" if bare else present.meta(entry, self._clock, self._kinds)
        # A clone of a ready-made "li > span label" costs one call instead of five.
        template = self._templates[entry.direction]
        if entry.binary:
            li = template.cloneNode(True)
            if meta:
                li.setAttribute("data-meta", meta)
            self._dump(li, entry)
        else:
            text, truncated = present.entry_text(entry, self._pretty)
            if "\x00" in text:
                li = template.cloneNode(True)
                if meta:
                    li.setAttribute("data-meta", meta)
                call_with_text(li, "append", text)
            else:
                # One FFI call per entry: this runs for every message of a flood.
                li = bridge.make_item(template, text, meta, entry.seq)
            if truncated:
                li.append(self._small("meta", " " + present.truncated_note(entry, self._lang)))
        message = entry.message
        if message is not None and not message.done:
            self._live[entry.seq] = (li, entry)
        if message is not None:
            self._mark(li, entry)
        return li

    def _dump(self, li, entry) -> None:
        """An offset / hex / ASCII dump of the bytes held, its first lines only at first."""
        data = entry.payload if entry.payload is not None else b""
        lines = hex_dump(data, limit=16 * (DUMP_LINES + 1))
        pre = self._document.createElement("pre")
        pre.className = "dump"
        pre.textContent = "\n".join(lines[:DUMP_LINES])
        li.append(pre)
        if len(lines) > DUMP_LINES:
            li.dataset.seq = str(entry.seq)
            button = self._document.createElement("button")
            button.type = "button"
            button.className = "show-all"
            button.textContent = i18n.t(self._lang, "button.show_all")
            li.append(button)
        li.append(self._small("meta", " (" + present.binary_note(entry, self._lang) + ")"))

    def _show_dump(self, command: ShowDump) -> None:
        li = self._list.querySelector('li[data-seq="%d"]' % command.seq)
        if is_none(li):
            return
        if command.text is not None:
            li.querySelector("pre.dump").textContent = command.text
        button = li.querySelector("button.show-all")
        if not is_none(button):
            button.remove()

    def _small(self, cls: str, text: str):
        small = self._document.createElement("small")
        small.className = cls
        small.dir = "ltr"
        small.textContent = text
        return small

    def _restate(self, seq: int) -> None:
        live = self._live.get(seq)
        if live is None:
            return
        li, entry = live
        self._mark(li, entry)
        if entry.message.done:
            del self._live[seq]

    def _mark(self, li, entry) -> None:
        """Show a sent entry's state: a class on the li and a marker after the text,
        and, while its message waits for a socket, a button that discards it."""
        note = present.state_note(entry, self._lang)
        li.className = SENT + " " + entry.state if note else SENT
        marker = li.querySelector("small.state")
        if note:
            if is_none(marker):
                marker = self._small("state", "")
                li.append(marker)
            marker.textContent = " (" + note + ")"
        elif not is_none(marker):
            marker.remove()
        button = li.querySelector("button.discard")
        if entry.message.waiting:
            if is_none(button):
                li.append(self._discard_button(entry))
        elif not is_none(button):
            if button.matches(":focus"):
                # The focus stays in the log rather than falling back to the page.
                self._list.focus()
            button.remove()

    def _discard_button(self, entry):
        button = self._document.createElement("button")
        button.type = "button"
        button.className = "discard"
        button.dataset.seq = str(entry.seq)
        button.textContent = i18n.t(self._lang, "button.discard")
        button.setAttribute("aria-label", present.discard_label(entry, self._lang))
        return button

    def _template(self, direction: str, label: str):
        create = self._document.createElement
        li = create("li")
        li.className = direction
        # dir=auto takes the direction of the payload's first strong character: the
        # label, with a dir of its own, is skipped, so Arabic or Hebrew reads right.
        li.dir = "auto"
        span = create("span")
        span.dir = "ltr"
        span.textContent = label
        li.append(span, " ")
        return li
