"""Recall of earlier sends with ↑ and ↓, as a shell does; the page keeps it in localStorage.

Each text is kept with the send format it went out in ("text", "hex", "base64",
"json"), so "de ad" sent as Hex comes back as Hex, never as text.
"""

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


TEXT = "text"


class History:
    """The last cap texts sent, with their formats, oldest first, and a cursor that walks them.

    up() and down() walk from the newest towards the oldest and back. The first
    up() keeps the text being typed (the draft) and its format, and down() past the
    newest gives them back. add() puts the cursor back after the newest.

    Attributes:
        mode: the format of the text up() or down() returned last.
    """

    def __init__(self, cap: int = 100, items: "Iterable[object] | None" = None) -> None:
        """Start with items (oldest first, as stored); only the last cap are kept."""
        if cap < 1:
            raise ValueError("cap must be positive")
        self.cap = cap
        self._items: "list[str]" = []
        self._modes: "list[str]" = []
        self._cursor: "int | None" = None  # index into _items while walking, else None
        self._draft = ""
        self._draft_mode = TEXT
        self.mode = TEXT
        for item in items or ():
            # As stored: a text sent as text, or [text, format].
            if isinstance(item, list) and len(item) == 2 and isinstance(item[1], str):
                self.add(item[0], item[1])
            else:
                self.add(item)

    def add(self, text: object, mode: str = TEXT) -> bool:
        """Remember a text sent in mode: not an empty one, one over MAX_CHARS, nor the
        newest again.

        Returns:
            Whether the texts changed, so the caller knows whether to store them again.
        """
        self._cursor = None
        self._draft = ""
        if not isinstance(text, str) or not text or len(text) > MAX_CHARS:
            return False
        items, modes = self._items, self._modes
        if items and items[-1] == text and modes[-1] == mode:
            return False
        items.append(text)
        modes.append(mode)
        if len(items) > self.cap:
            del items[: len(items) - self.cap]
            del modes[: len(modes) - self.cap]
        return True

    def up(self, current: str, mode: str = TEXT) -> "str | None":
        """Return the next older text, or None at the oldest (the cursor stays there).

        Args:
            current, mode: what the field holds now, and its format; the first up()
                keeps them as the draft.
        """
        if self._cursor is None:
            if not self._items:
                return None
            self._draft = current
            self._draft_mode = mode
            self._cursor = len(self._items)
        if self._cursor == 0:
            return None
        self._cursor -= 1
        self.mode = self._modes[self._cursor]
        return self._items[self._cursor]

    def down(self, current: str) -> "str | None":
        """Return the next newer text, the draft past the newest, or None when not walking."""
        if self._cursor is None:
            return None
        self._cursor += 1
        if self._cursor < len(self._items):
            self.mode = self._modes[self._cursor]
            return self._items[self._cursor]
        self._cursor = None
        draft = self._draft
        self._draft = ""
        self.mode = self._draft_mode
        return draft

    def items(self) -> "list[str]":
        """Return the texts, oldest first."""
        return list(self._items)

    def modes(self) -> "list[str]":
        """Return each text's format, oldest first."""
        return list(self._modes)

    def dumps(self) -> str:
        """Return the texts as a JSON list for storage: a text sent as text is a
        string, any other is [text, format]."""
        shown = []
        for text, mode in zip(self._items, self._modes):
            quoted = json_string(text)
            shown.append(quoted if mode == TEXT else "[%s,%s]" % (quoted, json_string(mode)))
        return "[" + ",".join(shown) + "]"

    @staticmethod
    def loads(text: str, cap: int = 100) -> "History":
        """Rebuild a History from dumps() output; anything else gives an empty one.

        Never raises: storage may hold garbage from another version or another page.
        Items that are neither a string nor [text, format] are left out.
        """
        try:
            items = json.loads(text)
        except Exception:  # noqa: BLE001 - whatever storage holds, start afresh
            items = None
        if not isinstance(items, list):
            items = None
        return History(cap, items)
