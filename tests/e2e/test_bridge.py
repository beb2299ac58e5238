"""The page's JavaScript: its fallbacks for missing browser features, and its CSP."""

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.test_binary import _dump_text, _hexdump

pytestmark = pytest.mark.usefixtures("no_internal_errors")

# What a browser older than Chrome 140, Firefox 133 or Safari 18.2 lacks.
REMOVE_NATIVE_BINARY = """
delete Uint8Array.fromHex;
delete Uint8Array.prototype.toHex;
delete Uint8Array.fromBase64;
delete Uint8Array.prototype.toBase64;
"""
# Collects the page's Content-Security-Policy violations where a test can read them.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.cspViolations.push(event.violatedDirective + " " + event.blockedURI));
"""


def _send_hex(page, text):
    page.select_option("#mode", "hex")
    send(page, text)


def _open_with(page, open_page, script):
    """Open the page with script run before any of its own, connected to the echo server."""
    page.add_init_script(script)
    page = open_page()
    expect(page.locator("#status")).to_have_class("open")
    return page


def test_binary_is_sent_and_shown_without_the_native_hex_methods(page, open_page):
    """Without Uint8Array.fromHex/toHex/fromBase64 the page still sends and shows binary."""
    page = _open_with(page, open_page, REMOVE_NATIVE_BINARY)
    _send_hex(page, "de ad be ef 00 41")
    dump = _dump_text(_hexdump(b"\xde\xad\xbe\xef\x00A"))
    expect(page.locator("#messages li.sent pre.dump")).to_have_text(dump)
    expect(page.locator("#messages li.received pre.dump")).to_have_text(dump)


def test_missing_features_are_said_once(page, open_page):
    """The log says once which native methods the browser lacks."""
    page = _open_with(page, open_page, REMOVE_NATIVE_BINARY)
    notes = page.locator("#messages li.system", has_text="Uint8Array.fromHex")
    expect(notes).to_have_count(1)
    expect(notes).to_contain_text("Este navegador não tem")


def test_no_note_when_the_browser_has_every_feature(connected):
    """A current browser gets no note about missing features."""
    expect(connected.locator("#messages li.system", has_text="Uint8Array")).to_have_count(0)


def test_page_declares_a_content_security_policy(connected):
    """index.html carries a CSP: scripts from its own origin and its one inline script."""
    policy = connected.locator('meta[http-equiv="Content-Security-Policy"]')
    content = policy.get_attribute("content")
    assert "default-src 'none'" in content
    assert "script-src 'self' 'sha256-" in content
    assert "object-src 'none'" in content and "base-uri 'none'" in content


def test_page_works_with_no_csp_violation(page, open_page):
    """Starting, sending text and binary, and closing break no rule of the page's CSP."""
    page = _open_with(page, open_page, RECORD_VIOLATIONS)
    send(page, "olá")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: olá")
    _send_hex(page, "01 02")
    expect(page.locator("#messages li.received")).to_have_count(2)
    page.click("#close")
    expect(page.locator("#status")).to_have_class("closed")
    assert page.evaluate("window.cspViolations") == []


def test_the_script_tab_breaks_no_csp_rule(page, open_page):
    """The editor's load, an edit over several lines, and a running script break no CSP rule."""
    page = _open_with(page, open_page, RECORD_VIOLATIONS)
    page.get_by_role("tab", name="Script").click()
    code = page.get_by_role("textbox", name="Código do script")
    code.fill("a = 1\nb = 2\n")
    code.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("log(1)")
    page.get_by_role("button", name="Executar").click()
    expect(page.locator("#messages li.script")).to_have_count(1)
    assert page.evaluate("window.cspViolations") == []
    content = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "style-src 'self';" in content  # <style> elements stay refused
