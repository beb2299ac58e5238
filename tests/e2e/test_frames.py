"""Whole frames: long texts and dumps shown page by page, the export, the budget, JSON trees."""

import base64
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.servers import sending
from tests.e2e.test_binary import _hexdump

pytestmark = pytest.mark.usefixtures("no_internal_errors")

# An entry's payload: its own text nodes after the label span, minus the one space.
PAYLOAD_JS = """li => Array.from(li.childNodes)
    .filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.data).join('').slice(1)"""
# The page's frame store (ui/frames.js, the very module the page runs), for a test to read.
IMPORT_STORE_JS = "async () => { window.testStore = await import('./ui/frames.js'); }"


def _long_text(size):
    """size bytes of ASCII, a line every 64 characters, that end in a marker."""
    line = "".join(chr(0x21 + i % 90) for i in range(63)) + "\n"
    marker = "<fim do quadro>"
    return (line * (size // 64 + 1))[: size - len(marker)] + marker


def _show_everything(entry):
    """Press the entry's "show more" button until it has none left."""
    button = entry.locator("button.show-all")
    while button.count():
        shown = entry.get_attribute("data-shown")
        button.click()
        expect(entry).not_to_have_attribute("data-shown", shown)


def _export(page, scope=None):
    """Pick the scope (if given), click Export; return the records, one per line."""
    if scope:
        page.select_option("#scope", scope)
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("^(Exportar|Export)$")).click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_long_text_can_be_shown_whole_page_by_page(connect_to, scripted_server):
    """A 211,564-byte text shows its start, then all of it through "Mostrar mais"."""
    text = _long_text(211_564)
    page = connect_to(scripted_server(sending(text)).url)
    entry = page.locator("#messages li.received")
    expect(entry.locator("small.meta")).to_have_text(" … (mostrando o começo de 211.564 bytes)")
    expect(entry.get_by_role("button", name="Mostrar mais")).to_be_visible()
    _show_everything(entry)
    assert entry.evaluate(PAYLOAD_JS) == text
    expect(entry.locator("small.meta")).to_have_count(0)


def test_show_all_gives_a_long_binary_frame_whole_page_by_page(connect_to, scripted_server):
    """A 150,000-byte frame's dump grows 64 KiB at a time until every byte is shown."""
    data = bytes(range(256)) * 585 + bytes(240)
    page = connect_to(scripted_server(sending(data)).url)
    entry = page.locator("#messages li.received")
    entry.get_by_role("button", name="Mostrar tudo").click()
    expect(entry.get_by_role("button", name="Mostrar mais")).to_be_visible()
    expect(entry).to_have_attribute("data-shown", str(128 + 64 * 1024))
    _show_everything(entry)
    assert entry.locator("pre.dump").text_content() == "\n".join(_hexdump(data))
    expect(entry.locator("small.meta")).to_have_text(" (binário, 150.000 bytes)")


def test_export_writes_whole_frames(connect_to, scripted_server):
    """Export gives a 100,000-byte text and a 10,000-byte binary frame whole."""
    text = _long_text(100_000)
    data = bytes(range(256)) * 39 + bytes(16)
    page = connect_to(scripted_server(sending(text, data)).url)
    expect(page.locator("#messages li.received")).to_have_count(2)
    records = [r for r in _export(page) if r["direction"] == "received"]
    assert [r["text"] for r in records[:1]] == [text]
    assert base64.b64decode(records[1]["base64"]) == data
    assert not any("outside_budget" in record for record in records)


def test_frames_outside_the_budget_are_marked_in_the_export(open_page, scripted_server):
    """With ?budget=1 the older of two 600 kB frames gives only its start, and says so."""
    # Drawn while still kept, the first shows "Show more"; pressed, it says why not.
    first, second = _long_text(600_000), bytes(600_000)
    page = open_page(url=scripted_server(sending(first, second)).url, budget="1", lang="en")
    entries = page.locator("#messages li.received")
    expect(entries).to_have_count(2)
    entries.first.get_by_role("button", name="Show more").click()
    expect(entries.first.locator("small.meta")).to_have_text(
        " … (showing the start of 600,000 bytes: the rest fell outside the frame budget)"
    )
    expect(entries.first.locator("button")).to_have_count(0)
    old, new = [r for r in _export(page) if r["direction"] == "received"]
    assert (old["outside_budget"], old["text_start"]) == (True, first[: 16 * 1024])
    assert "text" not in old and base64.b64decode(new["base64"]) == second
    expect(page.locator("#tool-status")).to_contain_text(
        "1 frame fell outside the frame budget: the file holds only its start."
    )


def test_the_store_lets_go_of_frames_beyond_the_budget(open_page, scripted_server):
    """Past the budget the page's store holds only the frames the budget keeps."""
    frames = [bytes(300_000)] * 8
    page = open_page(url=scripted_server(sending(*frames)).url, budget="1")
    expect(page.locator("#messages li.received")).to_have_count(8)
    page.evaluate(IMPORT_STORE_JS)
    page.wait_for_function("n => window.testStore.framesKept() === n", arg=3)


def test_long_json_is_shown_as_a_tree_on_demand(connect_to, scripted_server):
    """A 100 kB JSON frame, too long to lay out at once, unfolds as nested <details>."""
    doc = {
        "nome": "<img src=x onerror=alert(1)>",
        "itens": [{"n": i, "x": 1.50} for i in range(3000)],
    }
    text = json.dumps(doc).replace("1.5", "1.50")
    page = connect_to(scripted_server(sending(text)).url)
    page.check("#pretty-json")
    entry = page.locator("#messages li.received")
    entry.get_by_role("button", name="Formatar JSON").click()
    root = entry.locator("div.json-tree > details")
    expect(root).to_have_attribute("open", "")
    expect(root.locator("> summary")).to_have_text("{ 2 chaves }")
    expect(root.locator(".json-row").first).to_have_text('"nome": "<img src=x onerror=alert(1)>"')
    items = root.locator("> .json-body > details")
    expect(items.locator("> summary")).to_have_text('"itens": [ 3000 itens ]')
    expect(items).not_to_have_attribute("open", "")
    items.locator("> summary").click()
    first = items.locator("> .json-body > details").first
    expect(first.locator("> summary")).to_have_text("0: { 2 chaves }")
    first.locator("> summary").click()
    expect(first.locator(".json-row")).to_have_text(['"n": 0', '"x": 1.50'])
    expect(items.get_by_role("button", name="Mostrar mais 500")).to_be_visible()
    assert page.locator("#messages img").count() == 0


def test_export_and_copy_take_the_visible_entries_and_say_so(page, open_page, scripted_server):
    """With a filter on, Export and Copy take what it shows, or all kept, as chosen."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    words = ["alfa", "beta"] * 7 + ["alfa"]
    open_page(url=scripted_server(sending(*words)).url, lang="en")
    entries = page.locator("#messages li")
    expect(page.locator("#messages li.received")).to_have_count(15)
    kept = entries.count()
    page.fill("#filter", "beta")
    expect(entries).to_have_count(7)
    assert len(_export(page)) == 7
    status = page.locator("#tool-status")
    expect(status).to_have_text("Exported 7 visible entries.")
    page.get_by_role("button", name="Copy").click()
    expect(status).to_have_text("Copied 7 visible entries.")
    assert len(page.evaluate("navigator.clipboard.readText()").split("\n")) == 7
    assert len(_export(page, "all")) == kept
    expect(status).to_have_text(f"Exported all {kept} kept entries.")
    page.get_by_role("button", name="Copy").click()
    expect(status).to_have_text(f"Copied all {kept} kept entries.")
    assert len(page.evaluate("navigator.clipboard.readText()").split("\n")) == kept
