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


def pytest_collection_modifyitems(items):
    """One xdist group per test file and interpreter, for `--dist loadgroup`.

    A file's tests on one interpreter share their started page, so they stay on one
    worker; its MicroPython and Pyodide halves may run on two, which keeps the
    workers busy until the end instead of leaving one to finish the biggest file.
    """
    for item in items:
        callspec = getattr(item, "callspec", None)
        interpreter = callspec.params.get("interpreter") if callspec is not None else None
        group = item.nodeid.split("::")[0]
        if interpreter:
            group += "-" + interpreter
        item.add_marker(pytest.mark.xdist_group(group))


def pytest_addoption(parser):
    parser.addoption(
        "--flood",
        type=int,
        default=20_000,
        help="messages in the no-shift flood test (tests/e2e/test_layout.py); 200000 in full",
    )
