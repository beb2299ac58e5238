"""Shared fixtures: which Chromium Playwright launches."""

import os

import pytest

DEBIAN_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch_options(playwright, base=None):
    """Playwright's own Chromium when installed, else Debian's with our flags."""
    base = dict(base or {})
    if os.path.exists(playwright.chromium.executable_path):
        return base
    return {
        **base,
        "executable_path": DEBIAN_CHROMIUM,
        "args": [*base.get("args", []), *CHROMIUM_FLAGS],
    }


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """Launch options for every browser the tests start."""
    return launch_options(playwright, browser_type_launch_args)
