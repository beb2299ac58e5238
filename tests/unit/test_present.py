"""Tests of wsclient.present: the texts the page writes about entries and traffic."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wsclient import present
from wsclient.log import RECEIVED, SENT, SYSTEM, Entry
from wsclient.outbox import ANY, Outbox

KINDS = {"text": "text", "binary": "binary"}
LABELS = {SENT: "Sent:", RECEIVED: "Received:", SYSTEM: "System:"}
# 2026-11-26T07:33:25.631Z
MS = 1795678405631


def _entry(direction=RECEIVED, text="hello", binary=False, size=5, time_ms=MS):
    return Entry(1, direction, text, binary, size, time_ms)


def test_fold_lowers_latin1_capitals():
    """fold() lowers accented capitals too, as MicroPython's lower() does not."""
    assert present.fold("AÇÃO ÉÎÕÜ") == "ação éîõü"


def test_filter_is_none_when_it_lets_everything_through():
    """No text and every direction: no filter at all, so the log skips filtering."""
    assert present.make_filter("", (SENT, RECEIVED, SYSTEM)) is None


def test_filter_matches_substring_ignoring_case():
    """The needle matches anywhere in the text, whatever the case."""
    match = present.make_filter("WORLD")
    assert match(_entry(text="hello world!")) and not match(_entry(text="hello"))


def test_filter_matches_accented_text_ignoring_case():
    """ "ação" finds "AÇÃO" and the other way round."""
    assert present.make_filter("ação")(_entry(text="UMA AÇÃO"))
    assert present.make_filter("AÇÃO")(_entry(text="uma ação"))


def test_filter_hides_unchecked_directions():
    """Only the directions given pass, with or without text."""
    match = present.make_filter("", (SENT,))
    assert match(_entry(SENT)) and not match(_entry(RECEIVED)) and not match(_entry(SYSTEM))


def test_filter_matches_binary_entries_by_their_hex():
    """A binary entry's text is its hex pairs, so "de ad" finds it."""
    assert present.make_filter("DE AD")(_entry(text="de ad be ef", binary=True))


def test_clock_gives_local_time_with_milliseconds():
    """The offset moves UTC to local time; milliseconds are floored."""
    assert present.Clock(0).time(MS + 0.9) == "07:33:25.631"
    assert present.Clock(-180).time(MS) == "04:33:25.631"
    assert present.Clock(330).time(MS) == "13:03:25.631"


def test_clock_reuses_the_second_but_not_the_milliseconds():
    """Two times in one second differ in their milliseconds only."""
    clock = present.Clock(0)
    assert [clock.time(MS), clock.time(MS + 1), clock.time(MS + 369)] == [
        "07:33:25.631",
        "07:33:25.632",
        "07:33:26.000",
    ]


@given(st.integers(min_value=0, max_value=2**41), st.integers(min_value=-720, max_value=840))
def test_clock_agrees_with_a_fresh_clock(ms, offset):
    """The cached second never leaks into another time."""
    warm = present.Clock(offset)
    warm.time(ms - 1)
    assert warm.time(ms) == present.Clock(offset).time(ms)


def test_meta_of_text_binary_and_system_entries():
    """Messages give time, size and type; system entries their time only."""
    clock = present.Clock(0)
    assert present.meta(_entry(), clock, KINDS, "en") == "07:33:25.631 · 5 B · text"
    binary = _entry(text="de ad", binary=True, size=2)
    assert present.meta(binary, clock, KINDS, "en") == "07:33:25.631 · 2 B · binary"
    assert present.meta(_entry(SYSTEM), clock, KINDS, "en") == "07:33:25.631"


@pytest.mark.parametrize(("lang", "shown"), [("pt-BR", "1.000.000 B"), ("en", "1,000,000 B")])
def test_meta_writes_the_size_as_the_language_does(lang, shown):
    """A size of a million bytes has the language's thousands separators."""
    meta = present.meta(_entry(size=1_000_000), present.Clock(0), KINDS, lang)
    assert meta == "07:33:25.631 · " + shown + " · text"


def test_stats_line_groups_thousands():
    """Big counts and rates get thousands separators, next to the decimal rate."""
    counts = {"messages": 1_000_000, "bytes": 211_564_000, "rate": 2.0, "byte_rate": 211564}
    assert present.stats_line("stats.received", counts, "pt-BR") == (
        "Recebidas: 1.000.000 msg · 211.564.000 B · 2,0 msg/s · 211.564 B/s"
    )
    assert present.stats_line("stats.received", counts, "en") == (
        "Received: 1,000,000 msg · 211,564,000 B · 2.0 msg/s · 211,564 B/s"
    )


def test_stats_line_fills_every_figure():
    """A direction's line has messages, bytes and both rates."""
    counts = {"messages": 3, "bytes": 12, "rate": 2.5, "byte_rate": 10.4}
    assert present.stats_line("stats.sent", counts, "en") == (
        "Sent: 3 msg · 12 B · 2.5 msg/s · 10 B/s"
    )
    assert present.stats_line("stats.received", counts, "pt-BR") == (
        "Recebidas: 3 msg · 12 B · 2,5 msg/s · 10 B/s"
    )


def test_rtt_line_before_and_after_an_echo():
    """A dash before any echo, then the last and the median."""
    assert present.rtt_line(None, None, "en") == "Echo RTT: —"
    assert present.rtt_line(0.84, 1.5, "pt-BR") == "RTT do eco: última 0,8 ms · mediana 1,5 ms"


def test_announcement_is_singular_for_one():
    """ "1 new message", "12 new messages", in both languages."""
    assert present.announcement(1, "en") == "1 new message"
    assert present.announcement(12, "en") == "12 new messages"
    assert present.announcement(12, "pt-BR") == "12 novas mensagens"


@pytest.mark.parametrize(
    ("matched", "total", "lang", "shown"),
    [
        (1, 1, "pt-BR", "1 de 1 entrada"),
        (1, 1, "en", "1 of 1 entry"),
        (0, 2, "en", "0 of 2 entries"),
        (1500, 10000, "pt-BR", "1.500 de 10.000 entradas"),
        (1500, 10000, "en", "1,500 of 10,000 entries"),
    ],
)
def test_filter_count_agrees_with_its_total(matched, total, lang, shown):
    """ "1 of 1 entry", "0 of 2 entries", with thousands separators."""
    assert present.filter_count(matched, total, lang) == shown


@pytest.mark.parametrize(
    ("count", "lang", "shown"),
    [
        (1, "pt-BR", "1 mensagem antiga fora da tela"),
        (1, "en", "1 older message hidden"),
        (2500, "en", "2,500 older messages hidden"),
    ],
)
def test_dropped_note_agrees_with_its_count(count, lang, shown):
    """One older message, or many, with thousands separators."""
    assert present.dropped_note(count, lang) == shown


@pytest.mark.parametrize(
    ("size", "lang", "shown"),
    [
        (1, "pt-BR", "binário, 1 byte"),
        (1, "en", "binary, 1 byte"),
        (0, "en", "binary, 0 bytes"),
        (4096, "pt-BR", "binário, 4.096 bytes"),
    ],
)
def test_binary_note_agrees_with_its_size(size, lang, shown):
    """ "binary, 1 byte", never "1 bytes"."""
    entry = _entry(text="", binary=True, size=size)
    entry.payload = b"\x00" * size
    assert present.binary_note(entry, lang) == shown


def test_copy_text_has_one_line_per_entry():
    """Each line is the time, the label and the text."""
    entries = [_entry(SENT, "a\tb"), _entry(RECEIVED, "de ad", True, 2), _entry(SYSTEM, "x")]
    assert present.copy_text(entries, present.Clock(0), LABELS) == (
        "07:33:25.631 Sent: a\tb\n07:33:25.631 Received: de ad\n07:33:25.631 System: x"
    )


def test_export_name_uses_local_time():
    """The file is named for the local date and time of the export."""
    assert present.export_name(MS, -180) == "websocket-log-20261126-043325.jsonl"


def _sent(state_of=None, owner="ws://h/", text="hello"):
    """A sent entry whose message is left in a state by state_of(outbox, message)."""
    box = Outbox()
    message = box.add(text, 0, owner=owner)
    if state_of is not None:
        state_of(box, message)
    return Entry(1, SENT, text, False, 5, MS, message=message)


def _fail(box, message):
    box.take_ready(ANY)
    box.mark_failed(message.id, "InvalidStateError")


def _send(box, message):
    box.take_ready(ANY)
    box.mark_sent(message.id, 0)


@pytest.mark.parametrize(
    "state_of, owner, note",
    [
        (None, "ws://h/", "pending for ws://h/"),
        (None, None, "pending"),
        (_fail, "ws://h/", "not sent: InvalidStateError"),
        (lambda box, m: box.discard([m.id]), "ws://h/", "discarded, not sent"),
        (lambda box, m: (_send(box, m), box.connection_lost()), "ws://h/", "no echo"),
        (_send, "ws://h/", None),
    ],
)
def test_state_note_says_where_a_sent_message_stands(state_of, owner, note):
    """A waiting message names the address it waits for; sent ones need no note."""
    assert present.state_note(_sent(state_of, owner), "en") == note


def test_state_note_of_an_entry_without_a_message_is_none():
    """Received and system entries have no state to note."""
    assert present.state_note(_entry(), "en") is None


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("olá", "olá"),
        ("line one\nline two", "line one line two"),
        ("x" * 40, "x" * 40),
        ("x" * 41, "x" * 39 + "…"),
        ("x" * 1_000_000, "x" * 39 + "…"),
    ],
)
def test_discard_label_quotes_the_start_of_the_message(text, quoted):
    """The discard button's name starts with its visible text and quotes the message."""
    label = present.discard_label(_sent(text=text), "pt-BR")
    assert label == f"Descartar a mensagem pendente “{quoted}”"
