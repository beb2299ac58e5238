"""A 375 px screen: hex dumps fit their entries, and the log never scrolls sideways."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.usefixtures("no_internal_errors")

NARROW = {"width": 375, "height": 667}
# 200 printable bytes, A to Z again and again: the ASCII column says what it shows.
DATA = (bytes(range(0x41, 0x5B)) * 8)[:200]
# "00000008  49 4a 4b 4c 4d 4e 4f 50  |IJKLMNOP|": an offset, 8 pairs, their ASCII.
EIGHT_A_LINE = re.compile(r"^[0-9a-f]{8}  (?:[0-9a-f]{2} ){7}[0-9a-f]{2}  \|.{8}\|$")
# Whether the element shows all of its content across (nothing cut off or scrolled).
FITS_JS = "el => el.scrollWidth <= el.clientWidth"


def _sending(data):
    async def handler(connection):
        await connection.send(data)
        await connection.wait_closed()

    return handler


def _narrow_page(page, open_page, scripted_server):
    page.set_viewport_size(NARROW)
    open_page(url=scripted_server(_sending(DATA)).url)
    dump = page.locator("#messages li.received pre.dump")
    expect(dump).to_be_visible()
    return dump


def test_a_dump_fits_a_375_px_screen_with_its_ascii_column(page, open_page, scripted_server):
    """At 375 px a dump has 8 bytes a line, all of it visible, and the log does not
    scroll sideways."""
    dump = _narrow_page(page, open_page, scripted_server)
    lines = dump.text_content().splitlines()
    assert lines[1] == "00000008  49 4a 4b 4c 4d 4e 4f 50  |IJKLMNOP|"
    assert all(EIGHT_A_LINE.match(line) for line in lines), lines
    assert dump.evaluate(FITS_JS)
    assert page.locator("#messages").evaluate(FITS_JS)


def test_show_all_on_a_narrow_screen_keeps_8_bytes_a_line(page, open_page, scripted_server):
    """The whole dump, after "Mostrar tudo", has 8 bytes a line and still fits."""
    dump = _narrow_page(page, open_page, scripted_server)
    page.get_by_role("button", name="Mostrar tudo").click()
    expect(dump).to_contain_text("|KLMNOPQR|")
    lines = dump.text_content().splitlines()
    assert len(lines) == 25 and lines[-1] == "000000c0  4b 4c 4d 4e 4f 50 51 52  |KLMNOPQR|"
    assert dump.evaluate(FITS_JS)
    assert page.locator("#messages").evaluate(FITS_JS)
