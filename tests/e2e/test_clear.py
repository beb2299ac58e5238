"""Clear with undo and a counters reset; the tools' messages fade and go."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send

pytestmark = pytest.mark.usefixtures("no_internal_errors")

ENTRIES = "#messages li"
# The tools' messages go after 6 s, undo after 10 s: expect waits a little longer.
GONE_MS = 15_000


@pytest.mark.own_page  # undo would bring back what the shared page's reset cleared too
def test_undo_puts_the_cleared_entries_back_before_the_new_ones(connected):
    """Clear empties the log at once and says so; undo, after more traffic, puts the
    entries back in order, before the ones that came since."""
    for text in ("one", "two"):
        send(connected, text)
    expect(connected.locator("#messages li.received")).to_have_count(2)
    before = connected.locator(ENTRIES).all_text_contents()
    connected.get_by_role("button", name="Limpar log").click()
    expect(connected.locator(ENTRIES)).to_have_count(0)
    expect(connected.locator("#tool-status")).to_have_text(
        f"Log limpo: {len(before)} entradas removidas."
    )
    send(connected, "three")
    expect(connected.locator("#messages li.received")).to_have_count(1)
    connected.get_by_role("button", name="Desfazer").click()
    after = ["Enviado: three", "Recebido: three"]
    expect(connected.locator(ENTRIES)).to_have_text(before + after)
    expect(connected.locator("#tool-status")).to_have_text(
        f"Log restaurado: {len(before)} entradas de volta."
    )


def test_the_export_message_is_announced_then_goes(page, open_page):
    """The export message is said in a status region, then fades and goes by itself."""
    page.clock.install()
    open_page()
    expect(page.locator("#status")).to_have_class("open")
    with page.expect_download():
        page.get_by_role("button", name="Exportar").click()
    note = page.locator("#tool-status")
    expect(note).to_have_text(re.compile(r"^Exportadas? \d+ entradas? visíve(l|is)\.$"))
    expect(note).to_have_attribute("role", "status")
    page.clock.fast_forward(GONE_MS)
    expect(note).to_have_text("")


def test_undo_goes_after_ten_seconds_and_gives_the_focus_back(page, open_page):
    """The undo button leaves with its message; the focus it had goes to "Limpar log"."""
    page.clock.install()  # the ten seconds pass at once
    open_page()
    expect(page.locator("#status")).to_have_class("open")
    page.get_by_role("button", name="Limpar log").click()
    undo = page.get_by_role("button", name="Desfazer")
    undo.focus()
    page.clock.fast_forward(9_000)
    expect(undo).to_be_visible()
    page.clock.fast_forward(GONE_MS - 9_000)
    expect(undo).to_be_hidden()
    expect(page.get_by_role("button", name="Limpar log")).to_be_focused()
    expect(page.locator("#tool-status")).to_have_text("")


@pytest.mark.own_page
def test_reset_counters_after_a_clear_zeroes_traffic_and_rtt(connected):
    """ "Zerar contadores", offered with the clear, sets the counters and the RTT to zero."""
    send(connected, "eco")
    expect(connected.locator("#rtt")).not_to_have_text("RTT do eco: —")
    connected.get_by_role("button", name="Limpar log").click()
    connected.get_by_role("button", name="Zerar contadores").click()
    expect(connected.locator("#stats-sent")).to_have_text(re.compile(r"^Enviadas: 0 msg · 0 B · "))
    expect(connected.locator("#stats-received")).to_have_text(
        re.compile(r"^Recebidas: 0 msg · 0 B · ")
    )
    expect(connected.locator("#rtt")).to_have_text("RTT do eco: —")
    expect(connected.locator("#tool-status")).to_have_text(
        re.compile(r"^Log limpo: \d+ entradas removidas\. Contadores e RTT zerados\.$")
    )
    expect(connected.get_by_role("button", name="Desfazer")).to_be_visible()
