"""An honest, calm status: outages shown in place, a reconnect box that tells the truth."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import describe, severe_violations
from tests.e2e.servers import echo

pytestmark = pytest.mark.usefixtures("no_internal_errors")

CONNECTION_FAILED = r"WebSocket connection to .* failed"
NO_RECONNECT = "Sem reconexão automática"
ABNORMAL_HINT = "O navegador não informa a causa"
# From now on, records the status area each time #status or the line under it changes:
# the status's class, the line's text, the status's height, and where the part of the
# page below the status area starts. The records are taken as each change is drawn, so
# a test reads every state of an outage without waiting for any of them.
WATCH_STATUS_JS = """() => {
    window.__states = [];
    const status = document.querySelector('#status');
    const line = document.querySelector('#reconnect-text');
    const below = document.querySelector('#stats');
    const record = () => window.__states.push({
        cls: status.className,
        line: line.checkVisibility() ? line.textContent : null,
        height: status.getBoundingClientRect().height,
        below: below.getBoundingClientRect().top,
    });
    const observer = new MutationObserver(record);
    for (const node of [status, document.querySelector('#reconnect')]) {
        observer.observe(node, {attributes: true, childList: true, characterData: true,
                                subtree: true});
    }
    record();
}"""
# Whether the watched status has gone through `tries` tries that failed: each a
# "connecting" state, then a state that is not.
TRIES_SEEN_JS = """tries => {
    let seen = 0;
    const states = window.__states;
    for (let i = 1; i < states.length; i++) {
        if (states[i - 1].cls === 'connecting' && states[i].cls !== 'connecting') seen++;
    }
    return seen >= tries;
}"""


def _dropped(connect_to, scripted_server):
    """A page connected, automatic reconnects on, to a server that then dies; returns both."""
    server = scripted_server(echo())
    page = connect_to(server.url, reconnect=True)
    expect(page.locator("#status")).to_have_class("open")
    server.kill()
    expect(page.locator("#reconnect")).to_be_visible()
    return page, server


def _down(scripted_server):
    """A server that is not running: its port is closed until it starts again."""
    server = scripted_server(echo())
    server.stop()
    return server


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_server_down_at_load_unticks_the_box_and_the_status_says_why(open_page, scripted_server):
    """With ?reconnect=1 and the server down, the box, the status and the log agree: no retry."""
    page = open_page(url=_down(scripted_server).url, reconnect="1")
    status = page.locator("#status")
    expect(status).to_contain_text(NO_RECONNECT)
    expect(page.get_by_label("Reconectar automaticamente")).not_to_be_checked()
    expect(page.locator("#messages li.system").last).to_contain_text(NO_RECONNECT)
    expect(page.locator("#reconnect")).to_be_hidden()


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_ticking_the_box_while_down_starts_retrying(open_page, scripted_server):
    """Ticking the box after the page gave up tries again, and keeps trying until it opens."""
    server = _down(scripted_server)
    page = open_page(url=server.url, reconnect="1")
    box = page.get_by_label("Reconectar automaticamente")
    expect(box).not_to_be_checked()
    box.check()
    expect(page.locator("#reconnect")).to_be_visible()
    server.start()
    # The next try is due within a second or two: the backoff is at its first windows.
    expect(page.locator("#status")).to_have_class("open", timeout=15_000)
    expect(box).to_be_checked()


@pytest.mark.allow_console(CONNECTION_FAILED)
@pytest.mark.parametrize("width", [375, 1366])
def test_outage_status_keeps_its_height_from_try_to_try(page, connect_to, scripted_server, width):
    """While the page retries, the status area keeps its height and the page below stays put."""
    page.set_viewport_size({"width": width, "height": 768})
    page, _ = _dropped(connect_to, scripted_server)
    page.evaluate(WATCH_STATUS_JS)
    page.wait_for_function(TRIES_SEEN_JS, arg=3, timeout=30_000)
    states = page.evaluate("window.__states")
    moved = {(state["height"], state["below"]) for state in states}
    assert len(moved) == 1, f"the status area changed size during the outage: {states}"


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_outage_line_counts_the_tries_in_place(connect_to, scripted_server):
    """The line under the status gives each try's number and the countdown to it."""
    page, _ = _dropped(connect_to, scripted_server)
    page.evaluate(WATCH_STATUS_JS)
    page.wait_for_function(TRIES_SEEN_JS, arg=2, timeout=30_000)
    lines = [state["line"] for state in page.evaluate("window.__states")]
    assert any(re.fullmatch(r"Tentativa 2 em \d+ s…", line or "") for line in lines), lines
    assert "Tentativa 2: conectando…" in lines
    assert None not in lines, f"the line hid during the outage: {lines}"


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_outage_logs_its_drop_and_its_return_once(connect_to, scripted_server):
    """An outage of several tries logs one entry as it drops, one with its tries once back."""
    page, server = _dropped(connect_to, scripted_server)
    page.evaluate(WATCH_STATUS_JS)
    page.wait_for_function(TRIES_SEEN_JS, arg=3, timeout=30_000)
    server.start()
    # The next try is due within the backoff's window after three tries: 4 s at most.
    expect(page.locator("#status")).to_have_class("open", timeout=15_000)
    system = page.locator("#messages li.system")
    expect(system.last).to_contain_text(re.compile(r"— de volta após \d+ s sem conexão"))
    entries = system.all_text_contents()
    drops = [text for text in entries if "WebSocket desconectado" in text]
    assert len(drops) == 1, entries
    assert drops[0].endswith("Reconectando automaticamente.")
    tries = int(re.search(r"Tentativas: (\d+)\.", entries[-1]).group(1))
    assert tries >= 4, entries[-1]
    assert entries.index(drops[0]) == len(entries) - 2, "entries between the drop and the return"


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_1006_is_explained_once_behind_why(connect_to, scripted_server):
    """The likely causes of a 1006 sit behind "Por quê?", not in the status nor in the log."""
    page, _ = _dropped(connect_to, scripted_server)
    page.evaluate(WATCH_STATUS_JS)
    page.wait_for_function(TRIES_SEEN_JS, arg=2, timeout=30_000)
    expect(page.locator("#status")).not_to_contain_text(ABNORMAL_HINT)
    expect(page.locator("#messages li", has_text=ABNORMAL_HINT)).to_have_count(0)
    hint = page.get_by_text(ABNORMAL_HINT)
    expect(hint).to_be_hidden()
    page.get_by_text("Por quê?").click()
    expect(hint).to_be_visible()


def test_bad_address_while_connected_is_said_under_the_field(connected):
    """A bad address typed while connected is explained under the field; the status stays open."""
    field = connected.get_by_label("Servidor", exact=True)
    field.fill("http://x")
    connected.get_by_role("button", name="Conectar").click()
    error = connected.locator("#connect-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("não http:// (experimente ws://x)")
    expect(error).to_contain_text("continua")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "connect-error")
    expect(connected.locator("#status")).to_have_class("open")


def test_editing_the_address_takes_its_error_away(connected):
    """Once the user types in the field, the error under it goes, and the field is valid again."""
    field = connected.get_by_label("Servidor", exact=True)
    field.fill("ws://")
    connected.get_by_role("button", name="Conectar").click()
    expect(connected.locator("#connect-error")).to_be_visible()
    field.press("End")
    field.type("h")
    expect(connected.locator("#connect-error")).to_be_hidden()
    expect(field).not_to_have_attribute("aria-invalid", "true")


@pytest.mark.allow_console(CONNECTION_FAILED)
def test_bad_address_typed_during_an_outage_stays_explained(connect_to, scripted_server):
    """The page's own tries do not take away the error under the address the user typed."""
    page, _ = _dropped(connect_to, scripted_server)
    page.get_by_label("Servidor", exact=True).fill("ws://")
    page.get_by_role("button", name="Conectar").click()
    expect(page.locator("#connect-error")).to_be_visible()
    page.evaluate(WATCH_STATUS_JS)
    page.wait_for_function(TRIES_SEEN_JS, arg=2, timeout=30_000)
    expect(page.locator("#connect-error")).to_be_visible()
    expect(page.get_by_label("Servidor", exact=True)).to_have_attribute("aria-invalid", "true")


def test_closing_reads_as_closing(connected):
    """The moment "Fechar conexão" is pressed, the status has class closing and says so."""
    shown = connected.evaluate(
        """() => {
            document.querySelector('#close').click();
            const status = document.querySelector('#status');
            return [status.className, status.textContent];
        }"""
    )
    assert shown[0] == "closing"
    assert re.fullmatch(
        r"Fechando a conexão com ws://\S+: aguardando o servidor confirmar…", shown[1]
    )
    expect(connected.locator("#status")).to_have_class("closed")


def test_the_users_close_is_not_red(connected):
    """After the user's own close the status is not in the error colour: nothing failed."""
    connected.get_by_role("button", name="Fechar conexão").click()
    status = connected.locator("#status")
    expect(status).to_have_class("closed")
    colours = status.evaluate(
        """status => {
            const probe = document.createElement('span');
            probe.style.color = getComputedStyle(document.documentElement)
                .getPropertyValue('--closed');
            document.body.append(probe);
            const red = getComputedStyle(probe).color;
            probe.remove();
            return [getComputedStyle(status).color, red];
        }"""
    )
    assert colours[0] != colours[1]


@pytest.mark.allow_console(CONNECTION_FAILED)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_outage_and_field_error_have_no_serious_violations(
    page, connect_to, scripted_server, scheme
):
    """An outage with "Por quê?" open and an error under the address keep axe-core content."""
    page.emulate_media(color_scheme=scheme)
    page, _ = _dropped(connect_to, scripted_server)
    page.get_by_text("Por quê?").click()
    page.get_by_label("Servidor", exact=True).fill("ws://")
    page.get_by_role("button", name="Conectar").click()
    expect(page.locator("#connect-error")).to_be_visible()
    violations = severe_violations(page)
    assert not violations, describe(violations)
