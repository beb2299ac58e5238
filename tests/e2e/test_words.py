"""Words and numbers: plurals that agree, thousands separators, brackets that do not nest."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.servers import close_with, sending

pytestmark = pytest.mark.usefixtures("no_internal_errors")


def test_a_one_byte_frame_is_one_byte(connect_to, scripted_server):
    """A binary frame of one byte reads "binário, 1 byte", never "1 bytes"."""
    page = connect_to(scripted_server(sending(b"\x01")).url)
    note = page.locator("#messages li.received small.meta")
    expect(note).to_have_text(" (binário, 1 byte)")


def test_an_entry_size_has_thousands_separators(connected):
    """A 1,500-byte message's meta line reads "1.500 B" in pt-BR."""
    send(connected, "x" * 1500)
    sent = connected.locator("#messages li.sent").last
    expect(sent).to_have_attribute("data-meta", re.compile(r" · 1\.500 B · texto$"))


@pytest.mark.own_page
def test_counters_have_thousands_separators_in_english(open_page, scripted_server):
    """The received counter reads "1,500 B" with ?lang=en, next to a rate with a point."""
    page = open_page(lang="en", url=scripted_server(sending("y" * 1500)).url)
    expect(page.locator("#stats-received")).to_have_text(
        re.compile(r"^Received: 1 msg · 1,500 B · \d+\.\d msg/s · ")
    )


def test_a_private_close_code_is_named_without_nested_brackets(connect_to, scripted_server):
    """Code 4001 reads "Código 4001 (Aplicação, uso privado)", with one pair of brackets."""
    page = connect_to(scripted_server(close_with(4001, "bye")).url)
    expect(page.locator("#status")).to_contain_text("Código 4001 (Aplicação, uso privado).")
