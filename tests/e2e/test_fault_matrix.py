"""Bad input and failing servers: the page says what happened and never throws."""

import re
import threading
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.servers import close_as_told, echo, flood

pytestmark = pytest.mark.usefixtures("no_internal_errors")

STATUS = "#status"
CONNECTION_FAILED = r"WebSocket connection to .* failed"
DISCONNECTED_1006 = re.compile(r"^WebSocket desconectado\. .*1006")
ABNORMAL_HINT = "O navegador não informa a causa"
QUEUED = ["primeira", "segunda", "terceira"]

# What the user types into #url, and a fragment of the sentence that must explain it.
BAD_ADDRESSES = [
    ("", "Informe o endereço do servidor WebSocket"),
    ("http://x", "não http:// (experimente ws://x)"),
    ("ws://", "falta o nome do servidor depois de ws://"),
    ("ws://host:99999", "a porta deve ser um número de 1 a 65535, não “99999”"),
    ("ws://exa mple.com/", "“exa mple.com” não é um nome de servidor válido"),
    ("ws://127.0.0.1:1/com espaço", "ele contém espaços ou caracteres de controle"),
    ("javascript:alert(1)", "“javascript:” não é um esquema de WebSocket"),
]

# An entry's payload: its own text nodes after the label span, minus the one space
# between them. Markers (small.state, small.meta) are elements, so they are left out.
PAYLOAD_JS = """li => Array.from(li.childNodes)
    .filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.data).join('').slice(1)"""

# Clicks #retry-now whenever it shows, until the page is connected again.
RETRY_UNTIL_OPEN_JS = """() => {
    if (document.querySelector('#status').className === 'open') return true;
    const retry = document.querySelector('#retry-now');
    if (retry && retry.checkVisibility()) retry.click();
    return false;
}"""


def _payloads(page, kind):
    """The payload of every entry of one kind (sent, received, system), in order."""
    return page.locator(f"#messages li.{kind}").evaluate_all(f"items => items.map({PAYLOAD_JS})")


def _expect_1006(page):
    status = page.locator(STATUS)
    expect(status).to_have_class("error")
    expect(status).to_have_text(DISCONNECTED_1006)


def test_each_bad_address_gets_its_own_error_sentence(connected):
    """Every bad address typed into #url gets a sentence under it that names what is wrong."""
    error = connected.locator("#connect-error")
    wrong = []
    for address, reason in BAD_ADDRESSES:
        connected.fill("#url", address)
        connected.click("#connect")
        try:
            expect(error).to_contain_text(reason)
        except AssertionError:
            wrong.append((address, error.text_content()))
    assert not wrong, f"addresses without their sentence: {wrong}"


def test_bad_address_while_connected_leaves_no_orphan_connection(connect_to, scripted_server):
    """After a refused address the old connection is still used or closed, never left idle."""
    closed = threading.Event()

    async def echo_until_closed(connection):
        try:
            await echo()(connection)
        finally:
            closed.set()

    page = connect_to(scripted_server(echo_until_closed).url)
    status = page.locator(STATUS)
    expect(status).to_have_class("open")
    page.fill("#url", "ws://")
    page.click("#connect")
    expect(page.locator("#connect-error")).to_be_visible()
    send(page, "ainda aqui?")
    try:
        expect(page.locator("#messages li.received")).to_have_text("Recebido: ainda aqui?")
    except AssertionError:
        assert closed.is_set(), "the old socket is still open while the message waits for one"


def test_bad_address_on_load_gets_an_error_sentence(open_page):
    """A javascript: URL in ?url= is refused with a sentence, and never runs."""
    page = open_page(url="javascript:window.__ran=1")
    error = page.locator("#connect-error")
    expect(error).to_contain_text("“javascript:” não é um esquema de WebSocket")
    assert page.evaluate("() => window.__ran") is None


@pytest.mark.allow_console(CONNECTION_FAILED)
@pytest.mark.allow_hosts("xn--and-6ma2c.invalid")
def test_each_failed_handshake_gives_1006_with_the_likely_causes(
    connected, plain_tcp_server, forbidding_server, subprotocol_server
):
    """Every way a handshake fails gives an error status with 1006, the likely causes behind it."""
    failures = {
        # A non-ASCII host passes the page's checks; the browser then cannot resolve it.
        "unresolvable non-ASCII host": "ws://ñandú.invalid/",
        "wss:// to a server without TLS": plain_tcp_server.wss_url,
        "HTTP 403 to the handshake": forbidding_server.url,
        # websockets answers 400 to a client that offers no subprotocol; the page offers none.
        "a subprotocol the page does not offer": subprotocol_server.url,
    }
    status = connected.locator(STATUS)
    wrong = []
    for what, url in failures.items():
        connected.fill("#url", url)
        connected.click("#connect")
        try:
            # The click showed "Conectando…" at once, so no earlier 1006 can match here.
            expect(status).to_have_text(DISCONNECTED_1006)
            expect(status).to_have_class("error")
            expect(connected.locator("#why")).to_be_visible()
            expect(connected.locator("#why-text")).to_contain_text(ABNORMAL_HINT)
        except AssertionError:
            wrong.append((what, status.get_attribute("class"), status.text_content()))
    assert not wrong, f"failures not reported as 1006: {wrong}"


def test_unusual_text_round_trips_exactly(connected):
    """Empty, emoji and right-to-left messages are sent, echoed and listed unchanged."""
    texts = ["", "olá 👋🏽 🇧🇷", "مرحبا بالعالم", "שלום"]
    for text in texts:
        send(connected, text)
        if not text:
            # An empty frame takes the deliberate control, not a bare Enter.
            connected.get_by_role("button", name="Enviar assim mesmo").click()
    expect(connected.locator("#messages li.received")).to_have_count(len(texts))
    assert _payloads(connected, "sent") == texts
    assert _payloads(connected, "received") == texts
    expect(connected.locator(STATUS)).to_have_class("open")


def test_entries_follow_the_direction_of_their_text(connected):
    """Each entry has dir=auto, so right-to-left text reads from the right."""
    send(connected, "שלום")
    received = connected.locator("#messages li.received")
    expect(received).to_have_count(1)
    # Set when the entry is made, so there is nothing to wait for.
    assert received.get_attribute("dir") == "auto"
    assert connected.locator("#messages li.sent").get_attribute("dir") == "auto"


def test_nul_characters_round_trip(connect_to, scripted_server):
    """A NUL inside a message survives the field, the wire and the log, in both directions."""
    received = []

    async def greet_then_echo(connection):
        await connection.send("x\u0000y")
        await echo(received)(connection)

    page = connect_to(scripted_server(greet_then_echo).url)
    entries = page.locator("#messages li.received")
    expect(entries).to_have_count(1)
    send(page, "a\u0000b")
    expect(entries).to_have_count(2)
    assert _payloads(page, "received") == ["x\u0000y", "a\u0000b"]
    assert _payloads(page, "sent") == ["a\u0000b"]
    assert received == ["a\u0000b"]


def test_lone_surrogate_comes_back_as_replacement_character(connected):
    """A lone surrogate goes out as UTF-8's U+FFFD, and the echo lists U+FFFD."""
    connected.evaluate("() => { document.querySelector('#message').value = '\\ud800' }")
    connected.press("#message", "Enter")
    received = connected.locator("#messages li.received")
    expect(received).to_have_count(1)
    units = received.evaluate(f"li => Array.from(({PAYLOAD_JS})(li), c => c.charCodeAt(0))")
    assert units == [0xFFFD]


def _wait_for_big_entry(page, kind, size):
    """Wait until an entry of kind lists the big message, or the page says it failed."""
    page.wait_for_function(
        """kind => document.querySelector(`#messages li.${kind}`) !== null
            || Array.from(document.querySelectorAll('#messages li.system'))
                .some(li => li.textContent.includes('Erro interno da página'))""",
        arg=kind,
        timeout=60_000,
    )
    failed = [note for note in _payloads(page, "system") if "Erro interno da página" in note]
    assert not failed, f"the page failed: {failed}"
    entry = page.locator(f"#messages li.{kind}")
    shown = entry.evaluate(PAYLOAD_JS)
    # Long texts may show only their start, if a note gives the whole size.
    assert shown and shown == "x" * len(shown), "the entry does not show the message"
    if len(shown) != size:
        # The note gives the size as pt-BR writes it: 16.777.216 bytes.
        expect(entry.locator("small.meta")).to_contain_text(f"{size:,} bytes".replace(",", "."))


@pytest.mark.own_page  # the send history would hold 16 MiB for every later test
def test_16_mib_message_is_echoed_whole(connected):
    """A 16 MiB message goes out and its 16 MiB echo is listed, the socket still open."""
    size = 16 * 2**20
    connected.evaluate("n => { document.querySelector('#message').value = 'x'.repeat(n) }", size)
    started = time.monotonic()
    # Enter from a timer: the send takes MicroPython seconds, and press() would wait.
    connected.evaluate("""() => setTimeout(() => document.querySelector('#message')
        .dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})))""")
    _wait_for_big_entry(connected, "received", size)
    print(f"16 MiB round trip: {time.monotonic() - started:.2f} s")
    _wait_for_big_entry(connected, "sent", size)
    expect(connected.locator(STATUS)).to_have_class("open")


def test_16_mib_message_from_the_server_is_listed(connect_to, scripted_server):
    """A 16 MiB text message from the server is listed."""
    size = 16 * 2**20

    async def send_big(connection):
        await connection.send("x" * size)
        await connection.wait_closed()

    page = connect_to(scripted_server(send_big).url)
    _wait_for_big_entry(page, "received", size)


def test_server_killed_mid_flood_keeps_what_arrived(connect_to, scripted_server):
    """A server killed while flooding gives 1006, and the log keeps what had arrived."""
    count, dies_after = 1_000_000, 5_000
    page = connect_to(scripted_server(flood(count, die_after=dies_after)).url)
    status = page.locator(STATUS)
    # The close event waits behind every message the browser had already taken in.
    expect(status).to_have_text(DISCONNECTED_1006, timeout=60_000)
    expect(status).to_have_class(re.compile(r"^(error|closed)$"))
    numbers = [int(text) for text in _payloads(page, "received")]
    assert numbers, "the log lost what had arrived"
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    assert numbers[-1] < dies_after, "messages came after the server died"


def _open_silent(open_page, silent_server):
    """Open the page on a server that reads the handshake and never answers it."""
    page = open_page(url=silent_server.url)
    assert silent_server.received.wait(10), "the browser never sent its handshake"
    status = page.locator(STATUS)
    expect(status).to_have_class("connecting")
    expect(status).to_have_text(f"Conectando a {silent_server.url}…")
    return page


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_close_ends_a_hanging_handshake_as_the_users_own_close(open_page, silent_server):
    """#close ends a handshake the server never answers, with no error and no list of causes."""
    page = _open_silent(open_page, silent_server)
    page.click("#close")
    status = page.locator(STATUS)
    expect(status).to_have_text(re.compile(r"^WebSocket desconectado\. .*Código"))
    expect(status).to_have_class("closed")
    expect(status).not_to_contain_text(ABNORMAL_HINT)


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_connecting_elsewhere_replaces_a_hanging_handshake(open_page, silent_server, echo_server):
    """While a server leaves the handshake hanging, connecting to another server works."""
    page = _open_silent(open_page, silent_server)
    page.fill("#url", echo_server.url)
    page.click("#connect")
    expect(page.locator(STATUS)).to_have_text(f"Conectado ao servidor {echo_server.url}")
    send(page, "ainda funciona")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: ainda funciona")


def test_messages_typed_while_disconnected_are_sent_once_in_order(connect_to, scripted_server):
    """Messages typed while disconnected show as pending, then go out once each, in order."""
    received = []
    page = connect_to(scripted_server(echo(received)).url)
    status = page.locator(STATUS)
    expect(status).to_have_class("open")
    page.click("#close")
    expect(status).to_contain_text("1000")
    for text in QUEUED:
        send(page, text)
    pending = page.locator("#messages li.sent.pending")
    expect(pending).to_have_count(len(QUEUED))
    page.click("#connect")
    expect(page.locator("#messages li.received")).to_have_count(len(QUEUED))
    expect(pending).to_have_count(0)
    assert _payloads(page, "sent") == QUEUED
    assert _payloads(page, "received") == QUEUED
    assert received == QUEUED


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_server_restart_delivers_queued_messages_once_in_order(connect_to, scripted_server):
    """Messages queued while the server is down arrive once each, in order, after it restarts."""
    received = []
    server = scripted_server(echo(received))
    page = connect_to(server.url)
    page.check("#auto-reconnect")
    send(page, "antes")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: antes")
    server.kill()
    expect(page.locator(STATUS)).to_have_text(DISCONNECTED_1006)
    for text in QUEUED:
        send(page, text)
    pending = page.locator("#messages li.sent.pending")
    expect(pending).to_have_count(len(QUEUED))
    server.start()
    page.wait_for_function(RETRY_UNTIL_OPEN_JS, polling=200, timeout=45_000)
    expect(page.locator("#messages li.received")).to_have_count(1 + len(QUEUED))
    expect(pending).to_have_count(0)
    assert _payloads(page, "received") == ["antes", *QUEUED]
    assert received == ["antes", *QUEUED]


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_dropped_connection_shows_a_reconnect_countdown(connect_to, scripted_server):
    """After the server dies, #reconnect counts down and offers retry-now and stop."""
    server = scripted_server(echo())
    page = connect_to(server.url)
    page.check("#auto-reconnect")
    expect(page.locator(STATUS)).to_have_class("open")
    server.kill()
    reconnect = page.locator("#reconnect")
    expect(reconnect).to_be_visible(timeout=15_000)
    expect(reconnect).to_contain_text(
        re.compile(r"Tentativa \d+ em \d+ s|Tentativa \d+: conectando")
    )
    expect(page.locator("#retry-now")).to_be_visible()
    expect(page.locator("#stop-retry")).to_be_visible()


def test_no_automatic_retry_after_a_final_close(connect_to, scripted_server):
    """After a close by the server with 1008 or 1003, or by the user, no reconnect is planned."""
    page = connect_to(scripted_server(close_as_told("não")).url)
    status = page.locator(STATUS)
    reconnect = page.locator("#reconnect")
    final = {
        "1008": "Sem reconexão automática: o servidor recusou a conexão por uma regra dele",
        "1003": "Sem reconexão automática: o servidor não aceita o tipo de dado que recebeu.",
        "1000": None,  # the user's own close, with #close
    }
    retried = []
    for code, why in final.items():
        page.click("#connect")
        expect(status).to_have_class("open")
        # A close that forbids a retry unticks the box: tick it for the next one.
        page.check("#auto-reconnect")
        if why is None:
            page.click("#close")
        else:
            send(page, code)
            expect(page.locator("#messages li.system").last).to_contain_text(why)
        # The close handler plans any retry and shows the countdown in the same turn.
        expect(status).to_contain_text(f"Código {code}")
        expect(reconnect).to_have_count(1)
        if reconnect.is_visible():
            retried.append(code)
    assert not retried, f"a reconnect was planned after: {retried}"
