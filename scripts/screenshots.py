"""Take the README's screenshots of the page against the embedded echo server."""

import argparse
import re
import sys
import threading
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import launch_options  # noqa: E402
from wsdev import EchoServer, make_http_server  # noqa: E402

SHOTS = {
    "desktop": {"viewport": {"width": 1100, "height": 720}, "color_scheme": "light"},
    "mobile": {"viewport": {"width": 375, "height": 740}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1100, "height": 720}, "color_scheme": "dark"},
}
MESSAGES = ["olá mundo", '<img src=x onerror="alert(1)"> chega como texto', '{"tipo": "ping"}']


def _shoot(browser, url, name, options, out):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#status")).to_have_class("open", timeout=60_000)
    for text in MESSAGES:
        page.fill("#message", text)
        page.press("#message", "Enter")
    expect(page.locator("#messages li.received")).to_have_count(len(MESSAGES))
    page.fill("#message", "Enter envia; Shift+Enter quebra a linha")
    path = out / f"{name}.png"
    page.screenshot(path=path)
    context.close()
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with EchoServer() as echo:
        server = make_http_server(ROOT / "site", echo_url=echo.url, quiet=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**launch_options(playwright))
                try:
                    for name, options in SHOTS.items():
                        path = _shoot(browser, url, name, options, args.out)
                        print(f"Wrote {re.sub(str(ROOT) + '/', '', str(path))}")
                finally:
                    browser.close()
        finally:
            server.shutdown()
            server.server_close()
            thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
