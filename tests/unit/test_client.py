"""The page's decisions beyond the connection: settings, composing, tools, time."""

import pytest

from tests.unit.core import URL, client, feed, filter_log, of, opened, send, texts, transmit
from wsclient import commands, pages
from wsclient.client import HISTORY_KEY, UNDO_MS
from wsclient.events import (
    AutoReconnect,
    ClearLog,
    Compose,
    Connect,
    Copied,
    Copy,
    Edited,
    Export,
    InternalError,
    ModeChanged,
    Pretty,
    Recall,
    ResetCounters,
    ShowAll,
    Start,
    StorageFailed,
    TextReceived,
    Tick,
    UndoClear,
)
from wsclient.log import SENT, SYSTEM

DEFAULT = "ws://127.0.0.1:8765/"


def test_start_fills_the_fields_from_the_address():
    """The form shows the address's server, subprotocols, reconnect and format."""
    core = client("url=ws://x/&protocols=a,b&reconnect=1&mode=hex")
    out = feed(core, Start(0.0))
    assert of(out, commands.Fields) == [commands.Fields("ws://x/", "a,b", True, "hex")]


def test_the_embedded_server_reconnects_by_default():
    """Automatic reconnects are on for the dev server's echo server, off elsewhere."""
    out = feed(client(default_server=DEFAULT), Start(0.0))
    assert of(out, commands.Fields)[0].auto_reconnect is True
    out = feed(client("url=ws://x/", default_server=DEFAULT), Start(0.0))
    assert of(out, commands.Fields)[0].auto_reconnect is False


def test_unknown_mode_falls_back_to_text():
    """?mode= accepts only the four send formats."""
    out = feed(client("mode=xml"), Start(0.0))
    assert of(out, commands.Fields)[0].mode == "text"


def test_bad_cap_is_noted_with_the_start_time():
    """An unusable ?cap= gets a system entry stamped when the page started."""
    core = client("cap=abc")
    feed(core, Start(5_000.0))
    entry = core.log.history()[0]
    assert (entry.direction, entry.time_ms) == (SYSTEM, 5_000.0)
    assert "cap" in entry.text and "abc" in entry.text


def test_address_reflects_the_connection_settings():
    """After a connect the address bar holds url, protocols, reconnect and kept params."""
    core = client("lang=en&interpreter=pyodide")
    out = feed(core, Connect("ws://x:1/", "chat", 0.0))
    (address,) = of(out, commands.Address)
    expected = "?url=ws://x:1/&protocols=chat&reconnect=0&lang=en&interpreter=pyodide"
    assert address.query == expected


def test_address_follows_reconnect_and_mode():
    """Turning reconnects on and picking a format update the address."""
    core = opened()
    assert "reconnect=1" in of(feed(core, AutoReconnect(True, 0.0)), commands.Address)[0].query
    assert "mode=json" in of(feed(core, ModeChanged("json")), commands.Address)[0].query


def test_a_bad_address_leaves_the_address_bar_alone():
    """An address that cannot be used is not put into the address bar."""
    assert not of(feed(client(), Connect("http://x", "", 0.0)), commands.Address)


def test_send_empties_the_composer_and_remembers_the_text():
    """A sent message empties the field, clears any error and is stored in the history."""
    core = opened()
    _, out = send(core, "olá")
    assert commands.ComposerText("") in out
    assert commands.SendError(None) in out
    (store,) = of(out, commands.Store)
    assert store.key == HISTORY_KEY and "olá" in store.text


def test_bad_hex_is_refused_with_its_position():
    """Bad input in a binary format is refused in place: nothing is sent, queued or logged."""
    core = opened()
    count = len(core.log.history())
    out = feed(core, Compose("hex", "de zz", 0.0))
    (error,) = of(out, commands.SendError)
    assert error.text and error.position == 3
    assert not of(out, commands.Transmit) and not of(out, commands.ComposerText)
    assert len(core.log.history()) == count


def test_bad_json_is_refused_before_sending():
    """JSON mode checks the text and says where it is wrong."""
    out = feed(opened(), Compose("json", '{"a": }', 0.0))
    assert of(out, commands.SendError)[0].text


def test_error_position_counts_utf16_units():
    """The caret lands on the bad character even after an emoji (two UTF-16 units)."""
    out = feed(opened(), Compose("hex", "\U0001f600", 0.0))
    assert of(out, commands.SendError)[0].position == 0
    out = feed(opened(), Compose("json", '["\U0001f600", x]', 0.0))
    assert of(out, commands.SendError)[0].position == 7


def test_editing_clears_the_error():
    """Typing again takes the error away."""
    core = client()
    feed(core, Start(0.0))
    assert feed(core, Edited()) == [commands.SendError(None)]


def test_recall_walks_the_history():
    """↑ brings back earlier sends, newest first, and ↓ the draft."""
    core = opened()
    send(core, "a")
    send(core, "b")
    assert of(feed(core, Recall(True, "draft")), commands.ComposerText)[0].text == "b"
    assert of(feed(core, Recall(True, "b")), commands.ComposerText)[0].text == "a"
    assert of(feed(core, Recall(False, "a")), commands.ComposerText)[0].text == "b"
    assert of(feed(core, Recall(False, "b")), commands.ComposerText)[0].text == "draft"


def test_recall_with_nothing_to_recall_changes_nothing():
    """With no history ↑ leaves the field alone."""
    core = client()
    feed(core, Start(0.0))
    assert feed(core, Recall(True, "x")) == []


def test_stored_history_is_read_on_start():
    """The history kept in storage is there to recall after a reload."""
    core = client()
    feed(core, Start(0.0, '["antigo"]'))
    assert of(feed(core, Recall(True, "")), commands.ComposerText)[0].text == "antigo"


def test_storage_that_cannot_be_read_is_said_once():
    """Storage refusals are noted in the log once, and the page goes on."""
    core = client()
    feed(core, Start(0.0, "", "SecurityError"), StorageFailed("QuotaExceeded", 0.0))
    feed(core, StorageFailed("QuotaExceeded", 0.0))
    notes = [text for direction, text in texts(core) if direction == SYSTEM]
    assert len([n for n in notes if "SecurityError" in n]) == 1
    assert len([n for n in notes if "QuotaExceeded" in n]) == 1


def test_missing_browser_features_are_said_once():
    """A browser without the native hex or Base64 methods is told about, once, on start."""
    core = client(lang="en")
    feed(core, Start(0.0, "", "", "Uint8Array.fromHex"))
    notes = [text for direction, text in texts(core) if "Uint8Array.fromHex" in text]
    assert len(notes) == 1 and notes[0].startswith("This browser lacks Uint8Array.fromHex.")


def test_filter_keeps_matching_entries_only():
    """The filter and the direction boxes choose what the log shows."""
    core = opened()
    send(core, "alpha")
    feed(core, TextReceived("beta", 0.0))
    filter_log(core, "BET")
    assert [e.text for e in core.log.visible()] == ["beta"]
    filter_log(core, "", [SENT])
    assert [e.text for e in core.log.visible()] == ["alpha"]


def test_pretty_redraws_the_log_in_the_new_layout():
    """Pretty JSON relays the log out and keeps the filter."""
    core = opened()
    filter_log(core, "x")
    out = feed(core, Pretty(True))
    assert out == [commands.Relayout(True), commands.DRAW]
    assert core.log.filtered


def test_clear_empties_the_log_at_once_and_offers_undo_and_reset():
    """Clear empties the log at the next draw, says how much, and offers undo for 10 s."""
    core = opened(lang="en")
    out = feed(core, ClearLog(0.0))
    assert core.log.history() == []
    assert out == [
        commands.DRAW,
        commands.ToolStatus("Log cleared: 1 entry removed.", UNDO_MS, ["undo", "reset"]),
    ]


def _cleared(now=0.0):
    """A client that received "a" and "b" and whose log the user cleared at now."""
    core = opened(lang="en")
    feed(core, TextReceived("a", 0.0), TextReceived("b", 0.0), ClearLog(now))
    return core


def test_undo_puts_the_cleared_entries_back_before_the_new_ones():
    """Entries that came after the clear stay after the ones undo brings back."""
    core = _cleared()
    feed(core, TextReceived("c", 1.0))
    out = feed(core, UndoClear(UNDO_MS))
    assert [text for _, text in texts(core)][-3:] == ["a", "b", "c"]
    assert out == [commands.ToolStatus("Log restored: 3 entries back."), commands.DRAW]


def test_undo_is_too_late_after_ten_seconds():
    """Past UNDO_MS, undo says it is too late and brings nothing back."""
    core = _cleared()
    out = feed(core, UndoClear(UNDO_MS + 1))
    assert core.log.history() == []
    assert of(out, commands.ToolStatus) == [
        commands.ToolStatus("Too late to undo: a clear can be undone for 10 s.")
    ]


def test_a_tick_past_the_undo_window_lets_the_cleared_entries_go():
    """Once the window has passed, a Tick drops them: undo then finds nothing."""
    core = _cleared()
    feed(core, Tick(UNDO_MS + 250.0))
    assert core.tools._cleared is None
    feed(core, UndoClear(UNDO_MS))
    assert core.log.history() == []


def test_a_second_clear_is_undone_with_the_first():
    """Clearing twice within the window, undo brings back both, in order."""
    core = _cleared()
    feed(core, TextReceived("c", 1.0))
    out = feed(core, ClearLog(2.0))
    assert of(out, commands.ToolStatus)[0].text == "Log cleared: 4 entries removed."
    feed(core, UndoClear(3.0))
    assert [text for _, text in texts(core)][-3:] == ["a", "b", "c"]


def test_clearing_an_empty_log_offers_only_the_counters():
    """Nothing to undo: the message says so and offers to reset the counters."""
    core = _cleared()
    out = feed(core, ClearLog(1.0))
    assert of(out, commands.ToolStatus) == [
        commands.ToolStatus("The log was already empty.", UNDO_MS, ["reset"])
    ]


def test_reset_counters_zeroes_traffic_and_round_trips():
    """The counters and the RTT start again from zero."""
    core = opened(lang="en")
    send(core, "x")
    feed(core, TextReceived("x", 5.0))
    out = feed(core, ResetCounters(10.0))
    (measures,) = of(out, commands.Measurements)
    assert measures.sent.startswith("Sent: 0 msg · 0 B")
    assert measures.received.startswith("Received: 0 msg · 0 B")
    assert measures.rtt == "Echo RTT: —"


def test_reset_counters_keeps_undo_on_offer_for_the_time_left():
    """After a clear, the message says both, and undo stays for the rest of its window."""
    core = _cleared()
    (status,) = of(feed(core, ResetCounters(4000.0)), commands.ToolStatus)
    assert status == commands.ToolStatus(
        "Log cleared: 3 entries removed. Counters and RTT reset.", UNDO_MS - 4000, ["undo"]
    )


def test_cleared_frames_stay_until_undo_is_too_late():
    """The store keeps the cleared entries' whole frames for undo, and lets go after."""
    core = _cleared()
    below = core.tools._cleared_below
    assert of(feed(core, Tick(UNDO_MS - 1.0)), commands.DropFrames) == []
    assert of(feed(core, Tick(UNDO_MS + 250.0)), commands.DropFrames) == [
        commands.DropFrames(below)
    ]


def test_export_downloads_every_kept_entry():
    """Export of all offers the kept log as JSON Lines and says how many entries it wrote."""
    core = opened(lang="en")
    out = feed(core, Export(0.0, "all"))
    (download,) = of(out, commands.Download)
    assert download.name.startswith("websocket-log-") and download.name.endswith(".jsonl")
    assert len(download.text.splitlines()) == len(core.log.history())
    assert of(out, commands.ToolStatus)[0].text == "Exported 1 entry, the only one kept."


def test_copy_takes_the_entries_shown_and_reports():
    """Copy writes the visible entries as text lines; the clipboard's answer is said."""
    core = opened(lang="en")
    (clip,) = of(feed(core, Copy()), commands.Clipboard)
    assert clip.count == len(core.log.visible())
    assert "System: Connected to server ws://h/" in clip.text
    assert of(feed(core, Copied(2)), commands.ToolStatus)[0].text == "Copied 2 visible entries."
    assert "denied" in feed(core, Copied(2, "denied"))[0].text


def test_show_all_gives_the_whole_dump_from_the_store():
    """Show all on a kept frame has the shell dump its bytes, from the first not shown."""
    core = opened()
    send(core, "00" * 300, mode="hex")
    seq = core.log.history()[-1].seq
    out = feed(core, ShowAll(seq, 128))
    assert out == [commands.ShowPage(seq, None, 128, 300, None, None)]


def test_show_all_dumps_at_the_width_the_view_draws():
    """On a narrow screen the view asks for 8 bytes a line, and gets them."""
    core = opened()
    send(core, "41" * 20, mode="hex")
    seq = core.log.history()[-1].seq
    entry = core.log.at(seq)
    (page,) = of(pages.next_page(entry, 0, False, "en", 8), commands.ShowPage)
    assert page.text.splitlines()[1] == "00000008  41 41 41 41 41 41 41 41  |AAAAAAAA|"


def test_show_all_for_a_forgotten_entry_only_removes_the_button():
    """An entry no longer kept answers with nothing to add and no button."""
    core = client()
    feed(core, Start(0.0))
    assert feed(core, ShowAll(99, 128)) == [commands.ShowPage(99, "", 128, 128, None, None)]


def test_tick_shows_measurements_only_when_they_change():
    """Counters are written when they change, not on every tick."""
    core = opened()
    first = of(feed(core, Tick(1_000.0)), commands.Measurements)
    assert first == [] or len(first) == 1
    assert of(feed(core, Tick(1_000.0)), commands.Measurements) == []
    feed(core, TextReceived("x", 1_100.0))
    assert of(feed(core, Tick(1_200.0)), commands.Measurements)


def test_announcements_sum_up_arrivals_at_most_every_two_seconds():
    """Screen readers hear a count of new messages, not each one."""
    core = opened(lang="en")
    feed(core, TextReceived("x", 2_000.0), TextReceived("y", 2_000.0))
    assert of(feed(core, Tick(2_100.0)), commands.Announce) == [commands.Announce("2 new messages")]
    feed(core, TextReceived("z", 2_200.0))
    assert of(feed(core, Tick(2_300.0)), commands.Announce) == []
    assert of(feed(core, Tick(4_200.0)), commands.Announce) == [commands.Announce("1 new message")]


def test_buffered_amount_is_shown_while_not_zero():
    """bufferedAmount appears when the browser holds data and disappears after."""
    core = opened()
    assert of(feed(core, Tick(0.0, 10)), commands.Buffered)[0].text
    assert of(feed(core, Tick(0.0, 10)), commands.Buffered) == []
    assert of(feed(core, Tick(0.0, 0)), commands.Buffered) == [commands.Buffered(None)]


def test_internal_errors_reach_the_log():
    """A failure in the page's own code is logged, not left in the console."""
    core = opened(lang="en")
    feed(core, InternalError("ValueError('x')", 0.0))
    assert texts(core)[-1] == (SYSTEM, "Internal page error: ValueError('x')")


def test_commands_are_plain_data():
    """Events and commands compare by value and print their fields."""
    assert commands.Open(URL, []) == commands.Open(URL, [])
    assert commands.Open(URL, []) != commands.Open(URL, ["x"])
    assert repr(commands.Status("open", "x")) == "Status('open', 'x')"
    assert commands.Status("open", "x").as_list() == ["Status", "open", "x"]


def test_recall_restores_the_format():
    """↑ on a Hex send brings back its text and the Hex format, and the address follows."""
    core = opened()
    core.handle(ModeChanged("hex"))
    send(core, "de ad", mode="hex")
    feed(core, ModeChanged("text"))
    out = feed(core, Recall(True, ""))
    assert of(out, commands.ComposerText) == [commands.ComposerText("de ad", "hex")]
    assert "mode=hex" in of(out, commands.Address)[0].query
    out = feed(core, Recall(False, "de ad"))
    assert of(out, commands.ComposerText) == [commands.ComposerText("", "text")]


def test_empty_message_is_not_sent_without_a_choice():
    """Enter on an empty field sends nothing and offers "send anyway"."""
    core = opened()
    count = len(core.log.history())
    out = feed(core, Compose("text", "", 0.0))
    (hint,) = of(out, commands.SendError)
    assert hint.anyway is True and hint.text
    assert not of(out, commands.Transmit) and len(core.log.history()) == count


def test_blank_hex_is_not_sent_without_a_choice():
    """Blank input in Hex mode would be a 0-byte binary frame: it needs the deliberate control."""
    out = feed(opened(), Compose("hex", " \n ", 0.0))
    assert of(out, commands.SendError)[0].anyway is True
    assert not of(out, commands.Transmit)


def test_send_anyway_sends_the_empty_frame():
    """The deliberate control sends an empty text frame, or a 0-byte binary one in Hex."""
    core = opened()
    core.handle(Compose("text", "", 0.0, anyway=True))
    core.handle(Compose("hex", "  ", 0.0, anyway=True))
    assert transmit(core)[0] == ["", b""]


def test_whitespace_only_text_is_a_blank_message():
    """Only spaces, Unicode's included, counts as empty."""
    out = feed(opened(), Compose("text", " \u3000\t", 0.0))
    assert of(out, commands.SendError)[0].anyway is True


@pytest.mark.parametrize(
    ("query", "name", "used"),
    [
        ("cap=abc", "cap=abc", "1000"),
        ("mode=xml", "mode=xml", "text"),
        ("mode=HEX", "mode=HEX", "hex"),
        ("lang=fr", "lang=fr", "pt-BR"),
        ("reconnect=yes", "reconnect=yes", "0"),
        ("interpreter=cpython", "interpreter=cpython", "micropython"),
    ],
)
def test_every_bad_parameter_gets_one_note_and_a_corrected_address(query, name, used):
    """A bad value is named once, with what the page uses instead, and leaves the address."""
    core = client(query + "&url=ws://x/")
    out = feed(core, Start(0.0))
    notes = [text for direction, text in texts(core) if direction == SYSTEM and name in text]
    assert len(notes) == 1 and notes[0].endswith("Usando %s." % used)
    assert name not in of(out, commands.Address)[0].query


def test_good_parameters_get_no_note():
    """Usable values are kept as they came, with no note."""
    core = client("lang=pt-BR&interpreter=pyodide&cap=50&mode=json&reconnect=1&url=ws://x/")
    out = feed(core, Start(0.0))
    assert [d for d, _ in texts(core) if d == SYSTEM] == []
    query = of(out, commands.Address)[0].query
    assert query == "?url=ws://x/&reconnect=1&mode=json&lang=pt-BR&interpreter=pyodide&cap=50"
