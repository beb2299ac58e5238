"""One measurement each: open a fresh page, drive it through the shared markup, return figures."""

import asyncio
import contextlib
import statistics

from playwright.async_api import TimeoutError as PlaywrightTimeout

from bench import probes

__all__ = [
    "OPEN_TIMEOUT",
    "Failed",
    "big_text",
    "burst",
    "close",
    "filter_typing",
    "large",
    "latency",
    "memory",
    "opened",
    "outcome",
    "start",
    "submit_and_wait",
]

# Seconds a page may take to load and connect (Pyodide needs a few).
OPEN_TIMEOUT = 120.0
# Closing a context whose renderer hangs must not hang the benchmark.
_CLOSE_TIMEOUT = 30.0
_STATUS = "() => ((s) => `${s.className}: ${s.textContent}`)(document.getElementById('status'))"
_SET_MESSAGE = "(text) => { document.getElementById('message').value = text; }"
_TWO_FRAMES = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


class Failed(Exception):
    """A measurement that could not be made; the message starts with its kind ("timeout: …")."""


@contextlib.asynccontextmanager
async def opened(browser, url, timeout, init=None):
    """Yield a page of a fresh browser context, loaded from `url` and connected.

    A fresh context shares no cache, storage or process with the previous page.
    `init`, if given, is JavaScript run before the page's own (to store settings).

    Raises:
        Failed: the page did not connect within `timeout` (at most OPEN_TIMEOUT) seconds.
    """
    context = await browser.new_context()
    try:
        await context.add_init_script(probes.INIT)
        if init is not None:
            await context.add_init_script(init)
        page = await context.new_page()
        problems = []
        page.on("pageerror", lambda exc: problems.append(f"uncaught {exc}"))
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        wait = min(timeout, OPEN_TIMEOUT) * 1000
        try:
            await page.goto(url, timeout=wait)
            await page.wait_for_function("() => window.__openAt !== undefined", timeout=wait)
        except PlaywrightTimeout:
            raise Failed(await _not_open(page, problems)) from None
        # Let the page draw what it draws on connecting (ours: a note in the log, at
        # the next animation frame) before anything watches the log.
        await page.evaluate(_TWO_FRAMES)
        yield page
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(context.close(), _CLOSE_TIMEOUT)


async def _not_open(page, problems):
    """Say why a page is not connected: its status line and its last errors."""
    try:
        status = await asyncio.wait_for(page.evaluate(_STATUS), 5)
    except Exception:  # noqa: BLE001 - a hung page says nothing
        status = "?"
    errors = "; ".join(problems[-3:]) or "none"
    return f"timeout: never connected; #status {status}; console errors: {errors}"[:400]


async def start(browser, url, timeout):
    """Milliseconds from navigation start until #status has the class "open"."""
    async with opened(browser, url, timeout) as page:
        return await page.evaluate("() => window.__openAt")


def outcome(value):
    """A probe's result: the number, "timeout" for null, "error: …" when the page reported one."""
    if value is None:
        return "timeout"
    if isinstance(value, dict):
        return f"error: the page reported {value.get('failed', value)}"[:300]
    return value


async def submit_and_wait(page, command, suffix, timeout):
    ms = await page.evaluate(probes.BURST, [command, suffix, timeout * 1000])
    return outcome(ms)


async def burst(browser, url, count, timeout):
    """Messages per second: `flood count`, from submit until the END li is shown."""
    async with opened(browser, url, timeout) as page:
        ms = await submit_and_wait(page, f"flood {count} 32", "END", timeout)
    return ms if isinstance(ms, str) else count / (ms / 1000)


async def close(browser, url, count, shows_messages, timeout):
    """Milliseconds from pressing #close, during a flood, to the first change of #status.

    The press is Enter on the focused button: a real key event whose click needs no
    hit test. page.click() first runs its checks in the page, and under a flood each
    of them waits its turn behind the messages, for seconds; the flood could be over.
    """
    async with opened(browser, url, timeout) as page:
        await page.evaluate(probes.CLOSE_ARM, f"flood {count} 32")
        await page.wait_for_function(probes.CLOSE_READY, arg=shows_messages, timeout=timeout * 1000)
        await page.keyboard.press("Enter")
        handle = await page.wait_for_function(probes.CLOSE_DONE, timeout=timeout * 1000)
        delay, too_late = await handle.json_value()
        return "flood over" if too_late else delay


async def _heap_mb(cdp):
    """The JS heap plus the DOM's (Blink's embedder heap), after garbage collection, in MB."""
    for _ in range(2):
        await cdp.send("HeapProfiler.collectGarbage")
    usage = await cdp.send("Runtime.getHeapUsage")
    return (usage["usedSize"] + usage.get("embedderHeapUsedSize", 0)) / 1e6


async def memory(browser, url, first, total, timeout):
    """Heap after `first` messages, then heap, WebAssembly memory and li count after `total`."""
    async with opened(browser, url, timeout) as page:
        cdp = await page.context.new_cdp_session(page)
        ms = await submit_and_wait(page, f"flood {first} 32", "END", timeout)
        if isinstance(ms, str):
            return dict.fromkeys(("heap_first", "heap_total", "li_total", "wasm_total"), ms)
        heap_first = await _heap_mb(cdp)
        ms = await submit_and_wait(page, f"flood {total - first} 32", "END", timeout)
        if isinstance(ms, str):
            return {"heap_first": heap_first, "heap_total": ms, "li_total": ms, "wasm_total": ms}
        return {
            "heap_first": heap_first,
            "heap_total": await _heap_mb(cdp),
            "li_total": await page.evaluate(probes.COUNT_LI),
            "wasm_total": await page.evaluate(probes.WASM_BYTES) / 1e6,
        }


def big_text(size):
    """`size` bytes of ASCII text with a space every 64 characters, ending in a marker."""
    marker = "<<big-end>>"
    line = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-"[:63] + " "
    body = line * ((size - len(marker)) // len(line) + 1)
    return body[: size - len(marker)] + marker


async def large(browser, url, size, text, timeout):
    """Milliseconds from submit until the echo of a `size`-byte text (or a binary) is shown.

    The echo is the only message coming, so the first received li is it, however
    much of it the page chooses to show. Binary: the page cannot send binary, so it
    asks the server for `size` random bytes with `binary SIZE`, and the figure is
    the time until the page shows them.
    """
    async with opened(browser, url, timeout) as page:
        if not text:
            return await submit_and_wait(page, f"binary {size}", "", timeout)
        # The text goes straight into the field: the clock starts at submit anyway.
        await page.evaluate(_SET_MESSAGE, big_text(size))
        return await submit_and_wait(page, None, "", timeout)


async def latency(browser, url, count, timeout):
    """Median milliseconds of `count` sequential echoes, each from submit until shown."""
    async with opened(browser, url, timeout) as page:
        times = outcome(await page.evaluate(probes.LATENCY, [count, timeout * 1000]))
    return times if isinstance(times, str) else statistics.median(times)


def flood_matches(count, text, size=32):
    """How many of the messages of `flood count size` hold text, in any case."""
    width = len(str(count))
    needle = text.lower()
    return sum(needle in f"m{seq:0{width}d}".ljust(size, "x") for seq in range(1, count + 1))


async def filter_typing(browser, url, entries, text, delay, timeout):
    """Type text into #filter over `entries` kept messages, a key every `delay` ms.

    Returns:
        {"filter_shown": milliseconds from the last key's event (when the browser got
        it) until #messages shows exactly the messages that hold text, "filter_key":
        the longest any key held the page up: from its event to the next frame}.
    """
    figures = ("filter_shown", "filter_key")
    async with opened(browser, url, timeout) as page:
        ms = await submit_and_wait(page, f"flood {entries} 32", "END", timeout)
        if isinstance(ms, str):
            return dict.fromkeys(figures, ms)
        await page.evaluate(_TWO_FRAMES)
        await page.evaluate(probes.FILTER_ARM, [text, flood_matches(entries, text)])
        await page.focus("#filter")
        await page.keyboard.type(text, delay=delay)
        handle = await page.wait_for_function(
            probes.FILTER_DONE, arg=[len(text)], timeout=timeout * 1000
        )
        shown, longest = await handle.json_value()
        return {"filter_shown": shown, "filter_key": longest}
