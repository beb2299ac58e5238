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


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """Launch Playwright's own Chromium when installed, else Debian's with our flags."""
    if os.path.exists(playwright.chromium.executable_path):
        return browser_type_launch_args
    return {
        **browser_type_launch_args,
        "executable_path": DEBIAN_CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_FLAGS],
    }
