"""Shared fixtures: which Chromium Playwright launches; Hypothesis without time limits."""

import pytest
from hypothesis import settings

from wsdev.chromium import launch_options

# A property test checks what comes out, not how fast: on a loaded 2-core machine one
# example can take longer than Hypothesis's default 200 ms deadline.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """Launch options for every browser the tests start."""
    return launch_options(playwright.chromium, browser_type_launch_args)
