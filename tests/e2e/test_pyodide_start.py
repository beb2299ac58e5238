"""Pyodide starts from the snapshot built with the runtime, or without one that does not fit."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("no_internal_errors")

WITHOUT_SNAPSHOT = "Pyodide starts without its snapshot"


@pytest.fixture(scope="module", params=["pyodide"])
def interpreter(request):
    """Only Pyodide has a snapshot."""
    return request.param


def _warnings(page):
    warnings = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    return warnings


def test_pyodide_starts_from_its_snapshot(page, open_page):
    """The page fetches the snapshot, restores it and says nothing about a fallback."""
    warnings = _warnings(page)
    page = open_page()
    expect(page.locator("#status")).to_have_class("open")
    fetched = page.evaluate(
        "() => performance.getEntriesByType('resource')"
        ".filter(entry => entry.name.endsWith('/pyscript/pyodide/snapshot.bin')).length"
    )
    assert fetched == 1
    assert not [text for text in warnings if WITHOUT_SNAPSHOT in text]


def test_a_snapshot_that_does_not_fit_falls_back_to_a_full_start(page, open_page):
    """With a snapshot from another build, the page starts anyway and the console says why."""
    warnings = _warnings(page)
    page.route(
        "**/pyscript/pyodide/snapshot.bin",
        lambda route: route.fulfill(body=b"\0" * 4096, content_type="application/octet-stream"),
    )
    page = open_page()
    expect(page.locator("#status")).to_have_class("open")
    page.fill("#message", "olá")
    page.keyboard.press("Enter")
    expect(page.locator("#messages li.received")).to_have_text("Recebido: olá")
    assert [text for text in warnings if WITHOUT_SNAPSHOT in text] == [
        f"{WITHOUT_SNAPSHOT} (Snapshot has invalid magic number)."
    ]
