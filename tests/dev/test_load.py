"""Bounded load test of the echo server."""

import asyncio
import resource
from concurrent.futures import ThreadPoolExecutor

import pytest
from websockets.asyncio.client import connect

CLIENTS = 500
MESSAGES = 100


@pytest.fixture
def enough_file_descriptors():
    """Raise the soft limit on open files to fit both ends of every connection."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


async def _client(url, number, ready, go):
    """Connect, wait for every client, then check MESSAGES echoes arrive in order."""
    async with connect(url, open_timeout=60) as ws:
        ready.release()
        await go.wait()
        sent = [f"{number}:{i}" for i in range(MESSAGES)]
        for message in sent:
            await ws.send(message)
        received = [await ws.recv() for _ in sent]
    assert received == sent, f"client {number} got its echoes out of order"


async def _load(url):
    ready, go = asyncio.Semaphore(0), asyncio.Event()
    tasks = [asyncio.create_task(_client(url, n, ready, go)) for n in range(CLIENTS)]
    for _ in range(CLIENTS):
        await ready.acquire()
    # All clients are connected at once before anyone sends.
    go.set()
    await asyncio.gather(*tasks)


async def _echo_once(url):
    async with connect(url, open_timeout=10) as ws:
        await ws.send("still there?")
        return await ws.recv()


def _run(main, timeout):
    """Run main() to the end in a thread of its own, with its own event loop.

    The test's thread may have a loop running already: Playwright's sync API keeps one
    once a page test has run in the same process (a pytest-xdist worker, say).
    """
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(main(), timeout)).result()


@pytest.mark.usefixtures("enough_file_descriptors")
def test_500_concurrent_clients(echo_server):
    """500 concurrent clients each get 100 echoes in order; the server still answers after."""
    _run(lambda: _load(echo_server.url), timeout=120)
    assert _run(lambda: _echo_once(echo_server.url), timeout=10) == "still there?"
