"""The log's tools in the core: clear with undo, export and copy by scope, show all, JSON tree.

`Client` routes their events here. A clear acts at once and can be undone for
UNDO_MS, even while entries keep arriving; the store keeps the cleared entries'
whole frames until then.
"""

from wsclient import i18n, pages, present
from wsclient.commands import DRAW, Clipboard, Download, ShowPage, ToolStatus
from wsclient.log import CHECK, RECEIVED, SCRIPT, SENT, SYSTEM

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient import events
    from wsclient.log import Entry, MessageLog
    from wsclient.plain import Plain
    from wsclient.session import Session

__all__ = ["ALL", "LABELS", "UNDO_MS", "LogTools"]

# How long a clear can be undone, in milliseconds.
UNDO_MS = 10000
# The scope of Export and Copy that takes every kept entry; any other, the visible ones.
ALL = "all"
LABELS = {
    SENT: "label.sent",
    RECEIVED: "label.received",
    SYSTEM: "label.system",
    SCRIPT: "label.script",
    CHECK: "label.check",
}


class LogTools:
    """Clear and undo, Export, Copy, show all and the JSON tree, for one page.

    Args:
        log: the message log.
        session: the connection, whose frame store the tools read.
        out: the list commands go to.
        lang: the language of every text.
        clock: formats the entries' times for Copy.
    """

    def __init__(
        self,
        log: "MessageLog",
        session: "Session",
        out: "list[Plain]",
        lang: str,
        clock: present.Clock,
    ) -> None:
        self.log = log
        self.session = session
        self.out = out
        self.lang = lang
        self.clock = clock
        # What the last clear removed, while undo can bring it back (until _undo_until).
        self._cleared: "list[Entry] | None" = None
        self._cleared_note = ""
        self._cleared_below = 0
        self._undo_until = 0.0
        self._copy_scope = ""

    def _t(self, key: str, **params: object) -> str:
        return i18n.t(self.lang, key, **params)

    def tick(self, now: float) -> None:
        """Time passes: past the undo window, the cleared entries go for good."""
        if self._cleared is not None and now > self._undo_until:
            self._forget_cleared()

    def counters_reset(self, now: float) -> ToolStatus:
        """What to say when the user reset the counters; undo stays on offer as long as it was."""
        text = self._t("tools.counters_reset")
        if self._undoable(now):
            left = int(self._undo_until - now)
            return ToolStatus(self._cleared_note + " " + text, left, ["undo"])
        return ToolStatus(text)

    def _undoable(self, now: float) -> bool:
        return self._cleared is not None and now <= self._undo_until

    def clear(self, event: "events.ClearLog") -> None:
        # At once; undo can put it all back for UNDO_MS, and the counters are offered too.
        # The store keeps the entries' whole frames until then.
        removed = self.log.clear()
        self._cleared_below = self.log.next_seq
        self.out.append(DRAW)
        # The entries of messages still waiting stay: nothing queued goes out of sight.
        waiting = len(self.log.history())
        stay = " " + self._t("tools.waiting_stay", count=waiting) if waiting else ""
        if not removed:
            self.out.append(ToolStatus(self._t("tools.already_empty") + stay, UNDO_MS, ["reset"]))
            return
        if self._cleared is not None and self._undoable(event.now):
            removed = self._cleared + removed  # a second clear: undo brings back both
        self._cleared = removed
        self._undo_until = event.now + UNDO_MS
        self._cleared_note = self._t("tools.cleared", count=len(removed)) + stay
        self.out.append(ToolStatus(self._cleared_note, UNDO_MS, ["undo", "reset"]))

    def undo(self, event: "events.UndoClear") -> None:
        cleared = self._cleared
        if cleared is None or event.now > self._undo_until:
            self._forget_cleared()
            self.out.append(ToolStatus(self._t("tools.undo_late", seconds=UNDO_MS // 1000)))
            return
        # Back in order, before the entries that came since.
        self._cleared = None
        self.log.restore(cleared)
        self.out.append(ToolStatus(self._t("tools.restored", count=len(cleared))))
        self.out.append(DRAW)

    def _forget_cleared(self) -> None:
        """Too late to undo: the cleared entries go for good, and their whole frames too."""
        if self._cleared is not None:
            self._cleared = None
            self.session.frames.clear(self._cleared_below)

    def _scoped(self, scope: str) -> "list[Entry]":
        """The kept entries that Export or Copy take: all, or those the filter lets through."""
        return self.log.history() if scope == ALL else self.log.matching()

    def _counted(self, key: str, scope: str, count: int) -> str:
        """What was taken, in words: "Exported 6 visible entries.", say."""
        key += ".all" if scope == ALL else ".visible"
        return self._t(key, count=count)

    def export(self, event: "events.Export") -> None:
        # Imported on the first export: the page's start does not wait for it.
        from wsclient.export import outside_budget, to_jsonl

        entries = self._scoped(event.scope)
        kept = self.session.frames.kept
        name = present.export_name(event.now, self.clock.offset_ms // 60000)
        self.out.append(Download(to_jsonl(entries, kept), name))
        text = self._counted("tools.exported", event.scope, len(entries))
        outside = len([entry for entry in entries if outside_budget(entry, kept)])
        if outside:
            text += " " + self._t("tools.outside", count=outside)
        self.out.append(ToolStatus(text))

    def copy(self, event: "events.Copy") -> None:
        entries = self._scoped(event.scope)
        self._copy_scope = event.scope
        labels = {direction: self._t(key) for direction, key in LABELS.items()}
        text = present.copy_text(entries, self.clock, labels)
        self.out.append(Clipboard(text, len(entries)))

    def copied(self, event: "events.Copied") -> None:
        if event.detail is None:
            text = self._counted("tools.copied", self._copy_scope, event.count)
        else:
            # A failure stays until the next message: it is no passing news.
            text = self._t("tools.copy_failed", detail=event.detail)
            self.out.append(ToolStatus(text, 0))
            return
        self.out.append(ToolStatus(text))

    def show_all(self, event: "events.ShowAll") -> None:
        entry = self.log.at(event.seq)
        if entry is None:
            # No longer kept: the button goes, the entry stays as it is.
            self.out.append(ShowPage(event.seq, "", event.shown, event.shown, None, None))
            return
        kept = self.session.frames.kept(entry)
        self.out.extend(pages.next_page(entry, event.shown, kept, self.lang, event.width))

    def format_json(self, event: "events.FormatJson") -> None:
        entry = self.log.at(event.seq)
        if entry is not None and self.session.frames.kept(entry):
            self.out.append(pages.json_tree(event.seq, self.lang))
            return
        if entry is not None:
            self.out.append(pages.let_go(entry, self.lang))
        self.out.append(ToolStatus(self._t("json.gone")))
