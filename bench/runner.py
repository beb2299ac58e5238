"""Runs the plan: each repetition measures every page once per job, in turn, in one Chromium."""

import asyncio
import sys
import time
from typing import Callable, NamedTuple

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

from bench import measure, scripting, targets
from bench.plan import burst_id
from bench.report import format_value
from wsdev.chromium import launch_options

__all__ = ["Job", "jobs", "run", "schedule"]


class Job(NamedTuple):
    """A measurement and where it applies.

    Attributes:
        name: shown in the progress lines.
        figures: the figure ids it yields, with their units.
        applies: page -> whether this job measures it.
        run: async (browser, url, page) -> {figure id: value}.
        runs: how many repetitions include this job (the first ones).
        timeout: seconds its slowest step may take.
    """

    name: str
    figures: dict
    applies: Callable
    run: Callable
    runs: int
    timeout: float


def _has(kind):
    return lambda page: kind in page.measures


def _burst(plan, count):
    def applies(page):
        in_bursts = count in plan.bursts and targets.BURSTS in page.measures
        return in_bursts or (count == plan.seed_burst and targets.SEED_BURST in page.measures)

    timeout = plan.flood_timeout(count)

    async def run(browser, url, page):
        return {burst_id(count): await measure.burst(browser, url, count, timeout)}

    runs = plan.runs if count <= plan.main_burst else min(plan.runs, plan.long_runs)
    return Job(f"burst {count:,}", {burst_id(count): "msg/s"}, applies, run, runs, timeout)


def _memory(plan):
    first, total = plan.memory
    timeout = plan.flood_timeout(total)

    async def run(browser, url, page):
        return await measure.memory(browser, url, first, total, timeout)

    figures = {"heap_first": "MB", "heap_total": "MB", "li_total": "count", "wasm_total": "MB"}
    runs = min(plan.runs, plan.memory_runs)
    return Job(f"memory {total:,}", figures, _has(targets.MEMORY), run, runs, timeout)


def _filter(plan):
    async def run(browser, url, page):
        return await measure.filter_typing(
            browser, url, plan.filter_entries, plan.filter_text, plan.key_delay, plan.timeout
        )

    figures = {"filter_shown": "ms", "filter_key": "ms"}
    return Job("filter", figures, _has(targets.FILTER), run, plan.runs, plan.timeout)


def _simple(plan, name, figure, kind, measure_fn):
    async def run(browser, url, page):
        return {figure: await measure_fn(browser, url, page)}

    return Job(name, {figure: "ms"}, _has(kind), run, plan.runs, plan.timeout)


def jobs(plan):
    """Return the jobs of `plan`, in the order each repetition runs them."""
    t = plan.timeout
    out = [_simple(plan, "start", "start", targets.START, lambda b, u, p: measure.start(b, u, t))]
    out += [_burst(plan, count) for count in sorted({*plan.bursts, plan.seed_burst})]
    out += [
        _simple(
            plan,
            "close",
            "close",
            targets.CLOSE,
            lambda b, u, p: measure.close(b, u, plan.close_flood, p.shows_messages, t),
        ),
        _memory(plan),
        _simple(
            plan,
            "text",
            "text_echo",
            targets.LARGE,
            lambda b, u, p: measure.large(b, u, plan.big, True, t),
        ),
        _simple(
            plan,
            "binary",
            "binary_in",
            targets.LARGE,
            lambda b, u, p: measure.large(b, u, plan.big, False, t),
        ),
        _simple(
            plan,
            "latency",
            "latency",
            targets.LATENCY,
            lambda b, u, p: measure.latency(b, u, plan.echoes, t),
        ),
        _filter(plan),
        _script_loop(plan),
        _hooked_burst(plan),
    ]
    return out


def _script_loop(plan):
    async def run(browser, url, page):
        return await scripting.loop(browser, url, plan.timeout)

    figures = dict.fromkeys(scripting.LOOP_FIGURES, "ms")
    return Job("script loop", figures, _has(targets.SCRIPT), run, plan.runs, plan.timeout)


def _hooked_burst(plan):
    count = plan.main_burst
    timeout = plan.flood_timeout(count)

    async def run(browser, url, page):
        return await scripting.hooked_burst(browser, url, count, timeout)

    figures = {"hook_burst": "msg/s", "hook_rate": "msg/s", "hook_frame": "ms", "plain_frame": "ms"}
    return Job(f"hooked {count:,}", figures, _has(targets.SCRIPT), run, plan.runs, timeout)


async def _attempt(job, browser, url, page):
    """Run one job; a hang, a timeout or an error becomes that word in every figure."""
    # Each step has its own timeout; this only guards against a stuck browser.
    guard = measure.OPEN_TIMEOUT + 2 * job.timeout + 60
    try:
        return await asyncio.wait_for(job.run(browser, url, page), guard)
    except measure.Failed as exc:
        failure = str(exc)
    except (TimeoutError, PlaywrightTimeout):
        failure = "timeout"
    except PlaywrightError as exc:
        failure = f"error: {str(exc).splitlines()[0]}"[:300]
    return dict.fromkeys(job.figures, failure)


def schedule(plan, pages):
    """Yield (repetition, job, page) in the order they run: pages take turns on each job.

    The order rotates by one page each repetition, so no page always runs right after
    the same neighbour: a page that leaves the browser busy (Pyodide's heap being
    reclaimed) would otherwise always slow the same next page.
    """
    pages = list(pages)
    for rep in range(plan.runs):
        shift = rep % len(pages) if pages else 0
        turn = pages[shift:] + pages[:shift]
        for job in jobs(plan):
            for page in turn:
                runs = min(job.runs, page.max_runs or job.runs)
                if rep < runs and job.applies(page):
                    yield rep, job, page


async def run(plan, pages, bases, ws_url, log=sys.stderr):
    """Measure `pages` as `plan` says, in the order of `schedule()`, in one Chromium.

    Returns:
        ({figure id: {page name: [samples]}}, the browser's version, seconds taken).
    """
    results = {}
    began = time.monotonic()
    async with async_playwright() as playwright:
        chromium = playwright.chromium
        browser = None
        try:
            for rep, job, page in schedule(plan, pages):
                # A renderer that ran out of memory can take the browser with it.
                if browser is None or not browser.is_connected():
                    browser = await chromium.launch(**launch_options(chromium))
                url = targets.page_url(page, bases, ws_url)
                values = await _attempt(job, browser, url, page)
                _record(results, page.name, values)
                elapsed = time.monotonic() - began
                _progress(log, elapsed, rep, plan.runs, job, page.name, values)
            version = browser.version if browser is not None else "?"
        finally:
            if browser is not None:
                await browser.close()
    return results, version, time.monotonic() - began


def _record(results, page_name, values):
    for figure, value in values.items():
        results.setdefault(figure, {}).setdefault(page_name, []).append(value)


def _progress(log, elapsed, rep, runs, job, page_name, values):
    shown = ", ".join(format_value(values[f], unit) for f, unit in job.figures.items())
    minutes, seconds = divmod(int(elapsed), 60)
    line = f"{minutes:3d}:{seconds:02d} [{rep + 1}/{runs}] {job.name:<15} {page_name:<13} {shown}"
    print(line, file=log, flush=True)
    for detail in sorted({v for v in values.values() if isinstance(v, str) and ": " in v}):
        print(f"    {detail}", file=log, flush=True)
