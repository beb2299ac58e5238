"""Export the log as JSON Lines, one object per message."""

import time

from wsclient.binary import to_base64
from wsclient.jsontext import json_string

# typing.TYPE_CHECKING, without importing typing: MicroPython has none. mypy takes it as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Iterable, Mapping

    from wsclient.log import Entry

__all__ = ["KEYS", "entry_record", "iso_time", "to_jsonl"]

# The keys a record may have, in the order a line lists them.
KEYS = (
    "seq",
    "time",
    "direction",
    "type",
    "size",
    "text",
    "base64",
    "hex_preview",
    "truncated",
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


def entry_record(entry: "Entry") -> "dict[str, str | int | bool]":
    """Turn a log entry into the dict one line of the export holds.

    Args:
        entry: a wsclient.log.Entry, or anything with its attributes; a binary entry
            may have ``payload``, its bytes (all of them, or only the first ones).

    Returns:
        {"seq", "time", "direction", "type", "size"} plus, for text, "text"; for
        binary, "base64" when ``payload`` holds all the bytes, else "hex_preview"
        (the text shown) and "truncated": True. A sent entry also has its "state",
        and "detail" if it failed.
    """
    record: "dict[str, str | int | bool]" = {
        "seq": entry.seq,
        "time": iso_time(entry.time_ms),
        "direction": entry.direction,
        "type": "binary" if entry.binary else "text",
        "size": entry.size,
    }
    if not entry.binary:
        record["text"] = entry.text
    else:
        data = getattr(entry, "payload", None)
        if data is not None and len(data) == entry.size:
            record["base64"] = to_base64(data)
        else:
            record["hex_preview"] = entry.text
            record["truncated"] = True
    for key in ("state", "detail"):
        value = getattr(entry, key, None)
        if value is not None:
            record[key] = value
    return record


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
    raise TypeError("cannot export %r" % (value,))


def _line(record: "Mapping[str, object]") -> str:
    """Write a record as one line of JSON, its keys in KEYS order, then any others sorted."""
    keys = [key for key in KEYS if key in record]
    keys += sorted([key for key in record if key not in KEYS])
    return "{" + ", ".join([json_string(key) + ": " + _value(record[key]) for key in keys]) + "}"


def to_jsonl(entries: "Iterable[Entry]") -> str:
    """Write entries as JSON Lines: one object per entry, each line ending in "\\n".

    Strings with lone surrogates still give valid JSON (as \\udxxx escapes), on
    MicroPython too.
    """
    return "".join([_line(entry_record(entry)) + "\n" for entry in entries])
