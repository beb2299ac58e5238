"""What goes into the core from the side panel, and what comes out for it, as plain data.

`VariablesEdited` is part of wsclient.events, and `VariablesTable` and `VariableFaults`
of wsclient.commands, which name them all: import them from there.
"""

from wsclient.plain import Plain

__all__ = ["VariableFaults", "VariablesEdited", "VariablesTable"]


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
