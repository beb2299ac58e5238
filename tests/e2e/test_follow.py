"""The log follows its newest entry, unless the user has scrolled up to read."""

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send

pytestmark = pytest.mark.usefixtures("no_internal_errors")

SCROLLED_UP_JS = "ul => ul.scrollHeight - ul.scrollTop - ul.clientHeight > 100"
AT_END_JS = "ul => ul.scrollHeight - ul.scrollTop - ul.clientHeight < 40"


def _counting(count):
    """A handler that answers each message with count numbered ones."""

    async def handler(connection):
        async for message in connection:
            for number in range(count):
                await connection.send(f"{message}{number}")

    return handler


def test_the_log_follows_new_entries_while_at_its_end(connect_to, scripted_server):
    """At the end of the list, the newest entry stays in sight as more arrive."""
    page = connect_to(scripted_server(_counting(60)).url)
    send(page, "a")
    entries = page.locator("#messages li.received")
    expect(entries).to_have_count(60)
    expect(entries.last).to_be_in_viewport()
    assert page.locator("#messages").evaluate(AT_END_JS)
    expect(page.locator("#new-entries")).to_be_hidden()


def test_scrolled_up_the_log_stays_and_a_button_counts_what_came(connect_to, scripted_server):
    """Scrolled up, the list keeps its place; "37 novas ↓" counts the new entries and
    pressing it returns to the live end."""
    page = connect_to(scripted_server(_counting(37)).url)
    send(page, "a")
    expect(page.locator("#messages li.received")).to_have_count(37)
    ul = page.locator("#messages")
    ul.hover()
    page.mouse.wheel(0, -5000)
    page.wait_for_function(f"() => ({SCROLLED_UP_JS})(document.querySelector('#messages'))")
    top = ul.evaluate("ul => ul.scrollTop")
    send(page, "b")
    pill = page.get_by_role("button", name="38 novas ↓")  # the echo of b, then b0…b36
    expect(pill).to_be_visible()
    assert ul.evaluate("ul => ul.scrollTop") == top
    pill.click()
    expect(pill).to_be_hidden()
    assert ul.evaluate(AT_END_JS)
    expect(page.locator("#messages li.received").last).to_be_in_viewport()
    expect(ul).to_be_focused()


def test_end_on_the_list_returns_to_the_live_end(connect_to, scripted_server):
    """End on the scrolled-up list goes back to the newest entry, and the count goes."""
    page = connect_to(scripted_server(_counting(40)).url)
    send(page, "a")
    expect(page.locator("#messages li.received")).to_have_count(40)
    ul = page.locator("#messages")
    ul.focus()
    page.keyboard.press("Home")
    page.wait_for_function(f"() => ({SCROLLED_UP_JS})(document.querySelector('#messages'))")
    send(page, "b")
    pill = page.get_by_role("button", name="41 novas ↓")  # the echo of b, then b0…b39
    expect(pill).to_be_visible()
    ul.focus()
    page.keyboard.press("End")
    expect(pill).to_be_hidden()
    assert ul.evaluate(AT_END_JS)
