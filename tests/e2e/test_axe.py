"""axe-core finds no serious or critical accessibility violation in the page's main states."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, severe_violations

pytestmark = pytest.mark.usefixtures("echo_server", "no_internal_errors")

# A text, a JSON text and a binary frame of 160 bytes: more than the 128 a collapsed
# dump shows, so the entry has its "show all" button too. The echo server echoes each.
MESSAGES = [
    ("text", "olá mundo"),
    ("json", '{"id": 1, "tags": ["a", "b"], "ok": true}'),
    ("hex", bytes(range(160)).hex(" ")),
]
NARROW = {"width": 375, "height": 812}


def _open_with_messages(open_page, **query):
    """Open the page connected to the echo server, send MESSAGES and wait for every echo."""
    page = open_page(**query)
    expect(page.locator("#status")).to_have_class("open")
    for mode, text in MESSAGES:
        page.select_option("#mode", mode)
        page.fill("#message", text)
        page.press("#message", "Enter")
    expect(page.locator("#messages li.received")).to_have_count(len(MESSAGES))
    return page


def test_connected_page_with_messages_has_no_serious_violations(open_page):
    """The connected page with text, JSON and binary entries has no serious or critical issue."""
    page = _open_with_messages(open_page)
    violations = severe_violations(page)
    assert not violations, describe(violations)


def test_english_page_has_no_serious_violations(open_page):
    """The page in English (?lang=en), with messages, has no serious or critical issue."""
    page = _open_with_messages(open_page, lang="en")
    expect(page.locator("#connect")).to_have_text("Connect")
    violations = severe_violations(page)
    assert not violations, describe(violations)


def test_dark_mode_has_no_serious_violations(page, open_page):
    """In dark mode the page, with messages, has no serious or critical issue (contrast too)."""
    page.emulate_media(color_scheme="dark")
    _open_with_messages(open_page)
    violations = severe_violations(page)
    assert not violations, describe(violations)


def test_page_375_px_wide_has_no_serious_violations(page, open_page):
    """At 375 px wide the page, with messages, has no serious or critical issue."""
    page.set_viewport_size(NARROW)
    _open_with_messages(open_page)
    violations = severe_violations(page)
    assert not violations, describe(violations)


def test_pending_message_and_send_error_have_no_serious_violations(open_page):
    """A message queued while closed, and a refused JSON send, keep every text readable."""
    page = _open_with_messages(open_page)
    page.click("#close")
    expect(page.locator("#status")).to_have_class("closed")
    page.select_option("#mode", "text")
    page.fill("#message", "na fila")
    page.press("#message", "Enter")
    expect(page.locator("#messages li.sent.pending")).to_have_count(1)
    page.select_option("#mode", "json")
    page.fill("#message", '{"a": }')
    page.press("#message", "Enter")
    expect(page.locator("#send-error")).to_be_visible()
    violations = severe_violations(page)
    assert not violations, describe(violations)


def test_cleared_log_with_its_offers_has_no_serious_violations(page, open_page):
    """After "Limpar log", at 375 px, the message with Desfazer and Zerar contadores
    has no serious or critical issue."""
    page.set_viewport_size(NARROW)
    _open_with_messages(open_page)
    page.get_by_role("button", name="Mais").click()
    page.get_by_role("button", name="Limpar log").click()
    expect(page.get_by_role("button", name="Desfazer")).to_be_visible()
    violations = severe_violations(page)
    assert not violations, describe(violations)
