"""Writing messages: Enter and Shift+Enter, and the history that ↑ and ↓ walk."""

import json
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.e2e.conftest import START_TIMEOUT_MS
from tests.e2e.page import send

# The send history lives from the page's start (and in localStorage): each test needs a page
# of its own.
pytestmark = [pytest.mark.usefixtures("no_internal_errors"), pytest.mark.own_page]

STORAGE_KEY = "pyws.history"
HISTORY_CAP = 100


def _stored(page):
    text = page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    return None if text is None else json.loads(text)


def _expect_stored(page, items):
    """Wait until localStorage holds exactly items as the history, then check it."""
    try:
        page.wait_for_function(
            "([key, items]) => localStorage.getItem(key) !== null"
            " && JSON.stringify(JSON.parse(localStorage.getItem(key))) === JSON.stringify(items)",
            arg=[STORAGE_KEY, items],
            timeout=5000,
        )
    except PlaywrightTimeoutError:
        pass
    assert _stored(page) == items


def _reload(page):
    page.reload()
    ready = re.compile(r"\bready\b")
    expect(page.locator("html")).to_have_class(ready, timeout=START_TIMEOUT_MS)


def test_shift_enter_adds_a_line_and_enter_sends_both(connected):
    """Shift+Enter puts a line break in the field and sends nothing; Enter sends both lines."""
    field = connected.locator("#message")
    field.fill("linha 1")
    field.press("Shift+Enter")
    field.press_sequentially("linha 2")
    expect(field).to_have_value("linha 1\nlinha 2")
    expect(connected.locator("#messages li.sent")).to_have_count(0)
    field.press("Enter")
    expect(connected.locator("#messages li.received")).to_have_text(
        re.compile("^Recebido: linha 1\nlinha 2$")
    )
    expect(field).to_have_value("")


def test_arrows_walk_the_history_and_back_to_the_draft(connected):
    """↑ recalls older texts down to the oldest, ↓ newer ones and finally what was being typed."""
    for text in ("um", "dois"):
        send(connected, text)
    field = connected.locator("#message")
    field.fill("rascunho")
    for key, expected in [
        ("ArrowUp", "dois"),
        ("ArrowUp", "um"),
        ("ArrowUp", "um"),
        ("ArrowDown", "dois"),
        ("ArrowDown", "rascunho"),
    ]:
        field.press(key)
        expect(field).to_have_value(expected)


def test_history_is_stored_without_repeats_in_a_row(connected):
    """localStorage["pyws.history"] lists the texts sent, oldest first, a repeat kept once."""
    for text in ("um", "dois", "dois", "três", "dois"):
        send(connected, text)
    _expect_stored(connected, ["um", "dois", "três", "dois"])


def test_history_survives_a_reload(connected):
    """After a reload ↑ still recalls what was sent before it."""
    send(connected, "antes do reload")
    _expect_stored(connected, ["antes do reload"])
    _reload(connected)
    field = connected.locator("#message")
    field.press("ArrowUp")
    expect(field).to_have_value("antes do reload")


def test_history_keeps_the_last_100(connected):
    """With 100 texts stored, one more send drops the oldest."""
    old = [f"texto {number}" for number in range(HISTORY_CAP)]
    connected.evaluate(
        "([key, items]) => localStorage.setItem(key, JSON.stringify(items))", [STORAGE_KEY, old]
    )
    _reload(connected)
    send(connected, "mais um")
    _expect_stored(connected, [*old[1:], "mais um"])
