"""What the handshake negotiated, and the connection settings kept in the page's address."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import START_TIMEOUT_MS
from tests.e2e.page import send

pytestmark = pytest.mark.usefixtures("no_internal_errors")

STATUS = "#status"
SECRET = "segredo-42"


async def _hold(connection):
    await connection.wait_closed()


def _query(page):
    """The page's query string as {name: value}; a name given twice fails the test."""
    params = parse_qs(urlsplit(page.url).query, keep_blank_values=True)
    assert all(len(values) == 1 for values in params.values()), page.url
    return {name: values[0] for name, values in params.items()}


def _expect_query(page, expected):
    """Wait until the address reflects the settings, then check its whole query."""
    page.wait_for_function(
        "url => new URLSearchParams(location.search).get('url') === url",
        arg=expected["url"],
    )
    assert _query(page) == expected


def _connect(page, url):
    page.fill("#url", url)
    page.click("#connect")
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {url}")


def test_negotiated_names_the_extension_while_open(connect_to, scripted_server):
    """While open, #negotiated names permessage-deflate and no subprotocol; then it hides."""
    # websockets servers offer permessage-deflate unless told compression=None.
    page = connect_to(scripted_server(_hold).url)
    negotiated = page.locator("#negotiated")
    expect(negotiated).to_be_visible()
    expect(negotiated).to_have_text(
        re.compile(r"^Subprotocolo: nenhum\. Extensões: permessage-deflate\b.*\.$")
    )
    page.click("#close")
    expect(page.locator(STATUS)).to_have_class("closed")
    expect(negotiated).to_be_hidden()


def test_negotiated_says_nenhum_for_what_was_not_negotiated(connected):
    """The dev echo server (compression off) gets "nenhum" / "nenhuma": nothing negotiated."""
    expect(connected.locator("#negotiated")).to_have_text(
        "Subprotocolo: nenhum. Extensões: nenhuma."
    )


def test_negotiated_names_the_chosen_subprotocol_in_english(open_page, scripted_server):
    """With ?lang=en, the subprotocol the server picked shows, and "none" for no extension."""
    server = scripted_server(_hold, subprotocols=["chat.v2"], compression=None)
    page = open_page(url=server.url, protocols="chat.v1, chat.v2", lang="en")
    expect(page.locator("#negotiated")).to_have_text("Subprotocol: chat.v2. Extensions: none.")


def test_each_connect_writes_the_settings_into_the_address(
    open_page, scripted_server, echo_server, interpreter
):
    """On load and after each connect the query holds url, reconnect and the interpreter."""
    page = open_page()
    expect(page.locator(STATUS)).to_have_class("open")
    _expect_query(page, {"url": echo_server.url, "reconnect": "1", "interpreter": interpreter})
    page.uncheck("#auto-reconnect")
    server = scripted_server(_hold)
    _connect(page, server.url)
    _expect_query(page, {"url": server.url, "reconnect": "0", "interpreter": interpreter})


def test_address_keeps_lang_cap_protocols_and_mode(open_page, scripted_server, interpreter):
    """The query keeps lang and cap, and adds protocols and a send mode other than text."""
    server = scripted_server(_hold, subprotocols=["chat.v2"])
    page = open_page(lang="en", cap="50")
    page.fill("#protocols", "chat.v2")
    page.select_option("#mode", "hex")
    page.fill("#url", server.url)
    page.click("#connect")
    expect(page.locator(STATUS)).to_have_text(f"Connected to server {server.url}")
    _expect_query(
        page,
        {
            "url": server.url,
            "protocols": "chat.v2",
            "reconnect": "1",
            "lang": "en",
            "interpreter": interpreter,
            "cap": "50",
            "mode": "hex",
        },
    )


def test_address_never_holds_message_text(open_page, scripted_server):
    """Neither sent messages nor the text being typed ever reach the address."""
    page = open_page()
    expect(page.locator(STATUS)).to_have_class("open")
    send(page, SECRET)
    page.select_option("#mode", "json")
    send(page, f'{{"{SECRET}": 1}}')
    expect(page.locator("#messages li.received")).to_have_count(2)
    page.fill("#message", f"{SECRET} ainda no campo")
    server = scripted_server(_hold)
    _connect(page, server.url)
    page.wait_for_function(
        "url => new URLSearchParams(location.search).get('url') === url", arg=server.url
    )
    assert SECRET not in unquote(page.url)


def test_reflected_address_restores_the_settings(open_page, scripted_server):
    """Loading the address the page wrote brings back server, subprotocols, reconnect and mode."""
    server = scripted_server(_hold, subprotocols=["chat.v2"])
    page = open_page()
    expect(page.locator(STATUS)).to_have_class("open")
    # Checked for the default server; a ?url= of another server leaves it unchecked.
    expect(page.locator("#auto-reconnect")).to_be_checked()
    page.fill("#protocols", "chat.v2")
    page.select_option("#mode", "hex")
    _connect(page, server.url)
    page.wait_for_function(
        "url => new URLSearchParams(location.search).get('url') === url", arg=server.url
    )
    page.goto(page.url)
    expect(page.locator("html")).to_have_class(re.compile(r"\bready\b"), timeout=START_TIMEOUT_MS)
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {server.url}")
    expect(page.locator("#url")).to_have_value(server.url)
    expect(page.locator("#protocols")).to_have_value("chat.v2")
    expect(page.locator("#auto-reconnect")).to_be_checked()
    expect(page.locator("#mode")).to_have_value("hex")
    # The server stops after the test: closed by the user, the page does not retry it.
    page.click("#close")
    expect(page.locator(STATUS)).to_have_class(re.compile(r"^(closed|error)$"))
