"""Export the log as JSON Lines, one object per message, and read such a file back."""

from wsclient.formats import PayloadError, json_string, parse_json, to_base64

__all__ = ["KEYS", "entry_record", "from_jsonl", "iso_time", "to_jsonl"]

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
_DAY_MS = 86400000
_INFINITY = float("inf")


def _civil_from_days(days):
    """Return (year, month, day) of the proleptic Gregorian date days after 1970-01-01.

    Howard Hinnant's algorithm (chrono-compatible low-level date algorithms); Python's
    floor division makes it right for days before 1970 as written.
    """
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def iso_time(ms):
    """Format milliseconds since 1970 (UTC) as JavaScript's toISOString() does.

    "2026-11-26T07:03:46.123Z"; fractions of a millisecond are dropped (floored),
    and years outside 0..9999 get a sign and six digits.

    Raises:
        ValueError: ms is NaN or infinite.
    """
    if ms != ms or ms == _INFINITY or ms == -_INFINITY:
        raise ValueError("time is not finite")
    days, rest = divmod(int(ms // 1), _DAY_MS)
    year, month, day = _civil_from_days(days)
    shown = "%04d" % year if 0 <= year <= 9999 else "%+07d" % year
    return "%s-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        shown,
        month,
        day,
        rest // 3600000,
        rest // 60000 % 60,
        rest // 1000 % 60,
        rest % 1000,
    )


def _full_preview(entry):
    """Return the bytes a binary entry's hex text shows, if it shows all of them."""
    try:
        data = bytes.fromhex(entry.text)
    except (ValueError, TypeError):
        return None
    return data if len(data) == entry.size else None


def entry_record(entry):
    """Turn a log entry into the dict one line of the export holds.

    Args:
        entry: a wsclient.log.Entry, or anything with its attributes; a binary entry
            may have ``payload``, its bytes (all of them, or only the first ones).

    Returns:
        {"seq", "time", "direction", "type", "size"} plus, for text, "text"; for
        binary, "base64" when the bytes are known (from ``payload``, or from a hex
        text that shows them all), else "hex_preview" (the text shown) and
        "truncated": True. A sent entry also has its "state", and "detail" if it failed.
    """
    record = {
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
        if data is None or len(data) != entry.size:
            data = _full_preview(entry)
        if data is not None:
            record["base64"] = to_base64(data)
        else:
            record["hex_preview"] = entry.text
            record["truncated"] = True
    for key in ("state", "detail"):
        value = getattr(entry, key, None)
        if value is not None:
            record[key] = value
    return record


def _value(value):
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


def _line(record):
    """Write a record as one line of JSON, its keys in KEYS order, then any others sorted."""
    keys = [key for key in KEYS if key in record]
    keys += sorted([key for key in record if key not in KEYS])
    return "{" + ", ".join([json_string(key) + ": " + _value(record[key]) for key in keys]) + "}"


def to_jsonl(entries):
    """Write entries as JSON Lines: one object per entry, each line ending in "\\n".

    Strings with lone surrogates still give valid JSON (as \\udxxx escapes), on
    MicroPython too.
    """
    return "".join([_line(entry_record(entry)) + "\n" for entry in entries])


def from_jsonl(text):
    """Read JSON Lines back into a list of dicts; blank lines are skipped.

    Raises:
        PayloadError: "jsonl.invalid" with the 1-based "line" and "column" of the
            first line that is not a JSON object, and "position" in the whole text.
    """
    records = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip(" \t\r"):
            try:
                record = parse_json(line)
                column = 1
            except PayloadError as exc:
                record = None
                column = exc.params.get("column", 1)
            if not isinstance(record, dict):
                position = start + column - 1
                raise PayloadError(
                    "jsonl.invalid", {"line": number, "column": column, "position": position}
                )
            records.append(record)
        start += len(line) + 1
    return records
