"""Shared fixtures: which Chromium Playwright launches."""

import pytest

from wsdev.chromium import launch_options


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """Launch options for every browser the tests start."""
    return launch_options(playwright.chromium, browser_type_launch_args)
