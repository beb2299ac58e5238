"""The pages compared, where each is served from and what is measured on it."""

from typing import NamedTuple
from urllib.parse import urlencode

__all__ = ["ALL", "BASELINE_PAGES", "PAGES", "Page", "only_measuring", "page_url", "pick_pages"]

# What a page can be measured on.
START = "start"
BURSTS = "bursts"
SEED_BURST = "seed_burst"
CLOSE = "close"
MEMORY = "memory"
LARGE = "large"
LATENCY = "latency"
FILTER = "filter"
SCRIPT = "script"
ALL = frozenset({START, BURSTS, SEED_BURST, CLOSE, MEMORY, LARGE, LATENCY, FILTER, SCRIPT})


class Page(NamedTuple):
    """One page under test.

    Attributes:
        name: the column's name.
        root: "site" (our page, served from site/) or "pages" (bench/pages/).
        path: the file, relative to its root.
        query: extra query parameters; `url` is always added.
        measures: which measurements apply.
        shows_messages: whether each message becomes an li (not on the ceiling).
        skipped: why the measurements left out are left out, for the table.
        blank: what the table shows for a measurement left out.
        max_runs: at most this many repetitions include the page (None: all).
    """

    name: str
    root: str
    path: str
    query: dict
    measures: frozenset
    shows_messages: bool = True
    skipped: str = ""
    blank: str = "—"
    max_runs: int | None = None


PAGES = (
    Page("ours-mpy", "site", "index.html", {"interpreter": "micropython"}, ALL),
    Page("ours-pyodide", "site", "index.html", {"interpreter": "pyodide"}, ALL),
    Page(
        "seed",
        "pages",
        "seed.html",
        {},
        frozenset({START, SEED_BURST}),
        skipped="only start and the small burst, in at most 3 runs: innerHTML += is "
        "quadratic, so 5,000 messages take 30 s or more and bigger floods would take hours",
        blank="skipped",
        max_runs=3,
    ),
    Page(
        "native",
        "pages",
        "native.html",
        {},
        ALL - {MEMORY, FILTER, SCRIPT},
        skipped="no memory figures: it keeps every li (about 4 KB of heap each), and on "
        "2 CPUs 1,000,000 of them took more than 10 minutes; it has no filter or scripts",
        blank="skipped",
    ),
    Page(
        "ceiling",
        "pages",
        "ceiling.html",
        {},
        frozenset({START, BURSTS, SEED_BURST, CLOSE, MEMORY}),
        shows_messages=False,
        skipped="shows no messages, so it has no echo or filter figures",
        blank="n/a",
    ),
    Page(
        "filter-js",
        "pages",
        "filter.html",
        {},
        frozenset({FILTER}),
        skipped="only the filter figures: the plain-JavaScript filter the page's is compared with",
        blank="skipped",
    ),
)


# Our page as an earlier commit built it (--baseline): start and bursts, which is what
# a change of the page can slow down without the other figures showing it, and the
# filter, to show a change that speeds it up.
BASELINE_PAGES = tuple(
    Page(
        name,
        "baseline",
        "index.html",
        {"interpreter": interpreter},
        frozenset({START, BURSTS, FILTER}),
        skipped="the baseline commit's page: start, bursts and the filter only",
        blank="skipped",
    )
    for name, interpreter in (("base-mpy", "micropython"), ("base-pyodide", "pyodide"))
)


def page_url(page, bases, ws_url):
    """Return the address that opens `page` connected to `ws_url`.

    Args:
        bases: {"site": "http://127.0.0.1:…/", "pages": "http://127.0.0.1:…/"}.
    """
    return bases[page.root] + page.path + "?" + urlencode({**page.query, "url": ws_url})


def pick_pages(names, baseline=False):
    """Return the pages named in `names` (all of them when it is empty), in table order.

    Args:
        baseline: also offer BASELINE_PAGES (and include them when names is empty).

    Raises:
        ValueError: a name is not a page.
    """
    pages = PAGES + BASELINE_PAGES if baseline else PAGES
    known = {page.name: page for page in pages}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"unknown page {unknown[0]!r}; pages are {', '.join(known)}")
    return tuple(page for page in pages if not names or page.name in names)


def only_measuring(pages, measures):
    """Return the pages restricted to `measures` (names from ALL); pages left with none go.

    Raises:
        ValueError: a name is not a measurement.
    """
    unknown = [m for m in measures if m not in ALL]
    if unknown:
        raise ValueError(f"unknown measurement {unknown[0]!r}; they are {', '.join(sorted(ALL))}")
    chosen = frozenset(measures)
    restricted = [page._replace(measures=page.measures & chosen) for page in pages]
    return tuple(page for page in restricted if page.measures)
