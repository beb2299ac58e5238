"""Take the README's screenshots: the page and its Script tab against the echo server, and
each protocol's mode against the real servers the tests use (tests/servers/)."""

import argparse
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.protocols.fixtures import NodeServer  # noqa: E402
from wsdev import EchoServer  # noqa: E402
from wsdev.chromium import launch_options  # noqa: E402
from wsdev.http import serving  # noqa: E402

# A 1366×768 laptop's whole screen, a phone's, and the laptop in the dark theme.
SHOTS = {
    "desktop": {"viewport": {"width": 1366, "height": 768}, "color_scheme": "light"},
    "mobile": {"viewport": {"width": 375, "height": 667}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1366, "height": 768}, "color_scheme": "dark"},
}
# Saved messages in the side panel: (name, send mode, message).
SAVED = [
    ("entrar", "json", '{"tipo": "entrar", "sala": "{{sala}}", "em": {{$timestamp}}}'),
    ("ping", "text", "ping {{$counter}}"),
]
# (send mode, message): text, HTML that stays text, JSON shown pretty, and a binary frame.
MESSAGES = [
    ("text", "olá mundo"),
    ("text", '<img src=x onerror="alert(1)"> chega como texto'),
    ("json", '{"tipo": "ping", "seq": 1, "dados": [1, 2, 3]}'),
    ("hex", "de ad be ef 00 01 48 65 6c 6c 6f 2c 20 57 53 21 " * 10),
]


def _shoot(browser, url, name, options, out):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#status")).to_have_class("open", timeout=60_000)
    # On a phone the panel is a drawer, and the JSON box waits behind "Mais".
    narrow = options["viewport"]["width"] < 960
    if narrow:
        page.get_by_role("button", name="Painel").click()
    for title, mode, text in SAVED:
        page.select_option("#mode", mode)
        page.fill("#message", text)
        page.get_by_label("Nome da mensagem").fill(title)
        page.get_by_role("button", name="Salvar mensagem").click()
    page.get_by_role("tab", name="Variáveis").click()
    page.get_by_role("button", name="Adicionar variável").click()
    page.keyboard.type("sala")
    page.keyboard.press("Tab")
    page.keyboard.type("geral")
    page.get_by_role("tab", name="Mensagens salvas").click()
    if narrow:
        page.get_by_role("button", name="Painel").click()
        page.get_by_role("button", name="Mais").click()
    page.check("#pretty-json")
    if narrow:
        page.get_by_role("button", name="Mais").click()
    for mode, text in MESSAGES:
        page.select_option("#mode", mode)
        page.fill("#message", text)
        page.press("#message", "Enter")
    expect(page.locator("#messages li.received")).to_have_count(len(MESSAGES))
    expect(page.locator("#rtt")).to_contain_text("ms ·")
    page.select_option("#mode", "json")
    page.fill("#message", '{"tipo": "pong",}')
    page.press("#message", "Enter")
    expect(page.locator("#send-error")).to_be_visible()
    page.locator("#messages").evaluate("ul => { ul.scrollTop = ul.scrollHeight; }")
    path = out / f"{name}.png"
    page.screenshot(path=path)
    context.close()
    return path


def _shoot_script(browser, url, out):
    """The Script tab on a laptop: the echo test example, run, with its results."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#status")).to_have_class("open", timeout=60_000)
    page.get_by_role("tab", name="Script").click()
    expect(page.get_by_role("textbox", name="Código do script")).to_be_visible()
    page.get_by_role("combobox", name="Exemplos").select_option("echo_test")
    page.get_by_role("button", name="Abrir").click()
    page.get_by_role("button", name="Executar").click()
    expect(page.locator("#script-results tbody tr.passed")).to_have_count(2)
    page.locator("#script-panel").evaluate("panel => { panel.scrollTop = 0; }")
    path = out / "script.png"
    page.screenshot(path=path)
    context.close()
    return path


def _protocol_page(browser, url, proto, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{url}?proto={proto}&url={server}&reconnect=0")
    expect(page.locator("#status")).to_have_class("open", timeout=60_000)
    return context, page


def _send(page, text, **fields):
    for selector, value in fields.items():
        field = page.locator(selector)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        elif field.get_attribute("type") == "checkbox":
            field.set_checked(bool(value))
        else:
            field.fill(value)
    page.fill("#message", text)
    page.press("#message", "Enter")


def _shoot_protocols(browser, url, out):
    """Socket.IO, MQTT and GraphQL, each decoding a short conversation with its server."""
    paths = []
    with NodeServer("socketio.mjs", "/socket.io/") as server:
        context, page = _protocol_page(browser, url, "socketio", server.url)
        _send(page, '["olá", {"sala": 1}]', **{"#sio-event": "echo"})
        _send(page, '"com ack"', **{"#sio-event": "echo", "#sio-ack": True})
        expect(page.locator("#messages")).to_contain_text('ack 0 do evento "echo"')
        paths.append(_save(page, context, out / "socketio.png"))
    with NodeServer("aedes.mjs") as server:
        context, page = _protocol_page(browser, url, "mqtt", server.url)
        page.fill("#mqtt-filter", "sensores/#")
        page.select_option("#mqtt-sub-qos", "2")
        page.click("#mqtt-subscribe")
        expect(page.locator("#proto-list")).to_contain_text("concedida")
        _send(page, '{"temp": 21.5}', **{"#mqtt-topic": "sensores/sala", "#mqtt-qos": "1"})
        _send(page, "ligado", **{"#mqtt-topic": "sensores/luz", "#mqtt-qos": "2"})
        expect(page.locator("#messages li.received .packet", has_text="PUBCOMP")).to_have_count(1)
        paths.append(_save(page, context, out / "mqtt.png"))
    with NodeServer("graphql.mjs", "/graphql") as server:
        context, page = _protocol_page(browser, url, "graphql", server.url)
        _send(page, "subscription { count(to: 3) }")
        expect(page.locator("#messages")).to_contain_text("a operação 1 terminou")
        _send(page, "subscription { nope }")
        expect(page.locator("#messages")).to_contain_text("a operação 2 falhou")
        paths.append(_save(page, context, out / "graphql.png"))
    return paths


def _save(page, context, path):
    page.locator("#messages").evaluate("ul => { ul.scrollTop = ul.scrollHeight; }")
    page.screenshot(path=path)
    context.close()
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with EchoServer() as echo, serving(ROOT / "site", echo_url=echo.url) as url:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options(playwright.chromium))
            try:
                for name, options in SHOTS.items():
                    path = _shoot(browser, url, name, options, args.out)
                    print(f"Wrote {path.relative_to(ROOT)}")
                path = _shoot_script(browser, url, args.out)
                print(f"Wrote {path.relative_to(ROOT)}")
                for path in _shoot_protocols(browser, url, args.out):
                    print(f"Wrote {path.relative_to(ROOT)}")
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
