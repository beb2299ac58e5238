"""End-to-end fixtures: real servers on port 0 and the page on both interpreters.

Starting the page costs more than most tests (Pyodide: seconds of CPU), so the tests
that only need the page connected to the echo server (`connected`), or to a server of
their own by its address (`connect_to`), share one started page per worker and
interpreter. After each of them, the user's own controls put it back: close, the fields
and boxes as they were, discard what waits, clear the log, connect. Before the next one,
the page must look exactly as a freshly started one (the status, the log, every control
and message on it; only the traffic counters and the announcer may differ), or it is
started again. A test that reads what no control resets (counters, the send history,
announcements, what a clear lets undo) is marked `own_page`.
"""

import json
import re
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.e2e.servers import ScriptedServer, TCPServer, echo, reject_with
from wsdev.echo import EchoServer
from wsdev.http import serving

SITE = Path(__file__).resolve().parents[2] / "site"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
INTERPRETERS = ["micropython", "pyodide"]
START_TIMEOUT_MS = 60_000
# What the page logs when one of its own handlers raised (i18n "error.internal").
INTERNAL_ERROR = re.compile(r"^(Erro interno da página|Internal page error):")
# Anything but a WebSocket opening handshake: what a TLS client gets from a plain server.
NOT_TLS = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


# What a test of a `connected` page can see of it: the status, the log, every control's
# value and state, what each element with an id shows (a hidden one's text aside), the
# focus and the address. The Script tab's fields are left out: they show the scripts
# that storage keeps, which no reset puts back (tests that read them have own pages).
# The counters, the round-trip time and the announcer keep counting across tests, so
# they are left out: the tests that read them have a page of their own. So is the log
# tools' notice: the reset's own clear leaves one, with its undo, for a few seconds; and so
# is the saved messages' notice, which the reset's deletions leave.
PAGE_STATE_JS = """() => {
    const skip = new Set(['stats-sent', 'stats-received', 'rtt', 'announcer', 'pyscript-config',
                          'tool-notice', 'tool-status', 'undo-clear', 'reset-counters',
                          'saved-notice', 'saved-status', 'saved-undo']);
    // An element inside a hidden one shows nothing either way: its own hidden flag aside.
    const hides = el => el.parentElement && !el.parentElement.checkVisibility() ? null
                                                                               : el.hidden;
    const shown = el => [el.id, el.className, hides(el), el.checkVisibility(),
        el.getAttribute('aria-invalid'),
        el.children.length || !el.checkVisibility() ? null : el.textContent];
    return JSON.stringify({
        status: [document.querySelector('#status').className,
                 document.querySelector('#status').textContent],
        log: Array.from(document.querySelectorAll('#messages li'),
            li => [li.className, li.textContent]),
        controls: Array.from(document.querySelectorAll('input, select, textarea'))
            .filter(el => !el.closest('#script-panel'))
            .map(el => [el.id, el.type, ['checkbox', 'radio'].includes(el.type) ? el.checked
                                                                               : el.value]),
        elements: Array.from(document.querySelectorAll('[id]'))
            .filter(el => !skip.has(el.id)).map(shown),
        focus: document.activeElement ? document.activeElement.id : '',
        address: location.href,
        title: document.title,
    });
}"""
# What a test may have changed that the reset puts back: the controls that differ from
# the fresh page's (given as [id, type, value]), the buttons to press (stop retrying,
# discard what waits, close an open drawer or "Mais"), how many variables and saved
# messages there are, the chosen tab, a dark scheme and a send error.
LOOK_JS = """(fresh) => {
    const $ = id => document.getElementById(id);
    const value = el => ['checkbox', 'radio'].includes(el.type) ? el.checked : el.value;
    return {
        controls: fresh.filter(([id]) => id && $(id) && value($(id)) !== fresh.find(
            c => c[0] === id)[2]),
        press: [
            ...['stop-retry', 'discard-pending'].filter(
                id => $(id).checkVisibility({visibilityProperty: true})),
            ...['panel-toggle', 'more-tools'].filter(
                id => $(id).getAttribute('aria-expanded') === 'true'),
        ].map(id => '#' + id),
        lists: {'#tab-variables': document.querySelectorAll('#variables .var-remove').length,
                '#tab-saved': document.querySelectorAll('#saved .saved-delete').length},
        tab: document.querySelector('#panel-tabs [aria-selected="true"]').id,
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
        send_error: $('send-error').checkVisibility(),
    };
}"""
# How long a reset page may take to look fresh before it is started again instead, and
# how long each step of the reset may wait for its control.
FRESH_TIMEOUT_MS = 5_000
RESET_TIMEOUT_MS = 5_000
RECONNECT_BOX = "auto-reconnect"
# A phone's screen, where the side panel is a drawer and "Mais" holds the measurements.
NARROW = {"width": 375, "height": 667}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "allow_hosts(*hosts): the page may ask these hosts too (names that cannot resolve)",
    )
    config.addinivalue_line(
        "markers",
        "own_page: `connected` starts a page for this test alone (it reads state that the"
        " shared page's reset cannot restore)",
    )
    config.addinivalue_line(
        "markers", "pyodide: runs the page on Pyodide (`-m 'not pyodide'` leaves these out)"
    )


def pytest_collection_modifyitems(items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("interpreter") == "pyodide":
            item.add_marker(pytest.mark.pyodide)


@pytest.fixture(scope="session")
def echo_server():
    """The embedded echo server, as the dev script runs it."""
    with EchoServer() as server:
        yield server


@pytest.fixture(scope="session")
def site_url(echo_server):
    """The dev script's static server, with the echo server as the page's default."""
    with serving(SITE, echo_url=echo_server.url) as url:
        yield url


def _put_back_before_stopping(request):
    """Reset a shared page before the test's servers stop.

    A page still connected to a server that goes away would try it again, and the
    browser logs each refused try as a console error.
    """
    if _shares_page(request):
        _reset(request.getfixturevalue("_shared_page"))


@pytest.fixture
def scripted_server(request):
    """Start servers whose handler a test writes; all stop after the test."""
    servers = []

    def start(handler, **options):
        server = ScriptedServer(handler, **options).start()
        servers.append(server)
        return server

    try:
        yield start
    finally:
        _put_back_before_stopping(request)
        for server in servers:
            server.stop()


@pytest.fixture
def forbidding_server(scripted_server):
    """A server that refuses every WebSocket handshake with HTTP 403."""
    return scripted_server(echo(), process_request=reject_with())


@pytest.fixture
def subprotocol_server(scripted_server):
    """An echo server that requires the subprotocol chat.v2 (websockets answers 400 without)."""
    return scripted_server(echo(), subprotocols=["chat.v2"])


@pytest.fixture
def silent_server(request):
    """A TCP server that reads the handshake and never answers it.

    Chromium waits minutes for an opening handshake, so a test cannot wait for the
    timeout; it checks that the page stays usable meanwhile.
    """
    server = TCPServer().start()
    try:
        yield server
    finally:
        _put_back_before_stopping(request)
        server.stop()


@pytest.fixture
def plain_tcp_server(request):
    """A TCP server that answers anything, TLS included, with plain HTTP and hangs up."""
    server = TCPServer(reply=NOT_TLS).start()
    try:
        yield server
    finally:
        _put_back_before_stopping(request)
        server.stop()


@pytest.fixture(scope="module", params=INTERPRETERS)
def interpreter(request):
    """Every page test runs on MicroPython and on Pyodide (a module's tests one after another)."""
    return request.param


class _SharedPage:
    """One started page, connected to the echo server, for `connected` tests to share."""

    def __init__(self, context, url):
        self.context = context
        self.page = context.new_page()
        self._viewport = self.page.viewport_size  # tests may change it; the reset does not
        self._url = url
        self._fresh = None  # PAGE_STATE_JS of the page just after it started
        self._dirty = True
        self._in_use = False  # a test has had it since it was last put back

    def ready(self):
        """Return the page as a fresh start shows it, starting it again if it does not.

        A start and the check of a fresh look happen at the context's own viewport, since
        what is visible depends on it; a size the test set first is put back after.
        """
        wanted = self.page.viewport_size
        if wanted != self._viewport:
            self.page.set_viewport_size(self._viewport)
        if not self._dirty and not self._looks_fresh():
            self._dirty = True
        if self._dirty:
            self._start()
        if wanted != self._viewport:
            self.page.set_viewport_size(wanted)
        self._in_use = True
        return self.page

    def reset(self):
        """Put the page back as it started, with the user's controls; on failure, mark it.

        One look in the page says what a test changed, and only that is put back: a
        press of each control is an element's click(), which runs the page's handlers
        as a user's click does, without the waits for a stable layout that a click
        through the browser's input takes at each step.
        """
        if not self._in_use:
            return  # put back already
        self._in_use = False
        self._dirty = True
        if self._fresh is None or self.page.is_closed():
            return
        page = self.page
        fresh = json.loads(self._fresh)
        status = page.locator("#status")
        # A script first, so that its close hook does not run on the reset's close.
        if page.get_attribute("#script-state", "class") in ("starting", "running"):
            _press(page, "#script-stop")
        if re.search(r"\b(open|connecting)\b", status.get_attribute("class") or ""):
            _press(page, "#close")
            expect(status).to_have_class(re.compile(r"^(closed|error)$"))
        look = page.evaluate(LOOK_JS, fresh["controls"])
        for control in look["press"]:  # stop retrying, discard what waits, close drawers
            _press(page, control)
        if page.viewport_size != self._viewport:
            page.set_viewport_size(self._viewport)
        for tab, remove in (
            ("#tab-variables", "#variables .var-remove"),
            ("#tab-saved", "#saved .saved-delete"),
        ):
            if look["lists"][tab]:
                _press(page, tab)
                while page.locator(remove).count():
                    _press(page, remove)
        if look["lists"]["#tab-variables"] or look["tab"] != "tab-saved":
            _press(page, "#tab-saved")
        if look["dark"]:
            page.emulate_media(color_scheme="no-preference")
        # Ticking automatic reconnects after a drop would start trying the old server.
        for control, kind, value in look["controls"]:
            if control != RECONNECT_BOX:
                _restore(page, control, kind, value)
        if look["send_error"]:
            # Only an edit clears it (an empty message's, say): type, then take it back.
            page.fill("#message", " ", timeout=RESET_TIMEOUT_MS)
            page.fill("#message", "", timeout=RESET_TIMEOUT_MS)
        _press(page, "#clear")
        expect(page.locator("#messages li")).to_have_count(0)
        _press(page, "#connect")
        expect(status).to_have_class("open")
        expect(page.locator("#messages li")).to_have_count(len(fresh["log"]))
        # The box may change after the look: a drop the test caused can untick it.
        for control, kind, value in fresh["controls"]:
            if control == RECONNECT_BOX:
                _restore(page, control, kind, value)
        if fresh["focus"]:
            page.focus(f"#{fresh['focus']}", timeout=RESET_TIMEOUT_MS)
        else:
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
        self.context.clear_permissions()
        self._dirty = False

    def connect_to(self, url, reconnect=False):
        """Point the started page at url as a user would; the log keeps only that connection.

        Close, set automatic reconnects (a start turns them on only for the default
        server), clear, type the address, connect: what a page started with `?url=`
        (and `reconnect=1`) shows, without a start.
        """
        page = self.ready()
        self._dirty = True
        status = page.locator("#status")
        page.click("#close")
        expect(status).to_have_class(re.compile(r"^(closed|error)$"))
        page.set_checked(f"#{RECONNECT_BOX}", reconnect)
        more = page.locator("#more-tools")
        if more.is_visible() and more.get_attribute("aria-expanded") == "false":
            more.click()  # a narrow screen keeps Limpar log there
        page.click("#clear")
        expect(page.locator("#messages li")).to_have_count(0)
        page.fill("#url", url)
        page.click("#connect")
        return page

    def _start(self):
        self.page.goto(self._url)
        ready = re.compile(r"\bready\b")
        expect(self.page.locator("html")).to_have_class(ready, timeout=START_TIMEOUT_MS)
        expect(self.page.locator("#status")).to_have_class("open")
        expect(self.page.locator("#messages li")).not_to_have_count(0)
        self._fresh = self.page.evaluate(PAGE_STATE_JS)
        self._dirty = False

    def _looks_fresh(self):
        try:
            self.page.wait_for_function(
                f"fresh => ({PAGE_STATE_JS})() === fresh",
                arg=self._fresh,
                timeout=FRESH_TIMEOUT_MS,
            )
        except PlaywrightError:
            return False
        return True


def _press(page, selector):
    """Click the first element that matches selector, as its click() does."""
    page.evaluate("selector => document.querySelector(selector).click()", selector)


def _restore(page, control, kind, value):
    """Set a control back to value the way a user would, if it is not there already.

    One that cannot be (no id, a file input) is left as it is: if it changed, the page
    no longer looks fresh and is started again.
    """
    if not control or kind == "file":
        return
    field = page.locator(f"#{control}")
    if kind in ("checkbox", "radio"):
        if field.is_checked() == value:
            return
        if field.is_visible():
            field.set_checked(value, timeout=RESET_TIMEOUT_MS)
        else:  # in a closed dialog: the click its label would give
            field.dispatch_event("click")
    elif kind.startswith("select"):
        if field.input_value() != value:
            field.select_option(value, timeout=RESET_TIMEOUT_MS)
    elif field.input_value() != value:
        field.fill(value, timeout=RESET_TIMEOUT_MS)


@pytest.fixture(scope="session")
def _shared_pages(browser, browser_context_args, site_url):
    """The started pages of this worker, one per interpreter, made when first asked for."""
    pages = {}

    def shared(interpreter):
        if interpreter not in pages:
            context = browser.new_context(**browser_context_args)
            url = site_url + "?" + urlencode({"interpreter": interpreter})
            pages[interpreter] = _SharedPage(context, url)
        return pages[interpreter]

    try:
        yield shared
    finally:
        for shared_page in pages.values():
            shared_page.context.close()


@pytest.fixture(scope="module")
def _shared_page(_shared_pages, interpreter):
    """The started page that `connected` tests share on one interpreter, module after module.

    Each test gets it as a fresh start shows it (`_SharedPage.ready`), so a module cannot
    tell it from a page started for it.
    """
    return _shared_pages(interpreter)


def _shares_page(request):
    wants = {"connected", "connect_to"} & set(request.fixturenames)
    return bool(wants) and not request.node.get_closest_marker("own_page")


@pytest.fixture
def page(request):
    """A new page in a new context, or the module's shared page for a `connected` test."""
    if _shares_page(request):
        return request.getfixturevalue("_shared_page").page
    return request.getfixturevalue("context").new_page()


@pytest.fixture(autouse=True)
def page_guard(request, page):
    """Fail a test whose page logs a console error or asks another host for anything."""
    marker = request.node.get_closest_marker("allow_console")
    allowed = re.compile(marker.args[0]) if marker else None
    hosts_marker = request.node.get_closest_marker("allow_hosts")
    hosts = LOCAL_HOSTS | set(hosts_marker.args if hosts_marker else ())
    errors = []
    foreign = []

    def on_console(message):
        if message.type == "error" and not (allowed and allowed.search(message.text)):
            errors.append(message.text)

    def on_page_error(exc):
        errors.append(f"uncaught: {exc}")

    def on_request(req):
        host = urlsplit(req.url).hostname
        if req.url.startswith(("http", "ws")) and host not in hosts:
            foreign.append(req.url)

    listeners = {
        "console": on_console,
        "pageerror": on_page_error,
        "request": on_request,
        "websocket": on_request,
    }
    for event, listener in listeners.items():
        page.on(event, listener)
    yield
    for event, listener in listeners.items():
        page.remove_listener(event, listener)
    assert not foreign, f"the page asked another host: {foreign}"
    assert not errors, f"the browser console logged errors: {errors}"


@pytest.fixture(autouse=True)
def _reset_shared_page(request, page_guard):
    """After a test on the shared page, reset it while the test's guard still listens.

    Set up after page_guard and before the test's own fixtures, so it runs after
    their checks (no_internal_errors reads the log) and before the guard's.
    """
    yield
    if _shares_page(request):
        _reset(request.getfixturevalue("_shared_page"))


def _reset(shared):
    """Put the shared page back after a test, once; if that fails, the next test starts it."""
    try:
        shared.reset()
    except (AssertionError, PlaywrightError):
        pass  # left marked dirty: the next test starts the page again


@pytest.fixture
def no_internal_errors(page):
    """Fail a test whose page caught an exception in its own code and logged it."""
    yield
    notes = page.locator("#messages li.system").evaluate_all(
        "items => items.map(li => li.lastChild ? li.lastChild.textContent : '')"
    )
    caught = [note for note in notes if INTERNAL_ERROR.search(note)]
    assert not caught, f"the page caught errors in its own code: {caught}"


@pytest.fixture
def open_page(page, site_url, interpreter):
    """Open the page with a query string and wait until Python has wired it."""

    def _open(**query):
        page.goto(site_url + "?" + urlencode({"interpreter": interpreter, **query}))
        ready = re.compile(r"\bready\b")
        expect(page.locator("html")).to_have_class(ready, timeout=START_TIMEOUT_MS)
        return page

    return _open


@pytest.fixture
def connect_to(request, page, interpreter):
    """Connect the page to a server by its address; return the page.

    The module's shared page gets there with the user's controls (see
    `_SharedPage.connect_to`); an `own_page` test starts a page with `?url=`.
    """
    if _shares_page(request):
        return request.getfixturevalue("_shared_page").connect_to
    open_page = request.getfixturevalue("open_page")
    return lambda url, reconnect=False: open_page(url=url, reconnect="1" if reconnect else "0")


@pytest.fixture
def connected(request, page, echo_server, interpreter):
    """The page connected to the embedded echo server, as a fresh start leaves it."""
    if _shares_page(request):
        return request.getfixturevalue("_shared_page").ready()
    page = request.getfixturevalue("open_page")()
    expect(page.locator("#status")).to_have_class("open")
    return page
