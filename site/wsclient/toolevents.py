"""What goes into the core from the log's tools, as plain data.

Part of wsclient.events, which names them all: import them from there.
"""

from wsclient.plain import Plain

__all__ = [
    "ClearLog",
    "Copied",
    "Copy",
    "Export",
    "Filter",
    "FilterDue",
    "FormatJson",
    "Pretty",
    "ResetCounters",
    "ScanDue",
    "ShowAll",
    "UndoClear",
]


class Filter(Plain):
    """The filter's text or the direction boxes changed; directions are those ticked."""

    _fields = ("text", "directions")

    def __init__(self, text: str, directions: "list[str]") -> None:
        self.text = text
        self.directions = directions


class FilterDue(Plain):
    """The wait that FilterLater asked for is over: apply the filter asked for last."""


class ScanDue(Plain):
    """The browser handled what input was waiting, as ScanLater asked: search on."""


class Pretty(Plain):
    """The user turned the pretty JSON view on or off."""

    _fields = ("on",)

    def __init__(self, on: bool) -> None:
        self.on = on


class ClearLog(Plain):
    """The user pressed "clear log"."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class UndoClear(Plain):
    """The user pressed "undo" after clearing the log."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class ResetCounters(Plain):
    """The user pressed "reset counters" after clearing the log."""

    _fields = ("now",)

    def __init__(self, now: float) -> None:
        self.now = now


class Export(Plain):
    """The user pressed "export"; scope is "visible" (what the filter lets through)
    or "all" (every kept entry)."""

    _fields = ("now", "scope")

    def __init__(self, now: float, scope: str = "visible") -> None:
        self.now = now
        self.scope = scope


class Copy(Plain):
    """The user pressed "copy"; scope as for Export."""

    _fields = ("scope",)

    def __init__(self, scope: str = "visible") -> None:
        self.scope = scope


class ShowAll(Plain):
    """The user pressed "show all" or "show more" on the long entry numbered seq,
    which shows `shown` of it now (characters of a text, bytes of a binary frame);
    a binary entry's dump has `width` bytes per line (8 on a narrow screen)."""

    _fields = ("seq", "shown", "width")

    def __init__(self, seq: int, shown: int = 0, width: int = 16) -> None:
        self.seq = seq
        self.shown = shown
        self.width = width


class FormatJson(Plain):
    """The user asked to see the long text entry numbered seq as a JSON tree."""

    _fields = ("seq",)

    def __init__(self, seq: int) -> None:
        self.seq = seq


class Copied(Plain):
    """The clipboard took the text of a Clipboard command, or refused it (detail)."""

    _fields = ("count", "detail")

    def __init__(self, count: int, detail: "str | None" = None) -> None:
        self.count = count
        self.detail = detail
