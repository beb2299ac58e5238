"""Saved messages: save, load, send, rename, update, delete, reorder, keep, export and import."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import START_TIMEOUT_MS

pytestmark = pytest.mark.usefixtures("no_internal_errors")

STORAGE_KEY = "pyws.saved"
FORMAT = "pyws.saved-messages"
XML_MESSAGE = {"name": "x", "mode": "xml", "text": ""}


def _save(page, name, text, mode="text"):
    """Write text in the composer, pick its format, name it and press Salvar mensagem."""
    page.fill("#message", text)
    page.select_option("#mode", mode)
    page.get_by_label("Nome da mensagem").fill(name)
    page.get_by_role("button", name="Salvar mensagem").click()


def _names(page):
    titles = page.locator("#saved .saved-title")
    return [titles.nth(i).input_value() for i in range(titles.count())]


def _import(page, data):
    """Pick a file for Carregar arquivo, as the file chooser would."""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Carregar arquivo").click()
    chooser.value.set_files(
        files=[{"name": "salvas.json", "mimeType": "application/json", "buffer": data}]
    )


def test_saved_message_loads_into_the_composer_with_its_format(connected):
    """Carregar puts a saved message's text and format back in the composer."""
    _save(connected, "sinal", "de ad be ef", "hex")
    connected.fill("#message", "rascunho")
    connected.select_option("#mode", "text")
    connected.get_by_role("button", name="Carregar sinal").click()
    expect(connected.locator("#message")).to_have_value("de ad be ef")
    expect(connected.locator("#mode")).to_have_value("hex")
    expect(connected.locator("#message")).to_be_focused()


def test_send_sends_a_saved_message_at_once_and_keeps_the_draft(connected):
    """Enviar on a saved message sends it as saved, variables filled in; the draft stays."""
    _save(connected, "ping", '{"op": "ping"}', "json")
    connected.fill("#message", "rascunho")
    connected.get_by_role("button", name="Enviar ping").click()
    expect(connected.locator("#messages li.received")).to_have_text(['Recebido: {"op": "ping"}'])
    expect(connected.locator("#message")).to_have_value("rascunho")
    expect(connected.locator("#saved-status")).to_have_text("Enviada: “ping”.")


def test_rename_update_and_a_name_left_empty(connected):
    """A name is edited in place (Enter keeps it); an empty one is refused; Atualizar
    takes what the composer holds."""
    _save(connected, "a", "um")
    title = connected.get_by_role("textbox", name="Nome de a")
    title.fill("primeira")
    title.press("Enter")
    expect(connected.locator("#saved-status")).to_have_text("Renomeada para “primeira”.")
    expect(connected.get_by_role("textbox", name="Nome de primeira")).to_be_focused()
    connected.get_by_role("textbox", name="Nome de primeira").fill("")
    connected.keyboard.press("Enter")
    expect(connected.locator("#saved-status")).to_contain_text("precisa de um nome")
    assert _names(connected) == ["primeira"]
    connected.fill("#message", "dois")
    update = connected.get_by_role("button", name="Atualizar com o campo primeira")
    update.click()
    expect(update).to_be_focused()
    connected.fill("#message", "")
    connected.get_by_role("button", name="Enviar primeira").click()
    expect(connected.locator("#messages li.received")).to_have_text(["Recebido: dois"])


def test_reorder_by_keyboard_keeps_the_focus_on_the_moved_message(connected):
    """Subir and Descer move a message, and the focus moves with it."""
    for name in ("a", "b", "c"):
        _save(connected, name, name)
    connected.get_by_role("button", name="Subir c").focus()
    connected.keyboard.press("Enter")
    expect(connected.get_by_role("button", name="Subir c")).to_be_focused()
    connected.keyboard.press("Enter")
    assert _names(connected) == ["c", "a", "b"]
    connected.get_by_role("button", name="Descer a").focus()
    connected.keyboard.press("Enter")
    expect(connected.get_by_role("button", name="Descer a")).to_be_focused()
    assert _names(connected) == ["c", "b", "a"]


def test_delete_can_be_undone_and_moves_the_focus_on(connected):
    """Excluir removes a message, says so with Restaurar, and Restaurar puts it back."""
    for name in ("a", "b"):
        _save(connected, name, name)
    connected.get_by_role("button", name="Excluir a").click()
    assert _names(connected) == ["b"]
    expect(connected.get_by_role("button", name="Carregar b")).to_be_focused()
    expect(connected.locator("#saved-status")).to_have_text("“a” excluída.")
    connected.get_by_role("button", name="Restaurar").click()
    assert _names(connected) == ["a", "b"]
    expect(connected.get_by_role("button", name="Restaurar")).to_be_hidden()


def test_export_then_import_adds_the_messages_after_the_saved_ones(connected):
    """Baixar arquivo gives a JSON file; Carregar arquivo adds its messages, nothing replaced."""
    _save(connected, "olá", "{{user}} é “eu”", "text")
    _save(connected, "bin", "ff 00", "hex")
    with connected.expect_download() as info:
        connected.get_by_role("button", name="Baixar arquivo").click()
    data = Path(info.value.path()).read_bytes()
    record = json.loads(data)
    assert record["format"] == FORMAT
    assert record["messages"] == [
        {"name": "olá", "mode": "text", "text": "{{user}} é “eu”"},
        {"name": "bin", "mode": "hex", "text": "ff 00"},
    ]
    _import(connected, data)
    expect(connected.locator("#saved-status")).to_have_text(
        "2 mensagens importadas, depois das que já estavam salvas."
    )
    assert _names(connected) == ["olá", "bin", "olá", "bin"]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"{not json", "O arquivo não é JSON. Nada foi importado."),
        (b'{"messages": []}', "não é uma lista de mensagens salvas exportada por esta página"),
        (
            json.dumps(
                {
                    "format": FORMAT,
                    "version": 1,
                    "messages": [{"name": "x", "mode": "xml", "text": ""}],
                }
            ).encode(),
            "A mensagem 1 do arquivo não tem “mode” válido. Nada foi importado.",
        ),
    ],
    ids=["not-json", "not-ours", "bad-mode"],
)
def test_a_bad_file_is_explained_and_changes_nothing(connected, data, said):
    """A file that is not an export, or has a bad message, is refused whole, saying why."""
    _save(connected, "guardada", "1")
    _import(connected, data)
    expect(connected.locator("#saved-status")).to_contain_text(said)
    assert _names(connected) == ["guardada"]


def test_saved_messages_are_kept_across_a_reload(page, open_page):
    """The list, in its order, comes back after a reload."""
    page = open_page()
    expect(page.locator("#status")).to_have_class("open")
    _save(page, "b", "2")
    _save(page, "a", "1", "json")
    page.wait_for_function(
        "key => JSON.parse(localStorage.getItem(key) || '[]').length === 2", arg=STORAGE_KEY
    )
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bready\b"), timeout=START_TIMEOUT_MS)
    expect(page.locator("#saved .saved-title")).to_have_count(2)
    assert _names(page) == ["b", "a"]
    expect(page.locator("#saved-empty")).to_be_hidden()
