"""What a first-time user tripped over: empty sends and the format of recalled sends."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send

pytestmark = pytest.mark.usefixtures("no_internal_errors")


def test_enter_on_an_empty_field_sends_nothing_and_says_why(connected):
    """Enter on an empty field shows a hint and "send anyway"; nothing reaches the log."""
    page = connected
    count = page.locator("#messages li").count()
    page.press("#message", "Enter")
    expect(page.locator("#send-error")).to_contain_text("nada foi enviado")
    expect(page.get_by_role("button", name="Enviar assim mesmo")).to_be_visible()
    expect(page.locator("#messages li")).to_have_count(count)


def test_blank_hex_sends_no_zero_byte_frame(connected):
    """In Hex mode, blank input is not sent as a 0-byte binary frame without a choice."""
    page = connected
    page.select_option("#mode", "hex")
    send(page, "   ")
    expect(page.get_by_role("button", name="Enviar assim mesmo")).to_be_visible()
    expect(page.locator("#messages li.sent")).to_have_count(0)


def test_send_anyway_sends_an_empty_frame(connected):
    """The deliberate control sends the empty frame, and the echo server returns it."""
    page = connected
    page.press("#message", "Enter")
    page.get_by_role("button", name="Enviar assim mesmo").click()
    expect(page.locator("#messages li.sent")).to_have_text("Enviado: ")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: ")
    expect(page.get_by_role("button", name="Enviar assim mesmo")).to_be_hidden()
    expect(page.locator("#send-error")).to_be_hidden()


def test_typing_again_takes_the_hint_away(connected):
    """Once the user types, the hint and its button go."""
    page = connected
    page.press("#message", "Enter")
    page.type("#message", "a")
    expect(page.locator("#send-error")).to_be_hidden()
    expect(page.get_by_role("button", name="Enviar assim mesmo")).to_be_hidden()


@pytest.mark.own_page
def test_recall_brings_back_the_format(connected):
    """↑ brings back "de ad" sent as Hex with Formato on Hex, not as text."""
    page = connected
    page.select_option("#mode", "hex")
    send(page, "de ad")
    expect(page.locator("#messages li.received")).to_have_count(1)
    page.select_option("#mode", "text")
    page.press("#message", "ArrowUp")
    expect(page.locator("#message")).to_have_value("de ad")
    expect(page.locator("#mode")).to_have_value("hex")
    page.press("#message", "ArrowDown")
    expect(page.locator("#message")).to_have_value("")
    expect(page.locator("#mode")).to_have_value("text")


def test_json_error_points_at_the_misspelt_word(connected):
    """{"b": tru} is blamed on "tru", and the caret goes to its first letter."""
    page = connected
    page.select_option("#mode", "json")
    send(page, '{"b": tru}')
    expect(page.locator("#send-error")).to_contain_text("coluna 7: “tru” não é um valor JSON")
    assert page.eval_on_selector("#message", "field => field.selectionStart") == 6
    expect(page.locator("#messages li.sent")).to_have_count(0)


def test_bad_parameters_are_named_and_the_address_corrected(open_page):
    """?mode=HEX, ?reconnect=yes and ?lang=fr each get one note, and the address is fixed."""
    page = open_page(mode="HEX", reconnect="yes", lang="fr")
    notes = page.locator("#messages li.system", has_text="inválido")
    expect(notes).to_have_count(3)
    expect(notes.filter(has_text="mode=HEX")).to_contain_text("Usando hex.")
    expect(notes.filter(has_text="reconnect=yes")).to_contain_text("use 1 ou 0")
    expect(notes.filter(has_text="lang=fr")).to_contain_text("Usando pt-BR.")
    expect(page.locator("#mode")).to_have_value("hex")
    expect(page).to_have_url(re.compile(r"mode=hex"))
    assert "HEX" not in page.url and "yes" not in page.url and "fr" not in page.url
