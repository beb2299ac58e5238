"""Finding things in the log: filter, direction toggles, clear, export and copy."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.servers import flood, sending

pytestmark = pytest.mark.usefixtures("no_internal_errors")

ENTRIES = "#messages li"
TIME = r"\d\d:\d\d:\d\d\.\d{3}"
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
FILE_NAME = re.compile(r"^websocket-log-\d{8}-\d{6}\.jsonl$")
RECORD_KEYS = {"seq", "time", "direction", "type", "size"}
OPTIONAL_KEYS = {
    "text",
    "base64",
    "text_start",
    "base64_start",
    "outside_budget",
    "state",
    "detail",
}
# An entry's payload: its own text nodes after the label span, minus the one space.
PAYLOAD_JS = """li => Array.from(li.childNodes)
    .filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.data).join('').slice(1)"""


def _payloads(page, selector=ENTRIES):
    return page.locator(selector).evaluate_all(f"items => items.map({PAYLOAD_JS})")


def _export(page, scope="visible"):
    """Click #export, taking scope; return the file's name and its records, one per line."""
    page.select_option("#scope", scope)
    with page.expect_download() as info:
        page.click("#export")
    download = info.value
    text = Path(download.path()).read_text(encoding="utf-8")
    return download.suggested_filename, [json.loads(line) for line in text.splitlines()]


def test_filter_shows_only_matching_entries_until_cleared(connected):
    """Typing in #filter keeps the entries whose text has it, in any case; emptying it undoes."""
    for text in ("alpha", "beta", "ALPHABET"):
        send(connected, text)
    entries = connected.locator(ENTRIES)
    expect(connected.locator("#messages li.received")).to_have_count(3)
    total = entries.count()
    connected.fill("#filter", "Alpha")
    expect(entries).to_have_count(4)
    assert sorted(_payloads(connected)) == ["ALPHABET", "ALPHABET", "alpha", "alpha"]
    connected.fill("#filter", "")
    expect(entries).to_have_count(total)


def test_later_entries_show_only_if_they_match(connected):
    """While a filter is on, new entries that do not match stay out of the list."""
    connected.fill("#filter", "keep")
    for text in ("keep 1", "drop 2", "keep 3"):
        send(connected, text)
    expect(connected.locator("#messages li.received").last).to_have_text("Recebido: keep 3")
    assert sorted(_payloads(connected)) == ["keep 1", "keep 1", "keep 3", "keep 3"]


def test_filter_finds_entries_no_longer_drawn(open_page, scripted_server):
    """The filter searches the whole kept log, not only the entries the list still draws."""

    async def needle_then_hay(connection):
        await connection.send("needle")
        await flood(30, "hay {}")(connection)

    page = open_page(url=scripted_server(needle_then_hay).url, cap="10")
    entries = page.locator(ENTRIES)
    expect(entries.last).to_have_text("Recebido: hay 29")
    expect(entries).to_have_count(10)
    page.fill("#filter", "needle")
    expect(entries).to_have_text(["Recebido: needle"])


def test_filter_matches_hex_pairs_and_system_text(connect_to, scripted_server):
    """A binary entry matches on its hex pairs, a system entry on its text."""
    page = connect_to(scripted_server(sending(bytes(range(16)))).url)
    entries = page.locator(ENTRIES)
    expect(page.locator("#messages li.received")).to_have_count(1)
    # The dump puts two spaces between the 8th and 9th pairs; the hex pairs one.
    page.fill("#filter", "07 08")
    expect(entries).to_have_count(1)
    expect(entries.locator("pre.dump")).to_have_count(1)
    page.fill("#filter", "conectado AO servidor")
    expect(entries).to_have_count(1)
    expect(entries).to_have_class("system")


def test_each_direction_toggle_hides_its_direction_only(connected):
    """Unchecking #show-sent, #show-received or #show-system hides those entries alone."""
    send(connected, "x")
    expect(connected.locator("#messages li.received")).to_have_count(1)
    kinds = {"sent": "#show-sent", "received": "#show-received", "system": "#show-system"}
    for kind, toggle in kinds.items():
        expect(connected.locator(toggle)).to_be_checked()
        connected.uncheck(toggle)
        expect(connected.locator(f"#messages li.{kind}")).to_have_count(0)
        for other in kinds.keys() - {kind}:
            expect(connected.locator(f"#messages li.{other}")).not_to_have_count(0)
        connected.check(toggle)
        expect(connected.locator(f"#messages li.{kind}")).not_to_have_count(0)


def test_filter_count_shows_matched_of_total_while_filtering(connected):
    """#filter-count says "{matched} de {total} entradas" while a filter or toggle is active."""
    count = connected.locator("#filter-count")
    for text in ("eco 1", "outra"):
        send(connected, text)
    expect(connected.locator("#messages li.received")).to_have_count(2)
    total = connected.locator(ENTRIES).count()
    expect(count).to_be_hidden()
    connected.fill("#filter", "eco")
    expect(count).to_be_visible()
    expect(count).to_have_text(f"2 de {total} entradas")
    connected.fill("#filter", "")
    expect(count).to_be_hidden()
    connected.uncheck("#show-sent")
    expect(count).to_have_text(f"{total - 2} de {total} entradas")


def test_clear_empties_the_log_and_the_dropped_count(open_page, scripted_server):
    """#clear empties the list and the kept log, so an export has no entries, and hides #dropped."""
    page = open_page(url=scripted_server(flood(30, "m{}")).url, cap="10")
    entries = page.locator(ENTRIES)
    expect(entries.last).to_have_text("Recebido: m29")
    dropped = page.locator("#dropped")
    expect(dropped).to_be_visible()
    page.click("#clear")
    expect(entries).to_have_count(0)
    expect(dropped).to_be_hidden()
    _, records = _export(page)
    assert records == []


def test_export_of_all_writes_every_kept_entry_whatever_the_filter(connect_to, scripted_server):
    """Export of all kept entries gives one JSON object each, oldest first, and says so."""
    page = connect_to(scripted_server(sending(b"\xde\xad\xbe\xef", "olá")).url)
    expect(page.locator("#messages li.received")).to_have_count(2)
    total = page.locator(ENTRIES).count()
    page.fill("#filter", "nada disso")
    expect(page.locator(ENTRIES)).to_have_count(0)
    name, records = _export(page, "all")
    assert FILE_NAME.match(name), name
    assert len(records) == total
    assert [record["seq"] for record in records] == sorted(record["seq"] for record in records)
    for record in records:
        assert RECORD_KEYS <= record.keys() <= RECORD_KEYS | OPTIONAL_KEYS, record
        assert ISO_UTC.match(record["time"]), record
    messages = [record for record in records if record["direction"] != "system"]
    assert messages == [
        {**messages[0], "direction": "received", "type": "binary", "size": 4, "base64": "3q2+7w=="},
        {**messages[1], "direction": "received", "type": "text", "size": 4, "text": "olá"},
    ]
    assert all(record["type"] == "text" for record in records if record["direction"] == "system")
    expect(page.locator("#tool-status")).to_have_text(
        f"Exportadas todas as {total} entradas guardadas."
    )


def test_copy_puts_the_shown_entries_on_the_clipboard(page, connected):
    """#copy copies the filtered entries as "time label payload" lines and says how many."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    for text in ("alpha", "beta"):
        send(page, text)
    expect(page.locator("#messages li.received")).to_have_count(2)
    page.fill("#filter", "alpha")
    shown = page.locator(ENTRIES)
    expect(shown).to_have_count(2)
    metas = shown.evaluate_all("items => items.map(li => li.dataset.meta)")
    times = [meta.split(" · ")[0] for meta in metas]
    page.click("#copy")
    expect(page.locator("#tool-status")).to_have_text("Copiadas 2 entradas visíveis.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.split("\n") == [f"{times[0]} Enviado: alpha", f"{times[1]} Recebido: alpha"]


def test_copy_gives_hex_pairs_for_binary_entries_in_english(page, open_page, scripted_server):
    """With ?lang=en, binary entries copy as "Received: de ad be ef" and the count is English."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    frames = (b"\xde\xad\xbe\xef", bytes(range(20)))
    open_page(url=scripted_server(sending(*frames)).url, lang="en")
    expect(page.locator("#messages li.received")).to_have_count(2)
    page.uncheck("#show-system")
    shown = page.locator(ENTRIES)
    expect(shown).to_have_count(2)
    page.click("#copy")
    expect(page.locator("#tool-status")).to_have_text("Copied 2 visible entries.")
    copied = page.evaluate("() => navigator.clipboard.readText()").split("\n")
    pairs = " ".join(f"{byte:02x}" for byte in frames[1])
    assert len(copied) == 2
    assert re.fullmatch(f"{TIME} Received: de ad be ef", copied[0]), copied
    assert re.fullmatch(f"{TIME} Received: {pairs}", copied[1]), copied
