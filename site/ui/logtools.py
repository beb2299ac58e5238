"""The log's tools: filter, direction boxes, pretty JSON, clear, export, copy, show all,
format JSON."""

from pyscript import window
from pyscript.ffi import create_proxy, is_none

from ui import bridge, clock
from ui.text import call_with_text, read
from wsclient.commands import Clipboard, FilterLater, ScanLater, ToolStatus
from wsclient.events import (
    ClearLog,
    Copied,
    Copy,
    Export,
    Filter,
    FilterDue,
    FormatJson,
    Pretty,
    ResetCounters,
    ScanDue,
    ShowAll,
    UndoClear,
)
from wsclient.log import RECEIVED, SENT, SYSTEM

__all__ = ["LogTools"]

_DIRECTIONS = (SENT, RECEIVED, SYSTEM)


class LogTools:
    """Turns the tools' controls into events and carries out their commands."""

    def __init__(self, document, texts, feed, guard) -> None:
        self._document = document
        self._texts = texts
        self._feed = feed
        self._filter = document.getElementById("filter")
        self._scope = document.getElementById("scope")
        self._copying = 0
        # Made once: the clipboard's answer to every copy comes through these.
        self._on_copied = create_proxy(guard(self._copy_done))
        self._on_copy_failed = create_proxy(guard(self._copy_failed))
        self._notice = document.getElementById("tool-notice")
        self._on_filter_due = create_proxy(guard(lambda *args: self._feed(FilterDue())))
        self._on_scan_due = create_proxy(guard(lambda *args: self._feed(ScanDue())))

    def listen(self, listen) -> None:
        """Attach the handlers, with listen(element_id, event, handler)."""
        listen("filter", "input", self._filter_changed)
        for direction in _DIRECTIONS:
            listen("show-" + direction, "change", self._filter_changed)
        listen("pretty-json", "change", self._pretty_changed)
        listen("clear", "click", lambda event: self._feed(ClearLog(clock.now())))
        listen("undo-clear", "click", lambda event: self._feed(UndoClear(clock.now())))
        listen("reset-counters", "click", lambda event: self._feed(ResetCounters(clock.now())))
        listen("export", "click", lambda event: self._feed(Export(clock.now(), self._scope.value)))
        listen("copy", "click", lambda event: self._feed(Copy(self._scope.value)))
        listen("messages", "click", self._log_clicked)

    def handlers(self) -> dict:
        """The commands the tools carry out."""
        return {
            ToolStatus: self._tool_status,
            FilterLater: lambda command: bridge.call_later(self._on_filter_due, command.ms),
            ScanLater: lambda command: bridge.call_soon(self._on_scan_due),
            Clipboard: self._clipboard,
        }

    def _tool_status(self, command: ToolStatus) -> None:
        bridge.show_notice(self._notice, command.text, command.ms, ",".join(command.offers))

    def _filter_changed(self, event) -> None:
        get = self._document.getElementById
        shown = [d for d in _DIRECTIONS if get("show-" + d).checked]
        self._feed(Filter(read(self._filter), shown))

    def _pretty_changed(self, event) -> None:
        self._feed(Pretty(bool(self._document.getElementById("pretty-json").checked)))

    def _log_clicked(self, event) -> None:
        button = event.target.closest("button.show-all, button.format-json")
        if is_none(button):
            return
        li = button.closest("li")
        if button.classList.contains("format-json"):
            self._feed(FormatJson(int(li.dataset.seq)))
            return
        dump = li.querySelector("pre.dump")
        width = 16 if is_none(dump) else int(dump.dataset.width or 16)
        self._feed(ShowAll(int(li.dataset.seq), int(li.dataset.shown or 0), width))

    def _clipboard(self, command: Clipboard) -> None:
        self._copying = command.count
        try:
            promise = call_with_text(window.navigator.clipboard, "writeText", command.text)
        except Exception as exc:  # noqa: BLE001 - no clipboard in this context
            self._copy_failed(exc)
            return
        promise.then(self._on_copied, self._on_copy_failed)

    def _copy_done(self, *args) -> None:
        self._feed(Copied(self._copying))

    def _copy_failed(self, error) -> None:
        detail = str(getattr(error, "message", "") or error)
        self._feed(Copied(self._copying, detail))
