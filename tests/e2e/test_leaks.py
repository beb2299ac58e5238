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


# Clicks #close, waits for the close with code 1000, clicks #connect and waits until open,
# `cycles` times, inside the page: Playwright round trips would make up nearly all the time.
# Each wait fails after 10 s, naming the cycle it was on.
RECONNECT_CYCLES_JS = """async cycles => {
    const status = document.querySelector('#status');
    const until = (what, check) => new Promise((resolve, reject) => {
        if (check()) return resolve();
        const observer = new MutationObserver(() => {
            if (check()) { observer.disconnect(); clearTimeout(timer); resolve(); }
        });
        const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`${what}: status is ${status.className}: ${status.textContent}`));
        }, 10000);
        observer.observe(status, {attributes: true, childList: true, characterData: true,
                                  subtree: true});
    });
    for (let cycle = 1; cycle <= cycles; cycle++) {
        document.querySelector('#close').click();
        await until(`cycle ${cycle}: no 1000`, () => status.textContent.includes('1000'));
        document.querySelector('#connect').click();
        await until(`cycle ${cycle}: not open again`, () => status.className === 'open');
    }
}"""


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
    page.evaluate(RECONNECT_CYCLES_JS, CYCLES)
    expect(status).to_have_class("open")
    assert page.evaluate("window.__sockets.length") == CYCLES + 1
    assert page.evaluate(LIVE_HANDLERS) == 1
    growth = _heap(page) - before
    assert growth < HEAP_GROWTH_BOUND, f"heap grew by {growth / 2**20:.1f} MB"
