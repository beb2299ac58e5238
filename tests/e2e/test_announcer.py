"""Accessibility: a throttled live region, a label on every control, the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send

pytestmark = pytest.mark.usefixtures("no_internal_errors")

BURST = 200
SUMMARY = re.compile(r"^(?:1 nova mensagem|(\d+) novas mensagens)$")
# Records every non-empty text the announcer takes, from now on.
WATCH_ANNOUNCER_JS = """() => {
    window.__announcements = [];
    const announcer = document.querySelector('#announcer');
    new MutationObserver(() => {
        const text = announcer.textContent.trim();
        if (text) window.__announcements.push(text);
    }).observe(announcer, {childList: true, characterData: true, subtree: true});
}"""
# The controls with no label: no <label>, aria-label, aria-labelledby, nor button text.
UNLABELLED_JS = """() => Array.from(document.querySelectorAll('input, select, textarea, button'))
    .filter(el => {
        const named = id => (document.getElementById(id)?.textContent || '').trim();
        const labels = Array.from(el.labels || [], label => label.textContent.trim());
        const names = [
            el.getAttribute('aria-label') || '',
            ...(el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean).map(named),
            ...labels,
            el.tagName === 'BUTTON' ? el.textContent.trim() : '',
        ];
        return !names.some(name => name.trim());
    })
    .map(el => el.id || el.outerHTML)"""
PT_LABELS = {
    "filter": "Filtrar",
    "show-sent": "Enviadas",
    "show-received": "Recebidas",
    "show-system": "Sistema",
    "pretty-json": "JSON formatado",
    "mode": "Formato",
}
PT_BUTTONS = {"clear": "Limpar log", "export": "Exportar", "copy": "Copiar"}
TAB_LIMIT = 60


def _tab_to(page, selector):
    """Press Tab until the element matching selector has the focus."""
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus in {TAB_LIMIT} presses of Tab")


def test_announcer_is_a_polite_live_region_out_of_sight(connected):
    """#announcer is aria-live=polite, rendered for screen readers, and takes no visible room."""
    announcer = connected.locator("#announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")
    box = announcer.evaluate(
        """el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
            return {width: r.width, height: r.height, display: s.display,
                    visibility: s.visibility, hidden: el.hidden}; }"""
    )
    assert box["width"] <= 1 and box["height"] <= 1, box
    assert box["display"] != "none" and box["visibility"] != "hidden" and not box["hidden"], box


def test_a_burst_is_announced_as_a_few_summaries(open_page, scripted_server):
    """200 messages at once give a handful of "N novas mensagens" announcements, not 200."""

    async def burst_when_asked(connection):
        async for _ in connection:
            for number in range(BURST):
                await connection.send(f"m{number}")

    page = open_page(url=scripted_server(burst_when_asked).url)
    expect(page.locator("#status")).to_have_class("open")
    page.evaluate(WATCH_ANNOUNCER_JS)
    send(page, "vai")
    expect(page.locator("#messages li.received").last).to_have_text(f"Recebido: m{BURST - 1}")
    page.wait_for_function(
        """total => window.__announcements
            .map(text => /^(\\d+) novas? mensage/.exec(text))
            .filter(Boolean)
            .reduce((sum, match) => sum + Number(match[1]), 0) >= total""",
        arg=BURST,
        timeout=10_000,
    )
    announcements = page.evaluate("() => window.__announcements")
    summaries = [text for text in announcements if SUMMARY.match(text)]
    assert len(summaries) <= 4, f"{len(summaries)} announcements for {BURST} messages"
    assert any(SUMMARY.match(text).group(1) for text in summaries), summaries


@pytest.mark.own_page  # an earlier test's messages may still be waiting to be announced
def test_one_message_is_announced_in_the_singular(connected):
    """A single message is announced as "1 nova mensagem"."""
    send(connected, "oi")
    expect(connected.locator("#announcer")).to_have_text("1 nova mensagem")


def test_announcement_in_english(open_page):
    """With ?lang=en a single message is announced as "1 new message"."""
    page = open_page(lang="en")
    expect(page.locator("#status")).to_have_class("open")
    send(page, "hi")
    expect(page.locator("#announcer")).to_have_text("1 new message")


def test_every_control_has_a_label(connected):
    """Every control has a label, an aria-label or its own text; the new ones as the spec names."""
    for control, name in PT_LABELS.items():
        expect(connected.get_by_label(name, exact=True)).to_have_id(control)
    for control, name in PT_BUTTONS.items():
        expect(connected.get_by_role("button", name=name, exact=True)).to_have_id(control)
    assert connected.evaluate(UNLABELLED_JS) == []


def test_keyboard_alone_sends_filters_and_clears(connected):
    """With Tab, typing, Enter and Space alone one can send, filter, hide and clear."""
    connected.evaluate("() => document.activeElement.blur()")
    _tab_to(connected, "#message")
    connected.keyboard.type("pelo teclado")
    connected.keyboard.press("Enter")
    entries = connected.locator("#messages li")
    expect(connected.locator("#messages li.received")).to_have_text("Recebido: pelo teclado")
    _tab_to(connected, "#filter")
    connected.keyboard.type("teclado")
    expect(entries).to_have_count(2)
    _tab_to(connected, "#show-sent")
    connected.keyboard.press("Space")
    expect(entries).to_have_count(1)
    _tab_to(connected, "#clear")
    connected.keyboard.press("Enter")
    expect(entries).to_have_count(0)


def test_no_horizontal_scroll_at_375_px(page, open_page):
    """At 375 px wide, long text and hex dumps do not make the page scroll sideways."""
    page.set_viewport_size({"width": 375, "height": 800})
    open_page()
    expect(page.locator("#status")).to_have_class("open")
    send(page, "x" * 400)
    page.select_option("#mode", "hex")
    send(page, " ".join(f"{byte:02x}" for byte in range(64)))
    expect(page.locator("#messages li.received pre.dump")).to_have_count(1)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide in a {widths[1]} px window"
