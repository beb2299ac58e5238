"""The session: every status and log decision the page makes, without a browser."""

import pytest

from wsclient import outbox
from wsclient.log import RECEIVED, SENT, SYSTEM
from wsclient.session import CLOSED, CONNECTING, ERROR, OPEN, Session


def _entries(session):
    return [(e.direction, e.text) for e in session.log.history()]


def test_new_session_asks_for_a_server():
    """Before any connection the status is closed and asks for an address."""
    session = Session()
    assert session.status_class == CLOSED
    assert session.status_text.startswith("WebSocket desconectado.")


def test_connect_with_a_good_url_returns_it_and_shows_connecting():
    """A valid address is returned for the socket and the status says connecting."""
    session = Session()
    assert session.connect(" ws://127.0.0.1:8765/ ") == "ws://127.0.0.1:8765/"
    assert session.status_class == CONNECTING


@pytest.mark.parametrize("bad", ["", "http://x", "ws://", "not a url", "javascript:alert(1)"])
def test_connect_with_a_bad_url_explains_why(bad):
    """A bad address returns None, an error status and a system entry."""
    session = Session()
    assert session.connect(bad) is None
    assert session.status_class == ERROR
    assert _entries(session) == [(SYSTEM, session.status_text)]


def test_open_uses_the_articles_text():
    """Once open, the status is the article's 'Conectado ao servidor <url>'."""
    session = Session()
    session.connect("ws://h/")
    session.opened("ws://h/")
    assert (session.status_class, session.status_text) == (OPEN, "Conectado ao servidor ws://h/")


def _open_session(url="ws://h/", **options):
    session = Session(**options)
    session.connect(url)
    session.opened(url)
    return session


def _hand_over(session, now=0.0):
    handed = []
    for message in session.ready_messages():
        session.handed(message.id, now)
        handed.append(message.payload)
    return handed


def test_send_while_open_logs_and_hands_over_the_payload():
    """An open session logs the text as sent and hands it to the socket once."""
    session = _open_session()
    assert session.send_text("olá") is True
    assert _entries(session)[-1] == (SENT, "olá")
    assert _hand_over(session) == ["olá"]
    assert _hand_over(session) == []


def test_send_while_closed_queues_the_message_as_pending():
    """Without a connection the message waits, logged and marked pending."""
    session = Session()
    assert session.send_text("olá") is False
    entry = session.log.history()[-1]
    assert (entry.direction, entry.text, entry.state) == (SENT, "olá", outbox.PENDING)
    assert session.ready_messages() == []


def test_queued_messages_go_out_in_order_once_open():
    """Messages queued while connecting are handed over in order when the socket opens."""
    session = Session()
    session.connect("ws://h/")
    for text in ("um", "dois", "três"):
        session.send_text(text)
    session.opened("ws://h/")
    assert _hand_over(session) == ["um", "dois", "três"]


def test_failed_hand_over_keeps_the_message_first_in_line():
    """A message the socket refuses is retried before newer ones."""
    session = _open_session()
    session.send_text("a")
    session.send_text("b")
    first = session.ready_messages()[0]
    session.hand_failed(first.id, "InvalidStateError")
    assert session.log.history()[-1].text.endswith("InvalidStateError")
    assert _hand_over(session) == ["a", "b"]


def test_echo_confirms_the_sent_entry():
    """The echo of a sent message marks its entry confirmed."""
    session = _open_session()
    session.send_text("eco")
    _hand_over(session)
    session.received_text("eco", 5.0)
    changed = session.take_changed()
    assert changed and {e.state for e in changed} == {outbox.CONFIRMED}


def test_missing_echo_becomes_unconfirmed_on_an_echo_server():
    """Once the server has echoed, a message whose echo never comes is unconfirmed."""
    session = _open_session()
    session.send_text("a")
    session.send_text("b")
    _hand_over(session, 0.0)
    session.received_text("a", 1.0)
    assert session.tick(60_000.0) is True
    assert session.log.history()[-2].state == outbox.UNCONFIRMED


def test_messages_of_a_lost_connection_are_not_sent_again():
    """Messages handed over before a drop are unconfirmed, never re-sent."""
    session = _open_session()
    session.send_text("a")
    _hand_over(session)
    session.closed(1006, "", False)
    session.reconnect()
    session.opened("ws://h/")
    assert _hand_over(session) == []


def test_unexpected_close_schedules_a_reconnect_with_auto_reconnect():
    """A 1006 after a working connection plans a retry within the backoff window."""
    session = _open_session(rand=lambda: 0.5)
    session.auto_reconnect = True
    session.closed(1006, "", False, 1_000.0)
    assert session.retry_at == 1_000.0 + 250
    assert session.countdown(1_000.0) == 1
    assert session.retry_due(1_250.0)


def test_user_close_never_schedules_a_reconnect():
    """The user's own close is final."""
    session = _open_session()
    session.auto_reconnect = True
    session.close()
    session.closed(1000, "", True)
    assert session.retry_at is None


@pytest.mark.parametrize("code", [1003, 1008])
def test_policy_closes_are_not_retried_and_say_why(code):
    """1003 and 1008 stop automatic reconnects with a system entry."""
    session = _open_session()
    session.auto_reconnect = True
    session.closed(code, "", True)
    assert session.retry_at is None
    assert _entries(session)[-1][0] == SYSTEM


def test_first_connection_that_never_opens_is_not_retried():
    """A handshake that fails on the first try is reported, not retried."""
    session = Session()
    session.auto_reconnect = True
    session.connect("ws://h/")
    session.closed(1006, "", False)
    assert session.retry_at is None


def test_reconnect_keeps_the_backoff_growing():
    """Failed reconnects to the same address widen the backoff window."""
    session = _open_session(rand=lambda: 0.999)
    session.auto_reconnect = True
    session.closed(1006, "", False, 0.0)
    first = session.retry_at
    session.reconnect(first)
    session.closed(1006, "", False, first)
    assert session.retry_at - first > first


def test_binary_is_logged_as_hex_with_its_size():
    """A binary frame is logged as hex pairs, marked binary, with its full size."""
    session = Session()
    session.received_binary(b"\xde\xad", 2)
    entry = session.log.history()[-1]
    assert (entry.direction, entry.text, entry.binary, entry.size) == (RECEIVED, "de ad", True, 2)


def test_truncated_binary_preview_is_marked():
    """A frame longer than its preview ends with an ellipsis."""
    session = Session()
    session.received_binary(b"\x00", 10)
    assert session.log.history()[-1].text == "00 …"


def test_close_shows_code_name_reason_and_cleanliness():
    """A close gives the article's text then the code, its name and the reason."""
    session = Session("en")
    session.closed(4001, "bye", True)
    assert session.status_class == CLOSED
    assert session.status_text.startswith("WebSocket disconnected. Code 4001")
    assert "bye" in session.status_text


def test_close_after_an_error_keeps_the_error_class_and_explains_1006():
    """An error then 1006 ends in class error with the likely causes."""
    session = Session("en")
    session.connect("ws://h/")
    session.errored()
    session.closed(1006, "", False)
    assert session.status_class == ERROR
    assert session.status_text.startswith("WebSocket disconnected.")
    assert "refused" in session.status_text


def test_close_request_only_when_connected():
    """Asking to close returns True only when there is a socket to close."""
    session = Session()
    assert session.close() is False
    session.connect("ws://h/")
    assert session.close() is True


def test_bad_address_while_open_keeps_the_connection():
    """A bad address typed while connected is refused and the connection goes on."""
    session = _open_session()
    assert session.connect("http://x") is None
    assert session.state == OPEN
    assert session.status_class == ERROR
    assert "ws://h/" in session.status_text
    assert session.send_text("ainda aqui?") is True


def test_closing_during_the_handshake_is_the_users_close():
    """Closing before the handshake ends is reported as the user's close, not an error."""
    session = Session("en")
    session.connect("ws://h/")
    session.close()
    session.errored()
    session.closed(1006, "", False)
    assert session.status_class == CLOSED
    assert "You closed the connection." in session.status_text
    assert "refused" not in session.status_text


def test_connecting_elsewhere_settles_messages_of_the_old_socket():
    """Switching servers marks what the old socket took as unconfirmed, never resent."""
    session = _open_session()
    session.send_text("a")
    _hand_over(session)
    session.connect("ws://other/")
    assert session.log.history()[-1].state == outbox.UNCONFIRMED


def test_send_bytes_logs_hex_and_hands_over_the_bytes():
    """Bytes typed as hex or Base64 are logged as a binary entry and sent as bytes."""
    session = _open_session()
    assert session.send_bytes(b"\xde\xad") is True
    entry = session.log.history()[-1]
    assert (entry.direction, entry.text, entry.binary, entry.size) == (SENT, "de ad", True, 2)
    assert entry.payload == b"\xde\xad"
    assert _hand_over(session) == [b"\xde\xad"]


def test_binary_echo_confirms_the_bytes_sent():
    """A binary frame equal to the bytes sent is their echo, with a round trip."""
    session = _open_session()
    session.send_bytes(b"\x01\x02")
    _hand_over(session, now=100.0)
    session.received_binary(b"\x01\x02", 2, now=102.5)
    assert session.log.history()[-2].state == outbox.CONFIRMED
    assert session.rtt() == (2.5, 2.5)


def test_truncated_binary_frame_never_counts_as_an_echo():
    """A frame larger than its head cannot be compared, so it confirms nothing."""
    session = _open_session()
    session.send_bytes(b"\x01")
    _hand_over(session)
    session.received_binary(b"\x01", 5000)
    assert session.rtt() == (None, None)


def test_stats_count_handed_and_received_messages():
    """Messages count when the socket takes them and when they arrive, with their bytes."""
    session = _open_session()
    session.send_text("olá")
    assert session.stats.snapshot(0)[SENT]["messages"] == 0
    _hand_over(session)
    session.received_text("olá")
    session.received_binary(b"\x00", 10)
    snapshot = session.stats.snapshot(0)
    assert (snapshot[SENT]["messages"], snapshot[SENT]["bytes"]) == (1, 4)
    assert (snapshot[RECEIVED]["messages"], snapshot[RECEIVED]["bytes"]) == (2, 14)


def test_echo_round_trip_is_measured_from_hand_over():
    """The round trip runs from the socket taking the message to its echo."""
    session = _open_session()
    session.send_text("a", now=0.0)
    _hand_over(session, now=10.0)
    session.received_text("a", now=13.0)
    session.send_text("b", now=20.0)
    _hand_over(session, now=20.0)
    session.received_text("b", now=21.0)
    assert session.rtt() == (1.0, 2.0)


def test_negotiated_protocol_is_known_only_while_open():
    """The protocol and extensions the server agreed to last as long as the connection."""
    session = Session()
    session.connect("ws://h/")
    session.opened("ws://h/", 0, "chat.v2", "permessage-deflate")
    assert session.negotiated == ("chat.v2", "permessage-deflate")
    session.closed(1000, "", True)
    assert session.negotiated is None
