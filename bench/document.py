"""docs/benchmarks.md: the table, the machine, the command, and how each figure is measured."""

__all__ = ["render"]

_METHOD = """\
## How it is measured

Every page runs in the same Chromium, against the same local WebSocket server
(`bench/flood.py`), served from 127.0.0.1. The pages take turns: each
repetition measures every page once for each figure before the next figure,
starting one page later than the repetition before (so no page always runs after
the same neighbour), and each figure is the median of the repetitions. Every measurement opens a
fresh browser context (no cache, no shared process).

- **start**: milliseconds from navigation start until `#status` gets the class `open`.
- **burst**: the page submits `flood N 32`; the server answers with N text messages
  of 32 bytes, then `END`. Messages per second from the submit until the `li`
  ending in `END` is in `#messages`.
- **close**: `#close` has the focus; during a flood, once the first message is shown
  and 100 ms have passed, Playwright presses Enter. Milliseconds from the key event's
  time stamp (when the browser got it) to the first change of `#status`. A press that
  came after the flood's `END` counts as "flood over". (`page.click()` would run its
  checks in the busy page first, which took seconds.)
- **memory**: JavaScript and DOM heap (`Runtime.getHeapUsage`, used + embedder)
  after a forced garbage collection, after the first messages and after all of
  them, plus every WebAssembly memory's size and the number of `li`.
- **large**: the text is set in `#message` directly, then submitted; milliseconds
  until its echo's `li` appears (however much of the text the page shows in it).
  For binary the page submits `binary N` and the server sends N random bytes:
  that figure is receive-and-show only.
- **latency**: sequential echoes of `p0`, `p1`…; each from submit until its
  received `li` appears; the median of one page's echoes is one sample.
- **filter**: the page keeps a flood of 10,000 messages, then Playwright types `M0123`
  into `#filter`, a key every 80 ms. Milliseconds from the last key's event (its
  `timeStamp`: when the browser got it) until `#messages` shows exactly the 10 messages
  that hold the text; and the longest any key held the page up, from its event to the
  next animation frame (asked for from its keydown): the work it set off or waited
  behind, and at least the wait for a frame. `filter-js` (`bench/pages/filter.html`)
  is the plain-JavaScript filter over the same entries: on each key it lower-cases and
  searches all of them and draws the last 1,000 matches anew.

Playwright watches every WebSocket frame (its DevTools session has the Network
domain on), and every page pays for it: on a 2-CPU machine the ceiling page
received 34,000 messages per second without Playwright and 18,000–24,000 with
it. Throughput ratios against the ceiling are therefore kinder than they would
be in a browser nobody is watching.

Pages: `ours-mpy` and `ours-pyodide` are `site/index.html` on MicroPython and on
Pyodide; `seed` is the article's page with only its two syntax errors fixed
(`bench/pages/seed.html`); `native` is a plain-JavaScript page that appends one
`li` per message; `ceiling` only counts messages; `filter-js` is the plain-JavaScript
filter. With `--baseline COMMIT`,
`base-mpy` and `base-pyodide` are `site/` as that commit had it, on today's
vendored runtime, measured for start and bursts: a change to the page may cost
at most 10% of either.
"""


def render(table, notes, meta):
    """Return the Markdown document.

    Args:
        table: the Markdown table.
        notes: lines to list under the table.
        meta: {"command", "date", "cpus", "chromium", "python", "runs", "duration"}.
    """
    lines = [
        "# Benchmarks",
        "",
        f"Measured with `{meta['command']}` on {meta['date']}: "
        f"{meta['cpus']} CPUs (`nproc`), Chromium {meta['chromium']}, Python {meta['python']}. "
        f"The whole run took {meta['duration']}.",
        "",
        table.rstrip("\n"),
        "",
        *(f"- {note}" for note in notes),
        "",
        "![How far each check is from its target](benchmarks.png)",
        "",
        _METHOD,
    ]
    return "\n".join(lines)
