"""The article's page, done right: connect, send, receive, close, on both interpreters."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send

STATUS = "#status"


def test_page_connects_to_the_embedded_echo_server(open_page, echo_server):
    """Without ?url= the page connects to the dev script's echo server and says so."""
    page = open_page()
    status = page.locator(STATUS)
    expect(status).to_have_class("open")
    expect(status).to_have_text(f"Conectado ao servidor {echo_server.url}")


def test_message_is_sent_and_its_echo_listed(connected):
    """Enter sends the message, empties the field, and lists it sent then received."""
    send(connected, "olá mundo")
    expect(connected.locator("#messages li.sent")).to_have_text("Enviado: olá mundo")
    expect(connected.locator("#messages li.received")).to_have_text("Recebido: olá mundo")
    expect(connected.locator("#message")).to_have_value("")


def test_send_button_submits_the_form(connected):
    """Clicking the send button sends, as the article's form does."""
    connected.fill("#message", "pelo botão")
    connected.click("#input-form button[type=submit]")
    expect(connected.locator("#messages li.received")).to_have_text("Recebido: pelo botão")


def test_entries_start_with_their_label_span(connected):
    """Each entry's first child is the label span, followed by the payload text."""
    send(connected, "x")
    received = connected.locator("#messages li.received")
    expect(received.locator("span").first).to_have_text("Recebido:")
    assert received.evaluate("li => li.lastChild.textContent") == "x"


def test_close_button_shows_code_1000(connected):
    """#close closes the connection and the status gives the code of the clean close."""
    connected.click("#close")
    status = connected.locator(STATUS)
    expect(status).to_have_class("closed")
    expect(status).to_have_text(re.compile(r"^WebSocket desconectado\. .*1000"))


def test_html_payload_is_shown_as_text(connected):
    """A payload full of HTML is listed literally and creates no element."""
    payload = "<img src=x onerror=\"document.title='pwned'\"><b>negrito</b>"
    send(connected, payload)
    received = connected.locator("#messages li.received")
    expect(received).to_have_text(f"Recebido: {payload}")
    assert connected.locator("#messages img, #messages b").count() == 0
    assert connected.title() != "pwned"


@pytest.mark.parametrize(
    "bad_url",
    ["", "http://example.com/", "ws://", "not a url", "javascript:alert(1)", "ws://host:99999/"],
)
def test_bad_url_gives_a_clear_error(connected, bad_url):
    """A bad server address gets a sentence under the field that explains it; nothing is thrown."""
    connected.fill("#url", bad_url)
    connected.click("#connect")
    error = connected.locator("#connect-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(re.compile(r"\w{3,}.*\w{3,}"))
    expect(connected.locator("#url")).to_have_attribute("aria-invalid", "true")


def test_url_query_connects_on_load(open_page, scripted_server):
    """?url= connects to that server instead of the default one."""

    async def greet(connection):
        await connection.send("olá do servidor")
        await connection.wait_closed()

    server = scripted_server(greet)
    page = open_page(url=server.url)
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {server.url}")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: olá do servidor")


def test_binary_message_is_shown_as_hex_with_its_length(connect_to, scripted_server):
    """A binary frame is listed as lowercase hex pairs plus its size in bytes."""

    async def send_bytes(connection):
        await connection.send(b"\xde\xad\xbe\xef")
        await connection.wait_closed()

    page = connect_to(scripted_server(send_bytes).url)
    received = page.locator("#messages li.received")
    expect(received).to_contain_text("de ad be ef")
    expect(received).to_contain_text("4 bytes")


def test_server_close_shows_code_and_reason(connect_to, scripted_server):
    """A close from the server shows its code, the code's name and the reason."""

    async def close_at_once(connection):
        await connection.close(4001, "até logo")

    page = connect_to(scripted_server(close_at_once).url)
    status = page.locator(STATUS)
    expect(status).to_have_class("closed")
    expect(status).to_contain_text("WebSocket desconectado.")
    expect(status).to_contain_text("4001")
    expect(status).to_contain_text("até logo")


@pytest.mark.allow_console(r"WebSocket connection to .* failed")
def test_refused_connection_is_reported_on_the_page(connect_to, scripted_server):
    """A server that is not there gives a visible error with close code 1006."""
    server = scripted_server(lambda connection: None)
    url = server.url
    server.stop()
    page = connect_to(url)
    status = page.locator(STATUS)
    expect(status).to_have_class("error")
    expect(status).to_contain_text("WebSocket desconectado.")
    expect(status).to_contain_text("1006")
    expect(page.locator("#messages li.system").first).to_contain_text(url)


def test_english_texts_with_lang_en(open_page, echo_server):
    """?lang=en switches the status and labels to English."""
    page = open_page(lang="en")
    expect(page.locator(STATUS)).to_have_text(f"Connected to server {echo_server.url}")
    send(page, "hello")
    expect(page.locator("#messages li.received")).to_have_text("Received: hello")
    expect(page.locator("#connect")).to_have_text("Connect")


def test_page_requests_nothing_from_other_hosts(page, open_page, site_url):
    """Every request the page makes, runtime included, goes to its own host."""
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2].split(":")[0]))
    open_page()
    expect(page.locator(STATUS)).to_have_class("open")
    assert hosts == {"127.0.0.1"}


def test_negotiated_subprotocol_is_shown(open_page, scripted_server):
    """?protocols= offers subprotocols and the one the server picks is logged."""

    async def hold(connection):
        await connection.wait_closed()

    server = scripted_server(hold, subprotocols=["chat.v2"])
    page = open_page(url=server.url, protocols="chat.v1, chat.v2")
    expect(page.locator(STATUS)).to_have_class("open")
    expect(page.locator("#messages li.system").nth(1)).to_contain_text("Subprotocolo: chat.v2")


def test_bad_subprotocol_is_refused_before_connecting(connected):
    """A subprotocol that is not a token gets a sentence under the fields naming it."""
    connected.fill("#protocols", "chat v2")
    connected.click("#connect")
    expect(connected.locator("#connect-error")).to_contain_text("chat v2")
    expect(connected.locator("#protocols")).to_have_attribute("aria-invalid", "true")
