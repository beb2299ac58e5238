"""What the page writes about entries and traffic: times, meta lines, filters, copies.

Pure text work, so the shell only puts the results into the DOM.
"""

from wsclient import i18n
from wsclient.export import iso_time
from wsclient.frames import PREVIEW_CHARS as SHOW_CHARS
from wsclient.frames import SHOW_BYTES
from wsclient.jsontext import looks_like_json, pretty_json
from wsclient.log import CHECK, NOTES, RECEIVED, SCRIPT, SENT, SYSTEM
from wsclient.numfmt import number
from wsclient.outbox import DISCARDED, FAILED, PENDING, UNCONFIRMED

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Mapping

    from wsclient.log import Entry
    from wsclient.stats import Traffic

__all__ = [
    "Clock",
    "TextFilter",
    "announcement",
    "binary_note",
    "copy_text",
    "discard_label",
    "dropped_note",
    "entry_text",
    "export_name",
    "filter_count",
    "fold",
    "folded",
    "make_filter",
    "meta",
    "rtt_line",
    "state_note",
    "stats_line",
    "truncated_note",
]

_DIRECTIONS = (SENT, RECEIVED, SYSTEM, SCRIPT, CHECK)
# Text entries above SHOW_BYTES show their first SHOW_CHARS characters at first:
# laying out megabytes of text would freeze the page (see wsclient.pages).
# The outbox states a sent entry shows a note for; the others need none.
_STATE_NOTES = {
    PENDING: "state.pending_for",
    FAILED: "state.failed",
    UNCONFIRMED: "state.unconfirmed",
    DISCARDED: "state.discarded",
}
# A discard button's name quotes at most this many characters of its message.
LABEL_CHARS = 40
# Upper-case letters of Latin-1 and their lower case: MicroPython's str.lower()
# only knows ASCII, and pt-BR text is full of "Ç", "Ã" and "É".
_UPPER = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
_LOWER = "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþ"
_LOWERED = "ç".upper() == "ç"  # True on MicroPython: non-ASCII case is left alone


def fold(text: str) -> str:
    """Lower-case text for a case-insensitive match, the same on every interpreter."""
    if not _LOWERED:
        return text.lower()
    # MicroPython: folding ten thousand texts at the first keystroke is the filter's
    # main cost, and most of it is allocating. A text of ASCII bytes only (its length
    # in bytes, through a memoryview, is its length) in lower case is its own fold.
    ascii = len(memoryview(text)) == len(text)  # type: ignore[arg-type]
    if ascii and text.islower():
        return text
    text = text.lower()
    # Every letter of _UPPER is two bytes in UTF-8, the first of them C3.
    if not ascii and b"\xc3" in text.encode():
        for upper, lower in zip(_UPPER, _LOWER):
            if upper in text:
                text = text.replace(upper, lower)
    return text


def folded(entry: "Entry") -> str:
    """The entry's text folded, made once and kept on the entry; a protocol's frame's
    with its packets' names first, so that the filter finds "PUBLISH sensors/1"."""
    text = entry.text if entry.decoded is None else entry.decoded + "\n" + entry.text
    # fold()'s first test, inline: this runs for every entry at the first keystroke.
    if _LOWERED and text.islower() and len(memoryview(text)) == len(text):  # type: ignore[arg-type]
        entry.folded = text
        return text
    lowered = fold(text)
    # The same text when nothing changed: no second copy of it is kept.
    entry.folded = lowered = text if lowered == text else lowered
    return lowered


class TextFilter:
    """The log's filter: entries of the shown directions whose text holds needle.

    The match ignores case: needle is folded (fold()), and so is each entry's text,
    once, by the first filter that looks at it; the next keystrokes only search.
    """

    def __init__(self, needle: str, shown: "tuple[str, ...]") -> None:
        self.needle = needle
        self.shown = shown

    def __call__(self, entry: "Entry") -> bool:
        """Whether entry goes through."""
        if entry.direction not in self.shown:
            return False
        text = entry.folded
        return self.needle in (folded(entry) if text is None else text)

    def select(self, entries: "list[Entry]") -> "list[Entry]":
        """The entries that go through, in their order: one loop, no call per entry."""
        needle, shown = self.needle, self.shown
        if not needle:
            return [entry for entry in entries if entry.direction in shown]
        # `folded or _folded()`: an empty text is folded again, which costs nothing.
        if len(shown) == len(_DIRECTIONS):
            return [entry for entry in entries if needle in (entry.folded or folded(entry))]
        return [
            entry
            for entry in entries
            if entry.direction in shown and needle in (entry.folded or folded(entry))
        ]

    def within(self, other: object) -> bool:
        """Whether every entry this filter lets through, other lets through too.

        Typing on narrows the filter: only what the last one found needs searching.
        """
        if not isinstance(other, TextFilter) or other.needle not in self.needle:
            return False
        return all([direction in other.shown for direction in self.shown])


def make_filter(text: str, directions: "Iterable[str]" = _DIRECTIONS) -> "TextFilter | None":
    """Build the log's filter: entries of the given directions whose text holds text.

    The match ignores case. Returns None when it would let everything through, so
    the log can skip filtering altogether.
    """
    wanted = list(directions)
    if SYSTEM in wanted:  # the notes' box: the page's, a script's and its checks'
        wanted += [SCRIPT, CHECK]
    shown = tuple([direction for direction in _DIRECTIONS if direction in wanted])
    needle = fold(text)
    if not needle and len(shown) == len(_DIRECTIONS):
        return None
    return TextFilter(needle, shown)


# "000" to "999": looked up rather than formatted, since every drawn entry needs one.
# Made by the first Clock, not at import, which the page's start waits for.
_MILLIS: "list[str]" = []


class Clock:
    """Formats wall-clock milliseconds as local "HH:MM:SS.mmm".

    The page formats a time for every entry it draws, so the "HH:MM:SS." part is
    kept for the current second and only the milliseconds are formatted again.
    """

    def __init__(self, offset_minutes: int = 0) -> None:
        """offset_minutes: minutes to add to UTC for local time (east is positive)."""
        self.offset_ms = int(offset_minutes) * 60000
        if not _MILLIS:
            _MILLIS.extend(["%03d" % n for n in range(1000)])
        self._second: "int | None" = None
        self._prefix = ""

    def time(self, ms: float) -> str:
        """Return the local time of ms (milliseconds since 1970, UTC)."""
        local = (int(ms) if ms >= 0 else int(ms // 1)) + self.offset_ms
        second = local // 1000
        if second != self._second:
            self._second = second
            day = second % 86400
            self._prefix = "%02d:%02d:%02d." % (day // 3600, day // 60 % 60, day % 60)
        return self._prefix + _MILLIS[local - second * 1000]


def meta(entry: "Entry", clock: Clock, kinds: "Mapping[str, str]", lang: str) -> str:
    """An entry's meta line: "12:00:00.000 · 5 B · text"; a system entry has its time only.

    Args:
        kinds: the word for each frame type, {"text": "text", "binary": "binary"}.
        lang: the language the size is written in ("1.000.000 B" or "1,000,000 B").
    """
    when = clock.time(entry.time_ms)
    if entry.direction in NOTES:
        return when
    kind = kinds["binary"] if entry.binary else kinds["text"]
    return when + " · " + number(lang, entry.size) + " B · " + kind


def stats_line(key: str, counts: "Traffic", lang: str) -> str:
    """The line for one direction of a Stats snapshot: "Sent: 3 msg · 12 B · 1.0 msg/s · …"."""
    return i18n.t(
        lang,
        key,
        messages=number(lang, counts["messages"]),
        bytes=number(lang, counts["bytes"]),
        rate=number(lang, counts["rate"], 1),
        byte_rate=number(lang, counts["byte_rate"]),
    )


def rtt_line(last: "float | None", median: "float | None", lang: str) -> str:
    """The echo round-trip line; last and median are milliseconds, or None before any echo."""
    if last is None or median is None:
        return i18n.t(lang, "rtt.none")
    return i18n.t(lang, "rtt", last=number(lang, last, 1), median=number(lang, median, 1))


def announcement(count: int, lang: str) -> str:
    """What the live region says about count new messages ("12 new messages")."""
    return i18n.t(lang, "announce", count=count)


def filter_count(matched: int, total: int, lang: str) -> str:
    """How many of the kept entries the filter lets through ("6 of 15 entries")."""
    return i18n.t(lang, "filter.count", matched=number(lang, matched), count=total)


def new_entries(count: int, lang: str) -> str:
    """How many entries arrived since the user scrolled up ("37 novas ↓")."""
    return i18n.t(lang, "log.new", count=count)


def dropped_note(count: int, lang: str) -> str:
    """How many entries left the list, or never reached it ("12 older messages hidden")."""
    return i18n.t(lang, "log.dropped", count=count)


def copy_text(entries: "Iterable[Entry]", clock: Clock, labels: "Mapping[str, str]") -> str:
    """The entries as plain text, one line each: "12:00:00.000 Sent: hello".

    Args:
        labels: the label of each direction, {"sent": "Sent:", ...}.
    """
    return "\n".join(
        [
            clock.time(entry.time_ms) + " " + labels[entry.direction] + " " + entry.text
            for entry in entries
        ]
    )


def export_name(ms: float, offset_minutes: int = 0) -> str:
    """The export's file name for local time: "websocket-log-20261126-101500.jsonl"."""
    stamp = iso_time(ms + int(offset_minutes) * 60000)
    digits = stamp[:19].replace("-", "").replace(":", "").replace("T", "-")
    return "websocket-log-" + digits + ".jsonl"


def entry_text(entry: "Entry", pretty: bool) -> "tuple[str, bool]":
    """What a text entry shows after its label: (text, whether it is cut short).

    Args:
        pretty: whether JSON objects and arrays are shown pretty-printed.
    """
    text = entry.text
    if entry.size > SHOW_BYTES:
        return text[:SHOW_CHARS], True
    if pretty and entry.direction not in NOTES and looks_like_json(text):
        return pretty_json(text), False
    return text, False


def truncated_note(entry: "Entry", lang: str, kept: bool = False) -> str:
    """The note after a text entry that shows only its start; kept: whether the
    page keeps the whole frame, to show page by page, or let it go (the budget)."""
    key = "text.truncated" if kept else "text.outside"
    return i18n.t(lang, key, size=number(lang, entry.size))


def binary_note(entry: "Entry", lang: str, kept: bool = False) -> str:
    """The note after a binary entry's dump: its size, and how much of it the page
    holds; kept: whether the page keeps the whole frame."""
    held = len(entry.payload) if entry.payload is not None else 0
    if entry.size > held and not kept:
        return i18n.t(lang, "binary.held", size=number(lang, entry.size), held=number(lang, held))
    return i18n.t(lang, "binary", count=entry.size)


def state_note(entry: "Entry", lang: str) -> "str | None":
    """The note after a sent entry that says where its message stands ("pending for
    ws://h/", "not sent: …"), or None when the state needs none (sent, confirmed)."""
    key = _STATE_NOTES.get(entry.state or "")
    if key is None:
        return None
    message = getattr(entry, "message", None)
    owner = message.owner if message is not None else None
    if key == "state.pending_for" and owner is None:
        key = "state.pending"
    return i18n.t(lang, key, url=owner, detail=entry.detail or "")


def discard_label(entry: "Entry", lang: str) -> str:
    """The accessible name of a waiting entry's discard button, which quotes its start."""
    # Cut first: the message may be megabytes long.
    text = " ".join(entry.text[: LABEL_CHARS + 1].split())
    if len(text) > LABEL_CHARS or len(entry.text) > LABEL_CHARS + 1:
        text = text[: LABEL_CHARS - 1] + "…"
    return i18n.t(lang, "discard.label", text=text)
