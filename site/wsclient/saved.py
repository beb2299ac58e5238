"""Saved messages: a named list of messages, each with its send format, kept and shared.

A saved message is [name, mode, text]: what the composer held when it was saved. The
list is kept in storage as JSON, and exported and imported as a JSON file of objects
({"name", "mode", "text"}), which people can read and edit by hand. An import adds to
the list: it never replaces or changes what is already saved.
"""

import json

from wsclient.errors import InputError

__all__ = ["FILE_FORMAT", "MODES", "Saved", "read_file"]

MODES = ("text", "hex", "base64", "json")
# What an exported file says it is, so an import can tell it from any other JSON.
FILE_FORMAT = "pyws.saved-messages"
FILE_VERSION = 1


class Saved:
    """The saved messages, in the user's order."""

    def __init__(self, items: "list[list[str]] | None" = None) -> None:
        self.items: "list[list[str]]" = items or []

    @staticmethod
    def loads(text: str) -> "Saved":
        """The list as dumps() kept it.

        Raises:
            ValueError: text is not a list of [name, mode, text] with a known mode.
        """
        items = json.loads(text)
        if not isinstance(items, list):
            raise ValueError("not a list")
        for item in items:
            if not (
                isinstance(item, list)
                and len(item) == 3
                and all(isinstance(part, str) for part in item)
                and item[1] in MODES
            ):
                raise ValueError("not a [name, mode, text] item: %r" % (item,))
        return Saved(items)

    def dumps(self) -> str:
        """The list, for storage: what loads() reads back."""
        return json.dumps(self.items)

    def add(self, name: str, mode: str, text: str) -> int:
        """Save a message at the end; return its index."""
        self.items.append([name, mode, text])
        return len(self.items) - 1

    def rename(self, index: int, name: str) -> None:
        self.items[index][0] = name

    def update(self, index: int, mode: str, text: str) -> None:
        """Replace the message's format and text, keeping its name and place."""
        self.items[index][1:] = [mode, text]

    def delete(self, index: int) -> "list[str]":
        """Remove the message; return it, for an undo."""
        return self.items.pop(index)

    def move(self, index: int, to: int) -> int:
        """Move the message to index to (clamped to the list); return where it is now."""
        to = max(0, min(to, len(self.items) - 1))
        self.items.insert(to, self.items.pop(index))
        return to

    def export(self) -> str:
        """The list as a file to share: a JSON object that read_file() reads back."""
        # Written out by hand, a message a line, so that the keys keep their order on
        # MicroPython too, whose dicts do not.
        messages = [
            '  {"name": %s, "mode": %s, "text": %s}'
            % (json.dumps(name), json.dumps(mode), json.dumps(text))
            for name, mode, text in self.items
        ]
        return '{"format": %s, "version": %d, "messages": [\n%s\n]}\n' % (
            json.dumps(FILE_FORMAT),
            FILE_VERSION,
            ",\n".join(messages),
        )


def read_file(text: str) -> "list[list[str]]":
    """Read an exported file: its messages as [name, mode, text].

    Raises:
        InputError: with a key that says what is wrong: "saved.not_json", "saved.not_ours",
        "saved.version" (detail), "saved.no_list", or "saved.bad_item" (count: the 1-based
        message, detail: the field that is missing or wrong).
    """
    try:
        record = json.loads(text)
    except ValueError:
        raise InputError("saved.not_json")
    if not isinstance(record, dict) or record.get("format") != FILE_FORMAT:
        raise InputError("saved.not_ours")
    if record.get("version") != FILE_VERSION:
        raise InputError("saved.version", {"detail": str(record.get("version"))})
    messages = record.get("messages")
    if not isinstance(messages, list):
        raise InputError("saved.no_list")
    items = []
    for number, message in enumerate(messages, 1):
        if not isinstance(message, dict):
            raise InputError("saved.bad_item", {"count": number, "detail": "{}"})
        for key in ("name", "mode", "text"):
            if not isinstance(message.get(key), str):
                raise InputError("saved.bad_item", {"count": number, "detail": key})
        if message["mode"] not in MODES:
            raise InputError("saved.bad_item", {"count": number, "detail": "mode"})
        items.append([message["name"], message["mode"], message["text"]])
    return items
