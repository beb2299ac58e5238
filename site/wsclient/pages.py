"""What a long entry shows: its start at first, then one page more each time it is asked.

A page is laid out in one go, so its size keeps each step short: the page never
freezes, however long the frame. The whole frame comes from the page's keeping of
it (wsclient.frames); a frame outside the budget shows the start its entry holds.
"""

from wsclient import i18n, present
from wsclient.binary import hex_dump
from wsclient.commands import JsonTree, LetGo, ShowPage

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from wsclient.log import Entry
    from wsclient.plain import Plain

__all__ = [
    "BYTES_PAGE",
    "DUMP_BYTES",
    "TEXT_PAGE",
    "buttons",
    "json_tree",
    "let_go",
    "next_page",
]

# Characters of text, and bytes of a dump (4,096 lines), each "show more" adds.
TEXT_PAGE = 64 * 1024
BYTES_PAGE = 64 * 1024
# What a binary entry's dump shows at first: its first 8 lines.
DUMP_BYTES = 128
# The tree's labels, as the shell asks for them -> their i18n keys (tree.*).
_TREE_WORDS = {
    "keys": "keys.other",
    "keys.one": "keys.one",
    "items": "items.other",
    "items.one": "items.one",
    "more": "more",
    "error": "error",
}


def _looks_like_json(text: str) -> bool:
    """Whether text starts as a JSON object or array would; the tree tells the rest.

    Only its first characters are read: it may be megabytes long.
    """
    return text[:1024].lstrip(" \t\n\r")[:1] in ("{", "[")


def buttons(entry: "Entry", kept: bool, lang: str) -> "tuple[str | None, str | None]":
    """The buttons of a text entry that shows only its start: (show more, format JSON).

    Each is its label, or None when the entry gets no such button: both need the
    whole frame, which only a kept one has.
    """
    if not kept:
        return None, None
    tree = i18n.t(lang, "button.json_tree") if _looks_like_json(entry.text) else None
    return i18n.t(lang, "button.show_more"), tree


def let_go(entry: "Entry", lang: str) -> LetGo:
    """Tell the entry of a frame no longer kept whole to say so, and drop its buttons."""
    if entry.binary:
        note = " (" + present.binary_note(entry, lang) + ")"
    else:
        note = " " + present.truncated_note(entry, lang)
    return LetGo(entry.seq, note)


def next_page(entry: "Entry", shown: int, kept: bool, lang: str, width: int = 16) -> "list[Plain]":
    """What to show after the first `shown` characters (text) or bytes (binary) of entry.

    Args:
        kept: whether the page keeps the whole frame: a text entry then holds all of
            its text, and the store all of a binary frame's bytes.
        width: bytes per line of a binary entry's dump (8 on a narrow screen).
    """
    seq = entry.seq
    more = i18n.t(lang, "button.show_more")
    if not kept:
        if not entry.binary:
            return [let_go(entry, lang)]
        # Outside the budget: the start the entry holds, at most HEAD_BYTES, at once.
        data = entry.payload or b""
        end = max(shown, len(data))
        text = "\n".join(hex_dump(data[shown:end], width, offset=shown))
        return [ShowPage(seq, text, shown, end, None, None), let_go(entry, lang)]
    if entry.binary:
        end = min(entry.size, shown + BYTES_PAGE)
        return [ShowPage(seq, None, shown, end, more if end < entry.size else None, None)]
    text = entry.text[shown : shown + TEXT_PAGE]
    end = shown + len(text)
    if end < len(entry.text):
        return [ShowPage(seq, text, shown, end, more, None)]
    return [ShowPage(seq, text, shown, end, None, "")]


def json_tree(seq: int, lang: str) -> JsonTree:
    """The command that shows kept text frame seq as a JSON tree, with its labels."""
    return JsonTree(seq, {key: i18n.t(lang, "tree." + name) for key, name in _TREE_WORDS.items()})
