"""The pretty JSON view of the log, and the JSON send mode that checks before it sends."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.servers import echo

pytestmark = pytest.mark.usefixtures("no_internal_errors")

COMPACT = '{"a":1,"b":[1,2]}'
PRETTY = '{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ]\n}'


def _exactly(text):
    """A to_have_text pattern for exactly text: whitespace and line breaks count."""
    return re.compile("^" + re.escape(text) + "$")


def test_pretty_json_redraws_objects_indented_and_back(connected):
    """Checking #pretty-json indents sent and received JSON by 2; unchecking restores them."""
    send(connected, COMPACT)
    sent = connected.locator("#messages li.sent")
    received = connected.locator("#messages li.received")
    expect(received).to_have_text(_exactly(f"Recebido: {COMPACT}"))
    connected.check("#pretty-json")
    expect(sent).to_have_text(_exactly(f"Enviado: {PRETTY}"))
    expect(received).to_have_text(_exactly(f"Recebido: {PRETTY}"))
    connected.uncheck("#pretty-json")
    expect(sent).to_have_text(_exactly(f"Enviado: {COMPACT}"))
    expect(received).to_have_text(_exactly(f"Recebido: {COMPACT}"))


def test_pretty_json_leaves_other_entries_alone(connected):
    """Plain text, JSON scalars and broken JSON keep their text when the view is on."""
    others = ["texto simples", "42", '"só uma string"', "[1, 2,", '{"a" 1}']
    for text in [*others, "[1,2]"]:
        send(connected, text)
    received = connected.locator("#messages li.received")
    expect(received).to_have_count(len(others) + 1)
    system = connected.locator("#messages li.system")
    system_texts = system.all_text_contents()
    connected.check("#pretty-json")
    expect(received.last).to_have_text(_exactly("Recebido: [\n  1,\n  2\n]"))
    for number, text in enumerate(others):
        expect(received.nth(number)).to_have_text(_exactly(f"Recebido: {text}"))
    assert system.all_text_contents() == system_texts


def test_json_mode_sends_the_text_as_typed(connect_to, scripted_server):
    """Valid JSON in JSON mode goes out as a text frame holding exactly what was typed."""
    received = []
    page = connect_to(scripted_server(echo(received)).url)
    page.select_option("#mode", "json")
    text = '{ "a" : [1,2] ,\n "b":null }'
    send(page, text)
    expect(page.locator("#messages li.received")).to_have_text(_exactly(f"Recebido: {text}"))
    assert received == [text]


def test_invalid_json_is_refused_with_line_and_column(connected):
    """Invalid JSON is not sent nor logged, stays in the field, and the error names where."""
    connected.select_option("#mode", "json")
    send(connected, '{"a": }')
    error = connected.locator("p#send-error")
    expect(error).to_be_visible()
    expect(error).to_have_text("JSON inválido na linha 1, coluna 7: caractere inesperado “}”.")
    field = connected.locator("#message")
    expect(field).to_have_value('{"a": }')
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "send-error")
    expect(connected.locator("#messages li.sent")).to_have_count(0)


def test_incomplete_json_is_refused_as_incomplete(connected):
    """JSON that ends before its value closes is refused as incomplete."""
    connected.select_option("#mode", "json")
    send(connected, '{"a": [1, 2')
    error = connected.locator("#send-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(re.compile(r"^JSON incompleto: "))
    expect(connected.locator("#messages li.sent")).to_have_count(0)


def test_changing_the_mode_clears_the_send_error(connected):
    """Choosing another send mode hides the error and drops aria-invalid."""
    connected.select_option("#mode", "json")
    send(connected, "{")
    error = connected.locator("#send-error")
    expect(error).to_be_visible()
    connected.select_option("#mode", "text")
    expect(error).to_be_hidden()
    assert not connected.locator("#message").evaluate("el => el.hasAttribute('aria-invalid')")


def test_json_error_in_english(open_page):
    """With ?lang=en the JSON error reads in English."""
    page = open_page(lang="en")
    expect(page.locator("#status")).to_have_class("open")
    page.select_option("#mode", "json")
    send(page, '{"a": }')
    expect(page.locator("#send-error")).to_have_text(
        "Invalid JSON at line 1, column 7: unexpected character “}”."
    )
