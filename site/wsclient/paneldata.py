"""What goes into the core from the side panel, and what comes out for it, as plain data.

The events (`VariablesEdited`, `SaveMessage`, `UseSaved`, `ChangeSaved`, `SavedFile`) are
part of wsclient.events, and the commands (`VariablesTable`, `VariableFaults`,
`SavedList`, `PanelStatus`, `SaveFile`) of wsclient.commands, which name them all:
import them from there.
"""

from wsclient.plain import Plain

__all__ = [
    "ChangeSaved",
    "PanelStatus",
    "SaveFile",
    "SaveMessage",
    "SavedFile",
    "SavedList",
    "UseSaved",
    "VariableFaults",
    "VariablesEdited",
    "VariablesTable",
]


class VariablesEdited(Plain):
    """The user changed the variables table: all of its rows, [name, value] each."""

    _fields = ("rows",)

    def __init__(self, rows: "list[list[str]]") -> None:
        self.rows = rows


class VariablesTable(Plain):
    """Draw the variables table with these rows, [name, value] each (as the page starts)."""

    _fields = ("rows",)

    def __init__(self, rows: "list[list[str]]") -> None:
        self.rows = rows


class VariableFaults(Plain):
    """Mark the rows that define nothing, [row number, what is wrong] each; unmark the rest."""

    _fields = ("faults",)

    def __init__(self, faults: "list[list[object]]") -> None:
        self.faults = faults


class SaveMessage(Plain):
    """The user saved what the composer holds, under name ("" lets the page name it)."""

    _fields = ("name", "mode", "text")

    def __init__(self, name: str, mode: str, text: str) -> None:
        self.name = name
        self.mode = mode
        self.text = text


class UseSaved(Plain):
    """A saved message's name was clicked (send False: into the composer) or its Send.

    random: as Compose's, for the variables a send fills in; form: as Compose's, the
    protocol's composer fields a send in a protocol's mode goes with (its topic…).
    """

    _fields = ("index", "send", "now", "random", "form")

    def __init__(
        self,
        index: int,
        send: bool,
        now: float,
        random: bytes = bytes(18),
        form: "dict[str, str] | None" = None,
    ) -> None:
        self.index = index
        self.send = send
        self.now = now
        self.random = random
        self.form = form or {}


class ChangeSaved(Plain):
    """The user changed a saved message: action is "rename" (to name), "update" (to the
    composer's mode and text), "delete", "up" or "down"."""

    _fields = ("index", "action", "name", "mode", "text")

    def __init__(
        self, index: int, action: str, name: str = "", mode: str = "", text: str = ""
    ) -> None:
        self.index = index
        self.action = action
        self.name = name
        self.mode = mode
        self.text = text


class SavedFile(Plain):
    """The user picked a file to import (text: its contents, or None when it could not
    be read, with detail saying why), or asked for the export (text None, export True)."""

    _fields = ("text", "detail", "export")

    def __init__(self, text: "str | None", detail: str = "", export: bool = False) -> None:
        self.text = text
        self.detail = detail
        self.export = export


class SavedList(Plain):
    """Draw the saved messages: [name, mode, text] each; then focus the control named by
    focus, [index, "name" | "use" | "update" | "up" | "down"], or the save button ([-1, ""]), or
    leave the focus where it is (None)."""

    _fields = ("items", "focus")

    def __init__(self, items: "list[list[str]]", focus: "list[object] | None" = None) -> None:
        self.items = items
        self.focus = focus


class PanelStatus(Plain):
    """The panel's short message in its status region ("" clears it); undo offers
    "Desfazer" for the last deletion."""

    _fields = ("text", "undo")

    def __init__(self, text: str, undo: bool = False) -> None:
        self.text = text
        self.undo = undo


class SaveFile(Plain):
    """Offer text as a JSON file named name."""

    _fields = ("text", "name")

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
