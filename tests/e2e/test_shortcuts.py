"""Keyboard shortcuts: send from the composer, clear, the filter, leaving the field, their list."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, severe_violations

pytestmark = pytest.mark.usefixtures("no_internal_errors")


def test_ctrl_enter_sends_from_anywhere_in_the_composer(connected):
    """Ctrl+Enter on the format select sends what the message field holds."""
    connected.fill("#message", "de longe")
    connected.get_by_label("Formato").focus()
    connected.keyboard.press("Control+Enter")
    expect(connected.locator("#messages li.received")).to_have_text(["Recebido: de longe"])
    expect(connected.locator("#message")).to_have_value("")


def test_ctrl_shift_l_clears_the_log_from_a_field(connected):
    """Ctrl+Shift+L clears the log even from the filter, and types nothing there."""
    connected.get_by_label("Filtrar").focus()
    connected.keyboard.press("Control+Shift+L")
    expect(connected.locator("#messages li")).to_have_count(0)
    expect(connected.locator("#tool-status")).to_contain_text("Log limpo")
    expect(connected.get_by_label("Filtrar")).to_have_value("")


def test_slash_goes_to_the_filter_only_outside_fields_and_can_be_turned_off(connected):
    """/ on the log focuses the filter; in the message field it is a slash; off, it does nothing."""
    connected.locator("#messages").focus()
    connected.keyboard.press("/")
    expect(connected.get_by_label("Filtrar")).to_be_focused()
    expect(connected.get_by_label("Filtrar")).to_have_value("")
    connected.locator("#message").focus()
    connected.keyboard.press("/")
    expect(connected.locator("#message")).to_have_value("/")
    connected.get_by_role("button", name="Atalhos de teclado").click()
    connected.get_by_label("Atalhos de uma tecla só (/)").uncheck()
    connected.get_by_role("button", name="Fechar", exact=True).click()
    connected.locator("#messages").focus()
    connected.keyboard.press("/")
    expect(connected.locator("#messages")).to_be_focused()


def test_escape_leaves_the_message_field_for_the_log(connected):
    """Esc in the message field moves the focus to the log, keeping the draft."""
    connected.fill("#message", "rascunho")
    connected.locator("#message").press("Escape")
    expect(connected.get_by_role("list", name="Mensagens")).to_be_focused()
    expect(connected.locator("#message")).to_have_value("rascunho")


def test_the_question_mark_button_lists_the_shortcuts(connected):
    """The ? button opens the list as a dialog that axe finds no fault in; Esc closes it."""
    button = connected.get_by_role("button", name="Atalhos de teclado")
    button.click()
    dialog = connected.get_by_role("dialog", name="Atalhos de teclado")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("limpa o log")
    violations = severe_violations(connected)
    assert not violations, describe(violations)
    connected.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()


def test_single_keys_off_is_kept_across_a_reload(page, open_page):
    """Turned off, single-key shortcuts stay off after a reload."""
    page = open_page()
    page.get_by_role("button", name="Atalhos de teclado").click()
    page.get_by_label("Atalhos de uma tecla só (/)").uncheck()
    page.wait_for_function("() => localStorage.getItem('pyws.single_keys') === '0'")
    page = open_page()
    expect(page.get_by_label("Atalhos de uma tecla só (/)")).not_to_be_checked()
