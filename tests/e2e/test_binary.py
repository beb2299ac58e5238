"""Binary frames as hex dumps, and the hex and Base64 send modes, on both interpreters."""

import base64
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send
from tests.e2e.servers import echo

pytestmark = pytest.mark.usefixtures("no_internal_errors")

DEADBEEF = b"\xde\xad\xbe\xef"
# Lines the dump shows before "Mostrar tudo".
COLLAPSED_LINES = 8
# An entry's nodes: label span, the space, the dump, the size (and nothing else).
NODES_JS = """li => Array.from(li.childNodes).map(node =>
    node.nodeType === Node.TEXT_NODE ? JSON.stringify(node.data) : node.nodeName.toLowerCase())"""


def _hexdump(data):
    """The lines `hexdump -C` prints for data (without its final offset line)."""
    lines = []
    for start in range(0, len(data), 16):
        chunk = data[start : start + 16]
        left = " ".join(f"{byte:02x}" for byte in chunk[:8])
        right = " ".join(f"{byte:02x}" for byte in chunk[8:])
        pairs = f"{left}  {right}" if right else left
        text = "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in chunk)
        lines.append(f"{start:08x}  {pairs:<49} |{text}|")
    return lines


def _dump_text(lines):
    """A to_have_text pattern for a dump of exactly these lines (a final newline allowed)."""
    return re.compile("^" + re.escape("\n".join(lines)) + "\n?$")


def _sending(data):
    """A handler that sends data as one binary frame, then holds the connection."""

    async def handler(connection):
        await connection.send(data)
        await connection.wait_closed()

    return handler


def test_received_binary_is_a_label_a_hexdump_and_its_size(connect_to, scripted_server):
    """A binary frame is listed as its label, a `hexdump -C` style dump, then its size."""
    data = b"Hello, WebSocket\x00\x01\xff"
    page = connect_to(scripted_server(_sending(data)).url)
    received = page.locator("#messages li.received")
    expect(received.locator("pre.dump")).to_have_text(_dump_text(_hexdump(data)))
    expect(received.locator("span").first).to_have_text("Recebido:")
    expect(received.locator("small.meta")).to_have_text(" (binário, 19 bytes)")
    assert received.evaluate(NODES_JS) == ["span", '" "', "pre", "small"]


def test_long_dump_shows_eight_lines_until_show_all(connect_to, scripted_server):
    """A frame over 128 bytes shows 8 dump lines and a "Mostrar tudo" button that shows all."""
    data = bytes(range(129))
    page = connect_to(scripted_server(_sending(data)).url)
    received = page.locator("#messages li.received")
    dump = received.locator("pre.dump")
    expect(dump).to_have_text(_dump_text(_hexdump(data)[:COLLAPSED_LINES]))
    button = received.locator("pre.dump + button.show-all")
    expect(button).to_have_text("Mostrar tudo")
    button.click()
    expect(dump).to_have_text(_dump_text(_hexdump(data)))
    expect(received.locator("button.show-all")).to_have_count(0)


def test_show_all_gives_a_10000_byte_frame_whole_sent_and_received(connected):
    """Show all on a 10,000-byte frame shows every byte, of the send and of its echo."""
    data = (bytes(range(256)) * 40)[:10_000]
    connected.select_option("#mode", "base64")
    send(connected, base64.b64encode(data).decode())
    for kind in ("sent", "received"):
        entry = connected.locator(f"#messages li.{kind}")
        entry.locator("button.show-all").click()
        expect(entry.locator("button.show-all")).to_have_count(0)
        assert entry.locator("pre.dump").text_content() == "\n".join(_hexdump(data))
        expect(entry.locator("small.meta")).to_have_text(" (binário, 10.000 bytes)")


def test_hex_mode_sends_each_spelling_as_a_binary_frame(connect_to, scripted_server):
    """Hex with spaces, capitals, 0x, colons or line breaks goes out as the bytes it spells."""
    received = []
    page = connect_to(scripted_server(echo(received)).url)
    page.select_option("#mode", "hex")
    spellings = {
        "de ad be ef": DEADBEEF,
        "DEADBEEF": DEADBEEF,
        "0xde 0xad": b"\xde\xad",
        "de:ad": b"\xde\xad",
        " de\tad\n be  ef ": DEADBEEF,
    }
    for text in spellings:
        send(page, text)
    expect(page.locator("#messages li.received pre.dump")).to_have_count(len(spellings))
    expect(page.locator("#messages li.sent pre.dump")).to_have_count(len(spellings))
    assert received == list(spellings.values())


def test_base64_mode_sends_either_alphabet_as_a_binary_frame(connect_to, scripted_server):
    """Standard and URL-safe Base64, padded or not, with blanks, go out as their bytes."""
    received = []
    page = connect_to(scripted_server(echo(received)).url)
    page.select_option("#mode", "base64")
    texts = ["3q2+7w==", "3q2-7w", "3q2+\n7w=="]
    for text in texts:
        send(page, text)
    expect(page.locator("#messages li.received pre.dump")).to_have_count(len(texts))
    assert received == [DEADBEEF] * len(texts)


def test_bad_hex_is_refused_at_its_line_and_column(connected):
    """Bad hex sends and logs nothing, keeps the text, and says and marks where it is wrong."""
    text = "de ad\nbe zf"
    entries = connected.locator("#messages li")
    expect(entries.filter(has_text="Conectado ao servidor")).to_have_count(1)
    before = entries.count()
    connected.select_option("#mode", "hex")
    send(connected, text)
    error = connected.locator("p#send-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(
        "Hex inválido na linha 2, coluna 4: “z” não é um dígito hexadecimal."
    )
    field = connected.locator("#message")
    expect(field).to_have_value(text)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "send-error")
    assert field.evaluate("el => el.selectionStart") == text.index("z")
    expect(entries).to_have_count(before)


def test_send_error_goes_away_on_the_next_good_send(connect_to, scripted_server):
    """After a refused payload, a good one is sent alone and the error and aria-invalid go."""
    received = []
    page = connect_to(scripted_server(echo(received)).url)
    page.select_option("#mode", "hex")
    send(page, "zz")
    error = page.locator("#send-error")
    expect(error).to_be_visible()
    send(page, "0a")
    expect(page.locator("#messages li.received pre.dump")).to_have_count(1)
    expect(error).to_be_hidden()
    assert not page.locator("#message").evaluate("el => el.hasAttribute('aria-invalid')")
    assert received == [b"\n"]


def test_bad_base64_is_refused_at_its_line_and_column(connected):
    """Base64 with a character outside both alphabets says where it is."""
    connected.select_option("#mode", "base64")
    send(connected, "3q2*7w==")
    error = connected.locator("#send-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(re.compile(r"^Base64 inválido na linha 1, coluna 4\b"))
    expect(connected.locator("#messages li.sent")).to_have_count(0)
