"""Traffic counters, rates over the last second, and the round-trip time of echoes."""

import asyncio
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.page import send

# The counters and the RTT count from the page's start: each test needs a page of its own.
pytestmark = [pytest.mark.usefixtures("no_internal_errors"), pytest.mark.own_page]

# The message rate has one decimal; the spec does not say how many the byte rate has.
PT_RATES = r"(\d+,\d) msg/s · (\d+(?:,\d+)?) B/s"
EN_RATES = r"(\d+\.\d) msg/s · (\d+(?:\.\d+)?) B/s"
STAMP_SLACK_MS = 50
ECHO_DELAY = 0.3


def _number(text):
    return float(text.replace(",", "."))


def test_stats_count_messages_and_utf8_bytes_each_way(connected):
    """#stats-sent and #stats-received count messages and UTF-8 bytes, rates with a comma."""
    for _ in range(2):
        send(connected, "olá")
    expect(connected.locator("#messages li.received")).to_have_count(2)
    expect(connected.locator("#stats-sent")).to_have_text(
        re.compile(rf"^Enviadas: 2 msg · 8 B · {PT_RATES}$")
    )
    expect(connected.locator("#stats-received")).to_have_text(
        re.compile(rf"^Recebidas: 2 msg · 8 B · {PT_RATES}$")
    )


def test_received_rate_follows_a_steady_stream(open_page, scripted_server):
    """A server sending 20 one-byte messages a second shows about 20 msg/s and 20 B/s."""

    async def steady(connection):
        for _ in range(80):
            await connection.send("x")
            await asyncio.sleep(0.05)
        await connection.wait_closed()

    page = open_page(url=scripted_server(steady).url)
    stats = page.locator("#stats-received")
    page.wait_for_function(
        """() => { const m = /^Recebidas: (\\d+) msg/.exec(
            document.querySelector('#stats-received').textContent);
            return m !== null && Number(m[1]) >= 40; }""",
        timeout=20_000,
    )
    match = re.search(PT_RATES, stats.text_content())
    assert match, stats.text_content()
    rate, byte_rate = (_number(group) for group in match.groups())
    assert 8 <= rate <= 40, f"{rate} msg/s for a stream of 20 msg/s"
    assert abs(byte_rate - rate) < 1, f"{byte_rate} B/s for {rate} one-byte msg/s"


def test_rtt_shows_a_dash_then_last_and_median(connected):
    """#rtt reads "RTT do eco: —" before any echo, then the last and median round trips."""
    rtt = connected.locator("#rtt")
    expect(rtt).to_have_text("RTT do eco: —")
    for text in ("a", "b", "c"):
        send(connected, text)
    expect(connected.locator("#messages li.received")).to_have_count(3)
    expect(rtt).to_have_text(
        re.compile(r"^RTT do eco: última \d+,\d ms · mediana \d+,\d ms$"), timeout=5000
    )


def test_rtt_is_measured_to_the_echo_not_to_other_messages(open_page, scripted_server):
    """A reply that is not the echo does not count: the RTT is the time to the real echo."""

    async def noise_then_late_echo(connection):
        async for message in connection:
            await connection.send("ruído")
            await asyncio.sleep(ECHO_DELAY)
            await connection.send(message)

    page = open_page(url=scripted_server(noise_then_late_echo).url)
    send(page, "ping")
    expect(page.locator("#messages li.received")).to_have_count(2)
    rtt = page.locator("#rtt")
    pattern = re.compile(r"^RTT do eco: última (\d+,\d) ms · mediana (\d+,\d) ms$")
    expect(rtt).to_have_text(pattern)
    last, median = (_number(group) for group in pattern.match(rtt.text_content()).groups())
    # The page stamps a send just after the socket takes it, so on a loaded machine the
    # server may hold it a few milliseconds before the stamp; the noise came at once.
    assert ECHO_DELAY * 1000 - STAMP_SLACK_MS <= last < 10_000, (
        f"RTT {last} ms for an echo {ECHO_DELAY} s late"
    )
    assert median == last


def test_measurements_read_in_english_with_a_decimal_point(open_page):
    """With ?lang=en the counters and the RTT read in English, with decimal points."""
    page = open_page(lang="en")
    expect(page.locator("#rtt")).to_have_text("Echo RTT: —")
    send(page, "hi")
    expect(page.locator("#messages li.received")).to_have_count(1)
    expect(page.locator("#stats-sent")).to_have_text(
        re.compile(rf"^Sent: 1 msg · 2 B · {EN_RATES}$")
    )
    expect(page.locator("#stats-received")).to_have_text(
        re.compile(rf"^Received: 1 msg · 2 B · {EN_RATES}$")
    )
    expect(page.locator("#rtt")).to_have_text(
        re.compile(r"^Echo RTT: last \d+\.\d ms · median \d+\.\d ms$")
    )
