"""The filter over a long log: every key kept, the right result, the list not drawn anew."""

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.servers import flood

pytestmark = pytest.mark.usefixtures("no_internal_errors")

ENTRIES = "#messages li"
KEPT = 10_000
FLOOD_TIMEOUT_MS = 240_000
# Each entry's own JS property: an element drawn anew has none.
MARK_JS = "li => { li.__mark = 'kept'; }"
READ_MARK_JS = "li => li.__mark || 'drawn anew'"


@pytest.mark.timeout(FLOOD_TIMEOUT_MS // 1000 + 60)
def test_typing_over_ten_thousand_entries_keeps_every_key_and_finds_them(
    connect_to, scripted_server
):
    """Typed at full speed over 10,000 kept entries, the field has every key and the
    list exactly the entries that hold the text, in any case."""
    page = connect_to(scripted_server(flood(KEPT, "m{:05d}")).url)
    entries = page.locator(ENTRIES)
    # A few seconds on a quiet machine; minutes when other runs share its two cores.
    expect(entries.last).to_have_text("Recebido: m09999", timeout=FLOOD_TIMEOUT_MS)
    field = page.get_by_label("Filtrar")
    field.press_sequentially("M0123")
    expect(field).to_have_value("M0123")
    expect(entries).to_have_text([f"Recebido: m0123{n}" for n in range(10)])
    expect(page.locator("#filter-count")).to_have_text("10 de 10.000 entradas")


def test_narrowing_the_filter_keeps_the_entries_already_shown(connected):
    """Typing on does not draw again the entries that still match: the same elements stay."""
    for text in ("alpha 1", "alpha 2", "beta"):
        send(connected, text)
    expect(connected.locator("#messages li.received")).to_have_count(3)
    field = connected.get_by_label("Filtrar")
    field.fill("alpha")
    expect(connected.locator(ENTRIES)).to_have_count(4)
    kept = connected.locator("#messages li.received").last
    kept.evaluate(MARK_JS)
    field.press_sequentially(" 2")
    expect(connected.locator(ENTRIES)).to_have_text(["Enviado: alpha 2", "Recebido: alpha 2"])
    assert connected.locator("#messages li.received").evaluate(READ_MARK_JS) == "kept"


def test_widening_the_filter_puts_entries_back_in_order(connected):
    """Deleting what was typed brings back the entries in their order, old ones kept."""
    for text in ("one", "two"):
        send(connected, text)
    expect(connected.locator("#messages li.received")).to_have_count(2)
    everything = connected.locator(ENTRIES).all_text_contents()
    field = connected.get_by_label("Filtrar")
    field.fill("two")
    expect(connected.locator(ENTRIES)).to_have_count(2)
    connected.locator(ENTRIES).last.evaluate(MARK_JS)
    field.fill("")
    expect(connected.locator(ENTRIES)).to_have_text(everything)
    assert connected.locator(ENTRIES).last.evaluate(READ_MARK_JS) == "kept"
