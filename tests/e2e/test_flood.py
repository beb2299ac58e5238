"""A flood of messages leaves a bounded log with an honest count of what scrolled away."""

import pytest
from playwright.sync_api import expect

FLOOD = 3000


async def _flood(connection):
    for seq in range(1, FLOOD + 1):
        await connection.send(f"m{seq}")
    await connection.wait_closed()


def test_flood_keeps_at_most_the_cap_and_counts_the_rest(open_page, scripted_server):
    """After 3,000 messages with ?cap=100 the DOM holds 100 entries and says how many left."""
    page = open_page(url=scripted_server(_flood, compression=None).url, cap="100")
    entries = page.locator("#messages li")
    # A flood takes MicroPython a few seconds on a busy machine.
    expect(entries.last).to_have_text(f"Recebido: m{FLOOD}", timeout=30_000)
    expect(entries).to_have_count(100)
    # The system entry for the connection, then 3,000 messages: 3,001 entries in all.
    expect(page.locator("#dropped")).to_have_text(
        f"{FLOOD + 1 - 100:,} mensagens antigas fora da tela".replace(",", ".")
    )
    expect(entries.first).to_have_text(f"Recebido: m{FLOOD - 99}")


def test_default_cap_is_one_thousand(connect_to, scripted_server):
    """Without ?cap= the DOM keeps the last 1,000 entries."""
    page = connect_to(scripted_server(_flood).url)
    entries = page.locator("#messages li")
    expect(entries.last).to_have_text(f"Recebido: m{FLOOD}", timeout=30_000)
    expect(entries).to_have_count(1000)


@pytest.mark.parametrize("cap", ["abc", "5"])
def test_bad_cap_is_reported_and_the_default_used(open_page, cap):
    """An unusable ?cap= gets a system entry naming it, and the page still works."""
    page = open_page(cap=cap)
    expect(page.locator("#messages li.system").first).to_contain_text(f"cap={cap}")
    expect(page.locator("#status")).to_have_class("open")
