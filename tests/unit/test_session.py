"""The connection's state machine, driven through events as the page drives it."""

import pytest

from tests.unit.core import URL, client, feed, last_status, of, opened, send, texts, transmit
from wsclient import commands, outbox
from wsclient.events import (
    AutoReconnect,
    BinaryReceived,
    Close,
    Closed,
    Compose,
    Connect,
    Errored,
    Opened,
    OpenFailed,
    RetryNow,
    Start,
    StopRetry,
    TextReceived,
    Tick,
)
from wsclient.log import RECEIVED, SENT, SYSTEM
from wsclient.session import CLOSED, CONNECTING, ERROR, OPEN


def test_new_session_asks_for_a_server():
    """Starting with no server shows a closed status that asks for an address."""
    out = feed(client(), Start(0.0))
    cls, text = last_status(out)
    assert cls == CLOSED
    assert text.startswith("WebSocket desconectado.")
    assert not of(out, commands.Open)


def test_start_connects_to_the_address_given():
    """?url= opens a socket to that address at once, offering ?protocols=."""
    out = feed(client("url=ws://h:1/&protocols=chat.v2"), Start(0.0))
    assert of(out, commands.Open) == [commands.Open("ws://h:1/", ["chat.v2"])]


def test_connect_with_a_good_url_opens_it_and_shows_connecting():
    """A valid address is opened and the status says connecting."""
    out = feed(client(), Connect(" ws://127.0.0.1:8765/ ", "", 0.0))
    assert of(out, commands.Open) == [commands.Open("ws://127.0.0.1:8765/", [])]
    assert last_status(out)[0] == CONNECTING


@pytest.mark.parametrize("bad", ["", "http://x", "ws://", "not a url", "javascript:alert(1)"])
def test_connect_with_a_bad_url_explains_why_under_the_field(bad):
    """A bad address opens nothing and is said under the address field, not as a status."""
    core = client()
    out = feed(core, Connect(bad, "", 0.0))
    assert not of(out, commands.Open)
    (error,) = of(out, commands.ConnectError)
    assert error.field == "url" and error.text
    assert not of(out, commands.Status)
    assert texts(core) == []


def test_browser_refusing_the_address_says_why_under_the_field():
    """When the browser will not open the socket, the field says what it said; no red status."""
    core = client()
    out = feed(core, Connect(URL, "", 0.0), OpenFailed("SyntaxError: bad", 0.0))
    assert "SyntaxError: bad" in of(out, commands.ConnectError)[-1].text
    assert last_status(out)[0] == CLOSED
    assert "SyntaxError: bad" in texts(core)[-1][1]


def test_open_uses_the_articles_text():
    """Once open, the status is the article's 'Conectado ao servidor <url>'."""
    core = client()
    out = feed(core, Connect(URL, "", 0.0), Opened(URL, "", "", 0.0))
    assert last_status(out) == (OPEN, "Conectado ao servidor ws://h/")


def test_send_while_open_logs_and_hands_over_the_payload():
    """An open session logs the text as sent and hands it to the socket once."""
    core = opened()
    handed, _ = send(core, "olá")
    assert texts(core)[-1] == (SENT, "olá")
    assert handed == ["olá"]
    assert transmit(core)[0] == []


def test_send_while_closed_queues_the_message_as_pending():
    """Without a connection the message waits, logged and marked pending."""
    core = client()
    handed, out = send(core, "olá")
    entry = core.log.history()[-1]
    assert (entry.direction, entry.text, entry.state) == (SENT, "olá", outbox.PENDING)
    assert handed == [] and not of(out, commands.Transmit)


def test_queued_messages_go_out_in_order_once_open():
    """Messages queued while connecting are handed over in order when the socket opens."""
    core = client()
    feed(core, Connect(URL, "", 0.0))
    for text in ("um", "dois", "três"):
        send(core, text)
    core.handle(Opened(URL, "", "", 0.0))
    assert transmit(core)[0] == ["um", "dois", "três"]


def test_failed_hand_over_keeps_the_message_first_in_line():
    """A message the socket refuses is logged and retried before newer ones."""
    core = opened()
    core.handle(Compose("text", "a", 0.0))
    transmit(core, fail="InvalidStateError")
    assert texts(core)[-1][1].endswith("InvalidStateError")
    assert core.log.history()[0 - 2].state == outbox.FAILED
    assert send(core, "b")[0] == ["a", "b"]


def test_echo_confirms_the_sent_entry():
    """The echo of a sent message confirms it, and its entry is redrawn."""
    core = opened()
    send(core, "eco")
    seq = core.log.history()[-1].seq
    out = feed(core, TextReceived("eco", 5.0))
    assert commands.EntryChanged(seq) in out
    assert core.log.at(seq).state == outbox.CONFIRMED


def test_missing_echo_becomes_unconfirmed_on_an_echo_server():
    """Once the server has echoed, a message whose echo never comes is unconfirmed."""
    core = opened()
    send(core, "a")
    send(core, "b")
    core.handle(TextReceived("a", 1.0))
    out = feed(core, Tick(60_000.0))
    entry = core.log.history()[-2]
    assert entry.state == outbox.UNCONFIRMED
    assert commands.EntryChanged(entry.seq) in out


def test_silent_server_lets_messages_go_unmarked():
    """A server that never echoed is no echo server: its messages stay plainly sent."""
    core = opened()
    send(core, "a")
    feed(core, Tick(60_000.0))
    message = core.log.history()[-1].message
    assert (message.state, message.done) == (outbox.SENT, True)


def test_messages_of_a_lost_connection_are_not_sent_again():
    """Messages handed over before a drop are unconfirmed, never re-sent."""
    core = opened()
    send(core, "a")
    feed(core, Closed(1006, "", False, 0.0), Connect(URL, "", 0.0))
    core.handle(Opened(URL, "", "", 0.0))
    assert transmit(core)[0] == []


def test_unexpected_close_schedules_a_reconnect_with_auto_reconnect():
    """A 1006 after a working connection plans a retry within the backoff window."""
    core = opened(rand=lambda: 0.5)
    core.handle(AutoReconnect(True, 0.0))
    out = feed(core, Closed(1006, "", False, 1_000.0))
    assert of(out, commands.Countdown)[-1].text == "Tentativa 1 em 1 s…"
    out = feed(core, Tick(1_250.0))
    assert of(out, commands.Open) == [commands.Open(URL, [])]


def test_countdown_is_said_only_when_it_changes():
    """Ticks within the same second write nothing."""
    core = opened(rand=lambda: 0.999)
    core.handle(AutoReconnect(True, 0.0))
    feed(core, Closed(1006, "", False, 0.0))
    assert not of(feed(core, Tick(1.0)), commands.Countdown)


def test_retry_now_connects_at_once_and_stop_cancels():
    """ "Retry now" reconnects before the countdown ends; "stop" hides the countdown."""
    core = opened(rand=lambda: 0.999)
    core.handle(AutoReconnect(True, 0.0))
    feed(core, Closed(1006, "", False, 0.0))
    assert of(feed(core, RetryNow(1.0)), commands.Open)
    feed(core, Closed(1006, "", False, 2.0))
    out = feed(core, StopRetry(3.0))
    assert of(out, commands.Countdown) == [commands.Countdown(None)]
    assert not of(feed(core, Tick(1e9)), commands.Open)


def test_user_close_never_schedules_a_reconnect():
    """The user's own close asks the socket to close with 1000 and is final."""
    core = opened()
    core.handle(AutoReconnect(True, 0.0))
    out = feed(core, Close(0.0))
    assert of(out, commands.CloseSocket) == [commands.CloseSocket(1000)]
    feed(core, Closed(1000, "", True, 0.0))
    assert core.session.retries.at is None


@pytest.mark.parametrize("code", [1003, 1008])
def test_policy_closes_are_not_retried_and_say_why(code):
    """1003 and 1008 stop automatic reconnects with a system entry."""
    core = opened()
    core.handle(AutoReconnect(True, 0.0))
    feed(core, Closed(code, "", True, 0.0))
    assert core.session.retries.at is None
    assert texts(core)[-1][0] == SYSTEM


def test_first_connection_that_never_opens_is_not_retried():
    """A handshake that fails on the first try is reported, not retried."""
    core = client()
    feed(core, AutoReconnect(True, 0.0), Connect(URL, "", 0.0), Closed(1006, "", False, 0.0))
    assert core.session.retries.at is None


def test_reconnect_keeps_the_backoff_growing():
    """Failed reconnects to the same address widen the backoff window."""
    core = opened(rand=lambda: 0.999)
    core.handle(AutoReconnect(True, 0.0))
    feed(core, Closed(1006, "", False, 0.0))
    first = core.session.retries.at
    feed(core, Tick(first), Closed(1006, "", False, first))
    assert core.session.retries.at - first > first


def test_binary_is_logged_as_hex_with_its_size():
    """A binary frame is logged as hex pairs, marked binary, with its full size."""
    core = client()
    feed(core, BinaryReceived(b"\xde\xad", 2, 0.0))
    entry = core.log.history()[-1]
    assert (entry.direction, entry.text, entry.binary, entry.size) == (RECEIVED, "de ad", True, 2)
    assert entry.payload == b"\xde\xad"


def test_truncated_binary_preview_is_marked():
    """A frame longer than its preview ends with an ellipsis."""
    core = client()
    feed(core, BinaryReceived(b"\x00", 10, 0.0))
    assert texts(core)[-1][1] == "00 …"


def test_every_entry_asks_for_a_draw():
    """Each frame received leaves a Draw for the view."""
    out = feed(client(), TextReceived("a", 0.0))
    assert out == [commands.DRAW]


def test_close_shows_code_name_reason_and_cleanliness():
    """A close gives the article's text then the code, its name and the reason."""
    core = opened(lang="en")
    cls, text = last_status(feed(core, Closed(4001, "bye", True, 0.0)))
    assert cls == CLOSED
    assert text.startswith("WebSocket disconnected. Code 4001")
    assert "bye" in text


def test_close_after_an_error_keeps_the_error_class_and_explains_1006():
    """An error then 1006 ends in class error, with the likely causes behind "why?"."""
    core = client(lang="en")
    out = feed(core, Connect(URL, "", 0.0), Errored(0.0), Closed(1006, "", False, 0.0))
    cls, text = last_status(out)
    assert cls == ERROR
    assert text.startswith("WebSocket disconnected.")
    assert "refused" not in text
    assert "refused" in of(out, commands.Explain)[-1].text


def test_close_request_only_when_connected():
    """The close button asks the socket to close only when there is one."""
    core = client()
    assert not of(feed(core, Close(0.0)), commands.CloseSocket)
    feed(core, Connect(URL, "", 0.0))
    assert of(feed(core, Close(0.0)), commands.CloseSocket)


def test_bad_address_while_open_keeps_the_connection_and_its_status():
    """A bad address typed while connected is refused under the field; the status stays open."""
    core = opened()
    out = feed(core, Connect("http://x", "", 0.0))
    assert not of(out, commands.Open) and not of(out, commands.Status)
    assert "ws://h/" in of(out, commands.ConnectError)[0].text
    assert core.session.state == OPEN
    assert send(core, "ainda aqui?")[0] == ["ainda aqui?"]


def test_closing_during_the_handshake_is_the_users_close():
    """Closing before the handshake ends is reported as the user's close, not an error."""
    core = client(lang="en")
    feed(core, Connect(URL, "", 0.0), Close(0.0))
    cls, text = last_status(feed(core, Errored(0.0), Closed(1006, "", False, 0.0)))
    assert cls == CLOSED
    assert "You closed the connection." in text
    assert "refused" not in text


def test_connecting_elsewhere_settles_messages_of_the_old_socket():
    """Switching servers marks what the old socket took as unconfirmed, never resent."""
    core = opened()
    send(core, "a")
    feed(core, Connect("ws://other/", "", 0.0))
    (entry,) = [entry for entry in core.log.history() if entry.direction == SENT]
    assert entry.state == outbox.UNCONFIRMED


def test_send_bytes_logs_hex_and_hands_over_the_bytes():
    """Bytes typed as hex are logged as a binary entry and sent as bytes."""
    core = opened()
    handed, _ = send(core, "de ad", mode="hex")
    entry = core.log.history()[-1]
    assert (entry.direction, entry.text, entry.binary, entry.size) == (SENT, "de ad", True, 2)
    assert entry.payload == b"\xde\xad"
    assert handed == [b"\xde\xad"]


def test_binary_echo_confirms_the_bytes_sent():
    """A binary frame equal to the bytes sent is their echo, with a round trip."""
    core = opened()
    core.handle(Compose("base64", "AQI=", 0.0))
    transmit(core, now=100.0)
    feed(core, BinaryReceived(b"\x01\x02", 2, 102.5))
    assert core.log.history()[-2].state == outbox.CONFIRMED
    assert (core.session.outbox.last_rtt, core.session.outbox.median_rtt()) == (2.5, 2.5)


def test_truncated_binary_frame_never_counts_as_an_echo():
    """A frame larger than its head cannot be compared, so it confirms nothing."""
    core = opened()
    send(core, "01", mode="hex")
    feed(core, BinaryReceived(b"\x01", 5000, 0.0))
    assert (core.session.outbox.last_rtt, core.session.outbox.median_rtt()) == (None, None)


def test_stats_count_handed_and_received_messages():
    """Messages count when the socket takes them and when they arrive, with their bytes."""
    core = opened()
    core.handle(Compose("text", "olá", 0.0))
    assert core.session.stats.snapshot(0)[SENT]["messages"] == 0
    transmit(core)
    feed(core, TextReceived("olá", 0.0), BinaryReceived(b"\x00", 10, 0.0))
    snapshot = core.session.stats.snapshot(0)
    assert (snapshot[SENT]["messages"], snapshot[SENT]["bytes"]) == (1, 4)
    assert (snapshot[RECEIVED]["messages"], snapshot[RECEIVED]["bytes"]) == (2, 14)


def test_echo_round_trip_is_measured_from_hand_over():
    """The round trip runs from the socket taking the message to its echo."""
    core = opened()
    core.handle(Compose("text", "a", 0.0))
    transmit(core, now=10.0)
    feed(core, TextReceived("a", 13.0))
    core.handle(Compose("text", "b", 20.0))
    transmit(core, now=20.0)
    feed(core, TextReceived("b", 21.0))
    assert (core.session.outbox.last_rtt, core.session.outbox.median_rtt()) == (1.0, 2.0)


def test_negotiated_protocol_is_shown_only_while_open():
    """What the server agreed to is shown once open and hidden once closed."""
    core = client()
    out = feed(core, Connect(URL, "chat.v2", 0.0), Opened(URL, "chat.v2", "x-ext", 0.0))
    (shown,) = of(out, commands.Negotiated)
    assert "chat.v2" in shown.text and "x-ext" in shown.text
    assert of(feed(core, Closed(1000, "", True, 0.0)), commands.Negotiated) == [
        commands.Negotiated(None)
    ]
