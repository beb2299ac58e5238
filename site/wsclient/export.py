"""Export the log as JSON Lines, one object per message.

The whole frames stay in the shell's store, never here: each line is written with a
mark where a frame goes, and the shell fills it in (ui/frames.js; fill() below does
the same, for the tests). A mark is always a JSON value:

- "\\x01<seq>\\x02": the kept frame of entry seq, as a JSON string: its text, or its
  bytes in Base64;
- "\\x03<hex>\\x02": these bytes, which the entry holds, in Base64 (hex crosses to
  JavaScript in C; MicroPython's binascii would be slow).

JSON text never holds a raw control character, so no text can pass for a mark.
"""

import time

from wsclient.binary import to_base64
from wsclient.frames import whole_in_log
from wsclient.jsontext import json_string
from wsclient.log import NOTES

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Callable, Iterable, Mapping

    from wsclient.log import Entry

__all__ = ["KEYS", "entry_record", "fill", "iso_time", "outside_budget", "to_jsonl"]

# The keys a record may have, in the order a line lists them.
KEYS = (
    "seq",
    "time",
    "direction",
    "type",
    "size",
    "text",
    "base64",
    "text_start",
    "base64_start",
    "outside_budget",
    "state",
    "detail",
)
_INFINITY = float("inf")


def iso_time(ms: float) -> str:
    """Format milliseconds since 1970 (UTC) as JavaScript's toISOString() does.

    "2026-11-26T07:03:46.123Z"; fractions of a millisecond are dropped (floored),
    and years outside 0..9999 get a sign and six digits. On CPython and Pyodide
    this holds over all of JavaScript's Date range; on MicroPython, from 1970 to
    February 2100 (see below).

    Raises:
        ValueError: ms is NaN or infinite.
    """
    if ms != ms or ms == _INFINITY or ms == -_INFINITY:
        raise ValueError("time is not finite")
    seconds, millis = divmod(int(ms // 1), 1000)
    # MicroPython's gmtime is right from 1970-01-01 to 2100-02-28T23:59:59Z only: it
    # takes unsigned 32-bit seconds, so any earlier time comes out as 1970-01-01T00:00:00,
    # and it counts 2100 as a leap year, a day off from 2100-03-01 on. Entry times come
    # from the browser's clock, well inside that range.
    year, month, day, hour, minute, second = time.gmtime(seconds)[:6]
    shown = "%04d" % year if 0 <= year <= 9999 else "%+07d" % year
    return "%s-%02d-%02dT%02d:%02d:%02d.%03dZ" % (shown, month, day, hour, minute, second, millis)


class Stored:
    """The mark of a kept frame, which the shell writes from its store."""

    def __init__(self, seq: int) -> None:
        self.seq = seq

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Stored) and other.seq == self.seq

    def __repr__(self) -> str:
        return "Stored(%d)" % self.seq


class Held:
    """The mark of bytes the entry holds, which the shell writes in Base64."""

    def __init__(self, data: bytes) -> None:
        self.data = bytes(data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Held) and other.data == self.data

    def __repr__(self) -> str:
        return "Held(%r)" % (self.data,)


def outside_budget(entry: "Entry", kept: "Callable[[Entry], bool] | None" = None) -> bool:
    """Whether the export can give only the start of the entry's frame: the store no
    longer keeps it (the frame budget), and the entry holds only its start."""
    if entry.direction in NOTES or (kept is not None and kept(entry)):
        return False
    return not whole_in_log(entry)


def entry_record(
    entry: "Entry", kept: "Callable[[Entry], bool] | None" = None
) -> "dict[str, object]":
    """Turn a log entry into the dict one line of the export holds.

    Args:
        entry: a wsclient.log.Entry, or anything with its attributes.
        kept: tells whether the shell's store holds an entry's whole frame
            (Frames.kept); None when it holds none.

    Returns:
        {"seq", "time", "direction", "type", "size"} plus the frame: "text" or
        "base64", whole (a Stored mark when the store has it, a Held mark for the
        bytes the entry holds); or, for a frame outside the budget, only its start,
        as "text_start" or "base64_start", and "outside_budget": True. A sent entry
        also has its "state", and "detail" if it failed.
    """
    record: "dict[str, object]" = {
        "seq": entry.seq,
        "time": iso_time(entry.time_ms),
        "direction": entry.direction,
        "type": "binary" if entry.binary else "text",
        "size": entry.size,
    }
    key = "base64" if entry.binary else "text"
    if entry.direction not in NOTES and kept is not None and kept(entry):
        record[key] = Stored(entry.seq)
    else:
        outside = outside_budget(entry)
        if outside:
            key += "_start"
        text = entry.text if getattr(entry, "raw", None) is None else entry.raw
        record[key] = Held(entry.payload or b"") if entry.binary else text
        if outside:
            record["outside_budget"] = True
    for key in ("state", "detail"):
        value = getattr(entry, key, None)
        if value is not None:
            record[key] = value
    if getattr(entry, "fields", None) is not None:
        record["decoded"] = Json(entry.fields)  # type: ignore[arg-type]
    if getattr(entry, "error", None) is not None:
        record["decode_error"] = entry.error
    return record


class Json:
    """JSON text that goes into a line as it is: a protocol's packets (Entry.fields)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _value(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return json_string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value - value == 0:
        return repr(value)
    if isinstance(value, Json):
        return value.text
    if isinstance(value, Stored):
        return "\x01%d\x02" % value.seq
    if isinstance(value, Held):
        return "\x03" + value.data.hex() + "\x02"
    raise TypeError("cannot export %r" % (value,))


def _line(record: "Mapping[str, object]") -> str:
    """Write a record as one line of JSON, its keys in KEYS order, then any others sorted."""
    keys = [key for key in KEYS if key in record]
    keys += sorted([key for key in record if key not in KEYS])
    return "{" + ", ".join([json_string(key) + ": " + _value(record[key]) for key in keys]) + "}"


def to_jsonl(entries: "Iterable[Entry]", kept: "Callable[[Entry], bool] | None" = None) -> str:
    """Write entries as JSON Lines: one object per entry, each line ending in "\\n",
    with marks for the frames the shell fills in (kept: as for entry_record).

    Strings with lone surrogates still give valid JSON (as \\udxxx escapes), on
    MicroPython too.
    """
    return "".join([_line(entry_record(entry, kept)) + "\n" for entry in entries])


def fill(text: str, store: "Mapping[int, str | bytes]") -> str:
    """Put the frames into an export's marks, as the shell does from its store.

    A frame missing from store is written as null.
    """
    parts = text.split("\x02")
    out = []
    for part in parts[:-1]:
        at = max(part.rfind("\x01"), part.rfind("\x03"))
        out.append(part[:at])
        body = part[at + 1 :]
        if part[at] == "\x03":
            out.append('"' + to_base64(bytes.fromhex(body)) + '"')
            continue
        value = store.get(int(body))
        if value is None:
            out.append("null")
        elif isinstance(value, str):
            out.append(json_string(value))
        else:
            out.append('"' + to_base64(value) + '"')
    out.append(parts[-1])
    return "".join(out)
