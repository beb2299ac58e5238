"""Draws the message log: at once while traffic is light, once per animation frame in a flood."""

import js
from pyscript.ffi import create_proxy, is_none

from ui import bridge
from ui.decoded import decoded_item
from ui.follow import Follow, Hold, at_end
from ui.text import call_with_text
from wsclient import i18n, pages, present
from wsclient.binary import hex_dump
from wsclient.client import LABELS
from wsclient.commands import Draw, EntryChanged, Relayout
from wsclient.log import SENT

__all__ = ["LogView"]

# Draws per animation frame made at once, before a flood is batched per frame.
IMMEDIATE = 4
# Entries at the end of a drawn batch that get their meta line at once.
META_TAIL = 40
# A filter's result may need a thousand entries the list does not show yet: they are
# drawn this many per frame, newest first, so that no keystroke waits for them all.
VIEW_SLICE = 50
# A binary entry's dump shows this many bytes until "show all" is pressed.
DUMP_BYTES = pages.DUMP_BYTES
# Screens too narrow for a dump of 16 bytes a line (about 78 characters) get 8.
NARROW = "(max-width: 47.99rem)"


class LogView:
    """The ul#messages list, drawn from the core's MessageLog.

    The view keeps its own map from entry number to element for the sent entries
    whose state may still change; the core's entries hold no DOM element.
    """

    def __init__(self, document, client, texts, guard) -> None:
        self._document = document
        self._log = client.log
        self._frames = client.session.frames
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
        # Entries of a filter's result still to draw, oldest first, and the number
        # from which they get their meta line at once (the last META_TAIL of it).
        self._rest: list = []
        self._meta_from = 0
        self._narrow = js.matchMedia(NARROW)
        self._frame = create_proxy(guard(self._on_frame))
        self._frame_pending = False
        self._dropped_shown = 0  # the count #dropped says, so it is written only on change
        self._dirty = False
        self._immediate = 0
        self.follow = Follow(document, lang, guard)
        self._hold = Hold(self._list)

    def handlers(self) -> dict:
        """The commands this view carries out."""
        return {
            Draw: self.schedule,
            EntryChanged: self._entry_changed,
            Relayout: self._relayout,
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
        view = log.take_view()
        if view is not None:
            self._show_view(view)
        if self._rest:
            self._draw_rest()
            if self._rest:
                self._dirty = True  # more at the next frame; new entries wait for them
                return
        entries, remove = log.take_batch()
        ul = self._list
        # Read before this frame's writes, while the layout is still the one painted:
        # a read after them would lay out the whole list once more, every frame.
        stick = bool(entries) and at_end(ul)
        held = self._hold.measure(remove) if remove and entries else 0.0
        if self._changed:
            for seq in self._changed:
                self._restate(seq)
            self._changed = []
        if remove:
            self._remove_oldest(ul, remove)
            if not held:
                self._hold.drop()
        if entries:
            # In a big batch only the last entries can be in sight: the others get
            # their meta line when the user scrolls up to them (see fill_meta).
            bare = len(entries) - META_TAIL
            items = [self._item(entry, i < bare) for i, entry in enumerate(entries)]
            ul.append(*items)
            if held:
                self._hold.removed(held)
            if bare > 0:
                self._bare = True
            followed = stick or remove >= ul.childElementCount
            if followed:
                ul.scrollTop = ul.scrollHeight
            self.follow.drawn(len(entries), followed)
        texts = self._texts
        if log.scanning:
            return  # the counts come with the filter's result
        if log.filtered or texts.shown("filter-count") is not None:
            count = None
            if log.filtered:
                count = present.filter_count(log.matched, log.kept, self._lang)
            texts.say("filter-count", count)
        if log.dropped != self._dropped_shown:
            self._dropped_shown = count = log.dropped
            texts.say("dropped", present.dropped_note(count, self._lang) if count else None)

    def _show_view(self, view: list) -> None:
        """Show a new filter's result: keep the entries shown already, draw the others."""
        ul = self._list
        missing = str(bridge.keep_only(ul, ",".join([str(entry.seq) for entry in view])))
        self._rest = []
        if missing:
            numbers = set([int(seq) for seq in missing.split(",")])
            self._rest = [entry for entry in view if entry.seq in numbers]
            self._meta_from = view[max(0, len(view) - META_TAIL)].seq
        self._hold.drop()
        ul.scrollTop = ul.scrollHeight

    def _draw_rest(self) -> None:
        """Draw the next slice of a filter's result, newest first, each in its place."""
        rest = self._rest
        chunk = rest[-VIEW_SLICE:]
        self._rest = rest[: len(rest) - len(chunk)]
        meta_from = self._meta_from
        items = [self._item(entry, entry.seq < meta_from) for entry in chunk]
        bridge.insert_in_order(self._list, *items)
        if chunk[0].seq < meta_from:
            self._bare = True
        self._list.scrollTop = self._list.scrollHeight

    def _remove_oldest(self, ul, count: int) -> None:
        """Remove the first count entries with a few calls, not one per entry."""
        if count >= ul.childElementCount:
            ul.replaceChildren()
            return
        doomed = self._document.createRange()
        doomed.setStartBefore(ul.firstElementChild)
        doomed.setEndAfter(ul.children.item(count - 1))
        doomed.deleteContents()

    def key(self, event) -> None:
        """A key on the list: the entries get their meta lines first; End then goes to
        the live end (Follow.end_key)."""
        self.fill_meta()
        self.follow.end_key(event)

    def fill_meta(self, event=None) -> None:
        """Give every entry drawn without its meta line one: the user is about to
        scroll the list, so a flood's entries get it only when someone can see them.
        The space kept for removed entries goes too (Hold)."""
        self._hold.settle()
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
            metas.append("" if entry is None else present.meta(entry, clock, kinds, self._lang))
        bridge.set_metas(self._list, "\n".join(metas))

    def _item(self, entry, bare: bool = False):
        # The time, size and type, drawn by CSS: the li's text stays label + payload.
        bare = bare and not entry.binary
        meta = "" if bare else present.meta(entry, self._clock, self._kinds, self._lang)
        # A clone of a ready-made "li > span label" costs one call instead of five.
        template = self._templates[entry.direction]
        if entry.decoded is not None:
            li = decoded_item(self, template.cloneNode(True), entry, meta)
        elif entry.binary:
            li = template.cloneNode(True)
            li.dataset.seq = str(entry.seq)
            if meta:
                li.setAttribute("data-meta", meta)
            self._dump(li, entry)
        else:
            text, truncated = present.entry_text(entry, self._pretty)
            if "\x00" in text:
                li = template.cloneNode(True)
                li.dataset.seq = str(entry.seq)
                if meta:
                    li.setAttribute("data-meta", meta)
                call_with_text(li, "append", text)
            else:
                # One FFI call per entry: this runs for every message of a flood.
                li = bridge.make_item(template, text, meta, entry.seq)
            if truncated:
                self._long_text(li, entry, len(text))
        message = entry.message
        if message is not None and not message.done:
            self._live[entry.seq] = (li, entry)
        if message is not None:
            self._mark(li, entry)
        return li

    def _long_text(self, li, entry, shown: int) -> None:
        """The note after a long text's start, and its buttons: show more, format JSON."""
        kept = self._frames.kept(entry)
        li.dataset.seq = str(entry.seq)
        li.dataset.shown = str(shown)
        li.append(self._small("meta", " " + present.truncated_note(entry, self._lang, kept)))
        for cls, label in zip(("show-all", "format-json"), pages.buttons(entry, kept, self._lang)):
            if label is not None:
                li.append(self._button(cls, label))

    def _button(self, cls: str, label: str):
        button = self._document.createElement("button")
        button.type = "button"
        button.className = cls
        button.textContent = label
        return button

    def _dump(self, li, entry, box=None) -> None:
        """An offset / hex / ASCII dump of the bytes held, its first lines only at first;
        in box, when given, rather than in the entry's li itself."""
        box = li if box is None else box
        data = entry.payload if entry.payload is not None else b""
        width = 8 if self._narrow.matches else 16
        shown = DUMP_BYTES // width
        lines = hex_dump(data, width, DUMP_BYTES + width)
        pre = self._document.createElement("pre")
        pre.className = "dump"
        pre.dataset.width = str(width)
        pre.textContent = "\n".join(lines[:shown])
        box.append(pre)
        if len(lines) > shown:
            # "Show all" pages through the rest (ui/frames.py carries out ShowPage).
            li.dataset.seq = str(entry.seq)
            li.dataset.shown = str(DUMP_BYTES)
            box.append(self._button("show-all", i18n.t(self._lang, "button.show_all")))
        kept = self._frames.kept(entry)
        box.append(self._small("meta", " (" + present.binary_note(entry, self._lang, kept) + ")"))

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
