"""Recall of earlier sends with ↑ and ↓, as a shell does; the page keeps it in localStorage."""

import json

from wsclient.jsontext import json_string

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable

__all__ = ["MAX_CHARS", "History"]

# Longer texts are not remembered: browsers give a page about 5 MB of storage,
# and one big paste would push out everything else.
MAX_CHARS = 64 * 1024


class History:
    """The last cap texts sent, oldest first, and a cursor that walks them.

    up() and down() walk from the newest towards the oldest and back. The first
    up() keeps the text being typed (the draft), and down() past the newest gives
    it back. add() puts the cursor back after the newest.
    """

    def __init__(self, cap: int = 100, items: "Iterable[object] | None" = None) -> None:
        """Start with items (oldest first, as stored); only the last cap are kept."""
        if cap < 1:
            raise ValueError("cap must be positive")
        self.cap = cap
        self._items: "list[str]" = []
        self._cursor: "int | None" = None  # index into _items while walking, else None
        self._draft = ""
        for text in items or ():
            self.add(text)

    def add(self, text: object) -> bool:
        """Remember a text sent: not an empty one, one over MAX_CHARS, nor the newest again.

        Returns:
            Whether the texts changed, so the caller knows whether to store them again.
        """
        self._cursor = None
        self._draft = ""
        if not isinstance(text, str) or not text or len(text) > MAX_CHARS:
            return False
        items = self._items
        if items and items[-1] == text:
            return False
        items.append(text)
        if len(items) > self.cap:
            del items[: len(items) - self.cap]
        return True

    def up(self, current: str) -> "str | None":
        """Return the next older text, or None at the oldest (the cursor stays there).

        Args:
            current: what the field holds now; the first up() keeps it as the draft.
        """
        if self._cursor is None:
            if not self._items:
                return None
            self._draft = current
            self._cursor = len(self._items)
        if self._cursor == 0:
            return None
        self._cursor -= 1
        return self._items[self._cursor]

    def down(self, current: str) -> "str | None":
        """Return the next newer text, the draft past the newest, or None when not walking."""
        if self._cursor is None:
            return None
        self._cursor += 1
        if self._cursor < len(self._items):
            return self._items[self._cursor]
        self._cursor = None
        draft = self._draft
        self._draft = ""
        return draft

    def items(self) -> "list[str]":
        """Return the texts, oldest first."""
        return list(self._items)

    def dumps(self) -> str:
        """Return the texts as a JSON list of strings, for storage."""
        return "[" + ",".join([json_string(text) for text in self._items]) + "]"

    @staticmethod
    def loads(text: str, cap: int = 100) -> "History":
        """Rebuild a History from dumps() output; anything else gives an empty one.

        Never raises: storage may hold garbage from another version or another page.
        Items that are not strings are left out.
        """
        try:
            items = json.loads(text)
        except Exception:  # noqa: BLE001 - whatever storage holds, start afresh
            items = None
        if not isinstance(items, list):
            items = None
        return History(cap, items)
