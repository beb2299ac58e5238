"""Draws the session into the DOM: the status at once, the log once per animation frame."""

import js
from pyscript.ffi import create_proxy, is_none

from ui.text import call_with_text
from wsclient import i18n, outbox, present
from wsclient.formats import hex_dump, looks_like_json, pretty_json
from wsclient.log import RECEIVED, SENT, SYSTEM

__all__ = ["View"]

# Draws per animation frame made at once, before a flood is batched per frame.
IMMEDIATE = 4
# Text entries above SHOW_BYTES show their first SHOW_CHARS characters only.
SHOW_BYTES = 64 * 1024
SHOW_CHARS = 16 * 1024
_UNSET = object()
# Clone the label template, add the payload as a text node (append() never parses
# HTML) and the meta line, in one call across the FFI instead of five.
_MAKE_ITEM = js.Function.new(
    "template",
    "text",
    "meta",
    "seq",
    "const li = template.cloneNode(true); li.append(text); "
    "if (meta) li.setAttribute('data-meta', meta); else li.dataset.seq = seq; return li;",
)
# The sequence numbers of the entries drawn without a meta line, comma-separated.
_BARE_SEQS = js.Function.new(
    "ul",
    "return Array.from(ul.querySelectorAll('li[data-seq]:not([data-meta])'), "
    "li => li.dataset.seq).join(',');",
)
# Give those entries their meta lines, one per line of metas, in the same order.
_SET_METAS = js.Function.new(
    "ul",
    "metas",
    "const lines = metas.split('\\n');"
    "ul.querySelectorAll('li[data-seq]:not([data-meta])').forEach((li, i) => {"
    "  if (lines[i]) li.setAttribute('data-meta', lines[i]); });",
)
# Entries at the end of a drawn batch that get their meta line at once.
META_TAIL = 40
# A binary entry's dump shows this many lines until "show all" is pressed.
DUMP_LINES = 8
_LABELS = {SENT: "label.sent", RECEIVED: "label.received", SYSTEM: "label.system"}
# Outbox states a sent entry shows; the others (sent, confirmed) need no marker.
_MARKED = {
    outbox.PENDING: "state.pending",
    outbox.FAILED: "state.failed",
    outbox.UNCONFIRMED: "state.unconfirmed",
}


class View:
    """The page's elements, written only from session state."""

    def __init__(self, document, session, guard, clock):
        self._document = document
        self._session = session
        self._clock = clock
        self.pretty = False
        self._status = document.getElementById("status")
        self._list = document.getElementById("messages")
        self._dropped = document.getElementById("dropped")
        self._reconnect = document.getElementById("reconnect")
        self._reconnect_text = document.getElementById("reconnect-text")
        self._buffered = document.getElementById("buffered")
        self._shown_countdown = None
        self._shown_buffered = 0
        self._shown_dropped = 0
        lang = session.lang
        self._templates = {
            kind: self._template(kind, i18n.t(lang, key)) for kind, key in _LABELS.items()
        }
        self._binary = i18n.t(lang, "binary", size="{size}")
        self._kinds = {"text": i18n.t(lang, "type.text"), "binary": i18n.t(lang, "type.binary")}
        self._labels = {kind: i18n.t(lang, key) for kind, key in _LABELS.items()}
        self._shown = {}
        # Whether some entries were drawn without their meta line (see fill_meta).
        self._bare = False
        self._frame = create_proxy(guard(self._on_frame))
        self._frame_pending = False
        self._dirty = False
        self._immediate = 0

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
        """Show the session's status line now, and what the server agreed to while open."""
        session = self._session
        self._status.className = session.status_class
        self._status.textContent = session.status_text
        negotiated = session.negotiated
        if negotiated is None:
            self.say("negotiated", None)
        else:
            lang = session.lang
            text = i18n.t(
                lang,
                "negotiated",
                protocol=negotiated[0] or i18n.t(lang, "negotiated.no_protocol"),
                extensions=negotiated[1] or i18n.t(lang, "negotiated.no_extensions"),
            )
            self.say("negotiated", text)

    def say(self, element_id, text):
        """Write text into the element, or hide it (None); only what changed is touched."""
        if self._shown.get(element_id, _UNSET) == text:
            return
        self._shown[element_id] = text
        element = self._document.getElementById(element_id)
        element.hidden = text is None
        if text is not None:
            call_with_text(element, "replaceChildren", text)

    def measurements(self, snapshot, rtt):
        """Show the traffic counters and the echo round trip."""
        lang = self._session.lang
        self.say("stats-sent", present.stats_line("stats.sent", snapshot[SENT], lang))
        self.say("stats-received", present.stats_line("stats.received", snapshot[RECEIVED], lang))
        self.say("rtt", present.rtt_line(rtt[0], rtt[1], lang))

    def filter_count(self):
        """Say how many kept entries the filter lets through, while one is set."""
        log = self._session.log
        text = None
        if log.filtered:
            lang = self._session.lang
            text = i18n.t(lang, "filter.count", matched=log.matched, total=log.kept)
        self.say("filter-count", text)

    def copy_text(self, entries):
        """Entries as plain text lines, with the labels the list shows."""
        return present.copy_text(entries, self._clock, self._labels)

    def show_all(self, button):
        """Expand a binary entry's dump to every byte the page holds."""
        li = button.closest("li")
        entry = self._session.log.at(int(li.dataset.seq))
        if entry is not None and entry.payload is not None:
            li.querySelector("pre.dump").textContent = "\n".join(hex_dump(entry.payload))
        button.remove()

    def countdown(self, seconds):
        """Show the seconds left before reconnecting, or hide the countdown (None)."""
        if seconds == self._shown_countdown:
            return
        self._shown_countdown = seconds
        self._reconnect.hidden = seconds is None
        if seconds is not None:
            text = i18n.t(self._session.lang, "reconnect.countdown", seconds=seconds)
            self._reconnect_text.textContent = text

    def buffered(self, amount):
        """Show the socket's bufferedAmount while it is not zero."""
        if amount == self._shown_buffered:
            return
        self._shown_buffered = amount
        self._buffered.hidden = not amount
        if amount:
            self._buffered.textContent = i18n.t(self._session.lang, "buffered", bytes=amount)

    def schedule(self):
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

    def _on_frame(self, _timestamp):
        self._frame_pending = False
        self._immediate = 0
        if self._dirty:
            self._dirty = False
            self._draw()
            self._frame_pending = True
            js.requestAnimationFrame(self._frame)

    def _draw(self):
        log = self._session.log
        entries, remove = log.take_batch()
        for entry in self._session.take_changed():
            self._restate(entry)
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
        if log.filtered or self._shown.get("filter-count") is not None:
            self.filter_count()
        if log.dropped != self._shown_dropped:
            self._shown_dropped = log.dropped
            self._dropped.hidden = not log.dropped
            if log.dropped:
                text = i18n.t(self._session.lang, "log.dropped", count=log.dropped)
                self._dropped.textContent = text

    def _remove_oldest(self, ul, count):
        """Remove the first count entries with a few calls, not one per entry."""
        if count >= ul.childElementCount:
            ul.replaceChildren()
            return
        doomed = self._document.createRange()
        doomed.setStartBefore(ul.firstElementChild)
        doomed.setEndAfter(ul.children.item(count - 1))
        doomed.deleteContents()

    def fill_meta(self):
        """Give every entry drawn without its meta line one: the user is about to
        scroll the list, so a flood's entries get it only when someone can see them."""
        if not self._bare:
            return
        self._bare = False
        seqs = str(_BARE_SEQS(self._list))
        if not seqs:
            return
        log, clock, kinds = self._session.log, self._clock, self._kinds
        metas = []
        for seq in seqs.split(","):
            entry = log.at(int(seq))
            metas.append("" if entry is None else present.meta(entry, clock, kinds))
        _SET_METAS(self._list, "\n".join(metas))

    def _item(self, entry, bare=False):
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
            text = entry.text
            long = entry.size > SHOW_BYTES
            if long:
                # Laying out megabytes of text would freeze the page; the entry keeps it all.
                text = text[:SHOW_CHARS]
            elif self.pretty and entry.direction != SYSTEM and looks_like_json(text):
                text = pretty_json(text)
            if "\x00" in text:
                li = template.cloneNode(True)
                if meta:
                    li.setAttribute("data-meta", meta)
                call_with_text(li, "append", text)
            else:
                # One FFI call per entry: this runs for every message of a flood.
                li = _MAKE_ITEM(template, text, meta, entry.seq)
            if long:
                li.append(self._long_text(entry))
        if entry.msg_id is not None:
            entry.item = li
            self._restate(entry)
        return li

    def _dump(self, li, entry):
        """An offset / hex / ASCII dump of the bytes held, its first lines only at first."""
        create = self._document.createElement
        data = entry.payload if entry.payload is not None else b""
        lines = hex_dump(data, limit=16 * (DUMP_LINES + 1))
        pre = create("pre")
        pre.className = "dump"
        pre.textContent = "\n".join(lines[:DUMP_LINES])
        li.append(pre)
        if len(lines) > DUMP_LINES:
            li.dataset.seq = str(entry.seq)
            button = create("button")
            button.type = "button"
            button.className = "show-all"
            button.textContent = i18n.t(self._session.lang, "button.show_all")
            li.append(button)
        meta = create("small")
        meta.className = "meta"
        meta.dir = "ltr"
        if entry.size > len(data):
            text = i18n.t(self._session.lang, "binary.held", size=entry.size, held=len(data))
        else:
            text = self._binary.replace("{size}", str(entry.size))
        meta.textContent = " (" + text + ")"
        li.append(meta)

    def _long_text(self, entry):
        meta = self._document.createElement("small")
        meta.className = "meta"
        meta.dir = "ltr"
        text = i18n.t(self._session.lang, "text.truncated", size=entry.size)
        meta.textContent = " " + text
        return meta

    def _restate(self, entry):
        """Show a sent entry's outbox state: a class on the li and a marker after the text."""
        li = entry.item
        if li is None:
            return
        key = _MARKED.get(entry.state)
        li.className = SENT + " " + entry.state if key else SENT
        marker = li.querySelector("small.state")
        if key:
            if is_none(marker):
                marker = self._document.createElement("small")
                marker.className = "state"
                marker.dir = "ltr"
                li.append(marker)
            text = i18n.t(self._session.lang, key, detail=entry.detail or "")
            marker.textContent = " (" + text + ")"
        elif not is_none(marker):
            marker.remove()
        if entry.state in (outbox.CONFIRMED, outbox.UNCONFIRMED):
            entry.item = None

    def _template(self, direction, label):
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
