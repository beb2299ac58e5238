"""The session: every status and log decision the page makes, without a browser."""

import pytest

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


def test_send_while_open_logs_and_returns_the_payload():
    """An open session returns the text to send and logs it as sent."""
    session = Session()
    session.connect("ws://h/")
    session.opened("ws://h/")
    assert session.send_text("olá") == "olá"
    assert _entries(session)[-1] == (SENT, "olá")


def test_send_while_closed_is_refused_with_a_message():
    """Without a connection nothing is sent and a system entry says so."""
    session = Session()
    assert session.send_text("olá") is None
    assert _entries(session) == [(SYSTEM, "Não conectado: a mensagem não foi enviada.")]


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
