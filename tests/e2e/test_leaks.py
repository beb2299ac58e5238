"""Connecting again and again leaks no handlers and no memory."""

from playwright.sync_api import expect

CYCLES = 300
# Measured: the JS heap grows by about 0.6 MB over 300 cycles on both interpreters,
# mostly the log's 600 system entries and their elements. 4 MB leaves room for noise
# and still catches a socket or proxy leaked per cycle (tens of KB each).
HEAP_GROWTH_BOUND = 4 * 2**20

# Counts the sockets the page makes, and which still have handlers attached.
TRACK_SOCKETS = """
(() => {
  const Native = WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__sockets.push(new WeakRef(this)); }
  };
})();
"""

LIVE_HANDLERS = """() => window.__sockets.map(ref => ref.deref()).filter(ws => ws &&
    (ws.onmessage || ws.onopen || ws.onerror || ws.onclose) && ws.readyState < 2).length"""


def _heap(page):
    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.collectGarbage")
    return cdp.send("Runtime.getHeapUsage")["usedSize"]


def test_300_reconnects_leave_one_live_socket_and_a_bounded_heap(page, open_page, echo_server):
    """300 connect/close cycles leave one socket with handlers and little heap growth."""
    page.add_init_script(TRACK_SOCKETS)
    page = open_page()
    status = page.locator("#status")
    expect(status).to_have_class("open")
    before = _heap(page)
    for _ in range(CYCLES):
        page.click("#close")
        expect(status).to_contain_text("1000")
        page.click("#connect")
        expect(status).to_have_class("open")
    assert page.evaluate("window.__sockets.length") == CYCLES + 1
    assert page.evaluate(LIVE_HANDLERS) == 1
    growth = _heap(page) - before
    assert growth < HEAP_GROWTH_BOUND, f"heap grew by {growth / 2**20:.1f} MB"
