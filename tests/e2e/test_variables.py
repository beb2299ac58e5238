"""Variables: `{{name}}` filled in from the table as the user presses Send, and the built-ins."""

import json
import re
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import START_TIMEOUT_MS
from tests.e2e.page import send

pytestmark = pytest.mark.usefixtures("no_internal_errors")

STORAGE_KEY = "pyws.variables"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def _define(page, name, value):
    """Add a row with the button in the Variáveis tab, as a user would, and type name and
    value into it."""
    page.get_by_role("tab", name=re.compile("^(Variáveis|Variables)$")).click()
    page.get_by_role("button", name=re.compile("^(Adicionar variável|Add variable)$")).click()
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(value)


def _payloads(page, kind):
    """The texts of the entries of kind, without their labels."""
    return [
        text.split(":", 1)[1].strip()
        for text in page.locator(f"#messages li.{kind}").all_text_contents()
    ]


def test_a_send_fills_in_a_variable_and_the_log_shows_what_went(connected):
    """`{{user}}` goes out as the table's value; sent and echoed entries show it filled in."""
    _define(connected, "user", "ana")
    send(connected, '{"to": "{{ user }}"}')
    expect(connected.locator("#messages li.received")).to_have_count(1)
    assert _payloads(connected, "sent") == ['{"to": "ana"}']
    assert _payloads(connected, "received") == ['{"to": "ana"}']


def test_an_unknown_variable_is_named_and_nothing_is_sent(connected):
    """A name the table lacks is an error under the field that names it; nothing goes."""
    entries = connected.locator("#messages li")
    expect(entries).to_have_count(1)
    send(connected, "olá\n{{quem}}")
    error = connected.get_by_text(re.compile("^Variável desconhecida"))
    expect(error).to_have_text(
        "Variável desconhecida na linha 2, coluna 1: “quem”. Defina-a em Variáveis,"
        " ou escreva {{{{ para enviar {{ como texto."
    )
    expect(connected.locator("#message")).to_have_attribute("aria-invalid", "true")
    expect(connected.locator("#message")).to_have_value("olá\n{{quem}}")
    expect(entries).to_have_count(1)


def test_built_ins_give_time_uuid_random_and_a_counter(connected):
    """$counter counts sends (from the page's start); $timestamp is now in ms (above 2**31);
    $uuid is version 4."""
    before = time.time() * 1000
    for _ in range(2):
        send(connected, "{{$counter}} {{$timestamp}} {{$isoTimestamp}} {{$uuid}} {{$randomInt}}")
    expect(connected.locator("#messages li.received")).to_have_count(2)
    rows = [text.split(" ") for text in _payloads(connected, "received")]
    assert int(rows[1][0]) == int(rows[0][0]) + 1
    for _, stamp, iso, uuid, number in rows:
        assert before - 1000 <= int(stamp) <= time.time() * 1000 + 1000
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", iso)
        assert re.fullmatch(UUID, uuid)
        assert 0 <= int(number) <= 1000
    assert rows[0][3] != rows[1][3]


def test_a_bad_or_repeated_name_is_marked_and_defines_nothing(connected):
    """A row whose name cannot be one is marked and explained; `{{…}}` of it is unknown."""
    _define(connected, "9x", "a")
    field = connected.locator("#variables .var-name").first
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile("^“9x” não serve de nome"))
    _define(connected, "x", "b")
    _define(connected, "x", "c")
    expect(connected.locator("#variables .var-name").nth(2)).to_have_accessible_description(
        "“x” já está definida numa linha acima; esta não vale."
    )
    send(connected, "{{x}}")
    expect(connected.locator("#messages li.received")).to_have_text(["Recebido: b"])


def test_remove_is_named_for_its_row_and_leaves_the_focus_nearby(connected):
    """Each row's remove button says which variable it removes; after it, the focus stays."""
    _define(connected, "token", "t1")
    _define(connected, "user", "ana")
    remove = connected.get_by_role("button", name="Remover token")
    remove.focus()
    connected.keyboard.press("Enter")
    expect(connected.locator("#variables li")).to_have_count(1)
    expect(connected.get_by_role("button", name="Remover user")).to_be_focused()
    send(connected, "{{token}}")
    expect(connected.locator("#send-error")).to_contain_text("“token”")


def test_a_queued_message_shows_and_later_sends_the_filled_in_text(connected, echo_server):
    """Filled in when Send is pressed: the pending entry and what the server gets agree."""
    _define(connected, "n", "um")
    connected.get_by_role("button", name="Fechar conexão").click()
    expect(connected.locator("#status")).to_have_class("closed")
    send(connected, "{{n}} {{$timestamp}}")
    pending = connected.locator("#messages li.sent.pending")
    expect(pending).to_have_count(1)
    expect(pending).to_contain_text(re.compile(r"^Enviado: um \d{13} "))
    filled = _payloads(connected, "sent")[0].split(" (")[0]
    connected.get_by_role("button", name="Conectar").click()
    expect(connected.locator("#messages li.received")).to_have_text(["Recebido: " + filled])


def test_the_table_is_kept_across_a_reload(page, open_page):
    """The variables, bad rows included, come back after a reload, and still fill in."""
    page = open_page()
    expect(page.locator("#status")).to_have_class("open")
    _define(page, "user", "ana")
    _define(page, "", "no name")
    page.wait_for_function(
        "key => (localStorage.getItem(key) || '').includes('no name')", arg=STORAGE_KEY
    )
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bready\b"), timeout=START_TIMEOUT_MS)
    values = page.locator("#variables input")
    expect(values).to_have_count(4)
    assert [values.nth(i).input_value() for i in range(4)] == ["user", "ana", "", "no name"]
    expect(page.locator("#variables .var-name").nth(1)).to_have_accessible_description(
        "Esta linha tem um valor, mas não um nome."
    )
    assert json.loads(page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY))[0] == [
        "user",
        "ana",
    ]
    expect(page.locator("#status")).to_have_class("open")
    send(page, "{{user}}")
    expect(page.locator("#messages li.received")).to_have_text(["Recebido: ana"])


def test_uuid_needs_no_secure_context(page, open_page):
    """Without crypto.randomUUID (plain HTTP from a LAN address), `{{$uuid}}` still works."""
    page.add_init_script("delete Crypto.prototype.randomUUID")
    page = open_page()
    expect(page.locator("#status")).to_have_class("open")
    send(page, "{{$uuid}}")
    expect(page.locator("#messages li.received")).to_have_text(re.compile("^Recebido: " + UUID))
