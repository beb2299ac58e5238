"""What comes out of the core for long entries and the frame store, as plain data.

Part of wsclient.commands, which names them all: import them from there.
"""

from wsclient.plain import Plain

__all__ = [
    "Download",
    "DropFrames",
    "JsonTree",
    "KeepFrame",
    "LetGo",
    "ShowPage",
]


class ShowPage(Plain):
    """Show more of entry seq, a long one, after what it shows now.

    The page runs from start to end: characters of a text entry, bytes of a binary
    one, and the entry then shows everything before end. text: what to add after the
    entry's text (a text entry) or dump (a binary one); None adds the dump of the
    kept frame's bytes from start to end, which the shell reads from its store.
    more: the label of the button that shows the next page, or None after the last.
    note: None to leave the entry's note as it is, "" to remove it.
    """

    _fields = ("seq", "text", "start", "end", "more", "note")

    def __init__(
        self,
        seq: int,
        text: "str | None",
        start: int,
        end: int,
        more: "str | None",
        note: "str | None",
    ) -> None:
        self.seq = seq
        self.text = text
        self.start = start
        self.end = end
        self.more = more
        self.note = note


class LetGo(Plain):
    """The page no longer keeps the whole frame of entry seq: remove the buttons that
    need it (show more, format JSON) and make note its note."""

    _fields = ("seq", "note")

    def __init__(self, seq: int, note: str) -> None:
        self.seq = seq
        self.note = note


class JsonTree(Plain):
    """Show the kept text frame of entry seq as a tree of collapsible objects and
    arrays, built from text nodes; words are its labels in the page's language."""

    _fields = ("seq", "words")

    def __init__(self, seq: int, words: "dict[str, str]") -> None:
        self.seq = seq
        self.words = words


class KeepFrame(Plain):
    """Keep the whole frame of sent entry seq: payload is a str (text) or bytes (binary)."""

    _fields = ("seq", "payload")

    def __init__(self, seq: int, payload: "str | bytes") -> None:
        self.seq = seq
        self.payload = payload


class DropFrames(Plain):
    """Let go of every kept frame numbered below `below` (they were kept in that order)."""

    _fields = ("below",)

    def __init__(self, below: int) -> None:
        self.below = below


class Download(Plain):
    """Offer text as a file named name, with the kept frames it names filled in
    from the store (see wsclient.export)."""

    _fields = ("text", "name")

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
