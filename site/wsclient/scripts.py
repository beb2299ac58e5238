"""The user's scripts, by name, as the Script tab keeps them in storage.

There is always at least one, and always one chosen: the editor shows it. Storage
holds {"chosen": index, "scripts": [[name, source], ...]}.
"""

import json

from wsclient.errors import InputError

__all__ = ["EXPORT_NAME", "SCRIPTS_KEY", "Scripts", "read_file"]

EXPORT_NAME = "scripts.json"

SCRIPTS_KEY = "pyws.scripts"
NAME_LIMIT = 60


class Scripts:
    """The named scripts and which one the editor shows.

    Args:
        first_name: the name of the script a fresh page has ("script 1"), which
            also makes the names of new ones ("script 2", …) in the page's language.
    """

    def __init__(self, first_name: str = "script 1") -> None:
        self._stem = first_name.rsplit(" ", 1)[0]
        self.items: "list[list[str]]" = [[first_name, ""]]
        self.chosen = 0

    @staticmethod
    def loads(text: str, first_name: str = "script 1") -> "Scripts":
        """The scripts as dumps() kept them.

        Raises:
            ValueError: text is not what dumps() writes.
        """
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        items, chosen = data.get("scripts"), data.get("chosen")
        if not isinstance(items, list) or not items:
            raise ValueError("no list of scripts")
        names = set()
        for item in items:
            if not (
                isinstance(item, list)
                and len(item) == 2
                and isinstance(item[0], str)
                and isinstance(item[1], str)
                and item[0].strip()
                and item[0] not in names
            ):
                raise ValueError("not a [name, source] pair with a name of its own: %r" % (item,))
            names.add(item[0])
        if isinstance(chosen, bool) or not isinstance(chosen, int) or not 0 <= chosen < len(items):
            chosen = 0
        scripts = Scripts(first_name)
        scripts.items = [[name, source] for name, source in items]
        scripts.chosen = chosen
        return scripts

    def dumps(self) -> str:
        return json.dumps({"chosen": self.chosen, "scripts": self.items})

    def export(self) -> str:
        """Every script, as the file that read_file() takes back."""
        items = [{"name": name, "source": source} for name, source in self.items]
        return json.dumps({"scripts": items})

    @property
    def source(self) -> str:
        """The chosen script's source."""
        return self.items[self.chosen][1]

    def names(self) -> "list[str]":
        return [name for name, _ in self.items]

    def edit(self, source: str) -> None:
        """The user typed in the editor."""
        self.items[self.chosen][1] = source

    def choose(self, index: int) -> bool:
        """Show script index; False if there is none such."""
        if not 0 <= index < len(self.items):
            return False
        self.chosen = index
        return True

    def add(self, source: str = "", name: "str | None" = None) -> None:
        """Add a script and choose it: an unused name from name, or "script N"."""
        taken = set(self.names())
        if name is not None and name not in taken:
            new = name
        else:
            stem = name if name is not None else self._stem
            number = 2
            while "%s %d" % (stem, number) in taken:
                number += 1
            new = "%s %d" % (stem, number)
        self.items.append([new, source])
        self.chosen = len(self.items) - 1

    def rename(self, name: str) -> None:
        """Rename the chosen script.

        Raises:
            InputError: "script.name_blank", "script.name_long" or "script.name_taken".
        """
        name = name.strip()
        if not name:
            raise InputError("script.name_blank")
        if len(name) > NAME_LIMIT:
            raise InputError("script.name_long", {"limit": NAME_LIMIT})
        for index, (other, _) in enumerate(self.items):
            if other == name and index != self.chosen:
                raise InputError("script.name_taken", {"name": name})
        self.items[self.chosen][0] = name

    def delete(self) -> "list[str]":
        """Delete the chosen script and return it ([name, source]); the one before it is
        chosen. Deleting the only one leaves an empty one in its place."""
        gone = self.items.pop(self.chosen)
        if not self.items:
            self.items = [[gone[0], ""]]
        self.chosen = max(0, self.chosen - 1)
        return gone

    def restore(self, item: "list[str]", at: int) -> None:
        """Put a deleted script back where it was (undo), under a free name."""
        name, source = item
        if name in self.names():
            if len(self.items) == 1 and not self.items[0][1]:
                self.items = []  # the empty stand-in of a deleted last script
                at = 0
            else:
                self.add(source, name)
                return
        at = min(at, len(self.items))
        self.items.insert(at, [name, source])
        self.chosen = at


def read_file(text: str) -> "list[list[str]]":
    """The [name, source] pairs of a scripts file, as export() writes it.

    Raises:
        InputError: "script.file_json", "script.file_shape" or "script.file_item" (with
            the 1-based count of the item at fault), "script.file_empty".
    """
    try:
        data = json.loads(text)
    except ValueError:
        raise InputError("script.file_json") from None
    items = data.get("scripts") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError("script.file_shape")
    if not items:
        raise InputError("script.file_empty")
    pairs = []
    for number, item in enumerate(items, 1):
        name = item.get("name") if isinstance(item, dict) else None
        source = item.get("source") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name.strip() or not isinstance(source, str):
            raise InputError("script.file_item", {"count": number})
        pairs.append([name.strip()[:NAME_LIMIT], source])
    return pairs
