"""wsclient.export: the log as JSON Lines, and times as JavaScript's toISOString() writes them.

Times stay within 1970-01-01..2100-02-28T23:59:59.999Z, where MicroPython's
time.gmtime is right (see export.iso_time); test_export.py checks the rest on CPython.
"""

from conformance.entries import Entry
from conformance.runner import table
from wsclient import export
from wsclient.jsontext import parse_json


def _entries():
    return [
        Entry(1, "sent", 'a "quoted"\nline é', False, 18, 1795678405631.7, state="failed"),
        Entry(2, "received", "de ad be ef", True, 4, 0, payload=b"\xde\xad\xbe\xef"),
        Entry(3, "received", "00 01 …", True, 4096, 1000, payload=b"\x00\x01"),
        Entry(4, "system", "lone \ud800 surrogate", False, 20, 4107542399999),
    ]


def _jsonl():
    entries = _entries()
    entries[0].detail = "boom"
    return export.fill(export.to_jsonl(entries), {})


def _read_back():
    """Each line of an export, read back, is the record of its entry."""
    entry = Entry(9, "received", "…", True, 3, 1795678405631, payload=b"\x00\x01\xff")
    lines = export.fill(export.to_jsonl([entry, entry]), {}).split("\n")
    return [parse_json(line) for line in lines[:-1]] + [lines[-1]]


def _spelled(record):
    """A record's items, sorted (MicroPython's dicts keep no order), each value by its repr."""
    return [[key, repr(record[key])] for key in sorted(record)]


def _kept(seqs):
    return lambda entry: entry.seq in seqs


def _from_the_store():
    """Kept frames are marked by number, and filled in from the store, text or bytes."""
    entries = [
        Entry(1, "received", "long", False, 70000, 0),
        Entry(2, "sent", "00 01 …", True, 5000, 0, payload=b"\x00\x01"),
        Entry(3, "system", "note", False, 4, 0),
    ]
    template = export.to_jsonl(entries, _kept((1, 2, 3)))
    store = {1: 'whole \u00e9 "text"\n', 2: b"\x00\x01\xff"}
    records = [parse_json(line) for line in export.fill(template, store).split("\n")[:-1]]
    return [template.count("\x01"), [[r.get("text"), r.get("base64")] for r in records]]


def _outside():
    """A frame the page no longer keeps whole gives only its start, and says so."""
    entries = [
        Entry(1, "received", "start", False, 70000, 0),
        Entry(2, "received", "00 01 …", True, 5000, 0, payload=b"\x00\x01"),
        Entry(3, "received", "small", False, 5, 0),
    ]
    lines = export.fill(export.to_jsonl(entries, _kept(())), {}).split("\n")[:-1]
    seen = [parse_json(line) for line in lines]
    outside = [export.outside_budget(entry, _kept(())) for entry in entries]
    return [
        [r.get("text_start"), r.get("base64_start"), r.get("text"), r.get("outside_budget")]
        for r in seen
    ] + [outside]


def _days_in_order():
    """Days from 1970 to February 2100, a week apart, whose date is not after the one before."""
    day = 86400000
    late = []
    last = ""
    for days in range(0, 47541, 7):
        stamp = export.iso_time(days * day)
        if stamp[:10] <= last:
            late.append(stamp)
        last = stamp[:10]
    return late


ISO = [
    (0, "1970-01-01T00:00:00.000Z"),
    (1.9, "1970-01-01T00:00:00.001Z"),
    (951782400000, "2000-02-29T00:00:00.000Z"),
    (1795678405631, "2026-11-26T07:33:25.631Z"),
    (4102444800000, "2100-01-01T00:00:00.000Z"),
    (4107542399999, "2100-02-28T23:59:59.999Z"),
]

CASES = table("iso_time", export.iso_time, ISO) + [
    ("iso_time of days in order", _days_in_order, []),
    (
        "to_jsonl",
        _jsonl,
        '{"seq": 1, "time": "2026-11-26T07:33:25.631Z", "direction": "sent", "type": "text",'
        ' "size": 18, "text": "a \\"quoted\\"\\nline é", "state": "failed", "detail": "boom"}\n'
        '{"seq": 2, "time": "1970-01-01T00:00:00.000Z", "direction": "received",'
        ' "type": "binary", "size": 4, "base64": "3q2+7w=="}\n'
        '{"seq": 3, "time": "1970-01-01T00:00:01.000Z", "direction": "received",'
        ' "type": "binary", "size": 4096, "base64_start": "AAE=", "outside_budget": true}\n'
        '{"seq": 4, "time": "2100-02-28T23:59:59.999Z", "direction": "system", "type": "text",'
        ' "size": 20, "text": "lone \\ud800 surrogate"}\n',
    ),
    ("to_jsonl of nothing", lambda: export.to_jsonl([]), ""),
    (
        "read back",
        _read_back,
        [
            {
                "seq": 9,
                "time": "2026-11-26T07:33:25.631Z",
                "direction": "received",
                "type": "binary",
                "size": 3,
                "base64": "AAH/",
            }
        ]
        * 2
        + [""],
    ),
    (
        "entry_record of a binary entry without its bytes",
        lambda: _spelled(export.entry_record(Entry(5, "received", "de ad be ef", True, 4, 0))),
        [
            ["base64_start", "Held(b'')"],
            ["direction", "'received'"],
            ["outside_budget", "True"],
            ["seq", "5"],
            ["size", "4"],
            ["time", "'1970-01-01T00:00:00.000Z'"],
            ["type", "'binary'"],
        ],
    ),
    (
        "kept frames come from the store",
        _from_the_store,
        [2, [['whole \u00e9 "text"\n', None], [None, "AAH/"], ["note", None]]],
    ),
    (
        "frames outside the budget give their start",
        _outside,
        [
            ["start", None, None, True],
            [None, "AAE=", None, True],
            [None, None, "small", None],
            [True, True, False],
        ],
    ),
    (
        "a frame missing from the store is null",
        lambda: export.fill('{"text": \x017\x02}', {}),
        '{"text": null}',
    ),
]
