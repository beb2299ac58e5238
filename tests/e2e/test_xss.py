"""Payloads full of HTML and script are shown as text and never run, sent or received."""

import pytest
from playwright.sync_api import expect

from tests.e2e.servers import close_with

pytestmark = pytest.mark.usefixtures("no_internal_errors")

TITLE = "WebSockets com Python"

# Each payload, should it ever run, sets window.__xss, changes the title or opens a dialog.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<SCRIPT SRC=data:text/javascript,window.__xss=1></SCRIPT>",
    "<ScRiPt>window.__xss=1</sCrIpT>",
    "<<script>script>window.__xss=1<</script>/script>",
    "<scr\u0000ipt>window.__xss=1</scr\u0000ipt>",
    '<img src=x onerror="window.__xss=1">',
    "<IMG SRC=x OnErRoR=window.__xss=1>",
    "<img src=x\u0000 onerror=window.__xss=1>",
    "<img\nsrc=x\nonerror=window.__xss=1>",
    "<img src=x onerror=\"document.title='xss'\">",
    '<img src="x" onerror="&#119;indow.__xss=1">',
    "<svg onload=window.__xss=1>",
    "'><svg/onload=alert(1)>",
    "<svg><script>window.__xss=1</script></svg>",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<iframe src="javascript:parent.__xss=1"></iframe>',
    '<a href="javascript:window.__xss=1">clique</a>',
    '<a href="JaVaScRiPt:window.__xss=1">clique</a>',
    '<a href="&#106;avascript:window.__xss=1">clique</a>',
    '<a href="data:text/html,<script>alert(1)</script>">clique</a>',
    "<body onload=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
    '<xmp><p title="</xmp><img src=x onerror=window.__xss=1>">',
    '<!--<img src="--><img src=x onerror=window.__xss=1//">',
    "</li><li><img src=x onerror=window.__xss=1>",
    "</ul><script>window.__xss=1</script>",
    "</textarea><img src=x onerror=window.__xss=1>",
    "<style>@import 'javascript:window.__xss=1';</style>",
    '<style>body{background:url("javascript:window.__xss=1")}</style>',
    "{{constructor.constructor('window.__xss=1')()}}",
    "${window.__xss=1}",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "&#60;img src=x onerror=window.__xss=1&#62;",
    "\\u003cimg src=x onerror=window.__xss=1\\u003e",
    '"><img src=x onerror=window.__xss=1>',
    '" onmouseover="window.__xss=1',
    "<input autofocus onfocus=window.__xss=1>",
    '<video><source onerror="window.__xss=1"></video>',
    '<object data="javascript:window.__xss=1"></object>',
    '<embed src="javascript:window.__xss=1">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
    '<base href="javascript:window.__xss=1//">',
    '<form><button formaction="javascript:window.__xss=1">x</button></form>',
    "<marquee onstart=window.__xss=1>",
    "＜script＞window.__xss=1＜/script＞",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload=window.__xss=1>",
]

# An entry's payload: its own text nodes after the label span, minus the one space
# between them. Markers (small.state, small.meta) are elements, so they are left out.
PAYLOAD_JS = """li => Array.from(li.childNodes)
    .filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.data).join('').slice(1)"""

# Every element in #messages that is not an entry, its label or one of its markers,
# and every attribute on them other than class and dir.
STRANGERS_JS = """() => Array.from(document.querySelectorAll('#messages *')).filter(el => {
    const tag = el.tagName.toLowerCase();
    const known = (tag === 'li' && el.parentElement.id === 'messages')
        || (tag === 'span' && el === el.parentElement.firstElementChild)
        || (tag === 'small' && (el.className === 'meta' || el.className === 'state'))
        || (tag === 'pre' && el.className === 'dump')
        || (tag === 'button' && el.className === 'show-all');
    const ours = ['class', 'dir', 'type', 'data-meta', 'data-seq'];
    const plain = Array.from(el.attributes).every(a => ours.includes(a.name));
    return !(known && plain);
}).map(el => el.outerHTML.slice(0, 80))"""

ELEMENTS_OUTSIDE_LOG_JS = """() => Array.from(document.querySelectorAll('*'))
    .filter(el => !el.closest('#messages')).length"""


@pytest.fixture
def dialogs(page):
    """Messages of every dialog the page opens (each is dismissed)."""
    opened = []

    def on_dialog(dialog):
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield opened
    page.remove_listener("dialog", on_dialog)


def _assert_nothing_ran(page, dialogs):
    assert page.evaluate("() => window.__xss") is None
    assert page.title() == TITLE
    assert dialogs == []


def test_payloads_are_shown_as_text_and_never_run(connected, dialogs):
    """Every payload is listed literally, sent and echoed, and none becomes markup or runs."""
    elements_before = connected.evaluate(ELEMENTS_OUTSIDE_LOG_JS)
    for payload in PAYLOADS:
        connected.fill("#message", payload)
        connected.press("#message", "Enter")
    received = connected.locator("#messages li.received")
    expect(received).to_have_count(len(PAYLOADS))
    _assert_nothing_ran(connected, dialogs)
    assert connected.evaluate(STRANGERS_JS) == []
    assert connected.evaluate(ELEMENTS_OUTSIDE_LOG_JS) == elements_before
    sent = connected.locator("#messages li.sent").evaluate_all(f"els => els.map({PAYLOAD_JS})")
    echoed = received.evaluate_all(f"els => els.map({PAYLOAD_JS})")
    altered = [(p, s, e) for p, s, e in zip(PAYLOADS, sent, echoed) if not p == s == e]
    assert not altered, f"payloads not shown literally (payload, sent, received): {altered}"


def test_address_full_of_html_is_shown_as_text(open_page, dialogs):
    """A ?url= whose host is an HTML tag gets an error sentence that quotes it as text."""
    payload = "<img src=x onerror=window.__xss=1>"
    page = open_page(url=f"ws://{payload}/")
    error = page.locator("#connect-error")
    expect(error).to_contain_text(f"“{payload}”")
    assert error.evaluate("el => el.childElementCount") == 0
    assert page.evaluate(STRANGERS_JS) == []
    assert page.locator("img").count() == 0
    _assert_nothing_ran(page, dialogs)


def test_close_reason_full_of_html_is_shown_as_text(connect_to, scripted_server, dialogs):
    """A close reason that is an HTML tag is quoted in the status as text."""
    reason = "<img src=x onerror=window.__xss=1>"
    page = connect_to(scripted_server(close_with(4000, reason)).url)
    status = page.locator("#status")
    expect(status).to_contain_text("4000")
    expect(status).to_contain_text(reason)
    assert status.evaluate("el => el.childElementCount") == 0
    assert page.evaluate(STRANGERS_JS) == []
    assert page.locator("img").count() == 0
    _assert_nothing_ran(page, dialogs)
