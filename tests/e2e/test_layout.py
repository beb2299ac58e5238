"""The workbench fits the screen: what a user needs is in view at every size, and the
side panel sits beside the log, or over it as a drawer on a narrow screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, severe_violations
from tests.e2e.conftest import NARROW, START_TIMEOUT_MS
from tests.e2e.page import send

pytestmark = pytest.mark.usefixtures("no_internal_errors")

# Viewports: a desktop, a 1366×768 laptop and what Chrome leaves of it, a small laptop,
# a phone upright and on its side. The last number is the smallest log the size gives.
SIZES = [
    (1920, 1080, 200),
    (1366, 768, 200),
    (1366, 657, 200),
    (1280, 720, 200),
    (375, 667, 200),
    (667, 375, 120),
]
# What Chrome leaves of a 1366×768 laptop's screen.
LAPTOP = {"width": 1366, "height": 657}
SIZE_IDS = [f"{width}x{height}" for width, height, _ in SIZES]
SAVED_TAB = re.compile("^(Mensagens salvas|Saved messages)$")
VARIABLES_TAB = re.compile("^(Variáveis|Variables)$")


def _in_view(page):
    """What must be in view without scrolling the page: status, connection bar, composer."""
    return [
        page.locator("#status"),
        page.locator("#url"),
        page.locator("#connect"),
        page.locator("#message"),
        page.locator("#mode"),
        page.get_by_role("button", name="Enviar", exact=True),
        page.locator("#close"),
    ]


def _page_scroll(page):
    """How far the page itself scrolls, down and across."""
    return page.evaluate(
        "() => [document.documentElement.scrollHeight - innerHeight,"
        " document.documentElement.scrollWidth - innerWidth]"
    )


@pytest.mark.parametrize(("width", "height", "log"), SIZES, ids=SIZE_IDS)
def test_each_size_shows_the_bars_the_composer_and_a_log(connected, width, height, log):
    """With the page unscrolled, the status, the connection bar, the composer, Fechar
    conexão and a log of the least height are all in view, and the page does not scroll."""
    connected.set_viewport_size({"width": width, "height": height})
    for locator in _in_view(connected):
        expect(locator).to_be_in_viewport(ratio=1)
    assert connected.evaluate("() => scrollY") == 0
    assert _page_scroll(connected) == [0, 0]
    box = connected.locator("#messages").bounding_box()
    assert box["height"] >= log and box["y"] + box["height"] <= height


def test_the_log_takes_the_height_that_remains(connected):
    """A taller window gives the log all of its extra height; the composer stays at the foot."""
    connected.set_viewport_size(LAPTOP)
    short = connected.locator("#messages").bounding_box()["height"]
    connected.set_viewport_size({"width": 1366, "height": 857})
    expect(connected.locator("#close")).to_be_in_viewport(ratio=1)
    assert connected.locator("#messages").bounding_box()["height"] == pytest.approx(short + 200)


def test_wide_screen_has_the_panel_beside_the_log(connected):
    """At 1366×657 the panel's tabs and saved messages sit right of the log, in view."""
    connected.set_viewport_size(LAPTOP)
    log = connected.locator("#messages").bounding_box()
    panel = connected.locator("#side-panel").bounding_box()
    assert panel["x"] >= log["x"] + log["width"]
    assert panel["y"] < log["y"] + log["height"] and log["y"] < panel["y"] + panel["height"]
    expect(connected.get_by_role("button", name="Painel")).to_be_hidden()
    expect(connected.get_by_role("tab", name=SAVED_TAB)).to_have_attribute("aria-selected", "true")
    expect(connected.get_by_role("button", name="Salvar mensagem")).to_be_in_viewport(ratio=1)


def test_arrow_keys_choose_a_tab_and_show_its_panel(connected):
    """On the tabs, → chooses Variáveis and shows its table; Home goes back to the first."""
    saved = connected.get_by_role("tab", name=SAVED_TAB)
    saved.focus()
    connected.keyboard.press("ArrowRight")
    variables = connected.get_by_role("tab", name=VARIABLES_TAB)
    expect(variables).to_be_focused()
    expect(variables).to_have_attribute("aria-selected", "true")
    expect(connected.get_by_role("tabpanel", name=VARIABLES_TAB)).to_be_visible()
    expect(connected.get_by_role("tabpanel", name=SAVED_TAB)).to_be_hidden()
    connected.keyboard.press("Home")
    expect(saved).to_be_focused()
    expect(connected.get_by_role("tabpanel", name=SAVED_TAB)).to_be_visible()


@pytest.mark.own_page
def test_the_chosen_tab_is_kept_across_a_reload(page, open_page):
    """A reload opens the panel on the tab the user chose last."""
    open_page()
    page.get_by_role("tab", name=VARIABLES_TAB).click()
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bready\b"), timeout=START_TIMEOUT_MS)
    expect(page.get_by_role("tab", name=VARIABLES_TAB)).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("button", name="Adicionar variável")).to_be_visible()


def test_narrow_screen_opens_the_panel_as_a_drawer_over_the_log(connected):
    """At 375 px, Painel opens the panel in the log's place and focuses its tab; the
    composer stays in view."""
    connected.set_viewport_size(NARROW)
    expect(connected.get_by_role("tabpanel")).to_be_hidden()
    toggle = connected.get_by_role("button", name="Painel")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(connected.get_by_role("tab", name=SAVED_TAB)).to_be_focused()
    expect(connected.get_by_role("button", name="Salvar mensagem")).to_be_in_viewport(ratio=1)
    expect(connected.locator("#messages")).to_be_hidden()
    expect(connected.locator("#message")).to_be_in_viewport(ratio=1)


def test_escape_closes_the_drawer_and_returns_to_its_button(connected):
    """Esc inside the drawer closes it, shows the log again and focuses Painel."""
    connected.set_viewport_size(NARROW)
    toggle = connected.get_by_role("button", name="Painel")
    toggle.click()
    connected.get_by_label("Nome da mensagem").focus()
    connected.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(connected.locator("#messages")).to_be_visible()


def test_loading_a_saved_message_closes_the_drawer(connected):
    """On a narrow screen, Carregar puts the message in the composer and gives the log back."""
    connected.set_viewport_size(NARROW)
    connected.get_by_role("button", name="Painel").click()
    connected.fill("#message", "olá")
    connected.get_by_label("Nome da mensagem").fill("saudação")
    connected.get_by_role("button", name="Salvar mensagem").click()
    connected.fill("#message", "")
    connected.get_by_role("button", name="Carregar saudação").click()
    expect(connected.locator("#message")).to_have_value("olá")
    toggle = connected.get_by_role("button", name="Painel")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(connected.locator("#messages")).to_be_visible()


def test_more_shows_the_measurements_and_the_log_tools(connected):
    """At 375 px the counters and Limpar log wait behind Mais, which shows them."""
    connected.set_viewport_size(NARROW)
    clear = connected.get_by_role("button", name="Limpar log")
    expect(clear).to_be_hidden()
    expect(connected.locator("#stats-sent")).to_be_hidden()
    more = connected.get_by_role("button", name="Mais")
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    expect(clear).to_be_visible()
    expect(connected.locator("#stats-sent")).to_contain_text("Enviadas:")


def test_messages_queued_offline_move_nothing(connected):
    """At 1366×657, messages waiting while offline, and their discard tool, leave the
    log's box and the composer where they were."""
    connected.set_viewport_size(LAPTOP)
    connected.click("#close")
    expect(connected.locator("#status")).to_have_class("closed")
    log = connected.locator("#messages").bounding_box()
    before = _boxes(connected)
    for text in ("um", "dois"):
        send(connected, text)
    expect(connected.get_by_role("button", name="Descartar pendentes (2)")).to_be_visible()
    assert connected.locator("#messages").bounding_box() == log
    assert _boxes(connected) == before


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height", "log"), SIZES, ids=SIZE_IDS)
def test_each_size_and_theme_has_no_serious_violations(connected, width, height, log, scheme):
    """axe-core finds no serious or critical issue at each size, in both themes."""
    connected.set_viewport_size({"width": width, "height": height})
    connected.emulate_media(color_scheme=scheme)
    send(connected, "olá")
    expect(connected.locator("#messages li.received")).to_have_count(1)
    violations = severe_violations(connected)
    assert not violations, describe(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_drawer_and_more_have_no_serious_violations(connected, scheme):
    """At 375 px, with Mais and the drawer open, axe-core finds no serious issue."""
    connected.set_viewport_size(NARROW)
    connected.emulate_media(color_scheme=scheme)
    connected.get_by_role("button", name="Mais").click()
    connected.get_by_role("button", name="Painel").click()
    violations = severe_violations(connected)
    assert not violations, describe(violations)


# The figure is 200,000 (`--flood 200000`): at about 1,000 messages a second
# here that is minutes per interpreter, so the suite floods 20,000, which already goes
# through every state a longer flood has (the cap's trims, the dropped-entries line,
# five-digit counters).
FLOOD_OPTION = "--flood"
# Every layout shift the page reports from now on, and a way to read their sum.
# Started once the page has drawn a frame at the test's size: a shift left over from
# what came before (the shared page's reset, a resize) is not the flood's.
WATCH_SHIFTS_JS = """() => new Promise(ready => requestAnimationFrame(() => {
  requestAnimationFrame(() => {
    const shifts = [];
    const observer = new PerformanceObserver(list => shifts.push(...list.getEntries()));
    observer.observe({type: 'layout-shift'});
    window.layoutShifts = () => {
        shifts.push(...observer.takeRecords());
        return shifts.map(entry => [entry.value, entry.sources.map(source => [
            source.node ? (source.node.id || source.node.textContent.slice(0, 30)) : '',
            source.previousRect.y, source.currentRect.y])]);  // for the failure's message
    };
    ready();
  });
}))"""
# What the log's tools hold and where, for a failure's message: what moved, and why.
TOOLS_JS = """() => [...document.querySelectorAll('#tools :is(input, button, select, label)')]
    .filter(el => el.checkVisibility())
    .map(el => [el.id || el.textContent.trim().slice(0, 20),
                Math.round(el.getBoundingClientRect().y)])"""


def _flood_when_asked(count):
    """A handler that sends count text messages, m0 to m<count-1>, once the page sends one."""

    async def handler(connection):
        await connection.recv()
        for number in range(count):
            await connection.send(f"m{number}")
        await connection.wait_closed()

    return handler


def _boxes(page):
    """Where the controls a user aims at during a flood are."""
    return [
        page.locator(selector).bounding_box()
        for selector in ("#close", "#message", "#input-form button[type=submit]")
    ]


@pytest.mark.timeout(900)
def test_a_flood_moves_nothing_on_the_page(request, connect_to, scripted_server):
    """Through a flood at 1366×657, Fechar conexão, the message field and Enviar keep
    their boxes, and the page reports no layout shift at all."""
    flood = request.config.getoption(FLOOD_OPTION)
    # No keepalive pings: the browser reads a ping only after the flood before it, and
    # the server would take the late pong for a dead connection.
    server = scripted_server(_flood_when_asked(flood), compression=None, ping_interval=None)
    page = connect_to(server.url)
    page.set_viewport_size(LAPTOP)
    before = _boxes(page)
    page.evaluate(WATCH_SHIFTS_JS)
    tools = page.evaluate(TOOLS_JS)
    send(page, "vai")
    expect(page.locator("#messages li").last).to_have_text(
        f"Recebido: m{flood - 1}", timeout=800_000
    )
    expect(page.locator("#dropped")).to_be_visible()
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))")
    assert _boxes(page) == before
    shifts = page.evaluate("() => window.layoutShifts()")
    assert sum(value for value, _ in shifts) == 0, [shifts, tools, page.evaluate(TOOLS_JS)]
