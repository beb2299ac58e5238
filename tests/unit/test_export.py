"""Tests of wsclient.export: the JSON Lines export of the log."""

import base64
import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient.export import KEYS, Held, Stored, entry_record, fill, iso_time, to_jsonl
from wsclient.jsontext import parse_json
from wsclient.log import RECEIVED, SENT, SYSTEM, Entry

MS = 1795678405631  # 2026-11-26T07:33:25.631Z


class _Message:
    """What an entry reads a sent message's state from."""

    def __init__(self, state, detail=None):
        self.state = state
        self.detail = detail


def _entry(direction=RECEIVED, text="hi", binary=False, size=2, time_ms=MS, **extra):
    """An entry complete when created, as the log makes them."""
    message = None
    if "state" in extra:
        message = _Message(extra.pop("state"), extra.pop("detail", None))
    return Entry(7, direction, text, binary, size, time_ms, message=message, **extra)


def _read_back(text):
    """Read an export back as its reader would: one JSON object per line."""
    records = [parse_json(line) for line in text.split("\n") if line]
    assert all(isinstance(record, dict) for record in records)
    return records


def _datetime_iso(ms):
    moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(milliseconds=ms)
    return moment.isoformat(timespec="milliseconds") + "Z"


def test_iso_time_formats_utc_with_milliseconds():
    """Milliseconds since 1970 become an ISO 8601 UTC time with milliseconds."""
    assert iso_time(MS) == "2026-11-26T07:33:25.631Z"


@pytest.mark.parametrize(
    "ms, text",
    [
        (0, "1970-01-01T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951782400000, "2000-02-29T00:00:00.000Z"),
        (1.9, "1970-01-01T00:00:00.001Z"),
        (-0.5, "1969-12-31T23:59:59.999Z"),
        (253402300799999, "9999-12-31T23:59:59.999Z"),
        (253402300800000, "+010000-01-01T00:00:00.000Z"),
        (-62167219200001, "-000001-12-31T23:59:59.999Z"),
    ],
)
def test_iso_time_matches_javascript_to_iso_string(ms, text):
    """Edges come out as Date.prototype.toISOString() gives them: floored, signed years."""
    assert iso_time(ms) == text


@given(st.integers(min_value=-62135596800000, max_value=253402300799999))
def test_iso_time_agrees_with_datetime(ms):
    """For every millisecond datetime can show, iso_time gives the same date and time."""
    assert iso_time(ms) == _datetime_iso(ms)


@pytest.mark.parametrize("ms", [float("nan"), float("inf"), float("-inf")])
def test_iso_time_refuses_non_finite_times(ms):
    """NaN and infinities are no time at all."""
    with pytest.raises(ValueError):
        iso_time(ms)


def test_text_entry_record_has_its_text():
    """A text message's record holds its text and the common keys."""
    assert entry_record(_entry()) == {
        "seq": 7,
        "time": "2026-11-26T07:33:25.631Z",
        "direction": "received",
        "type": "text",
        "size": 2,
        "text": "hi",
    }


def test_binary_entry_holding_its_bytes_exports_them_as_base64():
    """A binary message the entry holds whole is marked for the shell to write in Base64."""
    record = entry_record(_entry(text="00 …", binary=True, size=3, payload=b"\x00\x01\xff"))
    assert (record["type"], record["base64"]) == ("binary", Held(b"\x00\x01\xff"))
    assert "outside_budget" not in record


def test_kept_frame_is_marked_for_the_store():
    """A frame the store keeps whole is written by the shell from there, text or binary."""
    kept = lambda entry: True  # noqa: E731
    assert entry_record(_entry(size=70000), kept)["text"] == Stored(7)
    record = entry_record(_entry(binary=True, size=5000, payload=b"\x00"), kept)
    assert record["base64"] == Stored(7) and "outside_budget" not in record


def test_binary_entry_without_payload_is_outside_the_budget():
    """Without its bytes, a binary entry gives the start it holds (none) and says why."""
    record = entry_record(_entry(text="de ad be ef", binary=True, size=4))
    assert (record["base64_start"], record["outside_budget"]) == (Held(b""), True)
    assert "base64" not in record


def test_long_text_outside_the_budget_gives_its_start():
    """A text over 64 KiB that the store let go exports as the start the entry holds."""
    record = entry_record(_entry(text="start", size=70000))
    assert (record["text_start"], record["outside_budget"]) == ("start", True)
    assert "text" not in record


def test_fill_writes_kept_frames_and_held_bytes():
    """The shell's filling gives the text as JSON and bytes as Base64."""
    entries = [_entry(size=70000), _entry(binary=True, size=2, payload=b"\xde\xad")]
    template = to_jsonl(entries, lambda entry: not entry.binary)
    records = _read_back(fill(template, {7: 'a "b"\n\ud800'}))
    assert [records[0]["text"], records[1]["base64"]] == ['a "b"\n\ud800', "3q0="]


def test_sent_entry_record_has_its_state_and_detail():
    """A sent message's record says what became of it."""
    record = entry_record(_entry(SENT, state="failed", detail="boom"))
    assert (record["direction"], record["state"], record["detail"]) == (SENT, "failed", "boom")


def test_system_entry_record_is_text():
    """System notes export as text records."""
    record = entry_record(_entry(SYSTEM, "Conectado"))
    assert (record["direction"], record["type"], record["text"]) == ("system", "text", "Conectado")


def test_to_jsonl_writes_one_line_per_entry():
    """Each entry is one line of JSON, each line ends in a line break."""
    text = to_jsonl([_entry(text="a\nb"), _entry(SENT, "c"), _entry(SYSTEM, "d")])
    lines = text.split("\n")
    assert len(lines) == 4 and lines[-1] == ""
    assert [json.loads(line)["direction"] for line in lines[:-1]] == [RECEIVED, SENT, SYSTEM]


def test_to_jsonl_of_nothing_is_empty():
    """No entries give an empty file."""
    assert to_jsonl([]) == ""


def test_to_jsonl_lists_keys_in_a_fixed_order():
    """Keys appear in KEYS order, the same on every interpreter."""
    line = to_jsonl([_entry(SENT, state="sent")]).rstrip("\n")
    keys = list(json.loads(line))
    assert keys == [key for key in KEYS if key in keys]
    assert line == json.dumps(json.loads(line), ensure_ascii=False)


def test_to_jsonl_escapes_lone_surrogates():
    """A text with a lone surrogate still gives valid JSON that encodes as UTF-8."""
    text = to_jsonl([_entry(text="a\ud800b")])
    text.encode("utf-8")
    assert json.loads(text)["text"] == "a\ud800b"


ENTRIES = st.builds(
    _entry,
    direction=st.sampled_from([SENT, RECEIVED, SYSTEM]),
    text=st.text(),
    size=st.integers(min_value=0, max_value=2**40),
    time_ms=st.integers(min_value=0, max_value=253402300799999),
)


@given(st.lists(ENTRIES, max_size=5))
def test_export_reads_back_as_its_records(entries):
    """Reading an export back gives the records that were written."""
    assert _read_back(fill(to_jsonl(entries), {})) == [entry_record(entry) for entry in entries]


@given(st.binary(), st.booleans())
def test_binary_payload_round_trips_through_base64(data, stored):
    """A binary payload's bytes come back from the export, byte for byte, from either side."""
    entry = _entry(text="…", binary=True, size=len(data), payload=None if stored else data)
    template = to_jsonl([entry], lambda entry: stored)
    (record,) = _read_back(fill(template, {7: data}))
    assert base64.b64decode(record["base64"]) == data


def test_binary_entry_holding_only_its_head_is_outside_the_budget():
    """A received frame the page kept only the start of is never passed off as whole."""
    entry = Entry(1, RECEIVED, "00 01 …", True, 5000, 0)
    entry.payload = b"\x00\x01"
    (record,) = _read_back(fill(to_jsonl([entry]), {}))
    assert "base64" not in record
    assert record["outside_budget"] is True and record["base64_start"] == "AAE="
