"""Which Chromium the tests, the benchmark and the screenshots launch, and with which flags."""

import os

__all__ = ["DEBIAN_CHROMIUM", "DEBIAN_FLAGS", "launch_options"]

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


def launch_options(chromium, base=None):
    """Return `launch()` keyword arguments: Playwright's own Chromium if installed, else Debian's.

    Playwright already turns off timer throttling and renderer backgrounding, which
    would otherwise slow a page that is busy with a flood.

    Args:
        chromium: `playwright.chromium`, the browser type.
        base: options to start from, such as pytest-playwright's.
    """
    base = dict(base or {})
    if os.path.exists(chromium.executable_path):
        return base
    return {
        **base,
        "executable_path": DEBIAN_CHROMIUM,
        "args": [*base.get("args", []), *DEBIAN_FLAGS],
    }
