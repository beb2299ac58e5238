"""Each log entry carries its time, size and kind; connection events are logged too."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.servers import flood

pytestmark = pytest.mark.usefixtures("no_internal_errors")

TIME = r"(\d\d):(\d\d):(\d\d)\.(\d{3})"
# "olá 👋": 5 characters, 6 UTF-16 units, 9 UTF-8 bytes.
TEXT = "olá 👋"
TEXT_BYTES = 9
# Milliseconds since local midnight of a Date.now() value, as the browser reckons local time.
LOCAL_DAY_MS_JS = """ms => { const d = new Date(ms);
    return ((d.getHours() * 60 + d.getMinutes()) * 60 + d.getSeconds()) * 1000
        + d.getMilliseconds(); }"""


def _day_ms(match):
    hours, minutes, seconds, millis = (int(part) for part in match.groups()[:4])
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def test_text_entry_meta_gives_local_time_utf8_size_and_kind(connected):
    """A text entry's data-meta is its local time to the millisecond, UTF-8 size and "texto"."""
    before = connected.evaluate(LOCAL_DAY_MS_JS, connected.evaluate("() => Date.now()"))
    send(connected, TEXT)
    received = connected.locator("#messages li.received")
    expect(received).to_have_text(f"Recebido: {TEXT}")
    after = connected.evaluate(LOCAL_DAY_MS_JS, connected.evaluate("() => Date.now()"))
    for entry in (connected.locator("#messages li.sent"), received):
        meta = entry.get_attribute("data-meta")
        match = re.fullmatch(TIME + f" · {TEXT_BYTES} B · texto", meta or "")
        assert match, f"unexpected data-meta: {meta!r}"
        assert before <= _day_ms(match) <= after, f"{meta!r} is not the local time of the send"


def test_binary_entry_meta_says_binary(connect_to, scripted_server):
    """A binary entry's data-meta gives its size in bytes and "binário"."""

    async def send_bytes(connection):
        await connection.send(b"\xde\xad\xbe\xef\x00")
        await connection.wait_closed()

    page = connect_to(scripted_server(send_bytes).url)
    received = page.locator("#messages li.received")
    expect(received).to_have_attribute("data-meta", re.compile(f"^{TIME} · 5 B · binário$"))


def test_connect_and_close_are_system_entries_stamped_with_the_time(connected, echo_server):
    """Connecting and closing each add a system entry whose data-meta is just the time."""
    system = connected.locator("#messages li.system")
    connect = system.filter(has_text="Conectado ao servidor")
    expect(connect).to_have_text(
        re.compile(rf"^Sistema: Conectado ao servidor {re.escape(echo_server.url)}")
    )
    connected.click("#close")
    expect(system.last).to_have_text(
        re.compile(r"^Sistema: WebSocket desconectado\. Código 1000 \(.+\)\. Motivo: ")
    )
    for meta in system.evaluate_all("items => items.map(li => li.dataset.meta)"):
        assert re.fullmatch(TIME, meta or ""), f"unexpected system data-meta: {meta!r}"


def test_entries_speak_english_with_lang_en(open_page, echo_server):
    """With ?lang=en the meta says "text" and the system entries read in English."""
    page = open_page(lang="en")
    send(page, "hi")
    received = page.locator("#messages li.received")
    expect(received).to_have_text("Received: hi")
    expect(received).to_have_attribute("data-meta", re.compile(f"^{TIME} · 2 B · text$"))
    system = page.locator("#messages li.system")
    expect(system.filter(has_text="Connected to server")).to_have_text(
        re.compile(rf"^System: Connected to server {re.escape(echo_server.url)}")
    )
    page.click("#close")
    expect(system.last).to_have_text(
        re.compile(r"^System: WebSocket disconnected\. Code 1000 \(.+\)\. Reason: ")
    )


def test_flood_entries_get_their_meta_once_scrolled_into_view(connect_to, scripted_server):
    """Entries a flood drew without a meta line get it once the user scrolls the list."""
    count = 600
    page = connect_to(scripted_server(flood(count, "m{}")).url)
    entries = page.locator("#messages li.received")
    expect(entries.last).to_have_text(f"Recebido: m{count - 1}")
    expect(entries.last).to_have_attribute("data-meta", re.compile(rf"^{TIME} · \d+ B · texto$"))
    page.focus("#messages")
    page.keyboard.press("Home")
    missing = "ul => Array.from(ul.children).filter(li => !li.dataset.meta).length"
    page.wait_for_function(f"() => ({missing})(document.querySelector('#messages')) === 0")
    expect(entries.first).to_have_attribute("data-meta", re.compile(rf"^{TIME} · \d+ B · texto$"))
