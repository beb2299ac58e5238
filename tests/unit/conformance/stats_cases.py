"""wsclient.stats: totals and rates each way, over a sliding second."""

from wsclient import stats


def _counter():
    counter = stats.Stats()
    for _ in range(30):
        counter.count("sent", 2, 1000.0)
    counter.count("received", 5, 1010.0)
    return counter


CASES = [
    (
        "sent in the window",
        lambda: _counter().snapshot(1550.0)["sent"],
        {"messages": 30, "bytes": 60, "rate": 30, "byte_rate": 60},
    ),
    (
        "received in the window",
        lambda: _counter().snapshot(1550.0)["received"],
        {"messages": 1, "bytes": 5, "rate": 1, "byte_rate": 5},
    ),
    ("rate half a window later", lambda: _counter().snapshot(2050.0)["sent"]["rate"], 15),
    ("rate long after", lambda: _counter().snapshot(5000.0)["sent"]["rate"], 0),
    ("median of four", lambda: stats.median([4, 1, 3, 2]), 2.5),
    ("median of nothing", lambda: stats.median([]), None),
]
