"""What the page writes about entries and traffic: times, meta lines, filters, copies.

Pure text work, so the shell only puts the results into the DOM.
"""

from wsclient import i18n
from wsclient.export import iso_time
from wsclient.jsontext import looks_like_json, pretty_json
from wsclient.log import RECEIVED, SENT, SYSTEM
from wsclient.outbox import DISCARDED, FAILED, PENDING, UNCONFIRMED

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterable, Mapping

    from wsclient.log import Entry
    from wsclient.stats import Traffic

__all__ = [
    "Clock",
    "announcement",
    "binary_note",
    "copy_text",
    "decimal",
    "discard_label",
    "entry_text",
    "export_name",
    "fold",
    "make_filter",
    "meta",
    "rtt_line",
    "state_note",
    "stats_line",
    "truncated_note",
]

_DIRECTIONS = (SENT, RECEIVED, SYSTEM)
# Text entries above SHOW_BYTES show their first SHOW_CHARS characters only:
# laying out megabytes of text would freeze the page.
SHOW_BYTES = 64 * 1024
SHOW_CHARS = 16 * 1024
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
    text = text.lower()
    if _LOWERED:
        for upper, lower in zip(_UPPER, _LOWER):
            if upper in text:
                text = text.replace(upper, lower)
    return text


def make_filter(
    text: str, directions: "Iterable[str]" = _DIRECTIONS
) -> "Callable[[Entry], bool] | None":
    """Build the log's filter: entries of the given directions whose text holds text.

    The match ignores case. Returns None when it would let everything through, so
    the log can skip filtering altogether.
    """
    shown = tuple([direction for direction in _DIRECTIONS if direction in directions])
    needle = fold(text)
    if not needle and len(shown) == len(_DIRECTIONS):
        return None
    if not needle:
        return lambda entry: entry.direction in shown

    def match(entry: "Entry") -> bool:
        return entry.direction in shown and needle in fold(entry.text)

    return match


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


def meta(entry: "Entry", clock: Clock, kinds: "Mapping[str, str]") -> str:
    """An entry's meta line: "12:00:00.000 · 5 B · text"; a system entry has its time only.

    Args:
        kinds: the word for each frame type, {"text": "text", "binary": "binary"}.
    """
    when = clock.time(entry.time_ms)
    if entry.direction == SYSTEM:
        return when
    return "%s · %d B · %s" % (when, entry.size, kinds["binary"] if entry.binary else kinds["text"])


def decimal(value: float, lang: str, places: int = 1) -> str:
    """Format a number with places decimals and the language's decimal mark."""
    # Rounded half away from zero by hand: "%.1f" rounds 1.25 to 1.2 on CPython
    # and to 1.3 on MicroPython.
    scale = 10**places
    scaled = int(abs(value) * scale + 0.5)
    sign = "-" if value < 0 and scaled else ""
    text = sign + str(scaled // scale)
    if places:
        mark = "," if lang == "pt-BR" else "."
        text += mark + str(scaled % scale + scale)[1:]
    return text


def stats_line(key: str, counts: "Traffic", lang: str) -> str:
    """The line for one direction of a Stats snapshot: "Sent: 3 msg · 12 B · 1.0 msg/s · …"."""
    return i18n.t(
        lang,
        key,
        messages=counts["messages"],
        bytes=counts["bytes"],
        rate=decimal(counts["rate"], lang),
        byte_rate=decimal(counts["byte_rate"], lang, 0),
    )


def rtt_line(last: "float | None", median: "float | None", lang: str) -> str:
    """The echo round-trip line; last and median are milliseconds, or None before any echo."""
    if last is None or median is None:
        return i18n.t(lang, "rtt.none")
    return i18n.t(lang, "rtt", last=decimal(last, lang), median=decimal(median, lang))


def announcement(count: int, lang: str) -> str:
    """What the live region says about count new messages ("12 new messages")."""
    if count == 1:
        return i18n.t(lang, "announce.one")
    return i18n.t(lang, "announce.many", count=count)


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
    if pretty and entry.direction != SYSTEM and looks_like_json(text):
        return pretty_json(text), False
    return text, False


def truncated_note(entry: "Entry", lang: str) -> str:
    """The note after a text entry that shows only its start."""
    return i18n.t(lang, "text.truncated", size=entry.size)


def binary_note(entry: "Entry", lang: str) -> str:
    """The note after a binary entry's dump: its size, and how much of it the page holds."""
    held = len(entry.payload) if entry.payload is not None else 0
    if entry.size > held:
        return i18n.t(lang, "binary.held", size=entry.size, held=held)
    return i18n.t(lang, "binary", size=entry.size)


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
