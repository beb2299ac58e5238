"""Which Chromium the tests, the benchmark and the screenshots launch, and with which flags."""

import os

__all__ = ["DEBIAN_CHROMIUM", "DEBIAN_FLAGS", "FLAGS", "launch_options"]

DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Debian's build phones home, and wants a GPU and a sandbox that containers lack.
DEBIAN_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Chromium 156 preloads a renderer for each new window's address-bar popup, drawn as a
# web page, which a headless browser never shows: it cost about 0.6 s of a 2-core
# machine for every new context (8 page starts in 8 contexts: 13.9 s with it, 8.8 s
# without). Chromium merges this with Playwright's own --disable-features.
FLAGS = ["--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup"]


def launch_options(chromium, base=None):
    """Return `launch()` keyword arguments: Playwright's own Chromium if installed, else Debian's.

    Playwright already turns off timer throttling and renderer backgrounding, which
    would otherwise slow a page that is busy with a flood.

    Args:
        chromium: `playwright.chromium`, the browser type.
        base: options to start from, such as pytest-playwright's.
    """
    base = dict(base or {})
    args = [*base.get("args", []), *FLAGS]
    if os.path.exists(chromium.executable_path):
        return {**base, "args": args}
    return {**base, "executable_path": DEBIAN_CHROMIUM, "args": [*args, *DEBIAN_FLAGS]}
